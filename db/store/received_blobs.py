"""The blobs of a received file (issue #18), read as untrusted input like its rows
(store/received.py): every blob's bytes must hash to its name and be of the size it says and no
larger than one attached file may be; a blob no live attachment of the file names (an orphan) is
refused; a live attachment must name a blob the file or our portfolio holds, of the size and type
the attachment says. What the bytes are (by content, bombs refused) is judged by the domain
before the merge writes anything (db/attachments/received.py)."""
from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable
from typing import NoReturn

from db.i18n import QT_TRANSLATE_NOOP, tr
from db.store.blobs import MAX_BLOB_BYTES, Blob

SHA_RE = re.compile(r"^[0-9a-f]{64}\Z")
M = {
    "bad": QT_TRANSLATE_NOOP("merge", "附件内容 {sha256} 无效（{detail}）"),
    "hash": QT_TRANSLATE_NOOP("merge", "附件内容 {sha256} 与其摘要不符，可能被篡改"),
    "big": QT_TRANSLATE_NOOP("merge", "附件内容 {sha256} 过大（{size} MB，单个附件上限 {limit} MB）"),
    "orphan": QT_TRANSLATE_NOOP("merge", "附件内容 {sha256} 不属于文件中的任何附件"),
    "missing": QT_TRANSLATE_NOOP("merge", "{record}的内容（{sha256}）不在文件中"),
    "mismatch": QT_TRANSLATE_NOOP("merge", "{record}的大小或类型与其内容不符"),
}


def read(conn: sqlite3.Connection, rows: dict[str, dict], local: set[str],
         refuse: Callable[[str], NoReturn]) -> dict[str, Blob]:
    """{sha256: Blob} of the file's blobs we do not hold yet (`local`: the hashes we do), checked;
    `rows`: the file's attachment rows as received.read validated them. `refuse(detail)` raises."""
    named = {r[0] for r in conn.execute("SELECT sha256 FROM attachments NOT INDEXED WHERE deleted=0")}
    found: dict[str, tuple[int, str]] = {}
    new: dict[str, Blob] = {}
    for sha, size, media_type, data in conn.execute("SELECT sha256, size, media_type, bytes FROM blobs NOT INDEXED"):
        short = sha[:16] if isinstance(sha, str) else "?"
        if not isinstance(sha, str) or not SHA_RE.match(sha):
            refuse(tr(M["bad"], sha256=short, detail="sha256"))
        if not isinstance(data, bytes) or not isinstance(size, int) or not isinstance(media_type, str):
            refuse(tr(M["bad"], sha256=short, detail="bytes/size/media_type"))
        if len(data) > MAX_BLOB_BYTES:
            refuse(tr(M["big"], sha256=short, size=len(data) // 2**20, limit=MAX_BLOB_BYTES // 2**20))
        if size != len(data) or hashlib.sha256(data).hexdigest() != sha:
            refuse(tr(M["hash"], sha256=short))
        if sha not in named:
            refuse(tr(M["orphan"], sha256=short))
        found[sha] = (size, media_type)
        if sha not in local:
            new[sha] = Blob(sha, size, media_type, data)
    for row in rows.values():
        if row["deleted"]:
            continue  # a tombstone needs no content
        values = row["values"]
        sha = values.get("sha256")
        if sha not in found and sha not in local:
            refuse(tr(M["missing"], record=row["label"], sha256=str(sha)[:16]))
        if sha in found and found[sha] != (values.get("size"), values.get("media_type")):
            refuse(tr(M["mismatch"], record=row["label"]))
    return new
