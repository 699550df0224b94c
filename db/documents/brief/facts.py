"""The brief's content as plain data: the overview's figures (db.rows.overview, the one computation)
plus what the portfolio can tell about the week itself, what changed since the last issued brief
and what leadership must act on (since.py).

There is no history table, so what changed is what leaves a dated trace (since.py): records
created since the last brief (their creation clock), tombstones set since, milestones whose actual
date falls after it, re-plans recorded since, challenge stage records and reviews dated in the week.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from db import colours
from db.documents.brief import problems, since
from db.documents.brief.numbering import iso_week
from db.i18n import tr_enum
from db.rows.overview import due_lists, overview, week_bounds
from db.rows.snapshot import (
    M_ACTUAL,
    M_ID,
    M_NAME,
    M_OWNER_UNIT,
    M_PLANNED,
    M_PROJECT,
    M_STATUS,
    M_TEAM,
    Snapshot,
    take,
)
from db.store.records import NOT_NULL
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

FACILITY = "重大科技基础设施"
STARTED = ("开工", "建设", "投产", "达产")
TEAM_ORDER = {"立项": 0, "入围": 1, "已提交": 2, "未通过": 3, "撤回": 4, "淘汰": 5}


def _in(day: str | None, monday: dt.date, sunday: dt.date) -> bool:
    d = parse_date((day or "")[:10])
    return d is not None and monday <= d <= sunday


class _Ctx:
    def __init__(self, pf: Portfolio, o: dict, snap: Snapshot):
        self.pf = pf
        self.o = o
        self.monday = dt.date.fromisoformat(o["from"])
        self.sunday = dt.date.fromisoformat(o["to"])
        self.as_of = snap.as_of
        self.th = snap.th
        self.names = snap.names
        self.colours = snap.colours
        self.projects = snap.projects
        self.pmap = snap.pmap
        self.milestones = snap.milestones
        self.challenges = {c["id"]: c for c in snap.challenges}
        self.teams = {t["id"]: t for t in snap.teams if t["challenge_id"] in self.challenges}
        self.by_project, self.by_team = snap.by_project, defaultdict(list)
        self._units: dict[str, list[str]] = {}  # project id -> its unit names (asked once per item)
        self._notes: dict[str, str] | None = None
        for m in snap.other_milestones:
            if m[M_TEAM] in self.teams:
                self.by_team[m[M_TEAM]].append(m)

    def unit(self, uid) -> str:
        return self.names.get(uid, "") if uid else ""

    def project_units(self, p: dict) -> list[str]:
        names = self._units.get(p["id"])
        if names is None:
            ids = ([p["lead_unit_id"]] if p["lead_unit_id"] else []) + p["responsible_unit_ids"]
            unit = self.names.get  # as self.unit(u): no unit, no name
            names = self._units[p["id"]] = [n for n in dict.fromkeys(unit(u, "") for u in ids if u) if n]
        return list(names)

    def owner(self, m: tuple) -> tuple[str, list[str]]:
        """(project or 榜单·揭榜方, responsible unit names) of a milestone (the snapshot's tuple)."""
        if m[M_PROJECT] in self.pmap:
            p = self.pmap[m[M_PROJECT]]
            units = [self.unit(m[M_OWNER_UNIT])] if m[M_OWNER_UNIT] else self.project_units(p)
            return p["name"], [u for u in units if u]
        t = self.teams.get(m[M_TEAM])
        if t is None:
            return "", []
        c = self.challenges[t["challenge_id"]]
        unit = self.unit(m[M_OWNER_UNIT]) or self.unit(t["unit_id"])
        return f"{c['title']}·{t['name']}", [unit] if unit else []

    def notes(self, m: tuple) -> str:
        """A milestone's notes: read once for every milestone that has some, when a list of the
        brief first shows one (the snapshot leaves them out: 100,000 texts the overview never shows)."""
        if self._notes is None:
            self._notes = dict(self.pf.rows("milestones", ("notes",), notes=NOT_NULL))
        return self._notes.get(m[M_ID]) or ""

    def item(self, m: tuple) -> dict:
        owner, units = self.owner(m)
        c = self.colours["milestones"][m[M_ID]]
        return {"id": m[M_ID], "name": m[M_NAME], "owner": owner, "units": units,
                "planned_date": m[M_PLANNED] or "", "actual_date": m[M_ACTUAL] or "",
                "status": m[M_STATUS], "colour": c.code, "reason": c.reason, "notes": self.notes(m)}


def _started(o: dict) -> dict:
    counts = {f["stage"]: f["count"] for f in o["funnels"]["projects"]}
    staged = sum(n for s, n in counts.items() if s and s != "终止")
    started = sum(counts.get(s, 0) for s in STARTED)
    return {"started": started, "staged": staged, "unset": counts.get("", 0),
            "rate": started / staged * 100 if staged else None}


def _facilities(x: _Ctx) -> list[dict]:
    out = []
    for p in x.projects:
        if p["category"] != FACILITY:
            continue
        ms = sorted(x.by_project[p["id"]], key=lambda m: (m[M_PLANNED] or "9999", m[M_NAME]))
        c = x.o["project_colours"][p["id"]]
        out.append({"id": p["id"], "name": p["name"], "units": x.project_units(p),
                    "stage": tr_enum(p["stage"]), "phase": tr_enum(p["phase"]),
                    "colour": c["colour"], "reason": c["reason"], "total": p["total_investment"],
                    "invested": p["invested_to_date"], "milestones": [x.item(m) for m in ms]})
    return out


def _challenges(x: _Ctx) -> dict:
    teams_of = defaultdict(list)
    for t in x.teams.values():
        teams_of[t["challenge_id"]].append(t)
    rows, races = [], []
    reviews = defaultdict(list)
    for r in x.pf.list("reviews"):
        reviews[r["team_id"]].append(r)
    for c in x.challenges.values():
        ts = teams_of[c["id"]]
        rows.append({"id": c["id"], "title": c["title"], "issuer": x.unit(c["issuer_unit_id"]),
                     "stage": tr_enum(c["stage"]), "budget": (c["budget_fiscal"] or 0) + (c["budget_matching"] or 0),
                     "deadline": c["deadline"] or "", "race_mode": tr_enum(c["race_mode"]),
                     "applicants": len(ts), "selected": sum(t["status"] == "立项" for t in ts)})
        if c["race_mode"] == "赛马" and ts:
            standings = []
            for t in ts:
                last = max(reviews[t["id"]], key=lambda r: (r["date"], r["id"]), default=None)
                col = x.colours["teams"][t["id"]]
                standings.append({"name": t["name"], "unit": x.unit(t["unit_id"]), "leader": t["leader"] or "",
                                  "status": t["status"], "score": t["score"], "rank": t["rank"],
                                  "review": last, "colour": col.code, "reason": col.reason})
            standings.sort(key=lambda s: (TEAM_ORDER.get(s["status"], 9), s["rank"] or 10**6,
                                          -(s["score"] or 0), s["name"]))
            races.append({"title": c["title"], "stage": tr_enum(c["stage"]), "slots": c["race_slots"],
                          "teams": standings})
    events = [{**e, "title": x.challenges[e["challenge_id"]]["title"]} for e in x.pf.list("challenge_events")
              if e["challenge_id"] in x.challenges and _in(e["date"], x.monday, x.sunday)]
    events.sort(key=lambda e: (e["date"], e["title"]))
    week_reviews = []
    for team_id, rs in reviews.items():
        team = x.teams.get(team_id)
        for r in rs:
            if team is not None and _in(r["date"], x.monday, x.sunday):
                week_reviews.append({**r, "team": team["name"], "title": x.challenges[team["challenge_id"]]["title"]})
    week_reviews.sort(key=lambda r: (r["date"], r["title"], r["team"]))
    team_ms = [m for ms in x.by_team.values() for m in ms]
    due = due_lists(team_ms, {}, x.names, x.monday, x.sunday, x.as_of, x.colours["milestones"])
    mmap = {m[M_ID]: m for m in team_ms}
    for items in due.values():
        for i in items:
            i["project"], i["units"] = x.owner(mmap[i["id"]])
    return {"rows": rows, "funnel": x.o["funnels"]["challenges"], "races": races, "events": events,
            "reviews": week_reviews, "due": due}


def _red_yellow(x: _Ctx) -> list[dict]:
    out = []
    for p in x.projects:
        c = x.o["project_colours"][p["id"]]
        if c["colour"] in (colours.RED, colours.YELLOW):
            out.append({"id": p["id"], "name": p["name"], "units": x.project_units(p), "colour": c["colour"],
                        "reason": c["reason"], "stage": tr_enum(p["stage"])})
    out.sort(key=lambda i: (-colours.SEVERITY[i["colour"]], "、".join(i["units"]) or "\uffff", i["name"]))
    return out


def _last_reasons(replans: list[tuple]) -> dict[str, str]:
    """Each milestone's latest re-plan reason (`replans`: since.read_replans')."""
    last_reason = {}
    for _id, mid, _old, _new, _days, reason, _at in replans:
        last_reason[mid] = reason
    return last_reason


def _next_week(x: _Ctx, team_due: dict) -> list[dict]:
    nm, ns = x.monday + dt.timedelta(days=7), x.sunday + dt.timedelta(days=7)
    out = [{"date": i["planned_date"], "kind": "milestone", "what": i["name"], "owner": i["project"],
            "units": i["units"]} for i in x.o["due"]["next_week"] + team_due["next_week"]]
    for c in x.challenges.values():
        if _in(c["deadline"], nm, ns) and c["stage"] in ("已发榜", "申报中"):
            out.append({"date": c["deadline"], "kind": "deadline", "what": "", "owner": c["title"],
                        "units": [x.unit(c["issuer_unit_id"])] if c["issuer_unit_id"] else []})
    for t in x.pf.list("tranches"):
        team = x.teams.get(t["team_id"])
        if team and not t["paid_date"] and _in(t["planned_date"], nm, ns):
            title = x.challenges[team["challenge_id"]]["title"]
            out.append({"date": t["planned_date"], "kind": "tranche", "what": str(t["seq"]),
                        "owner": f"{title}·{team['name']}", "units": [x.unit(team["unit_id"])],
                        "amount": t["planned_amount"]})
    out.sort(key=lambda i: (i["date"], i["kind"], i["owner"], i["what"]))
    return out


def _indicators(x: _Ctx) -> list[tuple[str, list[dict]]]:
    texts = {i["id"]: i for i in x.pf.list("indicators")}
    value_text = {}
    for v in x.pf.list("indicator_values"):
        value_text[(v["indicator_id"], v["year"])] = v["text"]
    groups: dict[str, list[dict]] = {}
    for i in x.o["indicators"]:
        raw = texts.get(i["id"], {})
        groups.setdefault(i["plan"], []).append({
            **i, "baseline_text": raw.get("baseline_text"), "target_text": raw.get("target_text"),
            "latest_text": value_text.get((i["id"], i["latest_year"])),
            "attribute": tr_enum(raw.get("attribute"))})
    return list(groups.items())


def collect(pf: Portfolio, week: str | None) -> dict:
    """Everything the brief prints for an ISO week (raises UserError for a bad week)."""
    _monday, _sunday, as_of = week_bounds(week, pf.today())
    snap = take(pf, as_of, full=True)
    replans = since.read_replans(pf)  # once for the ranking, what changed and the latest reasons
    o = overview(pf, week, snap, [{"milestone_id": r[1], "days": r[4]} for r in replans])
    x = _Ctx(pf, o, snap)
    red_yellow = _red_yellow(x)
    challenges = _challenges(x)
    last_reason = _last_reasons(replans)
    reference = since.reference(pf, iso_week(x.monday), x.as_of)
    return {
        "since": since.changes(pf, x, reference, replans), "actions": since.actions(x, last_reason),
        "stale_days": since.STALE_DAYS,
        "overview": o, "monday": x.monday, "sunday": x.sunday, "as_of": x.as_of,
        "started": _started(o), "facilities": _facilities(x),
        "challenges": challenges, "red_yellow": red_yellow,
        "next_week": _next_week(x, challenges["due"]), "indicators": _indicators(x),
        "overdue": [{**i, "owner": i["project"]} for i in o["due"]["overdue"]],
        "this_week": [{**i, "owner": i["project"]} for i in o["due"]["this_week"]],
        "replan_slip_days": colours.thresholds(pf)["replan_slip_days"],
        "problems": problems.facts(pf, x.names, x.monday, x.as_of, x.pmap),
    }
