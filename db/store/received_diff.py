"""Which rows of a received file can change ours, found by SQLite rather than row by row in Python.

Our file is attached read-only to the received file's checked, hardened connection (after every
check of store/received.py on the file itself); SQLite joins each table with ours — by rowid
first (replicas of one file keep their rowids), by id for the rest — and hands Python only the
rows whose clocks differ from ours. Of those, a row none of whose cells can win or conflict (each
cell the very write we hold, or older than ours and already seen by us) is left out too: what is
read whole, validated and planned is what the other side changed, not the whole file.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from db.model import KINDS, Kind
from db.store import hlc

ALIAS = "ours"
LOADS = json.JSONDecoder().decode  # json.loads of a str without its per-call checks (47,000 per city merge)


def attach(conn: sqlite3.Connection, ours: Path) -> bool:
    """Attach our file read-only as `ours`; False (nothing attached) where that is not possible."""
    try:
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 1)
        conn.execute(f"ATTACH DATABASE ? AS {ALIAS}", (f"{Path(ours).resolve().as_uri()}?mode=ro",))
        conn.execute(f"SELECT count(*) FROM {ALIAS}.sqlite_master").fetchone()
    except (sqlite3.Error, OSError, ValueError):
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"DETACH DATABASE {ALIAS}")
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        return False
    return True


@dataclass
class Wanted:
    """The file's rows to read whole (rowids per kind, in file order), and the newest clock of the
    rows left out because ours supersede them (the file's newest clock counts them, as when every
    row whose clocks differ from ours was read)."""

    rowids: dict[str, list[int]] = field(default_factory=dict)
    newest: str = hlc.BUILTIN_HLC
    # kind -> rowid -> which cells ('0'/'1' per field, then deleted) differ from our row's stored
    # value, for the rows to read that we hold: a '0' cell is byte for byte ours (store/received_rows.py)
    differ: dict[str, dict[int, str]] = field(default_factory=dict)


def _names(kind: Kind) -> list[str]:
    return [f.name for f in kind.fields] + ["deleted"]


def _identical() -> str:
    return ("t.created_hlc IS o.created_hlc AND t.cell_clocks IS o.cell_clocks AND t.deleted IS o.deleted "
            "AND t.created_hlc IS NOT :builtin")


def _columns(kind: Kind, skip: str = "0") -> str:
    """The received row's clocks, ours, and which cells' stored values differ ('0'/'1' per name;
    not compared, NULL, where `skip` holds)."""
    differ = " || ".join(f"(t.{n} IS NOT o.{n})" for n in _names(kind))
    return ("t.rowid, t.id, o.rowid IS NOT NULL, t.created_hlc, t.cell_clocks, t.deleted, "
            f"o.created_hlc, o.cell_clocks, o.deleted, CASE WHEN {skip} THEN NULL ELSE {differ} END")


def _candidates(conn: sqlite3.Connection, kind: Kind) -> tuple[list[tuple], list]:
    """Rows of the file not held by us as this kind, or whose clocks are not exactly ours (built-in
    rows always: they share one clock, and two app versions may ship different built-in text); and
    the ids of every row of the file not at the same place as ours (same rowid, same id)."""
    t, params = kind.table, {"builtin": hlc.BUILTIN_HLC}
    same = f"(o.rowid IS NOT NULL AND {_identical()})"  # the very clocks we hold: left out
    same_place = conn.execute(
        f"SELECT {_columns(kind)} FROM main.{t} t NOT INDEXED JOIN {ALIAS}.{t} o ON o.rowid = t.rowid AND o.id = t.id "
        f"WHERE NOT ({_identical()})", params).fetchall()
    elsewhere = conn.execute(
        f"SELECT {_columns(kind, same)}, {same} "
        f"FROM main.{t} t NOT INDEXED LEFT JOIN {ALIAS}.{t} o ON o.id = t.id "
        f"WHERE NOT EXISTS (SELECT 1 FROM {ALIAS}.{t} r WHERE r.rowid = t.rowid AND r.id = t.id)", params).fetchall()
    return same_place + [r[:-1] for r in elsewhere if not r[-1]], [r[1] for r in elsewhere]


def _duplicate_id(conn: sqlite3.Connection, elsewhere: list) -> bool:
    """Does the file hold an id twice (in one table or across kinds)? Read from the tables
    themselves, never through an index the file could have made to hide one: the rows at the same
    place as ours (same rowid, same id) hold ids our file holds once (its primary keys, and an id
    names one record whatever its kind), so an id is twice in the file only if a row elsewhere
    (`elsewhere`: their ids, every kind) shares it with another such row or with a row at the same
    place — looked up through our index, then in the file by rowid (or, when the rows elsewhere
    are most of a small file, by grouping every id of the file)."""
    if len(set(elsewhere)) < len(elsewhere):
        return True
    ids = [i for i in elsewhere if isinstance(i, str)]
    size = sum(_last_rowid(conn, k.table) for k in KINDS.values())  # about the file's rows (no scan)
    if len(ids) * len(KINDS) >= size:  # most of a small file (a changeset) is elsewhere: group its ids
        every = " UNION ALL ".join(f"SELECT id FROM main.{k.table} NOT INDEXED" for k in KINDS.values())
        return conn.execute(f"SELECT 1 FROM ({every}) GROUP BY id HAVING count(*) > 1 LIMIT 1").fetchone() is not None
    for kind in KINDS.values():
        t = kind.table
        for n in range(0, len(ids), _BATCH):
            chunk = ids[n:n + _BATCH]
            if conn.execute(f"SELECT 1 FROM {ALIAS}.{t} o JOIN main.{t} t NOT INDEXED ON t.rowid = o.rowid AND t.id = o.id "
                            f"WHERE o.id IN ({', '.join('?' * len(chunk))}) LIMIT 1", chunk).fetchone() is not None:
                return True
    return False


_BATCH = 500  # ids per look-up (bound parameters)


def _last_rowid(conn: sqlite3.Connection, table: str) -> int:
    last = conn.execute(f"SELECT rowid FROM main.{table} NOT INDEXED ORDER BY rowid DESC LIMIT 1").fetchone()
    return last[0] if last is not None and isinstance(last[0], int) else 0


def _parsed(cell_clocks) -> dict | None:
    if not isinstance(cell_clocks, (str, type(None))):
        return None
    try:
        explicit = LOADS(cell_clocks or "{}")
    except (ValueError, RecursionError):
        return None
    return explicit if isinstance(explicit, dict) else None


def _seen(marks: Mapping[str, str], clock: str) -> bool:
    site = hlc.parse(clock)[2]
    return site == hlc.BUILTIN_SITE or clock <= marks.get(site, "")


def superseded(names: list[str], row: tuple, seen: Mapping[str, str], now_ms: int, tolerance_ms: int) -> str | None:
    """The newest of a received row's effective clocks when nothing in it can change our row; None
    when it must be read whole (or when reading it would refuse it: a bad clock, one too far ahead).

    Mirrors the merge's per-cell rule (exchange/merge.py): a cell whose clock is ours and whose
    stored value is ours is skipped there; a cell whose clock is older than ours and already seen by
    us neither wins nor conflicts. A row we hold as deleted is always read (a merge may bring it back)."""
    _rowid, _id, _held, t_created, t_clocks, t_deleted, o_created, o_clocks, o_deleted, differ = row
    if o_deleted != 0 or t_deleted not in (0, 1) or not isinstance(t_created, str):
        return None
    theirs, mine = _parsed(t_clocks), _parsed(o_clocks)
    if theirs is None or mine is None:
        return None
    if t_created == o_created:  # the same record: cells neither side has a clock of are the same write
        named = [n for n in (theirs.keys() | mine.keys()) if n in names]
    else:
        named = names
    newer = set()
    for name in named:
        tc, mc = theirs.get(name, t_created), mine.get(name, o_created)
        if tc != mc:
            if not isinstance(tc, str) or not isinstance(mc, str) or tc > mc:
                return None  # theirs can win: read it (the usual case, decided here)
            newer.add(name)
    allowed = frozenset(names)
    if not hlc.is_valid(t_created) or any(k not in allowed or not hlc.is_valid(v) for k, v in theirs.items()):
        return None
    if not isinstance(differ, str) or len(differ) != len(names):
        return None
    i = differ.find("1")
    while i >= 0:
        if names[i] not in newer:
            return None  # a cell of the same clock with another value: the merge compares the values
        i = differ.find("1", i + 1)
    if not all(_seen(seen, theirs.get(n, t_created)) for n in newer):
        return None
    newest = max(theirs.values(), default=t_created)
    if len(theirs) < len(names):
        newest = max(newest, t_created)
    if hlc.parse(max(newest, t_created))[0] > now_ms + tolerance_ms:
        return None
    return newest


def wanted(conn: sqlite3.Connection, seen: Mapping[str, str] | None, now_ms: int, tolerance_ms: int,
           kinds_of: Callable[[list[str]], dict[str, str]]) -> Wanted | None:
    """The rows to read whole, per kind. None when the file holds an id twice or one of ours of
    another kind (`kinds_of`: {id: kind} of the ids we hold): the caller's row-by-row reading then
    refuses it, naming the records."""
    found = {kind.name: _candidates(conn, kind) for kind in KINDS.values()}
    if _duplicate_id(conn, [i for _rows, elsewhere in found.values() for i in elsewhere]):
        return None
    out = Wanted()
    for kind in KINDS.values():
        names = _names(kind)
        rows = found[kind.name][0]
        not_held = [r[1] for r in rows if not r[2] and isinstance(r[1], str)]
        if not_held and any(k != kind.name for k in kinds_of(not_held).values()):
            return None
        read, differ = [], {}
        for r in rows:
            newest = superseded(names, r, seen, now_ms, tolerance_ms) if r[2] and seen is not None else None
            if newest is None:
                read.append(r[0])
                if r[2] and isinstance(r[-1], str) and len(r[-1]) == len(names):
                    differ[r[0]] = r[-1]
            else:
                out.newest = max(out.newest, newest)
        out.rowids[kind.name] = sorted(read)
        out.differ[kind.name] = differ
    return out
