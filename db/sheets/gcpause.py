"""Pausing Python's cyclic garbage collector while work builds many short-lived objects.

Reading a 10,000-row 台账, building a brief or a screen's rows on the worker makes hundreds of
thousands of rows, dicts and tuples that live until the work is done. As they pile up the
collector walks them again and again — full passes of 100–250 ms at city scale, each finding
nothing to free (they hold no reference cycles; reference counting frees them as usual) — and a
pass holds Python's lock, so the window waits through it whichever thread runs it.

The pause is counted: the collector resumes (if it was running when the first pause began) when
the last pause ends, whichever thread held it — the worker's job, an edit on the UI thread and
the start (desktop/start_phase.py) can overlap. At that end the young objects are walked once
(the cycles made meanwhile freed, tuples of plain values out of the collector's sight) and what
survives — a screen's rows, a dialog's plan — is frozen (`gc.freeze`): never walked again by a
full pass (at province those walked 600,000 objects, 300–550 ms). An object frozen alive that
later dies in a reference cycle waits for `collect_all`, when a window closes: a full pass over a
province heap takes over a second wherever it runs, so none is made while the window is in use.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_resume = False  # was the collector running when the first pause began


def hold() -> None:
    global _holders, _resume
    with _lock:
        if _holders == 0:
            _resume = gc.isenabled()
            gc.disable()
        _holders += 1


def release() -> None:
    global _holders
    with _lock:
        if _holders == 0:
            raise RuntimeError("the collector's pause released more often than held")
        _holders -= 1
        if _holders == 0 and _resume:
            gc.collect(0)  # by the thread that made them (the worker, for a job's result)
            gc.freeze()
            gc.enable()


def holding() -> int:
    return _holders


@contextmanager
def paused():
    hold()
    try:
        yield
    finally:
        release()


def collect_all() -> int:
    """Every generation, frozen objects included, then what survives frozen again (on the UI
    thread: a Qt object dying in a cycle must be destroyed there). Returns what was freed."""
    gc.unfreeze()
    freed = gc.collect()
    gc.freeze()
    return freed
