"""`colours`, `overview`, `notice`, `brief`: what the portfolio shows and the documents made from it."""
from __future__ import annotations

from pathlib import Path

from db import colours
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.portfolio import Portfolio
from desktop.cli.common import open_to_change
from desktop.cli.common import print_json as _print_json

BRIEF_DONE = QT_TRANSLATE_NOOP("cli", "已生成简报 {path}：{name}第{number}期（{week}），共 {pages} 页")
BRIEF_DONE_FILE = QT_TRANSLATE_NOOP("cli", "已生成简报 {path}：{name}第{number}期（{week}）")


def cmd_colours(args) -> int:
    from db.problems.colour import problem_colours
    with Portfolio.open(args.file, readonly=True) as pf:
        result = {**colours.all_colours(pf), "problems": problem_colours(pf)}
    _print_json({kind: {rid: {"colour": c.code, "reason": c.reason} for rid, c in items.items()}
                 for kind, items in result.items()})
    return 0


def cmd_overview(args) -> int:
    from db.rows.overview import overview
    with Portfolio.open(args.file, readonly=True) as pf:
        _print_json(overview(pf, args.week))
    return 0


def cmd_notice(args) -> int:
    from db.documents.notice import published_ids, write_notice
    from db.documents.notice_xlsx import write_notice_xlsx
    xlsx = args.out.lower().endswith(".xlsx")
    writer = write_notice_xlsx if xlsx else write_notice
    with Portfolio.open(args.file, readonly=True) as pf:
        path = Path(writer(pf, Path(args.out), ids=args.id or None, title=args.title))
        count = len(dict.fromkeys(args.id)) if args.id else len(published_ids(pf))
    if args.json:
        _print_json({"file": str(path), "size": path.stat().st_size, "format": "xlsx" if xlsx else "pdf",
                     "challenges": count})
    else:
        print(path)
    return 0


def cmd_brief(args) -> int:
    """Build the weekly brief — PDF, Word (.docx) or its 附表 in full (.xlsx), by the extension of
    --out — and record it as issued: the week keeps its 期号 from then on."""
    from db.documents.brief.build import build, format_of, write_brief, write_bytes
    from db.documents.brief.numbering import number_of
    from db.documents.brief.options import issue_ops, resolve
    format_of(args.out)  # refuse an unknown extension before opening anything
    with open_to_change(args.file) as pf:
        options = resolve(pf, week=args.week, name=args.name, issuer=args.issuer, number=args.number,
                          sections=args.sections, font=args.font, report_to=args.report_to,
                          copy_to=args.copy_to, send_to=args.send_to)
        before = number_of(pf, options.week)
        missing: tuple[str, ...] = ()
        if format_of(args.out) == "pdf":  # the PDF says which characters its fonts cannot show
            brief = build(pf, options)
            path, fmt, pages, missing = write_bytes(brief.pdf, args.out), "pdf", brief.pages, brief.missing
        else:
            path, fmt, pages = write_brief(pf, options, args.out)
        pf.apply(issue_ops(pf, options, remember=False))
    if args.json:
        _print_json({"file": str(path), "size": path.stat().st_size, "format": fmt, "week": options.week,
                     "number": options.number, "previous_number": before, "pages": pages,
                     "name": options.name, "issuer": options.issuer, "sections": list(options.sections),
                     "missing_chars": list(missing)})
        return 0
    elif pages is not None:
        print(tr(BRIEF_DONE, path=path, name=options.name, number=options.number, week=options.week, pages=pages))
    else:
        print(tr(BRIEF_DONE_FILE, path=path, name=options.name, number=options.number, week=options.week))
    if missing:  # characters no face has vanish on paper: say which
        from db.documents.brief.coverage import MESSAGE
        print(tr(MESSAGE, count=len(missing), chars=" ".join(missing)))
    return 0


def cmd_dubandan(args) -> int:
    """The printable 督办单 of one problem, PDF or .docx by the extension of --out."""
    from db.problems.dubandan import format_of, write_dubandan
    format_of(args.out)  # refuse an unknown extension before opening anything
    with Portfolio.open(args.file, readonly=True) as pf:
        path, fmt = write_dubandan(pf, args.uuid, args.out)
        code = pf.get("problems", args.uuid)["code"]
    if args.json:
        _print_json({"file": str(path), "size": path.stat().st_size, "format": fmt, "id": args.uuid, "code": code})
    else:
        print(path)
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("colours", help=tr(QT_TRANSLATE_NOOP("cli_help", "每个里程碑、项目、团队、指标、问题的亮灯及原因")))
    s.add_argument("file")
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_colours)

    s = sub.add_parser("overview", help=tr(QT_TRANSLATE_NOOP("cli_help", "总览的各项数据（亮灯、漏斗、到期与逾期、单位排名、投资进度、指标）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("--week", help=tr(QT_TRANSLATE_NOOP("cli_help", "ISO 周次，如 2026-W47（默认：本周）")))
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_overview)

    s = sub.add_parser("notice", help=tr(QT_TRANSLATE_NOOP("cli_help", "可打印的揭榜挂帅榜单（PDF；--out 以 .xlsx 结尾时为 XLSX）")))
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--id", action="append", help=tr(QT_TRANSLATE_NOOP("cli_help", "榜单 UUID（可重复；默认：所有已发榜、申报中的榜单）")))
    s.add_argument("--title", help=tr(QT_TRANSLATE_NOOP("cli_help", "榜单标题")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_notice)

    s = sub.add_parser("dubandan", help=tr(QT_TRANSLATE_NOOP("cli_help", "可打印的问题督办单：按 --out 的扩展名生成 PDF 或 Word（.docx）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("--out", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_dubandan)

    s = sub.add_parser("brief", help=tr(QT_TRANSLATE_NOOP("cli_help", "每周简报：按 --out 的扩展名生成 PDF、Word（.docx）或完整附表（.xlsx）；记入已签发的期号")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("--week", help=tr(QT_TRANSLATE_NOOP("cli_help", "ISO 周次，如 2026-W47（默认：本周）")))
    s.add_argument("--out", required=True)
    s.add_argument("--name", help=tr(QT_TRANSLATE_NOOP("cli_help", "简报名称")))
    s.add_argument("--issuer", help=tr(QT_TRANSLATE_NOOP("cli_help", "编印单位")))
    s.add_argument("--number", help=tr(QT_TRANSLATE_NOOP("cli_help", "期号（默认：上次签发的期号加一）")))
    s.add_argument("--sections", help=tr(QT_TRANSLATE_NOOP("cli_help", "栏目，逗号分隔：projects,issues,colours,overview,facilities,challenges,next_week,indicators（默认：全部）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--font", help=tr(QT_TRANSLATE_NOOP("cli_help", "正文字体：内置（默认）、仿宋、宋体或黑体（系统已安装时）")))
    s.add_argument("--report-to", dest="report_to", help=tr(QT_TRANSLATE_NOOP("cli_help", "报尾“报：”")))
    s.add_argument("--copy-to", dest="copy_to", help=tr(QT_TRANSLATE_NOOP("cli_help", "报尾“送：”")))
    s.add_argument("--send-to", dest="send_to", help=tr(QT_TRANSLATE_NOOP("cli_help", "报尾“发：”")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_brief)
