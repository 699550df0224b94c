"""Two offices editing the built-in portfolio offline and swapping files (DESIGN §5)."""
import time

from replicas import exchange, state

from db.builtin import builtin_id
from db.exchange.duplicates import merge_records_ops

FACILITY = builtin_id("000-p-5-1")  # 超瞬态实验装置


def test_independent_edits_of_different_fields_both_survive(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    b.pf.update("projects", FACILITY, {"total_investment": 300000})
    rb, ra = exchange(a, b)
    assert rb.totals()["updated"] == 1 and rb.totals()["conflicts"] == 0
    for o in (a, b):
        p = o.pf.get("projects", FACILITY)
        assert (p["stage"], p["total_investment"]) == ("建设", 300000.0)
    assert state(a.pf) == state(b.pf)


def test_concurrent_edit_of_same_field_is_a_conflict_with_deterministic_winner(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"zone": "科学谷"})
    time.sleep(0.003)  # a later millisecond: within one ms the site id would decide
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})  # later clock: wins
    rb, ra = exchange(a, b)
    assert rb.totals()["conflicts"] == 1
    assert a.pf.get("projects", FACILITY)["zone"] == b.pf.get("projects", FACILITY)["zone"] == "曾家片区"
    # the office that merged first saw the conflict; the losing value is kept for review
    rows = [tuple(r) for r in b.pf._conn.execute("SELECT col, winner_value, loser_value FROM merge_conflicts")]
    assert rows == [("zone", '"曾家片区"', '"科学谷"')]
    # merging the same file again changes nothing and raises no new conflict
    again = b.receive(a.send())
    assert again.totals() == {"added": 0, "updated": 0, "deleted": 0, "conflicts": 0, "duplicates": 0}


def test_sequential_edits_are_not_conflicts(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"zone": "科学谷"})
    exchange(a, b)
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})  # B saw A's value, then changed it
    r = a.receive(b.send())
    assert r.totals()["conflicts"] == 0 and r.totals()["updated"] == 1
    assert a.pf.get("projects", FACILITY)["zone"] == "曾家片区"


def test_stale_file_cannot_resurrect_a_deleted_record(offices):
    a, b = offices("a"), offices("b")
    stale = b.send()  # B's file from before the delete
    a.pf.delete("projects", FACILITY)
    r = a.receive(stale)
    assert a.pf.get("projects", FACILITY) is None and r.totals()["updated"] == 0
    b.receive(a.send())
    assert b.pf.get("projects", FACILITY) is None  # the tombstone travels


def test_edit_after_delete_resurrects_and_is_reported(offices):
    a, b = offices("a"), offices("b")
    a.pf.delete("projects", FACILITY)
    time.sleep(0.003)
    b.pf.update("projects", FACILITY, {"notes": "已完成一期"})  # later than A's delete
    rb, ra = exchange(a, b)
    for o in (a, b):
        assert o.pf.get("projects", FACILITY)["notes"] == "已完成一期"
    assert ("projects", FACILITY) in ra.resurrected
    assert state(a.pf) == state(b.pf)


def test_replan_and_slip_log_travel(offices):
    a, b = offices("a"), offices("b")
    mid = builtin_id("000-m-1")
    planned = a.pf.get("milestones", mid)["planned_date"]
    a.pf.update("milestones", mid, {"planned_date": "2026-12-31"}, reason="资金到位延迟")
    r = b.receive(a.send())
    assert r.counts["replans"]["added"] == 1
    log = b.pf.list("replans", milestone_id=mid)
    assert [(x["old_date"], x["new_date"], x["reason"]) for x in log] == [(planned, "2026-12-31", "资金到位延迟")]
    assert b.pf.get("milestones", mid)["baseline_date"] == planned


def test_separately_created_records_are_flagged_not_doubled_silently(offices):
    a, b = offices("a"), offices("b")
    a_id, _ = a.pf.create("projects", {"name": "西部科学城 智能网联中试基地"})
    b_id, _ = b.pf.create("projects", {"name": "西部科学城智能网联中试基地", "zone": "含谷"})
    r = b.receive(a.send())
    assert r.totals()["duplicates"] == 1
    assert r.duplicates[0]["incoming_id"] == a_id and r.duplicates[0]["local_id"] == b_id
    ms, _ = b.pf.create("milestones", {"project_id": a_id, "name": "节点", "planned_date": "2027-01-31"})
    b.pf.apply(merge_records_ops(b.pf, "projects", b_id, a_id))
    assert b.pf.get("projects", a_id) is None
    assert b.pf.get("milestones", ms)["project_id"] == b_id


def test_unit_slice_carries_what_its_records_need(offices):
    a = offices("a")
    out = a.send(units=["重庆大学"])
    b = offices("b", with_builtin=False)
    r = b.receive(out)
    names = {p["name"] for p in b.pf.list("projects")}
    assert "重庆大学科学中心" in names and "种质创制大科学中心" not in names
    assert b.pf.integrity() == []
    assert r.totals()["added"] == sum(len(b.pf.list(k)) for k in ("units", "projects", "milestones",
                                                                    "replans", "settings"))


