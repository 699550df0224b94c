"""Run slow core calls (building the rows of a large portfolio) off the UI thread.

The core's Portfolio serialises access to its connection with a lock, so a background read and
a foreground edit never interleave inside SQLite. Results come back on the UI thread through a
queued signal; a newer request makes an older result stale, and it is dropped.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable, signals: _Signals):
        super().__init__()
        self.token, self.fn, self.signals = token, fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported on the UI thread
            log.exception("background job failed")
            self.signals.failed.emit(self.token, exc)
            return
        self.signals.done.emit(self.token, result)


class Background(QObject):
    """One lane of background work: only the newest request's result is delivered."""

    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._token = 0
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self.signals = _Signals()
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.pool = QThreadPool.globalInstance()

    def submit(self, fn: Callable, on_done: Callable, on_error: Callable | None = None) -> None:
        self._token += 1
        self._callbacks = {self._token: (on_done, on_error)}
        self.busy_changed.emit(True)
        self.pool.start(_Job(self._token, fn, self.signals))

    def _done(self, token: int, result) -> None:
        callbacks = self._callbacks.pop(token, None)
        if callbacks is not None:
            self.busy_changed.emit(False)
            callbacks[0](result)

    def _failed(self, token: int, exc) -> None:
        callbacks = self._callbacks.pop(token, None)
        if callbacks is not None:
            self.busy_changed.emit(False)
            if callbacks[1]:
                callbacks[1](exc)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
