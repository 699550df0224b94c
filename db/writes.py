"""The one write path. Every mutation of synced records goes through `apply()`.

It validates values, enforces the domain rules that keep the ledger honest (a re-plan keeps
its slip in the log, the baseline is set once, a record is deleted as a tombstone), stamps a
hybrid-logical-clock on every changed cell, and returns Changes.
"""
from __future__ import annotations

import json
import sqlite3
import uuid

from db import challenge_rules
from db import hlc as hlc_mod
from db import records
from db.clock import WallClock
from db.changes import Changes, Create, Delete, Op, RecordChange, Restore, Update
from db.errors import NotFound, ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS, Kind
from db.values import check, parse_date, to_sql

MSG_UNKNOWN_FIELD = QT_TRANSLATE_NOOP("errors", "{record}：没有名为“{field}”的字段。可用字段：{fields}")
MSG_READONLY = QT_TRANSLATE_NOOP("errors", "{record}：「{field}」由系统维护，不能直接修改")
MSG_NO_REASON = QT_TRANSLATE_NOOP("errors", "{record}：计划日期由 {old} 调整为 {new} 属于重新计划，必须填写调整原因")
MSG_OWNER = QT_TRANSLATE_NOOP("errors", "{record}：里程碑必须属于一个项目或一个揭榜方（二者选一）")
MSG_BAD_REF = QT_TRANSLATE_NOOP("errors", "{record}：「{field}」引用的记录 {value} 不存在或已删除")
MSG_LOG_FIXED = QT_TRANSLATE_NOOP("errors", "调整记录只能追加，不能修改或删除")
MSG_UNIT_IN_USE = QT_TRANSLATE_NOOP("errors", "{record} 仍被 {count} 条记录引用，不能删除")
MSG_DELETED = QT_TRANSLATE_NOOP("errors", "{record} 已被删除，不能修改")
MSG_NO_CLEAR = QT_TRANSLATE_NOOP("errors", "{record}：计划日期已承诺（基线 {baseline}），不能清空；请改为新的日期并说明原因")

# Deleting a parent tombstones these children with it (kind, foreign key field).
CASCADE = {
    "projects": [("milestones", "project_id")],
    "challenges": [("teams", "challenge_id"), ("challenge_events", "challenge_id")],
    "teams": [("milestones", "team_id"), ("reviews", "team_id"), ("tranches", "team_id")],
    "indicators": [("indicator_values", "indicator_id")],
    "milestones": [("replans", "milestone_id")],
}


