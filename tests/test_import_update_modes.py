"""Issue #21 finding 7: an update import never silently destroys data — per-column modes
(覆盖 / 只补空白 / 跳过), per-row overrides, bad cells left empty if chosen, citations kept."""
from __future__ import annotations

import pytest
from openpyxl import Workbook

from db.errors import UserError
from db.portfolio import Portfolio
from db.sheets import importer
from db.sheets.update_modes import FILL, OVERWRITE, SKIP


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True)
    a, _ = p.create("units", {"name": "重庆大学", "kind": "高校"})
    b, _ = p.create("units", {"name": "中国科学院重庆绿色智能技术研究院", "kind": "院所"})
    c, _ = p.create("units", {"name": "重庆高新区科技创新局", "kind": "政府部门"})
    pid, _ = p.create("projects", {"name": "超瞬态实验装置", "responsible_unit_ids": [a, b, c],
                                   "total_investment": 1000,
                                   "notes": "依据《西部科学城规划》第12条\n主体结构施工中"})
    p.units, p.pid = (a, b, c), pid
    yield p
    p.close()


def ledger(tmp_path, *rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "责任单位", "总投资（万元）", "计划竣工", "备注"])
    for row in rows:
        ws.append(list(row))
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


def test_default_keeps_lists_and_notes_and_overwrites_numbers(pf, tmp_path):
    plan = importer.analyse(pf, ledger(tmp_path, ["超瞬态实验装置", "重庆大学", 1200, None, "已封顶"]))
    pf.apply(plan.ops())
    p = pf.get("projects", pf.pid)
    assert p["responsible_unit_ids"] == list(pf.units)  # three units not replaced by one
    assert p["notes"].startswith("依据《西部科学城规划》第12条")
    assert p["total_investment"] == 1200


def test_column_modes_and_row_override(pf, tmp_path):
    plan = importer.analyse(pf, ledger(tmp_path, ["超瞬态实验装置", "重庆大学", 1200, None, "已封顶"]))
    plan.field_modes.update({"notes": OVERWRITE, "total_investment": SKIP})
    plan.row_modes[(pf.pid, "responsible_unit_ids")] = OVERWRITE
    changes = pf.apply(plan.ops())
    p = pf.get("projects", pf.pid)
    assert p["responsible_unit_ids"] == [pf.units[0]]
    assert p["total_investment"] == 1000  # skipped
    # overwritten, but the source citation is never dropped
    assert p["notes"] == "已封顶\n依据《西部科学城规划》第12条"
    pf.undo(changes)
    assert pf.get("projects", pf.pid)["responsible_unit_ids"] == list(pf.units)


def test_fill_mode_fills_an_empty_field(pf, tmp_path):
    plan = importer.analyse(pf, ledger(tmp_path, ["超瞬态实验装置", None, None, "2027年6月30日", None]))
    plan.field_modes["planned_finish"] = FILL
    pf.apply(plan.ops())
    assert pf.get("projects", pf.pid)["planned_finish"] == "2027-06-30"


def test_bad_cell_row_imported_with_the_cell_left_empty_when_chosen(pf, tmp_path):
    path = ledger(tmp_path, ["超瞬态实验装置", None, 1500, "2027年13月", None],
                  ["量子计算平台", "重庆大学", 300, "明年", None])
    plan = importer.analyse(pf, path)
    assert len(plan.problems) == 2 and not plan.rows
    with pytest.raises(UserError):
        plan.ops()
    pf.apply(plan.ops(blank_bad_cells=True))
    assert pf.get("projects", pf.pid)["total_investment"] == 1500
    new = next(p for p in pf.list("projects") if p["name"] == "量子计算平台")
    assert new["planned_finish"] is None and new["total_investment"] == 300


def test_cli_modes_and_blank_bad_cells(pf, tmp_path, capsys):
    from desktop import cli
    path = ledger(tmp_path, ["超瞬态实验装置", "重庆大学", 1200, "2027年13月", "已封顶"])
    file = pf.path
    pf.close()
    assert cli.main(["xlsx-import", str(file), str(path), "--mode", "responsible_unit_ids=overwrite",
                     "--blank-bad-cells"]) == 0
    assert cli.main(["xlsx-import", str(file), str(path), "--mode", "notes=maybe"]) == 2
    assert "--mode" in capsys.readouterr().err
    with Portfolio.open(file) as again:
        p = again.list("projects")[0]
        assert len(p["responsible_unit_ids"]) == 1 and p["total_investment"] == 1200
        assert p["planned_finish"] is None and "已封顶" not in p["notes"]
