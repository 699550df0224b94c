"""The brief's 附表 in full as one XLSX workbook — one sheet per 附表, every row, the header frozen
and filtered — "the full list one click away" that the printed 附表 (capped) point to."""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from db.documents.brief.blocks import Content, cell_text
from db.documents.brief.zips import fixed_times
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.sheets import style

SHEET = QT_TRANSLATE_NOOP("brief", "附表{k} {title}")
EMPTY = QT_TRANSLATE_NOOP("brief", "说明")
NO_APPENDIX = QT_TRANSLATE_NOOP("brief", "本期简报没有附表。")
TITLE = QT_TRANSLATE_NOOP("brief", "{name}第{number}期（{week}）附表{k}：{title}")
BOOK = QT_TRANSLATE_NOOP("brief", "{name}第{number}期（{week}）附表")
FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _value(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    return cell_text(v)


def render(content: Content, options, facts: dict) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for a in content.appendices:
        ws = wb.create_sheet(tr(SHEET, k=a.number, title=a.title).translate(FORBIDDEN)[:31])
        title = tr(TITLE, name=options.name, number=options.number, week=facts["overview"]["week"], k=a.number,
                   title=a.title)
        ws.cell(row=1, column=1, value=title).font = style.TITLE_FONT
        first = 2
        if a.intro:
            ws.cell(row=2, column=1, value=a.intro).font = style.NOTE_FONT
            first = 3
        style.header_row(ws, first, list(a.header))
        total = sum(a.widths)
        for r, row in enumerate(a.rows, start=first + 1):
            for c, v in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=_value(v))
                cell.font = style.BODY_FONT
                cell.alignment = style.WRAP_TOP
                cell.border = style.BORDER
        for c, w in enumerate(a.widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = max(6.0, round(w / total * 120, 1))
        ws.freeze_panes = ws.cell(row=first + 1, column=1)
        ws.auto_filter.ref = f"A{first}:{get_column_letter(len(a.header))}{first + max(len(a.rows), 1)}"
        ws.print_title_rows = f"{first}:{first}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if not content.appendices:
        ws = wb.create_sheet(tr(EMPTY))
        ws.cell(row=1, column=1, value=tr(NO_APPENDIX)).font = style.BODY_FONT
    moment = dt.datetime.combine(facts["as_of"], dt.time())
    wb.properties.created = wb.properties.modified = moment
    wb.properties.creator = wb.properties.lastModifiedBy = options.issuer
    wb.properties.title = tr(BOOK, name=options.name, number=options.number, week=facts["overview"]["week"])
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_times(buf.getvalue(), moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
