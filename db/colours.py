"""The one colour engine (DESIGN §3, 亮灯/五色图): 红 黄 绿 蓝 灰, each with its reason.

Thresholds live in the portfolio's settings (key "colour_thresholds") so an office can change
them and they travel with the file. Every colour shown anywhere comes from here.
"""
from __future__ import annotations

import datetime as dt

from db.i18n import QT_TRANSLATE_NOOP, tr
from db.values import parse_date

RED, YELLOW, GREEN, BLUE, GREY = "red", "yellow", "green", "blue", "grey"
COLOURS = (RED, YELLOW, GREEN, BLUE, GREY)
SEVERITY = {RED: 4, YELLOW: 3, GREEN: 2, BLUE: 1, GREY: 0}
HEX = {RED: "#d9363e", YELLOW: "#f2b705", GREEN: "#2e9e44", BLUE: "#1f6fd1", GREY: "#9aa0a6"}
NAMES = {
    RED: QT_TRANSLATE_NOOP("colour", "红"), YELLOW: QT_TRANSLATE_NOOP("colour", "黄"),
    GREEN: QT_TRANSLATE_NOOP("colour", "绿"), BLUE: QT_TRANSLATE_NOOP("colour", "蓝"),
    GREY: QT_TRANSLATE_NOOP("colour", "灰"),
}
MEANINGS = {
    RED: QT_TRANSLATE_NOOP("colour", "滞后督办"), YELLOW: QT_TRANSLATE_NOOP("colour", "超期预警"),
    GREEN: QT_TRANSLATE_NOOP("colour", "推进正常"), BLUE: QT_TRANSLATE_NOOP("colour", "超前示范"),
    GREY: QT_TRANSLATE_NOOP("colour", "未启动/暂停/无数据"),
}

DEFAULT_THRESHOLDS = {
    "due_soon_days": 7,        # 黄: due within this many days and not done
    "late_yellow_days": 15,    # 黄 up to this many days late, 红 beyond
    "pace_blue": 10.0,         # investment / indicator pace, points vs 序时进度
    "pace_green": 0.0,
    "pace_yellow": -30.0,
}

R = {
    "cancelled": QT_TRANSLATE_NOOP("colour", "已取消"),
    "no_date": QT_TRANSLATE_NOOP("colour", "未设定计划日期"),
    "blocked": QT_TRANSLATE_NOOP("colour", "受阻"),
    "done_early": QT_TRANSLATE_NOOP("colour", "提前 {days} 天完成"),
    "done_on_time": QT_TRANSLATE_NOOP("colour", "按期完成"),
    "done_late": QT_TRANSLATE_NOOP("colour", "已完成（逾期 {days} 天）"),
    "late_red": QT_TRANSLATE_NOOP("colour", "逾期 {days} 天（超过 {limit} 天）"),
    "late_yellow": QT_TRANSLATE_NOOP("colour", "逾期 {days} 天"),
    "due_soon": QT_TRANSLATE_NOOP("colour", "{days} 天后到期（{date}），尚未完成"),
    "due_today": QT_TRANSLATE_NOOP("colour", "今天到期，尚未完成"),
    "on_track": QT_TRANSLATE_NOOP("colour", "距计划日期还有 {days} 天"),
    "pace": QT_TRANSLATE_NOOP("colour", "年度投资完成 {done:.0f}%，序时进度 {expected:.0f}%，{sign}{gap:.0f} 个百分点"),
    "worst_milestone": QT_TRANSLATE_NOOP("colour", "里程碑“{name}”：{reason}"),
    "no_open": QT_TRANSLATE_NOOP("colour", "无进行中的里程碑，也无年度投资计划"),
    "all_done": QT_TRANSLATE_NOOP("colour", "里程碑均已完成"),
    "suspended": QT_TRANSLATE_NOOP("colour", "停缓建"),
    "terminated": QT_TRANSLATE_NOOP("colour", "已终止"),
    "team_out": QT_TRANSLATE_NOOP("colour", "揭榜方状态：{status}"),
    "team_no_open": QT_TRANSLATE_NOOP("colour", "尚无进行中的军令状里程碑"),
    "ind_no_data": QT_TRANSLATE_NOOP("colour", "无实际值"),
    "ind_no_line": QT_TRANSLATE_NOOP("colour", "缺少基期或目标值，无法计算序时进度"),
    "ind_pace": QT_TRANSLATE_NOOP("colour", "{year}年实际 {actual:g}，序时应达 {expected:g}，完成序时进度的 {share:.0f}%（{sign}{gap:.0f} 个百分点）"),
    "ind_reached": QT_TRANSLATE_NOOP("colour", "{year}年实际 {actual:g}，已达到目标 {target:g}"),
}


