"""Files to attach, made here: photos with and without an EXIF date, a PDF, Word and Excel files,
and hostile ones (a zip bomb, a decompression-bomb PNG, a macro workbook, a renamed executable)."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path


def jpeg(path: Path, taken: str | None = "2026:03:15 10:22:33", size=(640, 480), colour=(200, 60, 40)) -> Path:
    from PIL import Image
    img = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[36867] = taken
    img.save(path, "JPEG", exif=exif.tobytes(), quality=80)
    return path


def png(path: Path, size=(300, 200)) -> Path:
    from PIL import Image
    Image.new("RGBA", size, (30, 120, 200, 255)).save(path, "PNG")
    return path


def pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "acceptance report")
    c.save()
    return path


def docx(path: Path) -> Path:
    import docx as python_docx
    d = python_docx.Document()
    d.add_paragraph("任务书")
    d.save(path)
    return path


def xlsx(path: Path) -> Path:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active["A1"] = "验收"
    wb.save(path)
    return path


def zip_bomb(path: Path) -> Path:
    """A .docx-looking zip whose one part unpacks from ~100 KB to 100 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", b"\0" * (100 * 1024 * 1024))
    return path


def macro_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.ms-excel.sheet.'
                    'macroEnabled.main+xml"/></Types>')
        zf.writestr("xl/vbaProject.bin", b"macro")
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def pixel_bomb_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A small PNG whose header claims 10 gigapixels (Pillow refuses it before decoding)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + _chunk(b"IEND", b""))


def executable(path: Path) -> Path:
    """An ELF header under a photo's name."""
    path.write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 200)
    return path


def bytes_of(make, tmp_path: Path, name: str) -> bytes:
    return make(tmp_path / name).read_bytes()


__all__ = ["jpeg", "png", "pdf", "docx", "xlsx", "zip_bomb", "macro_workbook", "pixel_bomb_png", "executable",
           "bytes_of", "io"]


def heic(path: Path, taken: str | None = "2025:11:02 08:00:00") -> Path:
    """An iPhone-style HEIC photo (pillow-heif encodes it)."""
    import pillow_heif
    from PIL import Image
    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[36867] = taken
    Image.new("RGB", (320, 240), (90, 90, 200)).save(path, "HEIF", exif=exif.tobytes())
    return path
