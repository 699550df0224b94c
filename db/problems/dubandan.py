"""The printable 督办单 of one problem, as A4 PDF or an editable Word file (.docx), after the same
公文 conventions as the brief (db/documents/brief: GB/T 9704 page, bundled faces embedded and
subset in the PDF, named styles in the .docx, fixed zip times): title, number, a grid of
交办单位 / 承办单位 / 事项 / 诉求 / 时限, a blank 办理情况 to fill by hand, and signature lines.
Same problem, same bytes. Qt-free.

    write_dubandan(pf, problem_id, "督办单.pdf")   # the format follows the extension
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.documents.brief import document, fonts, styles
from db.documents.brief import word_styles as ws
from db.documents.brief.tables import CellParagraph, cn_date, esc, widths
from db.documents.brief.zips import fixed_times
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.problems.ops import get_problem, history
from db.rows.register import unit_names
from db.store.files import write_atomically
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

T = {
    "title": QT_TRANSLATE_NOOP("dubandan", "督　办　单"),
    "number": QT_TRANSLATE_NOOP("dubandan", "编号：{code}"),
    "assigned_by": QT_TRANSLATE_NOOP("dubandan", "交办单位"),
    "responsible": QT_TRANSLATE_NOOP("dubandan", "承办单位"),
    "lead": QT_TRANSLATE_NOOP("dubandan", "{unit}（牵头）"),
    "assisting": QT_TRANSLATE_NOOP("dubandan", "配合单位：{units}"),
    "project": QT_TRANSLATE_NOOP("dubandan", "所属项目"),
    "matter": QT_TRANSLATE_NOOP("dubandan", "督办事项"),
    "request": QT_TRANSLATE_NOOP("dubandan", "协调事项/诉求"),
    "raised": QT_TRANSLATE_NOOP("dubandan", "提出单位"),
    "raised_value": QT_TRANSLATE_NOOP("dubandan", "{unit}　{person}　{date}"),
    "due": QT_TRANSLATE_NOOP("dubandan", "办理时限"),
    "opinion": QT_TRANSLATE_NOOP("dubandan", "交办意见"),
    "progress": QT_TRANSLATE_NOOP("dubandan", "办理情况"),
    "due_line": QT_TRANSLATE_NOOP("dubandan", "请承办单位于{date}前办结，并将办理情况书面报送{office}。"),
    "sign_assign": QT_TRANSLATE_NOOP("dubandan", "交办单位（盖章）"),
    "sign_receive": QT_TRANSLATE_NOOP("dubandan", "承办单位签收人"),
    "sign_head": QT_TRANSLATE_NOOP("dubandan", "承办单位负责人（签字、盖章）"),
    "sign_date": QT_TRANSLATE_NOOP("dubandan", "日期"),
    "sign_received_on": QT_TRANSLATE_NOOP("dubandan", "签收日期"),
    "blank_date": QT_TRANSLATE_NOOP("dubandan", "年　　月　　日"),
    "none": QT_TRANSLATE_NOOP("dubandan", "（未填写）"),
    "creator": QT_TRANSLATE_NOOP("dubandan", "科创项目台账"),
    "office": QT_TRANSLATE_NOOP("dubandan", "科创项目办公室"),
}
E = {
    "write": QT_TRANSLATE_NOOP("errors", "无法写入督办单文件“{path}”：{detail}"),
    "format": QT_TRANSLATE_NOOP("errors", "督办单文件“{path}”的格式无法识别：应以 .pdf 或 .docx 结尾"),
}
FORMATS = {".pdf": "pdf", ".docx": "docx"}
PROGRESS_HEIGHT = 200  # points left blank for 办理情况, written by hand


@dataclass(frozen=True)
class Sheet:
    """What a 督办单 says: its title, number, the grid's rows (label, text) and the lines below it."""
    title: str
    number: str
    rows: tuple[tuple[str, str], ...]
    due_line: str
    signatures: tuple[tuple[str, str], ...]  # (who signs, what date) per line, blanks after each
    blank_date: str
    day: dt.date
    office: str


def sheet(pf: Portfolio, problem_id: str) -> Sheet:
    p = get_problem(pf, problem_id)
    names = unit_names(pf)
    none = tr(T["none"])
    office = names.get(p.get("assigned_by_unit_id") or "") or tr(T["office"])
    lead = names.get(p.get("responsible_unit_id") or "", "")
    responsible = tr(T["lead"], unit=lead) if lead else none
    assisting = [names.get(u, "") for u in p.get("assisting_unit_ids") or [] if names.get(u)]
    if assisting:
        responsible += "\n" + tr(T["assisting"], units="、".join(assisting))
    project = pf.get("projects", p["project_id"], include_deleted=True) if p.get("project_id") else None
    raised = parse_date(p.get("raised_on") or "")
    due = parse_date(p.get("due_date") or "")
    events = history(pf, problem_id)
    opinion = next((e["note"] for e in reversed(events) if e["to_status"] == "交办" and e.get("note")), None)
    assigned = next((parse_date(e["date"]) for e in reversed(events) if e["to_status"] == "交办"), None)
    raised_by = tr(T["raised_value"], unit=names.get(p.get("raised_by_unit_id") or "", ""),
                   person=p.get("raised_by") or "", date=cn_date(raised) if raised else "").strip("　 ")
    rows = (
        (tr(T["assigned_by"]), office),
        (tr(T["responsible"]), responsible),
        (tr(T["project"]), project["name"] if project else none),
        (tr(T["matter"]), p.get("description") or none),
        (tr(T["request"]), p.get("request") or none),
        (tr(T["raised"]), raised_by or none),
        (tr(T["due"]), cn_date(due) if due else none),
        (tr(T["opinion"]), opinion or ""),
        (tr(T["progress"]), ""),  # blank: filled in by hand
    )
    due_line = tr(T["due_line"], date=cn_date(due), office=office) if due else ""
    signatures = ((tr(T["sign_assign"]), tr(T["sign_date"])), (tr(T["sign_receive"]), tr(T["sign_received_on"])),
                  (tr(T["sign_head"]), tr(T["sign_date"])))
    return Sheet(tr(T["title"]), tr(T["number"], code=p.get("code") or ""), rows, due_line, signatures,
                 tr(T["blank_date"]), assigned or raised or pf.today(), office)


