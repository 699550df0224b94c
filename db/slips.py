"""The slip log (调整记录): every re-plan of a milestone, never overwritten."""
from __future__ import annotations


def slip_rows(pf, *, project_id: str | None = None, milestone_id: str | None = None) -> list[dict]:
    """Re-plans, oldest first, with the milestone's name; for one milestone, one project, or all."""
    milestones = {m["id"]: m for m in pf.list("milestones", include_deleted=True)}
    rows = []
    for r in pf.list("replans", order="recorded_at, rowid"):
        m = milestones.get(r["milestone_id"])
        if m is None or (milestone_id and r["milestone_id"] != milestone_id):
            continue
        if project_id and m["project_id"] != project_id:
            continue
        rows.append({**r, "milestone": m["name"], "project_id": m["project_id"]})
    return rows


def slip_summary(rows: list[dict]) -> dict:
    """How often and by how much the plan moved (days > 0 are delays, < 0 pulled forward)."""
    return {"count": len(rows),
            "days_slipped": sum(r["days"] for r in rows if (r["days"] or 0) > 0),
            "days_pulled_in": -sum(r["days"] for r in rows if (r["days"] or 0) < 0)}
