"""五色图: every project as a small tile in its colour, grouped; click a tile to open the project."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from db import colours, formatting
from db.i18n import language

TILE, GAP, ROW_GAP = 16, 3, 10


_brushes: dict[str, QColor] = {}


def _brush(code: str) -> QColor:
    if code not in _brushes:
        _brushes[code] = QColor(colours.HEX[code])
    return _brushes[code]


class TileMap(QWidget):
    project_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[tuple[str, list[dict]]] = []  # (label, [{id, name, colour, reason}])
        self._hits: list[tuple[QRect, dict]] = []
        self._spans: list[tuple[int, int, QRect]] = []
        self.setMouseTracking(True)

    def set_groups(self, groups: list[tuple[str, list[dict]]]) -> None:
        self.groups = groups
        self._layout(self.width() or 600)
        self.updateGeometry()
        self.update()

    def recolour(self, changed: dict[str, dict]) -> None:
        """Only some projects' colours moved (an edit): `changed` is id -> {colour, reason}. Their
        tiles take the new colour and their group keeps its worst-first order; the tiles stay where
        they are (same groups, same counts), so only the touched groups are laid and painted again."""
        for g, (_label, items) in enumerate(self.groups):
            hit = False
            for item in items:
                c = changed.get(item["id"])
                if c is not None:
                    item["colour"], item["reason"] = c["colour"], c["reason"]
                    hit = True
            if not hit:
                continue
            items.sort(key=lambda i: (-colours.SEVERITY[i["colour"]], i["name"]))
            if g < len(self._spans):
                start, _end, area = self._spans[g]
                for k, item in enumerate(items):
                    self._hits[start + k] = (self._hits[start + k][0], item)
                self.update(area)

    def _layout(self, width: int) -> int:
        """Place the tiles for a width; returns the height needed."""
        self._hits = []
        self._labels = []
        self._spans = []  # per group: its tiles' range in _hits and the area it covers
        fm = self.fontMetrics()
        y = 4
        per_row = max((width - 8) // (TILE + GAP), 1)
        for label, items in self.groups:
            top, start = y, len(self._hits)
            self._labels.append((QRect(4, y, width - 8, fm.height()), formatting.paren(label, len(items)), items))
            y += fm.height() + 4
            for i, item in enumerate(items):
                r, c = divmod(i, per_row)
                self._hits.append((QRect(4 + c * (TILE + GAP), y + r * (TILE + GAP), TILE, TILE), item))
            rows = (len(items) + per_row - 1) // per_row
            y += rows * (TILE + GAP) + ROW_GAP
            self._spans.append((start, len(self._hits), QRect(0, top, width, y - top)))
        self._height = y
        return y

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout(width)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, getattr(self, "_height", 200))

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.setMinimumHeight(self._layout(event.size().width()))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        """Only the groups in the exposed area (a scrolled view, one recoloured group)."""
        exposed = event.rect()
        p = QPainter(self)
        for (rect, text, items), (start, end, area) in zip(getattr(self, "_labels", []), self._spans, strict=True):
            if not area.intersects(exposed):
                continue
            counts = {c: 0 for c in colours.COLOURS}
            for it in items:
                counts[it["colour"]] += 1
            sep = " " if language() == "en" else ""  # 红3 / Red 3
            summary = "  ".join(f"{colours.Colour(c, '').name}{sep}{n}" for c, n in counts.items() if n)
            p.setPen(QColor("#222"))
            p.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, f"{text}{formatting.gap()}{summary}")
            for tile, item in self._hits[start:end]:
                p.fillRect(tile, _brush(item["colour"]))
        p.end()

    def item_at(self, pos) -> dict | None:
        for rect, item in self._hits:
            if rect.contains(pos):
                return item
        return None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.position().toPoint())
        if item:
            QToolTip.showText(event.globalPosition().toPoint(), f"{item['name']}\n{item['reason']}", self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        item = self.item_at(event.position().toPoint())
        if item:
            self.project_clicked.emit(item["id"])
