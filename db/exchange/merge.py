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

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from db.store import hlc
from db.store.connection import copy_database, transaction
from db.exchange.duplicates import find_duplicates
from db.exchange.received import Incoming, read
from db.model import KINDS
from db.store.schema import backup_path
from db.store.values import to_sql

ACTIONS = ("added", "updated", "deleted", "conflicts", "duplicates")


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
        }


def _effective_clocks(kind, row) -> dict[str, str]:
    explicit = json.loads(row["cell_clocks"] or "{}")
    return {name: explicit.get(name, row["created_hlc"]) for name in
            [f.name for f in kind.fields] + ["deleted"]}


def _wins(theirs_clock: str, theirs_value, mine_clock: str, mine_value) -> bool:
    if theirs_clock != mine_clock:
        return theirs_clock > mine_clock
    return json.dumps(theirs_value, ensure_ascii=False, sort_keys=True) > \
        json.dumps(mine_value, ensure_ascii=False, sort_keys=True)


def _seen(watermarks: dict[str, str], clock: str) -> bool:
    """Had the holder of these watermarks already received this cell's value?"""
    site = hlc.parse(clock)[2]
    return site == hlc.BUILTIN_SITE or clock <= watermarks.get(site, "")


def local_watermarks(pf) -> dict[str, str]:
    marks = {r[0]: r[1] for r in pf.conn.execute("SELECT site_id, last_hlc FROM peers")}
    marks[pf.site_id] = pf.clock.last
    return marks


def remote_watermarks(incoming: Incoming) -> dict[str, str]:
    marks = dict(incoming.peers)
    marks[incoming.site_id] = max(incoming.max_clock, marks.get(incoming.site_id, ""))
    return marks


def plan(pf, incoming: Incoming) -> MergePlan:
    from db.store.records import get as get_record
    result = MergePlan(incoming)
    mine_seen, theirs_seen = local_watermarks(pf), remote_watermarks(incoming)
    for kind_name, rows in incoming.rows.items():
        kind = KINDS[kind_name]
        counts = result.counts[kind_name]
        for rid, theirs in rows.items():
            raw = pf.conn.execute(f"SELECT * FROM {kind.table} WHERE id=?", (rid,)).fetchone()
            if raw is None:
                result.rows[(kind_name, rid)] = {"new": True, "values": theirs["values"],
                                                 "deleted": theirs["deleted"], "clocks": theirs["clocks"],
                                                 "created_hlc": theirs["created_hlc"]}
                if not theirs["deleted"]:
                    counts["added"] += 1
                continue
            mine = get_record(pf.conn, kind, rid, include_deleted=True)
            mine_clocks = _effective_clocks(kind, raw)
            merged_values, merged_clocks = {}, dict(mine_clocks)
            merged_deleted = mine["deleted"]
            touched = []
            for name in [f.name for f in kind.fields] + ["deleted"]:
                mv = mine["deleted"] if name == "deleted" else mine[name]
                tv = theirs["deleted"] if name == "deleted" else theirs["values"][name]
                mc, tc = mine_clocks[name], theirs["clocks"][name]
                if mc == tc and mv == tv:
                    continue
                concurrent = mv != tv and not _seen(theirs_seen, mc) and not _seen(mine_seen, tc)
                if _wins(tc, tv, mc, mv):
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


