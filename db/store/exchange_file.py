"""Writing an exchange file from rows that came over the network (a hub's changeset), so that it
is checked and merged exactly like a file someone sent (store/received.py, exchange/merge.py)."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from db.model import KINDS
from db.store.schema import run_steps


def _cell(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def write(path: Path, site: str, manifest: dict, peers: dict[str, str], rows: dict[str, list[dict]],
          blobs: Sequence[tuple] = ()) -> None:
    """A fresh file at `path` of our schema holding `rows` ({kind: [row as stored]}) and the
    attached files' `blobs` ((sha256, size, media type, bytes)). Columns are taken by name from
    our own kinds, so nothing but the expected columns is written."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        run_steps(conn, 0)
        conn.execute("BEGIN")
        for kind_name, items in rows.items():
            kind = KINDS[kind_name]
            cols = ["id", *(f.name for f in kind.fields), "deleted", "created_hlc", "cell_clocks"]
            conn.executemany(f"INSERT INTO {kind.table}({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             [[_cell(r.get(c)) for c in cols] for r in items])
        conn.executemany("INSERT OR IGNORE INTO blobs(sha256, size, media_type, bytes) VALUES (?, ?, ?, ?)",
                         list(blobs))
        conn.execute("INSERT INTO meta(key, value) VALUES ('site_id', ?)", (site,))
        conn.executemany("INSERT INTO peers(site_id, last_hlc) VALUES (?, ?)", list(peers.items()))
        conn.executemany("INSERT INTO manifest(key, value) VALUES (?, ?)",
                         [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
                          for k, v in manifest.items()])
        conn.execute("COMMIT")
    finally:
        conn.close()
