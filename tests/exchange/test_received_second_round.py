"""Received files, second round (issue 23): what the first hostile corpus (test_hostile_files.py)
did not reach — side files, ids shared across kinds, damage an index comparison would see,
values no document can render — and the exchange flow's own cases: a re-export of an unedited
file, a plain copy of a working file edited concurrently with the original.

Each hostile file is built from a valid export and must be refused with one clear line (the
`refuse` helper of test_hostile_files: the working portfolio and the received file unchanged,
no private copy left behind).
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import MILESTONE_ID, PROJECT_ID, PROJECT_NAME, P, edited
from replicas import Office
from test_hostile_files import mine, refuse, world  # noqa: F401 (fixtures)

from db.exchange.export import export
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.store.changes import Create

ROOT = Path(__file__).resolve().parents[2]


# -- side files ------------------------------------------------------------------------------
def hot_journal(base: Path, out: Path) -> Path:
    """`out` with the rollback journal of a transaction cut off midway beside it: a child
    rewrites every milestone's name with a small page cache (so changed pages reach the file
    before the commit) and dies inside the transaction."""
    shutil.copyfile(base, out)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    script = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA cache_size=1')\n"
        "conn.execute('BEGIN')\n"
        "conn.execute(\"UPDATE milestones SET name = name || '（未提交）', notes = hex(randomblob(400))\")\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(out)], check=True)
    journal = Path(f"{out}-journal")
    assert journal.stat().st_size > 0
    return out


def test_a_hot_rollback_journal_is_refused_and_named(world, mine, tmp_path):
    """Read alone the file holds half a transaction that never committed (rows the sender's
    program never acknowledged): it is refused, and the message names the journal."""
    path = hot_journal(world["base"], tmp_path / "received.sqlite")
    alone = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    torn = alone.execute("SELECT count(*) FROM milestones WHERE name LIKE '%（未提交）'").fetchone()[0]
    alone.close()
    assert torn > 0  # what reading the file without its journal would merge
    refuse(mine, path, "received.sqlite-journal")


# -- ids ---------------------------------------------------------------------------------------
def test_an_id_used_by_a_record_of_another_kind_here_is_refused(world, mine, tmp_path):
    """The received project's id is one of our milestones: merged, `kechuang delete <id>` would
    find the project and leave the milestone live (ids name records whatever their kind)."""
    ours = "0d9c1a62-7a51-4f0e-9d3a-51c0ffee0001"
    mine.apply([Create("milestones", {"project_id": mine.list("projects")[0]["id"], "name": "本地节点"}, ours)])
    path = edited(world["base"], tmp_path / "received.sqlite",
                  ("UPDATE milestones SET project_id=? WHERE project_id=?", (ours, PROJECT_ID)),
                  ("UPDATE projects SET id=? WHERE id=?", (ours, PROJECT_ID)))
    refuse(mine, path, ours, "里程碑")


def test_two_records_of_different_kinds_with_one_id_are_refused(world, mine, tmp_path):
    path = edited(world["base"], tmp_path / "received.sqlite",
                  ("UPDATE milestones SET id=? WHERE id=?", (PROJECT_ID, MILESTONE_ID)))
    refuse(mine, path, PROJECT_ID, "同一个编号")


TABLE_LEAF, INDEX_LEAF = 0x0D, 0x0A  # b-tree page types


def rewritten_in_pages(base: Path, out: Path, old: str, new: str, page_type: int) -> Path:
    """`out`: `base` with every `old` in pages of one type (table or index leaves) rewritten as
    `new` (as long), checked to pass quick_check — damage only a table/index comparison sees."""
    data = bytearray(base.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    at, changed = 0, 0
    while (at := data.find(old.encode(), at)) >= 0:
        page = at // size
        if data[page * size + (100 if page == 0 else 0)] == page_type:
            data[at:at + len(old)] = new.encode()
            changed += 1
        at += len(old)
    assert changed >= 1
    out.write_bytes(bytes(data))
    check = sqlite3.connect(f"{out.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    check.close()
    return out


def duplicate_hidden_from_the_index(base: Path, out: Path) -> Path:
    """Rewrite the extra project's id, in its table row only, to another project's id: the table
    then holds one id twice while the primary-key index still lists the two original ids."""
    conn = sqlite3.connect(base)
    other = conn.execute("SELECT id FROM projects WHERE id<>? ORDER BY rowid LIMIT 1", (PROJECT_ID,)).fetchone()[0]
    conn.close()
    rewritten_in_pages(base, out, PROJECT_ID, other, TABLE_LEAF)
    check = sqlite3.connect(f"{out.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    assert check.execute("SELECT count(*) FROM projects NOT INDEXED WHERE id=?", (other,)).fetchone()[0] == 2
    check.close()
    return out


def test_an_id_twice_in_a_table_hidden_from_its_index_is_refused(world, mine, tmp_path):
    """One record's content would land on another if this were read by id: the ids are checked
    unique from the table itself (quick_check does not compare tables with their indexes)."""
    path = duplicate_hidden_from_the_index(world["base"], tmp_path / "received.sqlite")
    refuse(mine, path, "同一个编号", PROJECT_NAME)


def index_pointing_elsewhere(base: Path, out: Path) -> Path:
    """`base` with the new project's id rewritten in every index page (never in a table page):
    its primary-key index and the milestones' project index list an id no row holds, and no
    longer list the project's own."""
    other = PROJECT_ID[:-1] + ("0" if PROJECT_ID[-1] != "0" else "1")
    return rewritten_in_pages(base, out, PROJECT_ID, other, INDEX_LEAF)


