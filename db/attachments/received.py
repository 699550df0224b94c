"""Received attached files (issue #18): a blob we lack is judged like a file being attached —
by content (sniff.py), bombs refused (zip directory, Pillow's limits) — before the merge writes
anything; its thumbnail is made here from the checked bytes (a sender's is never used)."""
from __future__ import annotations

from db.attachments.attach import examine
from db.attachments.sniff import RefusedAttachment
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.store.blobs import Blob
from db.store.received import Incoming, RefusedFile

MSG = QT_TRANSLATE_NOOP("merge", "“{path}”中的附件被拒绝：{detail}，不予合并")
MSG_TYPE = QT_TRANSLATE_NOOP("merge", "附件“{name}”的内容是 {found}，而文件中记为 {said}")


def check(incoming: Incoming) -> dict[str, Blob]:
    """{sha256: Blob with its thumbnail} of the file's new blobs, or RefusedFile (one line)."""
    names = {row["values"].get("sha256"): row["values"].get("name") or "?"
             for row in incoming.rows.get("attachments", {}).values()}
    checked = {}
    for sha, blob in incoming.blobs.items():
        name = str(names.get(sha, sha[:16]))[:60]
        try:
            made, _taken = examine(blob.data, name)
        except RefusedAttachment as exc:
            raise RefusedFile(MSG, path=incoming.path.name, detail=str(exc)) from exc
        if made.media_type != blob.media_type:
            raise RefusedFile(MSG, path=incoming.path.name,
                              detail=tr(MSG_TYPE, name=name, found=made.media_type, said=blob.media_type))
        checked[sha] = made
    return checked
