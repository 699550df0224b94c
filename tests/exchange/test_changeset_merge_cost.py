"""Merging a small changeset costs the changeset, not the file (issues #19, #20): what we hold
is looked up for the received ids only, and after writing only the written rows' references
are checked — with every check of a received file kept (a dangling reference, an id of ours of
another kind: refused with one line, nothing changed)."""
import shutil
import sqlite3

import pytest
from replicas import state

from db.exchange.changeset import export_since_last
from db.exchange.export import export
from db.exchange.merge import merge
from db.store.changes import Create
from db.store.received import RefusedFile

NOWHERE = "00000000-0000-4000-8000-00000000dead"


def grow(pf, n: int) -> None:
    """n more projects, each with two milestones."""
    for start in range(0, n, 500):
        ops = []
        for i in range(start, min(n, start + 500)):
            ops.append(Create("projects", {"name": f"扩充项目{i:05d}"}, id=f"10000000-0000-4000-8000-{i:012d}"))
            ops += [Create("milestones", {"name": f"节点{i}-{j}", "project_id": f"10000000-0000-4000-8000-{i:012d}"})
                    for j in (1, 2)]
        pf.apply(ops)


def acquainted(offices, name: str, extra: int):
    """Two replicas that each merged the other's whole file (exported here, not by Office.send,
    whose file numbering other tests count on)."""
    a, b = offices(f"{name}a"), offices(f"{name}b")
    grow(a.pf, extra)
    export(a.pf, a.folder / f"{name}-a-whole.sqlite")
    b.receive(a.folder / f"{name}-a-whole.sqlite")
    export(b.pf, b.folder / f"{name}-b-whole.sqlite")
    a.receive(b.folder / f"{name}-b-whole.sqlite")
    return a, b


def one_edit_changeset(a, b, path):
    """A changeset from a to b holding a new milestone of a project b already holds."""
    project = a.pf.list("projects")[0]["id"]
    mid, _ = a.pf.create("milestones", {"name": "本周新增节点", "project_id": project})
    export_since_last(a.pf, path, b.pf.site_id)
    return mid


def vm_steps(pf, action) -> int:
    """SQLite virtual-machine steps (in thousands) our connection runs during `action`."""
    steps = [0]

    def count():
        steps[0] += 1
        return 0
    pf._conn.set_progress_handler(count, 1000)
    try:
        action()
    finally:
        pf._conn.set_progress_handler(None, 0)
    return steps[0]


def test_merging_a_changeset_costs_the_changeset_not_the_file(offices, tmp_path):
    costs = {}
    for extra in (200, 2000):
        a, b = acquainted(offices, f"n{extra}", extra)
        cs = tmp_path / f"cs{extra}.sqlite"
        mid = one_edit_changeset(a, b, cs)
        steps = vm_steps(b.pf, lambda b=b, cs=cs: merge(b.pf, cs, backup=False))
        assert b.pf.get("milestones", mid)["name"] == "本周新增节点"
        assert state(a.pf) == state(b.pf)
        costs[extra] = steps
    # 10× the records (6,600 more rows in the file), the same changeset: the merge's work in our
    # file must not grow with it (it grew ~10× when every row was read and checked)
    assert costs[2000] <= costs[200] * 1.5 + 20, costs


@pytest.fixture
def pair(offices, tmp_path):
    a, b = acquainted(offices, "h", 20)
    return a, b


def _edited(src, dst, sql: str):
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return dst


def _refused(pf, path) -> str:
    before = state(pf)
    with pytest.raises(RefusedFile) as exc:
        merge(pf, path)
    assert state(pf) == before
    msg = str(exc.value)
    assert "\n" not in msg and path.name in msg
    return msg


def test_a_changeset_referring_to_a_record_nobody_holds_is_refused(pair, tmp_path):
    a, b = pair
    cs = tmp_path / "cs.sqlite"
    mid = one_edit_changeset(a, b, cs)
    bad = _edited(cs, tmp_path / "dangling.sqlite", f"UPDATE milestones SET project_id='{NOWHERE}' WHERE id='{mid}'")
    assert NOWHERE in _refused(b.pf, bad)
    merge(b.pf, cs)  # the changeset as sent is fine: its project is one b holds, not in the changeset
    assert b.pf.get("milestones", mid)["project_id"] == a.pf.get("milestones", mid)["project_id"]


def test_a_changeset_reusing_an_id_we_hold_for_another_kind_is_refused(pair, tmp_path):
    a, b = pair
    cs = tmp_path / "cs.sqlite"
    mid = one_edit_changeset(a, b, cs)
    unit = b.pf.list("units")[0]["id"]  # a unit of b's, not in the changeset
    bad = _edited(cs, tmp_path / "taken.sqlite", f"UPDATE milestones SET id='{unit}' WHERE id='{mid}'")
    assert unit in _refused(b.pf, bad)
