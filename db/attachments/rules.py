"""The attachments' rules of the write path (registered by db/rules.py): an attachment belongs to
exactly one record, and names a blob this file holds, of the size and type it says — so a record
made by `kechuang add`, a script or an import cannot point at content that is not there."""
from __future__ import annotations

from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP
from db.model import ATTACHMENT_OWNERS

MSG_OWNER = QT_TRANSLATE_NOOP("attachments", "{record}：附件必须属于一个项目、里程碑、问题、考核或揭榜方（只选一个）")
MSG_NO_BLOB = QT_TRANSLATE_NOOP("attachments", "{record}：组合文件中没有内容摘要为 {sha256} 的文件；"
                                               "附件请用“添加附件”或 kechuang attach 添加")
MSG_MISMATCH = QT_TRANSLATE_NOOP("attachments", "{record}：文件大小或类型与所存内容不符")


def owners() -> tuple[str, ...]:
    """The reference fields of an attachment's owner."""
    return ATTACHMENT_OWNERS


def attachment_created(w, values: dict, label: str, undo: bool) -> None:
    if sum(1 for f in owners() if values.get(f)) != 1:
        raise ValidationError(MSG_OWNER, record=label)
    stored = w.reader.blob_info(values["sha256"])
    if stored is None:
        raise ValidationError(MSG_NO_BLOB, record=label, sha256=values["sha256"])
    if stored != (values["size"], values["media_type"]):
        raise ValidationError(MSG_MISMATCH, record=label)
