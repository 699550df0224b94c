"""all_colours and project_colours (the whole-portfolio path: keys packed by SQLite, one rule per
distinct key, the projects' own lean query) against the per-record functions the rest of the
app uses — milestone_colour, project_colour, team_colour — on random portfolios made for ties:
few dates, so many milestones of a project or team share the worst colour and the first in
order must win; blocked, pending targets of ended plans, completed/cancelled/carried ones,
terminated and suspended projects, teams out of the race, pace against milestones."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import colours
from db.i18n import set_language
from test_colours_property import TEAM_STATUSES, build

TODAY = dt.date(2025, 6, 15)
# a handful of days around today (late red / late yellow / due today / due soon / on track) and an
# end of the ended plans' horizons: ties within a project or team are the rule here
DAYS = (None, *((TODAY + dt.timedelta(days=n)).isoformat() for n in (-400, -20, -3, 0, 5, 40)), "2024-12-31")
STATUSES = (None, "未开始", "进行中", "受阻", "已完成", "取消", "未完成", "转入新规划")
PLANS = (None, "本局三年行动", "重庆科技创新十三五规划", "别的文件")

a_day = st.sampled_from(DAYS)
milestone = st.fixed_dictionaries({
    "status": st.sampled_from(STATUSES), "planned_date": a_day, "actual_date": a_day, "baseline_date": a_day,
    "source_doc": st.sampled_from(PLANS), "parent": st.integers(0, 5),
    "name": st.sampled_from(("甲", "乙", "丙", None)),
})
project = st.fixed_dictionaries({
    "stage": st.sampled_from(("谋划", "建设", "投产", "停缓建", "终止")),
    "annual_plan_investment": st.one_of(st.none(), st.sampled_from((0, 100))),
    "annual_invested": st.one_of(st.none(), st.sampled_from((0, 20, 46, 80, 150))),
})


def per_record(pf, today: dt.date) -> dict:
    """Every colour from the per-record functions, records as pf.list gives them."""
    th = colours.thresholds(pf)
    ms = pf.list("milestones")
    out = {"milestones": {m["id"]: colours.milestone_colour(m, today, th) for m in ms}}
    out["projects"] = {p["id"]: colours.project_colour(p, [m for m in ms if m["project_id"] == p["id"]], today, th)
                       for p in pf.list("projects")}
    out["teams"] = {t["id"]: colours.team_colour(t, [m for m in ms if m["team_id"] == t["id"]], today, th)
                    for t in pf.list("teams")}
    return out


def seen(result: dict[str, colours.Colour]) -> list[tuple]:
    return [(rid, c.code, c.reason) for rid, c in result.items()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects=st.lists(project, min_size=1, max_size=4), teams=st.lists(st.sampled_from(TEAM_STATUSES), max_size=2),
       milestones=st.lists(milestone, max_size=30), shift=st.sampled_from((0, 1, -5, 200)),
       due_soon=st.sampled_from((0, 7)), late_yellow=st.sampled_from((0, 15)))
def test_whole_portfolio_same_as_per_record_functions(projects, teams, milestones, shift, due_soon, late_yellow):
    with tempfile.TemporaryDirectory() as d:
        pf = build(Path(d) / "t.sqlite", projects, teams, milestones)
        try:
            pf.set_setting("colour_thresholds", {"due_soon_days": due_soon, "late_yellow_days": late_yellow})
            today = TODAY + dt.timedelta(days=shift)
            for lang in ("zh", "en"):
                set_language(lang)
                try:
                    every, one_by_one = colours.all_colours(pf, today), per_record(pf, today)
                    for kind in ("milestones", "projects", "teams"):
                        assert seen(every[kind]) == seen(one_by_one[kind]), (kind, lang)
                    # the register's projects-only path: same colours, same order
                    assert seen(colours.project_colours(pf, today)) == seen(one_by_one["projects"]), lang
                    some = sorted(one_by_one["projects"])[::2]
                    assert seen(colours.project_colours(pf, today, project_ids=some)) == \
                        [row for row in seen(one_by_one["projects"]) if row[0] in some], lang
                finally:
                    set_language("zh")
        finally:
            pf.close()


def test_first_of_equally_bad_milestones_names_the_project_and_team(tmp_path):
    """Three red milestones in a row: the project's and the team's reason name the first
    (rowid order), as project_colour/team_colour do; a later worse one wins."""
    late = (TODAY - dt.timedelta(days=40)).isoformat()
    ms = [{"status": "进行中", "planned_date": late, "actual_date": None, "baseline_date": None,
           "source_doc": None, "parent": parent, "name": name} for parent in (0, 1) for name in ("甲", "乙", "丙")]
    pf = build(tmp_path / "tie.sqlite", [{"stage": "建设", "annual_plan_investment": None, "annual_invested": None}],
               ["立项"], ms)
    try:
        every = colours.all_colours(pf, TODAY)
        assert [c.code for c in every["projects"].values()] == [colours.RED]
        assert [c.code for c in every["teams"].values()] == [colours.RED]
        assert "甲" in next(iter(every["projects"].values())).reason
        assert "甲" in next(iter(every["teams"].values())).reason
        assert every["projects"] == colours.project_colours(pf, TODAY)
        assert seen(every["projects"]) == seen(per_record(pf, TODAY)["projects"])
    finally:
        pf.close()
