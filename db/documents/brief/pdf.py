"""The brief's blocks (blocks.py) as a reportlab story: 报头, 正文, 附表 (from a page of their own),
报尾 at the foot of the last page. Every run of text is set in its style's face, characters the
face lacks in the fallback face (fonts.fill_gaps)."""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, LongTable, PageBreak, Paragraph, TableStyle

from db.documents.brief import styles
from db.documents.brief.blocks import Appendix, Content, Heading, Para, Table, cell_text
from db.documents.brief.fonts import FontSet, fill_gaps
from db.documents.brief.masthead import footer as closing
from db.documents.brief.masthead import masthead
from db.documents.brief.tables import CellParagraph, esc, widths

KEEP = 90  # points a heading needs below it, else it starts the next page
ALIGN_STYLE = {"l": "cell", "c": "cell_c", "r": "cell_r"}


def markup(text, font: str, fs: FontSet) -> str:
    """Text (a str or Spans) as Paragraph markup in `font`, with fallback runs, coloured spans and
    run-in headings (in the 楷体 face)."""
    parts = [(text, None, False)] if isinstance(text, str) else [(s.text, s.colour, s.heading) for s in text]
    out = []
    for piece, colour, heading in parts:
        face = fs.sub if heading else font
        runs = "".join(esc(run) if f == font else f'<font face="{f}">{esc(run)}</font>'
                       for run, f in fill_gaps(piece, face, fs.fallback))
        out.append(f'<font color="{colour}">{runs}</font>' if colour else runs)
    return "".join(out)


def para(text, st, fs: FontSet, cls=Paragraph):
    return cls(markup(text, st.fontName, fs), st)


def table(t: Table, st: dict, fs: FontSet) -> list:
    align = (t.align or "l" * t.columns).ljust(t.columns, "l")
    data = [[para(h, st["cell_head"], fs, CellParagraph) for h in t.header]]
    for row in t.rows:
        data.append([para(v if isinstance(v, tuple) else cell_text(v), st[ALIGN_STYLE[align[i]]], fs, CellParagraph)
                     for i, v in enumerate(row)])
    lt = LongTable(data, colWidths=widths(*t.widths), repeatRows=1, hAlign="CENTER", spaceBefore=2, spaceAfter=4)
    lt.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fs.body),  # else reportlab sets Helvetica per cell
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out = [lt]
    if t.more:
        out.append(para(t.more, st["note"], fs))
    return out


def appendix(a: Appendix, st: dict, fs: FontSet) -> list:
    out = [CondPageBreak(KEEP * 2), para(a.label, st["appendix_label"], fs), para(a.title, st["appendix"], fs)]
    if a.intro:
        out.append(para(a.intro, st["note"], fs))
    return out + table(a.table(), st, fs)


class PageMark(Flowable):
    """Takes no room; remembers the page it lands on (where the 正文 ends)."""

    page = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.page = self.canv.getPageNumber()


def story(content: Content, st: dict, fs: FontSet, options, facts: dict, appendices: bool = True,
          footer: bool = True, body_end: PageMark | None = None) -> list:
    out = masthead(st, options, facts["as_of"], facts["monday"], facts["sunday"])
    for block in content.body:
        if isinstance(block, Heading):
            out += [CondPageBreak(KEEP), para(block.text, st["h1" if block.level == 1 else "h2"], fs)]
        elif isinstance(block, Para):
            out.append(para(block.text, st[block.style], fs))
        elif isinstance(block, Table):
            out += table(block, st, fs)
    if body_end is not None:
        out.append(body_end)
    for k, a in enumerate(content.appendices if appendices else ()):
        if k == 0:
            out.append(PageBreak())  # the 附表 start a page of their own
        out += appendix(a, st, fs)
    if footer:
        out.append(closing(st, options))
    return out
