"""Local bookkeeping of how changes travel (DESIGN §5, second wave): what each peer has
acknowledged having, the exchange folder's sequence numbers and receipts, the hub's cursor.

Kept as JSON values under `sync.` keys of the local `meta` table (no schema change: meta is never
merged, and exports drop these keys — see slices.py). Only SQL lives here.
"""
from __future__ import annotations

import json
import sqlite3

from db.model import KINDS
from db.store import hlc
from db.store.schema import meta, set_meta

PREFIX = "sync."


def get(conn: sqlite3.Connection, key: str, default=None):
    raw = meta(conn, PREFIX + key)
    if raw is None:
        return default
    try:
        return json.loads(raw)
    except ValueError:
        return default


def put(conn: sqlite3.Connection, key: str, value) -> None:
    set_meta(conn, PREFIX + key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def acks(conn: sqlite3.Connection, peer: str) -> dict[str, str] | None:
    """What `peer` reported having seen of each site in the last file of theirs we merged."""
    value = get(conn, "acks." + peer)
    return value if isinstance(value, dict) else None


def note_acks(conn: sqlite3.Connection, peer: str, marks: dict[str, str]) -> None:
    """Remember a peer's watermarks (never moving one backwards)."""
    current = acks(conn, peer) or {}
    for site, clock in marks.items():
        if hlc.is_valid(clock) and clock > current.get(site, ""):
            current[site] = clock
    put(conn, "acks." + peer, current)


def peers_with_acks(conn: sqlite3.Connection) -> list[str]:
    return sorted(k[len(PREFIX) + 5:] for (k,) in conn.execute(
        "SELECT key FROM meta WHERE key LIKE ?", (PREFIX + "acks.%",)))


def rows_with_cells_beyond(conn: sqlite3.Connection, kind_name: str, marks: dict[str, str],
                          only_site: str | None = None) -> list[str]:
    """Ids of rows (tombstones too) holding a cell whose clock is above `marks` for the site that
    made it (a site missing from `marks`: every cell of it), built-in cells aside; with
    `only_site`, only that site's cells count. Asked in SQL over the clock columns alone, so the
    rows that did not change are never decoded."""
    table = KINDS[kind_name].table
    floor = min(marks.values(), default="") if only_site and only_site in marks else ""
    sql = (f"SELECT id FROM {table} t WHERE (t.created_hlc > :floor OR EXISTS "
           "(SELECT 1 FROM json_each(t.cell_clocks) WHERE json_each.value > :floor)) AND EXISTS "
           "(SELECT 1 FROM (SELECT t.created_hlc AS c UNION ALL SELECT value FROM json_each(t.cell_clocks)) "
           " WHERE substr(c, 20) <> :builtin AND (:only IS NULL OR substr(c, 20) = :only) "
           " AND c > coalesce(json_extract(:marks, '$.\"' || substr(c, 20) || '\"'), ''))")
    return [r[0] for r in conn.execute(sql, {"floor": floor, "builtin": hlc.BUILTIN_SITE, "only": only_site,
                                             "marks": json.dumps(marks)})]


def raw_rows(conn: sqlite3.Connection, kind_name: str, ids: list[str]) -> list[dict]:
    """Rows exactly as stored (every column, clocks included), for sending to a hub."""
    kind = KINDS[kind_name]
    cols = ["id", *(f.name for f in kind.fields), "deleted", "created_hlc", "cell_clocks"]
    out: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur = conn.execute(f"SELECT {', '.join(cols)} FROM {kind.table} WHERE id IN (SELECT value FROM json_each(?))",
                           (json.dumps(chunk),))
        out.extend(dict(zip(cols, r, strict=True)) for r in cur)
    return out


def existing_ids(conn: sqlite3.Connection, kind_name: str, ids: list[str]) -> set[str]:
    """Which of these ids a row of this kind has (tombstones too)."""
    table = KINDS[kind_name].table
    return {r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                                       (json.dumps(ids),))}

