"""ICS export (db.documents.ics), read back with a real iCalendar parser (the `icalendar` package)."""
from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from db.documents import ics
from db.portfolio import Portfolio

TODAY = dt.date(2025, 6, 25)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "portfolio.sqlite", create=True, today=lambda: TODAY)
    ids = {}
    ids["unit"], _ = p.create("units", {"name": "重庆高新区科技创新局"})
    ids["team_unit"], _ = p.create("units", {"name": "重庆大学"})
    ids["P"], _ = p.create("projects", {"name": "超瞬态实验装置", "responsible_unit_ids": [ids["unit"]]})
    ids["C"], _ = p.create("challenges", {"title": "高端芯片封装揭榜"})
    ids["T"], _ = p.create("teams", {"challenge_id": ids["C"], "name": "攻关一队", "unit_id": ids["team_unit"]})
    ids["m1"], _ = p.create("milestones", {"project_id": ids["P"], "name": "主体封顶", "planned_date": "2025-06-30",
                                            "status": "进行中", "deliverable": "封顶验收记录;照片,视频"})
    ids["m2"], _ = p.create("milestones", {"team_id": ids["T"], "name": "样片流片", "planned_date": "2025-09-30"})
    ids["m3"], _ = p.create("milestones", {"project_id": ids["P"], "name": "旧方案评审", "planned_date": "2025-05-31",
                                            "status": "取消"})
    ids["m4"], _ = p.create("milestones", {"project_id": ids["P"], "name": "未定日期的节点"})
    ids["m5"], _ = p.create("milestones", {"project_id": ids["P"], "name": "设备安装调试" * 8,
                                            "planned_date": "2025-12-31", "notes": "第一行\n第二行"})
    p.ids = ids
    yield p
    p.close()


def parse(path) -> dict[str, object]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_milestones_become_all_day_events(pf, tmp_path):
    path = tmp_path / "m.ics"
    assert ics.write(pf, path) == 4
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded per RFC 5545
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and "Kechuang" in str(cal["PRODID"])
    events = parse(path)
    ids = pf.ids
    assert set(events) == {ids[k] + "@milestone.kechuang" for k in ("m1", "m2", "m3", "m5")}
    e1 = events[ids["m1"] + "@milestone.kechuang"]
    assert e1.decoded("DTSTART") == dt.date(2025, 6, 30) and e1.decoded("DTEND") == dt.date(2025, 7, 1)
    assert str(e1["SUMMARY"]) == "【黄】主体封顶（超瞬态实验装置）"
    desc = str(e1["DESCRIPTION"])
    assert "项目：超瞬态实验装置" in desc and "责任单位：重庆高新区科技创新局" in desc
    assert "亮灯：黄（超期预警）— 5 天后到期（2025-06-30），尚未完成" in desc
    assert "交付成果：封顶验收记录;照片,视频" in desc  # escaped ; and , survive the round trip
    assert str(e1["COLOR"]) == "gold" and str(e1["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in e1["CATEGORIES"].cats] == ["里程碑", "黄"]
    team = events[ids["m2"] + "@milestone.kechuang"]
    assert "项目：高端芯片封装揭榜 · 攻关一队" in str(team["DESCRIPTION"]) and "责任单位：重庆大学" in str(team["DESCRIPTION"])
    assert str(events[ids["m3"] + "@milestone.kechuang"]["STATUS"]) == "CANCELLED"
    long = events[ids["m5"] + "@milestone.kechuang"]
    assert "设备安装调试" * 8 in str(long["SUMMARY"]) and "备注：第一行\n第二行" in str(long["DESCRIPTION"])


def test_uids_are_stable_and_a_replan_updates_the_same_event(pf, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    ms = [pf.clock.wall + 1000]
    pf.clock._now = lambda: ms[0]  # a controllable wall clock: edits happen "later"
    ics.write(pf, first)
    before = parse(first)
    ms[0] += 86_400_000
    pf.update("milestones", pf.ids["m1"], {"planned_date": "2025-07-15"}, reason="混凝土养护期延长")
    ics.write(pf, second)
    after = parse(second)
    assert set(after) == set(before)  # same UIDs: a calendar re-import updates, never duplicates
    uid = pf.ids["m1"] + "@milestone.kechuang"
    assert after[uid].decoded("DTSTART") == dt.date(2025, 7, 15)
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
    assert after[uid].decoded("LAST-MODIFIED") > before[uid].decoded("LAST-MODIFIED")
    assert "已调整计划 1 次，累计延期 15 天" in str(after[uid]["DESCRIPTION"])
    assert "基线日期：2025-06-30" in str(after[uid]["DESCRIPTION"])
    other = pf.ids["m2"] + "@milestone.kechuang"
    assert int(after[other]["SEQUENCE"]) == int(before[other]["SEQUENCE"])
    # A calendar keyed by UID (as Outlook/Thunderbird keep it) ends up with one event per milestone.
    store = {}
    for events in (before, after):
        store.update(events)
    assert len(store) == 4 and store[uid].decoded("DTSTART") == dt.date(2025, 7, 15)


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "重庆高新区科技创新局" * 10
    pieces = ics.fold(line)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
