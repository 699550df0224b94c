"""What every section writer needs: styles, fonts, the facts, the options, and running numbers."""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Table, TableStyle

from db.documents.brief import styles
from db.documents.brief.fonts import FontSet
from db.documents.brief.options import BriefOptions
from db.documents.brief.tables import cn_number, esc
from db.i18n import QT_TRANSLATE_NOOP, tr

FIGURE = QT_TRANSLATE_NOOP("brief", "图{n}　{title}")
SUB = "（{n}）{title}"
KEEP = 80  # points a heading needs below it, else it starts the next page
CAPTION = 30  # height of a figure's caption with its spacing


@dataclass
class Ctx:
    st: dict
    fonts: FontSet
    facts: dict
    options: BriefOptions
    figures: int = 0
    _sub: list = field(default_factory=lambda: [0])

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), self.st[style])

    def sub(self, title: str, need: float = KEEP) -> list:
        """The next (一)(二)… heading of the current section; it starts a new page unless `need`
        points are left below it (so it never sits alone at the foot of a page)."""
        self._sub[0] += 1
        return [CondPageBreak(need), Paragraph(esc(SUB.format(n=cn_number(self._sub[0]), title=title)), self.st["h2"])]

    def new_section(self) -> None:
        self._sub[0] = 0

    def figure(self, drawing, title: str) -> KeepTogether:
        self.figures += 1
        caption = Paragraph(esc(tr(FIGURE, n=self.figures, title=title)), self.st["caption"])
        return KeepTogether([drawing, caption])

    def figures_side_by_side(self, figures: list[tuple]) -> KeepTogether:
        """Two charts (drawn at half width) next to each other, each with its caption."""
        captions = []
        for _drawing, title in figures:
            self.figures += 1
            captions.append(Paragraph(esc(tr(FIGURE, n=self.figures, title=title)), self.st["caption"]))
        t = Table([[d for d, _ in figures], captions], colWidths=[styles.WIDTH / 2] * 2, spaceAfter=4)
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("FONTNAME", (0, 0), (-1, -1), self.fonts.body)]))
        return KeepTogether([t])
