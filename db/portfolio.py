"""A portfolio file: the domain API every caller uses (GUI, CLI, tests, scripts).

    with Portfolio.open(path) as pf:
        changes = pf.apply([Update("milestones", mid, {"planned_date": "2026-03-31"},
                                   reason="设备到货延期")])
        pf.undo(changes)
"""
from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import logging
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from db import rules  # noqa: F401  (registers the kinds' write-path hooks)
from db.clock import WallClock
from db.errors import NotFound, ReadOnlyPortfolio, StorageError, UserError, raise_sqlite
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS, Kind, kind_of
from db.sheets import gcpause
from db.store import blobs, hlc, outputs, records, schema, sync
from db.store.backup_beside import BackupBeside
from db.store.changes import Changes, Create, Delete, Op, Restore, Update
from db.store.connection import FileLock, check_writable, connect, copy_database, enable_wal, transaction
from db.store.writer import Writer

log = logging.getLogger(__name__)

SETTINGS_NAMESPACE = uuid.UUID("6b2b5f0e-3c1e-4f55-9a57-1c0e8f8d6a10")


def setting_id(key: str) -> str:
    return str(uuid.uuid5(SETTINGS_NAMESPACE, "setting:" + key))


class Portfolio:
    def __init__(self, path: Path, conn: sqlite3.Connection, lock: FileLock | None, readonly: bool,
                 backups: builtins.list[Path], wallclock: WallClock):
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = conn
        self._lock = lock
        self.readonly = readonly
        self.backups_made = backups
        self.wallclock = wallclock
        self._mutex = threading.RLock()
        self.site_id = self.meta("site_id") or ""
        self.clock = hlc.Clock(self.site_id or hlc.BUILTIN_SITE, self.meta("hlc_last"))
        self.writer = Writer(conn, self.clock, wallclock)
        # a plain copy of a working file becomes a replica of its own at its first write (so a
        # command that changes nothing leaves the copy's bytes as they were): sync.site_renewal
        self._renewal = None if readonly else sync.site_renewal(conn, self.path)

    # -- the one door: every read and every transaction goes through these two ----------------
    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection for reading, held under the portfolio's lock (no transaction)."""
        with self._mutex:
            if self._conn is None:
                raise RuntimeError("the portfolio is closed")
            yield self._conn

    @contextlib.contextmanager
    def write(self, label: str, *, keep: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: the lock, BEGIN IMMEDIATE, the clock persisted with the commit; on any
        error everything rolls back, the clock too. keep=False rolls back even on success (a trial
        run: nothing is written). `label` names the transaction in the log."""
        self.require_writable()
        with self._mutex:
            if self._conn is None:
                raise RuntimeError("the portfolio is closed")
            saved = (self.clock.wall, self.clock.counter)
            site = (self.site_id, self._renewal)
            try:
                with transaction(self._conn, keep=keep):
                    self._settle_site()
                    yield self._conn
                    if keep and (self.clock.wall, self.clock.counter) != saved:
                        schema.set_meta(self._conn, "hlc_last", self.clock.last)
            except BaseException as exc:
                self.clock.wall, self.clock.counter = saved
                self._restore_site(site)
                if isinstance(exc, sqlite3.Error):
                    log.warning("%s rolled back: %s", label, exc)
                    raise_sqlite(exc)
                raise
            if not keep:
                self.clock.wall, self.clock.counter = saved
                self._restore_site(site)

    def _settle_site(self) -> None:
        """Inside a write, before anything is written: a plain copy of a working file takes a
        site id of its own now (sync.site_renewal); a file from before identities were kept
        records its own."""
        if self._renewal is None:
            return
        assert self._conn is not None  # inside write(): the portfolio is open
        new_site = sync.renew_site(self._conn, self.path, self._renewal, self.clock.last, self.stamp())
        self._renewal = None
        if new_site:
            self.site_id = self.clock.site = new_site

    def settle_site(self) -> None:
        """Take the file's own site id now if it is a plain copy (otherwise the first write does)."""
        if self._renewal is not None:
            with self.write("site"):
                pass

    def _restore_site(self, site: tuple) -> None:
        """After a rolled-back write: the site as it was (its meta rows rolled back with it)."""
        self.site_id, self._renewal = site
        self.clock.site = self.site_id or hlc.BUILTIN_SITE

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path, *, create: bool = False, readonly: bool = False, today=None, now=None,
             lock_wait: float = 0.0) -> Portfolio:
        """Open (or create) a portfolio. `today` / `now` pin its clock (see db/clock.py); a file
        open for writing elsewhere is waited for up to `lock_wait` seconds (then PortfolioLocked)."""
        path = Path(path)
        if not path.exists() and not create:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到组合文件“{path}”"), path=str(path))
        if readonly and not path.exists():
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到组合文件“{path}”"), path=str(path))
        wallclock = WallClock(today, now)
        lock = None
        if not readonly:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # a file where a folder should be, no permission, …
                raise StorageError(QT_TRANSLATE_NOOP("errors", "无法写入组合文件所在的文件夹“{path}”：{detail}"),
                                   path=str(path.parent), detail=exc.strerror or str(exc)) from exc
            lock = FileLock(path)
            lock.acquire_within(lock_wait)
        try:
            conn = connect(path, readonly=readonly)
            try:
                if readonly:
                    schema.check_version(conn, path.name)
                    backups = []
                else:
                    if not schema.is_empty(conn):
                        schema.check_version(conn, path.name)  # refuse before writing anything
                    check_writable(conn, path)
                    enable_wal(conn)
                    backups = schema.upgrade(conn, path, wallclock.now())
                    sync.ensure_site(conn, wallclock.stamp(), path)
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as exc:
            if lock:
                lock.release(remove_created=True)
            _say_disk_full(path, exc)
            raise_sqlite(exc)
        except StorageError as exc:
            if lock:
                lock.release(remove_created=True)
            _say_disk_full(path, exc)
            raise
        except BaseException:
            if lock:
                lock.release(remove_created=True)
            raise
        outputs.opened(path)  # no output file is written over it while it is open
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
            if self._conn is not None:
                self._conn.close()
                self._conn = None
                outputs.closed(self.path)
            if self._lock:
                self._lock.release(remove=True)  # a clean close leaves no .lock (issue #21)
                self._lock = None

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the main file, so the .sqlite alone holds every saved
        edit (a user copies or e-mails that file). The GUI calls it off the UI thread when idle."""
        with self._mutex:
            if self._conn is None or self.readonly or self._conn.in_transaction:
                return
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            except sqlite3.Error as exc:
                raise_sqlite(exc)

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.read() as db:
            return schema.meta(db, key, default)

    def set_meta(self, key: str, value: str) -> None:
        with self.write("set " + key) as db:
            schema.set_meta(db, key, value)

    @property
    def schema_version(self) -> int:
        with self.read() as db:
            return schema.file_version(db)[1]

    # -- writing -------------------------------------------------------------------------
    def require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyPortfolio(QT_TRANSLATE_NOOP("errors", "组合文件“{path}”以只读方式打开，不能修改。"),
                                    path=self.path.name)

    def apply(self, ops: Sequence[Op], *, undo: bool = False) -> Changes:
        """Apply ops in one transaction; all or nothing. Returns what changed.

        A large batch (an import's thousands of creates) runs with the cyclic collector paused:
        its records and Changes hold no cycles, and the collector walking them again and again
        was a fifth of the batch's time."""
        with self.write("undo" if undo else "edit"), (gcpause.paused() if len(ops) > 500 else contextlib.nullcontext()):
            return self.writer.apply(ops, undo=undo)

    def undo(self, changes: Changes) -> Changes:
        """Revert `changes` as new edits (so the undo itself merges like any edit)."""
        return self.apply(changes.inverse(), undo=True)

    def apply_with_blobs(self, items: Sequence[blobs.Blob], ops: Sequence[Op]) -> Changes:
        """Store attached files' bytes (by hash; one already there is kept) and apply ops that
        name them, in one transaction (db/attachments/attach.py)."""
        with self.write("attach") as db:
            for blob in items:
                blobs.put(db, blob)
            return self.writer.apply(ops)

    def blob(self, sha256: str) -> bytes | None:
        """An attached file's bytes, by its SHA-256."""
        with self.read() as db:
            return blobs.data(db, sha256)

    def thumbnails(self, hashes) -> dict[str, bytes]:
        """{sha256: PNG thumbnail} of those images among these blobs."""
        with self.read() as db:
            return blobs.thumbnails(db, hashes)

    def blob_bytes_total(self) -> int:
        """Bytes of every attached file the portfolio holds (the attachment budget's measure)."""
        with self.read() as db:
            return blobs.total_size(db)

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
        with self.read() as db:
            return records.get(db, self.kind(kind), row_id, include_deleted)

    def find(self, row_id: str) -> tuple[str, dict]:
        with self.read() as db:
            found = records.find_any(db, row_id)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的记录"), id=row_id)
        return found[0].name, found[1]

    def list(self, kind: str, include_deleted: bool = False, order: str = "rowid",
             fields: tuple[str, ...] | None = None, **filters: object) -> builtins.list[dict]:
        """Records of a kind, filtered by field: `list("teams", challenge_id=cid)` (equality),
        `list("teams", status=["立项", "淘汰"])` (a list or tuple means IN; None in it also takes
        the unset), `team_id=None` (IS NULL), `team_id=records.NOT_NULL`, `records.Prefix`,
        `Between`, `Range`, `AtLeast`. No SQL text comes from outside db/store/ (`order` is field
        names, checked against the kind)."""
        k = self.kind(kind)
        where, params = records.with_filters(k, filters)
        with self.read() as db:
            return records.list_records(db, k, where=where, params=params,
                                        include_deleted=include_deleted, order=order, fields=fields)

    def rows(self, kind: str, fields: tuple[str, ...], order: str = "rowid",
             **filters: object) -> builtins.list[tuple]:
        """Live records as plain tuples (id, *fields), nothing decoded: for going over every
        record of a large portfolio (see records.rows for which fields qualify)."""
        k = self.kind(kind)
        where, params = records.with_filters(k, filters)
        with self.read() as db:
            return records.rows(db, k, fields, where=where, params=params, order=order)

    def count(self, kind: str, **filters: object) -> int:
        """Live records of a kind (those matching the filters, as for list())."""
        k = self.kind(kind)
        where, params = records.with_filters(k, filters)
        with self.read() as db:
            return records.count(db, k, where=where, params=params)

    def references(self, unit_id: str) -> int:
        """How many live records name a unit (single references and reference lists)."""
        with self.read() as db:
            return records.count_references(db, unit_id)

    def counts(self) -> dict[str, int]:
        with self.read() as db:
            return records.counts(db)

    def dump(self) -> dict[str, builtins.list[dict]]:
        """Every live record grouped by kind (the `dump --json` contract)."""
        out = {}
        for name in KINDS:
            out[name] = [{k: v for k, v in rec.items() if k != "deleted"} for rec in self.list(name)]
        return out

    def integrity(self) -> builtins.list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty = healthy)."""
        with self.read() as db:
            return schema.integrity(db)

    def save_as(self, target: Path) -> Path:
        """Write a consistent copy to `target` (atomically) that is a new replica: own site id."""
        outputs.check_target(target, database=True)
        with self.read() as db:
            copy_database(db, Path(target))
            sync.make_new_replica(Path(target), self.site_id, self.clock.last, self.stamp())
        return Path(target)

    def write_count(self) -> int:
        """Rows written through this open file so far (tried writes too): a copy made at the same
        count shows the file exactly as it is."""
        with self.read() as db:
            return db.total_changes

    def copy_ahead(self, target: Path) -> int:
        """A consistent copy to `target` (a backup, not a new replica); returns write_count() at the copy."""
        with self.read() as db:
            copy_database(db, Path(target))
            return db.total_changes

    def backup(self, label: str) -> Path:
        """A consistent copy of the file as it is now in `<file>.backups/` (see store/backups.py)."""
        with self.read() as db:
            return copy_database(db, schema.backup_path(self.path, label, self.now()))

    def backup_beside(self, label: str) -> BackupBeside:
        """backup(label) copied on a thread of its own while the caller, holding read() from before
        this call until the copy's wait(), goes on reading (store/backup_beside.py)."""
        with self.read():
            return BackupBeside(self.path, schema.backup_path(self.path, label, self.now()))

    def restore_from(self, backup: Path) -> Changes:
        """Replace the content of this portfolio with a backup (undo of a merge), via SQLite's
        backup API so locking and the WAL stay consistent. The current state is backed up first.
        Returns Changes.everything_changed(): the whole file was replaced."""
        self.require_writable()
        schema.open_backup(backup).close()  # refuse a broken backup before anything is done
        with self._mutex:
            self.backup("before-restore")
            with self.read() as db:
                schema.restore_into(db, Path(backup), self.now())
            self.site_id = self.meta("site_id") or ""
            self.clock = hlc.Clock(self.site_id or hlc.BUILTIN_SITE, self.meta("hlc_last"))
            self.writer.clock = self.clock
            with self.read() as db:
                self._renewal = sync.site_renewal(db, self.path)
        return Changes.everything_changed()

    # -- settings (synced, so thresholds travel with the portfolio) ------------------------
    def setting(self, key: str, default=None):
        rec = self.get("settings", setting_id(key))
        return default if rec is None or rec["value"] in (None, {}) and default is not None else (
            rec["value"] if rec else default)

    def setting_ops(self, key: str, value) -> builtins.list[Op]:
        """The ops that store a setting (for callers that apply them through an undo stack)."""
        sid = setting_id(key)
        current = self.get("settings", sid, include_deleted=True)
        if current is None:
            return [Create("settings", {"key": key, "value": value}, sid)]
        # a setting whose creation was undone is a tombstone: storing it again brings it back
        ops: builtins.list[Op] = [Restore("settings", sid)] if current["deleted"] else []
        return [*ops, Update("settings", sid, {"value": value})]

    def set_setting(self, key: str, value) -> Changes:
        return self.apply(self.setting_ops(key, value))


MSG_DISK_FULL = QT_TRANSLATE_NOOP("errors", "磁盘空间不足（“{folder}”只剩 {free} KB），无法打开组合文件“{path}”。"
                                           "请先腾出空间。")


def _say_disk_full(path: Path, exc: Exception) -> None:
    """SQLite cannot open a file in WAL mode on a full disk (its -shm and -wal need room) and says
    "disk I/O error": say what the user can act on instead."""
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return
    if free < 1 << 20:
        raise StorageError(MSG_DISK_FULL, folder=str(path.parent), free=free // 1024, path=path.name) from exc
