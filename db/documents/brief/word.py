"""The brief's blocks (blocks.py) as an editable Word document (.docx) for WPS, Word and
LibreOffice: every paragraph on a named style (word_styles.py), real tables whose header row
repeats on each page, page numbers as PAGE fields ("— N —", odd pages right, even pages left,
one character in), the red 报头 and the 报尾 with its rules.

The same blocks give the same bytes: the document's dates are the brief's day and the zip's
entries carry a fixed time.
"""
from __future__ import annotations

import datetime as dt
import io
from copy import deepcopy

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from db.documents.brief import word_styles as ws
from db.documents.brief.blocks import Appendix, Content, Heading, Para, Table, cell_text, plain
from db.documents.brief.masthead import (
    CLASSIFICATION,
    COPY_TO,
    ISSUE_NO,
    ISSUED_BY,
    REPORT_TO,
    SEND_TO,
    SUBTITLE,
    TITLE,
)
from db.documents.brief.tables import cn_date, short_date
from db.documents.brief.zips import fixed_times
from db.i18n import tr

ALIGN = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}
ALIGN_XML = {"c": "center", "r": "right"}
HEAD_FILL = "E8E8E8"


def _runs(paragraph, text) -> None:
    for span in ((text,) if isinstance(text, str) else text):
        if isinstance(span, str):
            paragraph.add_run(span)
            continue
        run = paragraph.add_run(span.text)
        if span.heading:
            run._r.style = _style_id(paragraph.part, "小标题", WD_STYLE_TYPE.CHARACTER)
        if span.colour:
            run.font.color.rgb = RGBColor.from_string(span.colour.lstrip("#").upper())


def _para(doc, text, style: str):
    p = doc.add_paragraph()
    p._p.style = _style_id(doc.part, style)  # as add_paragraph(style=…) sets it, the id looked up once
    _runs(p, text)
    return p


def _cell_props(width_twips: int, fill: str | None = None):
    """A cell's w:tcPr: its width, fill and vertical centring (copied into each cell of a column)."""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return parse_xml(f'<w:tcPr {nsdecls("w")}><w:tcW w:w="{width_twips}" w:type="dxa"/>{shd}'
                     '<w:vAlign w:val="center"/></w:tcPr>')


def _para_props(style_id: str | None, align: str) -> object:
    """A cell paragraph's w:pPr: its style (none for the default one) and, unless left, its alignment."""
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    jc = f'<w:jc w:val="{ALIGN_XML[align]}"/>' if align != "l" else ""
    return parse_xml(f'<w:pPr {nsdecls("w")}>{style}{jc}</w:pPr>')


def _fill_cell(cell, tcpr, ppr) -> object:
    """Give a new cell (python-docx makes it with a w:tcPr holding only its width, and one empty
    paragraph) copies of the column's properties; its paragraph. One copy of prepared elements per
    cell: python-docx's per-property setters were most of the .docx brief's time."""
    tc = cell._tc
    tc.replace(tc.tcPr, deepcopy(tcpr))
    p = cell.paragraphs[0]
    p._p.insert(0, deepcopy(ppr))
    return p


def _style_id(part, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
    """The id of the style `name` of a document's part, for setting it on many paragraphs or runs:
    python-docx's `paragraph.style = …` searches the styles part for each of them, twice (most of
    a .docx brief's time when every table cell paid it); here once per document and name."""
    ids = part.__dict__.setdefault("_style_ids", {})
    key = (name, kind)
    if key not in ids:
        ids[key] = part.get_style_id(part.styles[name], kind)
    return ids[key]


def _table(doc, t: Table) -> None:
    total = ws.WIDTH_MM * 56.6929  # twips per mm
    shares = sum(t.widths)
    widths = [round(total * w / shares) for w in t.widths]
    align = (t.align or "l" * t.columns).ljust(t.columns, "l")
    table = doc.add_table(rows=1 + len(t.rows), cols=t.columns)
    table._tbl.tblStyle_val = _style_id(doc.part, "Table Grid", WD_STYLE_TYPE.TABLE)  # as table.style = … sets it
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    tblpr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    rows = table.rows
    header = rows[0]
    trpr = header._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))  # repeated on every page
    trpr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    head_style, cell_style = _style_id(doc.part, "表头"), _style_id(doc.part, "表格")
    head_ppr = _para_props(head_style, "l")
    for cell, text, w in zip(header.cells, t.header, widths, strict=True):
        _runs(_fill_cell(cell, _cell_props(w, HEAD_FILL), head_ppr), text)
    columns = [(_cell_props(w), _para_props(cell_style, a)) for w, a in zip(widths, align, strict=True)]
    cant_split = parse_xml(f'<w:trPr {nsdecls("w")}><w:cantSplit/></w:trPr>')
    for row, values in zip(rows[1:], t.rows, strict=True):
        row._tr.insert(0, deepcopy(cant_split))
        for cell, value, (tcpr, ppr) in zip(row.cells, values, columns, strict=True):
            _runs(_fill_cell(cell, tcpr, ppr), value if isinstance(value, tuple) else cell_text(value))
    if t.more:
        _para(doc, t.more, "说明")


