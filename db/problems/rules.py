"""The 督办 workflow's rules, run by the write path for every caller (GUI, CLI, 调度表 import,
scripts); a merge writes rows as they were decided elsewhere and does not run them.

提出 → 交办 → 签收 → 办理中 → 办结, with 退回 (the unit sends it back to the office with a reason)
and 挂起 (set aside, with a reason). Every change of status leaves a problem_events record: the
date, the unit and person who acted, and a note. 交办 needs a lead responsible unit and a 时限;
办结 needs a 办理结果 and stamps the 办结日期; reopening a closed problem needs a reason.
"""
from __future__ import annotations

from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.store.changes import Changes, Create, Update
from db.store.values import parse_date

OPEN = ("提出", "交办", "签收", "办理中", "退回")
CLOSED = "办结"
SUSPENDED = "挂起"
# Where each status may move to (the GUI offers these as actions).
MOVES: dict[str, tuple[str, ...]] = {
    "提出": ("交办", "挂起"),
    "交办": ("签收", "退回", "挂起"),
    "签收": ("办理中", "办结", "退回", "挂起"),
    "办理中": ("办结", "退回", "挂起"),
    "退回": ("交办", "挂起"),
    "挂起": ("交办", "办理中"),
    "办结": ("办理中",),
}
START = ("提出", "交办")  # a new problem is raised, or raised and handed to a unit at once
NEEDS_NOTE = {"退回": "退回原因", "挂起": "挂起原因"}
# Who acts on a move when the caller does not say: the office hands out and sets aside, the
# responsible unit signs, works, closes or returns, the raising unit raises.
ACTOR = {"提出": "raised_by_unit_id", "交办": "assigned_by_unit_id", "挂起": "assigned_by_unit_id",
         "签收": "responsible_unit_id", "办理中": "responsible_unit_id", "办结": "responsible_unit_id",
         "退回": "responsible_unit_id"}

E = {
    "move": QT_TRANSLATE_NOOP("errors", "{record}：状态不能由“{old}”改为“{new}”。可改为：{allowed}"),
    "start": QT_TRANSLATE_NOOP("errors", "{record}：新问题的状态只能是“提出”或“交办”，而不是“{status}”"),
    "no_unit": QT_TRANSLATE_NOOP("errors", "{record}：交办须指定责任单位（牵头）"),
    "no_due": QT_TRANSLATE_NOOP("errors", "{record}：交办须填写办理时限"),
    "no_result": QT_TRANSLATE_NOOP("errors", "{record}：办结须填写办理结果"),
    "no_note": QT_TRANSLATE_NOOP("errors", "{record}：“{status}”须写明原因"),
    "reopen": QT_TRANSLATE_NOOP("errors", "{record}：重新办理已办结的问题须写明原因"),
    "future": QT_TRANSLATE_NOOP("errors", "{record}：办理日期 {date} 晚于今天，不能预先登记"),
    "before": QT_TRANSLATE_NOOP("errors", "{record}：办理日期 {date} 早于上一次办理（{last}）"),
    "mismatch": QT_TRANSLATE_NOOP("errors", "{record}：办理记录的原状态“{given}”与问题当前状态“{status}”不符"),
    "due_before": QT_TRANSLATE_NOOP("errors", "{record}：办理时限 {due} 早于提出日期 {raised}"),
    "assist_lead": QT_TRANSLATE_NOOP("errors", "{record}：牵头责任单位不能同时列为配合单位"),
}
CODE = "督办〔{year}〕{n}号"  # the 督办单's number: data written as offices number 公文, in any language


def allowed(status: str | None) -> tuple[str, ...]:
    return MOVES.get(status or "提出", ())


def _check_fields(merged: dict, label: str) -> None:
    raised, due = parse_date(merged.get("raised_on") or ""), parse_date(merged.get("due_date") or "")
    if raised and due and due < raised:
        raise ValidationError(E["due_before"], record=label, due=merged["due_date"], raised=merged["raised_on"])
    if merged.get("responsible_unit_id") and merged["responsible_unit_id"] in (merged.get("assisting_unit_ids") or []):
        raise ValidationError(E["assist_lead"], record=label)


