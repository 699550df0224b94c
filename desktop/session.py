"""The open portfolio as the GUI sees it: the one place that changes it, keeps undo, says what changed.

Widgets never write to the portfolio themselves. Every change — an edit, its undo, a merge, the
undo of a merge, restoring a backup, an import, resolving a conflict, opening another file — runs
through one op runner (`session.op(fn)`, Anki's CollectionOp is the model): the core call returns
Changes, which are broadcast with the one signal `changed` (a whole-file change says
`everything`), so every screen refreshes what concerns it and the window its title and counts.
Edits go on the QUndoStack (Ctrl+Z reverts exactly them, as new edits that merge like any other);
a whole-file change restarts it.

Error policy, the same for every op: a refusal the user can act on (UserError) is shown as a
warning over the widget that asked (or handed to the op's own `failure` callback, e.g. a message
under a form); anything else is a bug and goes to the app's error dialog (sys.excepthook).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from db.errors import UserError
from db.store import backups
from db.store.changes import Changes, Op
from desktop import start_phase
from desktop.worker import Background

log = logging.getLogger(__name__)


class ChangesCommand(QUndoCommand):
    """An edit that has already been applied once; undo/redo replay its inverse."""

    def __init__(self, session: Session, changes: Changes, text: str):
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


class PortfolioOp:
    """One change of the portfolio, run the session's way.

        session.op(lambda pf: merge(pf, source), parent=self, changes=lambda plan: plan.changes_made)
               .success(self._merged).failure(self._refused).run_in_background()

    `fn(pf)` does the work in the core and returns Changes (or a result `changes` maps to them).
    `undo_text` puts the Changes on the undo stack as one edit. run() works on the UI thread and
    returns the result (None when refused); run_in_background() on the worker lane."""

    def __init__(self, session: Session, fn: Callable[[Any], Any], *, parent: QWidget | None = None,
                 title: str | None = None, undo_text: str | None = None,
                 changes: Callable[[Any], Changes] | None = None):
        self.session, self.fn, self.parent = session, fn, parent
        self.title, self.undo_text = title, undo_text
        self._changes = changes or (lambda result: result if isinstance(result, Changes) else Changes())
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[UserError], None] | None = None
        self._always: Callable[[], None] | None = None

    def success(self, fn: Callable[[Any], None]) -> PortfolioOp:
        self._success = fn
        return self

    def failure(self, fn: Callable[[UserError], None]) -> PortfolioOp:
        """Handle a refusal yourself (instead of the default warning)."""
        self._failure = fn
        return self

    def always(self, fn: Callable[[], None]) -> PortfolioOp:
        """Run `fn` once the op is over, however it ended (before success/failure are told; also
        after a bug): a dialog's buttons come back even then."""
        self._always = fn
        return self

    def run(self, *, reraise: bool = False) -> Any:
        """Now, on the UI thread. A refusal is shown (or handed to `failure`) and returns None —
        or is raised again after being shown when reraise=True."""
        if self.undo_text is not None:
            self.session._daily_backup()
        try:
            result = self.fn(self.session.pf)
        except UserError as exc:
            self._over()
            self._refused(exc)
            if reraise:
                raise
            return None
        self._done(result)
        return result

    def run_in_background(self) -> None:
        """On the worker lane (one background thread, jobs in turn); callbacks on the UI thread.
        As run(), the day's backup comes before the day's first edit — copied on the worker too, in
        the same job just before the write (at province scale a copy of the file is ~0.3–0.4 s)."""
        backup = self.session._daily_backup_job() if self.undo_text is not None else None
        pf, fn = self.session.pf, self.fn

        def job() -> Any:
            if backup is not None:
                backup()
            return fn(pf)
        self.session.background.submit(job, self._done, self._error)

    def _over(self) -> None:
        if self._always is not None:
            self._always()

    def _done(self, result: Any) -> None:
        self._over()
        self.session.publish(self._changes(result), self.undo_text)
        if self._success is not None:
            self._success(result)

    def _error(self, exc: BaseException) -> None:
        self._over()
        if isinstance(exc, UserError):
            self._refused(exc)
            return
        raise exc  # a bug: the app's error dialog reports it (sys.excepthook)

    def _refused(self, exc: UserError) -> None:
        if self._failure is not None:
            self._failure(exc)
        elif self.parent is not None:
            QMessageBox.warning(self.parent, self.title or QCoreApplication.translate("Session", "无法保存"), str(exc))


