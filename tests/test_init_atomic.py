"""A new portfolio appears whole or not at all (issue 24).

`kechuang init` killed at random moments leaves no file or a complete one (it used to leave a
0-byte file or a portfolio with the schema and no record, which the next init refused). What an
earlier version left that way is recognised and replaced only when asked (--replace-partial);
anything else is never overwritten. A few kill trials here; tests/soak/soak.py runs many.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.portfolio import Portfolio
from db.store import creation
from killtrials import InitTally, init_trial, kechuang_command

KILL_TRIALS = 10


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*kechuang_command(), *map(str, args)], capture_output=True, text=True, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def builtin_counts(tmp_path_factory) -> tuple[dict, float]:
    """Record counts of a complete init, and how long one takes from start to exit."""
    path = tmp_path_factory.mktemp("ref") / "ref.sqlite"
    start = time.monotonic()
    assert run("init", path).returncode == 0
    took = time.monotonic() - start
    with Portfolio.open(path, readonly=True) as pf:
        return pf.counts(), took


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and process groups")
@pytest.mark.slow
def test_killed_init_leaves_no_file_or_a_whole_one(tmp_path, builtin_counts):
    counts, took = builtin_counts
    tally = InitTally()
    for seed in range(KILL_TRIALS):
        init_trial(tmp_path, seed, tally, counts, max_delay=took * 1.1)
    print(tally.line())
    assert tally.failures == 0 and tally.trials == KILL_TRIALS


def shell(path: Path) -> Path:
    """What an earlier version's init left when killed before the built-in data was in."""
    Portfolio.open(path, create=True).close()
    return path


def test_leftovers_of_an_interrupted_init_are_recognised(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert creation.leftover(empty) == creation.EMPTY
    assert creation.leftover(shell(tmp_path / "shell.sqlite")) == creation.SHELL
    with Portfolio.open(tmp_path / "one.sqlite", create=True) as pf:
        pid, _ = pf.create("projects", {"name": "唯一的项目"})
    assert creation.leftover(tmp_path / "one.sqlite") is None
    with Portfolio.open(tmp_path / "one.sqlite") as pf:
        pf.delete("projects", pid)  # a tombstone is a record too: still not a leftover
    assert creation.leftover(tmp_path / "one.sqlite") is None
    (tmp_path / "notes.txt").write_text("买菜\n", encoding="utf-8")
    assert creation.leftover(tmp_path / "notes.txt") is None
    assert creation.leftover(tmp_path / "absent.sqlite") is None


@pytest.mark.parametrize("kind", ["empty", "shell"])
def test_init_says_so_and_replaces_a_leftover_only_when_asked(tmp_path, kind, builtin_counts):
    path = tmp_path / "p.sqlite"
    if kind == "empty":
        path.write_bytes(b"")
    else:
        shell(path)
    before = sha(path)
    proc = run("init", path)
    assert proc.returncode == 2, proc.stderr
    line = proc.stderr.strip()
    assert "\n" not in line and "“" + str(path) + "”" in line and "--replace-partial" in line, line
    assert sha(path) == before
    proc = run("init", path, "--replace-partial", "--json")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite", "p.sqlite.lock"]
    with Portfolio.open(path, readonly=True) as pf:
        assert pf.counts() == builtin_counts[0] and pf.integrity() == []


def test_replace_partial_never_overwrites_a_portfolio_or_a_stranger(tmp_path):
    real = tmp_path / "real.sqlite"
    with Portfolio.open(real, create=True) as pf:
        pf.create("projects", {"name": "唯一的项目"})
    stranger = tmp_path / "notes.sqlite"
    stranger.write_text("买菜\n", encoding="utf-8")
    for path in (real, stranger):
        before = sha(path)
        proc = run("init", path, "--replace-partial")
        assert proc.returncode == 2 and "已存在" in proc.stderr, proc.stderr
        assert sha(path) == before


def test_init_of_an_open_portfolio_is_refused(tmp_path):
    path = shell(tmp_path / "open.sqlite")
    with Portfolio.open(path):
        proc = run("init", path, "--replace-partial")
    assert proc.returncode == 2 and "已存在" in proc.stderr, proc.stderr


def test_init_takes_away_what_killed_runs_left(tmp_path):
    path = tmp_path / "p.sqlite"
    left = [tmp_path / f".p.sqlite.{'ab' * 8}.creating{s}" for s in ("", "-wal", "-shm", ".lock")]
    for p in left:
        p.write_bytes(b"x")
    unrelated = [tmp_path / ".p.sqlite.notours.creating", tmp_path / ".q.sqlite.0123456789abcdef.creating"]
    for p in unrelated:
        p.write_bytes(b"x")
    assert run("init", path, "--empty").returncode == 0
    assert not any(p.exists() for p in left)
    assert all(p.exists() for p in unrelated)


def test_a_stale_wal_beside_the_target_is_not_replayed_into_the_new_file(tmp_path):
    """A -wal left beside a file that was since deleted must not be applied to the new one."""
    old = tmp_path / "p.sqlite"
    with Portfolio.open(old, create=True) as pf:
        pf.create("projects", {"name": "旧文件的项目"})
        pf._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pf.create("projects", {"name": "只在 WAL 里"})
        wal = Path(f"{old}-wal").read_bytes()
    old.unlink()
    Path(f"{old}-wal").write_bytes(wal)
    assert run("init", old, "--empty").returncode == 0
    with Portfolio.open(old) as pf:
        assert pf.integrity() == [] and pf.count("projects") == 0
