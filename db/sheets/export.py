"""XLSX export of the app's tables: one sheet per table, Chinese headers, frozen header row,
filters, real numbers and dates with formats, widths a person can read, colour cells filled."""
from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import PatternFill
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from db import colours
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.progress import nothing, poll
from db.sheets import rowxml, style
from db.sheets.tables import TABLES, TITLES

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E_KIND = QT_TRANSLATE_NOOP("sheets", "没有名为“{name}”的表格，可导出：{names}")


def write_tables(pf: Portfolio, path, kinds: list[str] | None = None, progress=nothing) -> dict[str, int]:
    """Write the chosen tables (all five by default); returns the row count of each sheet.
    `progress(done, total)` is told each step and may raise Cancelled (then nothing is written).

    The workbook is streamed (openpyxl's write-only mode): each row goes to the sheet's XML as it
    is appended, with one styled cell per column reused for every row — at city scale (122,200
    rows) the full-workbook mode spent over a minute building and styling cell objects."""
    kinds = kinds or list(TABLES)
    for kind in kinds:
        if kind not in TABLES:
            raise UserError(E_KIND, name=kind, names=", ".join(TABLES))
    wb = Workbook(write_only=True)
    # the workbook's default font (font 0, the Normal style's) is the body font: a text cell then
    # needs no style of its own, and only dates, numbers and colours are written styled
    wb._fonts = IndexedList([style.BODY_FONT])
    counts = {}
    steps = 2 * len(kinds) + 1
    cs = colours.all_colours(pf) if {"projects", "milestones", "teams"} & set(kinds) else None  # once for all
    for i, kind in enumerate(kinds):
        progress(2 * i, steps)
        cols, rows = TABLES[kind](pf, cs)
        progress(2 * i + 1, steps)
        ws = wb.create_sheet(tr(TITLES[kind]))
        write_sheet(ws, cols, rows, progress)
        counts[kind] = len(rows)
    progress(steps - 1, steps)
    style.save(wb, path)
    return counts


def write_sheet(ws, cols, rows: list[dict], progress=nothing) -> None:
    """Header, rows, widths, frozen header, filter and print set-up of one write-only sheet."""
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(col.width, style.text_width(tr(col.header)) / 2 + 2)
    ws.freeze_panes = "B2"
    last = get_column_letter(len(cols))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.row_dimensions[1].height = 30
    header = []
    for c in cols:
        cell = WriteOnlyCell(ws)
        style.put(cell, tr(c.header))
        cell.font, cell.fill, cell.alignment, cell.border = style.HEADER_FONT, style.HEADER_FILL, style.CENTER, style.BORDER
        header.append(cell)
    ws.append(header)
    # one cell per column (and per colour, per quoted text) styled once, each row written as XML
    # text with their style ids (rowxml.TextRow): no cell object per value (most of the time of
    # a city's 122,200 rows was openpyxl binding and writing cells, issue #20)
    cells = [_styled(ws, col.type) if style.fmt_for(col.type) else None for col in cols]
    quoted: list[StyledCell | None] = [None] * len(cols)
    fills = {code: _styled(ws, "colour", code) for code in colours.COLOURS}
    names = {code: colours.Colour(code, "").name for code in colours.COLOURS}
    kinds = [col.type for col in cols]
    keys = [col.key for col in cols]
    letters = [get_column_letter(i) for i in range(1, len(cols) + 1)]
    dated = [c is not None and is_date_format(c.number_format) for c in cells]
    bad = style.BAD_CHARS
    wb = ws.parent
    rowxml.install(ws)
    for r, row in enumerate(rows, start=2):
        if r % 2000 == 0:
            poll(progress)  # a cancel takes effect within a sheet of 100,000 rows
        out: rowxml.TextRow | None = rowxml.TextRow()
        placed = []  # (its styled cell or None, value) per column: the row as cells, if need be
        for i, kind in enumerate(kinds):
            value = row.get(keys[i])
            look = cells[i]
            if kind == "colour":
                look, value = (fills[value], names[value]) if value else (None, None)
            elif value == [] or value == "":
                value = None  # an empty cell (its column's style or not, it holds nothing)
            elif kind == "date" and isinstance(value, str):
                value = style.cell_value(kind, value)
            if isinstance(value, str):
                value = bad.sub("", value)
                if value.startswith(style.FORMULA_LEAD):  # text, never a formula (style.put)
                    look = quoted[i]
                    if look is None:
                        look = quoted[i] = _styled(ws, kind, quoted=True)
            placed.append((look, value))
            if out is None or value is None:
                continue
            xml = _cell_xml(0 if look is None else look._sid, dated[i], value, wb)
            if xml is None:  # a value openpyxl's setter must bind: this row as cells
                out = None
            else:
                out.append((letters[i], xml))
        ws.append(out if out is not None else _as_cells(ws, placed))


def _cell_xml(sid: int, dated: bool, value, wb) -> str | None:
    """A value's cell (style `sid`, 0 for none; `dated`: its column's style has a date format) as
    rowxml.cell_xml writes it, typed as openpyxl's value setter would (rowxml.bound_type; text
    with the quote prefix is text); None for a value only the setter can bind."""
    kind = rowxml.bound_type(value, dated, wb)
    return None if kind is None else rowxml.cell_xml(sid, kind, value, wb)


def _as_cells(ws, placed: list[tuple[StyledCell | None, object]]) -> list:
    """A row as cells (rowxml.install's rows): each value bound by openpyxl's own setter, in its
    column's styled cell (or a plain one), text with the quote prefix kept text."""
    out: list = []
    for look, value in placed:
        if value is None:
            out.append(None)
        elif look is None:
            out.append(WriteOnlyCell(ws, value))
        else:
            look.value = value
            if look.quotePrefix:
                look.data_type = "s"
            out.append(look)
    return out


class StyledCell(Cell):
    """A cell whose style is fixed once: openpyxl looks a cell's style up (hashing it) every time
    it is written, and formats its repr when a cell is appended as a value; at 1.8 million cells
    both showed up in the profile."""
    __slots__ = ("_sid",)

    @property
    def style_id(self) -> int:
        return self._sid

    def __repr__(self) -> str:
        return "<styled cell>"


def _styled(ws, kind: str, colour: str | None = None, quoted: bool = False) -> StyledCell:
    cell = StyledCell(ws, row=1, column=1)
    cell.font = style.BODY_FONT
    fmt = style.fmt_for(kind)
    if fmt:
        cell.number_format = fmt
    if colour:
        cell.fill = PatternFill("solid", fgColor=colours.HEX[colour].lstrip("#").upper())
    if quoted:
        cell.quotePrefix = True
    cell._sid = Cell.style_id.fget(cell)
    return cell
