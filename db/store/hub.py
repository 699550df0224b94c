"""The PostgreSQL hub's door (DESIGN §5, second wave): every statement sent to a hub is here.

psycopg 3. The hub holds changesets as sites pushed them (kc_changesets, rows in kc_rows), in the
order it accepted them (`cursor`, assigned by the server). Pushes take one advisory lock so
cursors become visible in order (a puller never skips one committed late). Row-level security
(hub_migrations/h001.sql) limits a unit's role to the records of its slice.
"""
from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "hub_migrations"
PUSH_LOCK = 0x4B43_5055  # "KCPU"
GROUP_ROLES = ("kc_office", "kc_unit")


def _psycopg():
    import psycopg  # imported when a hub is used: the rest of the app runs without it
    return psycopg


def open_connection(url: str, timeout: int = 5, password: str | None = None):
    """A connection (the caller closes it). `password`, when given, is used for this connection
    only (asked at sync time, never stored); otherwise libpq looks in its password file."""
    psycopg = _psycopg()
    extra = {"password": password} if password else {}
    try:
        return psycopg.connect(url, connect_timeout=timeout, autocommit=False,
                               options="-c statement_timeout=120000", **extra)
    except psycopg.OperationalError as exc:
        exc.kc_at_login = True  # (see login_problem)
        raise


@contextlib.contextmanager
def connect(url: str, timeout: int = 5, password: str | None = None) -> Iterator:
    conn = open_connection(url, timeout, password)
    try:
        yield conn
    finally:
        conn.close()


NEEDS_PASSWORD, PASSWORD_REFUSED = "needs password", "password refused"


def login_problem(exc: Exception) -> str | None:
    """Why opening a connection failed, as far as passwords go (libpq's own flags, not the
    server's wording, which may be in any language): the server asked for a password and none
    was at hand; or one was sent and the login still failed (a wrong password, most likely)."""
    pgconn = getattr(exc, "pgconn", None)
    if pgconn is None or not getattr(exc, "kc_at_login", False):  # a later error is not about logging in
        return None
    if pgconn.needs_password:
        return NEEDS_PASSWORD
    return PASSWORD_REFUSED if pgconn.used_password else None


def hub_steps() -> list[tuple[int, str]]:
    found = sorted((int(p.stem[1:]), p.read_text(encoding="utf-8"))
                   for p in MIGRATIONS_DIR.glob("h[0-9][0-9][0-9].sql"))
    assert [v for v, _ in found] == list(range(1, len(found) + 1)), "hub migration numbers must be 1..N"
    return found


def init(conn, upto: int | None = None) -> list[int]:
    """Create the group roles if missing, then run every hub migration not yet run (up to `upto`:
    tests build a hub as an older version left it), each in one transaction recorded in
    kc_hub_migrations. Returns the versions run now."""
    with conn.transaction():
        for role in GROUP_ROLES:
            conn.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "
                         f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$")
        conn.execute("CREATE TABLE IF NOT EXISTS kc_hub_migrations (version integer PRIMARY KEY, "
                      "applied_at timestamptz NOT NULL DEFAULT now())")
        conn.execute("GRANT SELECT ON kc_hub_migrations TO kc_office, kc_unit")
    done = {r[0] for r in conn.execute("SELECT version FROM kc_hub_migrations")}
    conn.commit()
    ran = []
    for version, sql in hub_steps():
        if version in done or (upto is not None and version > upto):
            continue
        with conn.transaction():
            conn.execute(sql)
            conn.execute("INSERT INTO kc_hub_migrations(version) VALUES (%s)", (version,))
        ran.append(version)
    return ran


def version(conn) -> int:
    with conn.transaction():
        row = conn.execute("SELECT to_regclass('kc_hub_migrations') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        return conn.execute("SELECT coalesce(max(version), 0) FROM kc_hub_migrations").fetchone()[0]


def grant(conn, role: str, unit_ids: list[str], office: bool) -> None:
    """Let an existing login role write for the office (everything) or for these units."""
    psycopg = _psycopg()
    ident = psycopg.sql.Identifier(role)
    with conn.transaction():
        group = "kc_office" if office else "kc_unit"
        conn.execute(psycopg.sql.SQL("GRANT {} TO {}").format(psycopg.sql.Identifier(group), ident))
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO kc_unit_roles(role_name, unit_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                            [(role, u) for u in unit_ids])


def is_office(conn) -> bool:
    with conn.transaction():
        return bool(conn.execute("SELECT pg_has_role(current_user, 'kc_office', 'MEMBER')").fetchone()[0])


def push(conn, site: str, seq: int, manifest: dict, rows: list[tuple[str, str, dict]]) -> tuple[bool, dict | None]:
    """Store one changeset in one transaction. (True, None) if stored now; (False, manifest) if
    this site's changeset `seq` was already there (a retried push: nothing changes)."""
    Jsonb = _psycopg().types.json.Jsonb
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        row = conn.execute("INSERT INTO kc_changesets(site_id, seq, manifest) VALUES (%s, %s, %s) "
                           "ON CONFLICT (site_id, seq) DO NOTHING RETURNING cursor",
                           (site, seq, Jsonb(manifest))).fetchone()
        if row is None:
            stored = conn.execute("SELECT manifest FROM kc_changesets WHERE site_id=%s AND seq=%s",
                                  (site, seq)).fetchone()
            return False, stored[0] if stored else {}
        cursor = row[0]
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO kc_rows(cursor, kind, row_id, data) VALUES (%s, %s, %s, %s)",
                            [(cursor, kind, rid, Jsonb(data)) for kind, rid, data in rows])
    return True, None


