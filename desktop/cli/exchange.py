"""`export`, `merge`: portfolio files exchanged between offices."""
from __future__ import annotations

import json
from pathlib import Path

from db.i18n import tr
from db.portfolio import Portfolio
from desktop.cli.common import M, print_json as _print_json


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


def add_commands(sub) -> None:
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
