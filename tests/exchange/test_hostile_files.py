"""Hostile received files (DESIGN §5; reference/merge.md §3 and §6 item 11).

Every file here is built in the test from a valid export (made by an Office, see replicas.py)
and then damaged with sqlite3 or byte edits (the corpus: hostile_corpus.py). For each one, `merge()` must refuse with a
RefusedFile whose message is one line of plain Chinese naming the file (and the record or the
reason where that applies), quickly, leaving the working portfolio exactly as it was: same
dump, same raw rows in every table, same bytes in its .sqlite and -wal files, no backup made,
no private temp copy left behind, and the received file itself untouched.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hostile_corpus import CASES, MILESTONE_ID, MILESTONE_NAME, PROJECT_ID, PROJECT_NAME, P, flipped, wal_pair
from replicas import Office

from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.store.changes import Create
from db.store.received import RefusedFile, read
from db.store.schema import backups_dir

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT_S = 5.0
CJK = re.compile(r"[\u4e00-\u9fff]")
INTERNALS = re.compile(r"Traceback|Error\b|Exception|sqlite3\.|\\x[0-9a-f]{2}|\bb'")


# -- the corpus's raw material ---------------------------------------------------------------
@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A valid export from a colleague (with records ours lacks) and our pristine portfolio."""
    folder = tmp_path_factory.mktemp("hostile")
    sender = Office(folder, "sender")
    unit = sender.pf.list("units")[0]["id"]
    sender.pf.apply([
        Create("projects", {"name": PROJECT_NAME, "lead_unit_id": unit, "total_investment": 1200,
                            "stage": "签约"}, PROJECT_ID),
        Create("milestones", {"project_id": PROJECT_ID, "name": MILESTONE_NAME,
                              "planned_date": "2026-06-30"}, MILESTONE_ID),
    ])
    first = sender.pf.list("projects")[0]["id"]
    sender.pf.update("projects", first, {"stage": "建设"})
    base = sender.send()
    sender.close()
    mine = Office(folder, "template")
    mine.close()
    return {"base": base, "template": folder / "template.sqlite", "folder": folder}


@pytest.fixture
def mine(world, tmp_path, monkeypatch):
    """Our working portfolio (a fresh copy per test, open in WAL mode) and a private temp dir."""
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(world["template"], path)
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    pf = Portfolio.open(path)
    yield pf
    pf.close()


# -- what "unchanged" and "one clear line" mean ------------------------------------------------
def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def snapshot(pf) -> dict:
    """Everything a refused merge must leave alone (nothing is closed to take it)."""
    rows = hashlib.sha256()
    tables = [r[0] for r in pf._conn.execute("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name")]
    for table in tables:
        for row in pf._conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            rows.update(repr((table, tuple(row))).encode())
    folder = backups_dir(pf.path)
    return {
        "dump": pf.dump(), "rows": rows.hexdigest(), "clock": pf.clock.last,
        "schema": sorted(tuple(r) for r in pf._conn.execute("SELECT type, name, sql FROM sqlite_schema")),
        "file": _sha(pf.path), "wal": _sha(Path(str(pf.path) + "-wal")),
        "backups": sorted(os.listdir(folder)) if folder.exists() else None,
    }


def received_bytes(path: Path) -> tuple:
    return _sha(path), _sha(Path(str(path) + "-wal"))


def assert_one_clear_line(msg: str, path: Path) -> None:
    assert msg and msg == msg.strip(), repr(msg)
    assert "\n" not in msg and "\r" not in msg, f"not one line: {msg!r}"
    assert not any(ord(c) < 32 or c == "\ufffd" for c in msg), f"control or garbage characters: {msg!r}"
    assert f"“{Path(path).name}”" in msg, f"does not name the file: {msg!r}"
    assert CJK.search(msg), f"not Chinese: {msg!r}"
    assert not INTERNALS.search(msg), f"program internals in the message: {msg!r}"
    assert len(msg) < 400, msg


