"""The colour engine (DESIGN §3): milestone, project, team and indicator colours, each with a
reason, from thresholds the office can change in settings."""
from __future__ import annotations

import datetime as dt

import pytest

from db import builtin, colours
from db.colours import BLUE, COLOURS, GREEN, GREY, RED, YELLOW
from db.errors import ValidationError
from db.i18n import set_language
from db.portfolio import Portfolio

TODAY = dt.date(2025, 6, 15)
TH = colours.DEFAULT_THRESHOLDS


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def ms(planned: int | None = None, status: str = "进行中", actual: int | None = None,
       name: str = "节点") -> dict:
    return {"name": name, "status": status,
            "planned_date": day(planned) if planned is not None else None,
            "actual_date": day(actual) if actual is not None else None}


def check_colour(c, code):
    assert isinstance(c, colours.Colour)
    assert c.code == code, c
    assert isinstance(c.reason, str) and c.reason.strip(), c
    assert c.hex.startswith("#") and c.name


@pytest.fixture(autouse=True)
def chinese():
    set_language("zh")
    yield
    set_language("zh")


# -- milestones ----------------------------------------------------------------------------

@pytest.mark.parametrize("m,code,in_reason", [
    (ms(7), YELLOW, "7"),                 # due within 7 days, not done
    (ms(8), GREEN, "8"),                  # 8 days ahead: on track
    (ms(30, "未开始"), GREEN, "30"),
    (ms(1), YELLOW, "1"),
    (ms(0), YELLOW, "今天"),              # due today
    (ms(-1), YELLOW, "1"),                # 1 day late
    (ms(-15), YELLOW, "15"),              # up to 15 days late
    (ms(-16), RED, "16"),                 # more than 15 days late
    (ms(-400), RED, "400"),
    (ms(30, "受阻"), RED, "受阻"),         # blocked, even when not due
    (ms(None, "受阻"), RED, "受阻"),
    (ms(-30, "取消"), GREY, "取消"),       # cancelled, even when late
    (ms(None, "未开始"), GREY, "计划日期"),  # no date
    (ms(None, "进行中"), GREY, "计划日期"),
    (ms(10, "已完成", actual=5), BLUE, "5"),  # done 5 days early
    (ms(10, "已完成", actual=9), BLUE, "1"),
    (ms(-3, "已完成", actual=-3), GREEN, "按期"),  # done on the day
    (ms(None, "已完成", actual=-3), GREEN, "按期"),
])
def test_milestone_rules(m, code, in_reason):
    c = colours.milestone_colour(m, TODAY)
    check_colour(c, code)
    assert in_reason in c.reason


def test_done_late_is_not_blue_and_says_late():
    c = colours.milestone_colour(ms(-20, "已完成", actual=-2), TODAY)
    check_colour(c, GREEN)  # the engine's rule: finished late is no longer a risk
    assert "18" in c.reason


def test_done_without_actual_date_counts_today():
    check_colour(colours.milestone_colour(ms(0, "已完成"), TODAY), GREEN)
    check_colour(colours.milestone_colour(ms(3, "已完成"), TODAY), BLUE)


def test_missing_status_is_not_started():
    m = {"name": "x", "planned_date": day(3)}
    check_colour(colours.milestone_colour(m, TODAY), YELLOW)


def test_milestone_thresholds_are_parameters():
    th = {**TH, "due_soon_days": 10, "late_yellow_days": 30}
    check_colour(colours.milestone_colour(ms(10), TODAY, th), YELLOW)
    check_colour(colours.milestone_colour(ms(11), TODAY, th), GREEN)
    check_colour(colours.milestone_colour(ms(-30), TODAY, th), YELLOW)
    check_colour(colours.milestone_colour(ms(-31), TODAY, th), RED)


# -- projects ------------------------------------------------------------------------------

def test_project_is_worst_open_milestone():
    mss = [ms(60, name="远期"), ms(3, name="将到期"), ms(-20, name="严重滞后")]
    c = colours.project_colour({"stage": "建设"}, mss, TODAY)
    check_colour(c, RED)
    assert "严重滞后" in c.reason
    c = colours.project_colour({"stage": "建设"}, mss[:2], TODAY)
    check_colour(c, YELLOW)
    assert "将到期" in c.reason
    c = colours.project_colour({}, mss[:1], TODAY)
    check_colour(c, GREEN)
    assert "远期" in c.reason


