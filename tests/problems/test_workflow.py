"""The 督办 workflow of a problem (db/problems/rules.py, ops.py), enforced by the write path for
every caller: 提出 → 交办 → 签收 → 办理中 → 办结, 退回 with a reason, 挂起, each move dated with who
and a note in problem_events; 办结 needs a 办理结果. Issue #18."""
from __future__ import annotations

import datetime as dt

import pytest

from db.errors import ValidationError
from db.portfolio import Portfolio
from db.problems import ops
from db.store.changes import Create, Update

TODAY = dt.date(2026, 6, 10)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: TODAY)
    yield p
    p.close()


def world(pf) -> dict:
    ids = {}
    ids["office"], _ = pf.create("units", {"name": "市科技局", "kind": "政府部门"})
    ids["park"], _ = pf.create("units", {"name": "科学城管委会", "kind": "园区公司"})
    ids["firm"], _ = pf.create("units", {"name": "某科技有限公司", "kind": "企业"})
    ids["project"], _ = pf.create("projects", {"name": "超瞬态实验装置", "lead_unit_id": ids["firm"]})
    return ids


def raise_problem(pf, ids, **extra) -> str:
    pid, _ = pf.create("problems", {"project_id": ids["project"], "description": "进口设备报关审批未落实",
                                    "request": "请协调海关加快审批", "raised_by_unit_id": ids["firm"],
                                    "raised_by": "李四", "assigned_by_unit_id": ids["office"],
                                    "responsible_unit_id": ids["park"], "due_date": "2026-06-30", **extra})
    return pid


def refused(pf, ops_, *fragments):
    before = pf.dump()
    with pytest.raises(ValidationError) as info:
        pf.apply(ops_() if callable(ops_) else ops_)
    for frag in fragments:
        assert frag in str(info.value), f"{frag!r} not in {str(info.value)!r}"
    assert pf.dump() == before
    return str(info.value)


def history(pf, pid):
    return [(e["from_status"], e["to_status"], e["date"], e["note"]) for e in ops.history(pf, pid)]


def test_the_whole_way_from_raised_to_closed(pf):
    ids = world(pf)
    pid = raise_problem(pf, ids)
    p = pf.get("problems", pid)
    assert (p["status"], p["raised_on"], p["code"]) == ("提出", "2026-06-10", "督办〔2026〕1号")
    pf.apply(ops.transition_ops(pf, pid, "交办", note="请于月底前办结", date="2026-06-10", by_person="张科长"))
    pf.apply(ops.transition_ops(pf, pid, "签收", by_person="王五"))
    pf.apply(ops.transition_ops(pf, pid, "办理中", note="已与海关对接"))
    pf.apply(ops.transition_ops(pf, pid, "办结", result="海关已完成审批，设备6月9日到港"))
    p = pf.get("problems", pid)
    assert (p["status"], p["closed_on"], p["result"]) == ("办结", "2026-06-10", "海关已完成审批，设备6月9日到港")
    assert history(pf, pid) == [
        (None, "提出", "2026-06-10", None), ("提出", "交办", "2026-06-10", "请于月底前办结"),
        ("交办", "签收", "2026-06-10", None), ("签收", "办理中", "2026-06-10", "已与海关对接"),
        ("办理中", "办结", "2026-06-10", None)]
    events = ops.history(pf, pid)
    # who acted: the raising unit, the office, then the responsible unit
    assert [e["by_unit_id"] for e in events] == [ids["firm"], ids["office"], ids["park"], ids["park"], ids["park"]]
    assert [e["by_person"] for e in events][:3] == ["李四", "张科长", "王五"]
    assert all(e["at"] for e in events)
    # a second problem of the same year gets the next number
    assert pf.get("problems", raise_problem(pf, ids))["code"] == "督办〔2026〕2号"


def test_a_plain_status_edit_runs_the_same_rules_and_leaves_an_event(pf):
    """What `kechuang set … status=…`, the 调度表 import or a script write: Update of status."""
    ids = world(pf)
    pid = raise_problem(pf, ids)
    refused(pf, [Update("problems", pid, {"status": "办结"})], "不能由“提出”改为“办结”", "交办")
    pf.apply([Update("problems", pid, {"status": "交办"}, reason="请尽快办理", approved_by="张科长")])
    assert history(pf, pid)[-1] == ("提出", "交办", "2026-06-10", "请尽快办理")
    assert ops.history(pf, pid)[-1]["by_person"] == "张科长"
    pf.apply([Update("problems", pid, {"status": "签收"})])
    refused(pf, [Update("problems", pid, {"status": "办结"})], "办结须填写办理结果")
    refused(pf, [Update("problems", pid, {"status": "退回"})], "“退回”须写明原因")
    pf.apply([Update("problems", pid, {"status": "退回"}, reason="不属于本单位职责")])
    pf.apply([Update("problems", pid, {"status": "交办", "responsible_unit_id": ids["firm"]})])
    pf.apply([Update("problems", pid, {"status": "签收"})])
    pf.apply([Update("problems", pid, {"status": "办结", "result": "已解决"})])
    assert pf.get("problems", pid)["closed_on"] == "2026-06-10"
    refused(pf, [Update("problems", pid, {"status": "办理中"})], "重新办理已办结的问题须写明原因")
    pf.apply([Update("problems", pid, {"status": "办理中"}, reason="问题反弹")])
    assert pf.get("problems", pid)["closed_on"] is None
    assert [e[1] for e in history(pf, pid)] == ["提出", "交办", "签收", "退回", "交办", "签收", "办结", "办理中"]


