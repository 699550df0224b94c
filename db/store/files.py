"""Writing a file the user asked for (PDF, XLSX, ICS) so that a crash or a full disk leaves the
old file or the new one, never half of one; a failure is one clear message naming the file."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from db.errors import UserError
from db.store.connection import fsync_file


def write_atomically(path, write: Callable[[Path], object], error: str, *, make_folder: bool = False) -> Path:
    """Call `write(tmp)` on a temp file beside `path`, fsync it and move it into place.
    `error` is the message (with {path} and {detail}) raised as a UserError on an OS error;
    a missing folder is one, unless `make_folder`."""
    path = Path(path)
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=f"{path.suffix}.partial", dir=path.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            write(tmp)
            fsync_file(tmp)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UserError(error, path=str(path), detail=exc.strerror or str(exc)) from exc
    return path
