"""Issue #21 finding 3: a re-plan does not wash red to green — lateness is judged against the baseline."""
from __future__ import annotations

import datetime as dt

from db import colours
from db.portfolio import Portfolio
from db.store.changes import Update

TODAY = dt.date(2025, 6, 15)


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def _pf(tmp_path):
    return Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: TODAY)


def _late_then_replanned(pf, slip: int = 274):
    pid, _ = pf.create("projects", {"name": "超瞬态实验装置"})
    mid, _ = pf.create("milestones", {"project_id": pid, "name": "主体封顶", "planned_date": day(-156)})
    assert colours.milestone_colour(pf.get("milestones", mid), TODAY).code == colours.RED
    pf.apply([Update("milestones", mid, {"planned_date": day(-156 + slip)}, "设备到货延期")])
    return pid, mid


def test_large_slip_stays_yellow_with_its_reason_for_milestone_and_project(tmp_path):
    with _pf(tmp_path) as pf:
        pid, mid = _late_then_replanned(pf)
        m = pf.get("milestones", mid)
        c = colours.milestone_colour(m, TODAY)
        assert c.code == colours.YELLOW and c.reason == "已调整计划，较基线推迟 274 天"
        every = colours.all_colours(pf)
        assert every["milestones"][mid] == c
        assert every["projects"][pid].code == colours.YELLOW
        assert "较基线推迟 274 天" in every["projects"][pid].reason
        p = pf.get("projects", pid)
        assert colours.project_colour(p, [m], TODAY) == every["projects"][pid]


def test_small_slip_and_done_milestones_are_judged_as_before(tmp_path):
    with _pf(tmp_path) as pf:
        pid, mid = _late_then_replanned(pf, slip=156 + 40)  # +196 days
        c = colours.milestone_colour(pf.get("milestones", mid), TODAY)
        assert c.code == colours.YELLOW and "推迟 196 天" in c.reason
        pf.apply([Update("milestones", mid, {"planned_date": day(-156 + 20)}, "再次调整")])
        m = pf.get("milestones", mid)
        # 20 days past the baseline and not yet due: within the threshold, so on track again… but 136 days late
        assert colours.milestone_colour(m, TODAY).code == colours.RED
        pf.apply([Update("milestones", mid, {"status": "已完成"})])
        assert colours.milestone_colour(pf.get("milestones", mid), TODAY).code != colours.YELLOW


def test_threshold_is_a_setting(tmp_path):
    with _pf(tmp_path) as pf:
        pid, mid = _late_then_replanned(pf)
        pf.apply(pf.setting_ops("colour_thresholds", {**colours.thresholds(pf), "replan_slip_days": 300}))
        th = colours.thresholds(pf)
        assert th["replan_slip_days"] == 300
        assert colours.milestone_colour(pf.get("milestones", mid), TODAY, th).code == colours.GREEN
        assert colours.all_colours(pf)["milestones"][mid].code == colours.GREEN


def test_brief_states_the_rule_in_its_note(tmp_path):
    import io
    import re

    import pypdf

    from db.documents.brief.build import build
    from db.documents.brief.options import resolve
    with _pf(tmp_path) as pf:
        _late_then_replanned(pf)
        brief = build(pf, resolve(pf))
        text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(brief.pdf)).pages))
    assert "较基线推迟超过30天的，完成前至多为黄灯" in text
    assert "已调整计划，较基线推迟274天" in text