def test_project_ignores_done_and_cancelled_milestones():
    mss = [ms(-40, "取消", name="取消的"), ms(10, "已完成", actual=0, name="提前的"),
           ms(30, name="正常的")]
    c = colours.project_colour({}, mss, TODAY)
    check_colour(c, GREEN)
    assert "正常的" in c.reason
    # a blocked one dominates
    c = colours.project_colour({}, mss + [ms(30, "受阻", name="受阻的")], TODAY)
    check_colour(c, RED)
    assert "受阻的" in c.reason


def test_project_all_done_and_nothing_open():
    check_colour(colours.project_colour({}, [ms(1, "已完成", actual=0)], TODAY), GREEN)
    check_colour(colours.project_colour({}, [], TODAY), GREY)
    check_colour(colours.project_colour({}, [ms(1, "取消")], TODAY), GREY)


def test_project_stage_overrides():
    green = [ms(60)]
    red = [ms(-60)]
    c = colours.project_colour({"stage": "停缓建"}, green, TODAY)
    # DESIGN §3: 灰 covers 未启动/暂停/无数据, so a suspended project is grey whatever its milestones say.
    check_colour(c, GREY)
    assert "停缓建" in c.reason
    c = colours.project_colour({"stage": "终止"}, red, TODAY)
    check_colour(c, GREY)
    assert "终止" in c.reason


def _pace_project(plan: float, invested: float) -> dict:
    return {"stage": "建设", "annual_plan_investment": plan, "annual_invested": invested}


# Dec 31 of a common year and Jul 1 of a leap year: 序时进度 is exactly 100 % and 50 %.
@pytest.mark.parametrize("today", [dt.date(2025, 12, 31), dt.date(2024, 7, 1)])
@pytest.mark.parametrize("gap,code", [
    (25, BLUE), (10, BLUE), (9.9, GREEN), (0, GREEN), (-0.1, YELLOW), (-30, YELLOW),
    (-30.1, RED), (-50, RED),
])
def test_investment_pace_boundaries(today, gap, code):
    expected = colours.year_elapsed_pct(today)
    assert expected in (100.0, 50.0)
    plan = 1000.0
    invested = (expected + gap) * plan / 100  # exact for these figures
    assert invested / plan * 100 - expected == pytest.approx(gap, abs=1e-9)
    c = colours.investment_pace(_pace_project(plan, invested), today)
    check_colour(c, code)
    if float(gap).is_integer():
        assert f"{'+' if gap >= 0 else ''}{gap:.0f} 个百分点" in c.reason
    # with no open milestones the project's colour is its pace
    check_colour(colours.project_colour(_pace_project(plan, invested), [], today), code)


def test_year_elapsed_pct():
    assert colours.year_elapsed_pct(dt.date(2025, 1, 1)) == pytest.approx(100 / 365)
    assert colours.year_elapsed_pct(dt.date(2025, 12, 31)) == 100.0
    assert colours.year_elapsed_pct(dt.date(2024, 12, 31)) == 100.0
    assert colours.year_elapsed_pct(dt.date(2024, 7, 1)) == 50.0


def test_investment_pace_mid_year_built_from_elapsed_share():
    today = dt.date(2025, 6, 15)
    e = colours.year_elapsed_pct(today)
    for gap, code in ((10.01, BLUE), (9.99, GREEN), (0.01, GREEN), (-0.01, YELLOW),
                      (-29.99, YELLOW), (-30.01, RED)):
        c = colours.investment_pace(_pace_project(100, e + gap), today)
        check_colour(c, code)


def test_no_plan_means_no_pace():
    assert colours.investment_pace({"annual_plan_investment": None}, TODAY) is None
    assert colours.investment_pace({"annual_plan_investment": 0, "annual_invested": 5}, TODAY) is None


def test_project_combines_pace_and_milestones():
    today = dt.date(2025, 12, 31)
    slow = _pace_project(100, 50)  # -50 points: red
    check_colour(colours.project_colour(slow, [ms(400)], today), RED)
    fast = _pace_project(100, 150)  # +50 points: blue
    late = [{"name": "滞后", "status": "进行中", "planned_date": "2025-11-01"}]
    c = colours.project_colour(fast, late, today)
    check_colour(c, RED)
    assert "滞后" in c.reason
    ok = [{"name": "远期", "status": "进行中", "planned_date": "2026-06-01"}]
    check_colour(colours.project_colour(fast, ok, today), GREEN)  # worst of blue and green


# -- teams ---------------------------------------------------------------------------------

def test_team_colour():
    check_colour(colours.team_colour({"status": "立项"}, [ms(-20)], TODAY), RED)
    check_colour(colours.team_colour({"status": "淘汰"}, [ms(-20)], TODAY), GREY)
    check_colour(colours.team_colour({"status": "立项"}, [], TODAY), GREY)
    check_colour(colours.team_colour({"status": "立项"}, [ms(1, "已完成", actual=0)], TODAY), GREEN)


