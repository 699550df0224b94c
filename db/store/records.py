"""Reading synced records as plain dicts (decoded values, UUIDs for references)."""
from __future__ import annotations

import builtins
import json
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import itemgetter
from typing import Any

from db.i18n import tr
from db.model import KINDS, Kind
from db.store.values import from_sql, to_sql

_ORDER_TERM = re.compile(r"^(\w+)( IS NULL)?( DESC)?$")
_CONVERTED = ("reflist", "strlist", "json", "bool")  # stored as text/int, decoded by from_sql


@cache
def _decoder(kind_name: str, columns: tuple[str, ...]):
    """A row -> dict function for one kind and column layout. Listing 100,000 milestones decodes
    1.8 million cells: copying them with one itemgetter and converting only the few JSON/bool
    fields halves the time of a per-cell from_sql loop."""
    kind = KINDS[kind_name]
    pos = {c: i for i, c in enumerate(columns)}
    fields = [f for f in kind.fields if f.name in pos]  # all of them, unless listed with `fields=`
    keys = ("id", *(f.name for f in fields), "deleted")
    get = itemgetter(*(pos[k] for k in keys))
    convert: tuple[tuple[str, Callable[[Any], object]], ...] = (
        *((f.name, partial(from_sql, f)) for f in fields if f.type in _CONVERTED), ("deleted", bool))

    def decode(row) -> dict:
        out = dict(zip(keys, get(row), strict=True))
        for name, fn in convert:
            out[name] = fn(out[name])
        return out
    return decode


@lru_cache(maxsize=256)
def _check_order(kind_name: str, order: str) -> str:
    """`order` as field names (`planned_date IS NULL, planned_date, rowid`; a term may end in
    DESC), refused otherwise: it goes into the SQL as text."""
    for term in order.split(","):
        m = _ORDER_TERM.match(term.strip())
        if not m or (m.group(1) not in ("rowid", "id") and KINDS[kind_name].field(m.group(1)) is None):
            raise ValueError(f"{kind_name}: cannot order by {term.strip()!r}")
    return order


def _decode(kind: Kind, row: sqlite3.Row) -> dict:
    return _decoder(kind.name, tuple(row.keys()))(row)


def decoded(kind: Kind, row: sqlite3.Row) -> dict:
    """A stored row (`SELECT *`) as get() gives it, deleted ones too."""
    return _decode(kind, row)


def get(conn: sqlite3.Connection, kind: Kind, row_id: str, include_deleted: bool = False) -> dict | None:
    row = conn.execute(f"SELECT * FROM {kind.table} WHERE id=?", (row_id,)).fetchone()
    if row is None or (row["deleted"] and not include_deleted):
        return None
    return _decode(kind, row)


@lru_cache(maxsize=1)
def _holder_sql() -> str:
    return " UNION ALL ".join(f"SELECT '{k.name}' FROM {k.table} WHERE id=:id" for k in KINDS.values())


def kinds_holding(conn: sqlite3.Connection, row_id: str) -> list[str]:
    """The kinds with a record (live or deleted) of this id: one at most in a sound file, since an
    id names one record whatever its kind (`set`/`delete` find a record by id alone)."""
    return [r[0] for r in conn.execute(_holder_sql(), {"id": row_id})]


def find_any(conn: sqlite3.Connection, row_id: str) -> tuple[Kind, dict] | None:
    """Find a record of any kind by its UUID (for `kechuang set`/`delete`)."""
    for kind in KINDS.values():
        rec = get(conn, kind, row_id, include_deleted=True)
        if rec is not None:
            return kind, rec
    return None


def list_records(conn: sqlite3.Connection, kind: Kind, *, where: str = "", params=(),
                 include_deleted: bool = False, order: str = "rowid", fields=None) -> list[dict]:
    """Records as dicts; `fields` (names of the kind's fields) reads only those (plus id and
    deleted), for callers that go over every record of a large portfolio."""
    clauses = [] if include_deleted else ["deleted=0"]
    if where:
        clauses.append(f"({where})")
    columns = "*"
    if fields is not None:
        unknown = [f for f in fields if kind.field(f) is None]
        if unknown:
            raise ValueError(f"{kind.name} has no field {unknown[0]!r}")
        columns = ", ".join(["id", "deleted", *fields])
    sql = f"SELECT {columns} FROM {kind.table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {_check_order(kind.name, order)}"
    cursor = conn.execute(sql, params)
    decode = _decoder(kind.name, tuple(d[0] for d in cursor.description))
    return [decode(r) for r in cursor]


