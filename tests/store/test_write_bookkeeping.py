"""The write path's merge bookkeeping: cell clocks, tombstones, the persisted clock, atomic batches, HLC properties."""
from __future__ import annotations

import json
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from db.portfolio import Portfolio
from db.store import hlc
from db.store.changes import Create, Delete, Restore, Update
from write_helpers import TODAY, UUID_RE, all_stamps, assert_refused, clocks, ms, path, pf, proj, raw, snapshot  # noqa: F401

# -- bookkeeping: clocks, tombstones, hlc_last --------------------------------------------

def test_create_stamps_created_hlc(pf, proj):
    row = raw(pf, "projects", proj)
    assert hlc.is_valid(row["created_hlc"])
    assert hlc.parse(row["created_hlc"])[2] == pf.site_id
    assert row["deleted"] == 0
    assert json.loads(row["cell_clocks"]) == {}
    assert pf.meta("hlc_last") == row["created_hlc"]


def test_every_changed_cell_gets_a_newer_clock(pf, proj):
    created = raw(pf, "projects", proj)["created_hlc"]
    pf.update("projects", proj, {"code": "A", "zone": "西永"})
    c1 = clocks(pf, "projects", proj)
    assert set(c1) == {"code", "zone"}
    assert c1["code"] == c1["zone"] > created  # one edit, one stamp
    pf.update("projects", proj, {"code": "B"})
    c2 = clocks(pf, "projects", proj)
    assert c2["code"] > c1["code"]
    assert c2["zone"] == c1["zone"]  # unchanged cell keeps its clock
    pf.update("projects", proj, {"code": "B", "zone": "西永"})  # no-op
    assert clocks(pf, "projects", proj) == c2
    assert pf.meta("hlc_last") == c2["code"]


def test_side_effect_cells_get_clocks(pf, proj):
    mid, _ = pf.create("milestones", {"project_id": proj, "name": "验收"})
    created = raw(pf, "milestones", mid)["created_hlc"]
    pf.update("milestones", mid, {"planned_date": "2025-07-01"})
    c = clocks(pf, "milestones", mid)
    assert c["planned_date"] == c["baseline_date"] > created
    pf.update("milestones", mid, {"status": "已完成"})
    c2 = clocks(pf, "milestones", mid)
    assert c2["status"] == c2["actual_date"] > c["planned_date"]


def test_replan_stamps_are_fresh(pf, ms):
    before = max(all_stamps(pf))
    changes = pf.update("milestones", ms, {"planned_date": "2025-08-31"}, reason="延期")
    rid = changes.records[1].id
    assert clocks(pf, "milestones", ms)["planned_date"] > before
    assert raw(pf, "replans", rid)["created_hlc"] > before
    assert pf.meta("hlc_last") == max(all_stamps(pf))


def test_tombstone_sets_deleted_and_clock(pf, proj, ms):
    before = max(all_stamps(pf))
    pf.delete("projects", proj)
    for table, rid in (("projects", proj), ("milestones", ms)):
        row = raw(pf, table, rid)
        assert row["deleted"] == 1
        c = json.loads(row["cell_clocks"])
        assert c["deleted"] > before
    # restore (undo) stamps "deleted" again, later still
    p_clock = clocks(pf, "projects", proj)["deleted"]
    pf.apply([Restore("projects", proj)], undo=True)
    assert raw(pf, "projects", proj)["deleted"] == 0
    assert clocks(pf, "projects", proj)["deleted"] > p_clock


def test_all_clocks_strictly_increase_over_a_session(pf):
    seen = []
    uid, c = pf.create("units", {"name": "单位"})
    seen.append(raw(pf, "units", uid)["created_hlc"])
    pid, _ = pf.create("projects", {"name": "项目", "lead_unit_id": uid})
    seen.append(raw(pf, "projects", pid)["created_hlc"])
    for i in range(5):
        pf.update("projects", pid, {"notes": f"第{i}次"})
        seen.append(clocks(pf, "projects", pid)["notes"])
        seen.append(pf.meta("hlc_last"))
    pf.delete("projects", pid)
    seen.append(clocks(pf, "projects", pid)["deleted"])
    dedup = list(dict.fromkeys(seen))  # meta hlc_last repeats the cell clock just written
    assert dedup == sorted(dedup) and len(set(dedup)) == len(dedup)
    assert len(dedup) == 8


