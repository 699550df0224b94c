"""Run slow core calls (building the rows of a large portfolio) off the UI thread.

The core's Portfolio serialises access to its connection with a lock, so a background read and
a foreground edit never interleave inside SQLite. Results come back on the UI thread: the worker
thread stores them and signals only an integer token (no Python objects cross the thread
boundary through Qt). A newer request makes an older result stale, and it is dropped.

Every job runs with the cyclic garbage collector paused (db/sheets/gcpause.py): a job's many
short-lived rows set off full passes on the worker that found nothing to free, and each held
Python's lock while the window waited (issue #20: 100–250 ms each, about twenty per session).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from db.sheets import gcpause

log = logging.getLogger(__name__)


ASYNC_ABOVE = 2000  # projects; below this a screen's rows or figures take well under 100 ms
_POOL: QThreadPool | None = None


def pool() -> QThreadPool:
    """The one background thread for core work (Anki's habit): jobs run one after another, so two
    never share the portfolio's connection or reportlab's font objects (not thread-safe: two
    briefs built at once corrupted a font subset)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
    return _POOL


def wait_all(msecs: int = -1) -> bool:
    """Let every queued background job finish (before closing the portfolio they read)."""
    return pool().waitForDone(msecs)


class _Signals(QObject):
    finished = Signal(int)


class _Job:
    """Kept by its lane until its result is collected; the pool is handed only its bound `run`
    (QThreadPool.start(QRunnable) gave the pool's wrapper a reference to every job it ever ran,
    and with it each function's closure: closed dialogs, the portfolios of files opened before)."""

    def __init__(self, token: int, fn: Callable, owner: Background):
        self.token, self.fn, self.owner = token, fn, owner

    def run(self) -> None:
        try:
            with gcpause.paused():
                outcome = (True, self.fn())
        except Exception as exc:  # reported on the UI thread
            log.exception("background job failed")
            outcome = (False, exc)
        self.owner._store(self.token, outcome)
        self.owner.signals.finished.emit(self.token)


class Background(QObject):
    """One lane of background work: only the newest request's result is delivered."""

    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._token = 0
        self._lock = threading.Lock()
        self._outcomes: dict[int, tuple[bool, object]] = {}
        self._jobs: dict[int, _Job] = {}
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self.signals = _Signals()
        self.signals.finished.connect(self._finished)
        self.pool = pool()

    def submit(self, fn: Callable, on_done: Callable, on_error: Callable | None = None) -> None:
        self._token += 1
        self._callbacks = {self._token: (on_done, on_error)}
        job = _Job(self._token, fn, self)
        self._jobs[self._token] = job
        self.busy_changed.emit(True)
        self.pool.start(job.run)

    def _store(self, token: int, outcome: tuple[bool, object]) -> None:
        with self._lock:
            self._outcomes[token] = outcome

    def _finished(self, token: int) -> None:
        with self._lock:
            ok, value = self._outcomes.pop(token, (False, None))
        self._jobs.pop(token, None)
        callbacks = self._callbacks.pop(token, None)
        if callbacks is None:
            return  # a newer request superseded this one
        self.busy_changed.emit(False)
        if ok:
            callbacks[0](value)
        elif callbacks[1]:
            callbacks[1](value)

    def wait(self, msecs: int = 30000) -> bool:
        """Until the jobs queued so far (this lane's and the others') are done."""
        return self.pool.waitForDone(msecs)


class _Early:
    def __init__(self, fn: Callable):
        self.fn = fn
        self.done = threading.Event()
        self.outcome: tuple[bool, object] = (False, None)

    def run(self) -> None:
        try:
            with gcpause.paused():
                self.outcome = (True, self.fn())
        except Exception as exc:  # raised again by result(), in the job that takes it
            self.outcome = (False, exc)
        self.done.set()

    def result(self):
        self.done.wait()
        ok, value = self.outcome
        if not ok:
            raise value  # type: ignore[misc]
        return value


_EARLY: dict[str, tuple[object, _Early]] = {}


def start_early(key: str, source: object, fn: Callable) -> None:
    """Start `fn` on the worker before the screen that wants its result exists (cold start: the
    register's rows while the window is being built); the screen takes it with take_early."""
    job = _Early(fn)
    _EARLY[key] = (source, job)
    pool().start(job.run)


def take_early(key: str, source: object) -> Callable | None:
    """Once: a function returning the result started early for `key` on this `source` (the same
    portfolio object), to be run on the worker lane (the lane runs jobs in order, so it is done by
    then); None if nothing was started for it."""
    found = _EARLY.pop(key, None)
    if found is None or found[0] is not source:
        return None
    return found[1].result


class _Later:
    def __init__(self, fn: Callable):  # kept alive by _LATER until it has run
        self.fn = fn

    def run(self) -> None:
        try:
            with gcpause.paused():
                self.fn()
        except Exception:  # nothing waits for it: logged
            log.exception("background job failed")
        finally:
            _LATER.discard(self)


_LATER: set[_Later] = set()


def run_later(fn: Callable) -> None:
    """Run `fn` on the worker after the jobs queued so far, with nobody waiting for a result."""
    job = _Later(fn)
    _LATER.add(job)
    pool().start(job.run)