def rows(conn: sqlite3.Connection, kind: Kind, fields: tuple[str, ...], *, where: str = "",
         params=(), order: str = "rowid") -> list[tuple]:
    """Live records as plain tuples (id, *fields), values as stored, nothing decoded: for code
    that goes over every record of a large portfolio and needs only a few plain fields (text,
    date, enum, ref, number). Fields stored encoded (lists, JSON, booleans) are refused."""
    return rows_cursor(conn, kind, fields, where=where, params=params, order=order).fetchall()


def rows_cursor(conn: sqlite3.Connection, kind: Kind, fields: tuple[str, ...], *, where: str = "",
                params=(), order: str = "rowid") -> sqlite3.Cursor:
    """rows() one at a time, for code that keeps less than it reads (read them while holding
    the connection)."""
    for name in fields:
        f = kind.field(name)
        if f is None:
            raise ValueError(f"{kind.name} has no field {name!r}")
        if f.type in _CONVERTED:
            raise ValueError(f"{kind.name}.{name} is stored encoded ({f.type}): use list_records")
    sql = f"SELECT {', '.join(['id', *fields])} FROM {kind.table} WHERE deleted=0"
    if where:
        sql += f" AND ({where})"
    cursor = conn.cursor()
    cursor.row_factory = None  # tuples, not sqlite3.Row: a third faster over 100,000 rows
    return cursor.execute(sql + f" ORDER BY {_check_order(kind.name, order)}", params)


class _NotNull:
    def __repr__(self) -> str:
        return "NOT_NULL"


NOT_NULL = _NotNull()  # a keyword filter's value meaning "the field is set"


@dataclass(frozen=True)
class Between:
    """A filter value: lo <= value <= hi (on the first `chars` characters when given: a
    timestamp's date)."""
    lo: object
    hi: object
    chars: int | None = None


@dataclass(frozen=True)
class Range:
    """A filter value: lo <= value < hi (half-open, for clock ranges)."""
    lo: object
    hi: object


@dataclass(frozen=True)
class AtLeast:
    """A filter value: lo <= value (open-ended, for clocks: "since")."""
    lo: object


@dataclass(frozen=True)
class Prefix:
    """A filter value: the text starts with `text`."""
    text: str


@dataclass(frozen=True)
class Mentions:
    """A filter value for a list field (reflist/strlist, stored as a JSON list): it holds at least
    one of `items` — tested by SQLite, so a caller need not decode every record's list."""
    items: tuple


MANY = 200  # an IN list longer than this is passed as one JSON parameter (SQLite's variable limit)
# Filters on the bookkeeping columns, besides the kind's fields: when a record was created
# (its created_hlc) and when it was deleted (the clock of its `deleted` cell, tombstones only).
_CLOCK_FILTERS = {"created_hlc": "created_hlc",
                  "deleted_at": "json_extract(cell_clocks, '$.deleted')"}
CELL_CLOCK = "_clock"  # `status_clock=AtLeast(c)`: when a field's cell was last written (its creation if never)


def _cell_clock(kind: Kind, name: str) -> str | None:
    """The SQL of a `<field>_clock` filter's column (the field checked against the kind), or None."""
    if not name.endswith(CELL_CLOCK) or kind.field(name) is not None:
        return None
    field = kind.field(name[:-len(CELL_CLOCK)])
    if field is None:
        return None
    return f"COALESCE(json_extract(cell_clocks, '$.{field.name}'), created_hlc)"


