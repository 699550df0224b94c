"""The 榜单 as a spreadsheet: the same published challenges and fields as the PDF notice, one row
per challenge, for offices that circulate the list in Excel/WPS."""
from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment

from db.documents.notice import T, _chosen, notice_fields
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.rows.register import unit_names
from db.sheets import style

if TYPE_CHECKING:
    from db.portfolio import Portfolio

WIDTHS = {0: 36}
TITLE_COLUMN = QT_TRANSLATE_NOOP("notice", "榜单名称")


def write_notice_xlsx(pf: Portfolio, path, ids: list[str] | None = None, title: str | None = None):
    chosen = _chosen(pf, ids)
    today = pf.today()
    names = unit_names(pf)
    wb = Workbook()
    ws = wb.active
    ws.title = style.sheet_title(title or tr(T["title"]))
    rows = []
    for c in chosen:
        issuer = names.get(c["issuer_unit_id"], "") if c["issuer_unit_id"] else ""
        fields = notice_fields(c, issuer, today)
        rows.append([c["title"]] + ["\n".join(f"{i}. {x}" for i, x in enumerate(v, 1)) if isinstance(v, list)
                                    else (v or "") for _label, v in fields])
        headers = [tr(TITLE_COLUMN)] + [label for label, _v in fields]
    style.header_row(ws, 1, headers)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col)
            style.put(cell, value)
            cell.alignment = wrap
            cell.font = style.BODY_FONT
        ws.row_dimensions[r].height = style.row_height([(v, 28) for v in values], max_lines=10)
    for col in range(1, len(headers) + 1):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = WIDTHS.get(col - 1, 28)
    ws.freeze_panes = "B2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    return style.save(wb, path)
