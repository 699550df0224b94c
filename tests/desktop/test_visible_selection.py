"""Issue #21 finding 1: no edit lands on a project the register no longer shows."""
from PySide6.QtWidgets import QDialog

from db import colours
from desktop.dialogs.record import RecordDialog


def _select(window, name: str) -> str:
    reg = window.register
    reg.search.setText(name)
    reg.table.selectRow(0)
    pid = reg.selected_ids()[0]
    reg.search.clear()
    assert pid in reg.selected_ids()  # clearing the search keeps it selected
    return pid


def test_search_that_hides_the_selection_clears_the_detail(window, monkeypatch):
    pf = window.pf
    pid = _select(window, "超瞬态")
    assert window.detail.project_id == pid
    window.register.search.setText("金凤实验室")
    visible = window.register.visible_ids()
    assert pid not in visible
    # the pane follows what is visible: it never edits the hidden project
    assert window.detail.project_id != pid
    assert window.detail.project_id is None or window.detail.project_id in visible
    before = pf.count("milestones")
    opened = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(self) or QDialog.Rejected)
    window.detail.buttons["add"].click()
    window.detail.buttons["edit"].click()
    window.act_edit_project.trigger()
    for dialog in opened:
        assert pid not in (dialog.preset.get("project_id"), (dialog.record or {}).get("id"))
    assert pf.count("milestones") == before
    if window.detail.project_id is None:
        assert not window.detail.buttons["add"].isEnabled()
        assert not window.detail.buttons["edit"].isEnabled()
    # widening the search again shows it and the detail returns to it
    window.register.search.clear()
    assert window.register.selected_ids() in ([pid], [])


def test_colour_filter_that_hides_the_selection_clears_the_detail(window):
    pid = _select(window, "超瞬态")
    own = window.register.row(pid)["colour"]
    other = next(c for c in colours.COLOURS if c != own)
    combo = window.register.filters["colour"]
    combo.setCurrentIndex(combo.findData(other))
    assert pid not in window.register.visible_ids()
    assert window.detail.project_id != pid
    assert pid not in window.register.selected_ids()


def test_search_that_keeps_the_selection_keeps_the_detail(window):
    pid = _select(window, "超瞬态")
    window.register.search.setText("超瞬")
    assert window.detail.project_id == pid
    assert window.register.selected_ids() == [pid]


def test_record_dialog_titles_name_the_record_they_belong_to(window, monkeypatch):
    pid = _select(window, "超瞬态")
    name = window.pf.get("projects", pid)["name"]
    opened = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(self) or QDialog.Rejected)
    window.detail.buttons["add"].click()
    assert opened[-1].windowTitle() == f"新建里程碑 — {name}"
    from db.store.changes import Create
    window.session.do([Create("milestones", {"project_id": pid, "name": "完成主体安装",
                                             "planned_date": "2030-06-30"})], "add")
    window.detail.table.selectRow(0)
    m = window.detail.selected_milestone()
    window.detail.buttons["edit_ms"].click()
    assert opened[-1].windowTitle().endswith(f" — {name}") and m["name"] in opened[-1].windowTitle()
