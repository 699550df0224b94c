"""规划核实: settle the targets of plans whose period has ended (issue #17).

A milestone or indicator target of an ended plan with no recorded outcome is 待核实 (db/plans.py,
db/colours.py). The office settles them here, many at a time: 已完成 (with the date), 未完成, or
转入新规划 — the old target is closed as carried and a new one is created in a current plan,
linked to it (carried_from_id). Everything is a list of ops applied through the one write path,
so it is one undoable edit and merges like any other.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db import colours
from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP
from db.pinyin import sort_key
from db.plans import Plan, plan_of, plans
from db.rows.register import unit_names
from db.store import records
from db.store.changes import Create, Op, Update
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

DONE, NOT_DONE, CARRIED = "已完成", "未完成", "转入新规划"
OUTCOMES = (DONE, NOT_DONE, CARRIED)
E_DATE = QT_TRANSLATE_NOOP("errors", "完成日期“{date}”无效，应写成 2020-12-31 这样的日期")
E_PLAN = QT_TRANSLATE_NOOP("errors", "转入新规划需要选择一个规划期未结束的规划（可先新增规划）")
E_OUTCOME = QT_TRANSLATE_NOOP("errors", "未知的完成情况“{outcome}”")
NO_SECTION = ""
MILESTONE_FIELDS = ("project_id", "name", "status", "planned_date", "actual_date", "baseline_date", "owner_unit_id",
                    "source_doc", "source_ref", "source_text")


def section_of(rec: dict) -> str:
    """The part of its plan a target comes from (专栏5, 第三章, 指标体系表 …): the first word of
    its source reference."""
    ref = (rec.get("source_ref") or "").strip()
    return ref.split()[0] if ref else NO_SECTION


def review_rows(pf: Portfolio, today: dt.date | None = None, settled: bool = False) -> list[dict]:
    """Targets of ended plans: the 待核实 ones, and with `settled` also those already settled.
    One dict per target with what the screen filters and shows."""
    today = today or pf.today()
    known = plans(pf)
    th = colours.thresholds(pf)  # colours of the targets read below only, by the per-record rules

    def horizon_over(plan: str | None, day: dt.date | None) -> bool:
        end = known[plan].horizon_of(day) if plan else None
        return end is not None and end < today
    names = unit_names(pf)
    projects = {p["id"]: p for p in pf.list("projects", fields=("name", "lead_unit_id", "responsible_unit_ids"))}
    rows = []
    # only targets of a known plan, only what a row shows: every milestone in full was ~150 MB at city scale
    for m in pf.list("milestones", fields=MILESTONE_FIELDS, project_id=records.NOT_NULL, source_doc=list(known)):
        plan = plan_of(m, known)
        c = colours.milestone_colour(m, today, th)
        if plan is None or not (c.code == colours.PENDING or settled and m["status"] in OUTCOMES
                                and horizon_over(plan, parse_date(m["planned_date"] or ""))):
            continue
        p = projects.get(m["project_id"]) or {}
        unit_ids = [m["owner_unit_id"]] if m["owner_unit_id"] else [
            u for u in [p.get("lead_unit_id"), *(p.get("responsible_unit_ids") or [])] if u]
        rows.append(_row("milestones", m, plan, p.get("name", ""), [names.get(u, "") for u in dict.fromkeys(unit_ids)],
                         m["planned_date"] or "", m["status"] if m["status"] in OUTCOMES else "", c))
    indicator_colour = colours.indicator_colours(pf, today, th)
    for i in pf.list("indicators"):
        plan = plan_of(i, known)
        c = indicator_colour[i["id"]]
        target_day = dt.date(i["target_year"], 12, 31) if i["target_year"] else None
        if plan is None or not (c.code == colours.PENDING or settled and i["outcome"]
                                and horizon_over(plan, target_day)):
            continue
        target = " ".join(x for x in (str(i["target_year"] or ""), i["target_text"] or "", i["unit"] or "") if x)
        rows.append(_row("indicators", i, plan, i["table_title"] or i["plan"] or "",
                         [names.get(i["owner_unit_id"], "")] if i["owner_unit_id"] else [],
                         f"{i['target_year']}-12-31" if i["target_year"] else "", i["outcome"] or "", c, target))
    rows.sort(key=lambda r: (list(known).index(r["plan"]), r["kind"], r["section"], r["planned"], sort_key(r["name"])))
    return rows


def _row(kind, rec, plan, owner, units, planned, outcome, colour, target="") -> dict:
    return {"kind": kind, "id": rec["id"], "name": rec["name"], "plan": plan, "section": section_of(rec),
            "owner": owner, "units": [u for u in units if u], "planned": planned, "target": target,
            "outcome": outcome, "colour": colour.code, "reason": colour.reason,
            "source_ref": rec.get("source_ref") or "", "source_text": rec.get("source_text") or ""}


def settle_ops(pf: Portfolio, items: list[tuple[str, str]], outcome: str, date: str | None = None,
               into: Plan | None = None, due: str | None = None) -> list[Op]:
    """The ops that settle targets (kind, id): 已完成 on `date`; 未完成; 转入新规划 into plan `into`
    (a new target due `due`, default the end of that plan's period, linked to the old one).
    `date` is also recorded as the day an indicator's outcome was filled in (default today)."""
    if outcome not in OUTCOMES:
        raise ValidationError(E_OUTCOME, outcome=outcome)
    date = (date or pf.today().isoformat()).strip()
    if parse_date(date) is None:
        raise ValidationError(E_DATE, date=date)
    if outcome == CARRIED and (into is None or into.ended(pf.today())):
        raise ValidationError(E_PLAN)
    due = due or (into.end_date.isoformat() if into else None)
    ops: list[Op] = []
    for kind, rid in items:
        rec = pf.get(kind, rid)
        if rec is None:
            continue
        if kind == "milestones":
            ops += _milestone_ops(rec, outcome, date, into, due)
        else:
            ops += _indicator_ops(rec, outcome, date, into)
    return ops


def _milestone_ops(m: dict, outcome: str, date: str, into: Plan | None, due: str | None) -> list[Op]:
    if outcome == DONE:
        return [Update("milestones", m["id"], {"status": DONE, "actual_date": date})]
    ops: list[Op] = [Update("milestones", m["id"], {"status": outcome})]
    if outcome == CARRIED:
        assert into is not None  # settle_ops refuses 转入新规划 without a plan
        ops.append(Create("milestones", {
            "project_id": m["project_id"], "team_id": m["team_id"], "name": m["name"],
            "deliverable": m["deliverable"], "owner_unit_id": m["owner_unit_id"], "weight": m["weight"],
            "planned_date": due, "carried_from_id": m["id"], "source_doc": into.name,
            "source_ref": _carried_ref(m), "source_text": m["source_text"]}))
    return ops


def _indicator_ops(i: dict, outcome: str, date: str, into: Plan | None) -> list[Op]:
    ops: list[Op] = [Update("indicators", i["id"], {"outcome": outcome, "outcome_date": date})]
    if outcome == CARRIED:
        assert into is not None  # settle_ops refuses 转入新规划 without a plan
        ops.append(Create("indicators", {
            "name": i["name"], "plan": into.title, "group_name": i["group_name"], "unit": i["unit"],
            "attribute": i["attribute"], "direction": i["direction"], "owner_unit_id": i["owner_unit_id"],
            "target_year": into.end, "target_value": i["target_value"], "target_text": i["target_text"],
            "carried_from_id": i["id"], "source_doc": into.name, "source_ref": _carried_ref(i),
            "source_text": i["source_text"]}))
    return ops


def _carried_ref(rec: dict) -> str:
    """Where a carried target comes from: the old plan and its place there."""
    return " · ".join(x for x in (rec.get("source_doc") or rec.get("plan"), rec.get("source_ref")) if x)
