"""Page geometry and paragraph styles after GB/T 9704 (A4, 版心 156×225 mm, red 报头)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from db.documents.brief import kinsoku  # noqa: F401  (Chinese line-start marks for reportlab's CJK wrap)
from db.documents.brief.fonts import FontSet
from db.i18n import language

PAGE_SIZE = A4
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
WIDTH = PAGE_SIZE[0] - LEFT - RIGHT  # 156 mm
HEIGHT = PAGE_SIZE[1] - TOP - BOTTOM  # 225 mm
PAGE_NUMBER_GAP = 7 * mm  # below the 版心
RED = colors.Color(0.86, 0.0, 0.0)
RULE = colors.black
HEAD_FILL = colors.Color(0.91, 0.91, 0.91)
GRID = colors.Color(0.25, 0.25, 0.25)
NOTE = colors.Color(0.35, 0.35, 0.35)

BODY_SIZE = 15.75  # 3号 (16 pt) set so that 28 characters fill a 156 mm line, as GB/T 9704 counts them
LINE = HEIGHT / 22  # 22 lines to the 版心 (28.98 pt)
TITLE_SIZE = 22  # 2号
TABLE_SIZE = 10.5  # 5号
NUMBER_SIZE = 14  # 4号 page numbers


def make(fs: FontSet) -> dict[str, ParagraphStyle]:
    """GB/T 9704: 3号仿宋 body on the 22-line grid (28 characters a line), 一、 headings 黑体, （一）
    headings 楷体, the title 2号 小标宋 (or the closest face), tables 5号."""
    cjk = {"wordWrap": "CJK"}
    body = ParagraphStyle("body", fontName=fs.body, fontSize=BODY_SIZE, leading=LINE,
                          firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY, **cjk)
    cell = ParagraphStyle("cell", fontName=fs.body, fontSize=TABLE_SIZE, leading=13.5, **cjk)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "classification": ParagraphStyle("classification", fontName=fs.heading, fontSize=BODY_SIZE, leading=20, **cjk),
        "masthead": ParagraphStyle("masthead", fontName=fs.title, fontSize=40, leading=52,
                                   alignment=TA_CENTER, textColor=RED, **cjk),
        "issue_no": ParagraphStyle("issue_no", fontName=fs.body, fontSize=BODY_SIZE, leading=22, alignment=TA_CENTER,
                                   **cjk),
        "issuer": ParagraphStyle("issuer", fontName=fs.body, fontSize=BODY_SIZE, leading=20, alignment=TA_LEFT, **cjk),
        "date": ParagraphStyle("date", fontName=fs.body, fontSize=BODY_SIZE, leading=20, alignment=TA_RIGHT, **cjk),
        "title": ParagraphStyle("title", fontName=fs.title, fontSize=TITLE_SIZE, leading=LINE * 1.25,
                                alignment=TA_CENTER, spaceAfter=0, **cjk),
        "subtitle": ParagraphStyle("subtitle", fontName=fs.sub, fontSize=BODY_SIZE, leading=LINE, alignment=TA_CENTER,
                                   spaceAfter=LINE / 2, **cjk),
        "h1": ParagraphStyle("h1", fontName=fs.heading, fontSize=BODY_SIZE, leading=LINE, firstLineIndent=2 * BODY_SIZE,
                             keepWithNext=1, **cjk),
        "h2": ParagraphStyle("h2", fontName=fs.sub, fontSize=BODY_SIZE, leading=LINE, firstLineIndent=2 * BODY_SIZE,
                             keepWithNext=1, **cjk),
        "appendix_label": ParagraphStyle("appendix_label", fontName=fs.heading, fontSize=BODY_SIZE, leading=LINE,
                                         keepWithNext=1, **cjk),
        "appendix": ParagraphStyle("appendix", fontName=fs.title, fontSize=18, leading=LINE, spaceAfter=4,
                                   alignment=TA_CENTER, keepWithNext=1, **cjk),
        "caption": ParagraphStyle("caption", fontName=fs.heading, fontSize=11, leading=16, alignment=TA_CENTER,
                                  spaceBefore=6, spaceAfter=4, **cjk),
        "note": ParagraphStyle("note", fontName=fs.body, fontSize=12, leading=18, textColor=NOTE,
                               spaceBefore=2, spaceAfter=4, **cjk),
        "cell": cell,
        "cell_c": ParagraphStyle("cell_c", parent=cell, alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", parent=cell, alignment=TA_RIGHT),
        # English heads break between words ("Days overdue", not "Days ove|rdue"); CJK wrapping
        # breaks anywhere. Heads are the brief's own words, never a long unbroken name.
        "cell_head": ParagraphStyle("cell_head", parent=cell, fontName=fs.heading, alignment=TA_CENTER,
                                    **({"wordWrap": None} if language() == "en" else {})),
        # 报尾 lines: 4号, one character in from each side, wrapped lines aligned after "报："
        "footer": ParagraphStyle("footer", fontName=fs.body, fontSize=14, leading=LINE, leftIndent=14 * 3,
                                 firstLineIndent=-14 * 2, rightIndent=14, **cjk),
        "page_number": ParagraphStyle("page_number", fontName=fs.number or fs.body, fontSize=NUMBER_SIZE,
                                      leading=NUMBER_SIZE),
    }
