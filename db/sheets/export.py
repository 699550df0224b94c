"""XLSX export of the app's tables: one sheet per table, Chinese headers, frozen header row,
filters, real numbers and dates with formats, widths a person can read, colour cells filled."""
from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

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
    `progress(done, total)` is told each step and may raise Cancelled (then nothing is written)."""
    kinds = kinds or list(TABLES)
    for kind in kinds:
        if kind not in TABLES:
            raise UserError(E_KIND, name=kind, names=", ".join(TABLES))
    wb = Workbook()
    wb.remove(wb.active)
    counts = {}
    steps = 2 * len(kinds) + 1
    for i, kind in enumerate(kinds):
        progress(2 * i, steps)
        cols, rows = TABLES[kind](pf)
        progress(2 * i + 1, steps)
        ws = wb.create_sheet(tr(TITLES[kind]))
        write_sheet(ws, cols, rows, progress)
        counts[kind] = len(rows)
    progress(steps - 1, steps)
    style.save(wb, path)
    return counts


def write_sheet(ws, cols, rows: list[dict], progress=nothing) -> None:
    style.header_row(ws, 1, [tr(c.header) for c in cols])
    ws.row_dimensions[1].height = 30
    for r, row in enumerate(rows, start=2):
        if r % 2000 == 0:
            poll(progress)  # a cancel takes effect within a sheet of 100,000 rows
        for i, col in enumerate(cols, start=1):
            value = row.get(col.key)
            cell = ws.cell(row=r, column=i)
            if col.type == "colour":
                if value:
                    c = colours.Colour(value, "")
                    style.put(cell, c.name)
                    cell.fill = PatternFill("solid", fgColor=c.hex.lstrip("#").upper())
            else:
                style.put(cell, style.cell_value(col.type, value if value != [] else None))
            fmt = style.fmt_for(col.type)
            if fmt:
                cell.number_format = fmt
            cell.font = style.BODY_FONT
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(col.width, style.text_width(tr(col.header)) / 2 + 2)
    ws.freeze_panes = "B2"
    last = get_column_letter(len(cols))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