# -- indicators ----------------------------------------------------------------------------

def ind(direction="higher", b=0.0, t=100.0, by=2020, ty=2030):
    return {"direction": direction, "baseline_value": b, "target_value": t,
            "baseline_year": by, "target_year": ty}


def vals(*pairs):
    return [{"year": y, "value": v} for y, v in pairs]


@pytest.mark.parametrize("actual,code", [
    (80, BLUE), (62.5, BLUE), (55, GREEN), (50, GREEN), (45, YELLOW), (20, YELLOW),
    (19, RED), (0, RED),
])
def test_indicator_higher_is_better(actual, code):
    # line from 0 (2020) to 100 (2030): 50 expected in 2025
    c = colours.indicator_colour(ind(), vals((2025, actual)), TODAY)
    check_colour(c, code)
    assert "2025" in c.reason


@pytest.mark.parametrize("actual,code", [
    (20, BLUE), (37.5, BLUE), (45, GREEN), (50, GREEN), (55, YELLOW), (80, YELLOW),
    (81, RED), (100, RED), (120, RED),
])
def test_indicator_lower_is_better(actual, code):
    # line from 100 (2020) down to 0 (2030): 50 expected in 2025
    c = colours.indicator_colour(ind("lower", b=100, t=0), vals((2025, actual)), TODAY)
    check_colour(c, code)


def test_indicator_plus_ten_points_is_blue():
    """DESIGN §3: ≥ +10 points is 蓝. 60 against an expected 50 (on a 0→100 line) is +10."""
    c = colours.indicator_colour(ind(), vals((2025, 60)), TODAY)
    assert "+10 个百分点" in c.reason
    check_colour(c, BLUE)


def test_indicator_uses_latest_actual():
    c = colours.indicator_colour(ind(), vals((2025, 90), (2022, 0), (2024, None)), TODAY)
    check_colour(c, BLUE)
    c = colours.indicator_colour(ind(), vals((2021, 90), (2025, 0)), TODAY)
    check_colour(c, RED)


def test_indicator_reached_target():
    c = colours.indicator_colour(ind(), vals((2027, 100)), TODAY)
    check_colour(c, BLUE)  # reached before the target year
    assert "目标" in c.reason
    check_colour(colours.indicator_colour(ind(), vals((2030, 120)), TODAY), GREEN)
    check_colour(colours.indicator_colour(ind("lower", b=100, t=10), vals((2026, 10)), TODAY), BLUE)
    check_colour(colours.indicator_colour(ind("lower", b=100, t=10), vals((2030, 5)), TODAY), GREEN)


@pytest.mark.parametrize("indicator,values", [
    (ind(), []),
    (ind(), vals((2025, None))),
    (ind(b=None), vals((2025, 50))),
    (ind(t=None), vals((2025, 50))),
    (ind(by=None), vals((2025, 50))),
    (ind(ty=2020), vals((2025, 50))),   # target year not after baseline year
    (ind(t=0.0), vals((2025, 50))),     # target equals baseline: no line
])
def test_indicator_missing_data_is_grey(indicator, values):
    check_colour(colours.indicator_colour(indicator, values, TODAY), GREY)


def test_indicator_thresholds_are_parameters():
    th = {**TH, "pace_green": -10.0}
    check_colour(colours.indicator_colour(ind(), vals((2025, 45)), TODAY, th), GREEN)


# -- thresholds from the portfolio's settings -----------------------------------------------

@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "c.sqlite", create=True, today=lambda: TODAY)
    yield p
    p.close()


