"""The start of the GUI, up to the register's first rows on screen (issue #20: cold start → rows).

What the user waits for at a start is the register's rows; work that can come after them waits:
- the cyclic garbage collector is paused (begin) — the start makes a few million objects that
  all stay alive (rows, search texts, widgets): each full pass walked them all for nothing, and
  a pass landing on the UI thread blocks it. Once the rows are shown (done), what the start made
  is moved out of the collector's sight (`gc.freeze()`: never walked again) and it runs again,
  paused during each worker job as always (db/sheets/gcpause.py: one counted pause);
- jobs handed to `after_start` (the day's backup copied ahead, the status bar's counts) are
  queued then, not beside the rows' worker.

Outside a start (tests, a file opened later) nothing waits: `after_start` runs its job at once.
"""
from __future__ import annotations

import gc
import logging
from collections.abc import Callable

from db.sheets import gcpause

log = logging.getLogger(__name__)

_waiting: list[Callable[[], None]] | None = None  # None: not starting (the jobs run at once)


def begin() -> None:
    """The start begins (`kechuang gui`, before Qt and the app's modules are imported; run_gui when
    not begun yet)."""
    global _waiting
    if _waiting is not None:
        return
    _waiting = []
    gcpause.hold()  # counted: the worker's jobs pause it too (db/sheets/gcpause.py)


def starting() -> bool:
    return _waiting is not None


def after_start(job: Callable[[], None]) -> None:
    """Run `job` once the start is done (now, if not starting)."""
    if _waiting is None:
        job()
    else:
        _waiting.append(job)


def done() -> None:
    """The register's rows are on screen (or the start ended without them): the start's objects
    frozen, the collector back as it was, and the waiting jobs run. Once; later calls do nothing."""
    global _waiting
    if _waiting is None:
        return
    jobs, _waiting = _waiting, None
    gc.freeze()  # what the start made stays alive: never walked again by a full pass
    gcpause.release()
    for job in jobs:
        try:
            job()
        except Exception:  # one failing job must not keep the others (or the start) from finishing
            log.exception("a job waiting for the start failed")
