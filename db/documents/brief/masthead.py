"""报头 (red masthead), the 报核 title, the 报尾 (报/送/发) and the page numbers "— N —"."""
from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from db.documents.brief import styles
from db.documents.brief.options import BriefOptions
from db.documents.brief.tables import cn_date, esc, short_date
from db.i18n import QT_TRANSLATE_NOOP, tr

CLASSIFICATION = QT_TRANSLATE_NOOP("brief", "内部资料")
ISSUE_NO = QT_TRANSLATE_NOOP("brief", "第{number}期")
ISSUED_BY = QT_TRANSLATE_NOOP("brief", "{issuer}编")
TITLE = QT_TRANSLATE_NOOP("brief", "全区科创项目推进情况")
SUBTITLE = QT_TRANSLATE_NOOP("brief", "（{year}年第{week}周　{start}—{end}）")
REPORT_TO = QT_TRANSLATE_NOOP("brief", "报：")
COPY_TO = QT_TRANSLATE_NOOP("brief", "送：")
SEND_TO = QT_TRANSLATE_NOOP("brief", "发：")
PAGE_NUMBER = "— {n} —"


def masthead(st: dict, options: BriefOptions, date: dt.date, monday: dt.date, sunday: dt.date) -> list:
    name_style = st["masthead"]
    size = name_style.fontSize
    while size > 20 and stringWidth(options.name, name_style.fontName, size) > styles.WIDTH:
        size -= 2  # a long brief name shrinks rather than wrapping in the 报头
    name_style = name_style.clone("masthead_fit", fontSize=size, leading=size * 1.3)
    line = Table([[Paragraph(esc(tr(ISSUED_BY, issuer=options.issuer)), st["issuer"]),
                   Paragraph(esc(cn_date(date)), st["date"])]],
                 colWidths=[styles.WIDTH * 0.62, styles.WIDTH * 0.38])
    line.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st["issuer"].fontName),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    iso = monday.isocalendar()
    return [
        Paragraph(esc(tr(CLASSIFICATION)), st["classification"]),
        Spacer(1, 5 * mm),
        Paragraph(esc(options.name), name_style),
        Spacer(1, 3 * mm),
        Paragraph(esc(tr(ISSUE_NO, number=options.number)), st["issue_no"]),
        Spacer(1, 5 * mm),
        line,
        HRFlowable(width="100%", thickness=2, color=styles.RED, spaceBefore=2 * mm, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.6, color=styles.RED, spaceBefore=0.8, spaceAfter=6 * mm),
        Paragraph(esc(tr(TITLE)), st["title"]),
        Paragraph(esc(tr(SUBTITLE, year=iso[0], week=iso[1], start=short_date(monday), end=short_date(sunday))),
                  st["subtitle"]),
    ]


class AtBottom(Flowable):
    """Draws its content at the bottom of the page it lands on (the 报尾 sits at the foot of the
    last page); moves to a new page when the space left is too small."""

    def __init__(self, flowables: list, width: float):
        super().__init__()
        self.flowables = flowables
        self.content_width = width
        self._heights: list[float] = []

    def _content_height(self) -> float:
        self._heights = [f.wrap(self.content_width, styles.HEIGHT)[1] for f in self.flowables]
        return sum(self._heights) + sum(f.getSpaceBefore() + f.getSpaceAfter() for f in self.flowables)

    def wrap(self, avail_width, avail_height):
        need = self._content_height()
        self.width = self.content_width
        self.height = max(need, avail_height - 0.5) if need <= avail_height else need
        return self.width, self.height

    def draw(self):
        y = self._content_height()
        for f, h in zip(self.flowables, self._heights, strict=True):
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


def footer(st: dict, options: BriefOptions) -> Flowable:
    rows = [Paragraph(esc(tr(label)) + esc(text), st["footer"])
            for label, text in ((REPORT_TO, options.report_to), (COPY_TO, options.copy_to),
                                (SEND_TO, options.send_to)) if text]
    rule = dict(width="100%", color=styles.RULE)
    parts = [HRFlowable(thickness=0.8, spaceBefore=0, spaceAfter=3, **rule), *rows,
             HRFlowable(thickness=0.8, spaceBefore=3, spaceAfter=0, **rule)]
    return AtBottom(parts, styles.WIDTH)


def draw_page_number(canvas, doc, font: str) -> None:
    """GB/T 9704: 4号 numerals between dashes, 7 mm below the 版心; odd pages right, even left,
    one character in from the edge."""
    n = canvas.getPageNumber()
    text = PAGE_NUMBER.format(n=n)
    size = 14
    y = styles.BOTTOM - styles.PAGE_NUMBER_GAP - size
    canvas.saveState()
    canvas.setFont(font, size)
    if n % 2:
        canvas.drawRightString(styles.LEFT + styles.WIDTH - size, y, text)
    else:
        canvas.drawString(styles.LEFT + size, y, text)
    canvas.restoreState()