def test_merge_keeps_history_and_can_be_undone(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    before = state(b.pf)
    r = b.receive(a.send())
    assert b.pf.get("projects", FACILITY)["stage"] == "建设"
    hist = [tuple(r) for r in b.pf._conn.execute("SELECT source_site, backup_file FROM merge_history")]
    assert hist[0][0] == a.pf.site_id and hist[0][1] == str(r.backup)
    b.pf.restore_from(r.backup)
    assert state(b.pf) == before


def test_local_clock_moves_past_received_clocks(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"zone": "A"})
    b.receive(a.send())
    assert b.pf.clock.last > a.pf.clock.last or b.pf.clock.last.split("-")[:2] >= a.pf.clock.last.split("-")[:2]
    b.pf.update("projects", FACILITY, {"zone": "B"})
    a.receive(b.send())
    assert a.pf.get("projects", FACILITY)["zone"] == "B"  # B's later edit wins even if B's wall clock lags


def test_conflict_review_keep_the_losing_value_propagates(offices):
    from db.exchange.conflicts import mark_resolved, open_conflicts, resolution_ops
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"zone": "科学谷"})
    time.sleep(0.003)
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})
    b.receive(a.send())
    [c] = open_conflicts(b.pf)
    assert (c["field"], c["winner"], c["loser"]) == ("zone", "曾家片区", "科学谷")
    b.pf.apply(resolution_ops(b.pf, c["id"], "loser"))
    mark_resolved(b.pf, c["id"], "loser")
    assert open_conflicts(b.pf) == []
    a.receive(b.send())
    assert a.pf.get("projects", FACILITY)["zone"] == b.pf.get("projects", FACILITY)["zone"] == "科学谷"


def test_different_builtin_text_converges(offices):
    """Two app versions may ship different built-in text under the same (oldest) clock: the value
    decides, the same way on both sides."""
    a, b = offices("a"), offices("b")
    b.pf._conn.execute("UPDATE projects SET summary='新版内置说明' WHERE id=?", (FACILITY,))
    exchange(a, b)
    assert a.pf.get("projects", FACILITY)["summary"] == b.pf.get("projects", FACILITY)["summary"]


def test_save_as_copy_is_a_replica_that_has_seen_its_source(offices, tmp_path):
    """Edits of a saved-as copy are later than everything it copied: no spurious conflicts."""
    from replicas import Office

    a = offices("a")
    a.pf.update("projects", FACILITY, {"zone": "金凤"})
    copy_path = tmp_path / "copy.sqlite"
    a.pf.save_as(copy_path)
    copy = Office(tmp_path, "copy", file=copy_path)
    try:
        assert copy.pf.site_id != a.pf.site_id
        copy.pf.update("projects", FACILITY, {"zone": "含谷"})
        r = a.receive(copy.send())
        assert r.totals()["conflicts"] == 0 and a.pf.get("projects", FACILITY)["zone"] == "含谷"
    finally:
        copy.pf.close()


def test_unit_working_in_the_exported_file_is_a_replica_of_its_own(offices, tmp_path):
    """The export dialog says the unit may open the file: its edits must not carry the office's
    site id, or the office could not tell them from its own and their conflicts would go unseen."""
    from replicas import Office

    office = offices("office")
    sent = office.send(categories=["重大科技基础设施"])
    unit = Office(tmp_path, "unit", file=sent)
    try:
        assert unit.pf.site_id and unit.pf.site_id != office.pf.site_id
        office.pf.update("projects", FACILITY, {"zone": "科学谷"})      # the office, after sending
        time.sleep(0.003)
        unit.pf.update("projects", FACILITY, {"zone": "曾家片区"})      # the unit, not knowing it
        unit.pf.update("projects", FACILITY, {"stage": "建设"})         # a field only the unit edits
        r = office.receive(unit.send())
        assert r.totals()["conflicts"] == 1 and [c.field for c in r.conflicts] == ["zone"]
        p = office.pf.get("projects", FACILITY)
        assert (p["zone"], p["stage"]) == ("曾家片区", "建设")
        # the unit had seen everything the office sent: its later edit of it is no conflict
        unit.pf.update("projects", FACILITY, {"summary": "一期工程"})
        again = office.receive(unit.send())
        assert again.totals()["conflicts"] == 0 and office.pf.get("projects", FACILITY)["summary"] == "一期工程"
    finally:
        unit.pf.close()


def test_a_file_exported_by_an_earlier_version_gets_its_own_site_when_opened(offices, tmp_path):
    import sqlite3

    from db.portfolio import Portfolio
    office = offices("office")
    old = office.send()
    conn = sqlite3.connect(old)  # as exported before: the exporter's site id still in meta
    conn.execute("INSERT INTO meta(key, value) VALUES('site_id', ?)", (office.pf.site_id,))
    conn.execute("DELETE FROM peers WHERE site_id=?", (office.pf.site_id,))
    conn.commit()
    conn.close()
    with Portfolio.open(old, readonly=True) as peek:  # reading changes nothing
        assert peek.site_id == office.pf.site_id
    with Portfolio.open(old) as unit:
        assert unit.site_id != office.pf.site_id
        seen = dict(unit._conn.execute("SELECT site_id, last_hlc FROM peers").fetchall())
        assert seen[office.pf.site_id] == dict(unit._conn.execute("SELECT key, value FROM manifest"))["max_clock"]
        site = unit.site_id
    with Portfolio.open(old) as again:  # re-sited once, not on every open
        assert again.site_id == site
