"""The replication bookkeeping tables (DESIGN §5): this file's site id in `meta`, what it has seen
of other replicas (`peers`), the merges it took in (`merge_history`) and the concurrent edits a
merge found (`merge_conflicts`). Only SQL lives here; exchange/ decides what to write.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
from pathlib import Path

from db.model import KINDS, Kind
from db.store import hlc
from db.store.connection import transaction
from db.store.schema import set_meta


def ensure_site(conn: sqlite3.Connection, now: str, path: Path | None = None) -> None:
    """Give a new portfolio file its random site id; likewise a file exported by an earlier
    version, which still carries its exporter's id (see exchange/export.py). The file's identity
    (file_identity of `path`) is recorded beside a new site id."""
    row = conn.execute("SELECT value FROM meta WHERE key='site_id'").fetchone()
    manifest = dict(conn.execute("SELECT key, value FROM manifest").fetchall())
    if row is not None and manifest.get("source_site") != row[0]:
        return
    with transaction(conn):
        if row is not None and hlc.is_valid(manifest.get("max_clock")):  # the exporter's copy, seen to there
            conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                         "ON CONFLICT(site_id) DO UPDATE SET last_hlc=max(last_hlc, excluded.last_hlc)",
                         (row[0], manifest["max_clock"], manifest.get("exported_at")))
        set_meta(conn, "site_id", hlc.new_site_id())
        identity = file_identity(path) if path is not None else None
        if identity is not None:
            set_meta(conn, "site_file", identity)
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('created_at', ?)", (now,))


def file_identity(path: Path) -> str | None:
    """This machine and the file's inode, hashed: what a plain copy of the file (cp, Explorer, a
    USB stick, a mail attachment) does not keep and a rename does; None where there is no inode."""
    try:
        ino = os.stat(path).st_ino
    except OSError:
        return None
    if not ino:
        return None
    return hashlib.sha256(f"{socket.gethostname()}:{ino}".encode()).hexdigest()[:16]  # names no machine


COPIED, UNRECORDED = "copied", "unrecorded"


def site_renewal(conn: sqlite3.Connection, path: Path) -> str | None:
    """COPIED when this file is a plain copy of a working file: it carries the site id of the
    original, so both would stamp edits with one id and their concurrent edits of a field would
    merge as if one had seen the other — no conflict to review. Told by the identity recorded
    beside the site id (file_identity) differing from the file's own. UNRECORDED for a file from
    before identities were kept; None when nothing is to be done."""
    identity = file_identity(path)
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('site_id', 'site_file')").fetchall())
    if identity is None or not meta.get("site_id"):
        return None
    if "site_file" not in meta:
        return UNRECORDED
    return COPIED if meta["site_file"] != identity else None


def renew_site(conn: sqlite3.Connection, path: Path, renewal: str, last: str, now: str) -> str | None:
    """Carry out a site_renewal inside the caller's transaction; the new site id, if any. The
    copy has seen everything the original had written or received up to the copy (`last`)."""
    new_site = None
    if renewal == COPIED:
        old = conn.execute("SELECT value FROM meta WHERE key='site_id'").fetchone()[0]
        conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                     "ON CONFLICT(site_id) DO UPDATE SET last_hlc=max(last_hlc, excluded.last_hlc)",
                     (old, last, now))
        new_site = hlc.new_site_id()
        set_meta(conn, "site_id", new_site)
        forget_own_numbering(conn)
    identity = file_identity(path)
    if identity is not None:
        set_meta(conn, "site_file", identity)
    return new_site


def forget_own_numbering(conn: sqlite3.Connection) -> None:
    """A copy taking a site id of its own: the original's numbering (exchange folder, hub pushes)
    and how far it pruned its folder changesets are not the copy's; what the original had
    received (folder receipts, the hub cursor) the copy holds too, so that stays."""
    conn.execute("DELETE FROM meta WHERE key IN ('sync.folder.sent', 'sync.folder.pruned') OR (key LIKE 'sync.hub.%' AND "
                 "(NOT json_valid(value) OR json_extract(value, '$.cursor') IS NULL))")
    conn.execute("UPDATE meta SET value = json_object('cursor', json_extract(value, '$.cursor')) "
                 "WHERE key LIKE 'sync.hub.%'")


def make_new_replica(path: Path, seen_site: str, seen_clock: str, now: str) -> None:
    """Turn a fresh copy at `path` into a replica of its own: a new site id, and (when the
    original had one) the original recorded as seen up to `seen_clock` — not concurrent edits."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("BEGIN")
        conn.execute("UPDATE meta SET value=? WHERE key='site_id'", (hlc.new_site_id(),))
        conn.execute("DELETE FROM meta WHERE key='site_file'")  # the copy records its own when first opened
        forget_own_numbering(conn)
        if seen_site:
            conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                         "ON CONFLICT(site_id) DO UPDATE SET last_hlc=excluded.last_hlc",
                         (seen_site, seen_clock, now))
        conn.execute("COMMIT")
    finally:
        conn.close()


