"""The UI thread's heartbeat (issue #20): a QTimer ticking on the UI thread while an action runs;
the longest gap between two ticks is the longest time the window could not respond. An action
fails its figure when that gap exceeds BLOCKED_MAX_MS (long work belongs on the worker lane)."""
from __future__ import annotations

import time
from collections.abc import Callable

BLOCKED_MAX_MS = 200.0
TICK_MS = 10


class Heartbeat:
    """with Heartbeat() as hb: …  then hb.max_gap_ms (the tick interval itself included)."""

    def __init__(self):
        from PySide6.QtCore import QTimer
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last: float | None = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._tick()  # the time since the last tick counts too (an action that blocked to its end)
        self.timer.stop()

    @property
    def max_gap_ms(self) -> float:
        return max(self.gaps, default=0.0)


def run_until(app, done: Callable[[], bool], timeout_s: float = 600.0) -> float:
    """Spin Qt's event loop (as the app does while it waits) until done(); returns seconds."""
    from PySide6.QtCore import QEventLoop
    t0 = time.perf_counter()
    while not done():
        if time.perf_counter() - t0 > timeout_s:
            raise TimeoutError("action did not finish")
        app.processEvents(QEventLoop.AllEvents, 20)
        time.sleep(0.002)  # let the worker thread have the GIL, as a blocked event loop would
    return time.perf_counter() - t0
