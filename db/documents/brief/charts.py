"""The brief's charts as vector drawings (reportlab graphics), labelled in the CJK body font."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from db import colours
from db.i18n import QT_TRANSLATE_NOOP, tr

LABEL_SIZE = 8.5
ROW = 15  # row pitch of horizontal bar charts
BAR = 10
AXIS = colors.Color(0.3, 0.3, 0.3)
GRIDLINE = colors.Color(0.85, 0.85, 0.85)
FUNNEL_FILL = colors.HexColor("#3b6ea8")
EXIT_FILL = colors.HexColor("#9aa0a6")
EXPECTED = QT_TRANSLATE_NOOP("brief", "序时进度 {pct:.0f}%")


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` cut with "…" so it fits `width` (labels never run into the bars)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _drawing(width: float, height: float, font: str) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = font  # else the renderer selects Helvetica, which would not be embedded
    d.initialFontSize = LABEL_SIZE
    return d


def _label(d: Drawing, x, y, text, font, size=LABEL_SIZE, anchor="start", fill=colors.black) -> None:
    d.add(String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor, fillColor=fill))


def _legend(d: Drawing, y: float, font: str, codes=colours.COLOURS) -> None:
    """One row of colour keys, centred."""
    def width_of(texts):
        return sum(11 + stringWidth(t, font, LABEL_SIZE) for t in texts) + 12 * (len(texts) - 1)
    texts = [f"{tr(colours.NAMES[code])} {tr(colours.MEANINGS[code])}" for code in codes]
    if width_of(texts) > d.width:  # too long for one row (e.g. in English): the colour names only
        texts = [tr(colours.NAMES[code]) for code in codes]
    x = max((d.width - width_of(texts)) / 2, 0)
    for code, text in zip(codes, texts):
        d.add(Rect(x, y, 8, 8, fillColor=colors.HexColor(colours.HEX[code]), strokeColor=None))
        _label(d, x + 11, y + 0.5, text, font)
        x += 11 + stringWidth(text, font, LABEL_SIZE) + 12


def colour_by_unit(groups: list[tuple[str, dict]], font: str, width: float) -> Drawing:
    """Stacked horizontal bars: projects of each unit by colour, worst units first."""
    label_w, count_w, top = 118, 30, 22
    height = top + ROW * len(groups) + 6
    d = _drawing(width, height, font)
    _legend(d, height - 11, font)
    biggest = max((sum(c.values()) for _, c in groups), default=1) or 1
    scale = (width - label_w - count_w - 6) / biggest
    for i, (name, counts) in enumerate(groups):
        y = height - top - ROW * (i + 1) + (ROW - BAR) / 2
        _label(d, label_w - 5, y + 2, fit(name, font, LABEL_SIZE, label_w - 8), font, anchor="end")
        x = label_w
        for code in colours.COLOURS:
            n = counts.get(code, 0)
            if not n:
                continue
            w = n * scale
            d.add(Rect(x, y, w, BAR, fillColor=colors.HexColor(colours.HEX[code]), strokeColor=colors.white,
                       strokeWidth=0.4))
            if w >= stringWidth(str(n), font, 7) + 3:
                _label(d, x + w / 2, y + 2.4, str(n), font, 7, "middle", colors.white)
            x += w
        _label(d, x + 4, y + 2, str(sum(counts.values())), font)
    return d


def funnel(stages: list[tuple[str, int, bool]], font: str, width: float) -> Drawing:
    """A stage funnel: centred bars, width by count; `stages` are (label, count, is_exit)."""
    label_w, count_w = 70, 34
    row = ROW - 2
    height = row * len(stages) + 4
    d = _drawing(width, height, font)
    area = width - label_w - count_w
    centre = label_w + area / 2
    biggest = max((n for _, n, _ in stages), default=1) or 1
    for i, (label, n, is_exit) in enumerate(stages):
        y = height - row * (i + 1) + (row - BAR) / 2
        _label(d, label_w - 6, y + 2, fit(label, font, LABEL_SIZE, label_w - 8), font, anchor="end")
        w = max(n / biggest * area, 1.5)
        d.add(Rect(centre - w / 2, y, w, BAR, fillColor=EXIT_FILL if is_exit else FUNNEL_FILL, strokeColor=None))
        _label(d, width - count_w + 4, y + 2, str(n), font)
    return d


def pace(rows: list[tuple[str, float, str]], expected: float, font: str, width: float) -> Drawing:
    """Annual investment completed per group (bars, coloured by pace) against 序时进度 (dashed)."""
    label_w, right, top, bottom = 96, 40, 16, 16
    height = top + ROW * len(rows) + bottom
    d = _drawing(width, height, font)
    high = max([100.0, expected] + [r[1] for r in rows])
    high = (int(high // 25) + (1 if high % 25 else 0)) * 25
    area = width - label_w - right
    scale = area / high
    base = bottom
    for tick in range(0, int(high) + 1, 25):
        x = label_w + tick * scale
        d.add(Line(x, base, x, height - top, strokeColor=GRIDLINE, strokeWidth=0.5))
        _label(d, x, 3, f"{tick}%", font, 7.5, "middle", AXIS)
    d.add(Line(label_w, base, label_w, height - top, strokeColor=AXIS, strokeWidth=0.7))
    for i, (label, value, code) in enumerate(rows):
        y = height - top - ROW * (i + 1) + (ROW - BAR) / 2
        _label(d, label_w - 5, y + 2, fit(label, font, LABEL_SIZE, label_w - 8), font, anchor="end")
        d.add(Rect(label_w, y, max(value, 0) * scale, BAR, fillColor=colors.HexColor(colours.HEX[code]),
                   strokeColor=None))
        _label(d, label_w + max(value, 0) * scale + 3, y + 2, f"{value:.1f}%", font)
    x = label_w + expected * scale
    d.add(Line(x, base - 2, x, height - top + 4, strokeColor=colors.HexColor(colours.HEX[colours.RED]),
               strokeWidth=1, strokeDashArray=[3, 2]))
    _label(d, x, height - 9, tr(EXPECTED, pct=expected), font, LABEL_SIZE, "middle",
           colors.HexColor(colours.HEX[colours.RED]))
    return d