def watermarks(conn: sqlite3.Connection) -> dict[str, str]:
    """The newest clock seen of each other replica."""
    return {r[0]: r[1] for r in conn.execute("SELECT site_id, last_hlc FROM peers")}


def note_peer(conn: sqlite3.Connection, site: str, last: str, when: str) -> None:
    conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES(?, ?, ?) "
                 "ON CONFLICT(site_id) DO UPDATE SET last_hlc=max(last_hlc, excluded.last_hlc), "
                 "last_merged_at=excluded.last_merged_at", (site, last, when))


def known_rows(conn: sqlite3.Connection, kind: str) -> dict[str, tuple]:
    """Every row's (created_hlc, cell_clocks, deleted) of one kind, by id (what a received file
    is compared against)."""
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        f"SELECT id, created_hlc, cell_clocks, deleted FROM {KINDS[kind].table}")}


def size_estimate(conn: sqlite3.Connection, kind: str) -> int:
    """About how many rows of a kind we hold (the largest rowid: no scan; rows are never removed)."""
    return conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {KINDS[kind].table}").fetchone()[0]


CHUNK = 5000  # ids per lookup (passed as one JSON array, probed through the primary key)


def _chunks(ids) -> list[str]:
    ids = list(ids)
    return [json.dumps(ids[i:i + CHUNK]) for i in range(0, len(ids), CHUNK)]


def known_rows_of(conn: sqlite3.Connection, kind: str, ids) -> dict[str, tuple]:
    """known_rows for these ids of one kind only (those we hold): what a merge compares against,
    at the cost of the received file, not of ours."""
    sql = (f"SELECT id, created_hlc, cell_clocks, deleted FROM {KINDS[kind].table} "
           "WHERE id IN (SELECT value FROM json_each(?))")
    return {r[0]: (r[1], r[2], r[3]) for chunk in _chunks(ids) for r in conn.execute(sql, (chunk,))}


def kinds_of(conn: sqlite3.Connection, ids) -> dict[str, str]:
    """{id: kind} of those ids we hold a record of (any kind, deleted ones too)."""
    sql = " UNION ALL ".join(f"SELECT id, '{k.name}' FROM {k.table} WHERE id IN (SELECT value FROM json_each(:ids))"
                             for k in KINDS.values())
    return {r[0]: r[1] for chunk in _chunks(ids) for r in conn.execute(sql, {"ids": chunk})}


def present_ids(conn: sqlite3.Connection, kind: str, ids) -> set[str]:
    """Those of the ids we hold a record of this kind of (deleted ones too)."""
    sql = f"SELECT id FROM {KINDS[kind].table} WHERE id IN (SELECT value FROM json_each(?))"
    return {r[0] for chunk in _chunks(ids) for r in conn.execute(sql, (chunk,))}


def raw_row(conn: sqlite3.Connection, kind: Kind, row_id: str) -> sqlite3.Row | None:
    """A row as stored (clock columns included)."""
    return conn.execute(f"SELECT * FROM {kind.table} WHERE id=?", (row_id,)).fetchone()


