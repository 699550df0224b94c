"""Problems travel with a unit's slice and come back by the same per-cell merge (issue #18's
"done when"): the office raises a problem and hands it to a unit; the unit signs for it and
closes it with a result in its exchange file; the office merges and sees the whole history."""
from __future__ import annotations

import datetime as dt

from db.exchange.export import export
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.problems import ops
from db.unit_slice import unit_slice

DAY = dt.date(2026, 6, 10)


def history(pf, pid):
    return [(e["from_status"], e["to_status"], e["date"], e["note"]) for e in ops.history(pf, pid)]


def test_office_hands_a_problem_to_a_unit_which_closes_it_in_its_file(tmp_path):
    today = {"d": DAY}
    office = Portfolio.open(tmp_path / "office.sqlite", create=True, today=lambda: today["d"])
    try:
        gov, _ = office.create("units", {"name": "市科技局", "kind": "政府部门"})
        park, _ = office.create("units", {"name": "科学城管委会", "kind": "园区公司"})
        firm, _ = office.create("units", {"name": "某科技有限公司", "kind": "企业"})
        other, _ = office.create("units", {"name": "某大学", "kind": "高校"})
        # the firm's project; the park is responsible only for the problem on it
        project, _ = office.create("projects", {"name": "新材料中试平台", "lead_unit_id": firm})
        elsewhere, _ = office.create("projects", {"name": "别家的项目", "lead_unit_id": other})
        mine, _ = office.create("problems", {"project_id": project, "description": "用地指标未落实",
                                             "request": "请协调规划和自然资源局", "raised_by_unit_id": firm,
                                             "assigned_by_unit_id": gov, "responsible_unit_id": park,
                                             "due_date": "2026-06-30"})
        assisted, _ = office.create("problems", {"project_id": elsewhere, "description": "人才公寓未落实",
                                                 "responsible_unit_id": other, "assisting_unit_ids": [park]})
        foreign, _ = office.create("problems", {"project_id": elsewhere, "description": "别家的问题",
                                                "responsible_unit_id": other})
        office.apply(ops.transition_ops(office, mine, "交办", note="请于6月30日前办结"))
        s = unit_slice(office, {park})
        assert s["problems"] == {mine, assisted}
        assert mine in unit_slice(office, {firm})["problems"]  # the problems of its projects

        sent = tmp_path / "to-park.sqlite"
        export(office, sent, units=["科学城管委会"])
        today["d"] = DAY + dt.timedelta(days=3)
        with Portfolio.open(sent, today=lambda: today["d"]) as unit:
            assert {p["id"] for p in unit.list("problems")} == {mine, assisted}
            assert unit.get("projects", project) is not None  # the problem's project, for context
            assert [e[1] for e in history(unit, mine)] == ["提出", "交办"]
            unit.apply(ops.transition_ops(unit, mine, "签收", by_person="王五"))
            unit.apply(ops.transition_ops(unit, mine, "办理中", note="已会同规资局现场踏勘"))
            unit.apply(ops.transition_ops(unit, mine, "办结", result="用地指标已调剂落实，6月12日批复"))
            back = tmp_path / "from-park.sqlite"
            export(unit, back)

        report = merge(office, back)
        assert report.totals()["conflicts"] == 0
        p = office.get("problems", mine)
        assert (p["status"], p["result"], p["closed_on"]) == ("办结", "用地指标已调剂落实，6月12日批复", "2026-06-13")
        assert history(office, mine) == [
            (None, "提出", "2026-06-10", None), ("提出", "交办", "2026-06-10", "请于6月30日前办结"),
            ("交办", "签收", "2026-06-13", None), ("签收", "办理中", "2026-06-13", "已会同规资局现场踏勘"),
            ("办理中", "办结", "2026-06-13", None)]
        assert [e["by_unit_id"] for e in ops.history(office, mine)][2:] == [park, park, park]
        assert office.get("problems", foreign)["status"] == "提出"  # never left the office
        # merging the same file again changes nothing
        again = merge(office, back)
        assert again.totals()["conflicts"] == 0 and len(ops.history(office, mine)) == 5
    finally:
        office.close()


def test_concurrent_edits_of_a_problem_merge_per_cell(tmp_path):
    """The office moves the 时限 while the unit records its 办理情况: both survive."""
    a = Portfolio.open(tmp_path / "a.sqlite", create=True, today=lambda: DAY)
    try:
        unit, _ = a.create("units", {"name": "科学城管委会"})
        project, _ = a.create("projects", {"name": "项目", "lead_unit_id": unit})
        pid, _ = a.create("problems", {"project_id": project, "description": "资金未到位",
                                       "responsible_unit_id": unit, "due_date": "2026-06-30"})
        sent = tmp_path / "b.sqlite"
        export(a, sent, units=["科学城管委会"])
        with Portfolio.open(sent, today=lambda: DAY) as b:
            b.update("problems", pid, {"progress": "已提请区财政局拨付"})
            back = tmp_path / "b-back.sqlite"
            export(b, back)
        a.update("problems", pid, {"due_date": "2026-07-15"})
        merge(a, back)
        p = a.get("problems", pid)
        assert (p["progress"], p["due_date"]) == ("已提请区财政局拨付", "2026-07-15")
    finally:
        a.close()


def test_a_received_problem_with_a_value_the_model_refuses_changes_nothing(tmp_path):
    """The received file's values are checked by the model like any kind's: an unknown status
    (a hand-edited or hostile file) is one clear refusal, and the portfolio is unchanged."""
    import sqlite3

    import pytest

    from db.errors import UserError
    a = Portfolio.open(tmp_path / "a.sqlite", create=True, today=lambda: DAY)
    try:
        unit, _ = a.create("units", {"name": "科学城管委会"})
        project, _ = a.create("projects", {"name": "项目", "lead_unit_id": unit})
        pid, _ = a.create("problems", {"project_id": project, "description": "资金未到位", "responsible_unit_id": unit})
        sent = tmp_path / "bad.sqlite"
        export(a, sent)
        with sqlite3.connect(sent) as conn:
            conn.execute("UPDATE problems SET status='已解决（随便写）' WHERE id=?", (pid,))
        with Portfolio.open(tmp_path / "b.sqlite", create=True, today=lambda: DAY) as b:
            before = b.dump()
            with pytest.raises(UserError) as info:
                merge(b, sent)
            assert "状态" in str(info.value) and "\n" not in str(info.value)
            assert b.dump() == before
    finally:
        a.close()
