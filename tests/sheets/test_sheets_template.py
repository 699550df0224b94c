"""The 调度表 round trip: export a unit's template → fill it in with openpyxl as a person would →
import → check the records, the notes and the slip log. Plus what is refused: a template of
another portfolio, tampered identity columns or check sheet, a re-plan without a reason."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from db.errors import UserError
from db.portfolio import Portfolio
from db.rows.slips import slip_rows
from db.sheets import importer
from db.sheets.template_export import write_template
from db.sheets.template_spec import HEADER_ROW, META_SHEET

TODAY = dt.date(2025, 6, 2)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "office.sqlite", create=True, today=lambda: TODAY)
    ids = {}
    ids["A"], _ = p.create("units", {"name": "重庆高新区科技创新局", "kind": "政府部门"})
    ids["B"], _ = p.create("units", {"name": "重庆大学", "kind": "高校"})
    ids["P1"], _ = p.create("projects", {"name": "超瞬态实验装置", "responsible_unit_ids": [ids["A"]],
                                          "total_investment": 120000, "stage": "建设"})
    ids["P2"], _ = p.create("projects", {"name": "重庆大学科学中心", "lead_unit_id": ids["B"]})
    ids["P3"], _ = p.create("projects", {"name": "已达产项目", "responsible_unit_ids": [ids["A"]], "stage": "达产"})
    for key, project, name, date, status in (("m1", "P1", "主体封顶", "2025-06-30", "进行中"),
                                             ("m2", "P1", "设备安装", "2025-09-30", "未开始"),
                                             ("m3", "P1", "方案批复", "2025-03-31", "已完成"),
                                             ("m4", "P2", "平台挂牌", "2025-07-31", "未开始")):
        ids[key], _ = p.create("milestones", {"project_id": ids[project], "name": name, "planned_date": date,
                                               "status": status})
    p.ids = ids
    yield p
    p.close()


def rows_of(ws) -> dict[str, int]:
    """Sheet row of each record id (hidden column A)."""
    return {ws.cell(row=r, column=1).value: r for r in range(HEADER_ROW + 1, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}


def col(ws, header: str) -> int:
    for c in range(1, ws.max_column + 1):
        if ws.cell(row=HEADER_ROW, column=c).value == header:
            return c
    raise KeyError(header)


def export(pf, tmp_path, name="调度表.xlsx", unit="重庆高新区科技创新局"):
    path = tmp_path / name
    info = write_template(pf, path, unit)
    return path, info


def test_template_shape(pf, tmp_path):
    path, info = export(pf, tmp_path)
    assert info == {"unit": "重庆高新区科技创新局", "milestones": 2, "projects": 1}
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["里程碑调度", "项目调度", META_SHEET]
    assert wb[META_SHEET].sheet_state == "veryHidden"
    ws = wb["里程碑调度"]
    assert "重庆高新区科技创新局调度表" in ws["A1"].value
    assert ws["A3"].value.startswith("填写说明") and "必须在“存在问题”列写明调整原因" in ws["A3"].value
    headers = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, ws.max_column + 1)]
    assert headers == ["系统编号", "序号", "所属项目/揭榜方", "里程碑", "交付成果", "责任单位", "基线日期", "亮灯",
                       "计划日期", "状态", "实际完成日期", "本周进展", "存在问题（调整计划日期时写明原因）", "下周计划"]
    ids = rows_of(ws)
    assert set(ids) == {pf.ids["m1"], pf.ids["m2"]}  # open milestones of the unit's projects only
    assert ws.column_dimensions["A"].hidden
    assert ws.protection.sheet
    r = ids[pf.ids["m1"]]
    assert ws.cell(row=r, column=col(ws, "里程碑")).protection.locked
    assert not ws.cell(row=r, column=col(ws, "状态")).protection.locked
    assert ws.cell(row=r, column=col(ws, "计划日期")).value == dt.datetime(2025, 6, 30)
    assert ws.cell(row=r, column=col(ws, "计划日期")).number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == f"E{HEADER_ROW + 1}"
    assert ws.column_dimensions["D"].width >= 25
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert set(rules) == {"I5:I6", "J5:J6", "K5:K6"}  # 计划日期, 状态, 实际完成日期
    assert rules["J5:J6"].type == "list" and rules["J5:J6"].formula1 == '"未开始,进行中,已完成,受阻,取消"'
    assert rules["I5:I6"].type == rules["K5:K6"].type == "date" and rules["I5:I6"].operator == "between"
    assert rules["I5:I6"].showErrorMessage and "2025-06-30" in rules["I5:I6"].error
    projects = wb["项目调度"]
    assert set(rows_of(projects)) == {pf.ids["P1"]}  # 已达产 is closed; P2 belongs to another unit
    assert '"谋划,洽谈,签约' in {dv.type: dv for dv in projects.data_validations.dataValidation}["list"].formula1


def fill(path, pf, edits: dict[str, dict[str, object]]):
    wb = openpyxl.load_workbook(path)
    for sheet in ("里程碑调度", "项目调度"):
        ws = wb[sheet]
        for rid, r in rows_of(ws).items():
            for header, value in edits.get(rid, {}).items():
                ws.cell(row=r, column=col(ws, header), value=value)
    wb.save(path)


def test_round_trip_updates_records_notes_and_slip_log(pf, tmp_path):
    path, _ = export(pf, tmp_path)
    ids = pf.ids
    fill(path, pf, {
        ids["m1"]: {"状态": "已完成", "实际完成日期": dt.datetime(2025, 6, 28), "本周进展": "主体结构封顶"},
        ids["m2"]: {"计划日期": "2025年10月", "存在问题（调整计划日期时写明原因）": "进口设备到货延期",
                    "下周计划": "催办设备到货"},
        ids["P1"]: {"累计完成投资（万元）": "35,000", "本周进展": "完成投资3.5亿元"},
    })
    plan = importer.analyse(pf, path)
    assert plan.source == "template" and plan.ok, [p.text() for p in plan.problems]
    assert plan.template["unit"] == "重庆高新区科技创新局"
    changes = {r.id: {c.field: (c.old, c.new, c.note) for c in r.changes} for r in plan.updates}
    assert changes[ids["m1"]]["status"][:2] == ("进行中", "已完成")
    assert changes[ids["m2"]]["planned_date"] == ("2025-09-30", "2025-10-31", "调整计划，原因：进口设备到货延期")
    assert changes[ids["P1"]]["invested_to_date"][:2] == ("", "35,000")
    assert "按该月最后一天 2025-10-31" in "\n".join(x.text() for x in plan.readings)
    pf.apply(plan.ops())

    m1, m2, p1 = pf.get("milestones", ids["m1"]), pf.get("milestones", ids["m2"]), pf.get("projects", ids["P1"])
    assert (m1["status"], m1["actual_date"]) == ("已完成", "2025-06-28")
    assert m1["notes"] == "【调度 2025-06-02】本周进展：主体结构封顶"
    assert (m2["planned_date"], m2["baseline_date"]) == ("2025-10-31", "2025-09-30")
    assert m2["notes"] == "【调度 2025-06-02】存在问题：进口设备到货延期；下周计划：催办设备到货"
    assert p1["invested_to_date"] == 35000.0 and p1["notes"] == "【调度 2025-06-02】本周进展：完成投资3.5亿元"
    (slip,) = slip_rows(pf, milestone_id=ids["m2"])
    assert (slip["old_date"], slip["new_date"], slip["days"], slip["reason"]) == \
        ("2025-09-30", "2025-10-31", 31, "进口设备到货延期")
    untouched = pf.get("milestones", ids["m4"])
    assert untouched["notes"] is None and untouched["status"] == "未开始"

    again = importer.analyse(pf, path)  # re-importing the same filled template changes nothing
    assert again.rows == [] and again.ok
    assert len(slip_rows(pf, milestone_id=ids["m2"])) == 1


def test_replan_without_reason_is_refused_for_that_row(pf, tmp_path):
    path, _ = export(pf, tmp_path)
    fill(path, pf, {pf.ids["m2"]: {"计划日期": "2025-12-31"}, pf.ids["m1"]: {"状态": "受阻"}})
    plan = importer.analyse(pf, path)
    (problem,) = plan.problems
    assert problem.sheet == "里程碑调度" and problem.column == "I" and problem.header == "计划日期"
    assert problem.reason == "计划日期由 2025-09-30 改为 2025-12-31 属于调整计划，请在“存在问题”列写明调整原因后再导入"
    with pytest.raises(UserError, match="有 1 行无效"):
        plan.ops()
    pf.apply(plan.ops(partial=True))
    assert pf.get("milestones", pf.ids["m1"])["status"] == "受阻"
    assert pf.get("milestones", pf.ids["m2"])["planned_date"] == "2025-09-30"
    assert slip_rows(pf) == []


def test_edits_made_in_the_office_after_export_are_kept(pf, tmp_path):
    path, _ = export(pf, tmp_path)
    pf.update("milestones", pf.ids["m1"], {"status": "受阻"})  # the office changes it meanwhile
    fill(path, pf, {pf.ids["m1"]: {"本周进展": "等待图纸"}})
    plan = importer.analyse(pf, path)
    pf.apply(plan.ops())
    m1 = pf.get("milestones", pf.ids["m1"])
    assert m1["status"] == "受阻" and m1["notes"] == "【调度 2025-06-02】本周进展：等待图纸"


def test_bad_cell_values_and_added_rows_are_listed(pf, tmp_path):
    path, _ = export(pf, tmp_path)
    fill(path, pf, {pf.ids["m1"]: {"状态": "差不多了"}, pf.ids["m2"]: {"实际完成日期": "下周"}})
    wb = openpyxl.load_workbook(path)
    ws = wb["里程碑调度"]
    r = ws.max_row + 1
    ws.cell(row=r, column=4, value="自己加的里程碑")
    ws.cell(row=r, column=10, value="进行中")
    wb.save(path)
    plan = importer.analyse(pf, path)
    reasons = {(p.row, p.column): p.reason for p in plan.problems}
    r1, r2 = rows_of(ws)[pf.ids["m1"]], rows_of(ws)[pf.ids["m2"]]
    assert reasons[(r1, "J")].startswith("“差不多了”不是可选的状态；可选：未开始、进行中、已完成、受阻、取消")
    assert "“下周”不是可识别的日期" in reasons[(r2, "K")]
    assert "调度表不能新增记录" in reasons[(r, "")]


def test_template_from_another_portfolio_is_refused(pf, tmp_path):
    path, _ = export(pf, tmp_path)
    copy = pf.save_as(tmp_path / "copy.sqlite")  # same records, but another portfolio file
    with Portfolio.open(copy) as other:
        with pytest.raises(UserError, match="这份调度表是从另一个组合文件“office.sqlite”导出的，不是当前的“copy.sqlite”"):
            importer.analyse(other, path)


@pytest.mark.parametrize("tamper", ["name", "hidden_id", "meta", "column"])
def test_tampered_templates_are_refused(pf, tmp_path, tamper):
    path, _ = export(pf, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["里程碑调度"]
    r = rows_of(ws)[pf.ids["m1"]]
    if tamper == "name":
        ws.cell(row=r, column=col(ws, "里程碑"), value="主体封顶（改）")
        words = f"第 {r} 行的身份列"
    elif tamper == "hidden_id":
        ws.cell(row=r, column=1, value=pf.ids["m4"])  # another unit's milestone
        words = f"第 {r} 行的身份列"
    elif tamper == "meta":
        wb[META_SHEET]["B2"] = "0123456789abcdef"
        words = "隐藏校验信息已被改动"
    else:
        ws.insert_cols(3)
        words = "的列被改动"
    wb.save(path)
    before = pf.dump()
    with pytest.raises(UserError, match=words):
        importer.analyse(pf, path)
    assert pf.dump() == before


def test_unknown_unit_and_empty_template(pf, tmp_path):
    with pytest.raises(UserError, match="找不到单位“科技创新局”。名称相近的单位：重庆高新区科技创新局"):
        write_template(pf, tmp_path / "x.xlsx", "科技创新局")
    pf.create("units", {"name": "空闲单位"})
    with pytest.raises(UserError, match="“空闲单位”名下没有进行中的项目或未完成的里程碑"):
        write_template(pf, tmp_path / "x.xlsx", "空闲单位")
    assert not (tmp_path / "x.xlsx").exists()
    path = tmp_path / "all.xlsx"
    assert write_template(pf, path, None) == {"unit": "全部单位", "milestones": 3, "projects": 2}


def test_trial_checks_rows_through_the_write_path_without_writing(pf):
    from db.sheets.trial import trial
    from db.store.changes import Update
    ids = pf.ids
    before = pf.dump()
    clock = (pf.clock.wall, pf.clock.counter)
    errors = trial(pf, [], [
        ("moved", [Update("milestones", ids["m2"], {"planned_date": "2025-12-31"})]),  # no reason given
        ("fine", [Update("milestones", ids["m1"], {"status": "受阻"})]),
        ("gone", [Update("projects", "00000000-0000-4000-8000-000000000000", {"name": "x"})]),
    ])
    assert set(errors) == {"moved", "gone"}
    assert "计划日期由 2025-09-30 调整为 2025-12-31 属于重新计划，必须填写调整原因" in str(errors["moved"])
    assert pf.dump() == before and (pf.clock.wall, pf.clock.counter) == clock
