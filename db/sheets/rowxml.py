"""A write-only sheet's rows as openpyxl writes them, built as text and written to the sheet's
part as text: openpyxl writes each cell through lxml's incremental writer (an element context
and attribute dict per cell — most of a one-unit 调度表's time after its cells were reused), and
handing it each row as an element parsed from text still cost ~40% of a province 调度表 (issue
#20). So the rows go to a file of their own, and when openpyxl has written the sheet's part
(its rows stream holding only a marker element) they take the marker's place. The XML is the same
(tests/sheets/test_rowxml.py compares it with openpyxl's), written as UTF-8 where lxml writes
character references; TextRow takes a row's cells already as XML (cell_xml). A row holding
something else than plain numbers, text, dates or empty styled cells — a formula, rich text, a
comment, a hyperlink, a character XML cannot hold — is written by openpyxl's own row writer,
into the same file."""
from __future__ import annotations

import datetime
import io
import re
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache

from openpyxl.cell._writer import _set_attributes
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.xml.functions import Element, xmlfile

# Where the rows go: an empty element no text or attribute (written escaped) can hold, as lxml's
# writer or et_xmlfile (openpyxl's without lxml: OPENPYXL_LXML=False) writes it.
MARKS = (b"<kc-rows/>", b"<kc-rows />")
# what XML 1.0 cannot hold (a row with one goes to openpyxl, which says so its own way)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_PLAIN = {"n": "n", "s": "inlineStr", "b": "b", "e": "e", "str": "str"}
_DAYS = (datetime.date, datetime.datetime)


@lru_cache(maxsize=1024)
def _letter(column: int) -> str:
    return get_column_letter(column)


@lru_cache(maxsize=8192)
def _serial(value, epoch):
    """openpyxl's Excel serial of a date or a datetime without a time zone (a sheet repeats a
    few thousand days; each converted once)."""
    if getattr(value, "tzinfo", None) is not None:
        raise TypeError("Excel does not support timezones in datetimes.")  # (as _set_attributes)
    return to_excel(value, epoch)


_ESCAPED = re.compile("[&<>\r]")


def _text(value: str) -> str:
    # \r is escaped: the parser would read a literal one as \n
    if _ESCAPED.search(value) is None:  # most texts: nothing to escape
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value) -> str:
    return _text(str(value)).replace('"', "&quot;")


def _attrs(attrs: dict) -> str:
    return "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items())


def _row_text(row, row_idx: int, height_attrs: dict) -> str | None:
    """The row's XML, or None when openpyxl must write it."""
    parts = [f'<row r="{row_idx}"{_attrs(height_attrs)}>']
    for cell in row:
        if cell._comment is not None or cell._hyperlink:
            return None
        value = cell._value
        styled = cell.has_style
        if value is None and not styled:
            continue
        kind = cell.data_type
        if kind == "d" and type(value) in _DAYS and not cell.parent.parent.iso_dates:
            # what _set_attributes makes of a plain date or datetime (no time zone): a serial
            value = _serial(value, cell.parent.parent.epoch)
            head = f'<c r="{_letter(cell.column)}{row_idx}"'
            if styled:
                head += f' s="{cell.style_id}"'
            head += ' t="n"'
        elif kind == "d":
            value, attrs = _set_attributes(cell, styled)  # openpyxl's own date conversion
            head = "<c" + _attrs(attrs)
        elif kind in _PLAIN:
            head = f'<c r="{_letter(cell.column)}{row_idx}"'
            if styled:
                head += f' s="{cell.style_id}"'
            head += f' t="{_PLAIN[kind]}"'
        else:
            return None  # a formula
        if value is None or value == "":
            parts.append(head + "/>")
        elif kind == "s":
            if not isinstance(value, str):
                return None  # rich text
            space = ' xml:space="preserve"' if value != value.strip() else ""
            parts.append(f"{head}><is><t{space}>{_text(value)}</t></is></c>")
        else:
            parts.append(f"{head}><v>{_text(safe_string(value))}</v></c>")
    parts.append("</row>")
    return "".join(parts)


class TextRow(list):
    """A row appended as its cells' XML: (column letter, what follows `<c r="…"` — cell_xml's)
    pairs, for a sheet that writes many alike rows of a few styled cells (the 调度表's data rows:
    no cell object set and read back per cell). Its height, if any, as set_height sets it."""


def cell_xml(sid: int, kind: str, value, wb) -> str:
    """What follows `<c r="…"` of a cell with style id `sid` (0: no style) of openpyxl's data type
    `kind` ("n", "s", "b", "e", or "d" for a date or datetime without a time zone) holding
    `value`, as _row_text writes such a cell; `wb`: the workbook (its date epoch)."""
    if kind == "d":
        if wb.iso_dates or type(value) not in _DAYS:
            raise ValueError("cell_xml: a plain date or datetime in a workbook of serial dates")
        value, kind = _serial(value, wb.epoch), "n"
    head = f' s="{sid}" t="{_PLAIN[kind]}"' if sid else f' t="{_PLAIN[kind]}"'
    if value is None or value == "":
        return head + "/>"
    if kind == "s":
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f"{head}><is><t{space}>{_text(value)}</t></is></c>"
    return f"{head}><v>{_text(safe_string(value))}</v></c>"


