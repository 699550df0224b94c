"""What changed since the last issued brief, and what leadership must act on.

The brief is compared with the last week issued before it (its 期号 record, numbering.py), as
that week stood at its Sunday; with no earlier brief, with the same day a week before. There is
no history table, so the earlier colours are worked out again from the records as they are now,
with what the records say happened since undone: a milestone completed after that day was still
open then, a re-plan recorded since had not moved its date yet (its old date counts), a milestone
marked 受阻 since (its status cell's clock) was not blocked yet, and records created since did not
exist. Investment figures have no history and count as they stand.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from db import colours
from db.documents.brief import numbering
from db.rows.overview import week_bounds
from db.rows.snapshot import M_ACTUAL, M_ID, M_NAME, M_PLANNED, M_PROJECT, M_STATUS, M_TEAM
from db.store import hlc, records
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.documents.brief.facts import _Ctx
    from db.portfolio import Portfolio

STALE_DAYS = 365  # overdue longer than this: most likely a target of a plan period already over
DONE, BLOCKED = "已完成", "受阻"
RED_SEVERITY = colours.SEVERITY[colours.RED]  # the highest
REPLAN_FIELDS = ("milestone_id", "old_date", "new_date", "days", "reason", "recorded_at")


def day_start_hlc(day: dt.date) -> str:
    """The clock string at the start of `day` (local time); clocks sort as strings."""
    ms = int(dt.datetime.combine(day, dt.time()).timestamp() * 1000)
    return hlc.fmt(max(ms, 0), 0, hlc.BUILTIN_SITE)


def reference(pf: Portfolio, week: str, as_of: dt.date) -> dict:
    """The brief this one is compared with: {date, number, week} (number/week None if none)."""
    issued = numbering.numbers(pf)
    earlier = sorted(w for w in issued if w < week)
    if earlier:
        _monday, sunday, _ = week_bounds(earlier[-1], as_of)
        return {"date": min(sunday, as_of - dt.timedelta(days=1)), "number": issued[earlier[-1]],
                "week": earlier[-1]}
    return {"date": as_of - dt.timedelta(days=7), "number": None, "week": None}


class _Days(dict):
    """Date text -> day number (None where there is no date), each text parsed once."""

    def __missing__(self, text):
        d = parse_date(text or "")
        self[text] = n = None if d is None else d.toordinal()
        return n


class _Severity(dict):
    """Planned-date text -> colours.open_severity on day `today` (day number), each text once."""

    def __init__(self, days: _Days, today: int, th: dict):
        super().__init__()
        self.days, self.today, self.th = days, today, th

    def __missing__(self, text):
        self[text] = severity = colours.open_severity(self.days[text], self.today, self.th)
        return severity


def _before(p: dict, milestones: list[tuple], ref: dt.date, th: dict, old_date: dict, blocked_since: set,
            new_ms: set, days: _Days, open_severity: _Severity) -> str:
    """The colour code project `p` had on day `ref`: colours.project_colour's rules (the worse of its
    worst open milestone and its investment pace) over its milestones as they stood then."""
    if p["stage"] in ("终止", "停缓建"):
        return colours.GREY
    today = ref.toordinal()
    worst, any_done = None, False
    for m in milestones:
        mid, status = m[M_ID], m[M_STATUS]
        if mid in new_ms or status == "取消":
            continue
        if status == DONE:
            actual = days[m[M_ACTUAL]]
            if actual is None or actual <= today:
                any_done = True
                continue
        if status == BLOCKED and mid not in blocked_since:
            return colours.RED  # nothing is worse: the rest cannot change it
        severity = open_severity[old_date.get(mid, m[M_PLANNED])]
        if severity == RED_SEVERITY:
            return colours.RED
        worst = severity if worst is None else max(worst, severity)
    pace = colours.investment_pace(p, ref, th)
    candidates = [s for s in (worst, None if pace is None else colours.SEVERITY[pace.code]) if s is not None]
    if not candidates:
        return colours.GREEN if any_done else colours.GREY
    return colours.CODE_OF[max(candidates)]


def read_replans(pf: Portfolio) -> list[tuple]:
    """Every live re-plan as (id, *REPLAN_FIELDS), in the order recorded (plain tuples: a city
    has some 12,000, a province 37,000): read once for every fact of the brief that needs them."""
    return pf.rows("replans", REPLAN_FIELDS, order="recorded_at, rowid")


def changes(pf: Portfolio, x: _Ctx, ref: dict, replans: list[tuple] | None = None) -> dict:
    """Projects newly red and back to normal, milestones completed, re-planned and newly blocked
    since the reference day (`x`: the facts' context with the records and today's colours;
    `replans`: read_replans(pf) when the caller has them)."""
    day = ref["date"]
    since = day_start_hlc(day + dt.timedelta(days=1))
    until = day_start_hlc(x.as_of + dt.timedelta(days=1))  # a past week's brief: not what came after it
    created_since, created_in = records.AtLeast(since), records.Range(since, until)
    new_projects = {r[0] for r in pf.rows("projects", ("name",), created_hlc=created_since)}
    deleted = len(pf.list("projects", deleted_at=records.Range(since, until), include_deleted=True,
                          fields=("name",)))
    entered = sorted(p["name"] for p in pf.list("projects", created_hlc=created_in, fields=("name",)))
    # ids of milestones created since: needed only for projects that existed before (read when first
    # asked for: a file made after the reference day has 100,000 of them)
    new_ms = cache(lambda: {r[0] for r in pf.rows("milestones", ("project_id",), created_hlc=created_since)})
    blocked_since = {m["id"] for m in pf.list("milestones", status=BLOCKED, status_clock=created_since,
                                              fields=("project_id",))}
    blocked_in = {m["id"] for m in pf.list("milestones", status=BLOCKED, status_clock=created_in,
                                           fields=("project_id",))}
    lo, hi = (day + dt.timedelta(days=1)).isoformat(), x.as_of.isoformat()
    old_date: dict[str, str | None] = {}
    if replans is None:
        replans = read_replans(pf)
    # those recorded in the period (records.Between(lo, hi, chars=10) as SQL would filter them)
    replans = [r for r in replans if r[6] is not None and lo <= r[6][:10] <= hi]
    for _id, mid, old, *_rest in replans:
        old_date.setdefault(mid, old)
    newly_red, back = [], []
    days = _Days()
    open_severity = _Severity(days, day.toordinal(), x.th)
    for p in x.projects:
        if p["id"] in new_projects:
            continue
        now = x.o["project_colours"][p["id"]]
        if now["colour"] not in (colours.RED, colours.GREEN, colours.BLUE):
            continue  # neither newly red nor back to normal, whatever it was
        before = _before(p, x.by_project[p["id"]], day, x.th, old_date, blocked_since, new_ms(), days,
                         open_severity)
        item = {"id": p["id"], "name": p["name"], "units": x.project_units(p), "colour": now["colour"],
                "reason": now["reason"], "before": before}
        if now["colour"] == colours.RED and before != colours.RED:
            newly_red.append(item)
        elif before in (colours.RED, colours.YELLOW) and now["colour"] in (colours.GREEN, colours.BLUE):
            back.append(item)
    # one pass over every milestone (300,000 at province) for the three lists that name some
    wanted = {r[1] for r in replans}
    after = _After(day, x.as_of)
    mmap: dict[str, tuple] = {}
    completed, blocked = [], []
    for m in x.milestones:
        mid = m[M_ID]
        if mid in wanted:
            mmap[mid] = m
        if m[M_STATUS] == DONE and after[m[M_ACTUAL]] and (m[M_PROJECT] in x.pmap or m[M_TEAM] in x.teams):
            completed.append(x.item(m))
        if mid in blocked_in and (m[M_PROJECT] in x.pmap or m[M_TEAM] in x.teams):
            blocked.append(x.item(m))
    slipped = []
    for _id, mid, old, new, delay, reason, recorded_at in replans:
        found = mmap.get(mid)
        if found is None or not (found[M_PROJECT] in x.pmap or found[M_TEAM] in x.teams):
            continue
        owner, units = x.owner(found)
        slipped.append({"project": owner, "milestone": found[M_NAME], "units": units, "old_date": old or "",
                        "new_date": new or "", "days": delay or 0, "reason": reason or "",
                        "recorded_at": recorded_at[:10]})
    slipped.sort(key=lambda s: (-s["days"], s["project"], s["milestone"]))
    completed.sort(key=lambda i: (i["actual_date"], i["owner"], i["name"]))
    blocked.sort(key=lambda i: (i["owner"], i["name"]))
    for items in (newly_red, back):
        items.sort(key=lambda i: ("、".join(i["units"]) or "\uffff", i["name"]))
    return {"reference": ref, "newly_red": newly_red, "back": back, "slipped": slipped,
            "delay_days": sum(s["days"] for s in slipped if s["days"] > 0), "completed": completed,
            "blocked": blocked, "new_projects": entered, "deleted_projects": deleted}


class _After(dict):
    """Date text -> whether its day falls after `start`, up to `end`; each text parsed once."""

    def __init__(self, start: dt.date, end: dt.date):
        super().__init__()
        self.start, self.end = start, end

    def __missing__(self, text):
        d = parse_date((text or "")[:10])
        self[text] = inside = d is not None and self.start < d <= self.end
        return inside


def actions(x: _Ctx, last_reason: dict[str, str]) -> dict:
    """The items leadership must act on, most urgent first: blocked milestones, then red projects
    by how late their latest-due red milestone is, then red investment pace; and apart, the
    milestones overdue more than STALE_DAYS (most likely targets of an ended plan period)."""
    o = x.o
    blocked, blocked_projects = [], set()
    for m in x.milestones:
        if m[M_STATUS] != BLOCKED or not (m[M_PROJECT] in x.pmap or m[M_TEAM] in x.teams):
            continue
        i = x.item(m)
        planned = parse_date(m[M_PLANNED] or "")
        blocked.append({**i, "kind": "blocked", "project": i["owner"], "what": m[M_NAME],
                        "days": max((x.as_of - planned).days, 0) if planned else 0,
                        "detail": x.notes(m) or last_reason.get(m[M_ID], "")})
        blocked_projects.add(m[M_PROJECT])
    blocked.sort(key=lambda i: (-i["days"], i["project"], i["what"]))
    recent, stale = {}, []
    for i in o["due"]["overdue"]:  # most late first
        if i["days_late"] > STALE_DAYS:
            stale.append(i)
        elif i["colour"] == colours.RED and i["project_id"] not in recent:
            recent[i["project_id"]] = i
    late: list[dict] = []
    pace: list[dict] = []
    for p in x.projects:
        c = o["project_colours"][p["id"]]
        if c["colour"] != colours.RED or p["id"] in blocked_projects:
            continue
        base = {"id": p["id"], "project": p["name"], "units": x.project_units(p), "colour": c["colour"]}
        item = recent.get(p["id"])
        if item is not None:
            late.append({**base, "kind": "late", "what": item["name"], "days": item["days_late"],
                         "detail": item["reason"], "planned_date": item["planned_date"]})
        elif p["annual_plan_investment"] and (paced := colours.investment_pace(p, x.as_of, x.th)) is not None \
                and paced.code == colours.RED:
            pace.append({**base, "kind": "pace", "what": "", "days": 0, "detail": c["reason"],
                         "gap": (p["annual_invested"] or 0) / p["annual_plan_investment"]})
    late.sort(key=lambda i: (-i["days"], i["project"], i["what"]))
    pace.sort(key=lambda i: (i["gap"], i["project"]))
    return {"items": blocked + late + pace, "stale": stale,
            "stale_projects": len({i["project_id"] for i in stale})}