class Session(QObject):
    changed = Signal(object)  # Changes — the one signal every screen and the window listen to

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pf = None
        self.undo_stack = QUndoStack(self)
        self.background = Background(self)
        self._backup_day = None
        self._ahead: backups.Ahead | None = None
        self._stager = Background(self)  # the day's backup copied ahead of the first edit

    def set_portfolio(self, pf) -> None:
        """Another file is open: everything changed."""
        self.pf = pf
        self._backup_day = None
        self._ahead = None
        self.publish(Changes.everything_changed())
        if pf is not None and not pf.readonly:  # after the screens' first reads (at a start: their rows shown)
            start_phase.after_start(lambda: self._stage(pf))

    def _stage(self, pf) -> None:
        if pf is self.pf:  # still the file open
            self._stager.submit(lambda: backups.daily_ahead(pf), lambda ahead: self._staged(pf, ahead),
                                lambda exc: log.warning("daily backup ahead failed: %s", exc))

    def _staged(self, pf, ahead: backups.Ahead | None) -> None:
        if ahead is None:
            return
        if pf is not self.pf or self._backup_day is not None:  # another file, or the backup was made meanwhile
            ahead.path.unlink(missing_ok=True)
            return
        self._ahead = ahead

    @property
    def readonly(self) -> bool:
        return self.pf is None or self.pf.readonly

    # -- the op runner -----------------------------------------------------------------------
    def op(self, fn: Callable[[Any], Any], **kw: Any) -> PortfolioOp:
        return PortfolioOp(self, fn, **kw)

    def publish(self, changes: Changes, undo_text: str | None = None) -> None:
        """Tell every screen what changed (after an op succeeded). A whole-file change restarts
        the undo stack (its edits can no longer be replayed); an edit with `undo_text` goes on it."""
        if not changes:
            return
        if changes.everything:
            self.undo_stack.clear()
        elif undo_text is not None:
            self.undo_stack.push(ChangesCommand(self, changes, undo_text))
        self.changed.emit(changes)

    def wait(self, msecs: int = 30000) -> bool:
        """Until the ops queued on the worker lane are done (their callbacks run on the next
        event-loop turn)."""
        return self.background.wait(msecs)

    # -- edits ---------------------------------------------------------------------------------
    def do(self, ops: list[Op], text: str, parent: QWidget | None = None, verbatim: bool = False) -> Changes | None:
        """Apply ops as one undoable edit. A refused edit shows its message and raises; nothing changes.

        verbatim=True writes the values as given, without the domain rules' side effects (used to
        put back a value that lost a merge conflict: the value was valid where it was made)."""
        return self.op(lambda pf: pf.apply(ops, undo=verbatim), parent=parent, undo_text=text).run(reraise=True)

    def try_do(self, ops: list[Op], text: str, parent: QWidget | None = None,
               verbatim: bool = False) -> Changes | None:
        """Like do(), but a refused edit returns None after showing its message."""
        try:
            return self.do(ops, text, parent, verbatim)
        except UserError:
            return None

    def _daily_backup(self) -> None:
        """Before the day's first edit, keep a copy of the file as it was (backups dialog)."""
        job = self._daily_backup_job()
        if job is not None:
            job()

    def _daily_backup_job(self) -> Callable[[], None] | None:
        """The day's backup to make before the edit about to run (None: made already today). The
        day is marked done now, on the UI thread; the copy is made by calling the job — on the
        worker lane before a background edit's write (the lane runs its jobs in turn)."""
        pf, day, ahead = self.pf, self.pf.today(), self._ahead
        if self._backup_day == day or pf.readonly:
            return None
        self._backup_day = day
        self._ahead = None

        def job() -> None:
            try:
                backups.daily_backup(pf, day, ahead)  # the copy made ahead when still current
            except UserError:
                log.exception("daily backup failed")  # never block an edit on a backup
        return job

    def _replay(self, changes: Changes) -> Changes:
        """Revert `changes` (used by undo and redo alike) and broadcast the result."""
        reverted = self.pf.undo(changes)
        self.changed.emit(reverted)
        return reverted
