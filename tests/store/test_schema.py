"""Schema versions: new files, upgrades of every older file, and files the app must refuse.

Files the app refuses must come out of the attempt byte-for-byte unchanged: the user may have
picked the wrong file, and it belongs to someone else (another program, a newer app version).
"""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from db.errors import NewerVersion, NotAPortfolio
from db.model import BOOKKEEPING, KINDS
from db.portfolio import Portfolio
from db.store import schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402

FIXTURE_FILES = sorted(FIXTURES.glob("schema_v*.sqlite"), key=lambda p: int(p.stem.split("_v")[1]))
STEPS = schema.steps()
CURRENT = schema.SCHEMA_VERSION
NEXT = CURRENT + 1  # a made-up next step, for the tests of the upgrade mechanism itself


# -- helpers ---------------------------------------------------------------------------------
def header(path: Path) -> dict:
    """Fields of the SQLite file header, read without opening the database."""
    raw = path.read_bytes()[:100]
    return {"write_version": raw[18], "read_version": raw[19],  # 2/2 = WAL, 1/1 = rollback
            "user_version": int.from_bytes(raw[60:64], "big"),
            "application_id": int.from_bytes(raw[68:72], "big")}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ro(path: Path) -> sqlite3.Connection:
    """A read-only look at a file that cannot change it (no WAL recovery, no -shm)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def tables(path: Path) -> set[str]:
    with ro(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}


def rows(path: Path) -> dict[str, dict[str, dict]]:
    """{table: {id: {column: value}}} of every synced table in the file."""
    out = {}
    conn = ro(path)
    conn.row_factory = sqlite3.Row
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
        for kind in KINDS.values():
            if kind.table in present:
                out[kind.table] = {r["id"]: dict(r) for r in conn.execute(f"SELECT * FROM {kind.table}")}
    finally:
        conn.close()
    return out


def backups(path: Path) -> list[Path]:
    folder = schema.backups_dir(path)
    return sorted(folder.iterdir()) if folder.exists() else []


def make_current_file(path: Path) -> str:
    with Portfolio.open(path, create=True) as pf:
        pid, _ = pf.create("projects", {"name": "升级前的项目", "total_investment": 10})
    assert header(path)["user_version"] == CURRENT
    return pid


# -- (a) a new file --------------------------------------------------------------------------
def test_new_file_is_a_current_portfolio_in_wal_mode(tmp_path):
    path = tmp_path / "new.sqlite"
    with Portfolio.open(path, create=True) as pf:
        assert pf._conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert pf._conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert pf.schema_version == schema.SCHEMA_VERSION
        assert pf._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert pf._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pf._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert pf.meta("site_id")
        assert pf.backups_made == []
        assert pf.integrity() == []
    h = header(path)
    assert (h["application_id"], h["user_version"]) == (schema.APPLICATION_ID, schema.SCHEMA_VERSION)
    assert (h["write_version"], h["read_version"]) == (2, 2)  # WAL is recorded in the file
    assert not schema.backups_dir(path).exists()  # nothing to back up in a new file


def test_create_false_does_not_create(tmp_path):
    from db.errors import NotFound
    with pytest.raises(NotFound):
        Portfolio.open(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_current_schema_columns_match_the_model(tmp_path):
    with Portfolio.open(tmp_path / "cols.sqlite", create=True) as pf:
        for kind in KINDS.values():
            cols = {r[1] for r in pf._conn.execute(f"PRAGMA table_info({kind.table})")}
            assert cols == set(BOOKKEEPING) | {f.name for f in kind.fields}, kind.name


def test_migration_steps_are_numbered_one_to_n():
    assert [v for v, _ in schema.steps()] == list(range(1, schema.SCHEMA_VERSION + 1))


# -- (b) every committed fixture opens and ends at the current version --------------------------
def test_a_fixture_exists_for_the_current_version():
    assert make_fixtures.fixture_path(schema.SCHEMA_VERSION) in FIXTURE_FILES, (
        "no fixture for the current schema version: run tests/fixtures/make_fixtures.py "
        "and commit the new file")


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_is_self_contained(fixture):
    h = header(fixture)
    assert (h["write_version"], h["read_version"]) == (1, 1), "fixture must be in rollback-journal mode"
    assert h["application_id"] == schema.APPLICATION_ID
    assert h["user_version"] == int(fixture.stem.split("_v")[1])
    for suffix in ("-wal", "-shm", "-journal", ".lock"):
        assert not Path(str(fixture) + suffix).exists(), f"stray {fixture.name}{suffix}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_upgrades_with_records_intact(tmp_path, fixture):
    ID = make_fixtures.ID
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    old_version = header(path)["user_version"]
    before = rows(path)

    with Portfolio.open(path) as pf:
        assert pf.schema_version == schema.SCHEMA_VERSION
        assert pf._conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert pf.integrity() == []

        # Every record of the old file is still there, with the same values in the old columns
        # (tombstones included).
        for table, recs in before.items():
            cols = {r[1] for r in pf._conn.execute(f"PRAGMA table_info({table})")}
            for rid, old in recs.items():
                new = pf._conn.execute(f"SELECT * FROM {table} WHERE id=?", (rid,)).fetchone()
                assert new is not None, f"{table} {rid} lost in the upgrade"
                for col, value in old.items():
                    if col in cols:
                        assert new[col] == value, f"{table} {rid} {col}: {value!r} -> {new[col]!r}"

        # And the domain reads them back as the fixture wrote them.
        p1 = pf.get("projects", ID("project-1"))
        assert p1["name"] == "超瞬态实验装置"
        assert p1["responsible_unit_ids"] == [ID("unit-park"), ID("unit-gov")]
        assert p1["tags"] == ["大装置", "重点"] and p1["total_investment"] == 120000
        assert pf.get("projects", ID("project-2"))["notes"] == "含“引号”、逗号，和换行\n第二行"
        assert pf.get("projects", ID("project-deleted")) is None
        assert pf.get("projects", ID("project-deleted"), include_deleted=True)["deleted"] is True
        ms2 = pf.get("milestones", ID("ms-2"))
        assert (ms2["baseline_date"], ms2["planned_date"]) == ("2026-03-31", "2026-09-30")
        replans = pf.list("replans", milestone_id=ID("ms-2"))
        assert [(r["old_date"], r["new_date"], r["days"], r["reason"]) for r in replans] == [
            ("2026-03-31", "2026-09-30", 183, "设备到货延期")]
        assert pf.get("units", ID("unit-park"))["parent_id"] == ID("unit-gov")
        assert pf.get("teams", ID("team-1"))["members"] == ["王五", "赵六"]
        assert pf.get("milestones", ID("ms-team-1"))["team_id"] == ID("team-1")
        assert pf.get("indicators", ID("indicator-1"))["extra"] == {"备注列": "按统计口径"}
        assert {r["year"] for r in pf.list("indicator_values", indicator_id=ID("indicator-1"))} == {2023, 2024}
        assert pf.setting("warn_days") == 30
        for kind in ("projects", "milestones", "units", "challenges", "teams", "indicators",
                     "indicator_values", "replans"):
            assert pf.counts()[kind] >= 1, kind

        # Schema 2's fields: absent in a version-1 file (a record there is a project with no
        # partners), kept as written in a version-2 file.
        assert p1["partner_unit_ids"] == [] and p1["entry_type"] in (None, "项目")
        if old_version >= 2:
            prog = pf.get("projects", ID("project-programme"))
            assert (prog["entry_type"], prog["partner_unit_ids"]) == ("专项计划", [ID("unit-uni")])
            assert pf.get("milestones", ID("ms-new-plan"))["carried_from_id"] == ID("ms-old-plan")
            assert pf.get("milestones", ID("ms-old-plan"))["status"] == "转入新规划"
            ind3 = pf.get("indicators", ID("indicator-3"))
            assert (ind3["outcome"], ind3["outcome_date"]) == ("已完成", "2025-06-30")
        else:
            assert pf.get("indicators", ID("indicator-1"))["outcome"] is None
        # Schema 3's problems (督办): none before, the fixture's problem and its history after.
        if old_version >= 3:
            prob = pf.get("problems", ID("problem-1"))
            assert (prob["status"], prob["responsible_unit_id"], prob["assisting_unit_ids"]) == (
                "签收", ID("unit-park"), [ID("unit-firm")])
            assert [(e["to_status"], e["date"]) for e in pf.list("problem_events", problem_id=ID("problem-1"),
                                                                 order="date")] == [
                ("提出", "2025-06-02"), ("交办", "2025-06-05"), ("签收", "2025-06-06")]
        else:
            assert pf.counts()["problems"] == 0 and pf.counts()["problem_events"] == 0

        # Still writable after the upgrade.
        pf.create("projects", {"name": "升级后新增"})
        made = pf.backups_made

    if old_version < schema.SCHEMA_VERSION:
        assert made and all(p.parent == schema.backups_dir(path) for p in made)
        assert backups(path) == sorted(made)
        bh = header(made[0])
        assert bh["user_version"] == old_version and (bh["write_version"], bh["read_version"]) == (1, 1)
        assert rows(made[0]) == before  # the backup is the file as it was
    else:
        assert made == [] and backups(path) == []


# -- (c) a file from a newer app -------------------------------------------------------------
@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_version_is_refused_and_left_unchanged(tmp_path, journal_mode):
    path = tmp_path / "newer.sqlite"
    make_current_file(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode={journal_mode}")
    conn.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    with pytest.raises(NewerVersion) as err:
        Portfolio.open(path)
    assert path.name in str(err.value)
    assert not Path(str(path) + "-wal").exists()
    with pytest.raises(NewerVersion):
        Portfolio.open(path, readonly=True)
    # (A read-only connection to a WAL file may leave an empty -wal/-shm behind: SQLite's
    # normal behaviour, the database file itself is what must not change.)

    assert not schema.backups_dir(path).exists()
    assert path.read_bytes() == before


# -- (d) another program's database ----------------------------------------------------------
def test_other_apps_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers(name) VALUES ('Acme')")
    conn.commit()
    conn.close()
    assert header(path)["application_id"] == 0
    before = path.read_bytes()

    with pytest.raises(NotAPortfolio) as err:
        Portfolio.open(path)
    assert path.name in str(err.value)
    with pytest.raises(NotAPortfolio):
        Portfolio.open(path, readonly=True)
    with pytest.raises(NotAPortfolio):
        Portfolio.open(path, create=True)

    assert tables(path) == {"customers"}
    assert not schema.backups_dir(path).exists()
    assert path.read_bytes() == before


# -- (e) not a database at all ---------------------------------------------------------------
@pytest.mark.parametrize("content", [
    "项目,负责人\n超瞬态实验装置,张三\n".encode(),
    b"SQLite format 2\x00 but not really",
    b"x",
], ids=["csv-text", "almost-magic", "one-byte"])
def test_non_sqlite_file_is_refused_and_left_unchanged(tmp_path, content):
    path = tmp_path / "台账.sqlite"
    path.write_bytes(content)
    for kwargs in ({}, {"create": True}, {"readonly": True}):
        with pytest.raises(NotAPortfolio) as err:
            Portfolio.open(path, **kwargs)
        assert path.name in str(err.value)
    assert path.read_bytes() == content
    assert not Path(str(path) + "-wal").exists()


# -- (f) each upgrade step is one transaction ------------------------------------------------
def test_failed_upgrade_step_leaves_the_file_at_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    pid = make_current_file(path)
    before = rows(path)

    monkeypatch.setattr(schema, "steps", lambda: STEPS + [
        (NEXT, "CREATE TABLE t2(x);\nCREATE TABLE broken syntax error;")])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    with pytest.raises(Exception) as err:
        Portfolio.open(path)
    assert "syntax error" in str(err.value)

    h = header(path)
    assert (h["application_id"], h["user_version"]) == (schema.APPLICATION_ID, CURRENT)
    assert "t2" not in tables(path), "the first statement of the failed step was kept"
    assert rows(path) == before
    made = backups(path)
    assert len(made) == 1 and made[0].suffix == ".sqlite", made
    assert header(made[0])["user_version"] == CURRENT and rows(made[0]) == before
    assert not list(schema.backups_dir(path).glob("*.partial"))

    monkeypatch.undo()  # the app of the file's version still opens it (the lock was released)
    with Portfolio.open(path) as pf:
        assert pf.schema_version == CURRENT
        assert pf.get("projects", pid)["name"] == "升级前的项目"
        assert pf.integrity() == []


def test_successful_upgrade_backs_up_once_and_bumps_the_version(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    pid = make_current_file(path)
    before = rows(path)

    monkeypatch.setattr(schema, "steps", lambda: STEPS + [
        (NEXT, "-- a next step\nCREATE TABLE t2(x);\nINSERT INTO t2 VALUES (42);")])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    with Portfolio.open(path) as pf:
        assert pf.schema_version == NEXT
        assert [tuple(r) for r in pf._conn.execute("SELECT x FROM t2")] == [(42,)]
        assert pf.get("projects", pid)["name"] == "升级前的项目"
        made = pf.backups_made
    assert len(made) == 1 and backups(path) == made
    assert header(made[0])["user_version"] == CURRENT and rows(made[0]) == before
    assert "t2" not in tables(made[0])

    with Portfolio.open(path) as pf:  # already current: no second backup
        assert pf.backups_made == []
    assert backups(path) == made


def test_a_python_step_runs_like_an_sql_step(tmp_path, monkeypatch):
    """The one runner takes Python steps (data moves SQL cannot say) as well as SQL files."""
    path = tmp_path / "old.sqlite"
    pid = make_current_file(path)

    def step_next(conn):
        conn.execute("CREATE TABLE t2(x)")
        conn.execute("INSERT INTO t2 SELECT count(*) FROM projects")
    monkeypatch.setattr(schema, "steps", lambda: STEPS + [(NEXT, step_next)])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    with Portfolio.open(path) as pf:
        assert pf.schema_version == NEXT
        assert [tuple(r) for r in pf._conn.execute("SELECT x FROM t2")] == [(1,)]
        assert pf.get("projects", pid)["name"] == "升级前的项目"
    assert ("table", "t2") in {(t, n) for t, n, _tbl, _sql in schema.expected_schema(NEXT)}
