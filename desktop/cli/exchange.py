"""`export`, `merge`: portfolio files exchanged between offices."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
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
    if report.pruned:
        print(tr(M["folder_pruned"], n=len(report.pruned)))
    for _site, message in report.stranded:
        print(message, file=sys.stderr)


def cmd_sync(args) -> int:
    with Portfolio.open(args.file) as pf:
        if args.folder:
            from db.exchange.folder import sync_folder
            report = sync_folder(pf, Path(args.folder), prune=not args.keep_changesets, keep_days=args.keep_days)
        else:
            from db.exchange.hub import sync_hub
            report = sync_hub(pf, args.hub)
    print_sync(report, args.json)
    return 2 if report.offline or report.stranded else 0


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
    s = sub.add_parser("export", help=tr(QT_TRANSLATE_NOOP("cli_help", "把组合或其中一部分导出为组合文件")))
    s.add_argument("file")
    s.add_argument("--out", required=True)
    s.add_argument("--unit", action="append", help=tr(QT_TRANSLATE_NOOP("cli_help", "责任单位名称（可重复）")))
    s.add_argument("--category", action="append", help=tr(QT_TRANSLATE_NOOP("cli_help", "项目类别（可重复）")))
    s.add_argument("--since-last", dest="since_last", metavar="PEER",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "增量：只含站点 PEER 尚未确认收到的修改")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("merge", help=tr(QT_TRANSLATE_NOOP("cli_help", "把收到的组合文件合并进 FILE")))
    s.add_argument("file")
    s.add_argument("--from", required=True, dest="from")
    s.add_argument("--dry-run", action="store_true", dest="dry_run")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("sync", help=tr(QT_TRANSLATE_NOOP("cli_help", "发出 FILE 的修改并合并其他各方的修改：经交换文件夹或同步中心")))
    s.add_argument("file")
    where = s.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", help=tr(QT_TRANSLATE_NOOP("cli_help", "各方共用的交换文件夹（Syncthing、网络共享…）")))
    where.add_argument("--hub", help=tr(QT_TRANSLATE_NOOP("cli_help", "PostgreSQL 同步中心，postgresql://user@host/db")))
    s.add_argument("--keep-changesets", action="store_true", dest="keep_changesets",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "不清理本站已被各站点合并的旧变更集（默认清理）")))
    s.add_argument("--keep-days", type=int, default=7, dest="keep_days", metavar="N",
                   help=tr(QT_TRANSLATE_NOOP("cli_help", "各站点都已合并的本站变更集满 N 天才清理（默认 7）")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sync)

    s = sub.add_parser("hub", help=tr(QT_TRANSLATE_NOOP("cli_help", "设置 PostgreSQL 同步中心")))
    hub = s.add_subparsers(dest="hub_command", required=True)
    h = hub.add_parser("init", help=tr(QT_TRANSLATE_NOOP("cli_help", "创建或升级同步中心的数据表（按编号执行迁移）")))
    h.add_argument("url")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
    h = hub.add_parser("compact", help=tr(QT_TRANSLATE_NOOP("cli_help", "清理各站点都已拉取的旧记录版本（需集线库所有者账号）")))
    h.add_argument("url")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
    h = hub.add_parser("grant", help=tr(QT_TRANSLATE_NOOP("cli_help", "授权已有的 PostgreSQL 登录账号为办公室或指定单位同步")))
    h.add_argument("url")
    h.add_argument("role")
    h.add_argument("--unit", action="append", help=tr(QT_TRANSLATE_NOOP("cli_help", "单位 id（可重复）：该账号只写这些单位的记录")))
    h.add_argument("--office", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "该账号代表办公室写入（全部记录）")))
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=cmd_hub)
