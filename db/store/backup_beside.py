"""A backup copied on a thread of its own while the caller goes on reading (a merge's plan).

The copy reads the file through a read-only connection of its own: SQLite copies and the disk
writes and syncs without Python's lock, beside the caller's Python work (city: 0.12 s of a 1.5 s
merge). The caller holds the portfolio's lock from before start() until after wait(), so nothing
is written meanwhile and the copy is the file as it stands before the caller writes — what
Portfolio.backup() would have copied at that point.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from db.store.connection import connect, copy_database


class BackupBeside:
    def __init__(self, source: Path, target: Path):
        self.source, self.target = Path(source), Path(target)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._copy, name="backup-beside", daemon=True)
        self._thread.start()

    def _copy(self) -> None:
        try:
            conn = connect(self.source, readonly=True)
            try:
                copy_database(conn, self.target)
            finally:
                conn.close()
        except BaseException as exc:  # raised again by wait(), on the caller's thread
            self._error = exc

    def wait(self) -> Path:
        """The backup's path once it is in place (or what failed, raised: a StorageError when it
        could not be written)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.target

    def discard(self) -> None:
        """Not needed after all (the caller failed before writing): removed once copied."""
        self._thread.join()
        with contextlib.suppress(OSError):
            self.target.unlink()
