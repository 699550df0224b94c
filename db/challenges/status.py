"""Where the 揭榜挂帅 challenges stand: the stage funnel, each challenge's colour, and the 赛马
standings — one computation for the challenge screen, the overview and the weekly brief. Qt-free.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from db import colours
from db.challenges.rules import PIPELINE, budget
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import CHALLENGE_STAGES
from db.pinyin import sort_key
from db.rows.register import unit_names
from db.store import records
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

RUNNING = ("已立项", "攻关中", "里程碑考核", "验收", "兑现奖补")
STANDING_RULE = QT_TRANSLATE_NOOP(
    "challenges",
    "名次规则：在攻关的团队先比按军令状承诺日期（基线）完成的里程碑个数，多者在前；相同则比最近一次考核得分，"
    "高者在前；再同则累计延期天数少者在前；各项都相同的名次并列。已淘汰团队列于最后。")
C = {
    "closed": QT_TRANSLATE_NOOP("colour", "榜单已{stage}"),
    "finished": QT_TRANSLATE_NOOP("colour", "已结题"),
    "not_started": QT_TRANSLATE_NOOP("colour", "尚未立项（{stage}）"),
    "deadline_passed": QT_TRANSLATE_NOOP("colour", "申报已于 {deadline} 截止 {days} 天，尚未进入评审"),
    "no_team": QT_TRANSLATE_NOOP("colour", "没有在攻关的团队"),
    "team": QT_TRANSLATE_NOOP("colour", "{team}：{reason}"),
}


def challenge_colour(c: dict, teams: list[dict], ms_by_team: dict, today: dt.date,
                     th: dict = colours.DEFAULT_THRESHOLDS) -> colours.Colour:
    stage = c.get("stage") or PIPELINE[0]
    if stage in ("流榜", "终止"):
        return colours.Colour(colours.GREY, tr(C["closed"], stage=tr_enum(stage)))
    if stage == "结题":
        return colours.Colour(colours.GREEN, tr(C["finished"]))
    deadline = parse_date(c.get("deadline") or "")
    if stage in ("已发榜", "申报中") and deadline and deadline < today:
        return colours.Colour(colours.YELLOW, tr(C["deadline_passed"], deadline=deadline.isoformat(),
                                                 days=(today - deadline).days))
    if PIPELINE.index(stage) < PIPELINE.index("已立项"):
        return colours.Colour(colours.GREY, tr(C["not_started"], stage=tr_enum(stage)))
    active = [t for t in teams if t["status"] == "立项"]
    if not active:
        return colours.Colour(colours.GREY, tr(C["no_team"]))
    worst: tuple[colours.Colour, dict] | None = None
    for t in active:
        col = colours.team_colour(t, ms_by_team.get(t["id"], []), today, th)
        if worst is None or col.worse_than(worst[0]):
            worst = (col, t)
    assert worst is not None  # `active` is not empty
    return colours.Colour(worst[0].code, tr(C["team"], team=worst[1]["name"], reason=worst[0].reason))


def challenge_funnel(pf: Portfolio) -> list[dict]:
    """How many challenges stand at each stage, pipeline order then the exits 流榜 and 终止."""
    counts = Counter(c["stage"] or PIPELINE[0] for c in pf.list("challenges"))
    return [{"stage": s, "label": tr_enum(s), "count": counts.get(s, 0)} for s in CHALLENGE_STAGES]


def _by_team(pf: Portfolio, kind: str, team_ids: list[str], order: str = "rowid") -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    if not team_ids:
        return out
    for r in pf.list(kind, team_id=list(team_ids), order=order):
        out[r["team_id"]].append(r)
    return out


def race_standings(pf: Portfolio, challenge_id: str, as_of: dt.date | None = None) -> dict:
    """The teams that ran (立项, or 淘汰 on the way) side by side, as they stood on `as_of`."""
    as_of = as_of or pf.today()
    day = as_of.isoformat()
    c = pf.get("challenges", challenge_id)
    th = colours.thresholds(pf)
    names = unit_names(pf)
    teams = [t for t in pf.list("teams", challenge_id=challenge_id)
             if t["status"] in ("立项", "淘汰")]
    ids = [t["id"] for t in teams]
    ms_by = _by_team(pf, "milestones", ids, "planned_date IS NULL, planned_date, rowid")
    reviews_by = _by_team(pf, "reviews", ids, "date, rowid")
    tranches_by = _by_team(pf, "tranches", ids, "seq")
    slipped: dict[str, int] = defaultdict(int)
    ms_ids = [m["id"] for ms in ms_by.values() for m in ms]
    if ms_ids:
        owner = {m["id"]: m["team_id"] for ms in ms_by.values() for m in ms}
        for r in pf.list("replans", milestone_id=ms_ids):
            if (r["days"] or 0) > 0 and (r["recorded_at"] or "")[:10] <= day:
                slipped[owner[r["milestone_id"]]] += r["days"]
    rows = []
    for t in teams:
        ms = ms_by.get(t["id"], [])
        done = [m for m in ms if m["status"] == "已完成" and (m["actual_date"] or "") <= day]
        pledged = {m["id"]: m["baseline_date"] or m["planned_date"] for m in ms}
        on_time = [m for m in done if pledged[m["id"]] and m["actual_date"] and m["actual_date"] <= pledged[m["id"]]]
        due = [m for m in ms if m["status"] != "取消" and pledged[m["id"]] and pledged[m["id"]] <= day]
        reviews = [r for r in reviews_by.get(t["id"], []) if r["date"] <= day]
        scored = [r for r in reviews if r["score"] is not None]
        latest = reviews[-1] if reviews else None
        out = next((r for r in reviews if r["result"] == "淘汰"), None)
        out_later = any(r["result"] == "淘汰" for r in reviews_by.get(t["id"], []))
        status = "立项" if t["status"] == "淘汰" and out is None and out_later else t["status"]  # not yet out then
        colour = colours.team_colour({**t, "status": status}, ms, as_of, th)
        tranches = tranches_by.get(t["id"], [])
        rows.append({
            "id": t["id"], "name": t["name"], "unit": names.get(t["unit_id"], "") if t["unit_id"] else "",
            "leader": t["leader"] or "", "status": status, "status_label": tr_enum(status),
            "milestones": len(ms), "due": len(due), "done": len(done), "met_on_time": len(on_time),
            "latest_score": scored[-1]["score"] if scored else None,
            "latest_result": latest["result"] if latest else None,
            "latest_result_label": tr_enum(latest["result"]) if latest else "",
            "latest_review_date": latest["date"] if latest else None, "reviews": len(reviews),
            "days_slipped": slipped.get(t["id"], 0), "colour": colour.code, "colour_reason": colour.reason,
            "planned_funds": sum(x["planned_amount"] or 0 for x in tranches),
            "paid_funds": sum(x["paid_amount"] or 0 for x in tranches if (x["paid_date"] or "") <= day),
            "eliminated_date": out["date"] if out else None,
            "eliminated_reason": out["note"] if out else None,
            "standing": None,
        })

    def key(r):
        return (-r["met_on_time"], -(r["latest_score"] if r["latest_score"] is not None else -1), r["days_slipped"])
    active = sorted((r for r in rows if r["status"] == "立项"), key=lambda r: (key(r), sort_key(r["name"])))
    for i, r in enumerate(active, start=1):
        prev = active[i - 2] if i > 1 else None
        r["standing"] = prev["standing"] if prev and key(prev) == key(r) else i
    out_rows = sorted((r for r in rows if r["status"] != "立项"),
                      key=lambda r: (r["eliminated_date"] or "", r["name"]), reverse=True)
    return {"challenge_id": challenge_id, "title": c["title"] if c else "", "stage": c["stage"] if c else None,
            "stage_label": tr_enum(c["stage"]) if c else "", "race_mode": c["race_mode"] if c else None,
            "budget": budget(c) if c else 0, "as_of": day, "rule": tr(STANDING_RULE),
            "teams": active + out_rows}


def races(pf: Portfolio, as_of: dt.date | None = None) -> list[dict]:
    """Standings of every 赛马 challenge that is running (已立项 … 兑现奖补)."""
    return [race_standings(pf, c["id"], as_of) for c in pf.list("challenges", race_mode="赛马")
            if c["stage"] in RUNNING]


def team_milestones_due(pf: Portfolio, start: dt.date, end: dt.date, as_of: dt.date | None = None) -> list[dict]:
    """Open pledge milestones of running teams planned between start and end (inclusive)."""
    as_of = as_of or pf.today()
    th = colours.thresholds(pf)
    teams = {t["id"]: t for t in pf.list("teams", status="立项")}
    challenges = {c["id"]: c for c in pf.list("challenges")}
    out = []
    for m in pf.list("milestones", team_id=records.NOT_NULL,
                     planned_date=records.Between(start.isoformat(), end.isoformat()),
                     status=("未开始", "进行中", "受阻"), order="planned_date, rowid"):
        t = teams.get(m["team_id"])
        if t is None:
            continue
        col = colours.milestone_colour(m, as_of, th)
        out.append({"id": m["id"], "name": m["name"], "planned_date": m["planned_date"], "team": t["name"],
                    "challenge": challenges.get(t["challenge_id"], {}).get("title", ""),
                    "colour": col.code, "reason": col.reason})
    return out


def challenge_summary(pf: Portfolio, start: dt.date | None = None, end: dt.date | None = None,
                      as_of: dt.date | None = None) -> dict:
    """What the overview and the weekly brief show of 揭榜挂帅: funnel, races, pledge milestones due."""
    as_of = as_of or pf.today()
    start = start or as_of - dt.timedelta(days=as_of.weekday())
    end = end or start + dt.timedelta(days=13)
    all_c = pf.list("challenges")
    return {"as_of": as_of.isoformat(), "count": len(all_c),
            "budget_total": sum(budget(c) for c in all_c if c["stage"] not in ("流榜", "终止")),
            "funnel": challenge_funnel(pf), "races": races(pf, as_of),
            "milestones_due": team_milestones_due(pf, start, end, as_of)}
