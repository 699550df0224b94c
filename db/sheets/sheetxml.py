"""One worksheet of a read-only openpyxl workbook, streamed from its XML part: its rows of
values and, in the same pass, its merged ranges.

openpyxl's read-only worksheets (a third of the time of a full load) do not report merged
cells and drop the rows past a wrong <dimension> tag; and openpyxl reads each inline string
through its rich-text objects, a third of the reading time on a sheet that openpyxl wrote. So
the part is parsed here as openpyxl parses it (its iterparse, its WorkSheetParser with
parse_row and parse_cell restated for values only: numbers, dates by cell style, shared and
inline strings, booleans, errors, cached formula results come out the same), a plain inline
string read straight from its <t>, and each <mergeCell> read and dropped as it comes, stopping
as soon as the merged cells exceed a limit.

Relies on openpyxl 3.1 internals (WorkSheetParser, the workbook's archive, shared strings and
date styles); tests/test_sheets_workbook.py checks the values against openpyxl's own reading.
"""
from __future__ import annotations

from warnings import warn

from openpyxl.cell.text import Text
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import (
    DATA_TAG,
    INLINE_STRING,
    MERGE_TAG,
    ROW_TAG,
    VALUE_TAG,
    WorkSheetParser,
    _cast_number,
)
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

MERGE_CELL_TAG = f"{{{SHEET_MAIN_NS}}}mergeCell"
TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"
MAX_ROW, MAX_COL = 1_048_576, 18_278  # the bounds openpyxl accepts in a range


class SheetPart:
    """`rows()` yields (row number, values) for each <row> of the sheet, values 0-based up to
    the row's last cell ([] for a row without cells); with `merge_limit`, `merges` then holds
    each merged range as 0-based (first row, first column, last row, last column), unless they
    cover more than `merge_limit` cells: `too_many_merged` is set then and reading stops there
    (the range that went past the limit is the last in `merges`)."""

    def __init__(self, ws, merge_limit: int | None = None):
        self.ws = ws
        self.merge_limit = merge_limit
        self.merges: list[tuple[int, int, int, int]] = []
        self.too_many_merged = False

    def rows(self):
        ws, wb = self.ws, self.ws.parent
        merged_area = 0
        rows_done = False
        with wb._archive.open(ws._worksheet_path) as src:
            parser = _Parser(src, ws._shared_strings, data_only=wb.data_only, epoch=wb.epoch,
                             date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            for _, element in iterparse(src):
                tag = element.tag
                if tag == ROW_TAG:
                    number, cells = parser.parse_row(element)
                    element.clear()
                    yield number, _values(cells)
                elif tag == MERGE_CELL_TAG and self.merge_limit is not None:
                    bounds = merged_range(element.get("ref"))
                    element.clear()
                    r0, c0, r1, c1 = bounds
                    merged_area += (r1 - r0 + 1) * (c1 - c0 + 1)
                    self.merges.append(bounds)
                    if merged_area > self.merge_limit:
                        self.too_many_merged = True
                        return
                elif tag == DATA_TAG:
                    rows_done = True
                    if self.merge_limit is None:
                        return
                elif tag == MERGE_TAG and rows_done:
                    return  # nothing after the merged ranges matters here


def merged_range(ref) -> tuple[int, int, int, int]:
    """0-based bounds of a <mergeCell ref="…">; ValueError where openpyxl would refuse it."""
    if not isinstance(ref, str):
        raise ValueError("<mergeCell> without ref")
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if None in (min_col, min_row, max_col, max_row) or not (
            1 <= min_row <= max_row <= MAX_ROW and 1 <= min_col <= max_col <= MAX_COL):
        raise ValueError(f"bad merged range {ref!r}")
    return min_row - 1, min_col - 1, max_row - 1, max_col - 1


def _values(cells: list[tuple[int, object]]) -> list:
    """A parsed row, (column, value) per cell, as values by column (as openpyxl's read-only
    worksheet lays them out)."""
    if not cells:
        return []
    width = cells[-1][0]
    values: list = [None] * width
    for column, value in cells:
        if 1 <= column <= width:
            values[column - 1] = value
    return values


_DIGITS = "0123456789"
_COLUMNS: dict[str, int] = {}  # column letters -> column number, as openpyxl reads them


def _column(coordinate: str) -> int:
    """coordinate_to_tuple(coordinate)[1], each column's letters worked out once (openpyxl 3.1 does
    it for every cell); anything but letters then digits goes to openpyxl, which decides."""
    last = coordinate[-1:]
    column = _COLUMNS.get(coordinate.rstrip(_DIGITS)) if last and last in _DIGITS else None
    if column is None:
        _row, column = coordinate_to_tuple(coordinate)
        letters = coordinate.rstrip(_DIGITS)
        if letters and letters.isascii() and letters.isalpha() and len(letters) < len(coordinate):
            _COLUMNS[letters] = column
    return column


class _Parser(WorkSheetParser):
    def parse_row(self, row):
        """WorkSheetParser.parse_row without keeping each row's attributes (heights, styles):
        nothing here looks at them, and a sheet may have a million rows."""
        number = row.get("r")
        if number is not None:
            try:
                self.row_counter = int(number)
            except ValueError:
                val = float(number)
                if not val.is_integer():
                    raise ValueError(f"{number} is not a valid row number") from None
                self.row_counter = int(val)
        else:
            self.row_counter += 1
        self.col_counter = 0
        return self.row_counter, [self.cell_value(el) for el in row]

    def cell_value(self, element) -> tuple[int, object]:
        """(column, value) of a cell: WorkSheetParser.parse_cell for values only, restated with
        less work per cell (this runs for every cell): the same steps in the same order, except
        that a plain inline string (an <is> holding only <t>s) is read directly, giving what
        openpyxl's Text.from_tree(…).content gives for it (the last <t>'s text, or "")."""
        if not self.data_only or self.rich_text:
            cell = super().parse_cell(element)
            return cell["column"], cell["value"]
        get = element.get
        data_type = get("t", "n")
        coordinate = get("r")
        style_id = get("s", 0)
        if style_id:
            style_id = int(style_id)
        value = None if data_type == "inlineStr" else element.findtext(VALUE_TAG, None) or None
        if coordinate:
            column = self.col_counter = _column(coordinate)
        else:
            self.col_counter += 1
            column = self.col_counter
        if value is not None:
            if data_type == "n":
                value = _cast_number(value)
                if style_id in self.date_formats:
                    data_type = "d"
                    try:
                        value = from_excel(value, self.epoch, timedelta=style_id in self.timedelta_formats)
                    except (OverflowError, ValueError):
                        warn(f"Cell {coordinate} is marked as a date but the serial value {value} is outside "
                             f"the limits for dates. The cell will be treated as an error.", stacklevel=2)
                        data_type = "e"
                        value = "#VALUE!"
            elif data_type == "s":
                value = self.shared_strings[int(value)]
            elif data_type == "b":
                value = bool(int(value))
            elif data_type == "str":
                data_type = "s"
            elif data_type == "d":
                value = from_ISO8601(value)
        elif data_type == "inlineStr":
            inline = element.find(INLINE_STRING)
            if inline is not None:
                data_type = "s"
                if not inline.attrib and (len(inline) == 1 and inline[0].tag == TEXT_TAG
                                          or all(t.tag == TEXT_TAG for t in inline)):
                    value = (inline[-1].text or "") if len(inline) else ""
                else:
                    value = Text.from_tree(inline).content
        return column, value