def refuse(pf, path: Path, *fragments: str) -> str:
    """merge() refuses `path`: one clear line naming it (+ fragments), quickly, nothing changed."""
    before, received_before = snapshot(pf), received_bytes(path)
    start = time.monotonic()
    with pytest.raises(RefusedFile) as info:
        merge(pf, path)
    elapsed = time.monotonic() - start
    msg = str(info.value)
    assert snapshot(pf) == before, "a refused file changed the working portfolio"
    assert received_bytes(path) == received_before, "the received file (or its -wal) was modified"
    assert os.listdir(tempfile.gettempdir()) == [], "the private copy was left behind"
    assert elapsed < TIME_LIMIT_S, f"took {elapsed:.1f} s"
    assert_one_clear_line(msg, path)
    for frag in fragments:
        assert frag in msg, (frag, msg)
    return msg


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_and_changes_nothing(name, world, mine, tmp_path):
    case = CASES[name]
    path = case.build(world["base"], tmp_path / "received.sqlite")
    refuse(mine, path, *case.fragments)


# -- byte-flip fuzzing -----------------------------------------------------------------------
FLIP_VARIANTS = 24


@pytest.mark.parametrize("seed", range(FLIP_VARIANTS))
def test_byte_flipped_export_is_refused_or_read_as_valid_data(seed, world, mine, tmp_path):
    """A flip may land in a value and yield another valid file (SQLite keeps no checksums):
    that one may be merged, but only as well-formed data. Anything else is refused cleanly."""
    path = flipped(world["base"], tmp_path / f"flipped-{seed}.sqlite", seed)
    before = snapshot(mine)
    start = time.monotonic()
    try:
        merge(mine, path)
    except RefusedFile as exc:
        assert snapshot(mine) == before, "a refused file changed the working portfolio"
        assert time.monotonic() - start < TIME_LIMIT_S
        assert os.listdir(tempfile.gettempdir()) == []
        assert_one_clear_line(str(exc), path)
        return
    assert time.monotonic() - start < TIME_LIMIT_S
    assert mine.integrity() == []


# -- controls: the corpus is built from a file that is fine -----------------------------------
def test_the_undamaged_export_is_accepted(world, mine):
    result = merge(mine, world["base"])
    assert result.totals()["added"] == 2
    assert mine.get("milestones", MILESTONE_ID)["project_id"] == PROJECT_ID


def test_a_wal_beside_a_valid_file_is_never_read(world, mine, tmp_path):
    """The -wal holds a trigger and a renamed project: neither reaches us. The file is refused
    rather than merged without its -wal (issue 24: that gave an earlier state, losing edits the
    sender's app had acknowledged); the sender's app writes the -wal back when it opens the file."""
    path = wal_pair(world["base"], tmp_path / "received.sqlite", "",
                    "CREATE TRIGGER spy AFTER INSERT ON units BEGIN DELETE FROM projects; END;"
                    f"UPDATE projects SET name='被篡改的项目' WHERE {P};")
    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copyfile(path, probe / "x.sqlite")
    shutil.copyfile(str(path) + "-wal", probe / "x.sqlite-wal")
    seen = sqlite3.connect(probe / "x.sqlite").execute(f"SELECT name FROM projects WHERE {P}").fetchone()
    assert seen == ("被篡改的项目",)  # SQLite itself would apply the -wal
    received_before = received_bytes(path)
    msg = refuse(mine, path, "received.sqlite-wal")
    assert "被篡改" not in msg
    assert received_bytes(path) == received_before
    Path(str(path) + "-wal").unlink()  # the main file alone is a valid portfolio: merged
    merge(mine, path)
    assert mine.get("projects", PROJECT_ID)["name"] == PROJECT_NAME
    assert read(path, {}).rows == read(world["base"], {}).rows


# -- the command line -------------------------------------------------------------------------
CLI_CASES = ["text file", "truncated to half", "extra trigger", "view posing as a table", "bad date 2025年6月",
             "dangling project_id", "newer user_version", "a missing file",
             "BLOB created_hlc"]  # once exit 1: "操作失败：TypeError: cannot use a string pattern …"


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_merge_of_a_hostile_file_exits_2_with_one_line(name, world, tmp_path):
    path = tmp_path / "mine.sqlite"
    shutil.copyfile(world["template"], path)
    case = CASES[name]
    bad = case.build(world["base"], tmp_path / "received.sqlite")
    before = _sha(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "merge", str(path), "--from", str(bad)],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and proc.stderr.endswith("\n"), proc.stderr
    assert lines[0].startswith("kechuang: ")
    assert_one_clear_line(lines[0][len("kechuang: "):], bad)
    for frag in case.fragments:
        assert frag in lines[0], (frag, lines[0])
    assert _sha(path) == before  # closed again by the CLI, so the bytes say it all
    assert not backups_dir(path).exists()
