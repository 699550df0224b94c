"""`init`, `check`, `dump`, `add`, `set`, `delete`: the file and its records."""
from __future__ import annotations

from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import kind_of
from db.portfolio import Portfolio
from db.store.changes import Create, Delete, Update
from db.store.schema import SCHEMA_VERSION
from desktop.cli.common import M, open_to_change
from desktop.cli.common import pairs as _pairs
from desktop.cli.common import print_json as _print_json


def cmd_init(args) -> int:
    """Build the file under a temp name and rename it into place (db/store/creation.py): killed at any
    moment, FILE is absent or complete. A leftover of an interrupted init of an earlier version
    (0 bytes, or a portfolio with no record at all) is replaced only with --replace-partial."""
    from db import builtin
    from db.store import creation
    from desktop.cli.plans import plan_ids
    path = Path(args.file)
    plans = plan_ids(args.plans)  # checked before anything is created
    try:
        counts = creation.create(path, with_builtin=not args.empty, plans=plans,
                                 replace="partial" if args.replace_partial else "never")
    except creation.PartialFile as exc:
        raise UserError(M["partial"], path=str(path), what=tr(creation.LEFTOVER_WORDS[exc.kind])) from None
    if args.json:
        loaded = [] if args.empty else plans or [d["id"] for d in builtin.documents()]
        _print_json({"file": str(path), "size": path.stat().st_size, "counts": counts, "plans": loaded})
    else:
        print(tr(M["created"], path=path, **counts))
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
    with open_to_change(args.file) as pf:
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
    with open_to_change(args.file) as pf:
        kind, _ = pf.find(args.uuid)
        ops = [Update(kind, args.uuid, fields, args.reason, args.approved_by)]
        if kind == "teams" and "status" in fields:
            # a team's status moves as the GUI's actions move it (立项 and 淘汰 have their own)
            from db.challenges.ops import team_status_ops
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
    with open_to_change(args.file) as pf:
        kind, _ = pf.find(args.uuid)
        changes = pf.apply([Delete(kind, args.uuid)])
    _print_json({"kind": kind, "id": args.uuid} | changes.to_json())
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("init", help=tr(QT_TRANSLATE_NOOP("cli_help", "新建组合文件（除非 --empty，载入内置数据）；从不覆盖")),
                       description=tr(QT_TRANSLATE_NOOP("cli_help", "新建组合文件 FILE：先在旁边的临时文件中生成再改名就位，中断的新建不会留下残缺文件。FILE 已存在时拒绝（退出码 2）；加 --replace-partial 时，可替换早期版本中断新建留下的文件（0 字节，或没有任何记录的组合）。")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("--empty", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "空白组合，不载入内置数据")))
    s.add_argument("--plans", help=tr(QT_TRANSLATE_NOOP("cli_help", "要载入的内置规划，逗号分隔的文档编号，如 000,002（默认：全部；见 `kechuang plans`）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--replace-partial", action="store_true", dest="replace_partial",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "FILE 是中断的新建留下的文件（0 字节，或没有任何记录的组合）时替换它；其他文件仍拒绝。不会询问：命令行运行没有标准输入")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_init)

    s = sub.add_parser("check", help=tr(QT_TRANSLATE_NOOP("cli_help", "完整性、结构版本、记录数")))
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("dump", help=tr(QT_TRANSLATE_NOOP("cli_help", "按类型列出全部有效记录")))
    s.add_argument("file")
    s.add_argument("--json", action="store_true", required=True)
    s.set_defaults(func=cmd_dump)

    s = sub.add_parser("add", help=tr(QT_TRANSLATE_NOOP("cli_help", "新建记录：add FILE 类型 字段=值...")))
    s.add_argument("file")
    s.add_argument("kind")
    s.add_argument("fields", nargs="*")
    s.add_argument("--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "输出类型、id、记录和变化")))
    s.set_defaults(func=cmd_add)

    s = sub.add_parser("set", help=tr(QT_TRANSLATE_NOOP("cli_help", "修改记录的字段：set FILE UUID 字段=值...")))
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("fields", nargs="*")
    s.add_argument("--reason", help=tr(QT_TRANSLATE_NOOP("cli_help", "调整原因（里程碑计划日期变动时必填）；对问题的 status=…，为该步的说明（退回、挂起须填写）")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--approved-by", dest="approved_by", help=tr(QT_TRANSLATE_NOOP("cli_help", "批准人；对问题的 status=…，为经办人")))  # noqa: E501 - one literal for lupdate
    s.add_argument("--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "输出类型、id、记录和变化")))
    s.set_defaults(func=cmd_set)

    s = sub.add_parser("delete", help=tr(QT_TRANSLATE_NOOP("cli_help", "删除记录（保留删除标记）")))
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("--json", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "输出类型、id 和变化（默认）")))
    s.set_defaults(func=cmd_delete)
