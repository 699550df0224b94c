"""A row of widgets that wraps onto a second line when the window is too narrow for it (Qt's flow
layout example): filter drop-downs sized to their whole text stay readable at 1366 px without
widening the window."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout


class FlowLayout(QLayout):
    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out left to right, wrapping; each line's items share its spare width.
        (No exception may escape: Qt calls this from C++, where one would crash the process.)"""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        lines, line, used = [], [], 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = max(item.minimumSize().width(), min(item.sizeHint().width(), area.width()))
            if line and used + gap + w > area.width():
                lines.append((line, used))
                line, used = [], 0
            used += (gap if line else 0) + w
            line.append((item, w))
        if line:
            lines.append((line, used))
        y = area.y()
        for items, used in lines:
            extra = max(area.width() - used, 0) // len(items)  # every item takes its share of the spare width
            height = max(i.sizeHint().height() for i, _w in items)
            x = area.x()
            for item, w in items:
                w += extra
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, height)))
                x += w + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom() if lines else 0
