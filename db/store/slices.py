"""Writing an exported file: a compact copy of the open portfolio, or of a slice of it (DESIGN §5).

exchange/export.py decides what to keep, what the manifest says and where the work happens (a
private work folder, store/scratch.py); this is the SQL that makes the file: VACUUM INTO the work
path (the whole portfolio) or a new file of the same schema holding only the kept rows (a slice:
the same file cutting a whole copy down gave, without writing the whole portfolio), local-only
tables emptied, the copy marked as not this replica (no site id; this replica seen up to the
export), the manifest stamped, vacuumed again so nothing outside the slice survives in free pages.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from db.errors import raise_sqlite
from db.model import KINDS
from db.store.blobs import keep_only_referenced
from db.store.connection import vacuum_into


def copy_compact(source: sqlite3.Connection, tmp: Path) -> None:
    """A compact copy of the open portfolio at `tmp` (VACUUM INTO; the caller holds its lock)."""
    try:
        vacuum_into(source, tmp)
    except sqlite3.Error as exc:
        raise_sqlite(exc)


def copy_slice(source: Path, tmp: Path, keep: dict[str, set[str]], cleared: tuple[str, ...]) -> None:
    """A new file at `tmp` holding only the slice: the source's schema as stored (its tables, then
    their rows, then its indexes and the rest, the order VACUUM INTO follows), each kind's kept
    rows in the source's row order, the blobs of the kept live attachments, the other tables whole
    but the `cleared` ones. trim(tmp, …) finishes it; the result is the file copying the
    whole portfolio and deleting the others gave, without writing the whole portfolio first
    (a one-unit slice of a city file is a twentieth of it). The caller holds the portfolio's lock."""
    try:
        _copy_slice(source, tmp, keep, cleared)
    except sqlite3.Error as exc:
        raise_sqlite(exc)


def _copy_slice(source: Path, tmp: Path, keep: dict[str, set[str]], cleared: tuple[str, ...]) -> None:
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 1)
        conn.execute("ATTACH DATABASE ? AS src", (f"{Path(source).resolve().as_uri()}?mode=ro",))
        header = {p: conn.execute(f"PRAGMA src.{p}").fetchone()[0]
                  for p in ("page_size", "auto_vacuum", "user_version", "application_id")}
        for p in ("page_size", "auto_vacuum"):  # before the first table
            conn.execute(f"PRAGMA main.{p}={int(header[p])}")
        conn.execute("BEGIN")
        schema = conn.execute("SELECT type, name, sql FROM src.sqlite_master WHERE sql IS NOT NULL "
                              "ORDER BY rowid").fetchall()
        tables = [name for kind, name, _ in schema if kind == "table" and not name.startswith("sqlite_")]
        for kind, name, sql in schema:
            if kind == "table" and name in tables:
                conn.execute(sql)
        by_table = {k.table: k.name for k in KINDS.values()}
        # blobs last: only the files the kept live attachments name
        for table in sorted((t for t in tables if t not in cleared), key=lambda t: t == "blobs"):
            cols = ", ".join(f'"{c[1]}"' for c in conn.execute(f'PRAGMA main.table_info("{table}")'))
            if table in by_table:  # numbered anew in the source's order, as the cut copy's kept rows were
                ids = json.dumps(sorted(keep.get(by_table[table], ())), ensure_ascii=False)
                conn.execute(f'INSERT INTO main."{table}"({cols}) SELECT {cols} FROM src."{table}" '
                             "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid", (ids,))
                continue
            where = ("WHERE sha256 IN (SELECT sha256 FROM main.attachments WHERE deleted=0 AND sha256 IS NOT NULL)"
                     if table == "blobs" else "")
            conn.execute(f'INSERT INTO main."{table}"(rowid, {cols}) SELECT rowid, {cols} FROM src."{table}" '
                         f"{where} ORDER BY rowid")
        for kind, _name, sql in schema:
            if kind != "table":
                conn.execute(sql)
        for p in ("user_version", "application_id"):
            conn.execute(f"PRAGMA main.{p}={int(header[p])}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    finally:
        conn.close()


def trim(tmp: Path, manifest: dict, site_id: str, cleared: tuple[str, ...]) -> None:
    """Finish the copy at `tmp` (the whole portfolio, or copy_slice's slice): empty the
    local-only tables, mark it as not this replica, stamp `manifest` (given its `counts`) and
    VACUUM it (so nothing outside the slice survives in free pages); leaves a plain
    rollback-journal file with no side files. SQLite errors come out as the user sees them."""
    try:
        _trim(tmp, manifest, site_id, cleared)
    except sqlite3.Error as exc:
        raise_sqlite(exc)


def _trim(tmp: Path, manifest: dict, site_id: str, cleared: tuple[str, ...]) -> None:
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        keep_only_referenced(conn)  # the attached files of the kept attachments, and no others
        for table in cleared:
            conn.execute(f"DELETE FROM {table}")
        # The copy is not this replica: whoever opens it to work in it gets a site id of its
        # own (kept, both would stamp edits with ours and their conflicts would go unseen),
        # and it has seen every write of ours up to now (as save_as records).
        conn.execute("DELETE FROM meta WHERE key IN ('site_id', 'site_file') OR key LIKE 'sync.%'")  # local state stays home
        if site_id:
            conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                         "ON CONFLICT(site_id) DO UPDATE SET last_hlc=excluded.last_hlc",
                         (site_id, manifest["max_clock"], manifest["exported_at"]))
        conn.execute("DELETE FROM manifest")
        counts = {k.name: conn.execute(f"SELECT count(*) FROM {k.table} WHERE deleted=0").fetchone()[0]
                  for k in KINDS.values()}
        manifest["counts"] = json.dumps(counts)
        conn.executemany("INSERT INTO manifest(key, value) VALUES (?, ?)", list(manifest.items()))
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # nothing outside the slice survives in free pages
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
