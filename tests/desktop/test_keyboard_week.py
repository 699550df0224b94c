"""Issue 22: a clerk's week by keyboard only — find a project by typing in the search box, add a
milestone, re-plan it (with a reason), mark it done, undo — through key presses (QTest), no mouse and
no slot called directly; after each step the portfolio's rows say what happened."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from windows import when_modal

from db.model import MILESTONE_STATUSES

PROJECT = "超瞬态实验装置"


def focus():
    return QApplication.focusWidget()


def key(k, mod=Qt.NoModifier, widget=None) -> None:
    QTest.keyClick(widget or focus(), k, mod)


def type_chinese(widget, text: str) -> None:
    """Chinese arrives from the input method as committed text (QTest cannot synthesise CJK keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def back_to(window, qtbot) -> None:
    """After a dialog closes, the window system activates the main window again (offscreen: we ask)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def milestones(pf, pid) -> dict[str, dict]:
    return {m["name"]: m for m in pf.list("milestones", project_id=pid)}


def go_to_column(table, column: int) -> None:
    """Home, then → until the cursor is in `column` (of the selected row)."""
    key(Qt.Key_Home, widget=table)
    while table.currentIndex().column() < column:
        key(Qt.Key_Right, widget=table)


def test_a_clerks_week_by_keyboard(window, qtbot):
    pf = window.pf
    pid = next(p["id"] for p in pf.list("projects") if p["name"] == PROJECT)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.nav.setFocus()

    # -- find the project: Ctrl+F, type, Enter goes to the list ---------------------------------
    key(Qt.Key_F, Qt.ControlModifier)
    assert focus() is window.register.search
    type_chinese(window.register.search, PROJECT)
    key(Qt.Key_Return)
    assert focus() is window.register.table
    assert window.register.selected_ids() == [pid]
    assert window.detail.project_id == pid

    # -- add a milestone: Ctrl+M opens the form, Enter saves -------------------------------------
    def fill_milestone(dialog):
        type_chinese(dialog.form.editors["name"], "完成主体安装")
        QTest.keyClicks(dialog.form.editors["planned_date"], "2027-03-31")
        key(Qt.Key_Return, widget=dialog.form.editors["planned_date"])
    when_modal(fill_milestone)
    key(Qt.Key_M, Qt.ControlModifier)
    back_to(window, qtbot)
    m = milestones(pf, pid)["完成主体安装"]
    assert m["planned_date"] == "2027-03-31" and m["status"] == "未开始"
    assert [r["name"] for r in window.detail.milestones.rows] == ["完成主体安装"]

    # -- re-plan it: into the milestone table, F2 on 计划, type, Enter; the reason, Enter --------
    table = window.detail.table
    key(Qt.Key_F6)  # F6: from the register to the milestones (and back)
    assert focus() is table
    key(Qt.Key_Down, widget=table)  # the first (only) milestone
    go_to_column(table, 4)  # 计划
    key(Qt.Key_F2, widget=table)
    editor = focus()
    assert editor is not table and editor.text() == "2027-03-31"  # F2 edits the cell, no project dialog
    key(Qt.Key_A, Qt.ControlModifier, widget=editor)
    QTest.keyClicks(editor, "2027-06-30")

    def give_reason(dialog):
        type_chinese(dialog.reason, "设备到货推迟")
        key(Qt.Key_Return, widget=dialog.reason)
    when_modal(give_reason)
    key(Qt.Key_Return, widget=editor)  # the cell is saved once the key is handled: the reason is asked
    qtbot.waitUntil(lambda: milestones(pf, pid)["完成主体安装"]["planned_date"] == "2027-06-30")
    back_to(window, qtbot)
    m = milestones(pf, pid)["完成主体安装"]
    assert m["baseline_date"] == "2027-03-31"
    replans = pf.list("replans", milestone_id=m["id"])
    assert [(r["old_date"], r["new_date"], r["reason"]) for r in replans] == [("2027-03-31", "2027-06-30", "设备到货推迟")]
    assert table.hasFocus()

    # -- mark it done: F2 on 状态, ↓ to 已完成, Enter -------------------------------------------
    table.setCurrentIndex(table.model().index(0, table.currentIndex().column()))
    go_to_column(table, 6)  # 状态
    key(Qt.Key_F2, widget=table)
    combo = focus()
    steps = MILESTONE_STATUSES.index("已完成") - combo.currentIndex()
    for _ in range(steps):
        key(Qt.Key_Down, widget=combo)
    key(Qt.Key_Return, widget=combo)
    qtbot.waitUntil(lambda: milestones(pf, pid)["完成主体安装"]["status"] == "已完成")
    assert window.detail.milestones.rows[0]["status_label"] == "已完成"

    # -- undo: Ctrl+Z takes back the last step and says so --------------------------------------
    key(Qt.Key_Z, Qt.ControlModifier, widget=table)
    m = milestones(pf, pid)["完成主体安装"]
    assert m["status"] == "未开始" and m["planned_date"] == "2027-06-30"
    assert "已撤销" in window.statusBar().currentMessage() and "完成主体安装" in window.statusBar().currentMessage()
    key(Qt.Key_Y, Qt.ControlModifier, widget=table)  # and Ctrl+Y brings it back
    assert milestones(pf, pid)["完成主体安装"]["status"] == "已完成"
    assert "已重做" in window.statusBar().currentMessage()
