"""The 揭榜挂帅 screen driven through its real widgets (issue #4): create and publish a challenge,
print the 榜单, add three teams, select two for a 赛马, sign pledges, review at a milestone,
eliminate one with a reason (undoable), and run the challenge on to 结题."""
from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QDialog, QPlainTextEdit

from db import builtin
from desktop.dialogs import record as record_dialog
from desktop.dialogs.record import RecordDialog
from desktop.screens.challenges.editors import ChallengeEditor
from desktop.screens.challenges.pledge_tab import TrancheDialog
from desktop.screens.challenges.teams_tab import TEAM_HIDDEN


def fill(dialog, **values) -> None:
    for name, value in values.items():
        editor = dialog.form.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)


def advance(screen, stage: str, note: str = "") -> None:
    dialog = screen.detail.advance()
    dialog.choose(stage)
    dialog.note.setPlainText(note)
    dialog.save()
    assert dialog.result() == QDialog.Accepted, dialog.error.text()


def stage_of(pf, cid) -> str:
    return pf.get("challenges", cid)["stage"]


def test_race_from_publishing_to_closure(window, qtbot, monkeypatch, shots_dir, tmp_path, qtmodeltester):
    pf, session, screen = window.pf, window.session, window.challenges
    window.nav.setCurrentRow(2)
    today = pf.today()
    day = lambda n: (today + dt.timedelta(days=n)).isoformat()  # noqa: E731

    # -- the challenge editor: every field, indicators as a list ------------------------------
    editor = ChallengeEditor(session, None, screen)
    fill(editor, title="高可靠车规级芯片封装工艺攻关", code="JB-2026-07", domain="新一代信息技术 · 集成电路",
         issuer_unit_id=builtin.unit_id("重庆高新区管委会"), summary="面向车规级功率模块的封装可靠性攻关。",
         budget_fiscal="600", budget_matching="400", eligibility="在重庆注册的企业或产学研联合体",
         deadline=day(30), duration_months="24", funding_mode="分阶段拨付", first_tranche_pct="30",
         race_mode="赛马", race_slots="2")
    for text in ("封装热阻≤0.15K/W", "通过AEC-Q101可靠性考核", "形成千片级小批量能力"):
        editor.indicators.entry.setText(text)
        editor.indicators.add_entry()
    editor.save()
    assert editor.result() == QDialog.Accepted, editor.error.text()
    cid = editor.result_changes.records[0].id
    assert pf.get("challenges", cid)["indicators"][1] == "通过AEC-Q101可靠性考核"
    screen.select(cid)
    assert screen.detail.challenge_id == cid and "高可靠车规级芯片" in screen.detail.info.toPlainText()

    # -- publishing; a refused step explains its rule and changes nothing ----------------------
    advance(screen, "凝练论证", "需求单位与专家论证指标")
    advance(screen, "已发榜")
    assert pf.get("challenges", cid)["publish_date"] == today.isoformat()
    advance(screen, "申报中")
    blocked = screen.detail.advance()
    blocked.choose("评审中")
    assert "至少有一个揭榜方申报" in blocked.why.text()
    blocked.save()
    assert blocked.error.isVisible() and stage_of(pf, cid) == "申报中"
    blocked.reject()

    # -- the printable 榜单 --------------------------------------------------------------------
    screen.search.setText("车规级")
    pdf = screen.print_notice(str(tmp_path / "榜单.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "高可靠车规级芯片封装工艺攻关" in text and "AEC-Q101" in text and "【示例】车规级宽禁带" in text
    screen.search.clear()

    # -- three applicants, scores, ranks ------------------------------------------------------
    teams = {}
    for name, leader in (("重大微电子团队", "李明"), ("两江封装联合体", "王芳"), ("西永半导体团队", "赵强")):
        dialog = RecordDialog(session, "teams", None, preset={"challenge_id": cid}, hidden=TEAM_HIDDEN)
        fill(dialog, name=name, leader=leader, members="甲、乙、丙", requested_funds="500", self_funds="200",
             route="铜烧结 + 双面散热")
        dialog.save()
        teams[name] = dialog.result_changes.records[0].id
    a, b, c = teams.values()
    assert screen.detail.teams.model.rowCount() == 3
    row = screen.model.rows[screen.model.row_of(cid)]
    assert (row["applicants"], row["selected"]) == (3, 0)
    advance(screen, "评审中")
    for tid, score in zip((a, b, c), ("92", "88", "71"), strict=True):
        edit = RecordDialog(session, "teams", pf.get("teams", tid), hidden=TEAM_HIDDEN | {"challenge_id"})
        fill(edit, score=score)
        edit.save()
    screen.detail.teams.rank()
    assert [pf.get("teams", t)["rank"] for t in (a, b, c)] == [1, 2, 3]
    advance(screen, "会议审议")

    # -- selection for the race: one is not enough, two are --------------------------------------
    select = screen.detail.teams.select_teams()
    select.check([a])
    select.save()
    assert "赛马须确定至少 2 个立项团队" in select.error.text()
    select.check([a, b])
    select.save()
    assert [pf.get("teams", t)["status"] for t in (a, b, c)] == ["立项", "立项", "未通过"]
    advance(screen, "公示")
    for tid in (a, b):
        screen.detail.teams.select(tid)
        pledge = screen.detail.teams.sign_pledge()
        pledge.text.setPlainText("按期完成工艺验证与可靠性考核")
        pledge.save()
    advance(screen, "已立项")

    # -- pledge milestones (same engine as projects: baseline, re-plan with reason) -------------
    for tid in (a, b):
        ms = RecordDialog(session, "milestones", None, preset={"team_id": tid}, hidden={"project_id"})
        fill(ms, name="工艺验证样品交付", planned_date=day(-10), deliverable="样品 200 片")
        ms.save()
    advance(screen, "攻关中")
    pledge_tab = screen.detail.pledge
    pledge_tab.choose_team(a)
    ms_a = pledge_tab.ms_model.rows[0]
    assert pledge_tab._edit_cell(ms_a, "actual_date", day(-12))
    # an actual date completes the milestone by itself (issue #21): nothing left to change
    assert pf.get("milestones", ms_a["id"])["status"] == "已完成"
    assert not pledge_tab._edit_cell(pledge_tab.ms_model.rows[0], "status", "已完成")
    pledge_tab.choose_team(b)
    ms_b = pledge_tab.ms_model.rows[0]
    monkeypatch.setattr(record_dialog, "ask_replan", lambda *args: ("键合设备到货延期", "项目办"))
    assert pledge_tab._edit_cell(ms_b, "planned_date", day(-3))
    assert pf.get("milestones", ms_b["id"])["baseline_date"] == day(-10)  # the pledge stays
    assert pledge_tab.ms_model.rows[0]["slips"] == 1
    pledge_tab._edit_cell(pledge_tab.ms_model.rows[0], "actual_date", day(-5))
    pledge_tab._edit_cell(pledge_tab.ms_model.rows[0], "status", "已完成")

    # -- tranches against the 榜额 ---------------------------------------------------------------
    pledge_tab.choose_team(a)
    pledge_tab.plan_tranches()
    assert [r["planned_amount"] for r in pledge_tab.tr_model.rows] == [150, 350]
    first = pf.get("tranches", pledge_tab.tr_model.rows[0]["id"])
    pay = TrancheDialog(session, pf.get("teams", a), first)
    pay.edits["paid_amount"].setText("200")
    pay.save()
    assert "超过计划金额" in pay.error.text()
    pay.edits["paid_amount"].setText("150")
    pay.edits["paid_date"].setText(today.isoformat())
    pay.save()
    assert pay.result() == QDialog.Accepted
    assert "已拨付 150 万元" in pledge_tab.funding_label.text()
    screen.detail.tabs.setCurrentWidget(pledge_tab)
    window.grab().save(str(shots_dir / "challenge_pledge.png"))

    # -- milestone review and the race side by side ----------------------------------------------
    advance(screen, "里程碑考核")
    review = screen.detail.reviews.add_review(a)
    review.score.setText("90")
    review.reviewers.setText("专家组")
    review.save()
    assert review.result() == QDialog.Accepted, review.error.text()
    race = screen.detail.race
    screen.detail.tabs.setCurrentWidget(race)
    standings = [(r["name"], r["standing"], r["met_on_time"]) for r in race.standings["teams"]]
    assert standings == [("重大微电子团队", 1, 1), ("两江封装联合体", 2, 0)]
    cards = race.card_widgets()
    assert len(cards) == 2 and all(card.eliminate.isEnabled() for card in cards)
    qtbot.wait(20)
    window.grab().save(str(shots_dir / "challenge_race.png"))

    # -- 淘汰 the weakest with its reason; undo and redo ------------------------------------------
    cards[1].eliminate.click()
    out = screen.detail.reviews.findChildren(QDialog)[-1]
    assert out.outcome.currentData() == "淘汰" and out.team.currentData() == b
    out.score.setText("62")
    out.save()
    assert "淘汰须写明原因" in out.error.text() and pf.get("teams", b)["status"] == "立项"
    out.note.setPlainText("里程碑逾期，样品良率未达军令状承诺")
    out.save()
    assert pf.get("teams", b)["status"] == "淘汰"
    reason = pf.list("reviews", team_id=b, result="淘汰")[0]["note"]
    assert reason == "里程碑逾期，样品良率未达军令状承诺"
    cards = race.card_widgets()
    assert "已淘汰" in cards[1].text.text() and "良率未达" in cards[1].text.text()
    assert not cards[0].eliminate.isEnabled()  # the last team in the race cannot be eliminated
    window.grab().save(str(shots_dir / "challenge_race_eliminated.png"))
    window.act_undo.trigger()
    assert pf.get("teams", b)["status"] == "立项" and not pf.list("reviews", result="淘汰")
    window.act_redo.trigger()
    assert pf.get("teams", b)["status"] == "淘汰"

    # -- on to 结题; the history shows every step ------------------------------------------------
    advance(screen, "验收")
    advance(screen, "兑现奖补")
    advance(screen, "结题", "通过验收，兑现奖补")
    assert stage_of(pf, cid) == "结题"
    history = screen.detail.history_model.rows
    assert len(history) == 12 and history[-1]["to_stage"] == "结题" and history[0]["note"] == "需求单位与专家论证指标"
    assert [o["stage"] for o in screen.detail.advance().options] == []
    screen.detail.tabs.setCurrentWidget(screen.detail.history)
    window.grab().save(str(shots_dir / "challenge_history.png"))

    # -- the list: filters, search, colour --------------------------------------------------------
    stage = screen.filters["stage"]
    stage.setCurrentIndex(stage.findData("结题"))
    assert screen.visible_ids() == [cid]
    stage.setCurrentIndex(0)
    race_combo = screen.filters["race_mode"]
    race_combo.setCurrentIndex(race_combo.findData("赛马"))
    assert cid in screen.visible_ids() and len(screen.visible_ids()) == 2
    race_combo.setCurrentIndex(0)
    screen.search.setText("JB-2026")
    assert screen.visible_ids() == [cid]
    assert screen.model.rows[screen.model.row_of(cid)]["colour"] == "green"
    for model in (screen.model, screen.detail.teams.model, screen.detail.pledge.ms_model,
                  screen.detail.reviews.model, screen.detail.history_model):
        qtmodeltester.check(model)


def test_list_shows_the_builtin_examples_with_days_left(window, shots_dir):
    screen = window.challenges
    window.nav.setCurrentRow(2)
    assert screen.model.rowCount() == 4  # the rows the list shows
    rows = {r["title"]: r for r in screen.model.rows}
    ex = rows["【示例】车规级宽禁带功率半导体器件研发"]
    assert ex["race_mode"] == "赛马" and ex["days_left"] == (dt.date(2026, 12, 31) - window.pf.today()).days
    screen.table.selectRow(0)
    assert screen.detail.challenge_id == screen.selected_id()
    window.grab().save(str(shots_dir / "challenge_list.png"))
    window.language_requested.emit("en")  # every widget of the screen retranslates without error
    assert screen.detail.tabs.count() == 5
    window.language_requested.emit("zh")
    assert screen.buttons["new"].text() == "新建榜单"
