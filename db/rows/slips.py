"""The slip log (调整记录): every re-plan of a milestone, never overwritten."""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.store import records

if TYPE_CHECKING:
    from db.portfolio import Portfolio


FIELDS = ("name", "project_id")


def slip_rows(pf: Portfolio, *, project_id: str | None = None, milestone_id: str | None = None,
              recorded: tuple[str, str] | None = None) -> list[dict]:
    """Re-plans, oldest first, with the milestone's name; for one milestone, one project, all,
    or those recorded on the days `recorded` = (first, last) ISO dates, both included.

    Reads only the milestones concerned (a project's, through the project_id index), so showing
    one project's log stays quick in a city-sized portfolio."""
    if recorded:
        replans = pf.list("replans", recorded_at=records.Between(*recorded, chars=10), order="recorded_at, rowid")
        ids = sorted({r["milestone_id"] for r in replans})
        milestones = {m["id"]: m for m in pf.list("milestones", id=ids, include_deleted=True, fields=FIELDS)}
        return _named(replans, milestones)
    if milestone_id:
        only: dict = {"id": milestone_id}
    elif project_id:
        only = {"project_id": project_id}
    else:
        only = {}
    milestones = {m["id"]: m for m in pf.list("milestones", include_deleted=True, fields=FIELDS, **only)}
    if not milestones:
        return []
    if milestone_id or project_id:
        replans = pf.list("replans", milestone_id=list(milestones), order="recorded_at, rowid")
    else:
        replans = pf.list("replans", order="recorded_at, rowid")
    return _named(replans, milestones)


def _named(replans: list[dict], milestones: dict[str, dict]) -> list[dict]:
    rows = []
    for r in replans:
        m = milestones.get(r["milestone_id"])
        if m is not None:
            rows.append({**r, "milestone": m["name"], "project_id": m["project_id"]})
    return rows


def slip_summary(rows: list[dict]) -> dict:
    """How often and by how much the plan moved (days > 0 are delays, < 0 pulled forward)."""
    return {"count": len(rows),
            "days_slipped": sum(r["days"] for r in rows if (r["days"] or 0) > 0),
            "days_pulled_in": -sum(r["days"] for r in rows if (r["days"] or 0) < 0)}
