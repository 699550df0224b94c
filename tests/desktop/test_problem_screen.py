"""The 问题督办 screen driven through its real widgets (issue #18): raise a problem for a project,
hand it to a unit, sign for it, be refused 办结 without a result, close it with one; the history
shows every move; filters by unit, status and colour; undo; the problem on its project's detail;
the 督办单 printed; a screenshot at 1366×768."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from db import builtin
from desktop.dialogs.problem import ProblemDialog, ProblemMoveDialog


def move(screen, status: str, note: str = "", result: str | None = None) -> ProblemMoveDialog:
    dialog = ProblemMoveDialog(screen.session, screen.selected_id(), status, screen)
    dialog.note.setPlainText(note)
    if result is not None:
        dialog.result_edit.setPlainText(result)
    dialog.save()
    return dialog


def test_problem_from_raised_to_closed(window, qtbot, shots_dir, tmp_path, qtmodeltester):
    pf, session = window.pf, window.session
    window.nav.setCurrentRow(6)
    screen = window.problems
    assert window.current_screen() is screen and screen.model.rowCount() == pf.count("problems")
    project = next(p for p in pf.list("projects") if pf.list("milestones", project_id=p["id"]))
    park = builtin.unit_id("重庆高新区管委会")

    dialog = ProblemDialog(session, None, None, screen)
    dialog.project.setCurrentIndex(dialog.project.findData(project["id"]))
    ms = pf.list("milestones", project_id=project["id"])
    assert dialog.milestone.count() == len(ms) + 1  # the chosen project's milestones, or none
    dialog.milestone.setCurrentIndex(dialog.milestone.findData(ms[0]["id"]))
    dialog.form.editors["description"].setPlainText("进口设备报关审批未落实")
    dialog.form.editors["request"].setPlainText("请协调海关加快审批")
    resp = dialog.form.editors["responsible_unit_id"]
    resp.setCurrentIndex(resp.findData(park))
    dialog.form.editors["due_date"].setText(pf.today().isoformat())
    dialog.save()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()
    pid = dialog.created_id
    assert pf.get("problems", pid)["milestone_id"] == ms[0]["id"]
    screen.select(pid)
    assert screen.selected_id() == pid
    visible = {s for s, b in screen.detail.move_buttons.items() if not b.isHidden()}
    assert visible == {"交办", "挂起"}

    assert move(screen, "交办", "请尽快办理").result() == QDialog.Accepted
    assert move(screen, "签收").result() == QDialog.Accepted
    refused = move(screen, "办结")
    assert refused.result() != QDialog.Accepted and "办结须填写办理结果" in refused.error.text()
    assert pf.get("problems", pid)["status"] == "签收"
    assert move(screen, "办结", result="海关已完成审批").result() == QDialog.Accepted
    p = pf.get("problems", pid)
    assert (p["status"], p["result"]) == ("办结", "海关已完成审批")
    screen.select(pid)
    history = screen.detail.history_model
    assert [history.rows[i]["to_status"] for i in range(history.rowCount())] == ["提出", "交办", "签收", "办结"]
    assert history.rows[1]["note"] == "请尽快办理"
    assert "海关已完成审批" in screen.detail.info.toPlainText()
    qtmodeltester.check(screen.model)

    # filters: by unit, status, colour (the one filtered table)
    screen.filters["status"].setCurrentIndex(screen.filters["status"].findData("办结"))
    assert [r["id"] for r in screen.list.visible_rows()] == [pid]
    screen.filters["colour"].setCurrentIndex(screen.filters["colour"].findData("red"))
    assert screen.list.visible_rows() == []
    screen.filters["colour"].setCurrentIndex(screen.filters["colour"].findData("blue"))  # closed by its 时限
    screen.filters["responsible_unit_id"].setCurrentIndex(screen.filters["responsible_unit_id"].findData(park))
    assert [r["id"] for r in screen.list.visible_rows()] == [pid]
    for combo in screen.filters.values():
        combo.setCurrentIndex(0)

    # undo takes the last move back
    session.undo_stack.undo()
    assert pf.get("problems", pid)["status"] == "签收"
    session.undo_stack.redo()
    assert pf.get("problems", pid)["status"] == "办结"

    # the 督办单 of the chosen problem
    assert screen.select(pid)
    out = screen.print_dubandan(str(tmp_path / "督办单.pdf"))
    assert out is not None and out.read_bytes().startswith(b"%PDF")

    # on its project's detail
    window.detail.show_project(project["id"])
    rows = window.detail.problems.model.rows
    assert [r["id"] for r in rows] == [pid]

    window.resize(1366, 768)
    screen.select(pid)
    qtbot.wait(50)
    shot = shots_dir / "problems-1366x768.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000