def bound_type(value, dated: bool, wb) -> str | None:
    """The data type openpyxl's value setter gives `value` (cell_xml's `kind`) in a cell whose
    style has a date format (`dated`) or not; None for a value cell_xml does not write as the
    setter would: over-long text (the setter cuts it), a date or time the setter would give a
    format of its own, a time zone, anything but text, numbers, booleans and dates. Text
    beginning with "=" is a formula to the setter: the callers give it the quote prefix and "s"."""
    t = type(value)
    if value is None or t is int or t is float:
        return "n"
    if t is str:
        return None if len(value) > 32767 else "e" if value in ERROR_CODES else "s"
    if t is bool:
        return "b"
    if t in _DAYS and dated and not wb.iso_dates and getattr(value, "tzinfo", None) is None:
        return "d"
    return None


class _Rows:
    """The rows of one sheet, as XML text in a file of their own until the sheet's part is written."""

    def __init__(self, ws, openpyxl_write_row: Callable, heights: dict[int, tuple[dict, float]]):
        self.ws, self.openpyxl_write_row, self.heights = ws, openpyxl_write_row, heights
        self.file = tempfile.TemporaryFile()
        self.marked = False

    def write_row(self, xf, row, row_idx) -> None:
        """A replacement for the sheet's WorksheetWriter.write_row (same arguments)."""
        if not self.marked:
            xf.write(Element("kc-rows"))
            self.marked = True
        height = self.heights.pop(row_idx, None)
        dims = self.ws.row_dimensions
        attrs = height[0] if height is not None else dict(dims.get(row_idx, {}))
        if type(row) is TextRow:
            text = (f'<row r="{row_idx}"{_attrs(attrs)}>' + "".join(f'<c r="{letter}{row_idx}"{xml}' for letter, xml in row)
                    + "</row>")
            if NOT_XML.search(text):
                raise ValueError(f"row {row_idx}: a character XML cannot hold")  # (the caller drops them)
            self.file.write(text.encode())  # UTF-8: see below
            return
        cells = list(row)  # (a generator of placed cells: openpyxl may need them again)
        made = _row_text(cells, row_idx, attrs)
        if made is None or NOT_XML.search(made):
            if height is not None:
                dims[row_idx].height = height[1]
            buffer = io.BytesIO()
            with xmlfile(buffer) as own:  # the same writer as the sheet's stream: the same bytes
                self.openpyxl_write_row(own, cells, row_idx)
            self.file.write(buffer.getvalue())
        else:
            # UTF-8, XML's own encoding (the part has no declaration): lxml writes other
            # characters as references (中 as &#20013;), the same text; encoding them so
            # took a province 调度表 0.1 s
            self.file.write(made.encode())

    def splice(self, part: str) -> None:
        """Put the rows in place of the marker in the sheet's written part (a file path)."""
        try:
            if not self.marked:
                return
            with open(part, "rb") as fh:
                xml = fh.read()
            mark = next(m for m in MARKS if m in xml)
            at = xml.index(mark)
            with open(part, "wb") as fh:
                fh.write(xml[:at])
                self.file.seek(0)
                shutil.copyfileobj(self.file, fh)
                fh.write(xml[at + len(mark):])
        finally:
            self.file.close()


def placed(cells, row_idx: int):
    """The row's cells at their places, for the sheet's writer: what openpyxl's write-only sheet
    does with the values appended, without first trying each cell object as a value (an
    exception caught per cell) and copying each styled cell. A TextRow as it is."""
    return cells if type(cells) is TextRow else _placed(cells, row_idx)


def _placed(cells, row_idx: int):
    for col_idx, cell in enumerate(cells, 1):
        if cell is not None:
            cell.column, cell.row = col_idx, row_idx
            yield cell


def install(ws) -> Callable[[int, float], None]:
    """From now on, write the rows appended to this write-only sheet as _Rows does. Rows are
    then lists of cells (or None), a distinct cell object per place (openpyxl's own conversion
    of plain values reuses one cell per row). Returns set_height(row, points), instead of
    ws.row_dimensions[row].height = points: the same attributes, without a RowDimension per row."""
    ws._values_to_row = placed
    ws._get_writer()
    heights: dict[int, tuple[dict, float]] = {}
    sheet = ws._writer
    rows = _Rows(ws, sheet.write_row, heights)
    sheet.write_row = rows.write_row
    close = sheet.close

    def closed() -> None:  # the part is complete: the rows take the marker's place
        close()
        rows.splice(sheet.out)
    sheet.close = closed
    made: dict[float, dict] = {}

    def set_height(row_idx: int, points: float) -> None:
        attrs = made.get(points)
        if attrs is None:
            attrs = made[points] = dict(RowDimension(ws, ht=points))
        heights[row_idx] = (attrs, points)
    return set_height
