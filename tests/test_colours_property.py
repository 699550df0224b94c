"""all_colours (the fast path: statuses and dates packed by SQLite, db/store/milestone_keys.py)
gives exactly the colours and reasons of the per-record reference rules on random portfolios:
any status (also none or an unknown one), dates that are real days, impossible days, other
forms and not dates at all, plans ended or running, any thresholds and any day."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import colours
from db.portfolio import Portfolio
from db.store.changes import Create
from test_colours_all import TODAY, assert_same

STATUSES = (None, "", "未开始", "进行中", "受阻", "已完成", "取消", "未完成", "转入新规划", "别的")
# what only another program or a damaged file stores: parse_date reads none of these as a day
ODD_DATES = ("2025-02-30", "2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2025/06/01",
             "2025-6-1", "2025-06-15 10:00", "2025-06-15T00:00", " 2025-06-15", "2025-06-15\n", "12:00:00.0",
             "2460000.5", "now", "soon", "", "２０２５-０６-１５")
PLANS = (None, "重庆科技创新十三五规划", "本局三年行动", "南川区十四五科技规划", "支持科学城高质量发展意见", "别的文件")
STAGES = ("谋划", "开工", "建设", "投产", "停缓建", "终止")
TEAM_STATUSES = ("已提交", "入围", "立项", "未通过", "撤回", "淘汰")

days = st.integers(-4000, 1500).map(lambda n: (TODAY + dt.timedelta(days=n)).isoformat())
near = st.integers(-40, 40).map(lambda n: (TODAY + dt.timedelta(days=n)).isoformat())
a_date = st.one_of(st.none(), days, near, st.sampled_from(ODD_DATES))
milestone = st.fixed_dictionaries({
    "status": st.sampled_from(STATUSES), "planned_date": a_date, "actual_date": a_date, "baseline_date": a_date,
    "source_doc": st.sampled_from(PLANS), "parent": st.integers(0, 7), "name": st.sampled_from(("甲", "乙", None)),
})
project = st.fixed_dictionaries({
    "stage": st.sampled_from(STAGES),
    "annual_plan_investment": st.one_of(st.none(), st.sampled_from((0, 50, 100, 1e6))),
    "annual_invested": st.one_of(st.none(), st.integers(0, 150)),
})
thresholds = st.fixed_dictionaries({}, optional={
    "due_soon_days": st.sampled_from((0, 3, 7, 8.5, 30)), "late_yellow_days": st.sampled_from((0, 1, 15, 15.5, 45)),
    "replan_slip_days": st.sampled_from((0, 30, 90)), "pace_blue": st.sampled_from((0, 10)),
    "pace_green": st.sampled_from((-5, 0)), "pace_yellow": st.sampled_from((-60, -30, -11)),
})


def build(path: Path, projects: list[dict], teams: list[str], milestones: list[dict]) -> Portfolio:
    pf = Portfolio.open(path, create=True, today=lambda: TODAY)
    pf.set_setting("plan:本局三年行动", {"title": "本局三年行动", "start": 2022, "end": 2024})
    pids = [pf.create("projects", {"name": f"项目{n}", **p})[0] for n, p in enumerate(projects)]
    cid, _ = pf.create("challenges", {"title": "榜单"})
    tids = [pf.create("teams", {"challenge_id": cid, "name": f"队{n}"})[0] for n in range(len(teams))]
    parents = [{"project_id": pid} for pid in pids] + [{"team_id": tid} for tid in tids]
    changes = pf.apply([Create("milestones", {"name": m["name"] or "无名", **parents[m["parent"] % len(parents)]})
                        for m in milestones])
    for tid, status in zip(tids, teams, strict=True):
        pf._conn.execute("UPDATE teams SET status=? WHERE id=?", (status, tid))
    for rec, m in zip(changes.records, milestones, strict=True):  # stored as they are: the write path would refuse most
        pf._conn.execute("UPDATE milestones SET status=?, planned_date=?, actual_date=?, baseline_date=?, "
                         "source_doc=?, name=? WHERE id=?", (m["status"], m["planned_date"], m["actual_date"],
                                                           m["baseline_date"], m["source_doc"], m["name"], rec.id))
    return pf


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(projects=st.lists(project, min_size=1, max_size=5), teams=st.lists(st.sampled_from(TEAM_STATUSES), max_size=3),
       milestones=st.lists(milestone, max_size=25), shift=st.integers(-800, 800), th=thresholds)
def test_random_portfolios_same_as_reference(projects, teams, milestones, shift, th):
    with tempfile.TemporaryDirectory() as d:
        pf = build(Path(d) / "r.sqlite", projects, teams, milestones)
        try:
            pf.set_setting("colour_thresholds", th)
            today = TODAY + dt.timedelta(days=shift)
            assert_same(pf, today)
            # the per-record rule (what 规划核实 uses for the few targets it reads) agrees too
            every, rules = colours.all_colours(pf, today)["milestones"], colours.thresholds(pf)
            assert {m["id"]: colours.milestone_colour(m, today, rules) for m in pf.list("milestones")} == every
        finally:
            pf.close()
