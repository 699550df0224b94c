"""all_colours (the whole portfolio in one pass, issue #10) gives exactly the colours and reasons
of the straightforward rules applied record by record: the reference below is the engine as it
was before the one-pass version (one dict per record, milestone_colour per milestone)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from db import colours
from db.colours import BLUE, GREEN, GREY, PENDING, RED, SEVERITY, YELLOW, R, _c
from db.i18n import EnumValue, set_language
from db.portfolio import Portfolio
from db.rows.snapshot import MILESTONE_FIELDS, milestones_and_colours
from db.store.values import parse_date

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import generate  # noqa: E402  (tests/bench/generate.py)

TODAY = dt.date(2025, 6, 15)


# -- the reference: per-record rules over decoded dicts --------------------------------------
def ref_milestone(m: dict, today: dt.date, th: dict) -> colours.Colour:
    status = m.get("status") or "未开始"
    planned = parse_date(m.get("planned_date") or "")
    if status == "取消":
        return _c(GREY, R["cancelled"])
    if status == "已完成":
        actual = parse_date(m.get("actual_date") or "") or today
        if planned is None or actual == planned:
            return _c(GREEN, R["done_on_time"])
        if actual < planned:
            return _c(BLUE, R["done_early"], days=(planned - actual).days)
        return _c(GREEN, R["done_late"], days=(actual - planned).days)
    if status == "未完成":
        return _c(GREY, R["not_achieved"])
    if status == "转入新规划":
        return _c(GREY, R["carried"])
    horizons = [dt.date.fromordinal(h) for h in th["plan_ends"].get(m.get("source_doc") or "", ())]
    horizon = (horizons[-1] if planned is None else next((h for h in horizons if planned <= h), None)) \
        if horizons else None
    if horizon is not None and horizon < today:
        return _c(PENDING, R["pending"])
    if status == "受阻":
        return _c(RED, R["blocked"])
    if planned is None:
        return _c(GREY, R["no_date"])
    late = (today - planned).days
    if late > th["late_yellow_days"]:
        return _c(RED, R["late_red"], days=late, limit=th["late_yellow_days"])
    if late > 0:
        return _c(YELLOW, R["late_yellow"], days=late)
    if late == 0:
        return _c(YELLOW, R["due_today"])
    if -late <= th["due_soon_days"]:
        return _c(YELLOW, R["due_soon"], days=-late, date=planned.isoformat())
    baseline = parse_date(m.get("baseline_date") or "")
    if baseline is not None and (planned - baseline).days > th["replan_slip_days"]:  # issue #21
        return _c(YELLOW, R["slipped"], days=(planned - baseline).days)
    return _c(GREEN, R["on_track"], days=-late)


def ref_worst_open(milestones, known):
    worst, any_done = None, False
    for m in milestones:
        if m.get("status") in ("已完成", "取消", "未完成", "转入新规划"):
            any_done = any_done or m.get("status") == "已完成"
            continue
        c = known[m["id"]]
        if worst is None or c.worse_than(worst[0]):
            worst = (c, m)
    if worst is None:
        return None, any_done
    c, m = worst
    return _c(c.code, R["worst_milestone"], name=m.get("name"), reason=c), any_done


def ref_pace(p, today, th):
    plan = p.get("annual_plan_investment") or 0
    if plan <= 0:
        return None
    done = (p.get("annual_invested") or 0) / plan * 100
    expected = colours.year_elapsed_pct(today)
    gap = done - expected
    return _c(colours.pace_colour(gap, th), R["pace"], done=done, expected=expected,
              sign="+" if gap >= 0 else "", gap=gap)


def reference(pf, today: dt.date) -> dict:
    th = colours.thresholds(pf)
    ms = pf.list("milestones")
    out = {"milestones": {m["id"]: ref_milestone(m, today, th) for m in ms},
           "projects": {}, "teams": {}, "indicators": {}}
    for p in pf.list("projects"):
        if p.get("stage") == "终止":
            out["projects"][p["id"]] = _c(GREY, R["terminated"])
            continue
        if p.get("stage") == "停缓建":
            out["projects"][p["id"]] = _c(GREY, R["suspended"])
            continue
        worst, any_done = ref_worst_open([m for m in ms if m["project_id"] == p["id"]], out["milestones"])
        candidates = [c for c in (worst, ref_pace(p, today, th)) if c is not None]
        if not candidates:
            out["projects"][p["id"]] = _c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"])
        else:
            out["projects"][p["id"]] = max(candidates, key=lambda c: SEVERITY[c.code])
    for t in pf.list("teams"):
        if t.get("status") in ("淘汰", "撤回", "未通过"):
            out["teams"][t["id"]] = _c(GREY, R["team_out"], status=EnumValue(t.get("status")))  # shown by its label (issue 22)
            continue
        worst, any_done = ref_worst_open([m for m in ms if m["team_id"] == t["id"]], out["milestones"])
        out["teams"][t["id"]] = worst or (_c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"]))
    values = pf.list("indicator_values")
    for i in pf.list("indicators"):
        out["indicators"][i["id"]] = colours.indicator_colour(
            i, [v for v in values if v["indicator_id"] == i["id"]], today, th)
    return out


def flat(result: dict) -> dict:
    return {kind: {rid: (c.code, c.reason) for rid, c in items.items()} for kind, items in result.items()}


def assert_same(pf, today: dt.date):
    for lang in ("zh", "en"):
        set_language(lang)
        try:
            fast, ref = flat(colours.all_colours(pf, today)), flat(reference(pf, today))
            shared = flat(milestones_and_colours(pf, today)[1])  # the overview's and brief's one read
        finally:
            set_language("zh")
        assert shared == fast and list(shared["milestones"]) == list(fast["milestones"])
        assert list(fast) == list(ref)
        for kind in ref:
            assert list(fast[kind]) == list(ref[kind]), kind  # same records, same order
            diff = {rid: (fast[kind][rid], ref[kind][rid]) for rid in ref[kind] if fast[kind][rid] != ref[kind][rid]}
            assert diff == {}, (kind, lang, today)


# -- a generated portfolio (the benchmark's generator, small) --------------------------------
@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = generate.generate(tmp_path_factory.mktemp("gen") / "g.sqlite", projects=300, milestones=3000,
                             challenges=40, teams=200, indicators=12, seed=7)
    with Portfolio.open(path, today=lambda: generate.REFERENCE) as pf:
        yield pf


def test_one_read_gives_every_milestone_record(generated):
    """The snapshot's milestones, read in the colours' pass: every live one, in rowid order, as
    its plain fields say (a tuple (id, *MILESTONE_FIELDS) each)."""
    ms, _ = milestones_and_colours(generated, generate.REFERENCE)
    plain = generated.rows("milestones", MILESTONE_FIELDS)
    assert len(ms) == 3000 and ms == [tuple(r) for r in plain]
    assert all(type(m) is tuple and len(m) == 1 + len(MILESTONE_FIELDS) for m in ms)


@pytest.mark.parametrize("shift", [0, -16, 15, 200])
def test_generated_portfolio_same_as_reference(generated, shift):
    today = generate.REFERENCE + dt.timedelta(days=shift)
    assert_same(generated, today)


def test_generated_portfolio_same_as_reference_with_office_thresholds(generated):
    generated.set_setting("colour_thresholds", {"due_soon_days": 30, "late_yellow_days": 45.5,
                                                "pace_blue": 0.5, "pace_green": -20, "pace_yellow": -60,
                                                "replan_slip_days": 90})
    try:
        assert_same(generated, generate.REFERENCE)
        assert_same(generated, generate.REFERENCE + dt.timedelta(days=45))
    finally:
        generated.set_setting("colour_thresholds", {})
    found = {c.code for c in colours.all_colours(generated, generate.REFERENCE)["milestones"].values()}
    # the generated data covers every milestone colour (it has no plans: 待核实 is an edge case below)
    assert found == set(colours.COLOURS) - {PENDING}


# -- edge cases, built by hand -----------------------------------------------------------------
def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def edges(tmp_path):
    pf = Portfolio.open(tmp_path / "e.sqlite", create=True, today=lambda: TODAY)
    ids: dict[str, str] = {}

    def project(key, **fields):
        ids[key], _ = pf.create("projects", {"name": key, **fields})
        return ids[key]

    def milestone(key, parent, planned=None, status="进行中", actual=None, **fields):
        data = {"name": key, "status": status, **fields}
        if planned is not None:
            data["planned_date"] = day(planned)
        if actual is not None:
            data["actual_date"] = day(actual)
        ids[key], _ = pf.create("milestones", {**parent, **data})
        return ids[key]

    # milestones of every kind, one project each (so every project colour is one milestone's)
    cases = {
        "no date": dict(), "no date, not started": dict(status="未开始"),
        "done, no date": dict(status="已完成"), "done, no actual date": dict(planned=-3, status="已完成"),
        "done, no actual date, due later": dict(planned=4, status="已完成"),
        "done early": dict(planned=10, status="已完成", actual=2), "done on time": dict(planned=-5, status="已完成", actual=-5),
        "done late": dict(planned=-20, status="已完成", actual=-1), "done late, no plan": dict(status="已完成", actual=-9),
        "late by threshold": dict(planned=-15), "late by threshold + 1": dict(planned=-16),
        "late one day": dict(planned=-1), "due today": dict(planned=0), "due in soon days": dict(planned=7),
        "due in soon + 1": dict(planned=8), "far": dict(planned=300, status="未开始"),
        "blocked": dict(planned=100, status="受阻"), "blocked, no date": dict(status="受阻"),
        "cancelled late": dict(planned=-40, status="取消"), "cancelled, no date": dict(status="取消"),
    }
    for key, spec in cases.items():
        milestone(key, {"project_id": project("p " + key, stage="建设")}, **spec)
    for key in ("done, no date", "done, no actual date", "done, no actual date, due later"):
        # the write path stamps today as the actual date; an older or received file may not have one
        pf._conn.execute("UPDATE milestones SET actual_date=NULL WHERE id=?", (ids[key],))

    # projects: worst of several, ties (first one wins), pace, 停缓建 / 终止 (灰), all done
    many = project("many", stage="建设")
    for key, spec in {"m1": dict(planned=-3), "m2": dict(planned=-20), "m3": dict(planned=-30),
                      "m4": dict(planned=5), "m5": dict(status="已完成", planned=-2, actual=-2)}.items():
        milestone(key, {"project_id": many}, **spec)
    elapsed = colours.year_elapsed_pct(TODAY)
    for key, invested in {"pace ahead": elapsed + 15, "pace on": elapsed, "pace behind": elapsed - 10,
                          "pace far behind": elapsed - 31}.items():
        pid = project(key, stage="建设", annual_plan_investment=100, annual_invested=max(invested, 0))
        milestone(key + " ms", {"project_id": pid}, planned=-2)  # yellow: ties and loses to pace
    tie = project("tie", stage="建设", annual_plan_investment=100, annual_invested=elapsed - 10)
    milestone("tie ms", {"project_id": tie}, planned=3)
    project("plan, nothing invested", stage="开工", annual_plan_investment=50)
    project("no plan, no milestone", stage="谋划")
    for stage in ("停缓建", "终止"):
        milestone(stage + " ms", {"project_id": project(stage, stage=stage)}, planned=-100)
    done = project("all done", stage="投产")
    milestone("done 1", {"project_id": done}, status="已完成", planned=-50, actual=-60)
    milestone("done 2", {"project_id": done}, status="已完成", planned=-10, actual=-10)
    cancelled = project("only cancelled", stage="建设")
    milestone("cancelled only", {"project_id": cancelled}, status="取消", planned=-3)

    # teams: every status, worst of its milestones, none
    cid, _ = pf.create("challenges", {"title": "榜单"})
    for status in ("已提交", "入围", "立项", "未通过", "撤回", "淘汰"):
        tid, _ = pf.create("teams", {"challenge_id": cid, "name": "队 " + status})
        pf._conn.execute("UPDATE teams SET status=? WHERE id=?", (status, tid))  # status moves aside
        milestone("t1 " + status, {"team_id": tid}, planned=-16)
        milestone("t2 " + status, {"team_id": tid}, planned=2)
    for key, spec in {"team done": dict(status="已完成", planned=3, actual=1), "team none": None}.items():
        tid, _ = pf.create("teams", {"challenge_id": cid, "name": key})
        if spec:
            milestone(key + " ms", {"team_id": tid}, **spec)

    # what only another program (or a damaged file) could store: no status, dates that are not
    # dates, a milestone whose project was deleted; a deleted milestone
    odd = project("odd", stage="建设")
    for key, planned, actual in (("status null", day(-2), None), ("bad date", "2025-02-30", None),
                                 ("slashes", "2025/06/01", None), ("done, bad actual", day(-4), "soon")):
        mid = milestone(key, {"project_id": odd})
        pf._conn.execute("UPDATE milestones SET status=?, planned_date=?, actual_date=? WHERE id=?",
                        (None if key == "status null" else "已完成" if actual else "进行中", planned, actual, mid))
    # plans: a target of a plan that ended (十三五, built in) is 待核实 while open and not re-planned
    # past the plan's end; outcomes close it; an office's own plan counts like a built-in one
    pf.set_setting("plan:本局三年行动", {"title": "本局三年行动", "start": 2022, "end": 2024})
    old_plan = project("old plan", stage="建设")
    for key, spec in {"13th open": dict(planned=-2000), "13th blocked": dict(planned=-2000, status="受阻"),
                      "13th no date": dict(), "13th replanned past end": dict(planned=-10),
                      "13th done": dict(planned=-2000, status="已完成", actual=-2100),
                      "13th not achieved": dict(planned=-2000, status="未完成"),
                      "13th carried": dict(planned=-2000, status="转入新规划"),
                      "own plan ended": dict(planned=-200, source_doc="本局三年行动"),
                      "running plan": dict(planned=-20, source_doc="南川区十四五科技规划"),
                      "unknown plan": dict(planned=-20, source_doc="别的文件"),
                      # the 科学城 opinions: horizons 2025 and 2035
                      "2025 horizon": dict(planned=-100, source_doc="支持科学城高质量发展意见"),
                      "2035 horizon": dict(planned=1000, source_doc="支持科学城高质量发展意见")}.items():
        milestone(key, {"project_id": old_plan}, **{"source_doc": "重庆科技创新十三五规划", **spec})
    seconds = {"only pending": None, "pending and no date": dict(), "pending and green": dict(planned=60)}
    for key, second in seconds.items():
        pid = project("p " + key, stage="建设")
        milestone(key, {"project_id": pid}, planned=-2000, source_doc="重庆科技创新十三五规划")
        if second is not None:
            milestone(key + " 2", {"project_id": pid}, **second)
    gone = project("gone", stage="建设")
    milestone("orphan", {"project_id": gone}, planned=-20)
    pf._conn.execute("UPDATE projects SET deleted=1 WHERE id=?", (gone,))
    pf.delete("milestones", milestone("deleted", {"project_id": odd}, planned=-90))
    yield pf, ids
    pf.close()


@pytest.mark.parametrize("shift", [0, -1, 1, 8, -400])
def test_edge_cases_same_as_reference(edges, shift):
    pf, _ = edges
    assert_same(pf, TODAY + dt.timedelta(days=shift))


def test_edge_cases_same_as_reference_with_office_thresholds(edges):
    pf, _ = edges
    for th in ({"due_soon_days": 0, "late_yellow_days": 0}, {"due_soon_days": 8, "late_yellow_days": 15.5},
               {"pace_blue": 0, "pace_green": -5, "pace_yellow": -11}):
        pf.set_setting("colour_thresholds", th)
        assert_same(pf, TODAY)


def test_edge_cases_expected_colours(edges):
    """A few of the edge cases spelled out, so the reference itself is checked."""
    pf, ids = edges
    out = colours.all_colours(pf, TODAY)
    m, p, t = out["milestones"], out["projects"], out["teams"]
    assert m[ids["late by threshold"]].code == YELLOW and m[ids["late by threshold + 1"]].code == RED
    assert m[ids["due in soon days"]].code == YELLOW and m[ids["due in soon + 1"]].code == GREEN
    assert m[ids["done early"]].code == BLUE and m[ids["done late"]].code == GREEN
    assert m[ids["done, no actual date, due later"]].code == BLUE  # done today, 4 days early
    assert m[ids["no date"]].code == GREY and m[ids["cancelled late"]].code == GREY
    assert m[ids["status null"]].code == YELLOW and m[ids["bad date"]].code == GREY
    assert ids["deleted"] not in m and ids["gone"] not in p and ids["orphan"] in m
    assert p[ids["many"]].code == RED and "m2" in p[ids["many"]].reason  # the first of the reds
    assert p[ids["停缓建"]].code == GREY and p[ids["终止"]].code == GREY
    assert p[ids["all done"]].code == GREEN and p[ids["only cancelled"]].code == GREY
    assert p[ids["pace ahead"]].code == YELLOW and p[ids["pace ahead"]].reason.startswith("里程碑")
    assert p[ids["pace far behind"]].code == RED and p[ids["tie"]].reason.startswith("里程碑")
    teams = {tm["name"]: t[tm["id"]] for tm in pf.list("teams")}
    assert teams["队 立项"].code == RED and teams["队 淘汰"].code == GREY
    assert teams["team done"].code == GREEN and teams["team none"].code == GREY


def test_shared_colours_follow_the_language(edges):
    """Milestones with the same colour share one Colour; its reason is in the language of the
    moment it is read, also after the language changed."""
    pf, ids = edges
    out = colours.all_colours(pf, TODAY)
    c = out["milestones"][ids["t1 立项"]]
    assert c is out["milestones"][ids["t1 入围"]]
    zh = c.reason
    set_language("en")
    try:
        en = c.reason
        assert en != zh and en == colours.milestone_colour({"planned_date": day(-16)}, TODAY).reason
    finally:
        set_language("zh")
    assert c.reason == zh


def test_targets_of_ended_plans_are_pending_never_red(edges):
    pf, ids = edges
    got = colours.all_colours(pf, TODAY)
    m, p = got["milestones"], got["projects"]
    for key in ("13th open", "13th blocked", "13th no date", "own plan ended", "only pending"):
        assert (m[ids[key]].code, m[ids[key]].reason) == (PENDING, "规划期已结束，尚未填报完成情况"), key
    assert m[ids["13th replanned past end"]].code == YELLOW  # re-planned into today's work: judged as any
    assert m[ids["running plan"]].code == RED and m[ids["unknown plan"]].code == RED
    assert (m[ids["13th not achieved"]].code, m[ids["13th carried"]].code) == (GREY, GREY)
    assert p[ids["p only pending"]].code == PENDING
    assert p[ids["p pending and no date"]].code == PENDING  # 待核实 outweighs 未设日期
    assert p[ids["p pending and green"]].code == GREEN
    # a plan with intermediate horizons: a target of the 2025 horizon is 待核实 once 2025 is over,
    # one of the 2035 horizon is judged as any other while the plan runs
    later = colours.all_colours(pf, dt.date(2026, 6, 1))["milestones"]
    assert (m[ids["2025 horizon"]].code, later[ids["2025 horizon"]].code) == (RED, PENDING)
    assert later[ids["2035 horizon"]].code == GREEN
    assert_same(pf, dt.date(2026, 6, 1))
    # while the plan runs the same target is judged as any other (here: a year late)
    assert colours.all_colours(pf, dt.date(2020, 12, 31))["milestones"][ids["only pending"]].code == RED
