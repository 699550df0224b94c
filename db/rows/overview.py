"""The overview's figures (总览): one computation used by the dashboard, the CLI and the brief.

Everything here is derived from the portfolio and a reference date; nothing is stored.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from db import colours, model
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.pinyin import sort_key
from db.plans import plan_of, plans
from db.rows import tiles
from db.rows.snapshot import (
    M_ACTUAL,
    M_ID,
    M_NAME,
    M_OWNER_UNIT,
    M_PLANNED,
    M_PROJECT,
    M_SOURCE,
    M_STATUS,
    Snapshot,
    take,
)
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
OPEN = ("未开始", "进行中", "受阻")
NOT_SET = QT_TRANSLATE_NOOP("overview", "（未填）")
RANKING_RULE = QT_TRANSLATE_NOOP(
    "overview",
    "排名规则：先比按期完成率（到期里程碑中按期或提前完成的比例），高者在前；相同则红灯项目少者在前；"
    "再同则累计延期天数少者在前；再同则年度投资完成率高者在前；各项都相同的单位名次并列。")


def week_bounds(week: str | None, today: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """(monday, sunday, as_of) of an ISO week "2026-W47" (default: the week of today).

    as_of is the date colours are computed for: today inside the current week, else that
    week's Sunday (a past week is shown as it stood at its end).
    """
    if week:
        m = WEEK_RE.match(week)
        try:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1) if m else None
        except ValueError:
            monday = None
        if monday is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "周次“{week}”无效，应写成 2026-W47 这样的 ISO 周"),
                            week=week)
    else:
        monday = today - dt.timedelta(days=today.weekday())
    sunday = monday + dt.timedelta(days=6)
    as_of = today if monday <= today <= sunday else sunday
    return monday, sunday, as_of


_project_units = tiles.project_units


def _count(items) -> dict[str, int]:
    c = Counter(items)
    return {code: c.get(code, 0) for code in colours.COLOURS}


def colour_counts(projects: list[dict], project_colour: dict[str, colours.Colour], names: dict) -> dict:
    by: dict[str, defaultdict[str, list[str]]] = {
        "category": defaultdict(list), "unit": defaultdict(list), "zone": defaultdict(list)}
    none = tr(NOT_SET)
    for p in projects:
        code = project_colour[p["id"]].code
        by["category"][p["category"] or none].append(code)
        by["zone"][p["zone"] or none].append(code)
        units = _project_units(p)
        for name in [names.get(u, none) for u in units] if units else [none]:
            by["unit"][name].append(code)
    out: dict[str, dict[str, int] | dict[str, dict[str, int]]] = {
        "total": _count(project_colour[p["id"]].code for p in projects)}
    for key, groups in by.items():
        out[f"by_{key}"] = {g: _count(codes) for g, codes in sorted(groups.items(), key=lambda kv: (-len(kv[1]), sort_key(kv[0])))}
    return out


def funnels(projects: list[dict], challenges: list[dict]) -> dict:
    ps = Counter(p["stage"] or "" for p in projects)
    cs = Counter(c["stage"] or "" for c in challenges)
    project_funnel = [{"stage": s, "count": ps.get(s, 0)} for s in model.STAGES]
    project_funnel.append({"stage": "", "count": ps.get("", 0)})
    return {"projects": project_funnel,
            "challenges": [{"stage": s, "count": cs.get(s, 0)} for s in model.CHALLENGE_STAGES]}


class _DayMemo(dict):
    """Date text -> parse_date(text) (None for no date), each distinct text parsed once."""

    def __missing__(self, text):
        self[text] = d = parse_date(text or "")
        return d


class _Ordinals(dict):
    """Date text -> its day number (date.toordinal(), None for no date), each distinct text parsed once."""

    def __missing__(self, text):
        d = parse_date(text or "")
        self[text] = n = None if d is None else d.toordinal()
        return n


class _DueDays(dict):
    """Date text -> its day number if that day has come by `today` (a day number), else None."""

    def __init__(self, day_of: _Ordinals, today: int):
        super().__init__()
        self.day_of, self.today = day_of, today

    def __missing__(self, text):
        n = self.day_of[text]
        self[text] = n = n if n is not None and n <= self.today else None
        return n


def due_lists(milestones: list[tuple], projects: dict, names: dict, monday: dt.date, sunday: dt.date,
              as_of: dt.date, colour_of: dict[str, colours.Colour]) -> dict:
    """Open milestones (the snapshot's tuples) overdue, due this week and next; `colour_of`:
    milestone id -> Colour as of `as_of`. A 待核实 target (its plan's period has ended, no outcome
    recorded) is in none of them: it is not late, it is counted apart (pending())."""
    overdue, this_week, next_week = [], [], []
    next_monday, next_sunday = monday + dt.timedelta(days=7), sunday + dt.timedelta(days=7)
    dates = _DayMemo()
    for m in milestones:
        if m[M_STATUS] not in OPEN:
            continue
        planned = dates[m[M_PLANNED]]
        # in none of the lists (most of a city's open milestones): nothing more to work out
        if planned is None or (planned >= as_of and not monday <= planned <= sunday
                               and not next_monday <= planned <= next_sunday):
            continue
        colour = colour_of[m[M_ID]]
        if colour.code == colours.PENDING:
            continue
        p = projects.get(m[M_PROJECT])
        unit_ids = [m[M_OWNER_UNIT]] if m[M_OWNER_UNIT] else (_project_units(p) if p else [])
        item = {"id": m[M_ID], "name": m[M_NAME], "project_id": m[M_PROJECT],
                "project": p["name"] if p else "", "planned_date": m[M_PLANNED],
                "units": [names.get(u, "") for u in unit_ids], "colour": colour.code,
                "reason": colour.reason, "days_late": max((as_of - planned).days, 0)}
        if planned < as_of:
            overdue.append(item)
        if monday <= planned <= sunday:
            this_week.append(item)
        elif next_monday <= planned <= next_sunday:
            next_week.append(item)
    overdue.sort(key=lambda i: (-i["days_late"], sort_key(i["project"]), sort_key(i["name"])))
    for items in (this_week, next_week):
        items.sort(key=lambda i: (i["planned_date"], sort_key(i["project"]), sort_key(i["name"])))
    return {"overdue": overdue, "this_week": this_week, "next_week": next_week}


def pace(plan: float, done: float, as_of: dt.date) -> dict:
    expected = colours.year_elapsed_pct(as_of)
    pct = done / plan * 100 if plan else None
    return {"annual_plan": plan, "annual_done": done, "completed_pct": pct, "expected_pct": expected,
            "gap": None if pct is None else pct - expected}


def investment_pace(projects: list[dict], as_of: dt.date, th: dict) -> dict:
    def totals(ps):
        plan = sum(p["annual_plan_investment"] or 0 for p in ps)
        done = sum(p["annual_invested"] or 0 for p in ps if (p["annual_plan_investment"] or 0) > 0)
        out = pace(plan, done, as_of)
        out["colour"] = colours.pace_colour(out["gap"], th) if out["gap"] is not None else colours.GREY
        return out
    by_cat = defaultdict(list)
    for p in projects:
        by_cat[p["category"] or tr(NOT_SET)].append(p)
    return {"overall": totals(projects),
            "by_category": {c: totals(ps) for c, ps in sorted(by_cat.items()) if any(
                (p["annual_plan_investment"] or 0) > 0 for p in ps)}}


def unit_ranking(projects: list[dict], milestones: list[tuple], replans: list[dict],
                 project_colour: dict, names: dict, as_of: dt.date, th: dict,
                 milestone_colour: dict | None = None) -> dict:
    """赛马比拼 of responsible units, with the values behind each rank. A 待核实 milestone (by
    `milestone_colour`, id -> Colour) is not counted as due: whether it was met is not known."""
    by_unit: dict[str, dict] = {}
    pmap = {p["id"]: p for p in projects}
    slipped: defaultdict[str, int] = defaultdict(int)
    for r in replans:
        if (r["days"] or 0) > 0:
            slipped[r["milestone_id"]] += r["days"]

    def entry(uid):
        return by_unit.setdefault(uid, {"unit_id": uid, "unit": names.get(uid, ""), "projects": 0,
                                        "red": 0, "yellow": 0, "due": 0, "on_time": 0,
                                        "days_slipped": 0, "plan": 0.0, "done": 0.0})
    for p in projects:
        for uid in _project_units(p):
            e = entry(uid)
            e["projects"] += 1
            code = project_colour[p["id"]].code
            e["red"] += code == colours.RED
            e["yellow"] += code == colours.YELLOW
            if (p["annual_plan_investment"] or 0) > 0:
                e["plan"] += p["annual_plan_investment"]
                e["done"] += p["annual_invested"] or 0
    units_of = {pid: _project_units(p) for pid, p in pmap.items()}
    # 100,000 milestones at city scale: summed per owner unit or project first (in order of first
    # appearance, so units enter the ranking in the same order), then spread to the units. An owner
    # unit's id never equals a project's (ids are unique across kinds): one string keys either.
    sums: dict[str, list[int]] = {}
    day_of = _Ordinals()
    due_day = _DueDays(day_of, as_of.toordinal())
    pending = colours.PENDING
    for m in milestones:
        pid = m[M_PROJECT]
        if pid not in units_of:
            continue
        by = m[M_OWNER_UNIT] or pid
        s = sums.get(by)
        if s is None:
            s = sums[by] = [0, 0, 0]
        planned = due_day[m[M_PLANNED]]
        if planned is not None:
            status = m[M_STATUS]
            if status != "取消" and (milestone_colour is None or milestone_colour[m[M_ID]].code != pending):
                s[0] += 1  # due
                if status == "已完成":
                    actual = day_of[m[M_ACTUAL]]
                    s[1] += actual is not None and actual <= planned  # on time
        mid = m[M_ID]
        if mid in slipped:
            s[2] += slipped[mid]
    for by, (due_n, on_time_n, days) in sums.items():
        for uid in (units_of[by] if by in units_of else (by,)):
            e = by_unit.get(uid) or entry(uid)
            e["due"] += due_n
            e["on_time"] += on_time_n
            e["days_slipped"] += days
    rows = []
    expected = colours.year_elapsed_pct(as_of)
    for e in by_unit.values():
        e["on_time_rate"] = round(e["on_time"] / e["due"] * 100, 1) if e["due"] else None
        e["investment_pct"] = round(e["done"] / e["plan"] * 100, 1) if e["plan"] else None
        e["investment_gap"] = round(e["investment_pct"] - expected, 1) if e["plan"] else None
        rows.append(e)

    def key(e):
        return (-(e["on_time_rate"] if e["on_time_rate"] is not None else -1), e["red"],
                e["days_slipped"], -(e["investment_pct"] if e["investment_pct"] is not None else -1))
    rows.sort(key=lambda e: (key(e), sort_key(e["unit"])))
    previous = None
    for i, e in enumerate(rows, start=1):
        e["rank"] = previous["rank"] if previous and key(previous) == key(e) else i
        previous = e
    return {"rule": tr(RANKING_RULE), "units": rows}


def indicator_progress(pf: Portfolio, as_of: dt.date, th: dict) -> list[dict]:
    values = defaultdict(list)
    for v in pf.list("indicator_values"):
        values[v["indicator_id"]].append(v)
    out = []
    for i in pf.list("indicators"):
        vs = sorted(values[i["id"]], key=lambda v: v["year"])
        c = colours.indicator_colour(i, vs, as_of, th)
        latest = next((v for v in reversed(vs) if v["value"] is not None), None)
        out.append({"id": i["id"], "plan": i["plan"], "source_doc": i["source_doc"], "seq": i["seq"],
                    "name": i["name"], "unit": i["unit"],
                    "baseline_year": i["baseline_year"], "baseline": i["baseline_value"],
                    "target_year": i["target_year"], "target": i["target_value"],
                    "latest_year": latest["year"] if latest else None,
                    "latest": latest["value"] if latest else None,
                    "colour": c.code, "reason": c.reason})
    return out


def pending(pf: Portfolio, milestones: list[tuple], milestone_colour: dict, indicators: list[dict]) -> dict:
    """待核实, counted apart: targets of plans whose period has ended with no recorded outcome —
    milestones (with source_doc) and indicator rows of indicator_progress — in total and by plan."""
    known = plans(pf)
    by_plan: dict[str, dict] = {}

    def bump(name, kind):
        entry = by_plan.setdefault(name or tr(NOT_SET), {"plan": name or tr(NOT_SET), "milestones": 0, "indicators": 0})
        entry[kind] += 1
    for m in milestones:
        if milestone_colour[m[M_ID]].code == colours.PENDING:
            bump(plan_of({"source_doc": m[M_SOURCE]}, known), "milestones")
    for i in indicators:
        if i["colour"] == colours.PENDING:
            bump(plan_of(i, known), "indicators")
    order = {name: n for n, name in enumerate(known)}
    rows = sorted(by_plan.values(), key=lambda e: (order.get(e["plan"], len(order)), e["plan"]))
    return {"milestones": sum(e["milestones"] for e in rows), "indicators": sum(e["indicators"] for e in rows),
            "by_plan": rows}


def overview(pf: Portfolio, week: str | None = None, snap: Snapshot | None = None,
             replans: list[dict] | None = None) -> dict:
    """Every figure of 总览 for an ISO week; `snap` (taken for that week's as_of) and `replans`
    (_replans') are reads the caller already made (the brief shares them with its own facts)."""
    monday, sunday, as_of = week_bounds(week, pf.today())
    if snap is None or snap.as_of != as_of:
        snap = take(pf, as_of)
    th, names, projects, pmap = snap.th, snap.names, snap.projects, snap.pmap
    project_colour = {p["id"]: snap.colours["projects"][p["id"]] for p in projects}
    project_milestones = snap.project_milestones
    iso = monday.isocalendar()
    entry_types = Counter(p["entry_type"] or "项目" for p in snap.entries)
    indicators = indicator_progress(pf, as_of, th)
    if replans is None:
        replans = _replans(pf)
    return {
        "week": f"{iso[0]}-W{iso[1]:02d}", "from": monday.isoformat(), "to": sunday.isoformat(),
        "as_of": as_of.isoformat(),
        "counts": {"projects": len(projects), "milestones": len(project_milestones),
                   "challenges": len(snap.challenges), "indicators": pf.count("indicators"),
                   "programmes": entry_types.get("专项计划", 0), "tasks": entry_types.get("规划任务", 0)},
        "pending": pending(pf, project_milestones, snap.colours["milestones"], indicators),
        "colours": colour_counts(projects, project_colour, names),
        "funnels": funnels(projects, snap.challenges),
        "due": due_lists(project_milestones, pmap, names, monday, sunday, as_of, snap.colours["milestones"]),
        "unit_ranking": unit_ranking(projects, project_milestones, replans, project_colour, names, as_of, th,
                                     snap.colours["milestones"]),
        "investment": investment_pace(projects, as_of, th),
        "indicators": indicators,
        "project_colours": {pid: {"colour": c.code, "reason": c.reason} for pid, c in project_colour.items()},
    }


def _replans(pf: Portfolio) -> list[dict]:
    """Each re-plan's milestone and days (read as plain rows: a city has some 12,000)."""
    return [{"milestone_id": mid, "days": days} for _id, mid, days in pf.rows("replans", ("milestone_id", "days"))]


def tile_groups(pf: Portfolio, by: str, project_colours: dict) -> list[tuple[str, list[dict]]]:
    """五色图 tiles: projects grouped by "category", "unit" or "zone", worst colours first."""
    return tiles.tile_groups(pf, by, project_colours, tr(NOT_SET))