# -- PDF ------------------------------------------------------------------------------------
def _markup(text: str) -> str:
    return "<br/>".join(esc(line) for line in text.split("\n"))


def build_pdf(s: Sheet) -> bytes:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
    fs = fonts.font_set()
    st = styles.make(fs)
    data = [[CellParagraph(esc(k), st["cell_head"]), CellParagraph(_markup(v), st["cell"])] for k, v in s.rows]
    heights = [None] * (len(data) - 1) + [PROGRESS_HEIGHT]
    grid = Table(data, colWidths=widths(5, 19), rowHeights=heights, hAlign="CENTER")
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.75, styles.GRID),
        ("BACKGROUND", (0, 0), (0, -1), styles.HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -2), "MIDDLE"),
        ("VALIGN", (0, -1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    story = [Paragraph(esc(s.title), st["title"]), Paragraph(esc(s.number), st["subtitle"]), grid,
             Spacer(1, 8)]
    if s.due_line:
        story.append(Paragraph(esc(s.due_line), st["body"]))
    story += [Spacer(1, 14), _signature_table(s, st)]
    return document.render(story, fs, title=f"{s.title.replace('　', '')} {s.number}", author=s.office,
                           creator=tr(T["creator"]))[0]


def _signature_table(s: Sheet, st: dict):
    """Who signs and when, each followed by a ruled blank to write on."""
    from reportlab.platypus import Table, TableStyle
    cell = st["cell"].clone("sign", fontSize=12, leading=16)
    data = [[CellParagraph(esc(who + "："), cell), "", CellParagraph(esc(when + "："), cell),
             CellParagraph(esc(s.blank_date), cell.clone("sign_r", alignment=2))] for who, when in s.signatures]
    t = Table(data, colWidths=widths(10, 5, 3.5, 5.5), rowHeights=[30] * len(data), hAlign="CENTER")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), cell.fontName),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, styles.GRID),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, styles.GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return t


# -- Word -----------------------------------------------------------------------------------
def build_docx(s: Sheet) -> bytes:
    from docx import Document
    from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Pt
    doc = Document()
    ws.define(doc)
    ws.page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    doc.add_paragraph(s.title, style="标题")
    doc.add_paragraph(s.number, style="副标题")
    total = ws.WIDTH_MM * 56.6929  # twips per mm
    col = [round(total * 5 / 24), round(total * 19 / 24)]
    table = doc.add_table(rows=len(s.rows), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table._tbl.tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for g, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), col, strict=True):
        g.set(qn("w:w"), str(w))
    for row, (label, text) in zip(table.rows, s.rows, strict=True):
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        row.height, row.height_rule = Pt(22), WD_ROW_HEIGHT_RULE.AT_LEAST
        for cell, value, w, fill in ((row.cells[0], label, col[0], "E8E8E8"), (row.cells[1], text, col[1], None)):
            tcpr = cell._tc.get_or_add_tcPr()
            tcpr.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{w}" w:type="dxa"/>'))
            if fill:
                tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))
            tcpr.append(parse_xml(f'<w:vAlign {nsdecls("w")} w:val="{"top" if label == s.rows[-1][0] else "center"}"/>'))
            p = cell.paragraphs[0]
            p.style = doc.styles["表头" if fill else "表格"]
            for k, line in enumerate(value.split("\n")):
                if k:
                    p = cell.add_paragraph(style="表格")
                p.add_run(line)
    last = table.rows[-1]
    last.height, last.height_rule = Pt(PROGRESS_HEIGHT), WD_ROW_HEIGHT_RULE.AT_LEAST
    if s.due_line:
        doc.add_paragraph(s.due_line, style="正文")
    for who, when in s.signatures:
        doc.add_paragraph(f"{who}：{'_' * 14}　{when}：{s.blank_date}", style="说明")
    core = doc.core_properties
    moment = dt.datetime.combine(s.day, dt.time())
    core.title, core.author = f"{s.title.replace('　', '')} {s.number}", s.office
    core.last_modified_by, core.comments, core.keywords, core.category, core.subject = s.office, "", "", "", ""
    core.created = core.modified = core.last_printed = moment
    core.revision = 1
    core.language = "zh-CN"
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_times(buf.getvalue())


def format_of(path) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UserError(E["format"], path=Path(path).name)
    return fmt


def write_dubandan(pf: Portfolio, problem_id: str, path) -> tuple[Path, str]:
    """Write the problem's 督办单 in the format of `path`'s extension, atomically, through the
    output guard (never over a portfolio or its side files). (path, format)."""
    fmt = format_of(path)
    s = sheet(pf, problem_id)
    data = build_pdf(s) if fmt == "pdf" else build_docx(s)
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), E["write"]), fmt
