"""One writer per portfolio file: the `<file>.lock` flock, read-only opens, and release on close."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.errors import NewerVersion, NotAPortfolio, NotFound, PortfolioLocked, ReadOnlyPortfolio
from db.portfolio import Portfolio
from db.store.changes import Create, Delete, Update

ROOT = Path(__file__).resolve().parents[2]

# Tries a writable open in a fresh process; prints the outcome as one line.
TRY_OPEN = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from db.portfolio import Portfolio
    from db.errors import PortfolioLocked
    try:
        pf = Portfolio.open(sys.argv[1], create=True)
    except PortfolioLocked as exc:
        print("LOCKED", exc)
    else:
        pf.create("projects", {"name": "来自子进程"})
        pf.close()
        print("OPENED")
""")

# Holds a writable open until stdin closes, then closes cleanly.
HOLD = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from db.portfolio import Portfolio
    pf = Portfolio.open(sys.argv[1], create=True)
    pf.create("projects", {"name": "持有者写入"})
    print("READY", flush=True)
    sys.stdin.read()
    pf.close()
    print("CLOSED", flush=True)
""")


# Only tries to take the portfolio's lock in a fresh process.
TRY_LOCK = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from db.store.connection import FileLock
    from db.errors import PortfolioLocked
    lock = FileLock(Path(sys.argv[1]))
    try:
        lock.acquire()
    except PortfolioLocked:
        print("LOCKED")
    else:
        lock.release()
        print("FREE")
""")


def lock_state_in_child(path: Path) -> str:
    out = subprocess.run([sys.executable, "-c", TRY_LOCK, str(path), str(ROOT)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def try_open_in_child(path: Path) -> str:
    out = subprocess.run([sys.executable, "-c", TRY_OPEN, str(path), str(ROOT)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.fixture(params=["portfolio.sqlite", "科创 台账 #1?.sqlite", "no-extension"])
def path(tmp_path, request):
    return tmp_path / request.param


def test_second_open_in_same_process_is_locked(path):
    pf = Portfolio.open(path, create=True)
    try:
        for kwargs in ({}, {"create": True}):
            with pytest.raises(PortfolioLocked) as err:
                Portfolio.open(path, **kwargs)
            assert f"“{path.name}”" in str(err.value)
        # A failed attempt must not release or weaken the holder's lock (flock, unlike fcntl
        # record locks, is not dropped when another descriptor of the same file is closed).
        assert try_open_in_child(path).startswith("LOCKED")
        pf.create("projects", {"name": "仍可写"})
    finally:
        pf.close()
    with Portfolio.open(path) as again:
        assert [p["name"] for p in again.list("projects")] == ["仍可写"]


def test_open_from_another_process_is_locked(path):
    with Portfolio.open(path, create=True) as pf:
        result = try_open_in_child(path)
        assert result.startswith("LOCKED"), result
        assert f"“{path.name}”" in result
        assert pf.list("projects") == []  # the refused child wrote nothing
    assert try_open_in_child(path) == "OPENED"
    with Portfolio.open(path, readonly=True) as ro:
        assert [p["name"] for p in ro.list("projects")] == ["来自子进程"]


def test_lock_held_by_another_process(path):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(ROOT)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        with pytest.raises(PortfolioLocked) as err:
            Portfolio.open(path)
        assert path.name in str(err.value)
        # Read-only works meanwhile and sees the holder's committed writes.
        with Portfolio.open(path, readonly=True) as ro:
            assert [p["name"] for p in ro.list("projects")] == ["持有者写入"]
            with pytest.raises(ReadOnlyPortfolio):
                ro.create("projects", {"name": "x"})
    finally:
        out, errout = child.communicate("", timeout=30)
    assert child.returncode == 0 and out.strip() == "CLOSED", errout
    with Portfolio.open(path) as pf:  # released by the clean close
        assert pf.counts()["projects"] == 1


def test_readonly_open_while_locked_refuses_every_write(path):
    with Portfolio.open(path, create=True) as pf:
        pid, created = pf.create("projects", {"name": "原有项目"})
        pf.set_setting("warn_days", 30)
        with Portfolio.open(path, readonly=True) as ro:
            assert ro.readonly
            assert ro.get("projects", pid)["name"] == "原有项目"
            attempts = [
                lambda: ro.create("projects", {"name": "新"}),
                lambda: ro.update("projects", pid, {"name": "改"}),
                lambda: ro.delete("projects", pid),
                lambda: ro.apply([Create("units", {"name": "单位"})]),
                lambda: ro.apply([Update("projects", pid, {"stage": "建设"})]),
                lambda: ro.apply([Delete("projects", pid)]),
                lambda: ro.undo(created),
                lambda: ro.set_meta("k", "v"),
                lambda: ro.set_setting("warn_days", 60),
            ]
            for attempt in attempts:
                with pytest.raises(ReadOnlyPortfolio) as err:
                    attempt()
                assert path.name in str(err.value)
            assert ro.get("projects", pid)["name"] == "原有项目"
            assert ro.setting("warn_days") == 30
            # The writer is unaffected by the reader, and the reader sees its new commits.
            pf.update("projects", pid, {"name": "写者修改"})
            assert ro.get("projects", pid)["name"] == "写者修改"
        assert pf.get("projects", pid)["name"] == "写者修改"
        assert pf.counts()["projects"] == 1 and pf.counts()["units"] == 0


def test_readonly_does_not_take_the_lock(path):
    Portfolio.open(path, create=True).close()
    with Portfolio.open(path, readonly=True):
        with Portfolio.open(path) as pf:  # a writer can still open
            pf.create("projects", {"name": "a"})
        assert try_open_in_child(path) == "OPENED"


def test_close_releases_the_lock_and_is_idempotent(path):
    pf = Portfolio.open(path, create=True)
    pf.close()
    pf.close()
    with Portfolio.open(path) as pf2:
        assert pf2.integrity() == []
    # The context manager releases it as well, also when the block raises.
    with pytest.raises(RuntimeError):
        with Portfolio.open(path):
            assert lock_state_in_child(path) == "LOCKED"
            raise RuntimeError("boom")
    assert lock_state_in_child(path) == "FREE"
    assert try_open_in_child(path) == "OPENED"


def test_refused_opens_release_the_lock(tmp_path):
    import sqlite3

    from db.store import schema

    not_db = tmp_path / "notes.sqlite"
    not_db.write_text("不是数据库", encoding="utf-8")
    newer = tmp_path / "newer.sqlite"
    Portfolio.open(newer, create=True).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for target, error in ((not_db, NotAPortfolio), (newer, NewerVersion)):
        for _ in range(2):  # the second attempt fails the same way, not with PortfolioLocked
            with pytest.raises(error):
                Portfolio.open(target)
        # a refused file gets no stray lock file beside it (the clean close of `newer` removed
        # its own, issue #21)
        assert not Path(f"{target}.lock").exists()
        assert lock_state_in_child(target) == "FREE", f"{target.name}: lock kept after {error.__name__}"


def test_readonly_open_of_missing_file(tmp_path):
    with pytest.raises(NotFound):
        Portfolio.open(tmp_path / "missing.sqlite", readonly=True)
    with pytest.raises(NotFound):
        Portfolio.open(tmp_path / "missing.sqlite", readonly=True, create=True)
    assert not (tmp_path / "missing.sqlite").exists()
