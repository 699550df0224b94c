"""Importing real-looking office 台账 spreadsheets (db.sheets.importer), built here in the shapes
offices send: titles above the header, two-row merged headers, varying header words, section
and subtotal rows, numbers as text, dates in every form, units written differently.
Assertions are on what was imported and on each rejection's sheet, row, column and message."""
from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook

from db.errors import UserError
from db.portfolio import Portfolio
from db.sheets import importer
from db.sheets.cells import YI
from db.sheets.export import write_tables

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: TODAY)
    ids = {}
    for name, short, kind in (("重庆高新区科技创新局", "高新区科创局", "政府部门"), ("重庆大学", None, "高校"),
                              ("西部（重庆）科学城管委会", None, "政府部门")):
        ids[name], _ = p.create("units", {"name": name, "short_name": short, "kind": kind})
    ids["超瞬态实验装置"], _ = p.create("projects", {"name": "超瞬态实验装置", "total_investment": 1000,
                                                  "stage": "谋划", "zone": "西部（重庆）科学城"})
    for _ in range(2):
        p.create("projects", {"name": "同名项目"})
    ids["已删除项目"], _ = p.create("projects", {"name": "已删除项目"})
    p.delete("projects", ids["已删除项目"])
    p.ids = ids
    yield p
    p.close()


