"""Progress and cancellation of a long core job (an Excel export at city scale, reading a large
台账), Qt-free: the job calls `progress(done, total)` now and then; the GUI reads the figures from
another thread and may ask it to stop, which raises Cancelled inside the job at its next call."""
from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled the job; nothing was written."""


class Progress:
    def __init__(self):
        self._lock = threading.Lock()
        self.done, self.total = 0, 0
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        with self._lock:
            self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def figures(self) -> tuple[int, int]:
        with self._lock:
            return self.done, self.total


def nothing(done: int, total: int) -> None:
    """The progress of a job nobody watches."""


def poll(progress) -> None:
    """Raise Cancelled if the job was cancelled, without reporting a new figure."""
    if isinstance(progress, Progress) and progress.cancelled:
        raise Cancelled()
