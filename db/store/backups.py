"""Automatic backups of a portfolio file (before migrations, merges, restores, and daily on the first
edit) kept beside it in `<file>.backups/`, and restoring one."""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db import clock
from db.errors import StorageError
from db.i18n import QT_TRANSLATE_NOOP
from db.store.connection import fsync_dir, fsync_file
from db.store.schema import backup_path, backups_dir

if TYPE_CHECKING:
    from db.portfolio import Portfolio

KEEP_DAILY = 14
MSG_RESTORE = QT_TRANSLATE_NOOP("errors", "无法用备份“{backup}”恢复“{path}”：{detail}")


def list_backups(db_path: Path) -> list[dict]:
    """Backups of this file, newest first: path, reason (label), time, size."""
    folder = backups_dir(db_path)
    stem = Path(db_path).stem
    out = []
    for p in folder.glob(f"{stem}-*.sqlite") if folder.exists() else []:
        label = p.stem[len(stem) + 1:]
        reason = label.rsplit("-", 3)[0] if label.count("-") >= 3 else label
        out.append({"path": p, "reason": reason, "size": p.stat().st_size,
                    "time": dt.datetime.fromtimestamp(p.stat().st_mtime)})
    return sorted(out, key=lambda b: b["time"], reverse=True)


@dataclass(frozen=True)
class Ahead:
    """The day's backup copied ahead of the day's first edit, and the file's write count at the copy."""

    path: Path
    day: str
    count: int


def daily_ahead(pf: Portfolio, today: dt.date | None = None) -> Ahead | None:
    """Copy the file for today's daily backup now (the GUI does it on the worker lane after opening,
    so the first edit does not wait for a copy of the whole file); daily_backup() puts it in place
    when nothing was written since. None when today's backup exists or the file is read-only."""
    if pf.readonly:
        return None
    day = (today or pf.today()).strftime("%Y%m%d")
    if any(b["reason"] == f"daily{day}" for b in list_backups(pf.path)):
        return None
    folder = backups_dir(pf.path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f".{pf.path.stem}-daily-ahead.sqlite"  # not listed (a backup only once in place)
    return Ahead(target, day, pf.copy_ahead(target))


def daily_backup(pf: Portfolio, today: dt.date | None = None, ahead: Ahead | None = None) -> Path | None:
    """Back up once per day, before the day's first edit; keeps the last KEEP_DAILY daily copies.
    `ahead`: a copy made earlier today (daily_ahead), used when the file is still as it shows."""
    if pf.readonly:
        return None
    day = (today or pf.today()).strftime("%Y%m%d")
    label = f"daily{day}"
    existing = [b for b in list_backups(pf.path) if b["reason"].startswith("daily")]
    if any(b["reason"] == label for b in existing):
        _drop(ahead)
        return None
    if ahead is not None and ahead.day == day and ahead.count == pf.write_count() and ahead.path.exists():
        made = backup_path(pf.path, label, pf.now())
        os.replace(ahead.path, made)
        fsync_dir(made.parent)
    else:
        _drop(ahead)
        made = pf.backup(label)
    for old in existing[KEEP_DAILY - 1:]:
        with contextlib.suppress(OSError):
            old["path"].unlink()
    return made


SYNC_LABEL = "before-sync"


def sync_backup(pf: Portfolio) -> Path:
    """The day's before-sync backup: made before the day's first sync round that merges anything,
    then reused by every later round of that day (a full copy per round was most of a round's
    time at city scale, and its disk). Each merge of a round records it as its backup, so undoing
    a sync's merge (合并记录 → 撤销) restores the file as it was before the day's first sync.
    Keeps the last KEEP_DAILY days' copies, like the daily backup."""
    day = pf.today().strftime("%Y%m%d")
    existing = [b for b in list_backups(pf.path) if b["reason"] == SYNC_LABEL]
    for b in existing:
        if _stamp_day(pf.path, b["path"]) == day:
            return b["path"]
    made = pf.backup(SYNC_LABEL)
    for old in existing[KEEP_DAILY - 1:]:
        with contextlib.suppress(OSError):
            old["path"].unlink()
    return made


def _stamp_day(db_path: Path, backup: Path) -> str:
    """The day (YYYYMMDD, the portfolio's clock) a backup was made, from its name (schema.backup_path)."""
    label = backup.stem[len(Path(db_path).stem) + 1:]
    parts = label.rsplit("-", 3)
    return parts[1] if len(parts) == 4 else ""


def _drop(ahead: Ahead | None) -> None:
    if ahead is not None:
        with contextlib.suppress(OSError):
            ahead.path.unlink()


def restore_file(db_path: Path, backup: Path, now: dt.datetime | None = None) -> Path | None:
    """Put a backup in place of a portfolio file that is NOT open (e.g. one that is corrupt).

    The damaged file (and any -wal/-shm beside it) is moved aside, not deleted; returns where.
    """
    db_path, backup = Path(db_path), Path(backup)
    stamp = (now or clock.system_now()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    try:
        shutil.copyfile(backup, tmp)
        fsync_file(tmp)
        moved = None
        if db_path.exists():
            os.replace(db_path, aside)
            moved = aside
        for suffix in ("-wal", "-shm"):
            side = Path(str(db_path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
        os.replace(tmp, db_path)
        fsync_dir(db_path.parent)
        return moved
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(MSG_RESTORE, backup=backup.name, path=db_path.name,
                           detail=exc.strerror or str(exc)) from exc
