"""Issue #21 finding 4: a new 责任单位 is created where it is needed (undoably, after a
near-duplicate check), and a units screen lists, edits and merges duplicate units."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.dialogs.record import RecordDialog
from desktop.widgets.unit_picker import NewUnit


def _project(window):
    pf = window.pf
    return next(p for p in pf.list("projects") if p["name"].startswith("超瞬态"))


def test_typing_a_new_unit_offers_it_and_saving_creates_it_undoably(window, monkeypatch):
    pf, session = window.pf, window.session
    p = _project(window)
    units_before = pf.count("units")
    dialog = RecordDialog(session, "projects", p)
    picker = dialog.form.editors["lead_unit_id"]
    picker.lineEdit().setText("")
    picker.lineEdit().textEdited.emit("重庆超瞬态科技有限公司")
    offer = picker.itemText(1)
    assert offer == "新建单位「重庆超瞬态科技有限公司」（企业）"
    assert picker.value() == NewUnit("重庆超瞬态科技有限公司", "企业")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.No)
    dialog.save()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    assert not asked  # no similar unit: no question
    unit = next(u for u in pf.list("units") if u["name"] == "重庆超瞬态科技有限公司")
    assert unit["kind"] == "企业" and pf.get("projects", p["id"])["lead_unit_id"] == unit["id"]
    window.act_undo.trigger()  # one edit: the unit goes with the change that needed it
    assert pf.count("units") == units_before
    assert pf.get("projects", p["id"])["lead_unit_id"] == p["lead_unit_id"]


def test_near_duplicate_is_offered_instead_of_a_second_unit(window, monkeypatch):
    pf, session = window.pf, window.session
    p = _project(window)
    existing = pf.list("units")[0]
    dialog = RecordDialog(session, "projects", p)
    adder = dialog.form.adders["responsible_unit_ids"]
    adder.setText(" " + existing["name"].replace("", " ").strip() + "有限公司")  # spaces and a suffix
    adder.add()
    units_list = dialog.form.editors["responsible_unit_ids"]
    assert isinstance(units_list.item(0).data(Qt.UserRole), NewUnit)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    count = pf.count("units")
    dialog.save()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    assert asked and existing["name"] in asked[0]
    assert pf.count("units") == count
    assert existing["id"] in pf.get("projects", p["id"])["responsible_unit_ids"]


def test_units_screen_lists_edits_and_merges_duplicates(window, monkeypatch):
    from desktop.dialogs.units import UnitsDialog
    pf, session = window.pf, window.session
    keep = pf.list("units")[0]
    dup, _ = pf.create("units", {"name": keep["name"] + " 有限公司", "kind": keep["kind"]})
    p = _project(window)
    session.do([__import__("db.store.changes").store.changes.Update("projects", p["id"], {"lead_unit_id": dup})], "x")
    dialog = UnitsDialog(session, window)
    assert dialog.table.rowCount() == pf.count("units")
    assert dialog.duplicates_label.text().count("「") >= 2  # the pair is pointed out
    dialog.select_ids([keep["id"], dup])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.merge(keep_id=keep["id"])
    assert pf.get("units", dup) is None
    assert pf.get("projects", p["id"])["lead_unit_id"] == keep["id"]
    assert dialog.table.rowCount() == pf.count("units")
    window.act_undo.trigger()
    assert pf.get("units", dup) is not None and pf.get("projects", p["id"])["lead_unit_id"] == dup
    opened = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(self) or QDialog.Rejected)
    dialog.refresh()
    dialog.select_ids([keep["id"]])
    dialog.edit()
    assert opened and opened[0].record["id"] == keep["id"]


def test_edit_menu_opens_the_units_screen(window, monkeypatch):
    from desktop.dialogs.units import UnitsDialog
    shown = []
    monkeypatch.setattr(UnitsDialog, "exec", lambda self: shown.append(self.table.rowCount()) or 0)
    assert window.act_units.text() == "单位(&U)…"
    window.act_units.trigger()
    assert shown == [window.pf.count("units")]