class Colour:
    """A colour and why. The reason is formatted when first read (in the language of that moment):
    computing a whole city's colours should not format 100,000 sentences nobody looks at."""

    __slots__ = ("code", "_reason", "_msg", "_params")

    def __init__(self, code: str, reason: str = "", msg=None, params: dict | None = None):
        self.code = code
        self._reason = reason
        self._msg = msg
        self._params = params

    @property
    def reason(self) -> str:
        if self._msg is not None:
            params = {k: (v.reason if isinstance(v, Colour) else v) for k, v in self._params.items()}
            self._reason, self._msg, self._params = tr(self._msg, **params), None, None
        return self._reason

    def __eq__(self, other) -> bool:
        return isinstance(other, Colour) and (self.code, self.reason) == (other.code, other.reason)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Colour({self.code!r}, {self.reason!r})"

    @property
    def name(self) -> str:
        return tr(NAMES[self.code])

    @property
    def hex(self) -> str:
        return HEX[self.code]

    def worse_than(self, other: "Colour") -> bool:
        return SEVERITY[self.code] > SEVERITY[other.code]


def thresholds(pf) -> dict:
    """The office's thresholds; anything missing or not a number falls back to the default."""
    stored = pf.setting("colour_thresholds") or {}
    if not isinstance(stored, dict):
        return dict(DEFAULT_THRESHOLDS)
    return {**DEFAULT_THRESHOLDS, **{k: float(v) for k, v in stored.items() if k in DEFAULT_THRESHOLDS
                                     and isinstance(v, (int, float)) and not isinstance(v, bool)}}


def _c(code: str, msg, **params) -> Colour:
    return Colour(code, msg=msg, params=params)


def milestone_colour(m: dict, today: dt.date, th: dict = DEFAULT_THRESHOLDS) -> Colour:
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
    return _c(GREEN, R["on_track"], days=-late)


def year_elapsed_pct(today: dt.date) -> float:
    """序时进度: the elapsed share of the calendar year, in percent."""
    start = dt.date(today.year, 1, 1)
    days_in_year = (dt.date(today.year + 1, 1, 1) - start).days
    return ((today - start).days + 1) / days_in_year * 100  # today counts as elapsed


def pace_colour(gap: float, th: dict) -> str:
    gap = round(gap, 6)  # 60% of a 0→100 line against 50% expected is +10 points, not 9.999…
    if gap >= th["pace_blue"]:
        return BLUE
    if gap >= th["pace_green"]:
        return GREEN
    if gap >= th["pace_yellow"]:
        return YELLOW
    return RED


def investment_pace(p: dict, today: dt.date, th: dict = DEFAULT_THRESHOLDS) -> Colour | None:
    plan = p.get("annual_plan_investment") or 0
    if plan <= 0:
        return None
    done = (p.get("annual_invested") or 0) / plan * 100
    expected = year_elapsed_pct(today)
    gap = done - expected
    return _c(pace_colour(gap, th), R["pace"], done=done, expected=expected,
              sign="+" if gap >= 0 else "", gap=gap)


def _worst_open(milestones: list[dict], today: dt.date, th: dict,
                known: dict[str, Colour] | None = None) -> tuple[Colour | None, bool]:
    """Worst colour among open milestones, and whether any milestone was completed.
    `known`: milestone colours already computed for the same day and thresholds, by id."""
    worst, any_done = None, False
    for m in milestones:
        if m.get("status") in ("已完成", "取消"):
            any_done = any_done or m.get("status") == "已完成"
            continue
        c = known.get(m["id"]) if known else None
        c = c or milestone_colour(m, today, th)
        if worst is None or c.worse_than(worst[0]):
            worst = (c, m)
    if worst is None:
        return None, any_done
    c, m = worst
    return _c(c.code, R["worst_milestone"], name=m.get("name"), reason=c), any_done


