"""`plans`: the built-in plans, their periods, which FILE holds; --add loads more of them."""
from __future__ import annotations

from db import builtin
from db import plans as plan_periods
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.portfolio import Portfolio
from desktop.cli.common import print_json

ADDED = QT_TRANSLATE_NOOP("cli", "已加入 {n} 条记录（已有的记录不重复加入）")


def plan_ids(text: str | None) -> list[str] | None:
    """Document ids from "000,002" (checked: an unknown one is a UserError); None for None."""
    return None if text is None else builtin.check_plans(text.replace("，", ",").split(","))


def cmd_plans(args) -> int:
    added = plan_ids(args.add) if args.add else []
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
        print_json(out)
        return 0
    if changes is not None:
        print(tr(ADDED, n=len(changes.records)))
    for r in rows:
        print(f"{'✓' if r['loaded'] else ' '} {r['id']}  {r['short']}（{r['start']}—{r['end']}）  {r['title']}")
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("plans", help=tr(QT_TRANSLATE_NOOP("cli_help", "内置规划、其规划期及 FILE 是否已载入；--add 载入更多（不重复）")))
    s.add_argument("file")
    s.add_argument("--add", help=tr(QT_TRANSLATE_NOOP("cli_help", "要加入的文档编号，逗号分隔，如 001,003")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_plans)
