"""Plain rows for the challenge list and the indicator tables (what those screens show)."""
from __future__ import annotations

import datetime as dt

from db import colours
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


def indicator_rows(pf, today: dt.date | None = None) -> list[dict]:
    today = today or pf.today()
    th = colours.thresholds(pf)
    values: dict[str, list[dict]] = {}
    for v in pf.list("indicator_values"):
        values.setdefault(v["indicator_id"], []).append(v)
    rows = []
    for i in pf.list("indicators"):
        vs = sorted(values.get(i["id"], []), key=lambda v: v["year"])
        colour = colours.indicator_colour(i, vs, today, th)
        latest = vs[-1] if vs else None
        rows.append({
            "id": i["id"], "plan": i["plan"], "seq": i["seq"] or "", "name": i["name"],
            "unit": i["unit"] or "", "attribute": tr_enum(i["attribute"]),
            "baseline": f"{i['baseline_year'] or ''} · {i['baseline_text'] or '—'}" if i["baseline_year"] or i["baseline_text"] else "",
            "target": f"{i['target_year'] or ''} · {i['target_text'] or '—'}" if i["target_year"] or i["target_text"] else "",
            "latest": f"{latest['year']} · {latest['text'] or latest['value']}" if latest else "",
            "direction": tr_enum(i["direction"]),
            "colour": colour.code, "colour_reason": colour.reason,
            "source": i["source_ref"] or "",
        })
    return rows
