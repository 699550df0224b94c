"""Creating a portfolio file: it appears whole or not at all (issue 24).

The new file is built under a private temp name beside the target (`.<name>.<random>.creating`),
with the built-in portfolio if wanted, closed (so its WAL is written back), fsynced and renamed
onto the target; the folder is fsynced after. Killed at any moment, the target is absent or
complete; what a killed run left under its temp name goes at the next creation of that file.
The target's lock is held throughout, so two creations of one file cannot cross.

Earlier versions wrote the file in place, so a killed `init` or first start could leave a
0-byte file or a portfolio with the schema and no record at all. Such a leftover is recognised
(`leftover()`) and replaced only when the caller says so; anything else at the target is never
overwritten unless the caller asked for exactly that (the GUI's save dialog).
"""
from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
from pathlib import Path

from db.errors import PortfolioLocked, StorageError, UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS
from db.store import schema
from db.store.connection import FileLock, fsync_dir, fsync_file, looks_like_sqlite

TEMP_SUFFIX = ".creating"
SIDE_FILES = ("-wal", "-shm", "-journal")
EMPTY, SHELL = "empty", "shell"  # what an interrupted creation by an earlier version left
LEFTOVER_WORDS = {
    EMPTY: QT_TRANSLATE_NOOP("errors", "0 字节的空文件"),
    SHELL: QT_TRANSLATE_NOOP("errors", "只有空的组合文件结构"),
}
MSG_EXISTS = QT_TRANSLATE_NOOP("errors", "文件“{path}”已存在，不会覆盖。请换一个文件名。")
MSG_PARTIAL = QT_TRANSLATE_NOOP("errors", "文件“{path}”是一次被中断的新建留下的（{what}，没有任何记录），未替换。")
MSG_WRITE = QT_TRANSLATE_NOOP("errors", "无法新建组合文件“{path}”：{detail}")


class FileExists(UserError):
    """Something that is not a leftover is at the target: it is not overwritten."""


class PartialFile(UserError):
    """The target is a leftover of an interrupted creation (`kind`: EMPTY or SHELL)."""

    def __init__(self, path: Path, kind: str):
        self.path, self.kind = Path(path), kind
        super().__init__(MSG_PARTIAL, path=str(path), what=LEFTOVER_WORDS[kind])


def leftover(path: Path) -> str | None:
    """EMPTY or SHELL if `path` is what an interrupted creation left (nothing in it to lose),
    None if it is absent or anything else. Opens the file through SQLite, so a WAL beside it
    counts; call it while holding the file's lock (or when nothing can be writing it)."""
    path = Path(path)
    if not path.exists():
        return None
    wal = Path(f"{path}-wal")
    if path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return EMPTY
    if path.stat().st_size > 0 and not looks_like_sqlite(path):
        return None
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        if schema.is_empty(conn):
            return EMPTY if schema.file_version(conn) == (0, 0) else None
        app_id, version = schema.file_version(conn)
        if app_id != schema.APPLICATION_ID or not 0 < version <= schema.SCHEMA_VERSION:
            return None
        tables = [k.table for k in KINDS.values()] + ["peers", "merge_history", "merge_conflicts", "manifest"]
        if any(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in tables):
            return None
        return SHELL
    except sqlite3.Error:  # damaged or a stranger: not ours to replace
        return None
    finally:
        conn.close()


def temp_names(path: Path) -> re.Pattern:
    """Names of the temp files a creation of `path` builds in (and their side files)."""
    return re.compile(rf"^\.{re.escape(Path(path).name)}\.[0-9a-f]{{16}}{re.escape(TEMP_SUFFIX)}"
                      r"(-wal|-shm|-journal|\.lock)?$")


def remove_leftovers(path: Path) -> list[Path]:
    """Delete what killed creations of `path` left under their temp names. The caller holds
    `path`'s lock, which every creation holds while it builds: whoever made them is gone."""
    pattern, removed = temp_names(path), []
    with contextlib.suppress(OSError):
        for entry in Path(path).parent.iterdir():
            if pattern.match(entry.name):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def create(path, *, with_builtin: bool = True, replace: str = "never", today=None, now=None,
           plans=None) -> dict[str, int]:
    """Create the portfolio file `path` atomically; returns its record counts. With the built-in
    data, `plans` (document ids; None: all) are the plans it is built from.

    replace: "never" — refuse anything at `path` (PartialFile for a recognised leftover,
    FileExists otherwise); "partial" — replace a recognised leftover, refuse anything else;
    "any" — replace whatever is there (the user already confirmed it).
    today / now pin the new portfolio's clock, as for Portfolio.open."""
    from db.portfolio import Portfolio
    assert replace in ("never", "partial", "any"), replace
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(MSG_WRITE, path=str(path), detail=exc.strerror or str(exc)) from exc
    lock = FileLock(path)
    try:
        lock.acquire()
    except PortfolioLocked:
        if path.exists() and replace != "any":  # open in a window: certainly not a leftover
            raise FileExists(MSG_EXISTS, path=str(path)) from None
        raise
    try:
        remove_leftovers(path)
        if path.exists() and replace != "any":
            kind = leftover(path)
            if kind is None:
                raise FileExists(MSG_EXISTS, path=str(path))
            if replace == "never":
                raise PartialFile(path, kind)
        elif path.exists():
            leftover(path)  # opened and closed through SQLite: its WAL is written back or gone
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}{TEMP_SUFFIX}")
        try:
            with Portfolio.open(tmp, create=True, today=today, now=now) as pf:
                if with_builtin:
                    from db import builtin  # the built-in plans' loader: only when creating a file
                    builtin.load(pf, plans=plans)
                counts = pf.counts()
            # closed: its WAL is checkpointed and gone, the file holds everything
            fsync_file(tmp)
            for suffix in SIDE_FILES:  # a stale WAL beside the target would be replayed into it
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{path}{suffix}").unlink()
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except OSError as exc:
            raise StorageError(MSG_WRITE, path=str(path), detail=exc.strerror or str(exc)) from exc
        finally:
            remove_leftovers(path)
    finally:
        lock.release(remove_created=not path.exists())
    return counts