def test_suspend_needs_a_reason_and_resumes(pf):
    ids = world(pf)
    pid = raise_problem(pf, ids, status="交办")
    assert [e[1] for e in history(pf, pid)] == ["提出", "交办"]
    refused(pf, ops.transition_ops(pf, pid, "挂起"), "“挂起”须写明原因")
    pf.apply(ops.transition_ops(pf, pid, "挂起", note="待市政府专题会研究"))
    refused(pf, ops.transition_ops(pf, pid, "签收"), "不能由“挂起”改为“签收”")
    pf.apply(ops.transition_ops(pf, pid, "办理中"))
    assert pf.get("problems", pid)["status"] == "办理中"


def test_creation_rules(pf):
    ids = world(pf)
    base = {"project_id": ids["project"], "description": "用地指标未落实"}
    refused(pf, [Create("problems", {**base, "status": "办结", "result": "x"})], "只能是“提出”或“交办”")
    refused(pf, [Create("problems", {**base, "status": "交办"})], "交办须指定责任单位")
    refused(pf, [Create("problems", {**base, "status": "交办", "responsible_unit_id": ids["park"]})],
            "交办须填写办理时限")
    refused(pf, [Create("problems", {**base, "raised_on": "2026-06-01", "due_date": "2026-05-01"})],
            "办理时限 2026-05-01 早于提出日期 2026-06-01")
    refused(pf, [Create("problems", {**base, "responsible_unit_id": ids["park"],
                                     "assisting_unit_ids": [ids["park"]]})], "不能同时列为配合单位")
    refused(pf, [Create("problems", {"description": "无项目"})], "所属项目")


def test_dates_of_a_move(pf):
    ids = world(pf)
    pid = raise_problem(pf, ids, raised_on="2026-06-01")
    refused(pf, lambda: ops.transition_ops(pf, pid, "交办", date="2026-06-11"), "晚于今天")
    refused(pf, lambda: ops.transition_ops(pf, pid, "交办", date="2026-05-30"), "早于上一次办理（2026-06-01）")
    refused(pf, lambda: ops.transition_ops(pf, pid, "交办", date="6月3日"), "日期“6月3日”无效")
    pf.apply(ops.transition_ops(pf, pid, "交办", date="2026-06-03"))
    assert history(pf, pid)[-1][2] == "2026-06-03"


def test_the_log_is_append_only_and_undo_takes_a_move_back(pf):
    ids = world(pf)
    pid = raise_problem(pf, ids)
    changes = pf.apply(ops.transition_ops(pf, pid, "交办"))
    ev = ops.history(pf, pid)[-1]["id"]
    refused(pf, [Update("problem_events", ev, {"note": "改写历史"})], "只能追加")
    pf.undo(changes)
    assert pf.get("problems", pid)["status"] == "提出"
    assert [e[1] for e in history(pf, pid)] == ["提出"]
    assert {(r.kind, r.action) for r in changes.records} == {("problem_events", "create"), ("problems", "update")}


def test_deleting_a_project_tombstones_its_problems_and_their_history(pf):
    from db.store.changes import Delete
    ids = world(pf)
    pid = raise_problem(pf, ids)
    pf.apply([Delete("projects", ids["project"])])
    assert pf.get("problems", pid) is None and ops.history(pf, pid) == []


def test_history_follows_the_chain_of_statuses_within_one_second(pf):
    """Steps taken in the same second, merged from another site in any row order, read back in
    the order they were taken."""
    ids = world(pf)
    pid = raise_problem(pf, ids)
    at = ops.history(pf, pid)[0]["at"]  # the same second as the 提出 the write path recorded
    for frm, to in (("签收", "办结"), ("交办", "签收"), ("提出", "交办")):
        pf.apply([Create("problem_events", {"problem_id": pid, "from_status": frm, "to_status": to,
                                            "date": "2026-06-10", "at": at})])
    assert [e[1] for e in history(pf, pid)] == ["提出", "交办", "签收", "办结"]


def test_numbering_a_new_problem_reads_the_codes_not_every_problem(pf, monkeypatch):
    """A province has thousands of problems: the next 督办 number came from reading and decoding
    every problem on each creation (the generator's 3,000 took minutes)."""
    from db.store import records
    ids = world(pf)
    for _ in range(3):
        raise_problem(pf, ids)
    pf.create("problems", {"project_id": ids["project"], "description": "另一年的问题", "raised_on": "2025-12-30"})
    read_whole = []
    real = records.list_records
    monkeypatch.setattr(records, "list_records",
                        lambda conn, kind, **kw: read_whole.append(kind.name) or real(conn, kind, **kw))
    pid = raise_problem(pf, ids)
    assert pf.get("problems", pid)["code"] == "督办〔2026〕4号"
    assert "problems" not in read_whole


def test_the_next_number_follows_the_largest_of_the_year_written_as_a_number(pf):
    ids = world(pf)
    for code in ("督办〔2026〕9号", "督办〔2026〕10号", "督办〔2026〕abc号", "督办〔2026〕号", "督办〔2026〕99号附",
                 "督办〔2025〕500号", "督办〔2026〕7x号", "其他〔2026〕300号"):
        raise_problem(pf, ids, code=code)
    gone = raise_problem(pf, ids, code="督办〔2026〕40号")
    pf.delete("problems", gone)
    assert pf.get("problems", raise_problem(pf, ids))["code"] == "督办〔2026〕11号"
