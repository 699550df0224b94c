"""The 导入台账 wizard and the File menu's spreadsheet/calendar actions, on the built-in portfolio."""
from __future__ import annotations

import openpyxl
from openpyxl import Workbook

from db.sheets.template_export import write_template
from desktop.dialogs.import_wizard import DONE, MAPPING, PREVIEW, UNITS


def ledger(path, bad_row: bool = False):
    wb = Workbook()
    ws = wb.active
    ws.title = "重点项目"
    ws.append(["2025年重点项目台账"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "项目名称", "负责主体", "投资情况（亿元）", None, "计划竣工"])
    ws.append([None, None, None, "总投资", "累计完成", None])
    for rng in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3"):
        ws.merge_cells(rng)
    ws.append([1, "超瞬态实验装置", "市科技局", "12", "3", "2027年二季度"])
    ws.append([2, "量子计算创新平台", "量子科技研究院", "0.5", None, "2026年6月"])
    if bad_row:
        ws.append([3, "日期写错的项目", None, None, None, "2026年13月"])
    ws.append(["合计", None, None, 12.5, 3])
    wb.save(path)
    return path


def mapping_row(page, sheet: str, header: str) -> int:
    table = page.tables[sheet]
    return next(r for r in range(table.rowCount()) if table.item(r, 1).text() == header)


def cell(view, r: int, c: int) -> str:
    """What a preview table shows in a cell (its model's DisplayRole)."""
    return view.model().index(r, c).data()


def test_file_menu_offers_the_actions(window):
    texts = [a.text() for a in window.file_menu.actions()]
    for text in ("导入台账…", "导出调度表…", "导出表格…", "导出日历…"):
        assert text in texts


def test_wizard_maps_confirms_units_previews_and_imports_undoably(window, tmp_path, shots_dir):
    pf = window.pf
    before = pf.count("projects")
    wizard = window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx"))
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    table = page.tables["重点项目"]
    row = mapping_row(page, "重点项目", "投资情况（亿元） / 总投资")
    assert table.cellWidget(row, 2).currentData() == "total_investment"
    assert table.cellWidget(row, 3).currentText().startswith("亿元")
    row = mapping_row(page, "重点项目", "负责主体")
    combo = table.cellWidget(row, 2)
    assert combo.currentData() is None  # not recognised: the user says what it is
    combo.setCurrentIndex(combo.findData("lead_unit_id"))
    wizard.grab().save(str(shots_dir / "import_wizard_mapping.png"))
    wizard.next()
    assert wizard.currentId() == UNITS
    units = wizard.units_page.table
    assert units.rowCount() == 1 and units.item(0, 0).text() == "量子科技研究院"
    assert units.cellWidget(0, 2).currentText().startswith("新建单位（院所）")
    wizard.grab().save(str(shots_dir / "import_wizard_units.png"))
    wizard.next()
    assert wizard.currentId() == PREVIEW
    preview = wizard.preview_page
    assert preview.adds.model().rowCount() == 1 and cell(preview.adds, 0, 1) == "量子计算创新平台"
    fields = {cell(preview.updates, r, 2): cell(preview.updates, r, 4)
              for r in range(preview.updates.model().rowCount())}
    assert fields["总投资（万元）"] == "120,000" and fields["牵头单位"] == "市科技局"
    assert fields["计划完工"] == "2027-06-30"
    assert preview.isComplete() and not preview.partial.isVisible()
    wizard.grab().save(str(shots_dir / "import_wizard_preview.png"))
    wizard.next()
    assert wizard.currentId() == DONE
    assert "已新增 1 条、更新 1 条记录，新建 1 个单位" in wizard.done_page.label.text()
    assert pf.count("projects") == before + 1
    facility = [p for p in pf.list("projects") if p["name"] == "超瞬态实验装置"][0]
    assert facility["total_investment"] == 120000.0 and facility["invested_to_date"] == 30000.0
    wizard.accept()
    window.session.undo_stack.undo()  # the whole import is one edit
    assert pf.count("projects") == before
    assert [p for p in pf.list("projects") if p["name"] == "超瞬态实验装置"][0]["total_investment"] is None


def test_invalid_rows_block_the_import_until_partial_is_chosen(window, tmp_path, shots_dir):
    pf = window.pf
    before = pf.count("projects")
    wizard = window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx", bad_row=True))
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PREVIEW
    preview = wizard.preview_page
    assert preview.rejected.model().rowCount() == 1
    assert "“2026年13月”不是有效日期" in cell(preview.rejected, 0, 3)
    assert cell(preview.rejected, 0, 1) == "6"
    assert not preview.isComplete()
    wizard.grab().save(str(shots_dir / "import_wizard_rejected.png"))
    preview.partial.setChecked(True)
    assert preview.isComplete()
    wizard.next()
    assert wizard.currentId() == DONE and "日期写错的项目" not in {p["name"] for p in pf.list("projects")}
    assert pf.count("projects") == before + 1
    assert "未导入的无效行" in wizard.done_page.label.text()
    wizard.accept()


