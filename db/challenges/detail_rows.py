"""Plain rows for one challenge's detail panel: stage history, teams, pledge milestones, tranches
and reviews (what the tables show; no Qt here)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db import colours
from db.challenges.rules import budget, tranche_totals
from db.i18n import tr_enum
from db.rows.register import unit_names
from db.store import records

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def history_rows(pf: Portfolio, challenge_id: str) -> list[dict]:
    return [{**e, "from_label": tr_enum(e["from_stage"]), "to_label": tr_enum(e["to_stage"])}
            for e in pf.list("challenge_events", challenge_id=challenge_id,
                             order="date, rowid")]


def team_rows(pf: Portfolio, challenge_id: str, today: dt.date | None = None) -> list[dict]:
    today = today or pf.today()
    th = colours.thresholds(pf)
    names = unit_names(pf)
    rows = []
    for t in pf.list("teams", challenge_id=challenge_id, order="rank IS NULL, rank, rowid"):
        ms = pf.list("milestones", team_id=t["id"])
        col = colours.team_colour(t, ms, today, th)
        rows.append({
            **t, "unit": names.get(t["unit_id"], "") if t["unit_id"] else "",
            "partners": "、".join(names.get(u, "") for u in t["partner_unit_ids"]),
            "members_text": "、".join(t["members"]), "status_label": tr_enum(t["status"]),
            "pledge": t["pledge_signed_date"] or "", "milestones": len(ms),
            "colour": col.code, "colour_reason": col.reason,
        })
    return rows


def milestone_rows(pf: Portfolio, team_id: str, today: dt.date | None = None) -> list[dict]:
    """A team's pledge milestones with colour and re-plan count (as the project detail shows them)."""
    today = today or pf.today()
    th = colours.thresholds(pf)
    names = unit_names(pf)
    ms = pf.list("milestones", team_id=team_id, order="planned_date IS NULL, planned_date, rowid")
    slips: dict[str, int] = {}
    if ms:
        for r in pf.list("replans", milestone_id=[m["id"] for m in ms]):
            slips[r["milestone_id"]] = slips.get(r["milestone_id"], 0) + 1
    rows = []
    for m in ms:
        c = colours.milestone_colour(m, today, th)
        rows.append({**m, "status_label": tr_enum(m["status"]), "colour": c.code, "colour_reason": c.reason,
                     "slips": slips.get(m["id"], 0),
                     "owner": names.get(m["owner_unit_id"], "") if m["owner_unit_id"] else ""})
    return rows


def tranche_rows(pf: Portfolio, challenge_id: str) -> list[dict]:
    teams = {t["id"]: t for t in pf.list("teams", challenge_id=challenge_id)}
    milestones = {m["id"]: m["name"] for m in pf.list("milestones", team_id=records.NOT_NULL)}
    rows = []
    for tid, t in teams.items():
        for x in pf.list("tranches", team_id=tid, order="seq"):
            rows.append({**x, "team": t["name"], "milestone": milestones.get(x["milestone_id"], ""),
                         "open": round((x["planned_amount"] or 0) - (x["paid_amount"] or 0), 2)})
    return rows


def review_rows(pf: Portfolio, challenge_id: str) -> list[dict]:
    teams = {t["id"]: t for t in pf.list("teams", challenge_id=challenge_id)}
    milestones = {m["id"]: m["name"] for m in pf.list("milestones", team_id=records.NOT_NULL)}
    rows = []
    for tid, t in teams.items():
        for r in pf.list("reviews", team_id=tid):
            rows.append({**r, "team": t["name"], "milestone": milestones.get(r["milestone_id"], ""),
                         "result_label": tr_enum(r["result"])})
    rows.sort(key=lambda r: (r["date"], r["team"]))
    return rows


def funding(pf: Portfolio, challenge_id: str) -> dict:
    """榜额 against what the tranches plan and what was paid."""
    c = pf.get("challenges", challenge_id)
    totals = tranche_totals(pf, challenge_id)
    return {"budget": budget(c) if c else 0, **totals,
            "free": round((budget(c) if c else 0) - totals["planned"], 6)}
