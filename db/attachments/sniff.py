"""What an attached or received file is, told by its content, never by its name (issue #18).

Accepted: JPEG, PNG, HEIC (only where pillow-heif reads it), PDF, and Word/Excel files (.docx,
.xlsx: a zip whose [Content_Types].xml names the main part). A zip is judged from its central
directory before anything is decompressed: too many entries, too much once unpacked, or packed
too tightly (a zip bomb) is refused; then only [Content_Types].xml is read, capped.
"""
from __future__ import annotations

import io
import zipfile

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.store.blobs import MAX_BLOB_BYTES

MAX_FILE_BYTES = MAX_BLOB_BYTES  # per attached file, checked before the file is read
# a Word/Excel file: what its central directory may promise, unpacked
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNPACKED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200  # an entry unpacking to over 200× its packed size (and over 1 MB) is a bomb
MAX_CONTENT_TYPES = 1024 * 1024

JPEG, PNG, HEIC, PDF = "image/jpeg", "image/png", "image/heic", "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMAGES = (JPEG, PNG, HEIC)
MEDIA_TYPES = (JPEG, PNG, HEIC, PDF, DOCX, XLSX)
EXTENSIONS = {JPEG: ".jpg", PNG: ".png", HEIC: ".heic", PDF: ".pdf", DOCX: ".docx", XLSX: ".xlsx"}
# the main part's content type in [Content_Types].xml (the macro-enabled ones are not accepted)
_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
_HEIC_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")

MSG_TYPE = QT_TRANSLATE_NOOP("attachments", "“{name}”不是可接受的附件类型（只接受 JPEG/PNG/HEIC 照片、PDF、Word 和 Excel 文件，"
                                            "按文件内容判断，不看扩展名）")
MSG_TOO_BIG = QT_TRANSLATE_NOOP("attachments", "“{name}”过大（{size} MB），单个附件上限 {limit} MB")
MSG_EMPTY = QT_TRANSLATE_NOOP("attachments", "“{name}”是空文件")
MSG_HEIC = QT_TRANSLATE_NOOP("attachments", "“{name}”是 HEIC 照片，本机未安装读取 HEIC 的组件（pillow-heif），"
                                            "请先转换为 JPEG 再添加")
MSG_ZIP_BOMB = QT_TRANSLATE_NOOP("attachments", "“{name}”解压后过大或压缩比异常（{detail}），可能是压缩炸弹，不予接受")
MSG_ZIP_BAD = QT_TRANSLATE_NOOP("attachments", "“{name}”是损坏的 Word/Excel 文件（{detail}）")
MSG_MACRO = QT_TRANSLATE_NOOP("attachments", "“{name}”是含宏或其他类型的 Office 文件，只接受 .docx 和 .xlsx")


class RefusedAttachment(UserError):
    """A file that will not be attached (or a received blob that will not be merged)."""


def heic_supported() -> bool:
    """Whether pillow-heif is installed (then HEIC photos are read like JPEG ones)."""
    try:
        import pillow_heif  # noqa: F401
    except ImportError:
        return False
    return True


def check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise RefusedAttachment(MSG_TOO_BIG, name=name, size=f"{size / 2**20:.1f}", limit=MAX_FILE_BYTES // 2**20)
    if size == 0:
        raise RefusedAttachment(MSG_EMPTY, name=name)


def media_type(data: bytes, name: str) -> str:
    """The media type of `data` (one of MEDIA_TYPES), or RefusedAttachment saying why not."""
    check_size(len(data), name)
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"%PDF-"):
        return PDF
    if data[4:8] == b"ftyp" and data[8:12] in _HEIC_BRANDS:
        if not heic_supported():
            raise RefusedAttachment(MSG_HEIC, name=name)
        return HEIC
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data, name)
    raise RefusedAttachment(MSG_TYPE, name=name)


def _office_type(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_directory(infos, name)
            entry = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
            if entry is None:
                raise RefusedAttachment(MSG_TYPE, name=name)
            with zf.open(entry) as fh:  # capped: the directory's sizes may lie
                types = fh.read(MAX_CONTENT_TYPES + 1)
    except RefusedAttachment:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise RefusedAttachment(MSG_ZIP_BAD, name=name, detail=" ".join(str(exc).split())[:80]) from exc
    if len(types) > MAX_CONTENT_TYPES:
        raise RefusedAttachment(MSG_ZIP_BOMB, name=name, detail="[Content_Types].xml")
    found = {kind for marker, kind in _OOXML_MAIN.items() if marker in types}
    if len(found) != 1:
        raise RefusedAttachment(MSG_MACRO, name=name)
    return found.pop()


def _check_directory(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a zip by what its central directory says, before decompressing anything."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise RefusedAttachment(MSG_ZIP_BOMB, name=name, detail=f"{len(infos)} entries")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise RefusedAttachment(MSG_ZIP_BOMB, name=name,
                                    detail=f"{info.filename[:40]}: {info.compress_size} → {info.file_size} bytes")
    if total > MAX_ZIP_UNPACKED:
        raise RefusedAttachment(MSG_ZIP_BOMB, name=name, detail=f"{total // 2**20} MB")