def project_colour(p: dict, milestones: list[dict], today: dt.date, th: dict = DEFAULT_THRESHOLDS,
                   known: dict[str, Colour] | None = None) -> Colour:
    if p.get("stage") == "终止":
        return _c(GREY, R["terminated"])
    if p.get("stage") == "停缓建":  # DESIGN §3: 灰 = 未启动/暂停/无数据
        return _c(GREY, R["suspended"])
    worst, any_done = _worst_open(milestones, today, th, known)
    pace = investment_pace(p, today, th)
    candidates = [c for c in (worst, pace) if c is not None]
    if not candidates:
        return _c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"])
    return max(candidates, key=lambda c: SEVERITY[c.code])


def team_colour(team: dict, milestones: list[dict], today: dt.date, th: dict = DEFAULT_THRESHOLDS,
                known: dict[str, Colour] | None = None) -> Colour:
    if team.get("status") in ("淘汰", "撤回", "未通过"):
        return _c(GREY, R["team_out"], status=team.get("status"))
    worst, any_done = _worst_open(milestones, today, th, known)
    if worst is not None:
        return worst
    return _c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"])


def indicator_colour(ind: dict, values: list[dict], today: dt.date, th: dict = DEFAULT_THRESHOLDS) -> Colour:
    """Latest actual vs the straight line from baseline to target at that year (direction-aware)."""
    actuals = sorted((v for v in values if v.get("value") is not None), key=lambda v: v["year"])
    if not actuals:
        return _c(GREY, R["ind_no_data"])
    b, t = ind.get("baseline_value"), ind.get("target_value")
    by, ty = ind.get("baseline_year"), ind.get("target_year")
    if None in (b, t, by, ty) or ty <= by or t == b:
        return _c(GREY, R["ind_no_line"])
    latest = actuals[-1]
    year, actual = latest["year"], latest["value"]
    share_time = min(max((year - by) / (ty - by), 0.0), 1.0)
    expected = b + (t - b) * share_time
    lower = ind.get("direction") == "lower"
    if (actual <= t) if lower else (actual >= t):
        return _c(BLUE if year < ty else GREEN, R["ind_reached"], year=year, actual=actual, target=t)
    # progress made vs progress expected, as a share of the baseline→target distance
    progress = (actual - b) / (t - b)
    gap = (progress - share_time) * 100
    share = progress / share_time * 100 if share_time > 0 else 100.0
    return _c(pace_colour(gap, th), R["ind_pace"], year=year, actual=actual,
              expected=round(expected, 4), share=share, sign="+" if gap >= 0 else "", gap=gap)


# what the rules read (all_colours lists only these: 100,000 milestones decode faster that way)
MILESTONE_FIELDS = ("project_id", "team_id", "name", "status", "planned_date", "actual_date")
PROJECT_FIELDS = ("stage", "annual_plan_investment", "annual_invested")


def all_colours(pf, today: dt.date | None = None) -> dict[str, dict[str, Colour]]:
    """Colours of every live milestone, project, team and indicator, keyed by kind then id."""
    today = today or pf.today()
    th = thresholds(pf)
    milestones = pf.list("milestones", fields=MILESTONE_FIELDS)
    by_project: dict[str, list] = {}
    by_team: dict[str, list] = {}
    out: dict[str, dict[str, Colour]] = {"milestones": {}, "projects": {}, "teams": {}, "indicators": {}}
    for m in milestones:
        out["milestones"][m["id"]] = milestone_colour(m, today, th)
        if m["project_id"]:
            by_project.setdefault(m["project_id"], []).append(m)
        if m["team_id"]:
            by_team.setdefault(m["team_id"], []).append(m)
    for p in pf.list("projects", fields=PROJECT_FIELDS):
        out["projects"][p["id"]] = project_colour(p, by_project.get(p["id"], []), today, th, out["milestones"])
    for t in pf.list("teams", fields=("status",)):
        out["teams"][t["id"]] = team_colour(t, by_team.get(t["id"], []), today, th, out["milestones"])
    values: dict[str, list] = {}
    for v in pf.list("indicator_values"):
        values.setdefault(v["indicator_id"], []).append(v)
    for i in pf.list("indicators"):
        out["indicators"][i["id"]] = indicator_colour(i, values.get(i["id"], []), today, th)
    return out
