"""The overview's figures on hand-made portfolios with known answers (one computation for the
dashboard, the CLI and the brief)."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import colours
from db.errors import UserError
from db.portfolio import Portfolio
from db.rows.overview import overview, week_bounds

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 18)  # a Wednesday of ISO week 2026-W47


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "o.sqlite", create=True, today=lambda: TODAY)
    yield p
    p.close()


def d(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


def make(pf):
    """Two units racing: 甲 finishes on time, 乙 is late and slipped; 丙 has nothing due."""
    a, _ = pf.create("units", {"name": "甲单位", "kind": "企业"})
    b, _ = pf.create("units", {"name": "乙单位", "kind": "企业"})
    c, _ = pf.create("units", {"name": "丙单位", "kind": "企业"})
    p1, _ = pf.create("projects", {"name": "项目一", "category": "孵化载体", "stage": "建设", "zone": "金凤",
                                   "lead_unit_id": a, "annual_plan_investment": 100, "annual_invested": 95})
    p2, _ = pf.create("projects", {"name": "项目二", "category": "孵化载体", "stage": "开工",
                                   "responsible_unit_ids": [b], "annual_plan_investment": 100,
                                   "annual_invested": 40})
    p3, _ = pf.create("projects", {"name": "项目三", "category": "重点实验室", "stage": "建设",
                                   "lead_unit_id": c})
    m1, _ = pf.create("milestones", {"project_id": p1, "name": "一节点", "planned_date": d(-30),
                                     "status": "已完成", "actual_date": d(-31)})
    m2, _ = pf.create("milestones", {"project_id": p2, "name": "二节点", "planned_date": d(-40)})
    pf.update("milestones", m2, {"planned_date": d(-20)}, reason="征地")
    m3, _ = pf.create("milestones", {"project_id": p2, "name": "本周节点", "planned_date": d(2)})
    m4, _ = pf.create("milestones", {"project_id": p3, "name": "下周节点", "planned_date": d(8)})
    return locals()


def test_week_bounds():
    assert week_bounds("2026-W47", TODAY) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22), TODAY)
    assert week_bounds("2026-W40", TODAY)[2] == dt.date(2026, 10, 4)  # a past week: as at its end
    assert week_bounds(None, TODAY)[0] == dt.date(2026, 11, 16)
    for bad in ("2026-47", "2026-W54", "W47", "2026年第47周"):
        with pytest.raises(UserError, match="周次"):
            week_bounds(bad, TODAY)


def test_colour_counts_and_funnel(pf):
    ids = make(pf)
    o = overview(pf, "2026-W47")
    # 项目一: only milestone done → 绿 (and pace +5.9 → 绿); 项目二: 20 days late → 红; 项目三: due in 8 days → 绿
    assert o["colours"]["total"] == {"red": 1, "yellow": 0, "green": 2, "blue": 0, "grey": 0, "pending": 0}
    assert o["colours"]["by_category"]["孵化载体"]["red"] == 1
    assert o["colours"]["by_unit"]["乙单位"] == {"red": 1, "yellow": 0, "green": 0, "blue": 0, "grey": 0, "pending": 0}
    assert o["colours"]["by_zone"]["金凤"]["green"] == 1
    funnel = {f["stage"]: f["count"] for f in o["funnels"]["projects"]}
    assert funnel["建设"] == 2 and funnel["开工"] == 1 and funnel["谋划"] == 0
    assert o["project_colours"][ids["p2"]]["colour"] == colours.RED


def test_due_lists(pf):
    make(pf)
    due = overview(pf, "2026-W47")["due"]
    assert [i["name"] for i in due["overdue"]] == ["二节点"]
    assert due["overdue"][0]["units"] == ["乙单位"] and due["overdue"][0]["days_late"] == 20
    assert [i["name"] for i in due["this_week"]] == ["本周节点"]
    assert [i["name"] for i in due["next_week"]] == ["下周节点"]


def test_unit_ranking_with_values_and_ties(pf):
    make(pf)
    ranking = overview(pf, "2026-W47")["unit_ranking"]
    assert "按期完成率" in ranking["rule"]
    units = {u["unit"]: u for u in ranking["units"]}
    assert units["甲单位"]["on_time_rate"] == 100.0 and units["甲单位"]["rank"] == 1
    assert units["乙单位"]["on_time_rate"] == 0.0 and units["乙单位"]["days_slipped"] == 20
    assert units["乙单位"]["red"] == 1 and units["乙单位"]["rank"] == 2
    assert units["丙单位"]["due"] == 0 and units["丙单位"]["rank"] == 3  # nothing due yet: last
    # a fourth unit identical to 丙 ties with it
    d_, _ = pf.create("units", {"name": "丁单位", "kind": "企业"})
    pf.create("projects", {"name": "项目四", "lead_unit_id": d_})
    units = {u["unit"]: u for u in overview(pf, "2026-W47")["unit_ranking"]["units"]}
    assert units["丙单位"]["rank"] == units["丁单位"]["rank"] == 3


def test_a_milestone_owned_by_a_unit_counts_for_that_unit_alone(pf):
    made = make(pf)
    e, _ = pf.create("units", {"name": "戊单位", "kind": "企业"})  # in no project: an owner only
    pf.create("milestones", {"project_id": made["p1"], "name": "戊负责节点", "planned_date": d(-10),
                             "status": "已完成", "actual_date": d(-12), "owner_unit_id": e})
    late, _ = pf.create("milestones", {"project_id": made["p1"], "name": "丙负责节点", "planned_date": d(-50),
                                       "owner_unit_id": made["c"]})
    pf.update("milestones", late, {"planned_date": d(-5)}, reason="设备到货推迟")
    units = {u["unit"]: u for u in overview(pf, "2026-W47")["unit_ranking"]["units"]}
    assert (units["戊单位"]["due"], units["戊单位"]["on_time"], units["戊单位"]["projects"]) == (1, 1, 0)
    assert (units["丙单位"]["due"], units["丙单位"]["days_slipped"]) == (1, 45)
    assert (units["甲单位"]["due"], units["甲单位"]["on_time"], units["甲单位"]["days_slipped"]) == (1, 1, 0)


def test_investment_pace(pf):
    make(pf)
    inv = overview(pf, "2026-W47")["investment"]
    expected = colours.year_elapsed_pct(TODAY)
    assert inv["overall"]["annual_plan"] == 200 and inv["overall"]["annual_done"] == 135
    assert inv["overall"]["completed_pct"] == pytest.approx(67.5)
    assert inv["overall"]["expected_pct"] == pytest.approx(expected)
    assert inv["overall"]["colour"] == colours.YELLOW  # 67.5 vs ≈88 is about −20 points
    assert set(inv["by_category"]) == {"孵化载体"}


def test_indicator_progress_lower_is_better_and_missing_years(pf):
    up, _ = pf.create("indicators", {"name": "高企数量", "plan": "规划", "baseline_year": 2020,
                                     "baseline_value": 100, "target_year": 2025, "target_value": 200})
    down, _ = pf.create("indicators", {"name": "单位GDP能耗", "plan": "规划", "direction": "lower",
                                       "baseline_year": 2020, "baseline_value": 1.0, "target_year": 2025,
                                       "target_value": 0.8})
    none, _ = pf.create("indicators", {"name": "无数据指标", "plan": "规划", "baseline_year": 2020,
                                       "baseline_value": 1, "target_year": 2025, "target_value": 2})
    pf.create("indicator_values", {"indicator_id": up, "year": 2021, "value": 110})
    pf.create("indicator_values", {"indicator_id": up, "year": 2023, "value": 165})  # expected 160
    pf.create("indicator_values", {"indicator_id": down, "year": 2023, "value": 0.95})  # expected 0.88
    rows = {r["name"]: r for r in overview(pf)["indicators"]}
    assert rows["高企数量"]["latest_year"] == 2023 and rows["高企数量"]["colour"] == colours.GREEN
    assert rows["单位GDP能耗"]["colour"] == colours.RED  # only 25% of the way, 60% expected
    assert rows["无数据指标"]["colour"] == colours.GREY and rows["无数据指标"]["latest"] is None


def test_cli_overview_matches_core(tmp_path):
    path = tmp_path / "o.sqlite"
    with Portfolio.open(path, create=True) as pf:
        make(pf)
        expected = overview(pf, "2026-W47")
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "overview", str(path), "--week", "2026-W47",
                          "--json"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["colours"] == expected["colours"] and got["unit_ranking"] == expected["unit_ranking"]
    bad = subprocess.run([sys.executable, "-m", "desktop.cli", "overview", str(path), "--week", "47",
                          "--json"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
