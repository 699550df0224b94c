"""Zip containers (.docx, .xlsx) with the same bytes for the same content: their writers stamp
every entry with the time of writing."""
from __future__ import annotations

import io
import re
import zipfile

ZIP_TIME = (2000, 1, 1, 0, 0, 0)


CORE = "docProps/core.xml"
STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def fixed_times(data: bytes, moment: str | None = None) -> bytes:
    """The same zip, entries in the same order, each with a fixed time and plain permissions; with
    `moment` ("2026-11-18T00:00:00Z"), the document's created/modified dates set to it (openpyxl
    stamps "modified" with the time of saving)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            blob = src.read(item.filename)
            if moment and item.filename == CORE:
                blob = STAMP.sub(lambda m: m.group(1) + moment.encode() + m.group(2), blob)
            dst.writestr(info, blob)
    return out.getvalue()
