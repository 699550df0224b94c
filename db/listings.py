"""Plain rows for the challenge list (what that screen shows)."""
from __future__ import annotations

import datetime as dt

from db.i18n import tr_enum
from db.register import unit_names


def challenge_rows(pf, today: dt.date | None = None) -> list[dict]:
    today = today or pf.today()
    names = unit_names(pf)
    teams: dict[str, list[dict]] = {}
    for t in pf.list("teams"):
        teams.setdefault(t["challenge_id"], []).append(t)
    rows = []
    for c in pf.list("challenges"):
        ts = teams.get(c["id"], [])
        deadline = c["deadline"]
        days_left = (dt.date.fromisoformat(deadline) - today).days if deadline else None
        budget = (c["budget_fiscal"] or 0) + (c["budget_matching"] or 0)
        rows.append({
            "id": c["id"], "title": c["title"], "stage": c["stage"] or "",
            "stage_label": tr_enum(c["stage"]), "domain": c["domain"] or "",
            "issuer": names.get(c["issuer_unit_id"], "") if c["issuer_unit_id"] else "",
            "budget": budget or None, "deadline": deadline or "", "days_left": days_left,
            "race_mode": tr_enum(c["race_mode"]), "applicants": len(ts),
            "selected": sum(1 for t in ts if t["status"] == "立项"),
            "is_example": c["is_example"],
        })
    return rows
