"""Merging a received portfolio file into ours: per-cell newest-clock-wins (DESIGN §5).

Convergent by construction: every cell ends with the value of the larger clock (ties, which only
the built-in clock can produce, broken by the value), so merging is idempotent, commutative and
order-free; different fields of one record survive independently; a delete is a clock-stamped
`deleted` cell, so a stale file cannot bring a record back, while an edit made after a delete
(by clock) resurrects it and is reported. When both sides changed the same cell since they last
exchanged (neither had seen the other's value), the winner is still the larger clock but the
losing value is kept in merge_conflicts for the user to review.
"""
from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db.attachments import received as received_attachments
from db.exchange.duplicates import find_duplicates
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS
from db.store import blobs, hlc, outputs, records, sync, sync_state
from db.store.changes import Changes
from db.store.received import Incoming, RefusedFile, read

if TYPE_CHECKING:
    from db.portfolio import Portfolio

ACTIONS = ("added", "updated", "deleted", "conflicts", "duplicates")
MSG_ITSELF = QT_TRANSLATE_NOOP("merge", "“{path}”就是要合并进去的组合文件本身，不能把它合并到自己")


@dataclass
class CellChange:
    kind: str
    id: str
    label: str
    field: str
    mine: object
    theirs: object
    conflict: bool = False


@dataclass
class MergePlan:
    incoming: Incoming
    rows: dict = field(default_factory=dict)  # (kind, id) -> merged row to write
    counts: dict = field(default_factory=lambda: {k: {a: 0 for a in ACTIONS} for k in KINDS})
    changes: list[CellChange] = field(default_factory=list)
    conflicts: list[CellChange] = field(default_factory=list)
    resurrected: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    blobs: dict = field(default_factory=dict)  # sha256 -> checked Blob to add (attached files we lack)
    merge_id: str | None = None  # set once applied
    backup: Path | None = None  # the copy taken before applying
    changes_made: Changes = field(default_factory=Changes)  # what applying changed (everything)
    # (kind, id, field) of each conflict -> (our clock, their clock, whether theirs won)
    conflict_clocks: dict = field(default_factory=dict)

    def totals(self) -> dict:
        return {a: sum(c[a] for c in self.counts.values()) for a in ACTIONS}

    def to_json(self) -> dict:
        return {
            "source": str(self.incoming.path), "source_site": self.incoming.site_id,
            "counts": self.counts, "totals": self.totals(),
            "changes": [vars(c) for c in self.changes],
            "conflicts": [vars(c) for c in self.conflicts],
            "duplicates": self.duplicates,
            "resurrected": [{"kind": k, "id": i} for k, i in self.resurrected],
            "blobs_added": sorted(self.blobs),
        }


@functools.cache
def _cells(kind_name: str) -> tuple[str, ...]:
    """The names a row has a clock for: its fields and `deleted`."""
    return (*(f.name for f in KINDS[kind_name].fields), "deleted")


def _effective_clocks(kind, row) -> dict[str, str]:
    explicit = json.loads(row["cell_clocks"] or "{}")
    created = row["created_hlc"]
    return {name: explicit.get(name, created) for name in _cells(kind.name)}


def _wins(theirs_clock: str, theirs_value, mine_clock: str, mine_value) -> bool:
    if theirs_clock != mine_clock:
        return theirs_clock > mine_clock
    return json.dumps(theirs_value, ensure_ascii=False, sort_keys=True) > \
        json.dumps(mine_value, ensure_ascii=False, sort_keys=True)


def _seen(watermarks: dict[str, str], clock: str) -> bool:
    """Had the holder of these watermarks already received this cell's value?"""
    site = hlc.parse(clock)[2]
    return site == hlc.BUILTIN_SITE or clock <= watermarks.get(site, "")


def local_watermarks(pf: Portfolio) -> dict[str, str]:
    with pf.read() as db:
        marks = sync.watermarks(db)
    marks[pf.site_id] = pf.clock.last
    return marks


def remote_watermarks(incoming: Incoming) -> dict[str, str]:
    marks = dict(incoming.peers)
    if incoming.site_id:  # "" for a file nobody has edited since it was exported: no site of its own
        marks[incoming.site_id] = max(incoming.max_clock, marks.get(incoming.site_id, ""))
    return marks


def plan(pf: Portfolio, incoming: Incoming) -> MergePlan:
    with pf.read() as db:
        return _plan(pf, db, incoming)