class Writer:
    def __init__(self, conn: sqlite3.Connection, clock: hlc_mod.Clock, wallclock: WallClock):
        self.conn = conn
        self.clock = clock
        self.wallclock = wallclock
        self.today = wallclock.today

    # -- entry point ---------------------------------------------------------------------
    def apply(self, ops: list[Op], *, undo: bool = False) -> Changes:
        """Apply ops inside the caller's transaction. undo=True replays inverse ops verbatim."""
        changes = Changes()
        self._batch = changes  # what this apply did so far (the challenge rules look back at it)
        for op in ops:
            if isinstance(op, Create):
                changes.extend(self._create(op, undo))
            elif isinstance(op, Update):
                changes.extend(self._update(op, undo))
            elif isinstance(op, Delete):
                changes.extend(self._set_deleted(op.kind, op.id, True, undo))
            elif isinstance(op, Restore):
                changes.extend(self._set_deleted(op.kind, op.id, False, undo))
            else:
                raise TypeError(op)
        return changes

    # -- helpers -------------------------------------------------------------------------
    def _kind(self, name: str) -> Kind:
        kind = KINDS.get(name)
        if kind is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "未知的记录类型“{kind}”"), kind=name)
        return kind

    def _clean(self, kind: Kind, fields: dict, label: str, undo: bool, creating: bool) -> dict:
        out = {}
        for name, value in fields.items():
            f = kind.field(name)
            if f is None:
                raise ValidationError(MSG_UNKNOWN_FIELD, record=label, field=name,
                                      fields=", ".join(x.name for x in kind.fields))
            if f.readonly and not undo and not creating:
                raise ValidationError(MSG_READONLY, record=label, field=name)
            out[name] = check(kind, f, value, label)
        return out

    def _check_refs(self, kind: Kind, values: dict, label: str) -> None:
        for name, value in values.items():
            f = kind.field(name)
            if f.type == "ref" and value is not None:
                targets = [value]
            elif f.type == "reflist":
                targets = value
            else:
                continue
            for target in targets:
                if not records.is_live(self.conn, KINDS[f.ref], target):
                    raise ValidationError(MSG_BAD_REF, record=label, field=tr(f.label), value=target)

    def _write_row(self, kind: Kind, row_id: str, values: dict, stamp: str, *, new: bool,
                   deleted: int | None = None, created_hlc: str | None = None) -> None:
        if new:
            cols = ["id", *values.keys(), "deleted", "created_hlc", "cell_clocks"]
            params = [row_id, *(to_sql(kind.field(c), v) for c, v in values.items()), 0,
                      created_hlc or stamp, "{}"]
            self.conn.execute(
                f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                params)
            return
        clocks = json.loads(self.conn.execute(
            f"SELECT cell_clocks FROM {kind.table} WHERE id=?", (row_id,)).fetchone()[0])
        sets, params = [], []
        for c, v in values.items():
            sets.append(f"{c}=?")
            params.append(to_sql(kind.field(c), v))
            clocks[c] = stamp
        if deleted is not None:
            sets.append("deleted=?")
            params.append(deleted)
            clocks["deleted"] = stamp
        sets.append("cell_clocks=?")
        params.append(json.dumps(clocks, sort_keys=True))
        self.conn.execute(f"UPDATE {kind.table} SET {', '.join(sets)} WHERE id=?", [*params, row_id])

    # -- create --------------------------------------------------------------------------
    def _create(self, op: Create, undo: bool) -> Changes:
        kind = self._kind(op.kind)
        label = records.label(kind, op.fields)
        values = {f.name: f.default for f in kind.fields if f.default is not None}
        values.update(self._clean(kind, op.fields, label, undo, creating=True))
        for f in kind.fields:
            if f.required and values.get(f.name) in (None, ""):
                values[f.name] = check(kind, f, None, label)  # raises "required"
        row_id = op.id or str(uuid.uuid4())
        if records.exists(self.conn, kind, row_id):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{record}：编号 {id} 已存在"),
                                  record=label, id=row_id)
        self._check_refs(kind, values, label)
        extra = Changes()
        if kind.name == "milestones":
            self._milestone_rules(values, {}, label, undo)
        if kind.name in ("tranches", "reviews") and not undo:
            challenge_rules.on_create(self.conn, kind.name, values)
        stamp = self.clock.tick()
        self._write_row(kind, row_id, values, stamp, new=True)
        after = {k: v for k, v in values.items()}
        result = Changes([RecordChange(kind.name, row_id, "create", {}, after)])
        result.extend(extra)
        return result

    # -- update --------------------------------------------------------------------------
    def _update(self, op: Update, undo: bool) -> Changes:
        kind = self._kind(op.kind)
        current = records.get(self.conn, kind, op.id, include_deleted=True)
        if current is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
                           id=op.id, kind=tr(kind.label))
        label = records.label(kind, current)
        if kind.name == "replans" and not undo:
            raise ValidationError(MSG_LOG_FIXED)
        if current["deleted"] and not undo:
            raise ValidationError(MSG_DELETED, record=label)
        values = self._clean(kind, op.fields, label, undo, creating=False)
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if not changed:
            return Changes()
        self._check_refs(kind, changed, label)
        side = Changes()
        if kind.name == "milestones" and not undo:
            side = self._milestone_update_rules(op, current, changed, label)
        if kind.name in ("challenges", "tranches", "reviews") and not undo:
            # stage changes follow the 揭榜挂帅 rules and leave a challenge_events record
            event = challenge_rules.on_update(self.conn, kind.name, current, changed, op.reason,
                                              getattr(self, "_batch", None), self.today())
            if event:
                side.extend(self._create(Create("challenge_events", event), undo=False))
        stamp = self.clock.tick()
        self._write_row(kind, op.id, changed, stamp, new=False)
        before = {k: current.get(k) for k in changed}
        result = Changes([RecordChange(kind.name, op.id, "update", before, dict(changed))])
        result.extend(side)
        return result

    # -- delete / restore ----------------------------------------------------------------
    def _set_deleted(self, kind_name: str, row_id: str, deleted: bool, undo: bool,
                     cascade: bool = False) -> Changes:
        kind = self._kind(kind_name)
        current = records.get(self.conn, kind, row_id, include_deleted=True)
        if current is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
                           id=row_id, kind=tr(kind.label))
        if kind.name == "replans" and not (undo or cascade):
            raise ValidationError(MSG_LOG_FIXED)
        if bool(current["deleted"]) == deleted:
            return Changes()
        label = records.label(kind, current)
        if deleted and not undo and kind.name == "units":
            count = records.count_references(self.conn, row_id)
            if count:
                raise ValidationError(MSG_UNIT_IN_USE, record=label, count=count)
        result = Changes()
        stamp = self.clock.tick()
        self._write_row(kind, row_id, {}, stamp, new=False, deleted=int(deleted))
        result.records.append(RecordChange(kind.name, row_id, "delete" if deleted else "restore",
                                           {"deleted": not deleted}, {"deleted": deleted}))
        if deleted and not undo:  # undo restores children through their own inverse ops
            for child_kind, fk in CASCADE.get(kind.name, []):
                for child_id in records.live_children(self.conn, KINDS[child_kind], fk, row_id):
                    result.extend(self._set_deleted(child_kind, child_id, True, undo, cascade=True))
        return result

    # -- milestone rules -----------------------------------------------------------------
    def _milestone_rules(self, values: dict, current: dict, label: str, undo: bool) -> None:
        merged = {**current, **values}
        if bool(merged.get("project_id")) == bool(merged.get("team_id")):
            raise ValidationError(MSG_OWNER, record=label)
        if undo:
            return
        if merged.get("planned_date") and not merged.get("baseline_date"):
            values["baseline_date"] = merged["planned_date"]
        if values.get("status") == "已完成" and not merged.get("actual_date"):
            values["actual_date"] = self.today().isoformat()
        # An actual completion date means done, whoever writes it (form, CLI, 调度表, import);
        # reopening a done milestone takes its actual date away (issue #21).
        if values.get("actual_date") and merged.get("status") not in ("已完成", "取消"):
            values["status"] = "已完成"
        elif (current and "actual_date" not in values and merged.get("actual_date")
              and values.get("status") not in (None, "已完成", "取消")):
            values["actual_date"] = None

    def _milestone_update_rules(self, op: Update, current: dict, changed: dict, label: str) -> Changes:
        self._milestone_rules(changed, current, label, False)
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
        days = (parse_date(new) - parse_date(old)).days
        return self._create(Create("replans", {
            "milestone_id": op.id, "old_date": old, "new_date": new, "days": days,
            "reason": op.reason.strip(), "approved_by": op.approved_by,
            "recorded_at": self.wallclock.stamp(),
        }), undo=False)
