"""Building blocks of the brief's text: tables that wrap CJK text and repeat their header across
pages, colour marks, and the formats of dates, money and percentages."""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import LongTable, Paragraph, TableStyle
from reportlab.platypus import paragraph as rl_paragraph

from db import colours, formatting
from db.documents.brief import styles
from db.i18n import QT_TRANSLATE_NOOP, tr

CN_DIGITS = "零一二三四五六七八九"
# Chinese punctuation that must not start a line (reportlab's list is Japanese and lacks these);
# reportlab lets such a character hang at the end of the previous line instead.
CANNOT_START = "，：；！？）》〉〗”’…％"
rl_paragraph.ALL_CANNOT_START += "".join(ch for ch in CANNOT_START if ch not in rl_paragraph.ALL_CANNOT_START)
NONE_THIS_WEEK = QT_TRANSLATE_NOOP("brief", "无。")
DATE = QT_TRANSLATE_NOOP("brief", "{y}年{m}月{d}日")
SHORT_DATE = QT_TRANSLATE_NOOP("brief", "{m}月{d}日")


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (section and sub-section numbers)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    if n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            out += ("零" if zero and out else "") + CN_DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def cn_date(d: dt.date) -> str:
    return tr(DATE, y=d.year, m=d.month, d=d.day)


def short_date(d: dt.date) -> str:
    return tr(SHORT_DATE, m=d.month, d=d.day)


def money(value) -> str:
    """万元 amounts as an office writes them: 3500万元, 2.35亿元 (db/formatting.py)."""
    return "—" if value is None else formatting.money(value)


def pct(value, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}%"


def number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, int) else f"{value:g}"


def esc(text) -> str:
    return escape("" if text is None else str(text))


def mark(code: str) -> str:
    """A coloured dot and the colour's name, as Paragraph markup."""
    return f'<font color="{colours.HEX[code]}">●</font>{esc(tr(colours.NAMES[code]))}'


class CellParagraph(Paragraph):
    """A table cell's text. reportlab lets a closing CJK punctuation mark hang one glyph past the
    line end (fine in a page margin, an overflow across a table rule); when a line would hang,
    the text is wrapped again inside indents that leave room for it."""

    def wrap(self, avail_width, avail_height):
        memo = getattr(self, "_memo", None)
        if memo is not None and memo[0] == avail_width:  # tables wrap each cell several times
            return memo[1]
        w, h = self._wrap(avail_width, avail_height)
        self._memo = (avail_width, (w, h))
        return w, h

    def _wrap(self, avail_width, avail_height):
        w, h = super().wrap(avail_width, avail_height)
        lines = getattr(self.blPara, "lines", [])
        spare = [line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0) for line in lines]
        if min(spare, default=0) < -0.01 and not hasattr(self, "_reserved"):
            self._reserved = True
            fs = self.style.fontSize
            left = {TA_CENTER: fs / 2, TA_RIGHT: fs}.get(self.style.alignment, 0)
            self.style = self.style.clone(self.style.name + "_hang", leftIndent=left, rightIndent=fs - left)
            w, h = super().wrap(avail_width, avail_height)
        return w, h


MAX_ROWS = 60  # a weekly brief lists the first 60 of a long list (worst first) and says how many more
MORE = QT_TRANSLATE_NOOP("brief", "另有 {n} 项未列出，详见台账。")


def table(st: dict, header: list[str], rows: list[list], widths: list[float],
          align: str = "") -> LongTable:
    """A grid table; `align` has one letter per column (l, c, r). Cells given as plain strings are
    escaped; Paragraph-markup cells are passed as ("markup", text). Past MAX_ROWS the rest is
    summarised in a last row spanning the table (callers order their rows most urgent first)."""
    assert abs(sum(widths) - styles.WIDTH) < 1, (sum(widths), styles.WIDTH)
    more = len(rows) - MAX_ROWS if len(rows) > MAX_ROWS + 1 else 0
    if more:
        rows = rows[:MAX_ROWS] + [[tr(MORE, n=more)] + [""] * (len(widths) - 1)]
    align = (align or "l" * len(widths)).ljust(len(widths), "l")
    style_of = {"l": "cell", "c": "cell_c", "r": "cell_r"}
    data = [[CellParagraph(esc(h), st["cell_head"]) for h in header]]
    for row in rows:
        out = []
        for i, value in enumerate(row):
            if isinstance(value, tuple) and value and value[0] == "markup":
                out.append(CellParagraph(value[1], st[style_of[align[i]]]))
            else:
                out.append(CellParagraph(esc(value), st[style_of[align[i]]]))
        data.append(out)
    t = LongTable(data, colWidths=widths, repeatRows=1, hAlign="CENTER", spaceBefore=2, spaceAfter=6)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName),  # else reportlab sets Helvetica per cell
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ] + ([("SPAN", (0, len(data) - 1), (-1, len(data) - 1))] if more else [])))
    return t


def markup(text: str) -> tuple[str, str]:
    return ("markup", text)


def widths(*fractions: float) -> list[float]:
    """Column widths as shares of the 版心 width (the last column takes what is left)."""
    total = sum(fractions)
    out = [round(styles.WIDTH * f / total, 2) for f in fractions[:-1]]
    return out + [styles.WIDTH - sum(out)]
