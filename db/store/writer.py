"""The one write path. Every mutation of synced records goes through `apply()`.

It validates values and references, runs the kinds' own rules (registered hooks, see
store/hooks.py and db/rules.py: a re-plan keeps its slip in the log, the baseline is set once, a
challenge's stage moves by its gates), keeps append-only logs append-only, deletes as tombstones
(cascading to children), stamps a hybrid-logical-clock on every changed cell, and returns Changes.
A merge's rows are written by `put_merged`, through the same row writer.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from functools import cache

from db.clock import WallClock
from db.errors import NotFound, ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS, Kind
from db.store import hlc as hlc_mod
from db.store import hooks, records
from db.store.changes import Changes, Create, Delete, Op, RecordChange, Restore, Update
from db.store.values import check

MSG_UNKNOWN_FIELD = QT_TRANSLATE_NOOP("errors", "{record}：没有名为“{field}”的字段。可用字段：{fields}")
MSG_READONLY = QT_TRANSLATE_NOOP("errors", "{record}：「{field}」由系统维护，不能直接修改")
MSG_BAD_REF = QT_TRANSLATE_NOOP("errors", "{record}：「{field}」引用的记录 {value} 不存在或已删除")
MSG_LOG_FIXED = QT_TRANSLATE_NOOP("errors", "调整记录只能追加，不能修改或删除")
MSG_ID_TAKEN = QT_TRANSLATE_NOOP("errors", "{record}：编号 {id} 已被一条{other}记录使用")
MSG_DELETED = QT_TRANSLATE_NOOP("errors", "{record} 已被删除，不能修改")


@cache
def _defaults(kind_name: str) -> dict:
    return {f.name: f.default for f in KINDS[kind_name].fields if f.default is not None}


@cache
def _required(kind_name: str) -> tuple:
    return tuple(f for f in KINDS[kind_name].fields if f.required)


@cache
def _ref_fields(kind_name: str) -> dict:
    """The kind's fields that point at records (checked to be live), by name."""
    return {f.name: f for f in KINDS[kind_name].fields if f.type in ("ref", "reflist")}


