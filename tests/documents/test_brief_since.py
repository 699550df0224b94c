"""The brief's 正文 leads with what changed since the last issued brief and what leadership must act
on (issue #16): worked out from a portfolio whose records have known clocks — entered before the
last brief, edited after it."""
from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from test_brief import at

from db import colours
from db.documents.brief.blocks import APPENDIX_ROWS
from db.documents.brief.build import build, compose
from db.documents.brief.facts import collect
from db.documents.brief.options import issue_ops, resolve
from db.documents.brief.since import STALE_DAYS
from db.portfolio import Portfolio

TODAY = dt.date(2026, 11, 18)  # Wednesday of 2026-W47; the last brief: 2026-W46 (Sunday 11-15)
WEEK = "2026-W47"


def d(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "since.sqlite", create=True, today=lambda: TODAY)
    yield p
    p.close()


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def make(pf) -> dict:
    """Entered on 11-01; the brief of 2026-W46 issued; then this week's edits on 11-17."""
    at(pf, dt.date(2026, 11, 1))
    unit, _ = pf.create("units", {"name": "高新区科技局"})
    other, _ = pf.create("units", {"name": "科学城公司"})
    turning, _ = pf.create("projects", {"name": "逾期转红的项目", "lead_unit_id": unit})
    pf.create("milestones", {"project_id": turning, "name": "主体完工", "planned_date": "2026-11-01"})  # 14 → 17 days
    done, _ = pf.create("projects", {"name": "本周完成的项目", "lead_unit_id": other})
    done_ms, _ = pf.create("milestones", {"project_id": done, "name": "竣工验收", "planned_date": "2026-10-20"})
    moved, _ = pf.create("projects", {"name": "调整计划的项目", "lead_unit_id": unit})
    moved_ms, _ = pf.create("milestones", {"project_id": moved, "name": "设备安装", "planned_date": "2026-10-25"})
    stuck, _ = pf.create("projects", {"name": "受阻的项目", "lead_unit_id": other})
    stuck_ms, _ = pf.create("milestones", {"project_id": stuck, "name": "用地报批", "planned_date": "2026-12-30"})
    old, _ = pf.create("projects", {"name": "十三五目标", "lead_unit_id": unit})
    pf.create("milestones", {"project_id": old, "name": "建成重点实验室", "planned_date": "2020-12-31"})
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W46")))  # 第1期
    at(pf, dt.date(2026, 11, 17))
    pf.update("milestones", done_ms, {"status": "已完成", "actual_date": "2026-11-17"})
    pf.update("milestones", moved_ms, {"planned_date": "2027-01-10"}, reason="设备进口清关延迟")
    pf.update("milestones", stuck_ms, {"status": "受阻", "notes": "用地指标未落实"})
    new, _ = pf.create("projects", {"name": "新录入的项目", "lead_unit_id": unit})
    return locals()


def test_changes_since_the_last_issued_brief(pf):
    make(pf)
    ch = collect(pf, WEEK)["since"]
    assert ch["reference"] == {"date": dt.date(2026, 11, 15), "number": 1, "week": "2026-W46"}
    assert [i["name"] for i in ch["newly_red"]] == ["受阻的项目", "逾期转红的项目"]  # by unit, then name
    # re-planned 77 days past its baseline: at best yellow (issue #21's baseline rule), so not "back to normal"
    assert [(i["name"], i["before"]) for i in ch["back"]] == [("本周完成的项目", "red")]
    moved = next(p["id"] for p in pf.list("projects") if p["name"] == "调整计划的项目")
    assert colours.all_colours(pf)["projects"][moved].code == "yellow"
    assert [(s["milestone"], s["days"], s["reason"]) for s in ch["slipped"]] == [("设备安装", 77, "设备进口清关延迟")]
    assert ch["delay_days"] == 77
    assert [i["name"] for i in ch["completed"]] == ["竣工验收"]
    assert [i["name"] for i in ch["blocked"]] == ["用地报批"]
    assert ch["new_projects"] == ["新录入的项目"]
    text = squash("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(build(pf, resolve(pf, week=WEEK)).pdf))
                          .pages))
    assert "一、本期主要变化与上期简报（第1期，截至2026年11月15日）相比，新增红灯项目2个，恢复正常1个；" \
           "调整里程碑计划1次，累计推迟77天；完成里程碑1个；新增受阻里程碑1个。新录入项目1个。" in text
    assert "新增红灯受阻的项目科学城公司里程碑“用地报批”：受阻" in text
    assert "新增红灯逾期转红的项目高新区科技局里程碑“主体完工”：逾期17天（超过15天）" in text
    assert "恢复正常本周完成的项目科学城公司原为红灯；" in text
    assert "“设备安装”由2026-10-25调整至2027-01-10（+77天）：设备进口清关延迟" in text


