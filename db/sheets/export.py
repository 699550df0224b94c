"""XLSX export of the app's tables: one sheet per table, Chinese headers, frozen header row,
filters, real numbers and dates with formats, widths a person can read, colour cells filled."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from db import colours
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.progress import nothing, poll
from db.sheets import style
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
    # one cell per column (and per colour, per quoted text) styled once, its value set per row:
    # the sheet writes each appended row at once, so the same cell objects serve every row
    cells = [_styled(ws, col.type) if style.fmt_for(col.type) else None for col in cols]
    quoted: list[_StyledCell | None] = [None] * len(cols)
    fills = {code: _styled(ws, "colour", code) for code in colours.COLOURS}
    names = {code: colours.Colour(code, "").name for code in colours.COLOURS}
    kinds = [col.type for col in cols]
    keys = [col.key for col in cols]
    bad = style.BAD_CHARS
    for r, row in enumerate(rows, start=2):
        if r % 2000 == 0:
            poll(progress)  # a cancel takes effect within a sheet of 100,000 rows
        out: list[Any] = []  # styled cells, plain values and None (an empty cell)
        for i, kind in enumerate(kinds):
            value = row.get(keys[i])
            if kind == "colour":
                if value:
                    cell = fills[value]
                    cell.value = names[value]
                    out.append(cell)
                else:
                    out.append(None)
                continue
            if value == [] or value == "":
                value = None
            elif kind == "date" and isinstance(value, str):
                value = style.cell_value(kind, value)
            if isinstance(value, str):
                value = bad.sub("", value)
                if value.startswith(style.FORMULA_LEAD):  # text, never a formula (style.put)
                    q = quoted[i]
                    if q is None:
                        q = quoted[i] = _styled(ws, kind, quoted=True)
                    q.value = value
                    q.data_type = "s"
                    out.append(q)
                    continue
            cell = cells[i]
            if cell is None or value is None:
                out.append(value)  # text, or nothing: the default (body) font, no cell style
            else:
                cell.value = value
                out.append(cell)
        ws.append(out)


class _StyledCell(Cell):
    """A cell whose style is fixed once: openpyxl looks a cell's style up (hashing it) every time
    it is written, and formats its repr when a cell is appended as a value; at 1.8 million cells
    both showed up in the profile."""
    __slots__ = ("_sid",)

    @property
    def style_id(self) -> int:
        return self._sid

    def __repr__(self) -> str:
        return "<styled cell>"


def _styled(ws, kind: str, colour: str | None = None, quoted: bool = False) -> _StyledCell:
    cell = _StyledCell(ws, row=1, column=1)
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