def with_filters(kind: Kind, filters: Mapping[str, object]) -> tuple[str, tuple]:
    """Turn keyword filters into an SQL condition and its parameters: a value means equality,
    a list/tuple/set IN (with None among them: or IS NULL), None IS NULL, NOT_NULL IS NOT NULL, Between/Range/Prefix what they
    say. Besides the kind's fields: created_hlc, deleted_at (tombstones) and `<field>_clock`
    (the clock of that field's cell). Field names are checked against the kind, so no text from
    a caller reaches the SQL."""
    clauses: list[str] = []
    out: list[object] = []
    for name, value in filters.items():
        cell = _cell_clock(kind, name)
        if cell is not None:
            column = cell
        elif name in _CLOCK_FILTERS:
            column = _CLOCK_FILTERS[name]
            if name == "deleted_at":
                clauses.append("deleted=1")
        elif name == "id" or kind.field(name) is not None:
            column = name
        else:
            raise ValueError(f"{kind.name} has no field {name!r}")
        if value is None:
            clauses.append(f"{column} IS NULL")
        elif value is NOT_NULL:
            clauses.append(f"{column} IS NOT NULL")
        elif isinstance(value, Between):
            target = f"substr({column}, 1, {int(value.chars)})" if value.chars else column
            clauses.append(f"{target} BETWEEN ? AND ?")
            out += [value.lo, value.hi]
        elif isinstance(value, Range):
            clauses.append(f"{column} >= ? AND {column} < ?")
            out += [value.lo, value.hi]
        elif isinstance(value, AtLeast):
            clauses.append(f"{column} >= ?")
            out.append(value.lo)
        elif isinstance(value, Prefix):
            clauses.append(f"substr({column}, 1, {len(value.text)}) = ?")
            out.append(value.text)
        elif isinstance(value, Mentions):
            clauses.append(f"EXISTS (SELECT 1 FROM json_each({column}) WHERE value IN (SELECT value FROM json_each(?)))")
            out.append(json.dumps(sorted(value.items), ensure_ascii=False))
        elif isinstance(value, (list, tuple, set, frozenset)):
            unset = None in value
            values = [v for v in value if v is not None]
            values = sorted(values) if isinstance(value, (set, frozenset)) else values
            if len(values) > MANY:
                clause = f"{column} IN (SELECT value FROM json_each(?))"
                out.append(json.dumps(values, ensure_ascii=False))
            else:
                clause = f"{column} IN ({', '.join('?' * len(values))})" if values else "0"
                out += values
            clauses.append(f"({clause} OR {column} IS NULL)" if unset else clause)
        else:
            clauses.append(f"{column}=?")
            out.append(value)
    return " AND ".join(clauses), tuple(out)


def count(conn: sqlite3.Connection, kind: Kind, *, where: str = "", params: Sequence = ()) -> int:
    """Live records of a kind (those matching `where`, an SQL condition, if given)."""
    sql = f"SELECT count(*) FROM {kind.table} WHERE deleted=0"
    return conn.execute(sql + (f" AND ({where})" if where else ""), params).fetchone()[0]


def cell_clocks(conn: sqlite3.Connection, kind: Kind) -> list[tuple[str, str, str]]:
    """(id, cell_clocks json, created_hlc) of every live record of a kind."""
    return conn.execute(f"SELECT id, cell_clocks, created_hlc FROM {kind.table} WHERE deleted=0").fetchall()


def write_row(conn: sqlite3.Connection, kind: Kind, row_id: str, values: dict, *, new: bool,
              stamp: str | None = None, deleted: int | None = None, created_hlc: str | None = None,
              clocks: dict[str, str] | None = None) -> None:
    """Insert or update one row with its clock columns: the only INSERT/UPDATE of records.

    Local edits pass `stamp` (the new clock of every cell written); a merge passes the merged
    cells' `clocks` (those equal to created_hlc are left implicit)."""
    if new:
        encode = _encoders(kind.name)
        params: list = [row_id]
        for c, v in values.items():
            e = encode.get(c)
            params.append(v if e is None or v is None else e(v))
        kept = {} if clocks is None else {n: c for n, c in clocks.items() if c != created_hlc}
        params += [int(deleted or 0), created_hlc or stamp, json.dumps(kept, sort_keys=True) if kept else "{}"]
        conn.execute(_insert_sql(kind.name, tuple(values)), params)
        return
    if clocks is None:
        assert stamp is not None  # a local edit passes the clock of the cells it writes
        clocks = json.loads(conn.execute(f"SELECT cell_clocks FROM {kind.table} WHERE id=?",
                                         (row_id,)).fetchone()[0])
        for c in values:
            clocks[c] = stamp
        if deleted is not None:
            clocks["deleted"] = stamp
    else:
        clocks = {n: c for n, c in clocks.items() if c != created_hlc}
    sets, params = [], []
    for c, v in values.items():
        sets.append(f"{c}=?")
        params.append(to_sql(kind.field_named(c), v))
    if deleted is not None:
        sets.append("deleted=?")
        params.append(int(deleted))
    sets.append("cell_clocks=?")
    params.append(json.dumps(clocks, sort_keys=True))
    conn.execute(f"UPDATE {kind.table} SET {', '.join(sets)} WHERE id=?", [*params, row_id])


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # json.dumps(…) with these, made once


def _dumps(value) -> str:
    return _ENCODE(value) if value != [] else "[]"


@cache
def _encoders(kind_name: str) -> dict:
    """Field name -> how its value is stored (values.to_sql, chosen once per field): None where the
    value is stored as it is."""
    out: dict = {}
    for f in KINDS[kind_name].fields:
        out[f.name] = _dumps if f.type in ("reflist", "strlist", "json") else _to_int if f.type == "bool" else None
    return out


