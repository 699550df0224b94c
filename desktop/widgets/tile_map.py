"""五色图: every project as a small tile in its colour, grouped; click a tile to open the project.

The groups and their colour counts come as plain data (db/rows/tiles.py, computed on the worker);
the geometry is arithmetic over the groups, so a province's 30,000 tiles are laid out in
microseconds and a paint draws only the tiles in the exposed rows."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from db import colours, formatting
from db.i18n import language
from db.rows import tiles
from db.rows.tiles import TILE

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
        self.counts: list[dict[str, int]] = []  # per group: colour -> tiles
        self._headings: list[str] = []
        self._where: dict[str, list[int]] = {}
        self._item_of: dict[str, dict] = {}
        self._language = language()
        self._geometry: tiles.Layout | None = None
        self.setMouseTracking(True)

    def set_groups(self, groups: list[tuple[str, list[dict]]], counts: list[dict[str, int]] | None = None,
                   index: tuple[dict, dict] | None = None) -> None:
        """`counts`: each group's colour counts, `index`: tiles.index(groups) — when already computed
        (on the worker with the groups: a province's 30,000 tiles are ~0.1 s of Python)."""
        self.groups = groups
        self.counts = counts if counts is not None else [tiles.colour_counts(items) for _label, items in groups]
        self._headings, self._language = [self._heading(g) for g in range(len(groups))], language()
        # project id -> the groups it is in (by unit: several); id -> its item
        self._where, self._item_of = index if index is not None else tiles.index(groups)
        self._geometry = None
        self._layout(self.width() or 600)
        self.updateGeometry()
        self.update()

    def _heading(self, g: int) -> str:
        label, items = self.groups[g]
        sep = " " if language() == "en" else ""  # 红3 / Red 3
        return tiles.summary(formatting.paren(label, len(items)), self.counts[g], sep, formatting.gap())

    def recolour(self, changed: dict[str, dict]) -> None:
        """Only some projects' colours moved (an edit): `changed` is id -> {colour, reason}. Each
        such tile moves to its new place in its group's worst-first order (the groups and their
        sizes stay), and only the rows between its old and new place, and the heading, are painted."""
        for pid, c in changed.items():
            item = self._item_of.get(pid)  # one dict, in each of its groups
            if item is None:
                continue
            old_key, old_colour, places = tiles.order_key(item), item["colour"], []
            for g in self._where[pid]:
                items = self.groups[g][1]
                i = bisect_left(items, old_key, key=tiles.order_key)
                while i < len(items) and items[i] is not item:
                    i += 1
                if i < len(items):
                    items.pop(i)
                    places.append((g, i))
            item["colour"], item["reason"] = c["colour"], c["reason"]
            new_key = tiles.order_key(item)
            for g, i in places:
                items = self.groups[g][1]
                j = bisect_right(items, new_key, key=tiles.order_key)
                items.insert(j, item)
                self.counts[g][old_colour] -= 1
                self.counts[g][item["colour"]] = self.counts[g].get(item["colour"], 0) + 1
                self._headings[g] = self._heading(g)
                self._repaint(g, min(i, j), max(i, j))

    def _repaint(self, g: int, first: int, last: int) -> None:
        """The heading of group g and its rows of tiles from tile `first` to tile `last`."""
        lay = self._geometry
        if lay is None or g >= len(lay.tops):
            return
        bottom = lay.tile(g, last)[1] + TILE
        self.update(QRect(0, lay.tops[g], self.width(), lay.label_height + tiles.LABEL_GAP))
        top = lay.tile(g, first)[1]
        self.update(QRect(0, top, self.width(), bottom - top))

    def _layout(self, width: int) -> int:
        """Place the groups for a width (arithmetic, no object per tile); returns the height needed."""
        lay = self._geometry
        if lay is None or lay.width != width:
            lay = self._geometry = tiles.layout([len(items) for _label, items in self.groups], width,
                                                self.fontMetrics().height())
        return lay.height

    @property
    def _labels(self) -> list[tuple[QRect, str, list[dict]]]:
        """Each group's heading rectangle, its label with the group's size, and its tiles."""
        lay, width = self._geometry, self.width() or 600
        if lay is None:
            return []
        return [(QRect(tiles.MARGIN, lay.tops[g], width - 2 * tiles.MARGIN, lay.label_height),
                 formatting.paren(label, len(items)), items) for g, (label, items) in enumerate(self.groups)]

    def tile(self, g: int, i: int) -> tuple[QRect, dict]:
        """The i-th tile of group g: where it is drawn, and its project."""
        self._layout(self.width() or 600)
        return QRect(*self._geometry.tile(g, i)), self.groups[g][1][i]

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.FontChange:
            self._geometry = None  # the headings' height
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout(width)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self._geometry.height if self._geometry else 200)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.setMinimumHeight(self._layout(event.size().width()))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        """Only the headings and rows of tiles in the exposed area (a scrolled view, one recoloured group)."""
        self._layout(self.width())
        if self._language != language():  # the colours' names in the headings
            self._headings, self._language = [self._heading(g) for g in range(len(self.groups))], language()
        lay, exposed = self._geometry, event.rect()
        y0, y1 = exposed.top(), exposed.bottom()
        p = QPainter(self)
        p.setPen(QColor("#222"))
        for g in lay.groups_in(y0, y1):
            heading = QRect(tiles.MARGIN, lay.tops[g], self.width() - 2 * tiles.MARGIN, lay.label_height)
            if heading.intersects(exposed):
                p.drawText(heading, Qt.AlignLeft | Qt.AlignVCenter, self._headings[g])
            items = self.groups[g][1]
            for i in lay.tiles_in(g, y0, y1):
                x, y, _w, _h = lay.tile(g, i)
                p.fillRect(x, y, TILE, TILE, _brush(items[i]["colour"]))
        p.end()

    def item_at(self, pos) -> dict | None:
        if self._geometry is None:
            return None
        hit = self._geometry.at(pos.x(), pos.y())
        return self.groups[hit[0]][1][hit[1]] if hit else None

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