def test_settings_thresholds_change_all_colours(pf):
    pid, _ = pf.create("projects", {"name": "项目"})
    soon, _ = pf.create("milestones", {"project_id": pid, "name": "十天后", "planned_date": day(10)})
    p2, _ = pf.create("projects", {"name": "项目二"})
    late, _ = pf.create("milestones", {"project_id": p2, "name": "逾期二十天", "planned_date": day(-20)})
    iid, _ = pf.create("indicators", {"name": "研发投入强度", "plan": "规划", "baseline_year": 2020,
                                      "baseline_value": 0, "target_year": 2030, "target_value": 100})
    pf.create("indicator_values", {"indicator_id": iid, "year": 2025, "value": 45})
    pace, _ = pf.create("projects", {"name": "投资项目", "annual_plan_investment": 100,
                                     "annual_invested": colours.year_elapsed_pct(TODAY) + 3})

    before = colours.all_colours(pf, TODAY)
    assert before["milestones"][soon].code == GREEN
    assert before["milestones"][late].code == RED
    assert before["projects"][pid].code == GREEN
    assert before["projects"][p2].code == RED
    assert before["indicators"][iid].code == YELLOW
    assert before["projects"][pace].code == GREEN

    pf.set_setting("colour_thresholds", {"due_soon_days": 10, "late_yellow_days": 30,
                                         "pace_blue": 2.0, "pace_green": -10.0})
    assert colours.thresholds(pf)["due_soon_days"] == 10
    after = colours.all_colours(pf, TODAY)
    assert after["milestones"][soon].code == YELLOW
    assert after["milestones"][late].code == YELLOW
    assert after["projects"][pid].code == YELLOW
    assert after["projects"][p2].code == YELLOW
    assert after["indicators"][iid].code == GREEN
    assert after["projects"][pace].code == BLUE

    # changing the setting again (an update, not a second settings row) and unknown keys ignored
    pf.set_setting("colour_thresholds", {"due_soon_days": 5, "bogus": 1})
    assert len(pf.list("settings")) == 1
    assert "bogus" not in colours.thresholds(pf)
    again = colours.all_colours(pf, TODAY)
    assert again["milestones"][soon].code == GREEN
    assert again["milestones"][late].code == RED


@pytest.mark.parametrize("bad", [{"due_soon_days": "10"}, {"pace_blue": None}, [1, 2]])
def test_malformed_thresholds_do_not_break_colours(pf, bad):
    """A bad colour_thresholds value (typed via `kechuang set`, or received in a merged file)
    must be refused when written or ignored when read, not crash every colour."""
    pid, _ = pf.create("projects", {"name": "项目", "annual_plan_investment": 10,
                                    "annual_invested": 3})
    mid, _ = pf.create("milestones", {"project_id": pid, "name": "节点", "planned_date": day(3)})
    try:
        pf.set_setting("colour_thresholds", bad)
    except ValidationError:
        return  # refused at the write path: fine
    out = colours.all_colours(pf, TODAY)
    check_colour(out["milestones"][mid], YELLOW)


def test_all_colours_defaults_today_from_portfolio(pf):
    pid, _ = pf.create("projects", {"name": "项目"})
    mid, _ = pf.create("milestones", {"project_id": pid, "name": "今天", "planned_date": TODAY.isoformat()})
    assert colours.all_colours(pf)["milestones"][mid].code == YELLOW


def test_all_colours_covers_teams_and_deleted_records_are_skipped(pf):
    cid, _ = pf.create("challenges", {"title": "榜单"})
    tid, _ = pf.create("teams", {"challenge_id": cid, "name": "团队", "status": "立项"})
    mid, _ = pf.create("milestones", {"team_id": tid, "name": "军令状节点", "planned_date": day(-16)})
    out = colours.all_colours(pf, TODAY)
    assert out["teams"][tid].code == RED
    assert out["milestones"][mid].code == RED
    pf.delete("teams", tid)
    out = colours.all_colours(pf, TODAY)
    assert tid not in out["teams"] and mid not in out["milestones"]


# -- reasons -------------------------------------------------------------------------------

@pytest.fixture
def builtin_pf(tmp_path):
    p = Portfolio.open(tmp_path / "b.sqlite", create=True, today=lambda: TODAY)
    builtin.load(p)
    pid = p.list("projects")[0]["id"]
    p.update("projects", pid, {"annual_plan_investment": 100, "annual_invested": 10})
    p.create("projects", {"name": "停缓建项目", "stage": "停缓建"})
    yield p
    p.close()


def _all_reasons(pf):
    out = colours.all_colours(pf, TODAY)
    found = set()
    for kind, items in out.items():
        assert set(items) == {r["id"] for r in pf.list(kind)}
        for c in items.values():
            assert c.code in COLOURS
            assert isinstance(c.reason, str) and c.reason.strip(), (kind, c)
            assert c.name
            found.add(c.code)
    return out, found


def test_every_colour_has_a_reason(builtin_pf):
    _, found = _all_reasons(builtin_pf)
    assert len(found) >= 3  # the built-in portfolio is not one colour


def test_reasons_in_english(builtin_pf):
    zh, _ = _all_reasons(builtin_pf)
    set_language("en")
    try:
        en, _ = _all_reasons(builtin_pf)
        c = colours.milestone_colour(ms(-16), TODAY)
        assert isinstance(c.reason, str) and c.reason.strip()
        assert isinstance(c.name, str) and c.name
        # same colours whatever the language
        assert {k: {i: c.code for i, c in v.items()} for k, v in en.items()} == \
               {k: {i: c.code for i, c in v.items()} for k, v in zh.items()}
    finally:
        set_language("zh")
