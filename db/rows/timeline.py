"""What the timeline (Gantt-style view) draws: one row per milestone of the chosen projects."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db import colours
from db.pinyin import sort_key
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def timeline_rows(pf: Portfolio, project_ids: list[str], today: dt.date | None = None) -> list[dict]:
    if not project_ids:
        return []
    today = today or pf.today()
    th = colours.thresholds(pf)
    wanted = sorted(set(project_ids))
    projects = {p["id"]: p for p in pf.list("projects", id=wanted)}
    rows = []
    for m in pf.list("milestones", project_id=wanted):
        p = projects.get(m["project_id"])
        if p is None:
            continue
        c = colours.milestone_colour(m, today, th)
        rows.append({
            "id": m["id"], "project_id": p["id"], "project": p["name"], "name": m["name"],
            "baseline": parse_date(m["baseline_date"] or ""), "planned": parse_date(m["planned_date"] or ""),
            "actual": parse_date(m["actual_date"] or ""), "status": m["status"],
            "colour": c.code, "reason": c.reason,
        })
    order = {pid: i for i, pid in enumerate(project_ids)}
    rows.sort(key=lambda r: (order.get(r["project_id"], 0), r["planned"] or dt.date.max, sort_key(r["name"])))
    return rows
