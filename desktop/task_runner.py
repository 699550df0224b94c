"""A long job (an Excel export, reading a large 台账) on the worker lane, with a progress dialog
and a cancel button, so the window never freezes (issue #21; the brief preview works the same way).

The job runs `fn(progress)` on the one background thread (desktop/worker.py); it reports through a
db.progress.Progress, which the dialog polls from the UI thread, and a cancel makes the job raise
Cancelled at its next report (exports write their file only at the end, so nothing is left).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from db.progress import Cancelled, Progress
from desktop.worker import Background


class Task(QObject):
    def __init__(self, parent, title: str, label: str, fn: Callable, on_done: Callable,
                 on_error: Callable | None = None, on_cancel: Callable | None = None):
        super().__init__(parent)
        self.progress = Progress()
        self.on_done, self.on_error, self.on_cancel = on_done, on_error, on_cancel
        self.finished = False
        self.dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self.background = Background(self)
        self.background.submit(lambda: fn(self.progress), self._done, self._failed)

    def cancel(self) -> None:
        """Stop the job at its next report; the window is free at once (a job that cannot stop
        midway finishes in the background and its result is dropped)."""
        self.progress.cancel()
        self.dialog.hide()

    def _poll(self) -> None:
        done, total = self.progress.figures()
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _finish(self) -> None:
        self.finished = True
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()  # a child of the window (or dialog) that started it: else one kept per export

    def _done(self, result) -> None:
        self._finish()
        if self.progress.cancelled:
            if self.on_cancel:
                self.on_cancel()
            return
        self.on_done(result)

    def _failed(self, exc) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            if self.on_cancel:
                self.on_cancel()
        elif self.on_error:
            self.on_error(exc)
        else:
            raise exc

    def wait(self, msecs: int = 60000) -> None:
        """Until the job has finished and its result was delivered (tests, closing)."""
        self.background.wait(msecs)
        QApplication.processEvents()