def test_hlc_last_persisted_and_reopened_clock_continues(path):
    with Portfolio.open(path, create=True) as pf:
        pid, _ = pf.create("projects", {"name": "项目"})
        last = pf.meta("hlc_last")
        assert last == raw(pf, "projects", pid)["created_hlc"]
        site = pf.site_id
        # pretend an earlier session ran with a clock far ahead of this machine's wall clock
        future = hlc.fmt(hlc.wall_ms() + 10 * 86_400_000, 7, site)
        pf.set_meta("hlc_last", future)
    with Portfolio.open(path) as pf:
        assert pf.site_id == site
        assert pf.clock.last == future
        pf.update("projects", pid, {"code": "X"})
        stamp = clocks(pf, "projects", pid)["code"]
        assert stamp > future
        assert pf.meta("hlc_last") == stamp
    with Portfolio.open(path) as pf:  # and once more: no going back
        pf.clock._now = lambda: 0  # wall clock set back to 1970
        pf.update("projects", pid, {"code": "Y"})
        assert clocks(pf, "projects", pid)["code"] > stamp


def test_failed_multi_op_apply_leaves_nothing_applied(pf, proj, ms):
    hlc_before = pf.meta("hlc_last")
    ops = [
        Create("projects", {"name": "第一个，合法"}),
        Update("projects", proj, {"total_investment": -1}),  # invalid
    ]
    assert_refused(pf, ops, "总投资")
    ops = [
        Update("milestones", ms, {"planned_date": "2025-09-30"}, reason="合法的重新计划"),
        Delete("projects", proj),
        Create("projects", {"name": "坏日期", "planned_start": "2025-13-01"}),
    ]
    assert_refused(pf, ops, "项目「坏日期」", "计划开工")
    assert pf.dump()["replans"] == []
    assert pf.get("milestones", ms)["planned_date"] == "2025-06-30"
    assert pf.get("projects", proj) is not None
    assert pf.meta("hlc_last") == hlc_before
    # the clock was rewound, yet the next real edit is still newer than anything stored
    pf.update("projects", proj, {"code": "ok"})
    assert clocks(pf, "projects", proj)["code"] > hlc_before


def test_multi_op_apply_succeeds_as_one(pf):
    uid = str(uuid.uuid4())
    changes = pf.apply([Create("units", {"name": "新单位"}, uid),
                        Create("projects", {"name": "引用新单位", "lead_unit_id": uid})])
    assert [r.kind for r in changes.records] == ["units", "projects"]
    assert pf.counts()["projects"] == 1


# -- HLC properties ------------------------------------------------------------------------

SITE = "0123456789abcdef"
MAX_WALL = 10**13 - 10**7  # stay inside the 13-digit format
walls = st.integers(min_value=0, max_value=MAX_WALL)


def _key(stamp: str) -> tuple[int, int]:
    w, c, _ = hlc.parse(stamp)
    return w, c


@settings(max_examples=50, deadline=None)
@given(st.lists(walls, min_size=1, max_size=40), st.one_of(st.none(), walls))
def test_tick_strictly_increasing_even_when_wall_goes_back(now_values, start_wall):
    it = iter(now_values)
    last = hlc.fmt(start_wall, 3, SITE) if start_wall is not None else None
    clock = hlc.Clock(SITE, last, now=lambda: next(it))
    stamps = [clock.tick() for _ in now_values]
    if last:
        stamps.insert(0, last)
    for a, b in zip(stamps, stamps[1:], strict=False):
        assert _key(a) < _key(b)
        assert a < b  # string order is clock order
    for stamp in stamps:
        assert hlc.is_valid(stamp)
    # a tick never lags the wall clock it read
    seen_max = 0
    for wall, stamp in zip(now_values, stamps[1:] if last else stamps, strict=True):
        seen_max = max(seen_max, wall)
        assert _key(stamp)[0] >= seen_max


@settings(max_examples=50, deadline=None)
@given(st.lists(walls, max_size=10), walls,
       st.integers(min_value=0, max_value=hlc.MAX_COUNTER), walls,
       st.sampled_from(["ffffffffffffffff", "0000000000000001", SITE]))
def test_observe_makes_next_tick_larger_than_remote(before, remote_wall, remote_counter,
                                                    now_after, remote_site):
    values = iter([*before, now_after])
    clock = hlc.Clock(SITE, now=lambda: next(values))
    prev = [clock.tick() for _ in before]
    remote = hlc.fmt(remote_wall, remote_counter, remote_site)
    clock.observe(remote)
    nxt = clock.tick()
    assert _key(nxt) > _key(remote)
    assert nxt[:18] > remote[:18]  # wall + counter part, as strings
    if prev:
        assert _key(nxt) > _key(prev[-1])  # observing an older clock never moves back


def test_counter_overflow_moves_wall_forward():
    clock = hlc.Clock(SITE, hlc.fmt(1000, hlc.MAX_COUNTER - 1, SITE), now=lambda: 5)
    a, b = clock.tick(), clock.tick()
    assert _key(a) == (1000, hlc.MAX_COUNTER)
    assert _key(b) == (1001, 0)
    assert a < b
