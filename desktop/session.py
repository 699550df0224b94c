"""The open portfolio as the GUI sees it: one place that applies edits, keeps undo, says what changed.

Widgets never write to the portfolio themselves: they call `session.do(ops, text)`. The edit is
applied through the core's write path; the returned Changes go on the QUndoStack (so Ctrl+Z
reverts exactly them, as new edits that merge like any other) and are broadcast with `changed`
so each view refreshes only what concerns it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

import logging

from db import backups
from db.changes import Changes, Op
from db.errors import UserError


log = logging.getLogger(__name__)


class ChangesCommand(QUndoCommand):
    """An edit that has already been applied once; undo/redo replay its inverse."""

    def __init__(self, session: "Session", changes: Changes, text: str):
        super().__init__(text)
        self.session = session
        self.changes = changes
        self._first = True

    def redo(self) -> None:
        if self._first:  # applied before being pushed
            self._first = False
            return
        self.changes = self.session._replay(self.changes)

    def undo(self) -> None:
        self.changes = self.session._replay(self.changes)


class Session(QObject):
    changed = Signal(object)  # Changes
    portfolio_replaced = Signal(object)  # Portfolio

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pf = None
        self.undo_stack = QUndoStack(self)
        self._backup_day = None

    def set_portfolio(self, pf) -> None:
        self.undo_stack.clear()
        self._backup_day = None
        self.pf = pf
        self.portfolio_replaced.emit(pf)

    @property
    def readonly(self) -> bool:
        return self.pf is None or self.pf.readonly

    def do(self, ops: list[Op], text: str, parent: QWidget | None = None, verbatim: bool = False) -> Changes | None:
        """Apply ops as one undoable edit. A refused edit shows its message; nothing changes.

        verbatim=True writes the values as given, without the domain rules' side effects (used to
        put back a value that lost a merge conflict: the value was valid where it was made)."""
        self._daily_backup()
        try:
            changes = self.pf.apply(ops, undo=verbatim)
        except UserError as exc:
            if parent is not None:
                QMessageBox.warning(parent, self.tr("无法保存"), str(exc))
            raise
        if changes:
            self.undo_stack.push(ChangesCommand(self, changes, text))
            self.changed.emit(changes)
        return changes

    def push(self, changes: Changes, text: str) -> None:
        """Put an edit the core already applied (e.g. adding built-in plans, written with the
        built-in clock) on the undo stack and announce it, as do() does."""
        if changes:
            self.undo_stack.push(ChangesCommand(self, changes, text))
            self.changed.emit(changes)

    def try_do(self, ops: list[Op], text: str, parent: QWidget | None = None,
               verbatim: bool = False) -> Changes | None:
        """Like do(), but a refused edit returns None after showing its message."""
        try:
            return self.do(ops, text, parent, verbatim)
        except UserError:
            return None

    def _daily_backup(self) -> None:
        """Before the day's first edit, keep a copy of the file as it was (backups dialog)."""
        day = self.pf.today()
        if self._backup_day != day and not self.pf.readonly:
            try:
                backups.daily_backup(self.pf, day)
            except UserError:
                log.exception("daily backup failed")  # never block an edit on a backup
            self._backup_day = day

    def _replay(self, changes: Changes) -> Changes:
        """Revert `changes` (used by undo and redo alike) and broadcast the result."""
        reverted = self.pf.undo(changes)
        self.changed.emit(reverted)
        return reverted
