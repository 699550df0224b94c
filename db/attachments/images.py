"""A photo's thumbnail and its 拍摄日期 (EXIF DateTimeOriginal), read with Pillow under its
decompression-bomb limits: an image claiming more pixels than Image.MAX_IMAGE_PIXELS is refused,
not decoded (the warning Pillow gives below twice that limit is turned into a refusal too)."""
from __future__ import annotations

import datetime as dt
import io
import warnings

from db.attachments.sniff import HEIC, MSG_TYPE, RefusedAttachment, heic_supported
from db.i18n import QT_TRANSLATE_NOOP

THUMB_EDGE = 240  # px, the longer edge of a thumbnail
MSG_BOMB = QT_TRANSLATE_NOOP("attachments", "“{name}”的像素数过大（{detail}），可能是解压炸弹，不予接受")
MSG_BROKEN = QT_TRANSLATE_NOOP("attachments", "“{name}”无法作为图片读取（{detail}）")
_EXIF_IFD, _DATETIME_ORIGINAL, _DATETIME = 0x8769, 36867, 306


def _pil():
    from PIL import Image  # imported when an image is read: the rest of the core runs without it
    return Image


def _open(data: bytes, media_type: str, name: str):
    Image = _pil()
    if media_type == HEIC:
        if not heic_supported():
            raise RefusedAttachment(MSG_TYPE, name=name)
        import pillow_heif
        pillow_heif.register_heif_opener()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.format == "JPEG":  # decode at the smallest scale that still makes the thumbnail
                img.draft("RGB", (THUMB_EDGE * 2, THUMB_EDGE * 2))
            img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise RefusedAttachment(MSG_BOMB, name=name, detail=" ".join(str(exc).split())[:80]) from exc
    except (OSError, SyntaxError, ValueError, MemoryError) as exc:
        raise RefusedAttachment(MSG_BROKEN, name=name, detail=" ".join(str(exc).split())[:80]) from exc
    return img


def read_image(data: bytes, media_type: str, name: str) -> tuple[bytes, str | None]:
    """(thumbnail as PNG bytes, 拍摄日期 as YYYY-MM-DD or None) of an image, or RefusedAttachment."""
    Image = _pil()
    from PIL import ImageOps
    img = _open(data, media_type, name)
    taken = taken_on(img)
    try:
        img = ImageOps.exif_transpose(img)
        img.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
        if img.mode not in ("RGB", "RGBA", "L", "LA"):
            img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
        out = io.BytesIO()
        img.save(out, "PNG", optimize=True)
    except (OSError, ValueError, MemoryError) as exc:
        raise RefusedAttachment(MSG_BROKEN, name=name, detail=" ".join(str(exc).split())[:80]) from exc
    return out.getvalue(), taken


def taken_on(img) -> str | None:
    """The EXIF DateTimeOriginal (else DateTime) as an ISO date, when it is a real date."""
    try:
        exif = img.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    except Exception:  # noqa: BLE001 - a damaged EXIF block only loses the date
        return None
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.strptime(raw.strip()[:19], "%Y:%m:%d %H:%M:%S").date().isoformat()
    except ValueError:
        return None
