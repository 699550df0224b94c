"""`kechuang` — the command line (DESIGN §7). Works without a display; imports Qt only for `gui`.

Exit 0 on success, 2 on bad input or a refused file (one clear line on stderr, nothing
changed), 1 on other failures.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from db import builtin, colours
from db.changes import Create, Delete, Update
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, set_language, tr
from db.model import kind_of
from db.portfolio import Portfolio
from db.schema import SCHEMA_VERSION

log = logging.getLogger("kechuang")

M = {
    "exists": QT_TRANSLATE_NOOP("cli", "文件“{path}”已存在，不会覆盖。请换一个文件名。"),
    "bad_pair": QT_TRANSLATE_NOOP("cli", "参数“{arg}”应写成 字段=值"),
    "unknown_kind": QT_TRANSLATE_NOOP("cli", "未知的记录类型“{kind}”，可用：project, milestone, challenge, team, indicator, unit"),
    "created": QT_TRANSLATE_NOOP("cli", "已创建组合文件 {path}：{projects} 个项目，{milestones} 个里程碑，{indicators} 个指标"),
    "failed": QT_TRANSLATE_NOOP("cli", "操作失败：{detail}"),
    "nothing": QT_TRANSLATE_NOOP("cli", "没有需要修改的字段"),
    "exported": QT_TRANSLATE_NOOP("cli", "已导出到 {path}：{projects} 个项目，{milestones} 个里程碑"),
    "merged": QT_TRANSLATE_NOOP("cli", "已合并 {source}：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}"),
    "plans_added": QT_TRANSLATE_NOOP("cli", "已加入 {n} 条记录（已有的记录不重复加入）"),
    "merged_dry": QT_TRANSLATE_NOOP("cli", "预览合并 {source}（未写入）：新增 {added}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，疑似重复 {duplicates}"),
}


def _pairs(items: list[str]) -> dict:
    out = {}
    for item in items:
        if "=" not in item:
            raise UserError(M["bad_pair"], arg=item)
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def _print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1, sort_keys=False)
    sys.stdout.write("\n")


def _plan_ids(text: str | None) -> list[str] | None:
    return None if text is None else builtin.check_plans(text.replace("，", ",").split(","))


def cmd_init(args) -> int:
    path = Path(args.file)
    if path.exists() and path.stat().st_size > 0:
        raise UserError(M["exists"], path=str(path))
    plans = _plan_ids(args.plans)  # checked before the file is created
    with Portfolio.open(path, create=True) as pf:
        if not args.empty:
            builtin.load(pf, plans=plans)
        counts = pf.counts()
        loaded = builtin.loaded_plans(pf)
    if args.json:
        _print_json({"file": str(path), "size": path.stat().st_size, "counts": counts, "plans": loaded})
    else:
        print(tr(M["created"], path=path, **counts))
    return 0


def cmd_plans(args) -> int:
    """The built-in plans with their periods and whether FILE holds them; --add loads more."""
    from db import plans as plan_periods
    added = _plan_ids(args.add) if args.add else []
    with Portfolio.open(args.file, readonly=not added) as pf:
        changes = builtin.add_plans(pf, added) if added else None
        loaded = set(builtin.loaded_plans(pf))
        known = plan_periods.plans(pf)
    rows = [{"id": d["id"], "short": d["short"], "title": d["title"], "start": known[d["short"]].start,
             "end": known[d["short"]].end, "loaded": d["id"] in loaded} for d in builtin.documents()]
    if args.json:
        out = {"file": str(args.file), "plans": rows}
        if changes is not None:
            out["added"] = len(changes.records)
        _print_json(out)
        return 0
    if changes is not None:
        print(tr(M["plans_added"], n=len(changes.records)))
    for r in rows:
        print(f"{'✓' if r['loaded'] else ' '} {r['id']}  {r['short']}（{r['start']}—{r['end']}）  {r['title']}")
    return 0


def cmd_check(args) -> int:
    with Portfolio.open(args.file, readonly=True) as pf:
        problems = pf.integrity()
        report = {"file": str(args.file), "ok": not problems, "problems": problems,
                  "schema_version": pf.schema_version, "app_schema_version": SCHEMA_VERSION,
                  "site_id": pf.site_id, "counts": pf.counts()}
    if args.json:
        _print_json(report)
    else:
        print(f"{report['file']}: {'OK' if report['ok'] else 'PROBLEMS'} · schema v{report['schema_version']}")
        for name, n in report["counts"].items():
            print(f"  {name}: {n}")
        for p in problems:
            print("  !", p)
    return 0 if report["ok"] else 1


def cmd_dump(args) -> int:
    with Portfolio.open(args.file, readonly=True) as pf:
        _print_json(pf.dump())
    return 0


def _record(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k != "deleted"}


def cmd_add(args) -> int:
    """Prints the new record; with --json, {"kind", "id", "record", "changes"} (what the write did,
    e.g. a unit created on the way)."""
    kind = kind_of(args.kind)
    if kind is None:
        raise UserError(M["unknown_kind"], kind=args.kind)
    with Portfolio.open(args.file) as pf:
        changes = pf.apply([Create(kind.name, _pairs(args.fields))])
        rid = changes.records[0].id
        rec = _record(pf.get(kind.name, rid))
    if args.json:
        _print_json({"kind": kind.name, "id": rid, "record": rec} | changes.to_json())
    else:
        _print_json(rec)
    return 0


def cmd_set(args) -> int:
    """Prints the changed record; with --json, {"kind", "id", "record", "changes"}."""
    fields = _pairs(args.fields)
    if not fields:
        raise UserError(M["nothing"])
    with Portfolio.open(args.file) as pf:
        kind, _ = pf.find(args.uuid)
        ops = [Update(kind, args.uuid, fields, args.reason, args.approved_by)]
        if kind == "teams" and "status" in fields:
            # a team's status moves as the GUI's actions move it (立项 and 淘汰 have their own)
            from db.challenges import team_status_ops
            status_ops = team_status_ops(pf, args.uuid, fields.pop("status"))
            ops = status_ops + ([Update(kind, args.uuid, fields, args.reason, args.approved_by)] if fields else [])
        changes = pf.apply(ops)
        rec = _record(pf.get(kind, args.uuid))
    if args.json:
        _print_json({"kind": kind, "id": args.uuid, "record": rec} | changes.to_json())
    else:
        _print_json(rec)
    return 0


def cmd_delete(args) -> int:
    """Prints {"kind", "id", "changes"}: the record and what was deleted with it."""
    with Portfolio.open(args.file) as pf:
        kind, _ = pf.find(args.uuid)
        changes = pf.apply([Delete(kind, args.uuid)])
    _print_json({"kind": kind, "id": args.uuid} | changes.to_json())
    return 0


def cmd_colours(args) -> int:
    with Portfolio.open(args.file, readonly=True) as pf:
        result = colours.all_colours(pf)
    _print_json({kind: {rid: {"colour": c.code, "reason": c.reason} for rid, c in items.items()}
                 for kind, items in result.items()})
    return 0


def cmd_overview(args) -> int:
    from db.overview import overview
    with Portfolio.open(args.file, readonly=True) as pf:
        _print_json(overview(pf, args.week))
    return 0


def cmd_export(args) -> int:
    from db.exchange.export import export
    with Portfolio.open(args.file, readonly=True) as pf:
        manifest = export(pf, Path(args.out), units=args.unit or (), categories=args.category or ())
    counts = json.loads(manifest["counts"])
    if args.json:
        _print_json({"file": args.out, "size": Path(args.out).stat().st_size, "counts": counts,
                     "manifest": {**manifest, "counts": counts}})
    else:
        print(tr(M["exported"], path=args.out, projects=counts["projects"], milestones=counts["milestones"]))
    return 0


def cmd_merge(args) -> int:
    from db.exchange.merge import merge
    with Portfolio.open(args.file) as pf:
        result = merge(pf, Path(getattr(args, "from")), dry_run=args.dry_run)
    if args.json:
        _print_json(result.to_json() | {"dry_run": args.dry_run})
        return 0
    t = result.totals()
    print(tr(M["merged_dry" if args.dry_run else "merged"], source=getattr(args, "from"), **t))
    for c in result.conflicts:
        print(f"  ! {c.label} · {c.field}: {c.mine!r} ↔ {c.theirs!r}")
    for d in result.duplicates:
        print(f"  ? {d['incoming']} ≈ {d['local']}")
    return 0


def cmd_notice(args) -> int:
    from db.challenge_notice import published_ids, write_notice
    from db.challenge_notice_xlsx import write_notice_xlsx
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


BRIEF_DONE = QT_TRANSLATE_NOOP("cli", "已生成简报 {path}：{name}第{number}期（{week}），共 {pages} 页")


def cmd_brief(args) -> int:
    """Build the weekly brief and record it as issued: the week keeps its 期号 from then on."""
    from db.brief.build import build, write_pdf
    from db.brief.numbering import number_of
    from db.brief.options import issue_ops, resolve
    with Portfolio.open(args.file) as pf:
        options = resolve(pf, week=args.week, name=args.name, issuer=args.issuer, number=args.number,
                          sections=args.sections, font=args.font, report_to=args.report_to,
                          copy_to=args.copy_to, send_to=args.send_to)
        before = number_of(pf, options.week)
        brief = build(pf, options)
        path = write_pdf(brief.pdf, args.out)
        pf.apply(issue_ops(pf, options, remember=False))
    if args.json:
        _print_json({"file": str(path), "size": path.stat().st_size, "week": brief.week,
                     "number": options.number, "previous_number": before, "pages": brief.pages,
                     "name": options.name, "issuer": options.issuer, "sections": list(options.sections)})
    else:
        print(tr(BRIEF_DONE, path=path, name=options.name, number=options.number, week=brief.week,
                 pages=brief.pages))
    return 0


def cmd_gui(args) -> int:
    from desktop.app import run_gui  # Qt only here
    return run_gui(args.file, lang=getattr(args, "gui_lang", None) or args.lang)


class Parser(argparse.ArgumentParser):
    """A usage error keeps the contract too: one line on stderr (not the whole usage), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {' '.join(message.split())} (--help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="kechuang", description="科创项目台账 Kechuang Project Ledger")
    p.add_argument("--lang", choices=("zh", "en"), default=None, help="界面语言 / language")
    p.add_argument("--smoke", action="store_true", help="self-test: open every screen offscreen, write a brief, exit")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("gui", help="open the GUI on FILE")
    s.add_argument("file", nargs="?")
    s.add_argument("--lang", choices=("zh", "en"), default=None, dest="gui_lang")
    s.set_defaults(func=cmd_gui)

    s = sub.add_parser("init", help="new portfolio file (built-in portfolio unless --empty)")
    s.add_argument("file")
    s.add_argument("--empty", action="store_true")
    s.add_argument("--plans", help="built-in plans to load, comma-separated document ids such as 000,002 "
                                   "(default: all; see `kechuang plans`)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("plans", help="the built-in plans, their periods and whether FILE holds them; "
                                     "--add loads more of them (no duplicates)")
    s.add_argument("file")
    s.add_argument("--add", help="comma-separated document ids to add, such as 001,003")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_plans)

    s = sub.add_parser("check", help="integrity, schema version, record counts")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("dump", help="every live record, grouped by kind")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_dump)

    s = sub.add_parser("colours", help="colour and reason of every milestone, project, team, indicator")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_colours)

    s = sub.add_parser("overview", help="the overview's figures (colours, funnels, due/overdue, unit ranking, investment pace, indicators)")
    s.add_argument("file")
    s.add_argument("--week", help="ISO week such as 2026-W47 (default: this week)")
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_overview)

    s = sub.add_parser("export", help="export the portfolio or a slice as a portfolio file")
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--unit", action="append", help="责任单位 name (repeatable)")
    s.add_argument("--category", action="append", help="project category (repeatable)")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("merge", help="merge a received portfolio file into FILE")
    s.add_argument("file")
    s.add_argument("--from", required=True, dest="from")
    s.add_argument("--dry-run", action="store_true", dest="dry_run")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("notice", help="the printable 揭榜挂帅 榜单 of the published challenges (PDF, or XLSX when --out ends in .xlsx)")
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--id", action="append", help="a challenge UUID (repeatable; default: all in 已发榜/申报中)")
    s.add_argument("--title", help="title of the notice")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_notice)

    s = sub.add_parser("brief", help="the weekly brief (周报) as an A4 PDF; records its 期号 as issued")
    s.add_argument("file")
    s.add_argument("--week", help="ISO week such as 2026-W47 (default: this week)")
    s.add_argument("--out", required=True)
    s.add_argument("--name", help="brief name (简报名称)")
    s.add_argument("--issuer", help="编印单位")
    s.add_argument("--number", help="期号 (default: the last issued plus one)")
    s.add_argument("--sections", help="comma-separated: overview,projects,facilities,challenges,colours,"
                                      "issues,next_week,indicators (default: all)")
    s.add_argument("--font", help="body font: bundled (default), 仿宋, 宋体 or 黑体 (system fonts, when installed)")
    s.add_argument("--report-to", dest="report_to", help="报尾 报：")
    s.add_argument("--copy-to", dest="copy_to", help="报尾 送：")
    s.add_argument("--send-to", dest="send_to", help="报尾 发：")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_brief)

    s = sub.add_parser("add", help="create a record: add FILE KIND field=value...")
    s.add_argument("file")
    s.add_argument("kind")
    s.add_argument("fields", nargs="*")
    s.add_argument("--json", action="store_true", help="print the kind, id, record and what changed")
    s.set_defaults(func=cmd_add)

    s = sub.add_parser("set", help="change fields of a record: set FILE UUID field=value...")
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("fields", nargs="*")
    s.add_argument("--reason", help="调整原因 (required when a milestone's planned date moves)")
    s.add_argument("--approved-by", dest="approved_by")
    s.add_argument("--json", action="store_true", help="print the kind, id, record and what changed")
    s.set_defaults(func=cmd_set)

    s = sub.add_parser("delete", help="delete (tombstone) a record")
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("--json", action="store_true", help="print the kind, id and what changed (the default)")
    s.set_defaults(func=cmd_delete)

    from desktop import cli_sheets  # xlsx-export, xlsx-import, ics
    cli_sheets.add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from desktop.logs import setup as setup_logs
    setup_logs()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    if args.smoke:
        from desktop.smoke import run_smoke
        return run_smoke()
    if args.command is None:
        args.file = None
        args.func = cmd_gui
    try:
        return args.func(args)
    except UserError as exc:
        print("kechuang: " + " ".join(str(exc).split()), file=sys.stderr)  # one line
        return 2
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug: say so in one line, keep the traceback in the log
        log.exception("command failed")
        print(f"kechuang: {tr(M['failed'], detail=f'{type(exc).__name__}: {exc}')}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
