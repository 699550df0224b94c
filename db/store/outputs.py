"""Where a file the user names may be written: the one guard of every writer of an output file
(brief, 榜单, tables, 调度表, calendar, export, save-as).

Never over a portfolio that is open here (by any path to it, hard links too), one of its side
files (-wal, -shm, -journal, .lock) or its backups folder; never over any portfolio's side file or
backups; never over a database open for writing in another program (its .lock held) or whose
-wal or rollback journal still holds changes (replacing the file alone would leave that -wal to
be replayed into whatever comes next, or lose the changes); and a document (PDF, XLSX, ICS)
never over a database file at all.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP

SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")
BACKUPS_SUFFIX = ".backups"  # as db.schema.backups_dir names it
HOT_SUFFIXES = ("-wal", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"

M = {
    "open": QT_TRANSLATE_NOOP("errors", "“{path}”是正在使用的组合文件，不能写入输出文件覆盖它。"
                                        "请换一个文件名。"),
    "side": QT_TRANSLATE_NOOP("errors", "“{path}”是组合文件“{portfolio}”的附属文件，不能写入。请换一个文件名。"),
    "backups": QT_TRANSLATE_NOOP("errors", "“{path}”在组合文件“{portfolio}”的备份文件夹里，不能写入。"
                                           "请换一个文件夹。"),
    "hot": QT_TRANSLATE_NOOP("errors", "“{path}”旁边的 {side} 里还有没写回的修改：它是正在使用或没有正常关闭的"
                                       "数据库，不会覆盖。请换一个文件名。"),
    "locked": QT_TRANSLATE_NOOP("errors", "“{path}”正在另一个窗口或程序中打开，不会覆盖。请换一个文件名。"),
    "database": QT_TRANSLATE_NOOP("errors", "“{path}”是一个数据库文件（可能是组合文件），不会用文档覆盖它。"
                                            "请换一个文件名。"),
    "folder": QT_TRANSLATE_NOOP("errors", "“{path}”是文件夹，请给出文件名。"),
}

_open: dict[Path, int] = {}
_lock = threading.Lock()


def _real(path) -> Path:
    return Path(os.path.realpath(path))


def opened(path) -> None:
    """A portfolio file was opened in this process (Portfolio.open calls this)."""
    key = _real(path)
    with _lock:
        _open[key] = _open.get(key, 0) + 1


def closed(path) -> None:
    key = _real(path)
    with _lock:
        if _open.get(key, 0) <= 1:
            _open.pop(key, None)
        else:
            _open[key] -= 1


def open_portfolios() -> list[Path]:
    with _lock:
        return list(_open)


def same_file(a, b) -> bool:
    """Two paths naming one file (symbolic or hard links, `..`, case on case-insensitive disks)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return _real(a) == _real(b)


def _is_database(path: Path) -> bool:
    if not path.is_file():  # opening a FIFO would wait for a writer forever
        return False
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def check_target(path, *, database: bool = False) -> Path:
    """Refuse (UserError, one line) an output path that would damage a portfolio; `database`:
    the writer writes a portfolio file (export, save-as), which may replace a closed one."""
    path = Path(path)
    real = _real(path)
    for portfolio in open_portfolios():
        if real == portfolio or (real.exists() and same_file(real, portfolio)):
            raise UserError(M["open"], path=str(path))
        for suffix in SIDE_SUFFIXES:
            if real == Path(f"{portfolio}{suffix}"):
                raise UserError(M["side"], path=str(path), portfolio=portfolio.name)
        backups = Path(f"{portfolio}{BACKUPS_SUFFIX}")
        if real == backups or backups in real.parents:
            raise UserError(M["backups"], path=str(path), portfolio=portfolio.name)
    for suffix in SIDE_SUFFIXES:  # a side file of a portfolio not open here
        owner = real.with_name(real.name[:-len(suffix)]) if real.name.endswith(suffix) else None
        if owner is not None and owner.name and _is_database(owner):
            raise UserError(M["side"], path=str(path), portfolio=owner.name)
    for folder in [real, *real.parents]:
        if folder.name.endswith(BACKUPS_SUFFIX) and len(folder.name) > len(BACKUPS_SUFFIX):
            owner = folder.with_name(folder.name[:-len(BACKUPS_SUFFIX)])
            if _is_database(owner):
                raise UserError(M["backups"], path=str(path), portfolio=owner.name)
    if real.is_dir():
        raise UserError(M["folder"], path=str(path))
    if real.exists():
        for suffix in HOT_SUFFIXES:
            side = Path(f"{real}{suffix}")
            if side.is_file() and side.stat().st_size > 0:
                raise UserError(M["hot"], path=str(path), side=side.name)
        if _locked_elsewhere(real):
            raise UserError(M["locked"], path=str(path))
        if not database and _is_database(real):
            raise UserError(M["database"], path=str(path))
    return path


def _locked_elsewhere(path: Path) -> bool:
    """A portfolio open for writing in another program holds its .lock (store/connection.FileLock)."""
    if not Path(f"{path}.lock").is_file():
        return False
    from db.errors import PortfolioLocked
    from db.store.connection import FileLock
    probe = FileLock(path)
    try:
        probe.acquire()
    except PortfolioLocked:
        return True
    except UserError:  # the folder cannot be written: nothing can be written there either
        return False
    probe.release()
    return False