def _to_int(value) -> int:
    return 1 if value else 0


@lru_cache(maxsize=1024)
def _insert_sql(kind_name: str, names: tuple[str, ...]) -> str:
    cols = ["id", *names, "deleted", "created_hlc", "cell_clocks"]
    return f"INSERT INTO {KINDS[kind_name].table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


class Reader:
    """Reading records inside a transaction that is under way (the write path's rules look at
    the rows as they are now, including what the same transaction already wrote)."""

    def __init__(self, conn: sqlite3.Connection):
        self._db = conn

    def get(self, kind: str, row_id: str, include_deleted: bool = False) -> dict | None:
        return get(self._db, KINDS[kind], row_id, include_deleted)

    def list(self, kind: str, order: str = "rowid", **filters: object) -> builtins.list[dict]:
        where, params = with_filters(KINDS[kind], filters)
        return list_records(self._db, KINDS[kind], where=where, params=params, order=order)

    def max_numbered(self, kind: str, field: str, prefix: str, suffix: str) -> int | None:
        return max_numbered(self._db, KINDS[kind], field, prefix, suffix)

    def is_live(self, kind: str, row_id: str) -> bool:
        return is_live(self._db, KINDS[kind], row_id)

    def live_children(self, kind: str, fk: str, parent_id: str) -> builtins.list[str]:
        return live_children(self._db, KINDS[kind], fk, parent_id)

    def count_references(self, unit_id: str) -> int:
        return count_references(self._db, unit_id)

    def blob_info(self, sha256: str) -> tuple[int, str] | None:
        """(size, media type) of a stored blob (store/blobs.py), or None."""
        from db.store import blobs
        return blobs.info(self._db, sha256)


def max_numbered(conn: sqlite3.Connection, kind: Kind, field: str, prefix: str, suffix: str) -> int | None:
    """The largest N among live records whose text `field` reads prefix + N + suffix, N in ASCII
    digits (a record's next number, 督办〔2026〕N号), or None: one scan at SQLite's speed — reading
    every code into Python on each new record grew with the square of a province's problems."""
    f = kind.field(field)
    if f is None or f.type != "text" or not suffix:
        raise ValueError(f"{kind.name}.{field}: not a text field, or no suffix")
    n, m = len(prefix), len(suffix)
    middle = f"substr({field}, {n + 1}, length({field}) - {n + m})"
    return conn.execute(
        f"SELECT max(CAST({middle} AS INTEGER)) FROM {kind.table} WHERE deleted=0 AND length({field}) > {n + m}"
        f" AND substr({field}, 1, {n}) = ? AND substr({field}, -{m}) = ? AND {middle} NOT GLOB '*[^0-9]*'",
        (prefix, suffix)).fetchone()[0]


def exists(conn: sqlite3.Connection, kind: Kind, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {kind.table} WHERE id=?", (row_id,)).fetchone() is not None


def is_live(conn: sqlite3.Connection, kind: Kind, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {kind.table} WHERE id=? AND deleted=0",
                        (row_id,)).fetchone() is not None


def live_children(conn: sqlite3.Connection, kind: Kind, fk: str, parent_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        f"SELECT id FROM {kind.table} WHERE {fk}=? AND deleted=0", (parent_id,))]


def count_references(conn: sqlite3.Connection, unit_id: str) -> int:
    """How many live records point at a unit (single refs and reference lists)."""
    total = 0
    for kind in KINDS.values():
        for f in kind.fields:
            if f.ref != "units":
                continue
            if f.type == "ref":
                sql = f"SELECT count(*) FROM {kind.table} WHERE deleted=0 AND {f.name}=?"
            else:
                sql = (f"SELECT count(*) FROM {kind.table} WHERE deleted=0 AND EXISTS "
                       f"(SELECT 1 FROM json_each({kind.table}.{f.name}) WHERE value=?)")
            total += conn.execute(sql, (unit_id,)).fetchone()[0]
    return total


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {k.name: conn.execute(f"SELECT count(*) FROM {k.table} WHERE deleted=0").fetchone()[0]
            for k in KINDS.values()}


def label(kind: Kind, rec: dict) -> str:
    """Human name of a record for messages: 项目「超瞬态实验装置」."""
    title = rec.get(kind.title_field)
    if title in (None, ""):
        return tr(kind.label)
    return f"{tr(kind.label)}「{title}」"
