"""The spreadsheet and calendar commands of `kechuang` (DESIGN §7):

    kechuang xlsx-export FILE --out X.xlsx [--template] [--unit NAME]
    kechuang xlsx-import FILE X.xlsx [--dry-run] [--partial] [--json]
    kechuang ics FILE --out X.ics
"""
from __future__ import annotations

from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.portfolio import Portfolio
from db.sheets import update_modes
from desktop.cli.common import open_to_change
from desktop.cli.common import print_json as _print_json

M = {
    "unit_needs_template": QT_TRANSLATE_NOOP("cli", "--unit 只用于调度表，请同时加 --template"),
    "template": QT_TRANSLATE_NOOP("cli", "已导出调度表 {path}（{unit}）：{milestones} 个里程碑，{projects} 个项目"),
    "tables": QT_TRANSLATE_NOOP("cli", "已导出表格 {path}：{items}"),
    "table_item": QT_TRANSLATE_NOOP("cli", "{name} {count} 行"),
    "ics": QT_TRANSLATE_NOOP("cli", "已导出日历 {path}：{count} 个里程碑"),
    "dry_run": QT_TRANSLATE_NOOP("cli", "预览结束，未写入任何数据。"),
    "imported": QT_TRANSLATE_NOOP("cli", "已导入：新增 {added} 条，更新 {updated} 条，新建单位 {units} 个。"),
    "partial": QT_TRANSLATE_NOOP("cli", "已按要求跳过 {count} 行无效数据（见上）。"),
    "bad_mode": QT_TRANSLATE_NOOP("cli", "--mode “{item}”无效，应为 字段=模式（模式：{modes}）"),
}


def cmd_xlsx_export(args) -> int:
    from db.sheets.tables import TITLES
    if args.unit and not args.template:
        raise UserError(M["unit_needs_template"])
    with Portfolio.open(args.file, readonly=True) as pf:
        if args.template:
            from db.sheets.template_export import write_template
            info = write_template(pf, args.out, args.unit)
            result = {"file": args.out, "template": True, **info}
            text = tr(M["template"], path=args.out, **info)
        else:
            from db.sheets.export import write_tables
            counts = write_tables(pf, args.out)
            result = {"file": args.out, "template": False, "counts": counts}
            items = "，".join(tr(M["table_item"], name=tr(TITLES[k]), count=n) for k, n in counts.items())
            text = tr(M["tables"], path=args.out, items=items)
    if args.json:
        _print_json({**result, "size": Path(args.out).stat().st_size})
    else:
        print(text)
    return 0


def cmd_xlsx_import(args) -> int:
    from db.sheets.importer import analyse
    pf = open_to_change(args.file, preview=args.dry_run)
    refused, changes = None, None
    with pf:
        plan = analyse(pf, args.xlsx)
        for item in args.mode or []:  # FIELD=overwrite|fill|skip (issue #21)
            name, _, mode = item.partition("=")
            if mode not in update_modes.MODES:
                raise UserError(M["bad_mode"], item=item, modes="|".join(update_modes.MODES))
            plan.field_modes[name.strip()] = mode
        if not args.dry_run:
            try:
                ops = plan.ops(partial=args.partial, blank_bad_cells=args.blank_bad_cells)
            except UserError as exc:
                refused, ops = exc, []
            if ops:
                changes = pf.apply(ops)
    written = bool(changes)
    units = sum(1 for r in changes.records if r.kind == "units") if changes else 0
    if args.json:
        _print_json(plan.to_json() | {"dry_run": args.dry_run, "partial": args.partial, "written": written,
                                      "changes": len(changes.records) if changes else 0})
    else:
        print("\n".join(plan.report()))
        if args.dry_run:
            print(tr(M["dry_run"]))
        elif written:
            print(tr(M["imported"], added=len(plan.adds), updated=len(plan.updates), units=units))
            if plan.problems:
                print(tr(M["partial"], count=len(plan.rejected_rows)))
    if refused is not None:
        raise refused
    return 0


def cmd_ics(args) -> int:
    from db.documents import ics
    with Portfolio.open(args.file, readonly=True) as pf:
        count = ics.write(pf, args.out)
    if args.json:
        _print_json({"file": args.out, "size": Path(args.out).stat().st_size, "events": count})
    else:
        print(tr(M["ics"], path=args.out, count=count))
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("xlsx-export", help=tr(QT_TRANSLATE_NOOP("cli_help", "导出 XLSX 表格，或调度表模板（--template [--unit 单位名称]）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--template", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "导出调度表，填写后可导回")))
    s.add_argument("--unit", help=tr(QT_TRANSLATE_NOOP("cli_help", "责任单位名称（与 --template 同用）")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_xlsx_export)

    s = sub.add_parser("xlsx-import", help=tr(QT_TRANSLATE_NOOP("cli_help", "导入台账或填好的调度表（--dry-run 预览）")))
    s.add_argument("file")
    s.add_argument("xlsx")
    s.add_argument("--dry-run", action="store_true", dest="dry_run")
    s.add_argument("--partial", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "有无效行时仍导入其余有效行")))
    s.add_argument("--blank-bad-cells", action="store_true", dest="blank_bad_cells",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "单元格无法识别时仍导入该行，该字段留空")))
    s.add_argument("--mode", action="append", metavar="FIELD=MODE",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "更新时如何处理字段：overwrite（覆盖）、fill（仅填空）或 skip（跳过）；列表和备注默认 fill")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_xlsx_import)

    s = sub.add_parser("ics", help=tr(QT_TRANSLATE_NOOP("cli_help", "把里程碑导出为 iCalendar（.ics）日历文件")))
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ics)
