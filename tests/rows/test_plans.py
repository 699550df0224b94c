"""Plans have periods (issue #17): a target of a plan whose period has ended, with no recorded
outcome, is 待核实 — grey, counted apart, never red and never in an overdue list."""
from __future__ import annotations

import datetime as dt

import pytest

from db import builtin, colours, plans
from db.builtin.validate import seed_text, squash
from db.documents.brief.facts import collect
from db.errors import ValidationError
from db.portfolio import Portfolio
from db.rows.overview import overview

DAY = dt.date(2026, 12, 3)  # the day the issue was filed: 十三五 and 十四五 have both ended
PENDING_REASON = "规划期已结束，尚未填报完成情况"
PERIODS = {"000": (2021, 2025), "001": (2016, 2020), "002": (2021, 2025), "003": (2023, 2027),
           "004": (2022, 2035)}


@pytest.fixture(scope="module")
def pf(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "p.sqlite"
    with Portfolio.open(path, create=True, today=lambda: DAY) as pf:
        builtin.load(pf)
        yield pf


def test_every_builtin_plan_has_its_period_read_from_its_text():
    by_doc = {p.doc_id: p for p in plans.builtin_plans().values()}
    assert {d: (p.start, p.end) for d, p in by_doc.items()} == PERIODS
    assert by_doc["004"].stages == (2025,)  # "到 2025 年，初步形成……到 2035 年，全面建成……"
    assert [p.stages for d, p in by_doc.items() if d != "004"] == [()] * 4
    for path in builtin.data_files():
        doc = builtin.read(path)["document"]
        assert squash(doc["period"]["source_text"]) in squash(seed_text(doc["file"])), doc["id"]
        assert str(doc["period"]["end"]) in doc["period"]["source_text"] or "十四五" in doc["period"]["source_text"]


def test_targets_of_ended_plans_are_pending_not_late(pf):
    known = plans.plans(pf)
    cs = colours.all_colours(pf)
    by_doc: dict[str, set[str]] = {}
    for m in pf.list("milestones"):
        plan = known[m["source_doc"]]
        code = cs["milestones"][m["id"]].code
        by_doc.setdefault(plan.doc_id, set()).add(code)
        horizon = plan.horizon_of(dt.date.fromisoformat(m["planned_date"]))
        if horizon is not None and horizon < DAY:
            assert (code, cs["milestones"][m["id"]].reason) == (colours.PENDING, PENDING_REASON), m["name"]
        else:  # e.g. 南川's "力争2026年创建成为国家高新技术产业开发区": dated past its plan's end;
            # the 科学城's 2035 targets: their horizon is not over
            assert code != colours.PENDING, m["name"]
    assert by_doc["001"] == {colours.PENDING} and by_doc["000"] == {colours.PENDING}
    assert colours.PENDING in by_doc["002"]
    assert colours.PENDING not in by_doc["003"]  # a running plan: judged as always
    # the 科学城 opinions run to 2035; their 2025 horizon is over: its targets are 待核实, the 2035 ones are not
    assert colours.PENDING in by_doc["004"] and len(by_doc["004"]) > 1
    # 十三五's indicators: none has an actual for 2020 — all 待核实; none red
    for i in pf.list("indicators", source_doc="重庆科技创新十三五规划"):
        assert cs["indicators"][i["id"]].code in (colours.PENDING, colours.GREEN, colours.BLUE,
                                                  colours.GREY, colours.YELLOW), i["name"]
        if i["target_year"] == 2020:
            assert cs["indicators"][i["id"]].code == colours.PENDING, i["name"]


def test_overview_counts_pending_apart_and_lists_none_as_overdue(pf):
    o = overview(pf)
    known = plans.plans(pf)
    assert o["pending"]["milestones"] > 0 and o["pending"]["indicators"] > 0
    for item in o["due"]["overdue"]:
        m = pf.get("milestones", item["id"])
        horizon = known[m["source_doc"]].horizon_of(dt.date.fromisoformat(m["planned_date"]))
        assert horizon is None or horizon >= DAY, item["name"]
        assert item["colour"] != colours.PENDING
    rows = {e["plan"]: e for e in o["pending"]["by_plan"]}
    assert rows["重庆科技创新十三五规划"]["milestones"] == pf.count(
        "milestones", source_doc="重庆科技创新十三五规划")
    assert "巴南科技创新工作方案" not in rows
    assert sum(e["milestones"] for e in rows.values()) == o["pending"]["milestones"]
    assert o["colours"]["total"]["pending"] > 0  # projects whose only open targets are 待核实
    # a unit is not ranked down for targets nobody has checked: due = its past targets not 待核实
    cs = colours.all_colours(pf)["milestones"]
    projects = {p["id"]: p for p in pf.list("projects") if (p["entry_type"] or "项目") == "项目"}
    due: dict[str, int] = {}
    for m in pf.list("milestones"):
        p = projects.get(m["project_id"])
        if p is None or not m["planned_date"] or m["planned_date"] > DAY.isoformat():
            continue
        for uid in dict.fromkeys([p["lead_unit_id"], *p["responsible_unit_ids"]] if p["lead_unit_id"]
                                 else p["responsible_unit_ids"]):
            due[uid] = due.get(uid, 0) + (cs[m["id"]].code != colours.PENDING)
    assert {u["unit_id"]: u["due"] for u in o["unit_ranking"]["units"] if u["due"]} == {
        u: n for u, n in due.items() if n}


def test_brief_shows_pending_apart_and_never_as_overdue(pf):
    facts = collect(pf, None)
    assert all(i["colour"] != colours.PENDING for i in facts["overdue"])
    assert facts["overview"]["pending"]["milestones"] == overview(pf)["pending"]["milestones"]
    assert all(i["colour"] not in (colours.RED, colours.YELLOW) or i["id"] for i in facts["red_yellow"])
    pending_projects = {p["id"] for p in pf.list("projects")
                        if facts["overview"]["project_colours"].get(p["id"], {}).get("colour") == colours.PENDING}
    assert pending_projects and not pending_projects & {i["id"] for i in facts["red_yellow"]}


def test_an_office_can_add_a_plan_or_correct_a_period(tmp_path):
    with Portfolio.open(tmp_path / "o.sqlite", create=True, today=lambda: DAY) as pf:
        pf.apply(plans.plan_ops(pf, "高新区十五五科技规划", 2026, 2030))
        assert plans.plans(pf)["高新区十五五科技规划"].end == 2030
        assert [p.name for p in plans.current_plans(pf)][:1] == ["支持科学城高质量发展意见"]  # ends 2035
        pid, _ = pf.create("projects", {"name": "甲"})
        mid, _ = pf.create("milestones", {"project_id": pid, "name": "里程碑", "planned_date": "2024-06-30",
                                          "source_doc": "南川区十四五科技规划"})
        assert colours.all_colours(pf)["milestones"][mid].code == colours.PENDING
        # the office extends 南川's period (e.g. the plan was prolonged): the same target is late
        pf.apply(plans.plan_ops(pf, "南川区十四五科技规划", 2021, 2027))
        assert colours.all_colours(pf)["milestones"][mid].code == colours.RED
        with pytest.raises(ValidationError):
            plans.plan_ops(pf, "坏", 2030, 2020)
        with pytest.raises(ValidationError):
            plans.plan_ops(pf, " ", 2021, 2025)
