"""Private work folders, and what killed runs left in them or beside a target (issue 24).

A slice export starts from a copy of the whole portfolio and trims it; until it is trimmed that
copy may sit nowhere but in a folder only this user can read, on the portfolio's side — never in
the folder the slice is meant for. `work_dir(near)` makes `.kechuang-work-<random>/` (mode 0700)
beside `near`, the portfolio itself, whose folder already holds the whole portfolio (and is on the
same filesystem, so a finished file can often be renamed from there); if that folder is not
writable, in the system's temp folder. While in use the folder holds a lock on its `owner.lock`.

A process killed while using one leaves it behind: `remove_stale(folder)` deletes every work
folder in `folder` whose lock nobody holds (or whose lock is gone: its owner died deleting it);
it runs at every export and when the GUI starts.
`remove_stale_partials(folder)` deletes temp files `.<name>.<pid>.partial` (and their journals)
that an export of this or an earlier version left beside a target when its process died.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from db import clock

PREFIX = ".kechuang-work-"
BORN = ".kechuang-born-"
LOCK_NAME = "owner.lock"
PARTIAL_RE = re.compile(r"^\..+\.(\d+)\.partial(-journal|-wal|-shm)?$")
SQLITE_MAGIC = b"SQLite format 3\x00"


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _make_locked(base: Path) -> tuple[Path, int]:
    """A new work folder in `base` with its owner.lock created and locked. On POSIX it is made and
    locked under a `.kechuang-born-` name and only then renamed, so a work folder is never seen
    without its locked owner.lock while its owner lives: one without it (its owner was killed
    while deleting it) or with a free lock is stale."""
    if sys.platform == "win32":  # an open file's folder cannot be renamed there
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
    else:
        folder = Path(tempfile.mkdtemp(prefix=BORN, dir=base))
    try:
        fd = os.open(folder / LOCK_NAME, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if not _try_lock(fd):
        os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        raise OSError(f"cannot lock {folder / LOCK_NAME}")
    if sys.platform != "win32":
        born, folder = folder, folder.with_name(PREFIX + folder.name[len(BORN):])
        try:
            os.rename(born, folder)
        except OSError:
            shutil.rmtree(born, ignore_errors=True)
            os.close(fd)
            raise
    return folder, fd


@contextlib.contextmanager
def work_dir(near: Path):
    """A fresh private folder (0700) beside `near`, or in the temp folder; deleted afterwards."""
    bases = [Path(near).resolve().parent, Path(tempfile.gettempdir())]
    for base in bases:
        remove_stale(base)
    error: OSError | None = None
    for base in bases:
        try:
            folder, fd = _make_locked(base)
            break
        except OSError as exc:
            error = exc
    else:
        assert error is not None  # the loop ran: there are always two bases
        raise error
    try:
        yield folder
    finally:
        if sys.platform == "win32":  # an open file cannot be deleted there: unlock first
            os.close(fd)
            shutil.rmtree(folder, ignore_errors=True)
        else:  # delete while still locked, so nobody takes it for stale meanwhile
            shutil.rmtree(folder, ignore_errors=True)
            os.close(fd)


def _fs_now(base: Path) -> float:
    """Now, as the folder's file system stamps it: ages of files are measured on the clock that
    wrote them (a network share's clock may differ from this machine's); this machine's clock
    when the folder takes no file."""
    try:
        with tempfile.TemporaryFile(dir=base) as probe:
            return os.fstat(probe.fileno()).st_mtime
    except OSError:
        return clock.wall_ms() / 1000


def remove_stale(base: Path, born_age_s: float = 60) -> list[Path]:
    """Delete the work folders in `base` whose owner died: lock free, or gone. Folders still
    being born are left for `born_age_s` (they hold nothing but the lock)."""
    removed: list[Path] = []
    try:
        entries = [e for e in Path(base).iterdir() if e.name.startswith((PREFIX, BORN))]
    except OSError:
        return removed
    for entry in entries:
        if entry.is_symlink() or not entry.is_dir():
            continue
        if entry.name.startswith(BORN) or sys.platform == "win32":
            with contextlib.suppress(OSError):
                if _fs_now(base) - entry.stat().st_mtime < born_age_s:
                    continue
        try:
            fd = os.open(entry / LOCK_NAME, os.O_RDWR)
        except FileNotFoundError:
            fd = -1  # its owner died while deleting it (or before locking it)
        except OSError:  # someone else's, or unreadable: not ours to judge
            continue
        try:
            if fd >= 0 and not _try_lock(fd):
                continue  # in use
            if fd >= 0 and sys.platform == "win32":
                os.close(fd)
                fd = -1
            shutil.rmtree(entry, ignore_errors=True)
            if not entry.exists():
                removed.append(entry)
        finally:
            if fd >= 0:
                os.close(fd)
    return removed


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        return False  # there a file still open by a live process cannot be deleted anyway
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_partials(folder: Path) -> list[Path]:
    """Delete `.<name>.<pid>.partial` temp files (and journals) of exports whose process died."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = PARTIAL_RE.match(entry.name)
        if not m or entry.is_symlink() or not entry.is_file() or _pid_alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            if not m.group(2):  # the file itself: empty or an SQLite database, else not ours
                with open(entry, "rb") as fh:
                    head = fh.read(16)
                if head and head != SQLITE_MAGIC:
                    continue
            entry.unlink()
            removed.append(entry)
    return removed
