"""A write-only sheet's rows as openpyxl writes them, built as text and handed to its XML stream
as one element per row: openpyxl writes each cell through lxml's incremental writer (an element
context and attribute dict per cell — most of a one-unit 调度表's time after its cells were
reused). The XML is the same (tests/sheets/test_rowxml.py compares it with openpyxl's); any row
holding something else than plain numbers, text, dates or empty styled cells — a formula, rich
text, a comment, a hyperlink — is left to openpyxl."""
from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import lru_cache

from lxml import etree
from openpyxl.cell._writer import _set_attributes
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.dimensions import RowDimension

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


def _text(value: str) -> str:
    # \r is escaped: the parser would read a literal one as \n
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value) -> str:
    return _text(str(value)).replace('"', "&quot;")


def _row_text(row, row_idx: int, height_attrs: dict) -> str | None:
    """The row's XML, or None when openpyxl must write it."""
    parts = [f'<row r="{row_idx}"']
    parts += [f' {k}="{_attr(v)}"' for k, v in height_attrs.items()]
    parts.append(">")
    for cell in row:
        if cell._comment is not None or cell.hyperlink:
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
            head = "<c" + "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items())
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


def writer(ws, openpyxl_write_row: Callable, heights: dict[int, tuple[dict, float]]) -> Callable:
    """A replacement for the sheet's WorksheetWriter.write_row (same arguments)."""
    dims = ws.row_dimensions

    def write_row(xf, row, row_idx):
        row = list(row)  # (a generator of placed cells: openpyxl may need them again)
        height = heights.pop(row_idx, None)
        text = _row_text(row, row_idx, height[0] if height is not None else dict(dims.get(row_idx, {})))
        element = None
        if text is not None:
            try:
                element = etree.fromstring(text)
            except etree.XMLSyntaxError:  # a character XML cannot hold: openpyxl says so its own way
                element = None
        if element is None:
            if height is not None:
                dims[row_idx].height = height[1]
            return openpyxl_write_row(xf, row, row_idx)
        xf.write(element)
    return write_row


def placed(cells, row_idx: int):
    """The row's cells at their places, for the sheet's writer: what openpyxl's write-only sheet
    does with the values appended, without first trying each cell object as a value (an
    exception caught per cell) and copying each styled cell."""
    for col_idx, cell in enumerate(cells, 1):
        if cell is not None:
            cell.column, cell.row = col_idx, row_idx
            yield cell


def install(ws) -> Callable[[int, float], None]:
    """From now on, write the rows appended to this write-only sheet through `writer`. Rows are
    then lists of cells (or None), a distinct cell object per place (openpyxl's own conversion
    of plain values reuses one cell per row). Returns set_height(row, points), instead of
    ws.row_dimensions[row].height = points: the same attributes, without a RowDimension per row."""
    ws._values_to_row = placed
    ws._get_writer()
    heights: dict[int, tuple[dict, float]] = {}
    ws._writer.write_row = writer(ws, ws._writer.write_row, heights)
    made: dict[float, dict] = {}

    def set_height(row_idx: int, points: float) -> None:
        attrs = made.get(points)
        if attrs is None:
            attrs = made[points] = dict(RowDimension(ws, ht=points))
        heights[row_idx] = (attrs, points)
    return set_height
