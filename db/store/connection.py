"""The single place that opens a portfolio's SQLite file (DESIGN §5, working file).

WAL, synchronous=FULL, foreign keys on, busy timeout, explicit transactions (isolation_level
None + BEGIN IMMEDIATE), and an OS lock on a sidecar file so a second app instance cannot open
the same portfolio for writing. The database file itself is never opened outside SQLite.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from db.errors import NotAPortfolio, PortfolioLocked, StorageError, raise_sqlite
from db.i18n import QT_TRANSLATE_NOOP

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class FileLock:
    """An exclusive, non-blocking OS lock on `<portfolio>.lock`, released when closed."""

    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._fh: BinaryIO | None = None
        self.created = False  # the lock file did not exist before acquire()

    def acquire_within(self, wait: float) -> None:
        """acquire(); held elsewhere, try again for up to `wait` seconds (a second `kechuang`
        command waits for the first to finish), then raise PortfolioLocked."""
        deadline = time.monotonic() + wait
        while True:
            try:
                return self.acquire()
            except PortfolioLocked:
                if time.monotonic() >= deadline:
                    raise
            time.sleep(0.05)

    def acquire(self) -> None:
        self.created = not self.path.exists()
        try:
            fh = open(self.path, "a+b")
        except OSError as exc:  # folder not writable: the caller may open read-only instead
            raise StorageError(QT_TRANSLATE_NOOP("errors", "无法写入组合文件所在的文件夹“{path}”：{detail}"),
                               path=str(self.path.parent), detail=exc.strerror or str(exc)) from exc
        try:
            if sys.platform == "win32":
                import msvcrt
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                if not self._still_named(fh):  # its holder removed it on exit: lock the new one
                    fh.close()
                    return self.acquire()
        except OSError as exc:
            fh.close()
            raise PortfolioLocked(QT_TRANSLATE_NOOP(
                "errors", "组合文件“{path}”已在另一个窗口或程序中打开。可以以只读方式打开，或先关闭另一个窗口。"),
                path=self.path.with_suffix("").name) from exc
        self._fh = fh

    def _still_named(self, fh) -> bool:
        """Whether the file we locked is still the one at `<portfolio>.lock` (a clean exit
        removes the lock file while holding it; a lock on the removed file protects nothing)."""
        try:
            return os.stat(self.path).st_ino == os.fstat(fh.fileno()).st_ino
        except OSError:
            return False

    def release(self, remove_created: bool = False, remove: bool = False) -> None:
        """Unlock; with remove_created, also delete a lock file this acquire() created (after a
        refused open, so a file that is not a portfolio gets no stray `.lock` beside it); with
        remove, delete it whoever created it (a clean close leaves nothing behind)."""
        if self._fh is not None:
            if remove or (remove_created and self.created):
                try:
                    self.path.unlink()  # still locked: nobody else can be holding it
                except OSError:
                    pass
            self._fh.close()
            self._fh = None


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the working file with the app's pragmas. The caller holds the FileLock."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0 and not looks_like_sqlite(path):
        raise NotAPortfolio(QT_TRANSLATE_NOOP("errors", "“{path}”不是科创项目台账的组合文件（不是 SQLite 数据库）。"),
                            path=path.name)
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA trusted_schema=OFF")
    except sqlite3.Error as exc:
        raise_sqlite(exc)
    conn.row_factory = sqlite3.Row
    return conn


# SQLite copies the write-ahead log into the file inside the COMMIT that takes it past this many
# pages. At SQLite's 1,000 (4 MB) one unit's week merged into a province file paid a checkpoint
# of ~0.1 s inside the merge (a third of it). The copy is done when nothing waits for it instead:
# the GUI's idle checkpoint (desktop/checkpoint.py), and the close; this bound (32 MB) is for a
# long run of writes with neither (a sync round's many merges).
WAL_CHECKPOINT_PAGES = 8192


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch a file we have accepted as ours to WAL + synchronous=FULL (never a refused file)."""
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    except sqlite3.Error as exc:
        raise_sqlite(exc)


MSG_READONLY = QT_TRANSLATE_NOOP("errors", "组合文件“{path}”是只读的（文件或它所在的位置不允许写入），不能修改。"
                                          "可以以只读方式打开它，或复制一份再修改。")


def check_writable(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite opens a file the system lets us only read without a word (it falls back to
    read-only) and fails at the first write — after a merge has made its backup, say. Find out
    at the open: a write that is rolled back (the header's user_version set to itself)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise_sqlite(exc)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version={int(version)}")
    except sqlite3.Error as exc:
        if (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_READONLY"):
            raise StorageError(MSG_READONLY, path=Path(path).name) from exc
        raise_sqlite(exc)
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, keep: bool = True) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (and always when keep=False)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise_sqlite(exc)
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if not keep:
        conn.execute("ROLLBACK")
        return
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise_sqlite(exc)


@contextlib.contextmanager
def savepoint_rolled_back(conn: sqlite3.Connection) -> Iterator[None]:
    """A savepoint undone when the block ends, whatever happens (trying one row of an import)."""
    conn.execute("SAVEPOINT trial_row")
    try:
        yield
    finally:
        conn.execute("ROLLBACK TO trial_row")
        conn.execute("RELEASE trial_row")


def vacuum_into(conn: sqlite3.Connection, target: Path) -> None:
    """A compact copy of the database at `target` (free pages dropped)."""
    conn.execute("VACUUM INTO ?", (str(target),))


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database via the backup API, written atomically."""
    target = Path(target)
    tmp = target.with_name(target.name + ".partial")
    # the copy takes the source's WAL mode until switched back: a failure (a full disk) must not
    # leave its -wal/-shm beside the folder's backups either
    parts = [tmp, *(Path(f"{tmp}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]
    for part in parts:
        part.unlink(missing_ok=True)
    dst = None
    try:
        dst = sqlite3.connect(str(tmp))
        with dst:
            conn.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.close()
        dst = None
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        if dst is not None:
            with contextlib.suppress(sqlite3.Error):
                dst.close()
        for part in parts:
            with contextlib.suppress(OSError):
                part.unlink()
        if isinstance(exc, sqlite3.Error) and not (getattr(exc, "sqlite_errorname", "") or "").startswith(
                ("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
            raise_sqlite(exc)
        raise StorageError(QT_TRANSLATE_NOOP("errors", "无法写入备份文件“{path}”：{detail}"),
                           path=str(target), detail=str(exc)) from exc
    return target
