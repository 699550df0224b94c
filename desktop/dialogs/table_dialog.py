"""The one dialog that shows a table of plain rows with actions under it (备份, 合并记录, 合并冲突,
调整记录): an optional note on top, the table, the action buttons on the left (and in the table's context
menu) and 关闭 on the right, sized to fit a laptop's screen.

An action that replaces the whole file (restoring a backup, undoing a merge) runs through the
session's op runner on the worker lane, like a merge: the window hears the result on the one
`changed` signal, and the dialog's buttons wait until it is done.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.fit import resize_to_fit
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.table_menu import add_to_menu
from desktop.widgets.table_view import table_view


class TableDialog(QDialog):
    def __init__(self, session, columns: list[Column], parent: QWidget | None = None, *,
                 single: bool = False, size: tuple[int, int] = (900, 400)):
        super().__init__(parent)
        self.session = session
        self.busy = False  # a whole-file op is under way
        self.model = RecordTableModel(columns, self)
        self.table = table_view(self.model, self, single=single)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.actions: list[QPushButton] = []
        self.close_box = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.close_box.rejected.connect(self.reject)
        self._bar = QHBoxLayout()
        self._bar.addStretch(1)
        self._bar.addWidget(self.close_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._bar)
        resize_to_fit(self, *size)  # or what a laptop's screen allows

    def set_note(self, text: str) -> None:
        """The line above the table."""
        self.note.setText(text)
        self.note.show()

    def add_action(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        self._bar.insertWidget(len(self.actions), button)
        add_to_menu(self.table, button)  # the table's context menu offers it too
        self.actions.append(button)
        return button

    def selected_rows(self) -> list[dict]:
        return [self.model.data(i, ROW_ROLE) for i in self.table.selectionModel().selectedRows()]

    def reload(self) -> None:
        """Fill the table (subclasses)."""

    def replace_file(self, fn: Callable[[Any], Any], title: str, done: Callable[[Any], None]) -> None:
        """Run a whole-file op (fn(pf) returns Changes.everything_changed()) in the background;
        `done(result)` after every screen has heard it. Refused: a warning, the dialog as it was."""
        self._set_busy(True)
        self.session.op(fn, parent=self, title=title).always(lambda: self._set_busy(False)).success(done) \
            .failure(lambda exc: QMessageBox.warning(self, title, str(exc))).run_in_background()

    def wait(self) -> None:
        """Until the op under way is done and its result shown (tests, closing)."""
        self.session.wait()
        QApplication.processEvents()

    def reject(self) -> None:
        if not self.busy:  # a whole-file op is one transaction: it finishes either way
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.actions:
            button.setEnabled(not busy)
        self.close_box.setEnabled(not busy)
        if not busy:
            self.reload()
