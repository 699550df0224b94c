"""Plain rows for the challenge list (what that screen shows)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from db import colours
from db.challenges.rules import budget
from db.challenges.status import challenge_colour
from db.i18n import tr_enum
from db.rows.register import unit_names
from db.store import records

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def challenge_rows(pf: Portfolio, today: dt.date | None = None) -> list[dict]:
    today = today or pf.today()
    th = colours.thresholds(pf)
    names = unit_names(pf)
    teams: dict[str, list[dict]] = defaultdict(list)
    for t in pf.list("teams"):
        teams[t["challenge_id"]].append(t)
    ms_by_team: dict[str, list[dict]] = defaultdict(list)
    for m in pf.list("milestones", team_id=records.NOT_NULL):
        ms_by_team[m["team_id"]].append(m)
    rows = []
    for c in pf.list("challenges"):
        ts = teams.get(c["id"], [])
        deadline = c["deadline"]
        days_left = (dt.date.fromisoformat(deadline) - today).days if deadline else None
        colour = challenge_colour(c, ts, ms_by_team, today, th)
        rows.append({
            "id": c["id"], "title": c["title"], "code": c["code"] or "", "stage": c["stage"] or "",
            "stage_label": tr_enum(c["stage"]), "domain": c["domain"] or "",
            "issuer_id": c["issuer_unit_id"],
            "issuer": names.get(c["issuer_unit_id"], "") if c["issuer_unit_id"] else "",
            "issue_mode": c["issue_mode"] or "", "issue_mode_label": tr_enum(c["issue_mode"]),
            "budget": budget(c) or None, "deadline": deadline or "", "days_left": days_left,
            "race_mode": c["race_mode"] or "", "race_mode_label": tr_enum(c["race_mode"]),
            "applicants": len(ts),
            "selected": sum(1 for t in ts if t["status"] == "立项"),
            "colour": colour.code, "colour_reason": colour.reason,
            "is_example": c["is_example"],
        })
    return rows
