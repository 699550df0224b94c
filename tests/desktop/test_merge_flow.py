"""Preview → merge → resolve a conflict → undo the merge, through the real dialogs."""
import time

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from db import builtin
from db.builtin import builtin_id
from db.exchange.export import export
from db.portfolio import Portfolio
from desktop.dialogs.exchange import ConflictsDialog, ExportDialog, HistoryDialog
from desktop.dialogs.merge import MergeDialog

FACILITY = builtin_id("000-p-5-1")


def colleague_file(tmp_path, **edits):
    path = tmp_path / "colleague.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
        pf.update("projects", FACILITY, edits)
        out = tmp_path / "from-colleague.sqlite"
        export(pf, out)
    return out


def test_preview_merge_resolve_and_undo(window, tmp_path, monkeypatch, shots_dir):
    pf = window.pf
    pf.update("projects", FACILITY, {"zone": "本地片区"})
    time.sleep(0.003)  # the colleague's edit is later (within one ms the site id would decide)
    received = colleague_file(tmp_path, zone="对方片区", stage="建设")
    before = pf.dump()

    dialog = MergeDialog(window.session, received, window)
    assert dialog.preview()
    assert pf.dump() == before  # the preview writes nothing
    assert "冲突 1" in dialog.summary.text()
    fields = {r["field_label"] for r in dialog.changes.rows}
    assert {"阶段", "片区/区县"} <= fields
    dialog.show()
    dialog.grab().save(str(shots_dir / "merge_preview.png"))
    dialog.do_merge()
    dialog.wait()
    assert pf.get("projects", FACILITY)["stage"] == "建设"
    assert pf.get("projects", FACILITY)["zone"] == "对方片区"  # the colleague's later edit won
    assert dialog.result_plan.backup.exists()

    conflicts = ConflictsDialog(window.session, window)
    assert [r["loser"] for r in conflicts.model.rows] == ["本地片区"]
    # who wrote which value (issue 22): the colleague's file won, this office's value lost
    assert [(r["winner_from"], r["loser_from"]) for r in conflicts.model.rows] == [("from-colleague.sqlite（对方）", "本机")]
    assert not any(b.isEnabled() for b in conflicts.buttons)  # nothing selected: nothing to do
    conflicts.table.selectRow(0)
    assert all(b.isEnabled() for b in conflicts.buttons)
    conflicts.resolve("loser")  # put our value back, as a new edit
    assert pf.get("projects", FACILITY)["zone"] == "本地片区"
    assert conflicts.model.rowCount() == 0

    history = HistoryDialog(window.session, window)
    assert history.model.rowCount() == 1 and history.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    history.undo_latest()
    history.wait()
    assert history.undone
    assert pf.dump() == before
    assert len(window.register.rows()) == len(before["projects"])


def test_refused_file_shows_message_and_changes_nothing(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("项目,单位\n超瞬态实验装置,重庆大学\n", encoding="utf-8")
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    before = window.pf.dump()
    assert not MergeDialog(window.session, bad, window).preview()
    assert messages and "bad.sqlite" in messages[0]
    assert window.pf.dump() == before


def test_the_file_is_checked_and_merged_off_the_ui_thread(window, tmp_path, monkeypatch):
    received = colleague_file(tmp_path, zone="对方片区", stage="建设")
    dialog = MergeDialog(window.session, received, window)
    dialog.start()
    assert "正在检查" in dialog.summary.text() and not dialog.merge_button.isEnabled()
    dialog.wait()
    assert "更新" in dialog.summary.text() and dialog.merge_button.isEnabled()
    dialog.do_merge()
    assert "正在合并" in dialog.summary.text()
    assert not dialog.buttons.button(QDialogButtonBox.Cancel).isEnabled()
    dialog.wait()
    assert dialog.result_plan is not None and window.pf.get("projects", FACILITY)["stage"] == "建设"
    assert dialog.buttons.button(QDialogButtonBox.Cancel).isEnabled()

    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a portfolio", encoding="utf-8")
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    refused = MergeDialog(window.session, bad, window)
    refused.start()
    refused.wait()
    assert refused.refused and messages and "bad.sqlite" in messages[0]
    assert refused.result() == QDialog.Rejected


def test_export_a_unit_slice(window, tmp_path):
    dialog = ExportDialog(window.session, window)
    dialog.by_unit.setChecked(True)
    dialog.unit.setCurrentIndex(dialog.unit.findData("重庆大学"))
    target = tmp_path / "重庆大学.sqlite"
    dialog.save(target)
    with Portfolio.open(target, readonly=True) as pf:
        names = {p["name"] for p in pf.list("projects")}
    assert "重庆大学科学中心" in names and len(names) < window.pf.count("projects")


def test_export_the_projects_selected_in_the_register(window, tmp_path):
    assert not ExportDialog(window.session, window).by_selection.isEnabled()  # nothing selected
    window.register.search.setText("超瞬态实验装置")
    window.register.table.selectRow(0)
    picked = window.register.selected_ids()
    dialog = ExportDialog(window.session, window, picked)
    assert dialog.by_selection.isEnabled() and "1" in dialog.by_selection.text()
    dialog.by_selection.setChecked(True)
    target = tmp_path / "选中.sqlite"
    dialog.save(target)
    with Portfolio.open(target, readonly=True) as pf:
        assert [p["id"] for p in pf.list("projects")] == picked
        assert {m["project_id"] for m in pf.list("milestones")} <= set(picked)


def test_possible_duplicate_joined_after_merge(window, tmp_path):
    path = tmp_path / "other.sqlite"
    with Portfolio.open(path, create=True) as other:
        other.create("projects", {"name": "西部科学城 中试基地", "zone": "含谷"})
        out = tmp_path / "other-export.sqlite"
        export(other, out)
    mine, _ = window.pf.create("projects", {"name": "西部科学城中试基地"})
    dialog = MergeDialog(window.session, out, window)
    assert dialog.preview() and dialog.duplicates.rowCount() == 1
    dialog.do_merge()
    dialog.wait()
    assert dialog.join_button.isEnabled()
    dialog.duplicates_view.selectRow(0)
    dialog.join_selected()
    names = [p["name"] for p in window.pf.list("projects") if "中试基地" in p["name"]]
    assert names == ["西部科学城中试基地"] and window.pf.get("projects", mine)["zone"] == "含谷"
