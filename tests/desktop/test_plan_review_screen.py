"""规划核实 screen (issue #17): filter, select many, mark 已完成 / 未完成 / 转入新规划, undo; the first
start asks which plans; 添加内置规划 adds more without duplicates; the settings explain 待核实."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from db import builtin, colours
from db.portfolio import Portfolio
from desktop.screens import plan_review as view
from desktop.session import Session

DAY = dt.date(2026, 12, 3)
THIRTEENTH = "重庆科技创新十三五规划"


@pytest.fixture
def screen(qtbot, tmp_path):
    pf = Portfolio.open(tmp_path / "r.sqlite", create=True, today=lambda: DAY)
    builtin.load(pf)
    session = Session()
    w = view.PlanReviewScreen(session)
    qtbot.addWidget(w)
    session.set_portfolio(pf)
    w.resize(1300, 700)
    w.show()
    yield w
    pf.close()


def pending_ids(pf) -> set[str]:
    cs = colours.all_colours(pf)
    return {i for k in ("milestones", "indicators") for i, c in cs[k].items() if c.code == colours.PENDING}


def test_filter_select_all_mark_done_on_planned_dates_and_undo(screen, shots_dir):
    pf, session = screen.pf, screen.session
    screen.set_filter("plan", THIRTEENTH)
    screen.set_filter("kind", "milestones")
    shown = list(screen.model.rows)
    assert shown and all(r["plan"] == THIRTEENTH and r["kind"] == "milestones" for r in shown)
    screen.grab().save(str(shots_dir / "plan_review.png"))
    screen.table.selectAll()
    assert len(screen.selected_rows()) == len(shown)
    assert screen.mark_done()
    for r in shown:
        m = pf.get("milestones", r["id"])
        assert (m["status"], m["actual_date"]) == ("已完成", r["planned"])
    assert not {r["id"] for r in shown} & pending_ids(pf)
    assert screen.model.rows == []  # settled: no longer 待核实
    session.undo_stack.undo()  # one action, one undo
    assert {r["id"] for r in shown} <= pending_ids(pf)
    assert {r["id"] for r in screen.model.rows} == {r["id"] for r in shown}


def test_mark_not_done_on_a_date_and_by_section_and_unit(screen):
    pf = screen.pf
    screen.set_filter("plan", "高新区十四五科技规划")
    sections = [screen.filters["section"].itemData(i) for i in range(1, screen.filters["section"].count())]
    assert sections
    screen.set_filter("section", sections[0])
    assert all(r["section"] == sections[0] for r in screen.model.rows)
    screen.table.selectRow(0)
    target = screen.selected_rows()[0]
    assert screen.mark_not_done()
    rec = pf.get(target["kind"], target["id"])
    assert (rec.get("status") or rec.get("outcome")) == "未完成"
    screen.set_filter("section", None)
    screen.on_date.setChecked(True)
    screen.done_date.setDate(QDate(2025, 10, 1))
    screen.table.selectRow(0)
    first = screen.selected_rows()[0]
    assert screen.mark_done()
    rec = pf.get(first["kind"], first["id"])
    assert rec.get("actual_date", rec.get("outcome_date")) == "2025-10-01"
    units = [screen.filters["unit"].itemData(i) for i in range(1, screen.filters["unit"].count())]
    if units:
        screen.set_filter("plan", None)
        screen.set_filter("unit", units[0])
        assert screen.model.rows and all(units[0] in r["units"] for r in screen.model.rows)


def test_carry_into_a_new_plan_keeps_the_link_and_undoes(screen, monkeypatch):
    pf, session = screen.pf, screen.session

    def fill_and_accept(dialog):
        dialog.plan.setCurrentIndex(dialog.plan.findData(None))  # 新增规划…
        dialog.name.setText("高新区十五五科技规划")
        dialog.start.setValue(2026)
        dialog.end.setValue(2030)
        assert dialog.due.date() == QDate(2030, 12, 31)
        return True
    monkeypatch.setattr(view.CarryDialog, "exec", fill_and_accept)
    screen.set_filter("plan", THIRTEENTH)
    screen.table.selectRow(0)
    old = screen.selected_rows()[0]
    assert screen.carry()
    kind = old["kind"]
    new = pf.list(kind, carried_from_id=old["id"])
    assert len(new) == 1 and new[0]["source_doc"] == "高新区十五五科技规划"
    assert new[0]["id"] not in pending_ids(pf)
    rec = pf.get(kind, old["id"])
    assert (rec.get("status") or rec.get("outcome")) == "转入新规划"
    session.undo_stack.undo()
    assert pf.get(kind, new[0]["id"]) is None and old["id"] in pending_ids(pf)
    assert pf.setting("plan:高新区十五五科技规划") is None  # the new plan was part of the same edit


def test_settings_dialog_explains_pending(screen):
    from desktop.dialogs.settings import SettingsDialog
    dialog = SettingsDialog(screen.session, "zh")
    text = dialog.pending_note.text()
    assert "待核实" in text and "规划核实" in text and "重庆科技创新十三五规划（2016—2020）" in text


def test_first_start_builds_the_chosen_plans_and_more_can_be_added(qtbot, tmp_path, monkeypatch):
    from windows import close_window

    from desktop.app import build_window
    from desktop.dialogs.first_run import AddPlansDialog, WelcomeDialog
    dialog = WelcomeDialog(tmp_path / "x.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.plans() == ["000", "001", "002", "003", "004"]  # default: every plan
    dialog.chooser.boxes["001"].setChecked(False)
    assert dialog.plans() == ["000", "002", "003", "004"]
    for box in dialog.chooser.boxes.values():
        box.setChecked(False)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.blank.setChecked(True)
    assert dialog.plans() is None and dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    w = build_window(None, "zh", first_run_choice=["003"])
    try:
        assert builtin.loaded_plans(w.pf) == ["003"]
        n = w.pf.count("projects")
        monkeypatch.setattr(AddPlansDialog, "exec", lambda d: d.chooser.boxes["002"].setChecked(True) or True)
        w.add_plans()
        assert builtin.loaded_plans(w.pf) == ["002", "003"] and w.pf.count("projects") > n
        w.session.undo_stack.undo()
        assert builtin.loaded_plans(w.pf) == ["002", "003"]  # deleted records still count as held …
        assert w.pf.count("projects") == n  # … but the undo took them out again
        assert w.nav.item(5).text() == "规划核实"
    finally:
        close_window(w)
