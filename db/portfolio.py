"""A portfolio file: the domain API every caller uses (GUI, CLI, tests, scripts).

    with Portfolio.open(path) as pf:
        changes = pf.apply([Update("milestones", mid, {"planned_date": "2026-03-31"},
                                   reason="设备到货延期")])
        pf.undo(changes)
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid
from pathlib import Path

from db import hlc, records, schema
from db.changes import Changes, Create, Delete, Op, Restore, Update
from db.clock import WallClock
from db.connection import FileLock, connect, copy_database, enable_wal, transaction
from db.errors import NotFound, ReadOnlyPortfolio, UserError, raise_sqlite
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS, Kind, kind_of
from db.writes import Writer

SETTINGS_NAMESPACE = uuid.UUID("6b2b5f0e-3c1e-4f55-9a57-1c0e8f8d6a10")


def setting_id(key: str) -> str:
    return str(uuid.uuid5(SETTINGS_NAMESPACE, "setting:" + key))


class Portfolio:
    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, readonly: bool,
                 backups: list[Path], wallclock: WallClock):
        self.path = Path(path)
        self.conn = conn
        self._lock = lock
        self.readonly = readonly
        self.backups_made = backups
        self.wallclock = wallclock
        self._mutex = threading.RLock()
        self.site_id = self.meta("site_id") or ""
        self.clock = hlc.Clock(self.site_id or hlc.BUILTIN_SITE, self.meta("hlc_last"))
        self.writer = Writer(conn, self.clock, wallclock)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path, *, create: bool = False, readonly: bool = False, today=None, now=None) -> "Portfolio":
        """Open (or create) a portfolio. `today` / `now` pin its clock (see db/clock.py)."""
        path = Path(path)
        if not path.exists() and not create:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到组合文件“{path}”"), path=str(path))
        if readonly and not path.exists():
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到组合文件“{path}”"), path=str(path))
        wallclock = WallClock(today, now)
        lock = None
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(path)
            lock.acquire()
        try:
            conn = connect(path, readonly=readonly)
            try:
                if readonly:
                    schema.check_version(conn, path.name)
                    backups = []
                else:
                    if not schema.is_empty(conn):
                        schema.check_version(conn, path.name)  # refuse before writing anything
                    enable_wal(conn)
                    backups = schema.upgrade(conn, path, wallclock.now())
                    _ensure_site(conn, wallclock)
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as exc:
            if lock:
                lock.release(remove_created=True)
            raise_sqlite(exc)
        except BaseException:
            if lock:
                lock.release(remove_created=True)
            raise
        return cls(path, conn, lock, readonly, backups, wallclock)

    def today(self) -> dt.date:
        """The portfolio's date: what colours, briefs and deadlines are judged against."""
        return self.wallclock.today()

    def now(self) -> dt.datetime:
        """The portfolio's time: what it writes as recorded/exported/merged at."""
        return self.wallclock.now()

    def stamp(self) -> str:
        return self.wallclock.stamp()

    def close(self) -> None:
        with self._mutex:
            if self.conn is not None:
                self.conn.close()
                self.conn = None
            if self._lock:
                self._lock.release(remove=True)  # a clean close leaves no .lock (issue #21)
                self._lock = None

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the main file, so the .sqlite alone holds every saved
        edit (a user copies or e-mails that file). The GUI calls it off the UI thread when idle."""
        with self._mutex:
            if self.conn is None or self.readonly or self.conn.in_transaction:
                return
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.Error as exc:
                raise_sqlite(exc)

    def __enter__(self) -> "Portfolio":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self._require_writable()
        with self._mutex, transaction(self.conn):
            self.conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE "
                              "SET value=excluded.value", (key, value))

    @property
    def schema_version(self) -> int:
        return schema.file_version(self.conn)[1]

    # -- writing -------------------------------------------------------------------------
    def _require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyPortfolio(QT_TRANSLATE_NOOP("errors", "组合文件“{path}”以只读方式打开，不能修改。"),
                                    path=self.path.name)

    def apply(self, ops: list[Op], *, undo: bool = False) -> Changes:
        """Apply ops in one transaction; all or nothing. Returns what changed."""
        self._require_writable()
        with self._mutex:
            saved = (self.clock.wall, self.clock.counter)
            try:
                with transaction(self.conn):
                    changes = self.writer.apply(ops, undo=undo)
                    if changes:
                        self.conn.execute("INSERT INTO meta(key, value) VALUES('hlc_last', ?) "
                                          "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                                          (self.clock.last,))
            except UserError:
                self.clock.wall, self.clock.counter = saved
                raise
            except sqlite3.Error as exc:
                self.clock.wall, self.clock.counter = saved
                raise_sqlite(exc)
            return changes

    def undo(self, changes: Changes) -> Changes:
        """Revert `changes` as new edits (so the undo itself merges like any edit)."""
        return self.apply(changes.inverse(), undo=True)

    def create(self, kind: str, fields: dict, id: str | None = None) -> tuple[str, Changes]:
        changes = self.apply([Create(kind, fields, id)])
        return changes.records[0].id, changes

    def update(self, kind: str, row_id: str, fields: dict, reason: str | None = None,
               approved_by: str | None = None) -> Changes:
        return self.apply([Update(kind, row_id, fields, reason, approved_by)])

    def delete(self, kind: str, row_id: str) -> Changes:
        return self.apply([Delete(kind, row_id)])

    # -- reading -------------------------------------------------------------------------
    def kind(self, name: str) -> Kind:
        kind = kind_of(name)
        if kind is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "未知的记录类型“{kind}”，可用：{kinds}"),
                            kind=name, kinds=", ".join(KINDS))
        return kind

    def get(self, kind: str, row_id: str, include_deleted: bool = False) -> dict | None:
        with self._mutex:
            return records.get(self.conn, self.kind(kind), row_id, include_deleted)

    def find(self, row_id: str) -> tuple[str, dict]:
        with self._mutex:
            found = records.find_any(self.conn, row_id)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的记录"), id=row_id)
        return found[0].name, found[1]

    def list(self, kind: str, where: str = "", params=(), include_deleted: bool = False,
             order: str = "rowid", fields: tuple[str, ...] | None = None) -> list[dict]:
        with self._mutex:
            return records.list_records(self.conn, self.kind(kind), where=where, params=params,
                                        include_deleted=include_deleted, order=order, fields=fields)

    def rows(self, kind: str, fields: tuple[str, ...], where: str = "", params=(),
             order: str = "rowid") -> list[tuple]:
        """Live records as plain tuples (id, *fields), nothing decoded: for going over every
        record of a large portfolio (see records.rows for which fields qualify)."""
        with self._mutex:
            return records.rows(self.conn, self.kind(kind), fields, where=where, params=params, order=order)

    def count(self, kind: str, where: str = "", params=()) -> int:
        """Live records of a kind (those matching `where`, an SQL condition, if given)."""
        sql = f"SELECT count(*) FROM {self.kind(kind).table} WHERE deleted=0"
        with self._mutex:
            return self.conn.execute(sql + (f" AND ({where})" if where else ""), params).fetchone()[0]

    def counts(self) -> dict[str, int]:
        with self._mutex:
            return records.counts(self.conn)

    def dump(self) -> dict[str, list[dict]]:
        """Every live record grouped by kind (the `dump --json` contract)."""
        out = {}
        for name in KINDS:
            out[name] = [{k: v for k, v in rec.items() if k != "deleted"} for rec in self.list(name)]
        return out

    def integrity(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty = healthy)."""
        with self._mutex:
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                         for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems

    def save_as(self, target: Path) -> Path:
        """Write a consistent copy to `target` (atomically) that is a new replica: own site id."""
        from db.connection import copy_database
        with self._mutex:
            copy_database(self.conn, Path(target))
        conn = sqlite3.connect(str(target), isolation_level=None)
        try:
            conn.execute("BEGIN")
            conn.execute("UPDATE meta SET value=? WHERE key='site_id'", (hlc.new_site_id(),))
            if self.site_id:  # the copy has seen everything this file had: not concurrent edits
                conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(site_id) DO UPDATE SET last_hlc=excluded.last_hlc",
                             (self.site_id, self.clock.last, self.stamp()))
            conn.execute("COMMIT")
        finally:
            conn.close()
        return Path(target)

    def restore_from(self, backup: Path) -> Path:
        """Replace the content of this portfolio with a backup (undo of a merge), via SQLite's
        backup API so locking and the WAL stay consistent. The current state is backed up first."""
        self._require_writable()
        safety = copy_database(self.conn, schema.backup_path(self.path, "before-restore", self.now()))
        with self._mutex:
            src = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
            try:
                check = schema.check_version(src, Path(backup).name)
                if check != schema.SCHEMA_VERSION:
                    schema.upgrade(src, None, self.now())
                src.backup(self.conn)
            finally:
                src.close()
            self.site_id = self.meta("site_id") or ""
            self.clock = hlc.Clock(self.site_id or hlc.BUILTIN_SITE, self.meta("hlc_last"))
            self.writer.clock = self.clock
        return safety

    # -- settings (synced, so thresholds travel with the portfolio) ------------------------
    def setting(self, key: str, default=None):
        rec = self.get("settings", setting_id(key))
        return default if rec is None or rec["value"] in (None, {}) and default is not None else (
            rec["value"] if rec else default)

    def setting_ops(self, key: str, value) -> list[Op]:
        """The ops that store a setting (for callers that apply them through an undo stack)."""
        sid = setting_id(key)
        current = self.get("settings", sid, include_deleted=True)
        if current is None:
            return [Create("settings", {"key": key, "value": value}, sid)]
        # a setting whose creation was undone is a tombstone: storing it again brings it back
        return ([Restore("settings", sid)] if current["deleted"] else []) + [Update("settings", sid, {"value": value})]

    def set_setting(self, key: str, value) -> Changes:
        return self.apply(self.setting_ops(key, value))


def _ensure_site(conn: sqlite3.Connection, wallclock: WallClock) -> None:
    """Give a new portfolio file its random site id (DESIGN §5); likewise a file exported by an
    earlier version, which still carries its exporter's id (see exchange/export.py)."""
    row = conn.execute("SELECT value FROM meta WHERE key='site_id'").fetchone()
    manifest = dict(conn.execute("SELECT key, value FROM manifest").fetchall())
    if row is not None and manifest.get("source_site") != row[0]:
        return
    with transaction(conn):
        if row is not None and hlc.is_valid(manifest.get("max_clock")):  # the exporter's copy, seen to there
            conn.execute("INSERT INTO peers(site_id, last_hlc, last_merged_at) VALUES (?, ?, ?) "
                         "ON CONFLICT(site_id) DO UPDATE SET last_hlc=max(last_hlc, excluded.last_hlc)",
                         (row[0], manifest["max_clock"], manifest.get("exported_at")))
        conn.execute("INSERT INTO meta(key, value) VALUES('site_id', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (hlc.new_site_id(),))
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('created_at', ?)",
                     (wallclock.stamp(),))
