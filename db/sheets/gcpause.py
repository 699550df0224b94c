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

_lock = threading.RLock()  # re-entered by a finaliser that pauses, run by a collection made under it
_holders = 0
_resume = False  # was the collector running when the first pause began
# gc.freeze / gc.unfreeze move the collector's lists without checking whether another thread is
# in the middle of a collection (one that a finaliser paused by letting go of the GIL, e.g. a
# connection closing): frozen then, that collection crashed the process (CI, a8b57eb). They are
# made only from the collector's own callbacks of a collection this module asked for: while one
# runs, no other can (gc.collect does nothing when a collection is under way), and the lists are
# whole at its start and its end.
_unfreeze_at_start = False
_freeze_at_stop = False


def _at_collection(phase: str, info: dict) -> None:
    global _unfreeze_at_start, _freeze_at_stop
    if phase == "start" and _unfreeze_at_start:
        _unfreeze_at_start = False
        gc.unfreeze()
    elif phase == "stop" and _freeze_at_stop:
        _freeze_at_stop = False
        gc.freeze()


gc.callbacks.append(_at_collection)


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
            _collect(0, unfreeze=False)  # by the thread that made them (the worker, for a job's result)
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
    with _lock:  # the flags below are not set by a pause ending meanwhile
        return _collect(2, unfreeze=True)


def _collect(generation: int, unfreeze: bool) -> int:
    """gc.collect(generation), then what survives frozen (unfrozen first: all of it collected). When
    another thread's collection is under way, nothing is done (its objects are walked later)."""
    global _unfreeze_at_start, _freeze_at_stop
    _unfreeze_at_start, _freeze_at_stop = unfreeze, True
    try:
        return gc.collect(generation)
    finally:
        _unfreeze_at_start = _freeze_at_stop = False