def last_seq(conn, site: str) -> int:
    with conn.transaction():
        return conn.execute("SELECT coalesce(max(seq), 0) FROM kc_changesets WHERE site_id=%s", (site,)).fetchone()[0]


def changesets_after(conn, cursor: int, site: str, limit: int = 50) -> list[tuple[int, str, int, dict]]:
    """(cursor, site, seq, manifest) of other sites' changesets after `cursor`, in order."""
    with conn.transaction():
        return conn.execute("SELECT cursor, site_id, seq, manifest FROM kc_changesets WHERE cursor > %s "
                            "AND site_id <> %s ORDER BY cursor LIMIT %s", (cursor, site, limit)).fetchall()


def changeset_rows(conn, cursor: int) -> list[tuple[str, str, dict]]:
    with conn.transaction():
        return conn.execute("SELECT kind, row_id, data FROM kc_rows WHERE cursor=%s ORDER BY kind, row_id",
                            (cursor,)).fetchall()


def latest_rows(conn, kind: str, ids: list[str]) -> list[tuple[str, dict]]:
    """The newest version the hub holds of each of these records (what a changeset points at
    but the receiver lacks)."""
    with conn.transaction():
        return conn.execute("SELECT DISTINCT ON (row_id) row_id, data FROM kc_rows WHERE kind=%s "
                            "AND row_id = ANY(%s) ORDER BY row_id, cursor DESC", (kind, ids)).fetchall()


def push_blobs(conn, items: list[tuple[str, int, str, bytes]]) -> None:
    """Store attached files' bytes (sha256, size, media type, bytes) once each, in one transaction
    (before the changeset naming them, so a puller finds them)."""
    if not items:
        return
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany("INSERT INTO kc_blobs(sha256, size, media_type, bytes) VALUES (%s, %s, %s, %s) "
                        "ON CONFLICT (sha256) DO NOTHING", items)


def blobs(conn, hashes: list[str]) -> list[tuple[str, int, str, bytes]]:
    """(sha256, size, media type, bytes) of those of these files the hub holds."""
    if not hashes:
        return []
    with conn.transaction():
        return [(r[0], r[1], r[2], bytes(r[3])) for r in conn.execute(
            "SELECT sha256, size, media_type, bytes FROM kc_blobs WHERE sha256 = ANY(%s)", (hashes,)).fetchall()]


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def note_cursor(conn, site: str, cursor: int) -> None:
    """Tell the hub how far this site has pulled (for compaction; h005). Never moves it back."""
    with conn.transaction():
        conn.execute("INSERT INTO kc_site_cursors(site_id, cursor) VALUES (%s, %s) ON CONFLICT (site_id) DO UPDATE "
                     "SET cursor = greatest(kc_site_cursors.cursor, excluded.cursor), noted_at = now()",
                     (site, cursor))


def compact(conn) -> tuple[int, int]:
    """Delete the row versions that every site has pulled past and that a newer version of the
    same record dominates (each of its cells at the same or a later clock: the newer one was made
    by a site that had merged it, so it says nothing the newer does not). The newest version of
    every record stays, and so do the changesets' headers (a retried push still finds its
    (site, seq)). Past every site: each other site's noted cursor is at or beyond it; a site
    that pushed but never noted a cursor holds everything back. Returns (deleted, kept)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUSH_LOCK,))
        deleted = conn.execute(
            "WITH sites AS (SELECT site_id FROM kc_changesets UNION SELECT site_id FROM kc_site_cursors), "
            "pulled AS (SELECT s.site_id, coalesce(c.cursor, 0) AS cursor FROM sites s "
            "           LEFT JOIN kc_site_cursors c USING (site_id)), "
            "past AS (SELECT ch.cursor FROM kc_changesets ch WHERE NOT EXISTS "
            "         (SELECT 1 FROM pulled p WHERE p.site_id <> ch.site_id AND p.cursor < ch.cursor)) "
            "DELETE FROM kc_rows r USING past WHERE r.cursor = past.cursor AND EXISTS "
            "(SELECT 1 FROM kc_rows newer WHERE newer.kind = r.kind AND newer.row_id = r.row_id "
            " AND newer.cursor > r.cursor AND kc_dominates(newer.data, r.data))").rowcount
        kept = conn.execute("SELECT count(*) FROM kc_rows").fetchone()[0]
    return deleted, kept