def _field(paragraph, instr: str, shown: str) -> None:
    """A complex field (PAGE) with its cached result."""
    def char(kind):
        run = paragraph.add_run()
        run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    char("begin")
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instr} </w:instrText>'))
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _page_numbers(doc) -> None:
    section = doc.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["页码"]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        if odd:
            p.paragraph_format.right_indent = Pt(14)
        else:
            p.paragraph_format.left_indent = Pt(14)
        p.add_run("— ")
        _field(p, "PAGE", "1" if odd else "2")
        p.add_run(" —")


def _masthead(doc, options, facts: dict) -> None:
    as_of, monday, sunday = facts["as_of"], facts["monday"], facts["sunday"]
    _para(doc, tr(CLASSIFICATION), "密级")
    _para(doc, options.name, "报头")
    _para(doc, tr(ISSUE_NO, number=options.number), "期号")
    _para(doc, tr(ISSUED_BY, issuer=options.issuer) + "\t" + cn_date(as_of), "编印")
    iso = monday.isocalendar()
    _para(doc, tr(TITLE), "标题")
    _para(doc, tr(SUBTITLE, year=iso[0], week=iso[1], start=short_date(monday), end=short_date(sunday)), "副标题")


def _appendix(doc, a: Appendix, first: bool) -> None:
    label = _para(doc, a.label, "附表标签")
    if first:
        label.paragraph_format.page_break_before = True
    _para(doc, a.title, "附表标题")
    if a.intro:
        _para(doc, a.intro, "说明")
    _table(doc, a.table())


def _footer(doc, options) -> None:
    lines = [(label, text) for label, text in ((REPORT_TO, options.report_to), (COPY_TO, options.copy_to),
                                               (SEND_TO, options.send_to)) if text]
    spacer = doc.add_paragraph()
    spacer._p.style = _style_id(doc.part, "正文")
    spacer.add_run().add_break(WD_BREAK.LINE)
    rule = '<w:{side} w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
    for k, (label, text) in enumerate(lines):
        p = _para(doc, tr(label) + text, "报尾")
        sides = ("top" if k == 0 else "") + (" bottom" if k == len(lines) - 1 else "")
        inner = "".join(rule.format(side=s) for s in sides.split())
        if inner:
            ws.put_ppr(p._p.get_or_add_pPr(), "pBdr", inner)
        p.paragraph_format.keep_with_next = k < len(lines) - 1


def render(content: Content, options, facts: dict, info: dict) -> bytes:
    doc = Document()
    ws.define(doc)
    ws.page(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    _masthead(doc, options, facts)
    for block in content.body:
        if isinstance(block, Heading):
            _para(doc, block.text, "一级标题" if block.level == 1 else "二级标题")
        elif isinstance(block, Para):
            _para(doc, block.text, "正文" if block.style == "body" else "说明")
        elif isinstance(block, Table):
            _table(doc, block)
    for k, a in enumerate(content.appendices):
        _appendix(doc, a, k == 0)
    _footer(doc, options)
    _page_numbers(doc)
    core = doc.core_properties
    moment = dt.datetime.combine(facts["as_of"], dt.time())
    core.title, core.author, core.subject = info["title"], info["author"], info["subject"]
    core.last_modified_by, core.comments, core.keywords, core.category = info["author"], "", "", ""
    core.created = core.modified = moment
    core.last_printed = moment
    core.revision = 1
    core.language = "zh-CN"
    buf = io.BytesIO()
    doc.save(buf)
    return fixed_times(buf.getvalue())


def text_of(content: Content) -> str:
    """The 正文's text, for tests and checks."""
    return "\n".join(plain(b.text) for b in content.body if isinstance(b, (Heading, Para)))

