"""Writing an exported file: a compact copy of the open portfolio cut down to a slice (DESIGN §5).

exchange/export.py decides what to keep, what the manifest says and where the work happens (a
private work folder, store/scratch.py); this is the SQL that makes the file: VACUUM INTO the work
path, only the kept rows left, local-only tables emptied, the
copy marked as not this replica (no site id; this replica seen up to the export), the manifest
stamped, vacuumed again so nothing outside the slice survives in free pages.
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


def trim(tmp: Path, keep: dict[str, set[str]] | None, manifest: dict, site_id: str,
         cleared: tuple[str, ...]) -> None:
    """Cut the copy at `tmp` down to the slice (`keep` None: the whole portfolio), empty the
    local-only tables, mark it as not this replica, stamp `manifest` (given its `counts`) and
    VACUUM it (so nothing outside the slice survives in free pages); leaves a plain
    rollback-journal file with no side files. SQLite errors come out as the user sees them."""
    try:
        _trim(tmp, keep, manifest, site_id, cleared)
    except sqlite3.Error as exc:
        raise_sqlite(exc)


def _trim(tmp: Path, keep: dict[str, set[str]] | None, manifest: dict, site_id: str,
          cleared: tuple[str, ...]) -> None:
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        if keep is not None:
            for kind in KINDS.values():
                ids = keep[kind.name]
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS keep_ids(id TEXT PRIMARY KEY)")
                conn.execute("DELETE FROM keep_ids")
                conn.executemany("INSERT INTO keep_ids(id) VALUES (?)", [(i,) for i in ids])
                # set the kept rows aside and empty the table at once (SQLite's truncate
                # optimisation): deleting 90% of 100,000 rows one by one through every index
                # took most of a one-unit export's time
                conn.execute(f"CREATE TEMP TABLE kept AS SELECT * FROM {kind.table} "
                             "WHERE id IN (SELECT id FROM keep_ids) ORDER BY rowid")
                conn.execute(f"DELETE FROM {kind.table}")
                conn.execute(f"INSERT INTO {kind.table} SELECT * FROM temp.kept")
                conn.execute("DROP TABLE temp.kept")
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
        conn.execute("DROP TABLE IF EXISTS temp.keep_ids")
        conn.execute("VACUUM")  # nothing outside the slice survives in free pages
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
