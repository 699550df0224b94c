"""Pausing Python's cyclic garbage collector while an import builds its many small objects.

Reading a 10,000-row 台账 makes hundreds of thousands of rows, dicts and planned changes that
all live until the plan is done. As they pile up the collector walks them again and again
(about a quarter of the import's time in Python) and finds nothing to free: they hold no
reference cycles, and reference counting frees them as usual. The collector resumes, if it
was running, when the block ends, and collects whatever cycles were left meanwhile.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
