"""A row of widgets that wraps onto the next line when the window is narrow (a laptop at 1280×720,
or English texts) instead of forcing the whole window wider than the screen (Qt's flow layout example).

Two uses: a button bar keeps each button at its size and asks for one line (a drop-in for a
QHBoxLayout: addWidget, insertWidget, addStretch — the stretch is where a line ends anyway); a filter
bar (`fill=True`) lets each line's drop-downs share its spare width and asks only for the widest one,
so filters sized to their whole text stay readable without widening the window."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6, *, fill: bool = False):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.fill = fill
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- the QHBoxLayout calls the bars use ------------------------------------------------
    def addWidget(self, widget: QWidget, _stretch: int = 0, _alignment=None) -> None:  # noqa: N802
        super().addWidget(widget)

    def insertWidget(self, index: int, widget: QWidget, _stretch: int = 0) -> None:  # noqa: N802
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def addStretch(self, _stretch: int = 0) -> None:  # noqa: N802
        pass

    # -- QLayout --------------------------------------------------------------------------
    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """A button bar: all on one line. A filter bar: no wider than its minimum."""
        if self.fill:
            return self.minimumSize()
        w = h = 0
        for item in self._shown():
            hint = item.sizeHint()
            w += hint.width() + (self._spacing if w else 0)
            h = max(h, hint.height())
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """As narrow as the widest single item (a button's whole text; a drop-down's minimum)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
            if not self.fill:
                size = size.expandedTo(QSize(item.sizeHint().width(), 0))
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list:
        return [i for i in self._items if not i.isEmpty()]

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out left to right, wrapping; with `fill` each line's items share its spare
        width. (No exception may escape: Qt calls this from C++, where one would crash the process.)"""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._spacing
        lines: list = []
        line: list = []
        used = 0
        for item in self._shown():
            hint = item.sizeHint()
            w = min(hint.width(), area.width())
            if self.fill:
                w = max(item.minimumSize().width(), w)
            if line and used + gap + w > area.width():
                lines.append((line, used))
                line, used = [], 0
            used += (gap if line else 0) + w
            line.append((item, w))
        if line:
            lines.append((line, used))
        y = area.y()
        for items, used in lines:
            extra = max(area.width() - used, 0) // len(items) if self.fill else 0
            height = max(i.sizeHint().height() for i, _w in items)
            x = area.x()
            for item, w in items:
                w += extra
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height if self.fill else item.sizeHint().height())))
                x += w + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if lines else 0