def test_without_an_earlier_brief_the_brief_compares_with_a_week_before(pf):
    make(pf)
    ch = collect(pf, "2026-W46")["since"]  # W46 was issued, but nothing before it
    assert ch["reference"] == {"date": dt.date(2026, 11, 8), "number": None, "week": None}
    assert ch["new_projects"] == [] and ch["completed"] == [] and ch["slipped"] == []  # this week's edits come later


def test_what_leadership_must_act_on_blocked_first_then_by_how_late(pf):
    make(pf)
    a = collect(pf, WEEK)["actions"]
    assert [(i["kind"], i["project"], i["days"]) for i in a["items"]] == [
        ("blocked", "受阻的项目", 0), ("late", "逾期转红的项目", 17)]
    assert a["items"][0]["detail"] == "用地指标未落实"
    # overdue for years (a plan period long over): counted apart, never in the list to act on
    assert [i["name"] for i in a["stale"]] == ["建成重点实验室"] and a["stale_projects"] == 1
    assert a["stale"][0]["days_late"] > STALE_DAYS


def test_long_lists_are_capped_ranked_and_point_to_their_appendix(pf):
    at(pf, dt.date(2026, 11, 1))
    unit, _ = pf.create("units", {"name": "责任单位甲"})
    for i in range(40):
        p, _ = pf.create("projects", {"name": f"滞后项目{i:02d}", "lead_unit_id": unit})
        pf.create("milestones", {"project_id": p, "name": "节点", "planned_date": d(-20 - i)})
    for i in range(30):
        p, _ = pf.create("projects", {"name": f"旧规划目标{i:02d}", "lead_unit_id": unit})
        pf.create("milestones", {"project_id": p, "name": "目标", "planned_date": "2019-06-30"})
    content, _ = compose(pf, resolve(pf, week=WEEK))
    actions = next(b for b in content.body if getattr(b, "header", None) and "逾期" in b.header)
    assert len(actions.rows) == 6 and actions.rows[0][1] == "滞后项目39"  # the latest first
    assert re.fullmatch(r"另有 34 项，见附表\d+。", actions.more)
    listed = next(a for a in content.appendices if a.title == "需协调解决事项清单")
    assert len(listed.rows) == 40 and len(listed.table().rows) == APPENDIX_ROWS
    assert "另有 25 项未列出，完整清单见简报附表（Excel）。" == listed.table().more
    stale = next(a for a in content.appendices if a.title == "逾期一年以上待核实里程碑")
    assert len(stale.rows) == 30
    assert not any("旧规划目标" in str(row[1]) for row in actions.rows)


def test_the_quick_severity_is_the_colour_rules():
    """since.py goes over every milestone with colours.open_severity: the same as the full rule."""
    from db import colours
    th = colours.DEFAULT_THRESHOLDS
    today = TODAY.toordinal()
    for late in range(-30, 40):
        severity, colour = colours._open_colour(today - late, today, th)
        assert colours.open_severity(today - late, today, th) == severity == colours.SEVERITY[colour.code]
    assert colours.open_severity(None, today, th) == colours.SEVERITY[colours.GREY]