class Writer:
    def __init__(self, conn: sqlite3.Connection, clock: hlc_mod.Ticker, wallclock: WallClock):
        self._db = conn
        self.clock = clock
        self.wallclock = wallclock  # the portfolio's date and time (rules stamp records with it)
        self.today = wallclock.today
        self.reader = records.Reader(conn)  # what the hooks read (rows as this transaction has them)
        self.batch = Changes()  # what the current apply did so far (rules look back at it)
        self._live: set[tuple[str, str]] = set()  # (kind, id) found live in this apply (_set_deleted unsets)

    def create(self, op: Create) -> Changes:
        """Create a side record from a hook (with every rule of its own kind)."""
        return self._create(op, undo=False)

    # -- entry point ---------------------------------------------------------------------
    def apply(self, ops: Sequence[Op], *, undo: bool = False) -> Changes:
        """Apply ops inside the caller's transaction. undo=True replays inverse ops verbatim."""
        changes = Changes()
        self.batch = changes
        self._live = set()  # (a rolled-back savepoint between applies may have removed any of them)
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
        field_named = kind.fields_by_name.get  # (kind.field, without a call per field)
        for name, value in fields.items():
            f = field_named(name)
            if f is None:
                raise ValidationError(MSG_UNKNOWN_FIELD, record=label, field=name,
                                      fields=", ".join(x.name for x in kind.fields))
            if f.readonly and not undo and not creating:
                raise ValidationError(MSG_READONLY, record=label, field=name)
            out[name] = check(kind, f, value, label)
        return out

    def _check_refs(self, kind: Kind, values: dict, label: str) -> None:
        refs = _ref_fields(kind.name)
        for name, value in values.items():
            f = refs.get(name)
            if f is None:
                continue
            if f.type == "ref":
                if value is None:
                    continue
                targets = [value]
            else:
                targets = value
            assert f.ref is not None  # a ref or reflist field names its kind
            for target in targets:
                if (f.ref, target) in self._live:  # (an import names the same few units thousands of times)
                    continue
                if not records.is_live(self._db, KINDS[f.ref], target):
                    raise ValidationError(MSG_BAD_REF, record=label, field=tr(f.label), value=target)
                self._live.add((f.ref, target))

    def put_merged(self, kind: Kind, row_id: str, values: dict, *, new: bool, deleted: bool,
                   clocks: dict[str, str], created_hlc: str) -> None:
        """Write a row as a merge decided it, cell clocks included (no rules: the values were
        checked where they were made and by the received-file check)."""
        self._live.discard((kind.name, row_id))
        records.write_row(self._db, kind, row_id, values, new=new, deleted=int(deleted), clocks=clocks,
                          created_hlc=created_hlc)

    # -- create --------------------------------------------------------------------------
    def _create(self, op: Create, undo: bool) -> Changes:
        kind = self._kind(op.kind)
        label = records.label(kind, op.fields)
        values = dict(_defaults(kind.name))
        values.update(self._clean(kind, op.fields, label, undo, creating=True))
        for f in _required(kind.name):
            if values.get(f.name) in (None, ""):
                values[f.name] = check(kind, f, None, label)  # raises "required"
        row_id = op.id or str(uuid.uuid4())
        holders = records.kinds_holding(self._db, row_id) if op.id and not op.fresh else []
        if kind.name in holders:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{record}：编号 {id} 已存在"),
                                  record=label, id=row_id)
        if holders:  # ids are unique across kinds: `set`/`delete` find a record by its id alone
            raise ValidationError(MSG_ID_TAKEN, record=label, id=row_id, other=tr(KINDS[holders[0]].label))
        self._check_refs(kind, values, label)
        extra = Changes()
        for hook in hooks.of(kind.name).before_create:
            extra.extend(hook(self, values, label, undo) or Changes())
        stamp = self.clock.tick()
        records.write_row(self._db, kind, row_id, values, new=True, stamp=stamp)
        after = dict(values)
        result = Changes([RecordChange(kind.name, row_id, "create", {}, after)])
        result.extend(extra)
        for hook in hooks.of(kind.name).after_create:
            result.extend(hook(self, row_id, values, label, undo) or Changes())
        return result

    # -- update --------------------------------------------------------------------------
    def _update(self, op: Update, undo: bool) -> Changes:
        kind = self._kind(op.kind)
        current = records.get(self._db, kind, op.id, include_deleted=True)
        if current is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
                           id=op.id, kind=tr(kind.label))
        label = records.label(kind, current)
        if kind.append_only and not undo:
            raise ValidationError(MSG_LOG_FIXED)
        if current["deleted"] and not undo:
            raise ValidationError(MSG_DELETED, record=label)
        values = self._clean(kind, op.fields, label, undo, creating=False)
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if not changed:
            return Changes()
        self._check_refs(kind, changed, label)
        side = Changes()
        for hook in hooks.of(kind.name).before_update:
            side.extend(hook(self, op, current, changed, label, undo) or Changes())
        stamp = self.clock.tick()
        records.write_row(self._db, kind, op.id, changed, new=False, stamp=stamp)
        before = {k: current.get(k) for k in changed}
        result = Changes([RecordChange(kind.name, op.id, "update", before, dict(changed))])
        result.extend(side)
        return result

    # -- delete / restore ----------------------------------------------------------------
    def _set_deleted(self, kind_name: str, row_id: str, deleted: bool, undo: bool,
                     cascade: bool = False) -> Changes:
        kind = self._kind(kind_name)
        current = records.get(self._db, kind, row_id, include_deleted=True)
        if current is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
                           id=row_id, kind=tr(kind.label))
        if kind.append_only and not (undo or cascade):
            raise ValidationError(MSG_LOG_FIXED)
        if bool(current["deleted"]) == deleted:
            return Changes()
        label = records.label(kind, current)
        self._live.discard((kind.name, row_id))
        if deleted:
            for hook in hooks.of(kind.name).before_delete:
                hook(self, current, label, undo)
        result = Changes()
        stamp = self.clock.tick()
        records.write_row(self._db, kind, row_id, {}, new=False, stamp=stamp, deleted=int(deleted))
        result.records.append(RecordChange(kind.name, row_id, "delete" if deleted else "restore",
                                           {"deleted": not deleted}, {"deleted": deleted}))
        if deleted and not undo:  # undo restores children through their own inverse ops
            for child_kind, fk in kind.children:
                for child_id in records.live_children(self._db, KINDS[child_kind], fk, row_id):
                    result.extend(self._set_deleted(child_kind, child_id, True, undo, cascade=True))
        return result
