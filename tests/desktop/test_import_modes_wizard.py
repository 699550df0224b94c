"""Issue #21 finding 7 in the wizard: per-column modes, a per-row override, bad cells left empty."""
from openpyxl import Workbook

from db.store.changes import Update
from desktop.dialogs.import_wizard import DONE, PREVIEW


def _ledger(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "责任单位", "总投资（万元）", "计划竣工", "备注"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _to_preview(wizard):
    for _ in range(4):
        if wizard.currentId() == PREVIEW:
            return
        wizard.next()
    assert wizard.currentId() == PREVIEW


def test_preview_offers_modes_and_never_silently_replaces(window, tmp_path, monkeypatch, shots_dir):
    pf, session = window.pf, window.session
    units = pf.list("units")[:3]
    p = next(x for x in pf.list("projects") if x["name"].startswith("超瞬态"))
    session.do([Update("projects", p["id"], {"responsible_unit_ids": [u["id"] for u in units],
                                             "notes": "依据《西部科学城规划》第12条"})], "prep")
    other = next(x for x in pf.list("projects") if x["id"] != p["id"])
    path = _ledger(tmp_path / "台账.xlsx", [[p["name"], units[0]["name"], 4321, None, "已封顶"],
                                           [other["name"], None, 99, "2027年13月", None]])
    wizard = window.sheets.import_ledger(path)
    _to_preview(wizard)
    page = wizard.preview_page
    modes = {page.modes.item(r, 0).text(): page.modes.cellWidget(r, 1) for r in range(page.modes.rowCount())}
    assert modes["责任单位"].currentText() == "只补空白" and modes["备注"].currentText() == "只补空白"
    assert "总投资（万元）" in modes and modes["总投资（万元）"].currentText() == "覆盖"
    # the bad cell: the row can be imported with it left empty, once the user says so
    assert page.blank_cells.isVisible() or not page.blank_cells.isHidden()
    assert not page.isComplete()
    page.blank_cells.setChecked(True)
    assert page.isComplete()
    # 备注 overwritten for the whole column; 责任单位 replaced on this one row only
    modes["备注"].setCurrentIndex(modes["备注"].findData("overwrite"))
    notes_rows = [i for i in range(page.updates.model().rowCount()) if page.updates.model().index(i, 2).data() == "备注"]
    assert notes_rows and all(page.updates.model().index(i, 6).data() == "覆盖" for i in notes_rows)
    model = page.updates.model()
    row = next(i for i in range(model.rowCount())
               if model.index(i, 2).data() == "责任单位" and model.index(i, 1).data() == p["name"])
    assert model.index(row, 6).data() == "只补空白"  # the row follows its column…
    index = model.index(row, 6)
    page.tabs.setCurrentWidget(page.updates)
    page.updates.setCurrentIndex(index)  # …until the user picks another mode in its drop-down
    combo = page.updates.indexWidget(index)
    assert combo.currentText() == "只补空白"
    combo.setCurrentIndex(combo.findData("overwrite"))
    assert model.index(row, 6).data() == "覆盖"
    wizard.grab().save(str(shots_dir / "import_wizard_modes.png"))
    wizard.next()
    assert wizard.currentId() == DONE
    after = pf.get("projects", p["id"])
    assert after["responsible_unit_ids"] == [units[0]["id"]]
    assert after["notes"] == "已封顶\n依据《西部科学城规划》第12条"  # the citation stays
    assert after["total_investment"] == 4321
    assert pf.get("projects", other["id"])["total_investment"] == 99
    wizard.accept()