def _plan(pf: Portfolio, db, incoming: Incoming) -> MergePlan:
    result = MergePlan(incoming)
    mine_seen, theirs_seen = local_watermarks(pf), remote_watermarks(incoming)
    for kind_name, rows in incoming.rows.items():
        kind = KINDS[kind_name]
        counts = result.counts[kind_name]
        held = sync.raw_rows(db, kind, rows)  # ours of these ids, in one look-up per few thousand
        for rid, theirs in rows.items():
            raw = held.get(rid)
            if raw is None:
                result.rows[(kind_name, rid)] = {"new": True, "values": theirs["values"],
                                                 "deleted": theirs["deleted"], "clocks": theirs["clocks"],
                                                 "created_hlc": theirs["created_hlc"]}
                if not theirs["deleted"]:
                    counts["added"] += 1
                continue
            mine = records.decoded(kind, raw)
            mine_clocks = _effective_clocks(kind, raw)
            merged_values, merged_clocks = {}, dict(mine_clocks)
            merged_deleted = mine["deleted"]
            touched = []
            their_values, their_clocks = theirs["values"], theirs["clocks"]
            for name in _cells(kind_name):
                mv = mine[name]  # decoded rows and received rows both hold `deleted` as a bool
                tv = theirs["deleted"] if name == "deleted" else their_values[name]
                mc, tc = mine_clocks[name], their_clocks[name]
                if mc == tc and mv == tv:
                    continue
                concurrent = mv != tv and not _seen(theirs_seen, mc) and not _seen(mine_seen, tc)
                theirs_win = _wins(tc, tv, mc, mv)
                if concurrent:
                    result.conflict_clocks[(kind_name, rid, name)] = (mc, tc, theirs_win)
                if theirs_win:
                    merged_clocks[name] = tc
                    if name == "deleted":
                        merged_deleted = tv
                    else:
                        merged_values[name] = tv
                    if mv != tv:
                        touched.append(CellChange(kind_name, rid, theirs["label"], name, mv, tv, concurrent))
                elif concurrent:
                    touched.append(CellChange(kind_name, rid, theirs["label"], name, mv, tv, True))
            # an edit made after the delete (by clock) brings the record back
            if merged_deleted:
                newest_edit = max(c for n, c in merged_clocks.items() if n != "deleted")
                if newest_edit > merged_clocks["deleted"]:
                    merged_deleted = False
                    merged_clocks["deleted"] = newest_edit
                    result.resurrected.append((kind_name, rid))
            if mine["deleted"] and not merged_deleted and (kind_name, rid) not in result.resurrected:
                result.resurrected.append((kind_name, rid))
            applied = [c for c in touched if c.field == "deleted" or c.field in merged_values]
            if merged_values or merged_deleted != mine["deleted"] or merged_clocks != mine_clocks:
                result.rows[(kind_name, rid)] = {"new": False, "values": merged_values,
                                                 "deleted": merged_deleted, "clocks": merged_clocks,
                                                 "created_hlc": raw["created_hlc"]}
            if merged_deleted and not mine["deleted"]:
                counts["deleted"] += 1
            elif any(c.field != "deleted" for c in applied) or (mine["deleted"] and not merged_deleted):
                counts["updated"] += 1
            result.changes.extend(c for c in applied if c.field != "deleted")
            for c in touched:
                if c.conflict:
                    counts["conflicts"] += 1
                    result.conflicts.append(c)
    result.duplicates = find_duplicates(pf, incoming)
    for d in result.duplicates:
        result.counts[d["kind"]]["duplicates"] += 1
    return result


def _write(pf: Portfolio, db, plan_: MergePlan) -> None:
    for blob in plan_.blobs.values():  # by hash: one already here stays as it is
        blobs.put(db, blob)
    for (kind_name, rid), row in plan_.rows.items():
        kind = KINDS[kind_name]
        values = row["values"]
        if row["new"]:
            values = {f.name: values[f.name] for f in kind.fields}
        pf.writer.put_merged(kind, rid, values, new=row["new"], deleted=row["deleted"],
                             clocks=row["clocks"], created_hlc=row["created_hlc"])


def _references_written(plan_: MergePlan) -> dict[str, list[str]]:
    """The written rows whose references may have changed: new rows, and rows a reference field
    of which was written. A merge deletes no row (a delete is a tombstone) and changes no id, so
    the references of the other rows are the ones our file already held."""
    out: dict[str, list[str]] = {}
    for (kind_name, rid), row in plan_.rows.items():
        if row["new"] or any(name in _references(kind_name) for name in row["values"]):
            out.setdefault(kind_name, []).append(rid)
    return out


