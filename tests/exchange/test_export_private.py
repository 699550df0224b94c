"""Where a slice export builds its file, and what it takes away of killed runs (issue 24).

The file is built only in a private work folder (mode 0700) beside the portfolio (a whole
export's copy, or a slice's rows), never in the folder the slice is meant for; what reaches that
folder is the finished file.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db.exchange import export as export_mod
from db.exchange.export import export
from db.store import scratch
from db.store.received import read

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and locks")


@pytest.fixture
def office(offices):
    return offices("office")


def test_the_file_is_built_only_in_a_private_folder_beside_the_portfolio(office, tmp_path, monkeypatch):
    unit = tmp_path / "unit"
    unit.mkdir()
    seen = {}
    trim = export_mod._trim

    def spy(tmp, manifest, pf):
        seen["folder"] = tmp.parent
        seen["mode"] = stat.S_IMODE(tmp.parent.stat().st_mode)
        seen["projects"] = sqlite3.connect(tmp).execute("SELECT count(*) FROM projects").fetchone()[0]
        seen["unit folder"] = sorted(p.name for p in unit.iterdir())
        return trim(tmp, manifest, pf)

    monkeypatch.setattr(export_mod, "_trim", spy)
    export(office.pf, unit / "重庆大学.sqlite", units=["重庆大学"])
    # the work file holds the slice's rows only, before it is finished … (issue #20: it is built
    # from them; the whole portfolio is never copied for a slice)
    assert seen["projects"] == len(read(unit / "重庆大学.sqlite").rows["projects"])
    assert seen["folder"].parent == office.pf.path.parent and seen["folder"].name.startswith(".kechuang-work-")
    assert seen["mode"] == 0o700
    assert seen["unit folder"] == []  # … with nothing in the unit's folder meanwhile
    assert not seen["folder"].exists()
    assert sorted(p.name for p in unit.iterdir()) == ["重庆大学.sqlite"]
    assert 0 < len(read(unit / "重庆大学.sqlite").rows["projects"]) < office.pf.count("projects")


def test_to_another_filesystem_the_trimmed_file_is_copied_beside_the_target_and_renamed(office, tmp_path,
                                                                                        monkeypatch):
    unit = tmp_path / "unit"
    unit.mkdir()
    copies = []
    monkeypatch.setattr(export_mod, "_same_filesystem", lambda a, b: False)
    real_copy = export_mod.shutil.copyfile

    def copy(src, dst):
        copies.append((Path(src).name, Path(dst).name,
                       sqlite3.connect(src).execute("SELECT count(*) FROM projects").fetchone()[0]))
        return real_copy(src, dst)

    monkeypatch.setattr(export_mod.shutil, "copyfile", copy)
    export(office.pf, unit / "out.sqlite", units=["重庆大学"])
    made = list(copies)
    rows = read(unit / "out.sqlite").rows
    assert made == [("export.sqlite", f".out.sqlite.{os.getpid()}.partial", len(rows["projects"]))]
    assert sorted(p.name for p in unit.iterdir()) == ["out.sqlite"]


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_export_takes_away_what_killed_exports_left(office, tmp_path):
    beside = office.pf.path.parent
    stale = beside / ".kechuang-work-stale1"
    stale.mkdir(mode=0o700)
    (stale / "owner.lock").write_bytes(b"")
    (stale / "export.sqlite").write_bytes(b"the whole portfolio")
    no_lock = beside / ".kechuang-work-stale2"  # killed while deleting it
    no_lock.mkdir()
    (no_lock / "export.sqlite").write_bytes(b"x")
    busy = beside / ".kechuang-work-busy"
    busy.mkdir()
    held = open(busy / "owner.lock", "wb")
    fcntl.flock(held.fileno(), fcntl.LOCK_EX)
    born = beside / ".kechuang-born-now"  # another export making its folder right now
    born.mkdir()

    unit = tmp_path / "unit"
    unit.mkdir()
    sqlite3.connect(unit / "x.db").execute("CREATE TABLE t(a)").connection.commit()
    pid = dead_pid()
    old = [unit / f".out.sqlite.{pid}.partial", unit / f".out.sqlite.{pid}.partial-journal"]
    (unit / "x.db").rename(old[0])  # an SQLite file, as an earlier version's export left it
    old[1].write_bytes(b"\xd9\xd5\x05\xf9 journal of the whole portfolio")
    kept = [unit / f".out.sqlite.{os.getpid()}.partial",  # a live process's
            unit / f".notes.{pid}.partial"]  # not an SQLite file: not ours
    kept[0].write_bytes(b"")
    kept[1].write_text("someone else's", encoding="utf-8")
    try:
        export(office.pf, unit / "out.sqlite", units=["重庆大学"])
        assert not stale.exists() and not no_lock.exists() and not any(p.exists() for p in old)
        assert busy.exists() and born.exists() and all(p.exists() for p in kept)
    finally:
        held.close()
    assert scratch.remove_stale(beside) == [busy]


def test_export_into_a_missing_folder_is_one_clear_error_and_copies_nothing(office, tmp_path):
    from db.errors import UserError
    with pytest.raises(UserError, match="out.sqlite") as info:
        export(office.pf, tmp_path / "missing" / "out.sqlite", units=["重庆大学"])
    assert "\n" not in str(info.value)
    assert not (tmp_path / "missing").exists()
    assert not [p for p in office.pf.path.parent.iterdir() if p.name.startswith(".kechuang-")]