def save(wb, tmp_path, name="台账.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def by_name(pf, name):
    found = [p for p in pf.list("projects") if p["name"] == name]
    assert len(found) == 1, (name, found)
    return found[0]


def messy_ledger() -> Workbook:
    """Title + subtitle, a two-row merged header in 亿元, section/subtotal/blank/note rows, a unit
    cell merged down over two projects, numbers as text, dates in many forms."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2025年重点项目"
    ws.append(["2025年西部（重庆）科学城重大科技项目推进台账"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位：重庆高新区科技创新局", None, None, None, None, None, None, None, None, "单位：亿元"])
    ws.append(["序号", "项目名称", "责任单位", "投资情况（亿元）", None, None, "建设周期", None, "阶段", "备注"])
    ws.append([None, None, None, "总投资", "累计完成", "2025年计划", "开工时间", "竣工时间", None, None])
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:H3", "I3:I4", "J3:J4"):
        ws.merge_cells(rng)
    ws.append(["一、重大科技基础设施"])
    ws.merge_cells("A5:J5")
    ws.append([1, "超瞬态实验装置", "重庆高新区 科技创新局", "1.2", "０．３", None, "2025/6/30", "2025年二季度",
               "在建", "主体结构施工"])
    ws.append([2, "新一代同步辐射光源", None, 45.5, 3, "1,200万元", 45838, "2028年6月", "前期", None])
    ws.merge_cells("C6:C7")
    ws.append(["小计", None, None, 46.7, 3.3])
    ws.append(["二、科学研究中心", None, None, 20.8])  # a group title carrying its subtotal
    ws.append([3, "重庆大学科学中心", "重庆大学、新材料研究院（配合）", "２０", None, None,
               dt.datetime(2025, 7, 1), "2026年6月30日", "建设", None])
    ws.append([4, "长江生态环境\n研究平台", "西部(重庆)科学城管委会", "0.8", None, None, "2025.6.30", "2025-12-31",
               "谋划", None])
    ws.append([None] * 10)
    ws.append([None, "其中：市级项目", None, 20.8])
    ws.append(["合  计", None, None, 67.5])
    ws.append(["注：金额单位为亿元；日期为计划日期。"])
    return wb


def test_messy_ledger_preview_then_import(pf, tmp_path):
    path = save(messy_ledger(), tmp_path)
    plan = importer.analyse(pf, path)
    assert plan.ok, [p.text() for p in plan.problems]
    (layout,) = plan.layouts
    assert [r + 1 for r in layout.header_rows] == [3, 4] and layout.data_start + 1 == 5
    mapped = {c.letter: (c.field, c.scale) for c in layout.columns}
    assert mapped["B"] == ("name", 1.0) and mapped["C"][0] == "responsible_unit_ids"
    assert mapped["D"] == ("total_investment", YI) and mapped["E"] == ("invested_to_date", YI)
    assert mapped["F"] == ("annual_plan_investment", YI)
    assert mapped["G"][0] == "planned_start" and mapped["H"][0] == "planned_finish"
    assert mapped["A"][0] is None
    assert [r.name for r in plan.adds] == ["新一代同步辐射光源", "重庆大学科学中心", "长江生态环境研究平台"]
    (update,) = plan.updates
    assert update.name == "超瞬态实验装置" and update.row == 6
    changed = {c.field: (c.old, c.new) for c in update.changes}
    assert changed["total_investment"] == ("1,000", "12,000")
    assert changed["stage"] == ("谋划", "建设")
    assert "zone" not in changed  # blank cells never clear a value
    assert plan.skipped == {"section": 2, "subtotal": 3, "blank": 1, "note": 1}
    assert [u.name for u in plan.new_units] == ["新材料研究院"] and plan.new_units[0].kind == "院所"
    assert plan.matched_units == {"重庆高新区 科技创新局": "重庆高新区科技创新局",
                                  "西部(重庆)科学城管委会": "西部（重庆）科学城管委会"}
    readings = "\n".join(x.text() for x in plan.readings)
    assert "第 6 行 H 列「建设周期 / 竣工时间」“2025年二季度”：只写到季度，按该季度最后一天 2025-06-30 读取" in readings
    assert "“2028年6月”：只写到月份，按该月最后一天 2028-06-30 读取" in readings
    assert "“在建”：按“建设”读取" in readings and "“前期”：按“谋划”读取" in readings
    assert "“1,200万元”：单元格注明万元，读作 1,200 万元" in readings
    assert "以下各行的类别按“科学研究中心”读取" in readings
    report = "\n".join(plan.report())
    assert "表头在第 3–4 行" in report and "（亿元 ×10000）" in report and "新建单位 1 个" in report

    before = pf.count("projects")
    pf.apply(plan.ops())
    assert pf.count("projects") == before + 3
    p = by_name(pf, "超瞬态实验装置")
    assert (p["total_investment"], p["invested_to_date"]) == (12000.0, 3000.0)
    assert (p["planned_start"], p["planned_finish"], p["stage"]) == ("2025-06-30", "2025-06-30", "建设")
    assert p["category"] == "重大科技基础设施" and p["notes"] == "主体结构施工"
    assert p["zone"] == "西部（重庆）科学城"
    assert p["responsible_unit_ids"] == [pf.ids["重庆高新区科技创新局"]]
    light = by_name(pf, "新一代同步辐射光源")
    assert (light["total_investment"], light["invested_to_date"], light["annual_plan_investment"]) == \
        (455000.0, 30000.0, 1200.0)
    assert (light["planned_start"], light["planned_finish"]) == ("2025-06-30", "2028-06-30")
    assert light["responsible_unit_ids"] == [pf.ids["重庆高新区科技创新局"]]  # merged cell read down
    assert light["category"] == "重大科技基础设施" and light["stage"] == "谋划"
    cq = by_name(pf, "重庆大学科学中心")
    new_unit = [u for u in pf.list("units") if u["name"] == "新材料研究院"][0]
    assert cq["responsible_unit_ids"] == [pf.ids["重庆大学"], new_unit["id"]]
    assert (cq["total_investment"], cq["planned_start"], cq["planned_finish"]) == (200000.0, "2025-07-01", "2026-06-30")
    assert cq["category"] == "科学研究中心"
    river = by_name(pf, "长江生态环境研究平台")
    assert river["planned_start"] == "2025-06-30" and river["planned_finish"] == "2025-12-31"

    again = importer.analyse(pf, path)  # importing the same sheet again changes nothing
    assert again.rows == [] and again.skipped["unchanged"] == 4 and not again.new_units


def test_header_words_vary_between_sheets(pf, tmp_path):
    wb = Workbook()
    a = wb.active
    a.title = "市级平台"
    a.append(["名称", "牵头单位", "总投资(万元)", "计划开工日期", "类别", "联系人"])
    a.append(["超瞬态实验装置", "高新区科创局", "1,500", "2025-06-30", "重大科技基础设施", "张三"])
    a.append(["数字孪生实验室", "重庆大学", 800, "2025年6月", "重点实验室（市级）", "李四"])
    b = wb.create_sheet("区级项目")
    b.append(["区级科技项目清单"])
    b.append(["序号", "项目（平台）名称", "责任单位", "总投资（亿元）", "计划竣工", "产业方向"])
    b.append([1, "智能网联汽车测试场", "重庆高新区科技创新局", 2, "2025年6月30日", "智能网联汽车"])
    c = wb.create_sheet("填表说明")
    c.append(["请按实际情况填写"])
    plan = importer.analyse(pf, save(wb, tmp_path))
    assert plan.ok
    assert [lay.sheet for lay in plan.layouts] == ["市级平台", "区级项目"]
    assert plan.notes == ["工作表「填表说明」没有可识别的项目台账表头，已跳过。"]
    pf.apply(plan.ops())
    p = by_name(pf, "超瞬态实验装置")
    assert p["lead_unit_id"] == pf.ids["重庆高新区科技创新局"]  # matched by short name
    assert p["total_investment"] == 1500.0 and p["planned_start"] == "2025-06-30"
    lab = by_name(pf, "数字孪生实验室")
    assert lab["category"] == "重点实验室" and lab["planned_start"] == "2025-06-30"
    car = by_name(pf, "智能网联汽车测试场")
    assert car["total_investment"] == 20000.0 and car["planned_finish"] == "2025-06-30"
    assert car["domain"] == "智能网联汽车"


def bad_rows_sheet(pf) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "问题行"
    ws.append(["系统编号", "项目名称", "类别", "总投资（万元）", "计划开工", "责任单位"])
    ws.append([None, "有效项目", "孵化器", "2,000", "2025年6月", "重庆大学"])            # 2
    ws.append([None, "坏日期", None, None, "2025年13月", None])                          # 3
    ws.append([None, "不存在的日子", None, None, "2025-02-30", None])                    # 4
    ws.append([None, "负投资", None, "-100", None, None])                                # 5
    ws.append([None, "未知类别", "产业类", None, None, None])                            # 6
    ws.append([None, None, None, 100, None, "重庆大学"])                                 # 7
    ws.append([None, "有效项目", None, None, None, None])                                # 8
    ws.append([None, "同名项目", None, 50, None, None])                                  # 9
    ws.append(["not-a-uuid", "编号不对", None, None, None, None])                        # 10
    ws.append([pf.ids["已删除项目"], "已删除项目", None, None, None, None])              # 11
    ws.append([None, "文字投资", None, "约五千", None, None])                            # 12
    ws.append([pf.ids["重庆大学"], "其实是单位", None, None, None, None])                 # 13
    return wb


def test_each_rejection_names_sheet_row_column_and_reason(pf, tmp_path):
    plan = importer.analyse(pf, save(bad_rows_sheet(pf), tmp_path))
    found = {(p.row, p.column): p for p in plan.problems}
    expected = {
        (3, "E"): "“2025年13月”不是有效日期（月份应为 1–12）",
        (4, "E"): "“2025-02-30”不是有效日期（2025年2月没有30日）",
        (5, "D"): "金额不能为负数（“-100”）",
        (6, "C"): "“产业类”不是可选的类别；可选：重大科技基础设施、重大科研基础平台、科学研究中心",
        (7, "B"): "缺少项目名称",
        (8, ""): "与第 2 行是同一个项目（“有效项目”），重复",
        (9, "B"): "组合中有 2 个名为“同名项目”的项目，无法确定更新哪一个；请加一列系统编号（UUID）",
        (10, "A"): "“not-a-uuid”不是有效的系统编号（UUID）",
        (11, "A"): f"系统编号 {pf.ids['已删除项目']} 对应的项目已被删除",
        (12, "D"): "“约五千”不是数字",
        (13, "A"): f"系统编号 {pf.ids['重庆大学']} 对应的不是项目，而是单位",
    }
    assert set(found) == set(expected)
    for key, words in expected.items():
        assert words in found[key].reason, (key, found[key].reason)
    assert found[(3, "E")].text() == ("工作表「问题行」第 3 行 E 列「计划开工」：“2025年13月”不是有效日期（月份应为 1–12）")
    assert found[(8, "")].text() == "工作表「问题行」第 8 行：与第 2 行是同一个项目（“有效项目”），重复"
    assert [r.name for r in plan.adds] == ["有效项目"]
    assert len(plan.rejected_rows) == 11

    # By default nothing is written while any row is invalid.
    before = pf.dump()
    with pytest.raises(UserError, match="有 11 行无效，未写入任何数据"):
        plan.ops()
    assert pf.dump() == before
    # An explicit choice imports the valid rows (all in one transaction) and lists the rest.
    pf.apply(plan.ops(partial=True))
    added = by_name(pf, "有效项目")
    assert (added["category"], added["total_investment"], added["planned_start"]) == ("孵化载体", 2000.0, "2025-06-30")
    assert added["responsible_unit_ids"] == [pf.ids["重庆大学"]]
    assert pf.count("projects") == len(before["projects"]) + 1


def test_exported_table_matches_by_id_and_updates_instead_of_duplicating(pf, tmp_path):
    out = tmp_path / "表格.xlsx"
    write_tables(pf, out, ["projects"])
    wb = openpyxl.load_workbook(out)
    ws = wb["项目"]
    headers = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "超瞬态实验装置")
    ws.cell(row=row, column=1, value="超瞬态实验装置（一期）")  # renamed: only the id can match it
    ws.cell(row=row, column=headers.index("总投资（万元）") + 1, value=2500)
    wb.save(out)
    plan = importer.analyse(pf, out)
    assert plan.ok and plan.adds == []
    (update,) = plan.updates
    assert update.id == pf.ids["超瞬态实验装置"]
    assert {c.field: c.new for c in update.changes} == {"name": "超瞬态实验装置（一期）", "total_investment": "2,500"}
    before = pf.count("projects")
    pf.apply(plan.ops())
    assert pf.count("projects") == before
    assert pf.get("projects", pf.ids["超瞬态实验装置"])["total_investment"] == 2500.0


@pytest.mark.parametrize("import_language", ["zh", "en"])
def test_table_exported_with_english_headers_imports_back(pf, tmp_path, import_language):
    from db.i18n import set_language
    out = tmp_path / "table.xlsx"
    set_language("en")
    try:
        write_tables(pf, out, ["projects"])
        wb = openpyxl.load_workbook(out)
        ws = wb.worksheets[0]
        headers = [c.value for c in ws[1]]
        assert "Project name" in headers and "项目名称" not in headers
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "超瞬态实验装置")
        ws.cell(row=row, column=headers.index("Total investment (10k CNY)") + 1, value=2600)
        wb.save(out)
        set_language(import_language)
        plan = importer.analyse(pf, out)
    finally:
        set_language("zh")
    assert plan.ok and plan.adds == []
    (update,) = plan.updates
    assert update.id == pf.ids["超瞬态实验装置"]
    assert [c.field for c in update.changes] == ["total_investment"]


def test_user_corrections_of_mapping_and_units(pf, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "负责主体", "投资额", "备注"])
    ws.append(["超瞬态实验装置", "高新区科技局", 1.5, None])
    path = save(wb, tmp_path)
    plan = importer.analyse(pf, path)
    cols = {c.header: c for c in plan.layouts[0].columns}
    assert cols["负责主体"].field is None and cols["投资额"].field is None
    mapping = {"台账": {cols["负责主体"].index: ("lead_unit_id", 1.0), cols["投资额"].index: ("total_investment", YI)}}
    plan = importer.analyse(pf, path, mapping=mapping)
    assert [u.name for u in plan.new_units] == ["高新区科技局"]
    plan = importer.analyse(pf, path, mapping=mapping,
                            unit_choices={"高新区科技局": pf.ids["重庆高新区科技创新局"]})
    assert plan.new_units == [] and plan.matched_units == {"高新区科技局": "重庆高新区科技创新局"}
    pf.apply(plan.ops())
    p = pf.get("projects", pf.ids["超瞬态实验装置"])
    assert p["lead_unit_id"] == pf.ids["重庆高新区科技创新局"] and p["total_investment"] == 15000.0
    assert not [u for u in pf.list("units") if u["name"] == "高新区科技局"]


def test_unreadable_files_are_refused_with_one_message(pf, tmp_path):
    text = tmp_path / "假的.xlsx"
    text.write_text("序号,项目名称\n1,测试\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是 Excel 工作簿（.xlsx）"):
        importer.analyse(pf, text)
    broken = tmp_path / "坏的.xlsx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(UserError, match="文件已损坏或不是有效的 .xlsx"):
        importer.analyse(pf, broken)
    with pytest.raises(UserError, match="找不到文件"):
        importer.analyse(pf, tmp_path / "没有.xlsx")
    wb = Workbook()
    wb.active.append(["会议纪要"])
    wb.active.append(["一、关于推进重点项目"])
    with pytest.raises(UserError, match="找不到项目台账的表头"):
        importer.analyse(pf, save(wb, tmp_path, "纪要.xlsx"))


def test_new_units_list_each_row_once_and_previews_show_names(pf, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "牵头单位", "责任单位", "类别", "总投资（万元）", "标签"])
    ws.append(["甲项目", "新材料研究院", "新材料研究院、重庆大学", "孵化器", 1234.5, "a、b"])
    ws.append(["乙项目", "新材料 研究院", "新材料研究院", None, None, "、"])
    ws.append(["丙项目", "重庆大学", "新材料研究院", None, "1,000", None])
    plan = importer.analyse(pf, save(wb, tmp_path))
    assert plan.ok
    (unit,) = plan.new_units
    assert unit.name == "新材料研究院" and unit.rows == ["「台账」第 2 行", "「台账」第 3 行", "「台账」第 4 行"]
    first = {c.field: (c.label, c.new) for c in plan.adds[0].changes}
    assert first == {"name": ("项目名称", "甲项目"), "lead_unit_id": ("牵头单位", "新材料研究院"),
                     "responsible_unit_ids": ("责任单位", "新材料研究院、重庆大学"), "category": ("类别", "孵化载体"),
                     "total_investment": ("总投资（万元）", "1,234.5"), "tags": ("标签", "a、b")}
    second = {c.field: c.new for c in plan.adds[1].changes}
    assert second == {"name": "乙项目", "lead_unit_id": "新材料研究院", "responsible_unit_ids": "新材料研究院", "tags": ""}
    third = {c.field: c.new for c in plan.adds[2].changes}
    assert third == {"name": "丙项目", "lead_unit_id": "重庆大学", "responsible_unit_ids": "新材料研究院",
                     "total_investment": "1,000"}


def test_the_garbage_collector_is_paused_only_while_reading(pf, tmp_path, monkeypatch):
    import gc
    seen = []
    real = importer._Reader.run

    def run(self, found):
        seen.append(gc.isenabled())
        return real(self, found)
    monkeypatch.setattr(importer._Reader, "run", run)
    path = save(messy_ledger(), tmp_path)
    assert gc.isenabled()
    importer.analyse(pf, path)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        importer.analyse(pf, path)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    with pytest.raises(UserError):
        importer.analyse(pf, tmp_path / "没有.xlsx")
    assert gc.isenabled()
