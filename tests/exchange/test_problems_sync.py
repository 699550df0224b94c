"""Problems (问题/督办, issue #18) through the exchange folder and the PostgreSQL hub: the office
hands a problem on one unit's project to another unit, which signs for it and closes it; the
hub's ownership rules (h002) let the responsible unit write it and refuse a stranger."""
import pytest
from sites import Sites

from db.errors import UserError
from db.problems import ops


@pytest.fixture(params=["folder", "hub"])
def sites(request, tmp_path):
    hub = request.getfixturevalue("hub") if request.param == "hub" else None
    s = Sites(tmp_path, request.param, hub)
    yield s
    s.close()


def test_a_problem_handed_to_a_unit_comes_back_closed_with_its_history(sites):
    s = sites
    a, b, c = s.unit_ids
    project = s.projects[b][0]  # unit b's project; unit a is responsible for the problem
    pid, _ = s.office.create("problems", {"project_id": project, "description": "进口设备报关审批未落实",
                                          "responsible_unit_id": a, "due_date": "2099-12-31"})
    s.office.apply(ops.transition_ops(s.office, pid, "交办", note="请尽快办理"))
    s.settle()
    unit = s.units[0]
    assert unit.get("problems", pid)["status"] == "交办"
    unit.apply(ops.transition_ops(unit, pid, "签收"))
    unit.apply(ops.transition_ops(unit, pid, "办结", result="已协调海关完成审批"))
    s.sync(1)
    s.sync(0)
    p = s.office.get("problems", pid)
    assert (p["status"], p["result"]) == ("办结", "已协调海关完成审批")
    assert [e["to_status"] for e in ops.history(s.office, pid)] == ["提出", "交办", "签收", "办结"]
    s.settle()
    assert all(pf.dump()["problems"] == s.office.dump()["problems"] for pf in s.all)


def test_a_unit_not_responsible_cannot_write_the_problem_on_the_hub(tmp_path, hub):
    s = Sites(tmp_path, "hub", hub)
    try:
        a, b, c = s.unit_ids
        pid, _ = s.office.create("problems", {"project_id": s.projects[b][0], "description": "资金未到位",
                                              "responsible_unit_id": a, "due_date": "2099-12-31"})
        s.settle()
        stranger = s.units[2]  # unit c: neither the project's nor the problem's
        stranger.update("problems", pid, {"progress": "越权填报"})
        with pytest.raises(UserError, match="row-level security"):
            s.sync(3)
        assert s.office.get("problems", pid)["progress"] is None
    finally:
        s.close()


def test_a_hub_from_before_problems_asks_for_hub_init_then_syncs(tmp_path, hub):
    """A hub initialised by the previous version (h001 only) would not know who owns a problem:
    the app says to run `hub init`, which adds h002 (and the later steps), and then the sync goes through."""
    from db.exchange.hub import init_hub
    server, name = hub
    server.sql("DELETE FROM kc_hub_migrations WHERE version >= 2", db=name)
    s = Sites(tmp_path, "hub", hub)
    try:
        with pytest.raises(UserError, match="kechuang hub init"):
            s.sync(0)
        assert init_hub(server.url(db=name)) == [2, 3, 4, 5]  # h003: attachments and their files; h004, h005
        a = s.unit_ids[0]
        pid, _ = s.office.create("problems", {"project_id": s.projects[a][0], "description": "资金未到位",
                                              "responsible_unit_id": a, "due_date": "2099-12-31"})
        s.sync(0)
        s.sync(1)
        assert s.units[0].get("problems", pid)["description"] == "资金未到位"
    finally:
        s.close()
