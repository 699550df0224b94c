"""The status bar's record counts: kept up to date from the Changes of each edit rather than recounted
(pf.counts() took ~70 ms an edit at city scale)."""
from __future__ import annotations

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