def raw_rows(conn: sqlite3.Connection, kind: Kind, ids) -> dict[str, sqlite3.Row]:
    """raw_row of each of these ids we hold, by id."""
    sql = f"SELECT * FROM {kind.table} WHERE id IN (SELECT value FROM json_each(?))"
    return {r["id"]: r for chunk in _chunks(ids) for r in conn.execute(sql, (chunk,))}


def cell_clock(conn: sqlite3.Connection, kind: Kind, row_id: str, field: str) -> str:
    row = conn.execute(f"SELECT cell_clocks, created_hlc FROM {kind.table} WHERE id=?", (row_id,)).fetchone()
    return json.loads(row[0]).get(field, row[1])


def dangling_references(conn: sqlite3.Connection) -> list:
    return list(conn.execute("PRAGMA foreign_key_check"))


def dangling_references_of(conn: sqlite3.Connection, written: dict[str, list[str]]) -> list[tuple]:
    """(table, id, column, target) of the references of these rows (by kind) to a record that
    does not exist. What a merge checks after writing: it writes only these rows and deletes no
    row (a delete is a tombstone), so no other row's reference can have changed; the whole-file
    `PRAGMA foreign_key_check` cost the size of the file, not of what was merged."""
    out: list[tuple] = []
    for kind, ids in written.items():
        table = KINDS[kind].table
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            target, column, key = fk[2], fk[3], fk[4] or "id"
            sql = (f"SELECT '{table}', x.id, '{column}', x.{column} FROM {table} x "
                   f"WHERE x.id IN (SELECT value FROM json_each(?)) AND x.{column} IS NOT NULL "
                   f"AND NOT EXISTS (SELECT 1 FROM {target} t WHERE t.{key} = x.{column})")
            out += [tuple(r) for chunk in _chunks(ids) for r in conn.execute(sql, (chunk,))]
    return out


def defer_foreign_keys(conn: sqlite3.Connection) -> None:
    """Check references at commit, not per row (a merge writes rows in any order)."""
    conn.execute("PRAGMA defer_foreign_keys=ON")


def add_merge(conn: sqlite3.Connection, merge_id: str, merged_at: str, source: str, source_site: str,
              backup: str | None, summary: dict) -> None:
    conn.execute("INSERT INTO merge_history(id, merged_at, source_file, source_site, backup_file, summary) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (merge_id, merged_at, source, source_site, backup, json.dumps(summary, ensure_ascii=False)))


def add_conflict(conn: sqlite3.Connection, conflict_id: str, merge_id: str, kind: str, row_id: str,
                 field: str, winner, winner_hlc: str, loser, loser_hlc: str) -> None:
    conn.execute("INSERT INTO merge_conflicts(id, merge_id, tbl, row_id, col, winner_value, winner_hlc, "
                 "loser_value, loser_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (conflict_id, merge_id, kind, row_id, field, json.dumps(winner, ensure_ascii=False),
                  winner_hlc, json.dumps(loser, ensure_ascii=False), loser_hlc))


def open_conflicts(conn: sqlite3.Connection) -> list[tuple]:
    """Unresolved conflicts, oldest merge first: (id, kind, record id, field, winner json, loser
    json, winner clock, loser clock, merged_at, source file)."""
    return conn.execute(
        "SELECT c.id, c.tbl, c.row_id, c.col, c.winner_value, c.loser_value, c.winner_hlc, c.loser_hlc, "
        "h.merged_at, h.source_file FROM merge_conflicts c LEFT JOIN merge_history h ON h.id = c.merge_id "
        "WHERE c.resolution IS NULL ORDER BY h.merged_at, c.rowid").fetchall()


def mark_resolved(conn: sqlite3.Connection, conflict_id: str, keep: str) -> None:
    conn.execute("UPDATE merge_conflicts SET resolution=? WHERE id=?", (keep, conflict_id))


def merge_history(conn: sqlite3.Connection) -> list[tuple]:
    """(id, merged_at, source_file, source_site, backup_file, summary json), newest first."""
    return conn.execute("SELECT id, merged_at, source_file, source_site, backup_file, summary "
                        "FROM merge_history ORDER BY merged_at DESC, rowid DESC").fetchall()
