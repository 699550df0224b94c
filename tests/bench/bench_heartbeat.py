"""The UI thread's heartbeat (issue #20): a QTimer ticking on the UI thread while an action runs;
the longest gap between two ticks is the longest time the window could not respond. An action
fails its figure when that gap exceeds BLOCKED_MAX_MS (long work belongs on the worker lane).

Each gap is measured twice: on the wall clock, and as the CPU time the UI thread itself spent in
it. On a quiet machine they agree; on this shared 2-core machine (load 4–8) the wall gaps also hold
the time the OS ran other people's processes, which no code of ours can shorten, so the figure is
the CPU gap (work done on the UI thread) and the wall gap is reported beside it.

So that a block can be explained, each gap also records the CPU time the UI thread spent in the
cyclic garbage collector (gc.callbacks; a collection runs on whichever thread's allocation set it
off, and a full one at province scale walks millions of objects) and the oldest generation collected."""
from __future__ import annotations

import gc
import threading
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
        self.gaps: list[float] = []  # wall clock, ms
        self.cpu_gaps: list[float] = []  # the UI thread's own CPU time, ms
        self._last: float | None = None
        self._last_cpu = 0.0
        self.gc_gaps: list[float] = []  # of each CPU gap, the UI thread's time in the cyclic GC, ms
        self.gc_gens: list[int] = []  # the oldest generation collected on the UI thread in each gap (-1: none)
        self._gc_ms, self._gc_gen, self._gc_start = 0.0, -1, None
        self._ui = threading.get_ident()

    def _gc(self, phase: str, info: dict) -> None:
        if threading.get_ident() != self._ui:
            return
        if phase == "start":
            self._gc_start = time.thread_time()
        elif self._gc_start is not None:
            self._gc_ms += (time.thread_time() - self._gc_start) * 1000
            self._gc_gen = max(self._gc_gen, info.get("generation", -1))
            self._gc_start = None

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000)
            self.cpu_gaps.append((cpu - self._last_cpu) * 1000)
            self.gc_gaps.append(self._gc_ms)
            self.gc_gens.append(self._gc_gen)
        self._gc_ms, self._gc_gen = 0.0, -1
        self._last, self._last_cpu = now, cpu

    def __enter__(self) -> Heartbeat:
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        gc.callbacks.append(self._gc)
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._tick()  # the time since the last tick counts too (an action that blocked to its end)
        self.timer.stop()
        gc.callbacks.remove(self._gc)

    @property
    def max_gap_ms(self) -> float:
        """The longest UI-thread work between two ticks (CPU time of the UI thread)."""
        return max(self.cpu_gaps, default=0.0)

    @property
    def gc_note(self) -> str:
        """Of the longest CPU gap: how much was the cyclic GC (and which generation), for the note."""
        if not self.cpu_gaps:
            return "GC 0 ms"
        i = max(range(len(self.cpu_gaps)), key=self.cpu_gaps.__getitem__)
        gen = f" gen {self.gc_gens[i]}" if self.gc_gens[i] >= 0 else ""
        return f"GC {self.gc_gaps[i]:.0f} ms{gen} of it, {sum(self.gc_gaps):.0f} ms GC in all"

    @property
    def max_wall_gap_ms(self) -> float:
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
