"""The kinds' own rules of the write path, registered as hooks of the generic writer
(store/hooks.py). Importing this module registers them; db.portfolio does, so every write —
GUI, CLI, import, scripts — runs them.

- milestones: owned by a project or a team (one of them); the first planned date becomes the
  baseline; completing one stamps its actual date; once committed, a planned date moves only as
  a re-plan with a reason, which leaves a `replans` record (the slip log).
- units: one still referenced cannot be deleted.
- attachments: one owner, and a blob the file holds (db/attachments/rules.py).
- challenges, teams' tranches and reviews: the 揭榜挂帅 rules (db/challenges/rules.py).
- problems: the 督办 workflow (db/problems/rules.py): moves, reasons, 办理结果, the event log.
"""
from __future__ import annotations

from db.attachments.rules import attachment_created
from db.challenges.rules import on_create as challenge_on_create
from db.challenges.rules import on_update as challenge_on_update
from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP
from db.problems import rules as problem_rules
from db.store import hooks
from db.store.changes import Changes, Create, Update
from db.store.values import parse_date
from db.store.writer import Writer

MSG_NO_REASON = QT_TRANSLATE_NOOP("errors", "{record}：计划日期由 {old} 调整为 {new} 属于重新计划，必须填写调整原因")
MSG_OWNER = QT_TRANSLATE_NOOP("errors", "{record}：里程碑必须属于一个项目或一个揭榜方（二者选一）")
MSG_UNIT_IN_USE = QT_TRANSLATE_NOOP("errors", "{record} 仍被 {count} 条记录引用，不能删除")
MSG_NO_CLEAR = QT_TRANSLATE_NOOP("errors", "{record}：计划日期已承诺（基线 {baseline}），不能清空；请改为新的日期并说明原因")


# -- milestones ------------------------------------------------------------------------------
def _milestone_rules(w: Writer, values: dict, current: dict, label: str, undo: bool) -> None:
    merged = {**current, **values}
    if bool(merged.get("project_id")) == bool(merged.get("team_id")):
        raise ValidationError(MSG_OWNER, record=label)
    if undo:
        return
    if merged.get("planned_date") and not merged.get("baseline_date"):
        values["baseline_date"] = merged["planned_date"]
    if values.get("status") == "已完成" and not merged.get("actual_date"):
        values["actual_date"] = w.today().isoformat()
    # An actual completion date means done, whoever writes it (form, CLI, 调度表, import);
    # reopening a done milestone takes its actual date away (issue #21).
    if values.get("actual_date") and merged.get("status") not in ("已完成", "取消"):
        values["status"] = "已完成"
    elif (current and "actual_date" not in values and merged.get("actual_date")
          and values.get("status") not in (None, "已完成", "取消")):
        values["actual_date"] = None


def milestone_created(w: Writer, values: dict, label: str, undo: bool) -> None:
    _milestone_rules(w, values, {}, label, undo)


def milestone_updated(w: Writer, op: Update, current: dict, changed: dict, label: str, undo: bool) -> Changes:
    if undo:
        return Changes()
    _milestone_rules(w, changed, current, label, False)
    if "planned_date" not in changed:
        return Changes()
    # Once a date was committed (the baseline), every move of it is a re-plan with a reason.
    old = current.get("planned_date") or current.get("baseline_date")
    new = changed["planned_date"]
    if not new and current.get("baseline_date"):
        raise ValidationError(MSG_NO_CLEAR, record=label, baseline=current["baseline_date"])
    if not old or not new or old == new:
        return Changes()
    if not (op.reason or "").strip():
        raise ValidationError(MSG_NO_REASON, record=label, old=old, new=new)
    new_day, old_day = parse_date(new), parse_date(old)
    assert new_day is not None and old_day is not None  # both were checked as dates
    days = (new_day - old_day).days
    return w.create(Create("replans", {
        "milestone_id": op.id, "old_date": old, "new_date": new, "days": days,
        "reason": (op.reason or "").strip(), "approved_by": op.approved_by,
        "recorded_at": w.wallclock.stamp(),
    }))


# -- units -----------------------------------------------------------------------------------
def unit_deleted(w: Writer, current: dict, label: str, undo: bool) -> None:
    if undo:
        return
    count = w.reader.count_references(current["id"])
    if count:
        raise ValidationError(MSG_UNIT_IN_USE, record=label, count=count)


# -- 揭榜挂帅 -----------------------------------------------------------------------------------
def _created(kind: str):
    def hook(w: Writer, values: dict, label: str, undo: bool) -> None:
        if not undo:
            challenge_on_create(w.reader, kind, values)
    return hook


def _updated(kind: str):
    def hook(w: Writer, op: Update, current: dict, changed: dict, label: str, undo: bool) -> Changes:
        if undo:
            return Changes()
        # stage changes follow the 揭榜挂帅 rules and leave a challenge_events record
        event = challenge_on_update(w.reader, kind, current, changed, op.reason, w.batch, w.today())
        return w.create(Create("challenge_events", event)) if event else Changes()
    return hook


hooks.register("milestones", before_create=milestone_created, before_update=milestone_updated)
hooks.register("units", before_delete=unit_deleted)
hooks.register("attachments", before_create=attachment_created)
for _kind in ("tranches", "reviews"):
    hooks.register(_kind, before_create=_created(_kind))
for _kind in ("challenges", "tranches", "reviews"):
    hooks.register(_kind, before_update=_updated(_kind))
hooks.register("problems", before_create=problem_rules.problem_created,
               after_create=problem_rules.problem_written, before_update=problem_rules.problem_updated)
