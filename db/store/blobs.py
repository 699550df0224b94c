"""The `blobs` table (issue #18): attached files' bytes, content-addressed by SHA-256, inside the
portfolio file, so one file holds everything and any SQLite tool lists them:

    SELECT sha256, size, media_type FROM blobs;

A blob is written once and never changed (its name is its content); attachments (a synced kind)
name blobs by hash. Only SQL lives here; db/attachments/ decides what may be stored.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

MAX_BLOB_BYTES = 20 * 1024 * 1024  # one attached file, in the portfolio or a received file


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    media_type: str
    data: bytes
    thumbnail: bytes | None = None


def put(conn: sqlite3.Connection, blob: Blob) -> bool:
    """Store a blob unless one of that hash is there already; whether it was added."""
    cur = conn.execute("INSERT OR IGNORE INTO blobs(sha256, size, media_type, bytes, thumbnail) VALUES (?, ?, ?, ?, ?)",
                       (blob.sha256, blob.size, blob.media_type, blob.data, blob.thumbnail))
    return cur.rowcount == 1


def info(conn: sqlite3.Connection, sha256: str) -> tuple[int, str] | None:
    """(size, media type) of a stored blob, or None."""
    row = conn.execute("SELECT size, media_type FROM blobs WHERE sha256=?", (sha256,)).fetchone()
    return (row[0], row[1]) if row else None


def data(conn: sqlite3.Connection, sha256: str) -> bytes | None:
    row = conn.execute("SELECT bytes FROM blobs WHERE sha256=?", (sha256,)).fetchone()
    return bytes(row[0]) if row else None


def thumbnails(conn: sqlite3.Connection, hashes: Iterable[str]) -> dict[str, bytes]:
    """{sha256: thumbnail PNG} of those of these blobs that have one."""
    wanted = sorted(set(hashes))
    if not wanted:
        return {}
    rows = conn.execute("SELECT sha256, thumbnail FROM blobs WHERE thumbnail IS NOT NULL AND sha256 IN "
                        "(SELECT value FROM json_each(?))", (_json(wanted),))
    return {r[0]: bytes(r[1]) for r in rows}


def present(conn: sqlite3.Connection, hashes: Iterable[str]) -> set[str]:
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    return {r[0] for r in conn.execute("SELECT sha256 FROM blobs WHERE sha256 IN (SELECT value FROM json_each(?))",
                                       (_json(wanted),))}


def full(conn: sqlite3.Connection, hashes: Iterable[str]) -> list[tuple[str, int, str, bytes]]:
    """(sha256, size, media type, bytes) of those of these blobs we hold."""
    wanted = sorted(set(hashes))
    if not wanted:
        return []
    return [tuple(r) for r in conn.execute("SELECT sha256, size, media_type, bytes FROM blobs "
                                           "WHERE sha256 IN (SELECT value FROM json_each(?))", (_json(wanted),))]


def total_size(conn: sqlite3.Connection) -> int:
    """Bytes of every stored blob (what counts against the portfolio's attachment budget)."""
    return conn.execute("SELECT coalesce(sum(size), 0) FROM blobs").fetchone()[0]


def listing(conn: sqlite3.Connection) -> list[tuple[str, int, str]]:
    """(sha256, size, media type) of every blob."""
    return conn.execute("SELECT sha256, size, media_type FROM blobs ORDER BY sha256").fetchall()


def keep_only_referenced(conn: sqlite3.Connection) -> None:
    """In an exported copy: drop the blobs no live attachment of the copy names, and the
    thumbnails (a receiver makes its own from the bytes it checked)."""
    conn.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments WHERE deleted=0 "
                 "AND sha256 IS NOT NULL)")
    conn.execute("UPDATE blobs SET thumbnail=NULL")


def _json(values: list[str]) -> str:
    import json
    return json.dumps(values)
