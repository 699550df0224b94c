"""Attaching a file to a record, listing a record's attachments, saving one out (issue #18).

A file is size-checked before it is read, told by its content (sniff.py), an image decoded under
Pillow's bomb limits for its thumbnail and 拍摄日期 (images.py), then stored by its SHA-256 with
its attachment record in one transaction. The portfolio's budget for attached files is a
setting (ATTACHMENT_BUDGET_KEY, in MB). Nothing here opens or runs the file: the GUI hands it to
the system viewer only when the user asks.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.attachments import sniff
from db.attachments.images import read_image
from db.attachments.rules import owners
from db.errors import NotFound, UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.store.blobs import Blob
from db.store.changes import Changes, Create
from db.store.files import write_atomically
from db.store.records import label

if TYPE_CHECKING:
    from db.portfolio import Portfolio

ATTACHMENT_BUDGET_KEY = "attachments.budget_mb"
DEFAULT_BUDGET_MB = 500
OWNER_FIELD = {"projects": "project_id", "milestones": "milestone_id", "reviews": "review_id",
               "teams": "team_id", "problems": "problem_id"}

MSG_NOT_OWNER = QT_TRANSLATE_NOOP("attachments", "{record}不能添加附件（只能添加到项目、里程碑、问题、考核或揭榜方）")
MSG_BUDGET = QT_TRANSLATE_NOOP("attachments", "附件总量将超过本组合文件的上限（已用 {used} MB，本文件 {size} MB，"
                                              "上限 {limit} MB）。可删除不需要的附件，或在设置中调高上限")
MSG_READ = QT_TRANSLATE_NOOP("attachments", "无法读取“{name}”：{detail}")
MSG_NOT_FILE = QT_TRANSLATE_NOOP("attachments", "“{name}”不是文件")
MSG_NOT_ATTACHMENT = QT_TRANSLATE_NOOP("attachments", "找不到编号为 {id} 的附件")
MSG_NO_CONTENT = QT_TRANSLATE_NOOP("attachments", "附件“{name}”的内容不在本组合文件中（可能尚未随交换文件收到）")
MSG_WRITE = QT_TRANSLATE_NOOP("attachments", "无法写入“{path}”：{detail}")


def read_capped(path: Path) -> bytes:
    """A file's bytes, its size checked against the per-file cap before it is read (and the read
    itself capped, should the file grow meanwhile)."""
    path = Path(path)
    name = path.name
    try:
        if not path.is_file():
            raise UserError(MSG_NOT_FILE, name=name)
        sniff.check_size(os.stat(path).st_size, name)
        with open(path, "rb") as fh:
            data = fh.read(sniff.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError(MSG_READ, name=name, detail=exc.strerror or str(exc)) from exc
    sniff.check_size(len(data), name)
    return data


def examine(data: bytes, name: str) -> tuple[Blob, str | None]:
    """(the blob to store, 拍摄日期) of a file's bytes, or RefusedAttachment saying why not. Used
    for a file being attached and for a blob received in an exchange file alike."""
    media_type = sniff.media_type(data, name)
    thumbnail, taken = (read_image(data, media_type, name) if media_type in sniff.IMAGES else (None, None))
    return Blob(hashlib.sha256(data).hexdigest(), len(data), media_type, data, thumbnail), taken


def budget_bytes(pf: Portfolio) -> int:
    value = pf.setting(ATTACHMENT_BUDGET_KEY, DEFAULT_BUDGET_MB)
    try:
        return max(0, int(float(value))) * 2**20
    except (TypeError, ValueError):
        return DEFAULT_BUDGET_MB * 2**20


def owner_field(pf: Portfolio, owner_id: str) -> tuple[str, dict]:
    """(reference field, record) of the record a file is to be attached to."""
    kind, rec = pf.find(owner_id)
    field = OWNER_FIELD.get(kind)
    if field not in owners() or rec["deleted"]:
        raise UserError(MSG_NOT_OWNER, record=label(KINDS[kind], rec))
    return field, rec


def attach_ops(pf: Portfolio, owner_id: str, path: Path, note: str | None = None,
               attachment_id: str | None = None) -> tuple[list[Blob], list[Create]]:
    """What attaching `path` to the record `owner_id` stores: (blobs, ops) for apply_with_blobs."""
    field, _owner = owner_field(pf, owner_id)
    path = Path(path)
    blob, taken = examine(read_capped(path), path.name)
    if pf.blob(blob.sha256) is None:
        used, limit = pf.blob_bytes_total(), budget_bytes(pf)
        if used + blob.size > limit:
            raise sniff.RefusedAttachment(MSG_BUDGET, used=f"{used / 2**20:.1f}", size=f"{blob.size / 2**20:.1f}",
                                          limit=limit // 2**20)
    fields = {field: owner_id, "name": path.name, "sha256": blob.sha256, "media_type": blob.media_type,
              "size": blob.size, "taken_on": taken, "added_on": pf.today().isoformat()}
    if note:
        fields["note"] = note
    return [blob], [Create("attachments", fields, attachment_id)]


def attach(pf: Portfolio, owner_id: str, path: Path, note: str | None = None) -> tuple[str, Changes]:
    """Attach a file to a record; (the attachment's id, what changed)."""
    items, ops = attach_ops(pf, owner_id, path, note)
    changes = pf.apply_with_blobs(items, ops)
    return changes.records[0].id, changes


def attachments_of(pf: Portfolio, owner_id: str) -> list[dict]:
    """A record's live attachments, oldest first."""
    field, _owner = owner_field(pf, owner_id)
    by_owner: dict[str, Any] = {field: owner_id}
    return pf.list("attachments", **by_owner)


def get(pf: Portfolio, attachment_id: str) -> dict:
    rec = pf.get("attachments", attachment_id)
    if rec is None:
        raise NotFound(MSG_NOT_ATTACHMENT, id=attachment_id)
    return rec


def content(pf: Portfolio, rec: dict) -> bytes:
    data = pf.blob(rec["sha256"])
    if data is None:
        raise UserError(MSG_NO_CONTENT, name=rec["name"])
    return data


def save_out(pf: Portfolio, attachment_id: str, target: Path) -> Path:
    """Write an attachment's bytes to `target` (through the output guard: never over a portfolio
    or its side files), atomically."""
    data = content(pf, get(pf, attachment_id))
    return write_atomically(Path(target), lambda tmp: Path(tmp).write_bytes(data), MSG_WRITE)


def viewing_copy(pf: Portfolio, attachment_id: str, folder: Path) -> Path:
    """A copy of an attachment in `folder` (a private temp folder) for the system viewer, named
    with the extension of what its content is — never the extension it was sent under, so a
    file called 照片.exe opens as the photo it is, not as a program."""
    rec = get(pf, attachment_id)
    stem = "".join(ch for ch in Path(rec["name"]).stem if ch.isalnum() or ch in "-_ （）()·")[:60] or "attachment"
    path = Path(folder) / f"{stem}{sniff.EXTENSIONS.get(rec['media_type'], '.bin')}"
    path.write_bytes(content(pf, rec))
    return path


def describe(rec: dict) -> str:
    """One line for a listing: name, type, size, 拍摄日期."""
    size = rec["size"] or 0
    shown = f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, size // 1024)} KB"
    taken = tr(QT_TRANSLATE_NOOP("attachments", "拍摄日期 {date}"), date=rec["taken_on"]) if rec.get("taken_on") else ""
    return " · ".join(x for x in (rec["name"], sniff.EXTENSIONS.get(rec["media_type"], "?")[1:].upper(), shown, taken) if x)