def test_a_file_whose_indexes_disagree_with_its_tables_merges_as_its_tables_say(world, mine, tmp_path):
    """The received file's indexes are never read (every query is NOT INDEXED or by rowid): the
    merge of a file with damaged indexes is the merge of the same tables with sound ones."""
    damaged = index_pointing_elsewhere(world["base"], tmp_path / "damaged.sqlite")
    twin_path = tmp_path / "twin.sqlite"
    shutil.copyfile(mine.path, twin_path)
    twin = Portfolio.open(twin_path)
    try:
        merge(twin, world["base"])
        merge(mine, damaged)
        assert mine.dump() == twin.dump()
        assert mine.get("projects", PROJECT_ID)["stage"] == "签约"
        assert [m["name"] for m in mine.list("milestones") if m["project_id"] == PROJECT_ID] == [
            m["name"] for m in twin.list("milestones") if m["project_id"] == PROJECT_ID]
        assert mine.integrity() == []
    finally:
        twin.close()


# -- values no document can render -----------------------------------------------------------
@pytest.mark.parametrize("sql,fragments", [
    (f"UPDATE projects SET name='坏' || char(1) || '名' WHERE {P}", ("控制字符", "U+0001")),
    (f"UPDATE projects SET tags='[\"a\", \"b\\u001bc\"]' WHERE {P}", ("控制字符", "U+001B", "标签")),
    (f"UPDATE milestones SET planned_date='9999-12-31' WHERE id='{MILESTONE_ID}'", ("9999-12-31", "超出可用范围")),
    (f"UPDATE projects SET total_investment=1e308 WHERE {P}", ("总投资", "超出可用范围")),
])
def test_a_value_no_document_can_render_is_refused(world, mine, tmp_path, sql, fragments):
    path = edited(world["base"], tmp_path / "received.sqlite", sql)
    refuse(mine, path, *fragments)


# -- the exchange flow -----------------------------------------------------------------------
def test_the_re_export_of_a_received_unedited_file_merges(tmp_path):
    """A unit sends back the file it was sent without editing it (`kechuang export` of it, a
    read-only open): it has no site of its own, and merges like any file."""
    office = Office(tmp_path, "office")
    sent = office.send()
    with Portfolio.open(sent, readonly=True) as unit:
        back = tmp_path / "back.sqlite"
        export(unit, back)
    result = merge(office.pf, back)
    assert result.totals() == {"added": 0, "updated": 0, "deleted": 0, "conflicts": 0, "duplicates": 0}
    office.close()


def test_a_plain_copy_edited_concurrently_keeps_the_conflict_review(tmp_path):
    """The unit got the office's working file by a plain copy (not an export). Both then change
    one field: the merge keeps one value and lists the other for review (DESIGN §5), as it does
    for exported files — the copy became a replica of its own at its first edit."""
    office = Office(tmp_path, "office")
    project = office.pf.list("projects")[0]["id"]
    office.close()
    copy = tmp_path / "unit.sqlite"
    shutil.copyfile(tmp_path / "office.sqlite", copy)
    office.pf = Portfolio.open(tmp_path / "office.sqlite")
    with Portfolio.open(copy) as unit:
        unit.update("projects", project, {"stage": "建设"})
        assert unit.site_id != office.pf.site_id
        back = tmp_path / "from-unit.sqlite"
        export(unit, back)
    office.pf.update("projects", project, {"stage": "投产"})
    result = merge(office.pf, back)
    assert [(c.id, c.field) for c in result.conflicts] == [(project, "stage")]
    assert {result.conflicts[0].mine, result.conflicts[0].theirs} == {"建设", "投产"}
    office.close()


def test_a_copy_that_is_never_edited_keeps_its_bytes(tmp_path):
    """Opening a copy for writing changes nothing until something is written (a refused command
    leaves the file as it was); a rename is not a copy."""
    office = Office(tmp_path, "office")
    site = office.pf.site_id
    office.close()
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(tmp_path / "office.sqlite", copy)
    before = copy.read_bytes()
    with Portfolio.open(copy) as pf:
        assert pf.site_id == site and pf.dump()
    assert copy.read_bytes() == before
    moved = tmp_path / "moved.sqlite"
    (tmp_path / "office.sqlite").rename(moved)
    with Portfolio.open(moved) as pf:
        pf.update("projects", pf.list("projects")[0]["id"], {"stage": "建设"})
        assert pf.site_id == site
