"""Issue #21 findings 2 and 8 through the milestone form: an actual date completes the milestone;
the form reads dates as the import does, offers a date picker, and marks the field a message names."""
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from db import colours
from db.store.changes import Create
from desktop.dialogs.record import RecordDialog


def _project(window) -> str:
    pf = window.pf
    pid = next(p["id"] for p in pf.list("projects") if p["name"].startswith("超瞬态"))
    window.show_project(pid)
    return pid


def test_actual_date_alone_completes_in_the_form(window):
    pf, session = window.pf, window.session
    pid = _project(window)
    late = pf.today().replace(year=pf.today().year - 3).isoformat()
    mid = session.do([Create("milestones", {"project_id": pid, "name": "完成主体安装",
                                            "planned_date": late})], "add").records[0].id
    assert colours.milestone_colour(pf.get("milestones", mid), pf.today()).code == colours.RED
    dialog = RecordDialog(session, "milestones", pf.get("milestones", mid), hidden={"project_id", "team_id"})
    assert dialog.form.editors["status"].currentData() == "未开始"
    dialog.form.editors["actual_date"].setText(late)
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    m = pf.get("milestones", mid)
    assert m["status"] == "已完成" and m["actual_date"] == late
    row = next(r for r in window.detail.milestones.rows if r["id"] == mid)
    assert row["colour"] != colours.RED and "逾期" not in row["colour_reason"].split("（")[0]
    window.act_undo.trigger()
    assert pf.get("milestones", mid)["status"] == "未开始"


def test_chinese_dates_are_read_as_the_import_reads_them(window):
    pf, session = window.pf, window.session
    pid = _project(window)
    dialog = RecordDialog(session, "milestones", None, preset={"project_id": pid}, hidden={"team_id"})
    dialog.form.editors["name"].setText("完成设备联调")
    dialog.form.editors["planned_date"].setText("2026年6月30日")
    dialog.save()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    mid = dialog.result_changes.records[0].id
    assert pf.get("milestones", mid)["planned_date"] == "2026-06-30"


def test_bad_date_error_lands_on_the_field_it_names(window):
    pf, session = window.pf, window.session
    pid = _project(window)
    mid = session.do([Create("milestones", {"project_id": pid, "name": "完成主体安装",
                                            "planned_date": "2030-01-31"})], "add").records[0].id
    dialog = RecordDialog(session, "milestones", pf.get("milestones", mid), hidden={"project_id", "team_id"})
    dialog.show()
    dialog.form.editors["actual_date"].setText("2026年13月")
    dialog.save()
    assert dialog.result() != QDialog.Accepted
    assert "实际完成日期" in dialog.error.text()
    assert dialog.focusWidget() is dialog.form.editors["actual_date"]
    assert "d9363e" in dialog.form.editors["actual_date"].styleSheet()
    assert "d9363e" not in dialog.form.editors["name"].styleSheet()
    assert pf.get("milestones", mid)["actual_date"] is None
    dialog.close()


def test_date_fields_offer_a_date_picker(window):
    pid = _project(window)
    dialog = RecordDialog(window.session, "milestones", None, preset={"project_id": pid}, hidden={"team_id"})
    editor = dialog.form.editors["planned_date"]
    picker = editor.picker()
    picker.setSelectedDate(QDate(2026, 9, 30))
    picker.clicked.emit(QDate(2026, 9, 30))
    assert editor.text() == "2026-09-30"
