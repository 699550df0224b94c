"""`attach`, `attachments`, `attachment-save`: evidence files (佐证材料, 形象进度 photos) of a
record (issue #18). A refused file (type told by content, size cap, budget, bombs) exits 2 with
one line and nothing changed."""
from __future__ import annotations

from pathlib import Path

from db.attachments import attach
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.portfolio import Portfolio
from desktop.cli.common import open_to_change, print_json

SAVED = QT_TRANSLATE_NOOP("cli", "已保存附件“{name}”到 {path}（{size} 字节）")


def _record(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k != "deleted"}


def cmd_attach(args) -> int:
    """Prints the attachment's record; with --json, {"kind", "id", "record", "changes"}."""
    with open_to_change(args.file) as pf:
        aid, changes = attach.attach(pf, args.uuid, Path(args.path), note=args.note)
        rec = _record(pf.get("attachments", aid))
    if args.json:
        print_json({"kind": "attachments", "id": aid, "record": rec} | changes.to_json())
    else:
        print_json(rec)
    return 0


def cmd_attachments(args) -> int:
    with Portfolio.open(args.file, readonly=True) as pf:
        items = [_record(r) for r in attach.attachments_of(pf, args.uuid)]
    if args.json:
        print_json({"owner": args.uuid, "attachments": items})
    else:
        for rec in items:
            print(f"{rec['id']}  {attach.describe(rec)}")
    return 0


def cmd_attachment_save(args) -> int:
    with Portfolio.open(args.file, readonly=True) as pf:
        rec = attach.get(pf, args.uuid)
        path = attach.save_out(pf, args.uuid, Path(args.out))
    if args.json:
        print_json({"file": str(path), "size": path.stat().st_size, "record": _record(rec)})
    else:
        print(tr(SAVED, name=rec["name"], path=path, size=path.stat().st_size))
    return 0


def add_commands(sub) -> None:
    s = sub.add_parser("attach", help=tr(QT_TRANSLATE_NOOP("cli_help", "给记录附加文件（照片、PDF、Word、Excel）")),
                       description=tr(QT_TRANSLATE_NOOP("cli_help", "把 PATH 附加到 UUID 所指的项目、里程碑、问题、评审或团队。按内容接受 JPEG、PNG、HEIC、PDF、.docx、.xlsx；每个文件至多 20 MB，且在台账的附件额度之内（设置 attachments.budget_mb，未设置时 500 MB）。被拒的文件以一行说明退出（代码 2）。")))  # noqa: E501 - one literal for lupdate
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("path")
    s.add_argument("--note", default=None, help=tr(QT_TRANSLATE_NOOP("cli_help", "附件的说明")))
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_attach)
    s = sub.add_parser("attachments", help=tr(QT_TRANSLATE_NOOP("cli_help", "列出一条记录的附件")))
    s.add_argument("file")
    s.add_argument("uuid")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_attachments)
    s = sub.add_parser("attachment-save", help=tr(QT_TRANSLATE_NOOP("cli_help", "把附件的文件另存出来")))
    s.add_argument("file")
    s.add_argument("uuid", help=tr(QT_TRANSLATE_NOOP("cli_help", "附件的 UUID")))
    s.add_argument("--out", required=True)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_attachment_save)
