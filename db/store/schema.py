"""Schema versions and upgrades (calibre's habit: numbered steps, one transaction each).

A new file gets every step. An older file is backed up first (beside it, in
`<file>.backups/`), then upgraded step by step, each step in one transaction that also bumps
user_version. A file from a newer version of the app is refused.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from db import clock
from db.errors import NewerVersion, NotAPortfolio, raise_sqlite
from db.i18n import QT_TRANSLATE_NOOP
from db.store.connection import copy_database, looks_like_sqlite, transaction

APPLICATION_ID = 0x4B43545A  # "KCTZ" — 科创台账
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


Step = str | Callable[[sqlite3.Connection], None]  # SQL text, or a Python upgrade(conn)


def _python_step(path: Path) -> Step:
    """A step written in Python (`vNNN.py` defining `upgrade(conn)`): for data moves SQL cannot say."""
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace["upgrade"]


def steps() -> list[tuple[int, Step]]:
    """[(version, step)] for every numbered upgrade step, in order: `vNNN.sql` (statements) or
    `vNNN.py` (a function upgrade(conn)), one per number."""
    found: list[tuple[int, Step]] = []
    for p in sorted(MIGRATIONS_DIR.glob("v[0-9][0-9][0-9].*")):
        if p.suffix == ".sql":
            found.append((int(p.stem[1:]), p.read_text(encoding="utf-8")))
        elif p.suffix == ".py":
            found.append((int(p.stem[1:]), _python_step(p)))
    assert [v for v, _ in found] == list(range(1, len(found) + 1)), "migration numbers must be 1..N"
    return found


def run_steps(conn: sqlite3.Connection, after: int, upto: int | None = None) -> None:
    """The one migration runner: every step numbered above `after` (up to `upto`), each in one
    transaction that also sets application_id and user_version. Used by the working file, a
    restored backup, and the received-file check (which builds the schema it expects with it)."""
    for number, step in steps():
        if number <= after or (upto is not None and number > upto):
            continue
        with transaction(conn):
            if isinstance(step, str):
                for statement in _split(step):
                    conn.execute(statement)
            else:
                step(conn)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={number}")


SCHEMA_VERSION = len(steps())


def file_version(conn: sqlite3.Connection) -> tuple[int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0


def backups_dir(db_path: Path) -> Path:
    return Path(str(db_path) + ".backups")


def backup_path(db_path: Path, label: str, now: dt.datetime) -> Path:
    """Where a backup made at `now` (the portfolio's clock) goes."""
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{Path(db_path).stem}-{label}-{stamp}.sqlite"


def check_version(conn: sqlite3.Connection, name: str) -> int:
    """Return the file's schema version, or raise when it is not ours or too new."""
    app_id, version = file_version(conn)
    if app_id != APPLICATION_ID:
        raise NotAPortfolio(QT_TRANSLATE_NOOP("errors", "“{path}”不是科创项目台账的组合文件（是其他程序的数据库）。"),
                            path=name)
    if version > SCHEMA_VERSION:
        raise NewerVersion(QT_TRANSLATE_NOOP(
            "errors", "“{path}”由更新版本的科创项目台账创建（数据格式 {version}，本程序支持到 {supported}）。请升级程序后再打开。"),
            path=name, version=version, supported=SCHEMA_VERSION)
    return version


def upgrade(conn: sqlite3.Connection, db_path: Path | None, now: dt.datetime | None = None) -> list[Path]:
    """Create or upgrade the schema to SCHEMA_VERSION. Returns backups made (if any), named by
    `now` (the portfolio's clock; the system's when not given)."""
    backups: list[Path] = []
    if is_empty(conn):
        version = 0
    else:
        version = check_version(conn, Path(db_path).name if db_path else "?")
        if version < SCHEMA_VERSION and db_path is not None:
            backups.append(copy_database(conn, backup_path(db_path, f"v{version}", now or clock.system_now())))
    run_steps(conn, version)
    return backups


def meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE "
                 "SET value=excluded.value", (key, value))


def integrity(conn: sqlite3.Connection) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks (empty = healthy)."""
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}" for r in conn.execute("PRAGMA foreign_key_check")]
    return problems


def open_backup(backup: Path) -> sqlite3.Connection:
    """A backup file opened read-only, checked to be a portfolio this version can read; a clear
    refusal naming the file otherwise (not a database, damaged, another program's, newer)."""
    backup = Path(backup)
    if not looks_like_sqlite(backup):
        raise NotAPortfolio(QT_TRANSLATE_NOOP("errors", "“{path}”不是科创项目台账的组合文件（不是 SQLite 数据库）。"),
                            path=backup.name)
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        check_version(src, backup.name)
        problems = [r[0] for r in src.execute("PRAGMA quick_check")]  # the whole file: restoring is rare
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems[:3]))
    except sqlite3.Error as exc:
        src.close()
        raise NotAPortfolio(QT_TRANSLATE_NOOP("errors", "备份“{path}”已损坏，不能用它恢复（{detail}）。"),
                            path=backup.name, detail=str(exc)) from exc
    except BaseException:
        src.close()
        raise
    return src


def restore_into(conn: sqlite3.Connection, backup: Path, now: dt.datetime) -> None:
    """Replace the whole content of `conn`'s database with a backup file (upgraded on the way if
    it is older), through SQLite's backup API so locking and the WAL stay consistent."""
    src = open_backup(backup)
    try:
        if check_version(src, Path(backup).name) != SCHEMA_VERSION:
            upgrade(src, None, now)
        src.backup(conn)
    except sqlite3.Error as exc:
        raise_sqlite(exc)
    finally:
        src.close()


def schema_objects(conn: sqlite3.Connection) -> set[tuple]:
    """(type, name, tbl_name, sql) of every object in the file's schema."""
    return set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema"))


def expected_schema(version: int) -> set[tuple]:
    """The schema objects of a fresh file at `version`, built by our own migration runner."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        run_steps(conn, 0, version)
        return schema_objects(conn)
    finally:
        conn.close()


def _split(sql: str) -> list[str]:
    """Split a migration file into statements (our files hold no ';' inside literals)."""
    body = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]