@functools.cache
def _references(kind_name: str) -> frozenset[str]:
    return frozenset(f.name for f in KINDS[kind_name].fields if f.type in ("ref", "reflist"))


def _covered(db, incoming: Incoming, marks: dict[str, str]) -> dict[str, str]:
    """How far we have now seen each site. A whole file: as far as its sender had. A changeset
    carries a site's cells from `since` to `upto`: it moves our watermark of that site only if we
    had that site's cells up to `since` already (so a changeset merged out of order or a
    one-site changeset claims nothing it does not hold)."""
    if incoming.changeset is None:
        return marks
    mine = sync.watermarks(db)
    since, upto = incoming.changeset["since"], incoming.changeset["upto"]
    return {site: last for site, last in upto.items() if mine.get(site, "") >= since.get(site, "")}


def _record_bookkeeping(pf: Portfolio, db, plan_: MergePlan, source: Path, backup: Path | None) -> str:
    incoming = plan_.incoming
    marks = remote_watermarks(incoming)
    for site, last in _covered(db, incoming, marks).items():
        if site != pf.site_id:
            sync.note_peer(db, site, last, pf.stamp())
    sync_state.note_acks(db, incoming.site_id, marks)  # what the sender has: see changeset.for_peer
    pf.clock.observe(incoming.max_clock)
    merge_id = str(uuid.uuid4())
    summary = {"counts": plan_.counts, "totals": plan_.totals(), "resurrected": len(plan_.resurrected),
               "duplicates": plan_.duplicates}
    sync.add_merge(db, merge_id, pf.stamp(), str(source),
                   incoming.site_id, str(backup) if backup else None, summary)
    for c in plan_.conflicts:  # each side's value with the clock that side wrote it with
        mine_clock, theirs_clock, theirs_won = plan_.conflict_clocks[(c.kind, c.id, c.field)]
        winner, loser = ((c.theirs, theirs_clock), (c.mine, mine_clock)) if theirs_won else \
            ((c.mine, mine_clock), (c.theirs, theirs_clock))
        sync.add_conflict(db, str(uuid.uuid4()), merge_id, c.kind, c.id, c.field, *winner, *loser)
    return merge_id


def merge(pf: Portfolio, source: Path, *, dry_run: bool = False, backup: bool = True,
          taken: Path | None = None, after: Callable[[object], None] | None = None) -> MergePlan:
    """Check, plan and (unless dry_run) apply a received file in one transaction, after a backup.
    The plan's `changes_made` is Changes.everything_changed() once applied (rows of any kind moved).
    backup=False: the caller took one already (a sync round: the day's before-sync backup, not one
    per changeset), given as `taken` — recorded as the merge's backup, what undoing it restores.
    `after(db)` runs inside the merge's transaction (a sync records its receipt or cursor there,
    so the merge and the note that it happened commit together)."""
    if not dry_run:
        pf.require_writable()
    if outputs.same_file(source, pf.path):
        raise RefusedFile(MSG_ITSELF, path=Path(source).name)
    with pf.read() as db:
        held = {sha for sha, _size, _type in blobs.listing(db)}
    # what we hold is looked up for the file's ids only: the cost of the file, not of ours
    incoming = read(Path(source), local=pf.read, local_blobs=held, local_file=pf.path, seen=local_watermarks(pf))
    checked = received_attachments.check(incoming)  # what the new files are, before anything is written
    with pf.read():  # held throughout: nothing changes between the plan and its writing
        # the backup copied beside the plan (its I/O and SQLite's copying without Python's lock)
        beside = pf.backup_beside("before-merge") if backup and not dry_run else None
        try:
            result = plan(pf, incoming)
        except BaseException:
            if beside is not None:
                beside.discard()
            raise
        result.blobs = checked
        if dry_run:
            return result
        copy = beside.wait() if beside is not None else taken
        with pf.write("merge") as db:
            sync.defer_foreign_keys(db)
            _write(pf, db, result)
            problems = sync.dangling_references_of(db, _references_written(result))
            if problems:
                raise AssertionError(f"merge left dangling references: {problems[:3]}")
            result.merge_id = _record_bookkeeping(pf, db, result, Path(source), copy)
            if after is not None:
                after(db)
        result.backup = copy
        result.changes_made = Changes.everything_changed()
    return result
