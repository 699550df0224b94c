"""The desk's everyday flow through the real widgets: create, plan, slip with a reason, undo, filter."""
from PySide6.QtWidgets import QDialog

from db import colours
from desktop.dialogs import record as record_dialog
from desktop.dialogs.record import RecordDialog


def fill(dialog: RecordDialog, **values) -> None:
    for name, value in values.items():
        editor = dialog.form.editors[name]
        if hasattr(editor, "setCurrentIndex") and not hasattr(editor, "setText"):
            editor.setCurrentIndex(editor.findData(value))
        else:
            editor.setText(value)


def test_create_project_add_milestones_replan_and_undo(window, monkeypatch):
    pf, session = window.pf, window.session
    unit = next(u for u in pf.list("units") if u["name"] == "重庆大学")

    dialog = RecordDialog(session, "projects", None, parent=window)
    fill(dialog, name="智能传感中试平台", category="产业创新平台", total_investment="1200",
         lead_unit_id=unit["id"])
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    pid = dialog.result_changes.records[0].id
    project = pf.get("projects", pid)
    assert project["name"] == "智能传感中试平台" and project["total_investment"] == 1200.0
    window.register.search.setText("智能传感")
    assert window.register.list.model.rowCount() == 1

    window.detail.show_project(pid)
    today = pf.today()
    due = today.replace(year=today.year + 1).isoformat()
    add = RecordDialog(session, "milestones", None, preset={"project_id": pid}, hidden={"team_id"})
    fill(add, name="完成设备安装调试", planned_date=due, status="进行中")
    add.save()
    mid = add.result_changes.records[0].id
    assert window.detail.milestones.rowCount() == 1
    assert pf.get("milestones", mid)["baseline_date"] == due

    # a bad date is refused with a message naming the field, nothing saved
    bad = RecordDialog(session, "milestones", pf.get("milestones", mid), hidden={"project_id", "team_id"})
    fill(bad, actual_date="2025年13月")  # no such month
    bad.save()
    assert bad.error.isVisible() or "实际完成日期" in bad.error.text()
    assert "实际完成日期" in bad.error.text()
    assert pf.get("milestones", mid)["actual_date"] is None

    # slip it into the past: the re-plan asks for a reason and the colour turns red with its reason
    late = today.replace(year=today.year - 1).isoformat()
    monkeypatch.setattr(record_dialog, "ask_replan", lambda *a: ("设备到货延期", "张主任"))
    edit = RecordDialog(session, "milestones", pf.get("milestones", mid), hidden={"project_id", "team_id"})
    fill(edit, planned_date=late)
    edit.save()
    log = pf.list("replans", milestone_id=mid)
    assert [(r["old_date"], r["new_date"], r["reason"], r["approved_by"]) for r in log] == [
        (due, late, "设备到货延期", "张主任")]
    row = window.register.row(pid)
    assert row["colour"] == colours.RED and "逾期" in row["colour_reason"]
    assert "重新计划 1 次" in window.detail.slip_label.text()

    # undo the slip: date back, log entry gone, colour back to green
    window.act_undo.trigger()
    assert pf.get("milestones", mid)["planned_date"] == due
    assert pf.list("replans", milestone_id=mid) == []
    assert window.register.row(pid)["colour"] == colours.GREEN
    window.act_redo.trigger()
    assert pf.get("milestones", mid)["planned_date"] == late
    assert len(pf.list("replans", milestone_id=mid)) == 1


def test_delete_project_asks_and_is_undoable(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    window.register.search.setText("超瞬态实验装置")
    window.register.table.selectRow(0)
    pid = window.register.selected_ids()[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    window.act_delete_project.trigger()
    assert window.pf.get("projects", pid) is None
    assert window.register.list.model.rowCount() == 0
    window.act_undo.trigger()
    assert window.pf.get("projects", pid) is not None
    assert window.register.list.model.rowCount() == 1


def test_switch_language_to_english(window):
    window.lang_actions["en"].trigger()
    try:
        assert window.nav.item(0).text() == "Projects"
        assert window.register.list.model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Horizontal) == "Project name"
        assert window.register.filters["category"].itemText(0) == "All categories"
        window.register.search.setText("超瞬态实验装置")
        window.register.table.selectRow(0)
        assert "Major research facility" in window.detail.info.toPlainText()
        row = window.register.selected_ids() and window.register.list.model.rows[
            window.register.list.model.row_of(window.register.selected_ids()[0])]
        assert row["category_label"] == "Major research facility" and row["entry_type_label"] == "Project"
    finally:
        window.lang_actions["zh"].trigger()
    assert window.nav.item(0).text() == "项目"


def test_timeline_shows_project_milestones(window, shots_dir):
    window.register.search.setText("超瞬态实验装置")
    window.register.table.selectRow(0)
    pid = window.register.selected_ids()[0]
    today = window.pf.today()
    for name, months in (("一期工程竣工验收", 2), ("ARPES线站设备研制", -3)):
        d = today.replace(month=(today.month + months - 1) % 12 + 1).isoformat()
        window.session.do([__import__("db.store.changes").store.changes.Create(
            "milestones", {"project_id": pid, "name": name, "planned_date": d})], "add")
    window.detail.buttons["timeline"].click()
    assert window.current_screen() is window.timeline
    assert [r["name"] for r in window.timeline.rows] and len(window.timeline.rows) == 2
    assert set(window.timeline.axis.labels.values()) == {"一期工程竣工验收", "ARPES线站设备研制"}
    assert window.grab().save(str(shots_dir / "timeline.png"))


def test_milestone_cells_edit_in_place(window, monkeypatch):
    from PySide6.QtCore import Qt
    window.register.search.setText("超瞬态实验装置")
    window.register.table.selectRow(0)
    pid = window.register.selected_ids()[0]
    window.session.do([__import__("db.store.changes").store.changes.Create(
        "milestones", {"project_id": pid, "name": "束线安装", "planned_date": "2027-03-31"})], "add")
    model = window.detail.milestones
    col = {c.key: i for i, c in enumerate(model.columns)}
    assert model.flags(model.index(0, col["planned_date"])) & Qt.ItemIsEditable
    assert not model.flags(model.index(0, col["colour"])) & Qt.ItemIsEditable
    # a bad date in a cell is refused, the value stays
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: None)
    # no such day (2025/6/30 is read as the import reads it)
    assert not model.setData(model.index(0, col["actual_date"]), "2025/6/31")
    assert model.rows[0]["actual_date"] is None
    # moving the planned date in place asks for the reason and logs the slip
    monkeypatch.setattr(record_dialog, "ask_replan", lambda *a: ("土建延期", ""))
    assert model.setData(model.index(0, col["planned_date"]), "2027-06-30")
    assert model.rows[0]["planned_date"] == "2027-06-30" and model.rows[0]["slips"] == 1
    assert model.setData(model.index(0, col["status_label"]), "进行中")
    assert model.rows[0]["status"] == "进行中"