def test_filled_template_goes_straight_to_the_preview(window, tmp_path, qtbot):
    pf = window.pf
    path = tmp_path / "调度表.xlsx"
    write_template(pf, path, None)
    wb = openpyxl.load_workbook(path)
    ws = wb["里程碑调度"]
    ws.cell(row=5, column=10, value="进行中")
    ws.cell(row=5, column=12, value="已完成选址")
    wb.save(path)
    wizard = window.sheets.import_ledger(path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=60_000)  # (read on the worker)
    assert "调度表：全部单位" in wizard.preview_page.summary.text()
    assert wizard.preview_page.updates.model().rowCount() == 2  # status and notes of one milestone
    wizard.next()
    milestone = pf.get("milestones", ws.cell(row=5, column=1).value)
    assert milestone["status"] == "进行中" and "本周进展：已完成选址" in milestone["notes"]
    wizard.accept()


def test_export_actions_write_files(window, tmp_path):
    window.sheets.export_tables(tmp_path / "t.xlsx").wait()
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "项目"
    window.sheets.export_calendar(tmp_path / "m.ics").wait()
    assert (tmp_path / "m.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    window.sheets.export_template("区科技局", tmp_path / "d.xlsx").wait()
    assert "已导出调度表" in window.statusBar().currentMessage()
    assert openpyxl.load_workbook(tmp_path / "d.xlsx")["项目调度"].max_row > 4
    assert str(tmp_path / "d.xlsx") in window.statusBar().currentMessage()


def test_preview_tables_are_models_that_make_text_only_for_rows_shown(window, tmp_path, qtmodeltester, qtbot):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "总投资（万元）", "计划竣工"])
    for i in range(3000):
        ws.append([f"批量导入项目{i:04d}", 100 + i, "2027年13月" if i % 1000 == 7 else "2027年6月"])
    path = tmp_path / "批量.xlsx"
    wb.save(path)
    wizard = window.sheets.import_ledger(path)
    wizard.show()
    for _ in range(3):  # (a file this size is read on the worker: the wizard moves on when it is done)
        if wizard.currentId() != PREVIEW:
            page = wizard.currentId()
            wizard.next()
            qtbot.waitUntil(lambda: wizard.currentId() != page, timeout=60_000)  # noqa: B023
    assert wizard.currentId() == PREVIEW
    preview = wizard.preview_page
    adds, rejected = preview.adds.model(), preview.rejected.model()
    assert adds.rowCount() == 2997 and rejected.rowCount() == 3
    assert [cell(preview.rejected, r, 1) for r in range(3)] == ["9", "1009", "2009"]  # sheet rows, 1-based
    assert all("不是有效日期" in cell(preview.rejected, r, 3) for r in range(3))
    preview.tabs.setCurrentWidget(preview.adds)
    wizard.grab()
    assert cell(preview.adds, 2996, 1) == "批量导入项目2999"
    assert "总投资（万元）：3,099" in cell(preview.adds, 2996, 2)
    assert 0 < len(adds._texts) < 400  # the rows painted and measured, not all 2,997
    for view in (preview.adds, preview.updates, preview.rejected, preview.readings):
        qtmodeltester.check(view.model())
    wizard.reject()


def test_first_use_loads_the_importer_on_the_worker_then_opens_the_wizard(window, tmp_path, monkeypatch):
    import sys
    monkeypatch.delitem(sys.modules, "db.sheets.importer")  # as in a window that never imported
    assert window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx")) is None
    window.sheets.task.wait()
    assert "db.sheets.importer" in sys.modules
    wizard = window.sheets.wizard
    assert wizard.isVisible() and wizard.file_page.edit.text() == str(tmp_path / "台账.xlsx")
    wizard.next()
    assert wizard.currentId() == MAPPING
    wizard.reject()


def test_a_large_import_is_written_on_the_worker_as_one_undoable_edit(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QWizard

    from desktop.dialogs.import_wizard import ASYNC_ABOVE_OPS
    pf = window.pf
    before = pf.count("projects")
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "总投资（万元）"])
    n = ASYNC_ABOVE_OPS + 20
    for i in range(n):
        ws.append([f"后台导入项目{i:04d}", 100 + i])
    path = tmp_path / "后台.xlsx"
    wb.save(path)
    wizard = window.sheets.import_ledger(path)
    wizard.show()
    for _ in range(3):  # read on the worker (a file this size): the wizard moves on when it is done
        if wizard.currentId() != PREVIEW:
            page = wizard.currentId()
            wizard.next()
            qtbot.waitUntil(lambda: wizard.currentId() != page, timeout=60_000)  # noqa: B023
    assert wizard.currentId() == PREVIEW
    undo_before = window.session.undo_stack.count()
    wizard.next()
    assert wizard.currentId() == PREVIEW  # being written on the worker: the page stays, its buttons off
    assert not wizard.button(QWizard.NextButton).isEnabled() and not wizard.button(QWizard.BackButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=60_000)
    assert f"已新增 {n} 条" in wizard.done_page.label.text()
    assert pf.count("projects") == before + n
    names = {p["name"] for p in pf.list("projects")}
    assert {f"后台导入项目{i:04d}" for i in range(n)} <= names
    assert window.session.undo_stack.count() == undo_before + 1
    assert window.session.undo_stack.undoText() == "导入 后台.xlsx"
    qtbot.waitUntil(lambda: len(window.register.rows()) == before + n, timeout=60_000)  # the register reloaded
    window.session.undo_stack.undo()  # one edit: all of it goes
    assert pf.count("projects") == before
    wizard.reject()
