"""Problem operations: each returns the ops for the one write path (Portfolio.apply /
session.op), so every step is undoable, checked by the rules (db/problems/rules.py) and merges
like any edit. Qt-free.

    pf.apply(transition_ops(pf, pid, "交办", note="请于月底前办结"))
    pf.apply(transition_ops(pf, pid, "办结", result="已协调海关完成审批", date="2026-03-02"))
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.errors import NotFound, ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.problems import rules
from db.store.changes import Create, Op, Update
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E = {
    "missing": QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
    "bad_date": QT_TRANSLATE_NOOP("errors", "{record}：日期“{date}”无效，应为 YYYY-MM-DD"),
}


def get_problem(pf: Portfolio, problem_id: str) -> dict:
    rec = pf.get("problems", problem_id)
    if rec is None:
        raise NotFound(E["missing"], id=problem_id, kind=tr(KINDS["problems"].label))
    return rec


def transition_ops(pf: Portfolio, problem_id: str, to_status: str, *, note: str | None = None,
                   date: str | None = None, by_unit_id: str | None = None, by_person: str | None = None,
                   result: str | None = None, fields: dict | None = None) -> list[Op]:
    """Move a problem to `to_status` on `date` (today when not given), by a unit and person
    (the unit the workflow expects when not given), with a note; `result` (办结's 办理结果) and any
    other `fields` change in the same step."""
    problem = get_problem(pf, problem_id)
    label = f"{tr(KINDS['problems'].label)}「{problem.get('code') or problem['description']}」"
    day = (date or pf.today().isoformat()).strip()
    parsed = parse_date(day)
    if parsed is None:
        raise ValidationError(E["bad_date"], record=label, date=day)
    changes = dict(fields or {})
    if result is not None:
        changes["result"] = result
    changes["status"] = to_status
    merged = {**problem, **changes}
    event = {"problem_id": problem_id, "from_status": problem.get("status") or "提出", "to_status": to_status,
             "date": parsed.isoformat(), "at": pf.stamp(),
             "by_unit_id": by_unit_id or merged.get(rules.ACTOR.get(to_status, "")) or None,
             "by_person": (by_person or "").strip() or None, "note": (note or "").strip() or None}
    return [Create("problem_events", event), Update("problems", problem_id, changes, reason=note)]


def history(pf: Portfolio, problem_id: str) -> list[dict]:
    """The problem's events, oldest first. Steps taken within one second (their `at`) on another
    site arrive in any row order, so ties follow the chain of statuses (each step's from_status is
    the previous one's to_status), falling back to time order where the chain is broken (two sites
    moving the same problem at once)."""
    pending = pf.list("problem_events", problem_id=problem_id, order="date, at, rowid")
    out: list[dict] = []
    current = None
    while pending:
        first = (pending[0]["date"], pending[0]["at"])
        tied = [e for e in pending if (e["date"], e["at"]) == first]
        step = next((e for e in tied if e["from_status"] == current), tied[0])
        pending.remove(step)
        out.append(step)
        current = step["to_status"]
    return out
