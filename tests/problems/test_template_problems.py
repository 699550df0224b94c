"""The 调度表 template carries the unit's open problems (issue #18) with editable status and
办理情况/办理结果 columns, read back through the write path: the workflow's rules run, a bad row is
listed with its row and nothing of it changes."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

from db.errors import UserError
from db.portfolio import Portfolio
from db.problems import ops
from db.sheets import importer
from db.sheets.template_export import write_template
from db.sheets.template_spec import HEADER_ROW, META_SHEET

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sheets"))
from test_sheets_template import col, rows_of  # noqa: E402

TODAY = dt.date(2025, 6, 2)
SHEET = "问题督办"


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "office.sqlite", create=True, today=lambda: TODAY)
    ids = {}
    ids["A"], _ = p.create("units", {"name": "重庆高新区科技创新局", "kind": "政府部门"})
    ids["B"], _ = p.create("units", {"name": "重庆大学", "kind": "高校"})
    ids["P1"], _ = p.create("projects", {"name": "超瞬态实验装置", "lead_unit_id": ids["B"]})
    for key, what, unit, due in (("q1", "用地指标未落实", "A", "2025-06-01"), ("q2", "设备进口审批", "A", "2025-06-30"),
                                 ("q3", "别家的问题", "B", "2025-06-30")):
        ids[key], _ = p.create("problems", {"project_id": ids["P1"], "description": what, "raised_on": "2025-05-20",
                                            "responsible_unit_id": ids[unit], "due_date": due})
        p.apply(ops.transition_ops(p, ids[key], "交办"))
    ids["q4"], _ = p.create("problems", {"project_id": ids["P1"], "description": "已办结的问题",
                                         "responsible_unit_id": ids["A"], "due_date": "2025-06-30"})
    p.apply(ops.transition_ops(p, ids["q4"], "交办"))
    p.apply(ops.transition_ops(p, ids["q4"], "签收"))
    p.apply(ops.transition_ops(p, ids["q4"], "办结", result="已解决"))
    p.ids = ids
    yield p
    p.close()


def fill(path, edits):
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    for rid, r in rows_of(ws).items():
        for header, value in edits.get(rid, {}).items():
            ws.cell(row=r, column=col(ws, header), value=value)
    wb.save(path)


def test_template_has_the_units_open_problems(pf, tmp_path):
    path = tmp_path / "t.xlsx"
    info = write_template(pf, path, "重庆高新区科技创新局")
    assert info["problems"] == 2 and info["milestones"] == 0
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["里程碑调度", "项目调度", SHEET, META_SHEET]
    ws = wb[SHEET]
    headers = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, ws.max_column + 1)]
    assert headers == ["系统编号", "序号", "督办编号", "所属项目", "问题描述", "协调事项/诉求", "责任单位", "办理时限",
                       "亮灯", "状态", "办理情况（退回、挂起时写明原因）", "办理结果（办结时必填）"]
    ids = rows_of(ws)
    assert list(ids) == [pf.ids["q1"], pf.ids["q2"]]  # overdue (red) first; not another unit's, not closed
    r = ids[pf.ids["q1"]]
    assert ws.cell(row=r, column=col(ws, "亮灯")).value == "红"
    assert ws.cell(row=r, column=col(ws, "状态")).value == "交办"
    assert not ws.cell(row=r, column=col(ws, "办理情况（退回、挂起时写明原因）")).protection.locked
    assert ws.cell(row=r, column=col(ws, "问题描述")).protection.locked


def test_round_trip_moves_problems_through_the_workflow(pf, tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(pf, path, "重庆高新区科技创新局")
    ids = pf.ids
    fill(path, {ids["q1"]: {"状态": "签收", "办理情况（退回、挂起时写明原因）": "已对接规资局"},
                ids["q2"]: {"状态": "退回", "办理情况（退回、挂起时写明原因）": "不属于本单位职责"}})
    plan = importer.analyse(pf, path)
    assert plan.ok, [p.text() for p in plan.problems]
    pf.apply(plan.ops())
    q1, q2 = pf.get("problems", ids["q1"]), pf.get("problems", ids["q2"])
    assert (q1["status"], q1["progress"]) == ("签收", "已对接规资局")
    assert q2["status"] == "退回"
    assert [(e["to_status"], e["note"]) for e in ops.history(pf, ids["q2"])][-1] == ("退回", "不属于本单位职责")
    assert importer.analyse(pf, path).rows == []  # re-importing changes nothing


def test_a_bad_problem_row_is_named_and_changes_nothing(pf, tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(pf, path, "重庆高新区科技创新局")
    ids = pf.ids
    before = pf.dump()
    fill(path, {ids["q1"]: {"状态": "办结"},                       # from 交办, and with no result
                ids["q2"]: {"状态": "挂起"},                       # a reason is needed
                })
    plan = importer.analyse(pf, path)
    rows = rows_of(openpyxl.load_workbook(path)[SHEET])
    reasons = {p.row: p.reason for p in plan.problems}
    assert set(reasons) == {rows[ids["q1"]], rows[ids["q2"]]}
    assert "不能由“交办”改为“办结”" in reasons[rows[ids["q1"]]]
    assert "“挂起”须写明原因" in reasons[rows[ids["q2"]]]
    assert all(p.sheet == SHEET for p in plan.problems)
    with pytest.raises(UserError):
        plan.ops()
    assert pf.dump() == before