def _write(pf, plan_: MergePlan) -> None:
    for (kind_name, rid), row in plan_.rows.items():
        kind = KINDS[kind_name]
        created = row["created_hlc"]
        clocks = {n: c for n, c in row["clocks"].items() if c != created}
        if row["new"]:
            cols = ["id", *(f.name for f in kind.fields), "deleted", "created_hlc", "cell_clocks"]
            params = [rid, *(to_sql(f, row["values"][f.name]) for f in kind.fields), int(row["deleted"]),
                      created, json.dumps(clocks, sort_keys=True)]
            pf.conn.execute(f"INSERT INTO {kind.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            params)
        else:
            sets = [f"{n}=?" for n in row["values"]] + ["deleted=?", "cell_clocks=?"]
            params = [to_sql(kind.field(n), v) for n, v in row["values"].items()]
            params += [int(row["deleted"]), json.dumps(clocks, sort_keys=True), rid]
            pf.conn.execute(f"UPDATE {kind.table} SET {', '.join(sets)} WHERE id=?", params)


def _record_bookkeeping(pf, plan_: MergePlan, source: Path, backup: Path | None) -> str:
    incoming = plan_.incoming
    for site, last in remote_watermarks(incoming).items():
        if site == pf.site_id:
            continue
        pf.conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES(?, ?, ?) "
                        "ON CONFLICT(site_id) DO UPDATE SET last_hlc=max(last_hlc, excluded.last_hlc), "
                        "last_merged_at=excluded.last_merged_at",
                        (site, last, dt.datetime.now().isoformat(timespec="seconds")))
    pf.clock.observe(incoming.max_clock)
    pf.conn.execute("INSERT INTO meta(key, value) VALUES('hlc_last', ?) ON CONFLICT(key) DO UPDATE "
                    "SET value=excluded.value", (pf.clock.last,))
    merge_id = str(uuid.uuid4())
    summary = {"counts": plan_.counts, "totals": plan_.totals(), "resurrected": len(plan_.resurrected),
               "duplicates": plan_.duplicates}
    pf.conn.execute("INSERT INTO merge_history(id, merged_at, source_file, source_site, backup_file, summary) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (merge_id, dt.datetime.now().isoformat(timespec="seconds"), str(source),
                     incoming.site_id, str(backup) if backup else None, json.dumps(summary, ensure_ascii=False)))
    for c in plan_.conflicts:
        winner_is_theirs = c.field in plan_.rows.get((c.kind, c.id), {}).get("values", {})
        row = pf.conn.execute(f"SELECT cell_clocks, created_hlc FROM {KINDS[c.kind].table} WHERE id=?",
                              (c.id,)).fetchone()
        clock = json.loads(row[0]).get(c.field, row[1])
        theirs_clock = plan_.incoming.rows[c.kind][c.id]["clocks"][c.field]
        winner, loser = (c.theirs, c.mine) if winner_is_theirs else (c.mine, c.theirs)
        pf.conn.execute("INSERT INTO merge_conflicts(id, merge_id, tbl, row_id, col, winner_value, winner_hlc, "
                        "loser_value, loser_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (str(uuid.uuid4()), merge_id, c.kind, c.id, c.field,
                         json.dumps(winner, ensure_ascii=False), clock,
                         json.dumps(loser, ensure_ascii=False), theirs_clock if not winner_is_theirs else clock))
    return merge_id


def merge(pf, source: Path, *, dry_run: bool = False) -> MergePlan:
    """Check, plan and (unless dry_run) apply a received file in one transaction, after a backup."""
    pf._require_writable() if not dry_run else None
    known = {k: {r[0]: (r[1], r[2], r[3]) for r in pf.conn.execute(
        f"SELECT id, created_hlc, cell_clocks, deleted FROM {KINDS[k].table}")} for k in KINDS}
    incoming = read(Path(source), {k: rows.keys() for k, rows in known.items()}, known=known)
    with pf._mutex:
        result = plan(pf, incoming)
        if dry_run:
            return result
        backup = copy_database(pf.conn, backup_path(pf.path, "before-merge"))
        try:
            with transaction(pf.conn):
                pf.conn.execute("PRAGMA defer_foreign_keys=ON")
                _write(pf, result)
                problems = list(pf.conn.execute("PRAGMA foreign_key_check"))
                if problems:
                    raise AssertionError(f"merge left dangling references: {problems[:3]}")
                result.merge_id = _record_bookkeeping(pf, result, Path(source), backup)
        except Exception:
            pf.clock = hlc.Clock(pf.site_id, pf.meta("hlc_last"))
            pf.writer.clock = pf.clock
            raise
        result.backup = backup
    return result
