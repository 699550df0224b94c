"""The status bar's record counts: kept up to date from the Changes of each edit rather than recounted
(pf.counts() took ~70 ms an edit at city scale). A large file is counted on the worker, and at a
start only once the register's rows are shown (desktop/start_phase.py)."""
from __future__ import annotations

from desktop import start_phase
from desktop.worker import ASYNC_ABOVE, Background

SHOWN = ("projects", "milestones", "challenges", "indicators")  # %2 … %5 of the status text
STEPS = {"create": 1, "restore": 1, "delete": -1}


def follow(counts: dict[str, int], changes) -> bool:
    """Apply the records created, restored or deleted in `changes` to `counts`; True when one moved."""
    moved = False
    for r in changes.records:
        step = STEPS.get(r.action, 0)
        if step and r.kind in counts:
            counts[r.kind] += step
            moved = True
    return moved


def status_text(template: str, path, counts: dict[str, int]) -> str:
    """Fill "%1 · %2 个项目 · …" with the file's path and the counts."""
    for i, value in enumerate((path, *(counts[k] for k in SHOWN)), start=1):
        template = template.replace(f"%{i}", str(value))
    return template


def count(window, pf) -> None:
    """Count `pf`'s records into window._counts and show them (window._show_counts): at once for a
    small file; for a large one on the worker lane (a newer request drops an older one's result, so
    an edit made while counting is not missed: it asks again)."""
    if pf.count("projects") < ASYNC_ABOVE:
        window._counts = pf.counts()
        window._show_counts()
        return
    lane = getattr(window, "_counting", None)
    if lane is None:
        lane = window._counting = Background(window)

    def counted(counts: dict[str, int]) -> None:
        if window.pf is pf and window._counts is None:
            window._counts = counts
            window._show_counts()

    start_phase.after_start(lambda: lane.submit(pf.counts, counted) if window.pf is pf else None)
