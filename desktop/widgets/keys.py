"""Small keyboard paths: from a search box down into its list; Enter in an "add one more" line that
adds the line instead of pressing the dialog's OK."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

ENTER = (Qt.Key_Return, Qt.Key_Enter)


class _SearchToList(QObject):
    def __init__(self, search: QLineEdit, view_of: Callable[[], QAbstractItemView]):
        super().__init__(search)
        self.view_of = view_of
        search.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.KeyPress and (event.key() in ENTER or event.key() == Qt.Key_Down) \
                and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            view = self.view_of()
            model = view.model()
            if model is None or model.rowCount() == 0:
                return False
            current = view.currentIndex()
            if not current.isValid() or not view.selectionModel().isSelected(current):
                column = next((c for c in range(model.columnCount()) if not view.isColumnHidden(c)), 0) \
                    if hasattr(view, "isColumnHidden") else 0
                first = model.index(0, column)
                flags = QItemSelectionModel.ClearAndSelect
                if view.selectionBehavior() == QAbstractItemView.SelectRows:
                    flags |= QItemSelectionModel.Rows
                view.selectionModel().setCurrentIndex(first, flags)
            view.setFocus(Qt.ShortcutFocusReason)
            return True
        return False


def search_leads_to(search: QLineEdit, view_of: Callable[[], QAbstractItemView]) -> None:
    """Enter or ↓ in `search` moves the focus to the list it filters (its first row if none is chosen)."""
    _SearchToList(search, view_of)


class _KeepEnter(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() in ENTER:
            obj.returnPressed.emit()
            return True  # not passed on to the dialog, whose OK would save and close it
        return False


def keep_enter(line: QLineEdit) -> None:
    """Enter in `line` does its own job (returnPressed) and nothing else."""
    line.installEventFilter(_KeepEnter(line))
