"""`export`, `merge`: portfolio files exchanged between offices."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from db.errors import UserError
from db.i18n import tr
from db.portfolio import Portfolio
from desktop.cli.common import M, open_to_change
from desktop.cli.common import print_json as _print_json


def cmd_export(args) -> int:
    from db.exchange.changeset import export_since_last
    from db.exchange.export import export
    with Portfolio.open(args.file, readonly=True) as pf:
        if args.since_last:
            if args.unit or args.category:
                raise UserError(M["since_last_slice"])
            manifest = export_since_last(pf, Path(args.out), args.since_last)
        else:
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
    with open_to_change(args.file, preview=args.dry_run) as pf:
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


def print_sync(report, as_json: bool) -> None:
    if as_json:
        _print_json(report.to_json())
        return
    if report.offline:
        print(tr(M["hub_offline"], detail=report.offline), file=sys.stderr)
    print(tr(M["synced"], sent=len(report.sent), merged=len(report.merged), waiting=len(report.waiting),
             **report.totals))
    for c in report.conflicts:
        print(f"  ! {c['label']} · {c['field']}: {c['mine']!r} ↔ {c['theirs']!r}")
    for name, reason in report.refused:
        print("  ✗ " + " ".join(f"{name}: {reason}".split()), file=sys.stderr)


def cmd_sync(args) -> int:
    with Portfolio.open(args.file) as pf:
        if args.folder:
            from db.exchange.folder import sync_folder
            report = sync_folder(pf, Path(args.folder))
        else:
            from db.exchange.hub import sync_hub
            report = sync_hub(pf, args.hub)
    print_sync(report, args.json)
    return 2 if report.offline else 0


def cmd_hub(args) -> int:
    from db.exchange.hub import compact_hub, grant_hub, init_hub
    if args.hub_command == "compact":
        deleted, kept = compact_hub(args.url)
        if args.json:
            _print_json({"deleted": deleted, "kept": kept})
        else:
            print(tr(M["hub_compacted"], deleted=deleted, kept=kept))
    elif args.hub_command == "init":
        ran = init_hub(args.url)
        if args.json:
            _print_json({"migrations_run": ran})
        else:
            print(tr(M["hub_ready"], versions=", ".join(map(str, ran)) or "—"))
    else:
        grant_hub(args.url, args.role, args.unit or [], args.office)
        if args.json:
            _print_json({"role": args.role, "units": args.unit or [], "office": args.office})
        else:
            print(tr(M["hub_granted"], role=args.role))
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("export", help="export the portfolio or a slice as a portfolio file")
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--unit", action="append", help="责任单位 name (repeatable)")
    s.add_argument("--category", action="append", help="project category (repeatable)")
    s.add_argument("--since-last", dest="since_last", metavar="PEER",
                   help="a changeset: only what site PEER has not acknowledged yet")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("merge", help="merge a received portfolio file into FILE")
    s.add_argument("file")
    s.add_argument("--from", required=True, dest="from")
    s.add_argument("--dry-run", action="store_true", dest="dry_run")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("sync", help="publish FILE's changes and merge everyone else's: an exchange folder or a hub")
    s.add_argument("file")
    where = s.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", help="the exchange folder shared by every site (Syncthing, network share…)")
    where.add_argument("--hub", help="the PostgreSQL hub, postgresql://user@host/db")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sync)

    s = sub.add_parser("hub", help="set up a PostgreSQL hub")
    hub = s.add_subparsers(dest="hub_command", required=True)
    h = hub.add_parser("init", help="create or upgrade the hub's tables (numbered hub migrations)")
    h.add_argument("url")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
    h = hub.add_parser("compact", help="prune old row versions every site has pulled (as the hub's owner)")
    h.add_argument("url")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
    h = hub.add_parser("grant", help="let an existing PostgreSQL login role sync for the office or for units")
    h.add_argument("url")
    h.add_argument("role")
    h.add_argument("--unit", action="append", help="a unit's id (repeatable): the role writes only their records")
    h.add_argument("--office", action="store_true", help="the role writes for the office (every record)")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