def _check_move(merged: dict, old: str | None, new: str, note: str | None, label: str) -> None:
    """May a problem (its values after the change: `merged`) move from `old` to `new`?"""
    if old is not None and new not in allowed(old):
        raise ValidationError(E["move"], record=label, old=tr_enum(old), new=tr_enum(new),
                              allowed="、".join(tr_enum(s) for s in allowed(old)) or "—")
    if new == "交办":
        if not merged.get("responsible_unit_id"):
            raise ValidationError(E["no_unit"], record=label)
        if not merged.get("due_date"):
            raise ValidationError(E["no_due"], record=label)
    if new == CLOSED and not (merged.get("result") or "").strip():
        raise ValidationError(E["no_result"], record=label)
    if new in NEEDS_NOTE and not (note or "").strip():
        raise ValidationError(E["no_note"], record=label, status=tr_enum(new))
    if old == CLOSED and not (note or "").strip():
        raise ValidationError(E["reopen"], record=label)


def _next_code(w, year: int) -> str:
    prefix = CODE.format(year=year, n="")[:-1]  # 督办〔2026〕, then the number and 号
    return CODE.format(year=year, n=(w.reader.max_numbered("problems", "code", prefix, CODE[-1]) or 0) + 1)


def problem_created(w, values: dict, label: str, undo: bool) -> None:
    if undo:
        return
    status = values.get("status") or "提出"
    if status not in START:
        raise ValidationError(E["start"], record=label, status=tr_enum(status))
    if not values.get("raised_on"):
        values["raised_on"] = w.today().isoformat()
    _check_fields(values, label)
    _check_move(values, None, status, None, label)
    if not values.get("code"):
        values["code"] = _next_code(w, (parse_date(values["raised_on"]) or w.today()).year)


def _event(w, problem: dict, old: str | None, new: str, date: str, note: str | None,
           person: str | None) -> Create:
    return Create("problem_events", {
        "problem_id": problem["id"], "from_status": old, "to_status": new, "date": date,
        "at": w.wallclock.stamp(), "by_unit_id": problem.get(ACTOR[new]), "by_person": person,
        "note": (note or "").strip() or None})


def problem_written(w, row_id: str, values: dict, label: str, undo: bool) -> Changes:
    """A new problem's history starts with its 提出 (and its 交办, when handed out at once)."""
    if undo:
        return Changes()
    rec = {**values, "id": row_id}
    out = w.create(_event(w, rec, None, "提出", values["raised_on"], None, values.get("raised_by")))
    if values.get("status") == "交办":
        out.extend(w.create(_event(w, rec, "提出", "交办", w.today().isoformat(), None, None)))
    return out


def _given_event(batch, problem_id: str, to_status: str):
    """The event an operation created first in the same batch (with its own date, unit and note)."""
    for r in reversed(batch.records if batch else []):
        if r.kind == "problem_events" and r.action == "create" and r.after.get("problem_id") == problem_id \
                and r.after.get("to_status") == to_status:
            return r
    return None


def _check_date(w, problem_id: str, date: str, label: str) -> None:
    day = parse_date(date)
    if day is None or day > w.today():
        raise ValidationError(E["future"], record=label, date=date)
    last = max((e["date"] for e in w.reader.list("problem_events", problem_id=problem_id) if e.get("date")),
               default=None)
    if last and date < last:
        raise ValidationError(E["before"], record=label, date=date, last=last)


def problem_updated(w, op: Update, current: dict, changed: dict, label: str, undo: bool) -> Changes:
    if undo:
        return Changes()
    merged = {**current, **changed}
    _check_fields(merged, label)
    if "status" not in changed:
        return Changes()
    old, new = current.get("status") or "提出", changed["status"]
    given = _given_event(w.batch, current["id"], new)
    note = given.after.get("note") if given is not None else op.reason
    _check_move(merged, old, new, note, label)
    if given is not None:
        if (given.after.get("from_status") or old) != old:
            raise ValidationError(E["mismatch"], record=label, given=tr_enum(given.after.get("from_status")),
                                  status=tr_enum(old))
        date = given.after["date"]
    else:
        date = w.today().isoformat()
    _check_date(w, current["id"], date, label)
    changed["closed_on"] = date if new == CLOSED else None
    if current.get("closed_on") == changed["closed_on"]:
        del changed["closed_on"]
    if given is not None:
        return Changes()
    return w.create(_event(w, merged, old, new, date, note, op.approved_by))

