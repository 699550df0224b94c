"""Shared look of the workbooks the app writes: header style, formats, widths, safe saving."""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.writer.excel import ExcelWriter

from db.i18n import QT_TRANSLATE_NOOP
from db.store.files import write_atomically
from db.store.values import BAD_CHARS

E_WRITE = QT_TRANSLATE_NOOP("sheets", "无法写入“{path}”：{detail}")

FONT_NAME = "宋体"  # present wherever Chinese Office/WPS runs; LibreOffice substitutes
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
NUMBER_FORMAT = "#,##0.##"
INT_FORMAT = "0"
PCT_FORMAT = "0.0"

THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
EDIT_HEADER_FILL = PatternFill("solid", fgColor="F4C542")
EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
READONLY_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FONT = Font(name=FONT_NAME, bold=True, size=11)
BODY_FONT = Font(name=FONT_NAME, size=10.5)
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=15)
NOTE_FONT = Font(name=FONT_NAME, size=10.5, color="7F3F00")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP = Alignment(vertical="top")


def fmt_for(kind: str) -> str | None:
    return {"date": DATE_FORMAT, "money": MONEY_FORMAT, "number": NUMBER_FORMAT, "int": INT_FORMAT,
            "pct": PCT_FORMAT}.get(kind)


def cell_value(kind: str, value):
    """A Python value as the cell should hold it: real dates and numbers, not text."""
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


# Text a spreadsheet would take as a formula (or, pasted on, as the start of one): = + - @, and the
# tab and carriage return that CSV injection lists add.
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def put(cell, value) -> None:
    """Set a cell of a workbook the app writes: every value is data, never a formula. Text that
    begins like a formula is a text cell with Excel's quote prefix (shown as typed, not evaluated,
    still text when edited), numbers stay numbers (-5 is a number); characters XML cannot carry
    (portfolios written before db/values.py refused them) are dropped."""
    if isinstance(value, str):
        value = BAD_CHARS.sub("", value)
        cell.value = value
        if value.startswith(FORMULA_LEAD):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of \\ / ? * [ ] : (nor control
    characters), not beginning or ending with an apostrophe."""
    clean = re.sub(r"[\\/?*\[\]:]", "_", BAD_CHARS.sub("", text)).strip().strip("'")[:31].strip("'")
    return clean or "Sheet1"


def header_row(ws, row: int, headers: list[str], fills: list | None = None) -> None:
    for i, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=i)
        put(cell, text)
        cell.font = HEADER_FONT
        cell.fill = (fills[i - 1] if fills else None) or HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER


def text_width(text: str) -> float:
    """Column width (in Excel character units) that fits text: CJK characters count double."""
    return _width(str(text))


@lru_cache(maxsize=8192)  # (a 调度表 repeats each project's name on every milestone row)
def _width(text: str) -> float:
    return sum(2.1 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def row_height(texts_and_widths, min_lines: int = 1, max_lines: int = 8) -> float:
    """Points for a row whose wrapped cells (text, column width) must show in full (Excel and
    LibreOffice do not grow a row for wrapped text written by a program)."""
    lines = min_lines
    for text, width in texts_and_widths:
        if text:
            for part in str(text).split("\n"):
                lines = max(lines, -(-int(text_width(part)) // max(1, int(width) - 1)))
    return 15.0 * min(lines, max_lines) + 3


# zlib's fastest level: a province 调度表's parts (11 MB of XML) compress in ~50 ms instead of
# ~130 ms at the default level 6, into a file ~30% larger (1.8 MB instead of 1.4 MB)
ZIP_LEVEL = 1


def save(wb, path) -> Path:
    """Write the workbook next to its target first, then move it into place (never half a file).
    The zip is built in memory: openpyxl leaves its archive open when a write fails (a full
    disk), and closing it later prints a traceback of its own. As Workbook.save does, but for
    the compression level (ZIP_LEVEL) and the time modified, left as the workbook was made (only
    db/clock.py reads the system clock)."""
    def write(tmp: Path) -> None:
        if wb.read_only:
            raise TypeError("a read-only workbook cannot be saved")
        if wb.write_only and not wb.worksheets:
            wb.create_sheet()
        buffer = io.BytesIO()
        archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=ZIP_LEVEL)
        ExcelWriter(wb, archive).save()
        tmp.write_bytes(buffer.getbuffer())
    return write_atomically(path, write, E_WRITE, make_folder=True)
