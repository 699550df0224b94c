"""Page geometry and paragraph styles after GB/T 9704 (A4, 版心 156×225 mm, red 报头)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from db.documents.brief.fonts import FontSet

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

BODY_SIZE = 15  # 小三号
TABLE_SIZE = 9.5


def make(fs: FontSet) -> dict[str, ParagraphStyle]:
    cjk = {"wordWrap": "CJK"}
    body = ParagraphStyle("body", fontName=fs.body, fontSize=BODY_SIZE, leading=26,
                          firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY, **cjk)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "classification": ParagraphStyle("classification", fontName=fs.heading, fontSize=15, leading=20, **cjk),
        "masthead": ParagraphStyle("masthead", fontName=fs.title, fontSize=40, leading=52,
                                   alignment=TA_CENTER, textColor=RED, **cjk),
        "issue_no": ParagraphStyle("issue_no", fontName=fs.body, fontSize=15, leading=22, alignment=TA_CENTER, **cjk),
        "issuer": ParagraphStyle("issuer", fontName=fs.body, fontSize=14, leading=20, alignment=TA_LEFT, **cjk),
        "date": ParagraphStyle("date", fontName=fs.body, fontSize=14, leading=20, alignment=TA_RIGHT, **cjk),
        "title": ParagraphStyle("title", fontName=fs.title, fontSize=20, leading=30, alignment=TA_CENTER,
                                spaceAfter=2, **cjk),
        "subtitle": ParagraphStyle("subtitle", fontName=fs.sub, fontSize=14, leading=22, alignment=TA_CENTER,
                                   spaceAfter=10, **cjk),
        "h1": ParagraphStyle("h1", fontName=fs.heading, fontSize=16, leading=28, spaceBefore=10, spaceAfter=4,
                             firstLineIndent=2 * 16, **cjk),
        "appendix": ParagraphStyle("appendix", fontName=fs.heading, fontSize=16, leading=28, spaceBefore=6,
                                   spaceAfter=8, alignment=TA_CENTER, **cjk),
        "h2": ParagraphStyle("h2", fontName=fs.sub, fontSize=15, leading=26, spaceBefore=4, spaceAfter=2,
                             firstLineIndent=2 * 15, **cjk),
        "caption": ParagraphStyle("caption", fontName=fs.heading, fontSize=11, leading=16, alignment=TA_CENTER,
                                  spaceBefore=6, spaceAfter=4, **cjk),
        "note": ParagraphStyle("note", fontName=fs.body, fontSize=9.5, leading=14, textColor=NOTE,
                               spaceBefore=3, spaceAfter=6, **cjk),
        "cell": ParagraphStyle("cell", fontName=fs.body, fontSize=TABLE_SIZE, leading=12.5, **cjk),
        "cell_c": ParagraphStyle("cell_c", fontName=fs.body, fontSize=TABLE_SIZE, leading=12.5,
                                 alignment=TA_CENTER, **cjk),
        "cell_r": ParagraphStyle("cell_r", fontName=fs.body, fontSize=TABLE_SIZE, leading=12.5,
                                 alignment=TA_RIGHT, **cjk),
        "cell_head": ParagraphStyle("cell_head", fontName=fs.heading, fontSize=TABLE_SIZE, leading=12.5,
                                    alignment=TA_CENTER, **cjk),
        # 报尾 lines: one character in from each side, wrapped lines aligned after "报："
        "footer": ParagraphStyle("footer", fontName=fs.body, fontSize=13, leading=22, leftIndent=13 * 3,
                                 firstLineIndent=-13 * 2, rightIndent=13, **cjk),
        "page_number": ParagraphStyle("page_number", fontName=fs.body, fontSize=14, leading=14),
    }
