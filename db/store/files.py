"""Writing a file the user asked for (PDF, XLSX, ICS) so that a crash or a full disk leaves the
old file or the new one, never half of one; a failure is one clear message naming the file.
A path that would damage a portfolio (the open one, its side files or backups) is refused first
(db/store/outputs.py)."""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from db.errors import UserError
from db.store.connection import fsync_dir, fsync_file
from db.store.outputs import check_target


def write_atomically(path, write: Callable[[Path], object], error: str, *, make_folder: bool = False) -> Path:
    """Call `write(tmp)` on a temp file beside `path`, fsync it and move it into place.
    `error` is the message (with {path} and {detail}) raised as a UserError on an OS error;
    a missing folder is one, unless `make_folder`."""
    path = check_target(path)
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}{path.suffix}.partial")
        # created with the user's umask (as the file itself would be), not mkstemp's 0600
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        try:
            write(tmp)
            fsync_file(tmp)
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(error, path=str(path), detail=exc.strerror or str(exc)) from exc
    return path
