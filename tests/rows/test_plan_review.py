"""规划核实 (issue #17): the 待核实 targets of ended plans are listed, settled in bulk — 已完成 with
a date, 未完成, 转入新规划 (a linked target in a current plan) — in one undoable edit that merges."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from db import builtin, colours, plans
from db.errors import ValidationError
from db.exchange.export import export
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.rows import plan_review
from db.rows.overview import overview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
from replicas import state  # noqa: E402

DAY = dt.date(2026, 12, 3)
THIRTEENTH = "重庆科技创新十三五规划"


@pytest.fixture
def pf(tmp_path):
    with Portfolio.open(tmp_path / "r.sqlite", create=True, today=lambda: DAY) as pf:
        builtin.load(pf)
        yield pf


def test_rows_are_the_pending_targets_with_their_plan_section_and_units(pf):
    rows = plan_review.review_rows(pf)
    pending = overview(pf)["pending"]
    assert sum(r["kind"] == "milestones" for r in rows) == pending["milestones"]
    assert sum(r["kind"] == "indicators" for r in rows) == pending["indicators"]
    assert {r["plan"] for r in rows} >= {THIRTEENTH, "高新区十四五科技规划"}
    assert "巴南科技创新工作方案" not in {r["plan"] for r in rows}  # its period runs to 2027
    assert all(r["colour"] == colours.PENDING and not r["outcome"] for r in rows)
    m = next(r for r in rows if r["kind"] == "milestones" and r["plan"] == THIRTEENTH)
    rec = pf.get("milestones", m["id"])
    assert m["section"] == rec["source_ref"].split()[0] and m["source_text"] == rec["source_text"]
    assert m["planned"] == rec["planned_date"]


def test_settle_done_not_done_and_carried_then_undo(pf):
    rows = [r for r in plan_review.review_rows(pf) if r["plan"] == THIRTEENTH]
    ms = [r for r in rows if r["kind"] == "milestones"]
    inds = [r for r in rows if r["kind"] == "indicators"]
    before = state(pf)
    nxt = plans.Plan("高新区十五五科技规划", "重庆高新区“十五五”科技创新发展规划", 2026, 2030)
    ops = plans.plan_ops(pf, nxt.name, nxt.start, nxt.end, nxt.title)
    ops += plan_review.settle_ops(pf, [("milestones", ms[0]["id"]), ("indicators", inds[0]["id"])],
                                  "已完成", "2020-11-30")
    ops += plan_review.settle_ops(pf, [("milestones", ms[1]["id"])], "未完成", "2026-12-03")
    ops += plan_review.settle_ops(pf, [("milestones", ms[2]["id"]), ("indicators", inds[1]["id"])],
                                  "转入新规划", "2026-12-03", into=nxt)
    changes = pf.apply(ops)

    cs = colours.all_colours(pf)
    done = pf.get("milestones", ms[0]["id"])
    assert (done["status"], done["actual_date"]) == ("已完成", "2020-11-30")
    assert cs["milestones"][done["id"]].code in (colours.GREEN, colours.BLUE)
    ind = pf.get("indicators", inds[0]["id"])
    assert (ind["outcome"], ind["outcome_date"]) == ("已完成", "2020-11-30")
    assert cs["indicators"][ind["id"]].code == colours.GREEN
    assert pf.get("milestones", ms[1]["id"])["status"] == "未完成"
    assert cs["milestones"][ms[1]["id"]].code == colours.GREY
    old = pf.get("milestones", ms[2]["id"])
    assert old["status"] == "转入新规划"
    new = pf.list("milestones", carried_from_id=old["id"])
    assert len(new) == 1 and new[0]["project_id"] == old["project_id"] and new[0]["name"] == old["name"]
    assert (new[0]["source_doc"], new[0]["planned_date"]) == (nxt.name, "2030-12-31")
    assert cs["milestones"][new[0]["id"]].code == colours.GREEN  # a live target of a running plan
    new_ind = pf.list("indicators", carried_from_id=inds[1]["id"])
    assert len(new_ind) == 1 and new_ind[0]["target_year"] == 2030 and new_ind[0]["source_doc"] == nxt.name
    assert pf.get("indicators", inds[1]["id"])["outcome"] == "转入新规划"
    left = {r["id"] for r in plan_review.review_rows(pf)}
    assert not left & {ms[0]["id"], ms[1]["id"], ms[2]["id"], inds[0]["id"], inds[1]["id"]}
    settled = {r["id"]: r["outcome"] for r in plan_review.review_rows(pf, settled=True)}
    assert settled[ms[1]["id"]] == "未完成" and settled[inds[1]["id"]] == "转入新规划"

    pf.undo(changes)  # one edit, one undo: everything as it was (new records as tombstones)
    after = state(pf)
    for kind, recs in before.items():
        for rid, rec in recs.items():
            assert {k: v for k, v in after[kind][rid].items() if k != "cell_clocks"} == \
                {k: v for k, v in rec.items() if k != "cell_clocks"}, (kind, rec.get("name"))
    assert all(r["deleted"] for k in after for rid, r in after[k].items() if rid not in before[k])


def test_settling_merges_into_another_office(tmp_path, pf):
    other_path = tmp_path / "other.sqlite"
    with Portfolio.open(other_path, create=True, today=lambda: DAY) as other:
        builtin.load(other)
    rows = [r for r in plan_review.review_rows(pf) if r["kind"] == "milestones"][:5]
    pf.apply(plan_review.settle_ops(pf, [(r["kind"], r["id"]) for r in rows], "已完成", "2020-12-31"))
    sent = tmp_path / "sent.sqlite"
    export(pf, sent)
    with Portfolio.open(other_path, today=lambda: DAY) as other:
        merge(other, sent)
        for r in rows:
            assert other.get("milestones", r["id"])["status"] == "已完成"
        assert overview(other)["pending"]["milestones"] == overview(pf)["pending"]["milestones"]


def test_refusals_name_the_problem(pf):
    row = plan_review.review_rows(pf)[0]
    with pytest.raises(ValidationError, match="2020-13-01"):
        plan_review.settle_ops(pf, [(row["kind"], row["id"])], "已完成", "2020-13-01")
    with pytest.raises(ValidationError):  # carried into nothing, or into a plan that has ended
        plan_review.settle_ops(pf, [(row["kind"], row["id"])], "转入新规划")
    with pytest.raises(ValidationError):
        plan_review.settle_ops(pf, [(row["kind"], row["id"])], "转入新规划", into=plans.builtin_plans()[THIRTEENTH])
    with pytest.raises(ValidationError):
        plan_review.settle_ops(pf, [(row["kind"], row["id"])], "差不多")
