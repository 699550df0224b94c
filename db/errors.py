"""Errors the user can cause (shown as one clear message) versus bugs.

Every UserError carries a translatable message; callers show `str(err)` (already in the
current language). Anything else escaping the core is a bug and is logged with its traceback.
Like qutebrowser's sql.py, SQLite errors are sorted by `classify_sqlite_error`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from db.i18n import QT_TRANSLATE_NOOP, tr

if TYPE_CHECKING:
    import sqlite3


class UserError(Exception):
    """Bad input or a refused file: exit code 2 in the CLI, a message box in the GUI."""

    def __init__(self, msg, **params):
        self.msg = msg
        self.params = params
        super().__init__(tr(msg, **params))


class ValidationError(UserError):
    """A field value that cannot be accepted; names the record and field."""


class NotFound(UserError):
    pass


class NotAPortfolio(UserError):
    pass


class NewerVersion(UserError):
    pass


class PortfolioLocked(UserError):
    pass


class ReadOnlyPortfolio(UserError):
    pass


class StorageError(UserError):
    """Disk full, file not writable, database corrupt: the user has to act."""


_USER_SQLITE_CODES = {
    "SQLITE_FULL": QT_TRANSLATE_NOOP("errors", "磁盘空间不足，无法保存组合文件：{detail}"),
    "SQLITE_READONLY": QT_TRANSLATE_NOOP("errors", "组合文件是只读的，无法保存：{detail}"),
    "SQLITE_CANTOPEN": QT_TRANSLATE_NOOP("errors", "无法打开组合文件：{detail}"),
    "SQLITE_CORRUPT": QT_TRANSLATE_NOOP("errors", "组合文件已损坏：{detail}。请从备份恢复。"),
    "SQLITE_NOTADB": QT_TRANSLATE_NOOP("errors", "这不是一个数据库文件：{detail}"),
    "SQLITE_BUSY": QT_TRANSLATE_NOOP("errors", "组合文件正被另一个程序使用：{detail}"),
    "SQLITE_IOERR": QT_TRANSLATE_NOOP("errors", "读写组合文件时出错：{detail}"),
}


def classify_sqlite_error(exc: sqlite3.Error) -> Exception:
    """Map an sqlite3 error to a StorageError the user can act on, or return it unchanged (a bug)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    for code, msg in _USER_SQLITE_CODES.items():
        if name.startswith(code):
            return StorageError(msg, detail=str(exc))
    return exc


def raise_sqlite(exc: sqlite3.Error) -> NoReturn:
    """Raise the user-facing form of an SQLite error, or the error itself when it is a bug."""
    mapped = classify_sqlite_error(exc)
    if mapped is exc:
        raise exc
    raise mapped from exc
