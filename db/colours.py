"""The one colour engine (DESIGN §3, 亮灯/五色图): 红 黄 绿 蓝 灰, each with its reason.

Thresholds live in the portfolio's settings (key "colour_thresholds") so an office can change
them and they travel with the file. Every colour shown anywhere comes from here.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from db.i18n import QT_TRANSLATE_NOOP, EnumValue, language, tr
from db.plans import plan_ends
from db.store import milestone_keys as K
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

RED, YELLOW, GREEN, BLUE, GREY = "red", "yellow", "green", "blue", "grey"
# 待核实: a target of a plan whose period has ended, with no recorded outcome (db/plans.py). Its
# own state, shown in grey and counted apart from the five colours; never red.
PENDING = "pending"
COLOURS = (RED, YELLOW, GREEN, BLUE, GREY, PENDING)
SEVERITY: dict[str, float] = {RED: 4, YELLOW: 3, GREEN: 2, BLUE: 1, PENDING: 0.5, GREY: 0}
HEX = {RED: "#d9363e", YELLOW: "#f2b705", GREEN: "#2e9e44", BLUE: "#1f6fd1", GREY: "#9aa0a6",
       PENDING: "#c4c8cc"}
NAMES = {
    RED: QT_TRANSLATE_NOOP("colour", "红"), YELLOW: QT_TRANSLATE_NOOP("colour", "黄"),
    GREEN: QT_TRANSLATE_NOOP("colour", "绿"), BLUE: QT_TRANSLATE_NOOP("colour", "蓝"),
    GREY: QT_TRANSLATE_NOOP("colour", "灰"), PENDING: QT_TRANSLATE_NOOP("colour", "待核实"),
}
MEANINGS = {
    RED: QT_TRANSLATE_NOOP("colour", "滞后督办"), YELLOW: QT_TRANSLATE_NOOP("colour", "超期预警"),
    GREEN: QT_TRANSLATE_NOOP("colour", "推进正常"), BLUE: QT_TRANSLATE_NOOP("colour", "超前示范"),
    GREY: QT_TRANSLATE_NOOP("colour", "未启动/暂停/无数据"), PENDING: QT_TRANSLATE_NOOP("colour", "规划期已结束"),
}
# Milestone statuses that close a milestone (an outcome is recorded); the others are open.
CLOSED = ("已完成", "取消", "未完成", "转入新规划")

DEFAULT_THRESHOLDS = {
    "due_soon_days": 7,        # 黄: due within this many days and not done
    "late_yellow_days": 15,    # 黄 up to this many days late, 红 beyond
    "pace_blue": 10.0,         # investment / indicator pace, points vs 序时进度
    "pace_green": 0.0, "pace_yellow": -30.0,
    "replan_slip_days": 30,    # 黄 at best while re-planned more than this many days past the baseline
    "problem_due_soon_days": 3,  # 黄: an open problem due within this many days (db/problems/colour.py)
}

R = {
    "cancelled": QT_TRANSLATE_NOOP("colour", "已取消"),
    "pending": QT_TRANSLATE_NOOP("colour", "规划期已结束，尚未填报完成情况"),
    "not_achieved": QT_TRANSLATE_NOOP("colour", "规划期内未完成（已填报）"),
    "carried": QT_TRANSLATE_NOOP("colour", "已转入新规划"),
    "ind_done": QT_TRANSLATE_NOOP("colour", "已完成（{date}填报）"),
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
    "slipped": QT_TRANSLATE_NOOP("colour", "已调整计划，较基线推迟 {days} 天"),
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
    "ind_pace": QT_TRANSLATE_NOOP(
        "colour", "{year}年实际 {actual:g}，序时应达 {expected:g}，完成序时进度的 {share:.0f}%（{sign}{gap:.0f} 个百分点）"),
    "ind_reached": QT_TRANSLATE_NOOP("colour", "{year}年实际 {actual:g}，已达到目标 {target:g}"),
}


class Colour:
    """A colour and why. The reason is formatted when read, once per language: computing a whole
    city's colours should not format 100,000 sentences nobody looks at, and all_colours gives
    milestones with the same colour and reason one shared Colour."""

    __slots__ = ("code", "_reason", "_msg", "_params", "_lang")

    def __init__(self, code: str, reason: str = "", msg=None, params: dict | None = None):
        self.code = code
        self._reason = reason
        self._msg = msg
        self._params = params
        self._lang: str | None = None

    @property
    def reason(self) -> str:
        if self._msg is not None and self._lang != language():
            params = {k: (v.reason if isinstance(v, Colour) else v) for k, v in (self._params or {}).items()}
            self._reason, self._lang = tr(self._msg, **params), language()
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

    def worse_than(self, other: Colour) -> bool:
        return SEVERITY[self.code] > SEVERITY[other.code]


def thresholds(pf: Portfolio) -> dict:
    """The office's thresholds (anything missing or not a number falls back to the default), and
    under "plan_ends" the last day (day number) of every plan's period (db/plans.py), which the
    rules need to tell 待核实 from late."""
    stored = pf.setting("colour_thresholds") or {}
    ends = {"plan_ends": plan_ends(pf)}
    if not isinstance(stored, dict):
        return {**DEFAULT_THRESHOLDS, **ends}
    return {**DEFAULT_THRESHOLDS, **{k: float(v) for k, v in stored.items() if k in DEFAULT_THRESHOLDS
                                     and isinstance(v, (int, float)) and not isinstance(v, bool)}, **ends}


def ended_plans(th: dict, today: int) -> dict[str, tuple[int, ...]]:
    """Plan name -> its horizons' last days (day numbers, in order), for the plans with a horizon
    that ended before `today`."""
    return {name: ends for name, ends in th.get("plan_ends", {}).items() if ends and ends[0] < today}


def _pending(horizons: tuple[int, ...] | None, planned: int | None, today: int) -> bool:
    """An open target is 待核实 when the horizon of its plan it belongs to (the first not before
    its date; the last for a target without one) has ended; re-planned past every horizon it is
    judged as any other."""
    if not horizons:
        return False
    end = horizons[-1] if planned is None else next((h for h in horizons if planned <= h), None)
    return end is not None and end < today


def _horizons(rec: dict, ended: dict[str, tuple[int, ...]]) -> tuple[int, ...] | None:
    for key in ("source_doc", "plan"):
        ends = ended.get(rec.get(key) or "")
        if ends is not None:
            return ends
    return None


def _c(code: str, msg, **params) -> Colour:
    return Colour(code, msg=msg, params=params)


def milestone_colour(m: dict, today: dt.date, th: dict = DEFAULT_THRESHOLDS) -> Colour:
    status = m.get("status") or "未开始"
    planned = parse_date(m.get("planned_date") or "")
    if status == "取消":
        return _c(GREY, R["cancelled"])
    if status == "已完成":
        if planned is None:
            return _done_colour(0)
        actual = parse_date(m.get("actual_date") or "") or today
        return _done_colour((planned - actual).days)
    if status == "未完成":
        return _c(GREY, R["not_achieved"])
    if status == "转入新规划":
        return _c(GREY, R["carried"])
    planned_day = None if planned is None else planned.toordinal()
    horizons = ended_plans(th, today.toordinal()).get(m.get("source_doc") or "")
    if _pending(horizons, planned_day, today.toordinal()):
        return _c(PENDING, R["pending"])
    if status == "受阻":
        return _c(RED, R["blocked"])
    baseline = parse_date(m.get("baseline_date") or "")
    return _open_colour(None if planned is None else planned.toordinal(), today.toordinal(), th,
                        None if baseline is None else baseline.toordinal())[1]


def _done_colour(early: int) -> Colour:
    """A completed milestone's colour, done `early` days before its planned date (negative:
    late; 0 also when it has no planned date)."""
    if early == 0:
        return _c(GREEN, R["done_on_time"])
    if early > 0:
        return _c(BLUE, R["done_early"], days=early)
    return _c(GREEN, R["done_late"], days=-early)


def _open_colour(planned: int | None, today: int, th: dict, baseline: int | None = None) -> tuple[float, Colour]:
    """The colour of a milestone neither done, cancelled nor blocked, and its severity, from its
    planned date, today and its baseline as day numbers (date.toordinal()).

    A 督办 office judges lateness against the baseline: re-planned more than `replan_slip_days`
    past its baseline, an open milestone is at best 黄 (a re-plan does not wash red to green)."""
    sev, c = _open_by_date(planned, today, th)
    if planned is not None and baseline is not None and sev < SEVERITY[YELLOW] \
            and planned - baseline > th["replan_slip_days"]:
        return SEVERITY[YELLOW], _c(YELLOW, R["slipped"], days=planned - baseline)
    return sev, c


def slipped_days(m: dict) -> int:
    """Days an open milestone's plan lies past its baseline (0 when done, cancelled or not moved)."""
    if m.get("status") in ("已完成", "取消"):
        return 0
    planned, baseline = parse_date(m.get("planned_date") or ""), parse_date(m.get("baseline_date") or "")
    return max((planned - baseline).days, 0) if planned and baseline else 0


def _open_by_date(planned: int | None, today: int, th: dict) -> tuple[float, Colour]:
    if planned is None:
        return SEVERITY[GREY], _c(GREY, R["no_date"])
    late = today - planned
    if late > th["late_yellow_days"]:
        c = _c(RED, R["late_red"], days=late, limit=th["late_yellow_days"])
    elif late > 0:
        c = _c(YELLOW, R["late_yellow"], days=late)
    elif late == 0:
        c = _c(YELLOW, R["due_today"])
    elif -late <= th["due_soon_days"]:
        c = _c(YELLOW, R["due_soon"], days=-late, date=dt.date.fromordinal(planned).isoformat())
    else:
        c = _c(GREEN, R["on_track"], days=-late)
    return SEVERITY[c.code], c


CODE_OF = {severity: code for code, severity in SEVERITY.items()}


def open_severity(planned: int | None, today: int, th: dict) -> float:
    """The severity of an open milestone's colour (neither done, cancelled nor blocked) from its
    planned date and a day as day numbers, without its reason (for going over many quickly)."""
    if planned is None:
        return SEVERITY[GREY]
    late = today - planned
    if late > th["late_yellow_days"]:
        return SEVERITY[RED]
    if late >= 0 or -late <= th["due_soon_days"]:
        return SEVERITY[YELLOW]
    return SEVERITY[GREEN]


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
    return _pace(p.get("annual_plan_investment"), p.get("annual_invested"), year_elapsed_pct(today), th)


def _pace(plan, invested, expected: float, th: dict) -> Colour | None:
    """Annual investment against 序时进度 (`expected`, percent of the year elapsed)."""
    plan = plan or 0
    if plan <= 0:
        return None
    done = (invested or 0) / plan * 100
    gap = done - expected
    return _c(pace_colour(gap, th), R["pace"], done=done, expected=expected,
              sign="+" if gap >= 0 else "", gap=gap)


def _worst_open(milestones: list[dict], today: dt.date, th: dict,
                known: dict[str, Colour] | None = None) -> tuple[Colour | None, bool]:
    """Worst colour among open milestones, and whether any milestone was completed.
    `known`: milestone colours already computed for the same day and thresholds, by id."""
    worst, any_done = None, False
    for m in milestones:
        if m.get("status") in CLOSED:
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


_OUT_TEAM = ("淘汰", "撤回", "未通过")  # team statuses that take the team out of the race: 灰


def team_colour(team: dict, milestones: list[dict], today: dt.date, th: dict = DEFAULT_THRESHOLDS,
                known: dict[str, Colour] | None = None) -> Colour:
    if team.get("status") in _OUT_TEAM:
        return _c(GREY, R["team_out"], status=EnumValue(team.get("status")))
    worst, any_done = _worst_open(milestones, today, th, known)
    if worst is not None:
        return worst
    return _c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"])


def indicator_colour(ind: dict, values: list[dict], today: dt.date, th: dict = DEFAULT_THRESHOLDS) -> Colour:
    """Latest actual vs the straight line from baseline to target at that year (direction-aware).
    A target of an ended plan with neither an actual for its target year nor a recorded outcome
    is 待核实; a recorded outcome speaks for itself."""
    outcome = ind.get("outcome")
    if outcome == "已完成":
        return _c(GREEN, R["ind_done"], date=ind.get("outcome_date") or "")
    if outcome == "未完成":
        return _c(GREY, R["not_achieved"])
    if outcome == "转入新规划":
        return _c(GREY, R["carried"])
    actuals = sorted((v for v in values if v.get("value") is not None), key=lambda v: v["year"])
    horizons = _horizons(ind, ended_plans(th, today.toordinal()))
    ty = ind.get("target_year")
    if horizons and _pending(horizons, None if ty is None else dt.date(ty, 12, 31).toordinal(), today.toordinal()):
        due_year = ty or dt.date.fromordinal(horizons[-1]).year
        if not any(v["year"] >= due_year for v in values if v.get("value") is not None or v.get("text")):
            return _c(PENDING, R["pending"])
    if not actuals:
        return _c(GREY, R["ind_no_data"])
    b, t = ind.get("baseline_value"), ind.get("target_value")
    by, ty = ind.get("baseline_year"), ind.get("target_year")
    if b is None or t is None or by is None or ty is None or ty <= by or t == b:
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


# -- every record at once ---------------------------------------------------------------------
# all_colours applies the rules of milestone_colour / project_colour / team_colour above in one pass
# over plain rows (tests/test_colours_all.py, test_colours_per_record.py check it record by record,
# reasons included): a dict per row and the rules per row were most of the time at city (issue #10).
PROJECT_FIELDS = ("stage", "annual_plan_investment", "annual_invested")  # what the rules read
_DONE_SEV = -1  # in the key memo: a completed milestone (counts as done, never the worst open)


def project_colours(pf: Portfolio, today: dt.date | None = None,
                    project_ids: list[str] | None = None) -> dict[str, Colour]:
    """all_colours(...)["projects"] without keeping the milestones' (what the register shows)."""
    return all_colours(pf, today, project_ids, projects_only=True)["projects"]


def all_colours(pf: Portfolio, today: dt.date | None = None, project_ids: list[str] | None = None,
                projects_only: bool = False, read: Callable | None = None) -> dict[str, dict[str, Colour]]:
    """Colours of every live milestone, project, team and indicator, keyed by kind then id.

    Milestones with the same colour and reason share one Colour (a city has a few thousand
    distinct ones among 100,000 milestones). With `project_ids`, only those projects and their
    milestones (a project's colour depends on nothing else): what the register recomputes after
    an edit. The milestones are read as one integer key each (db/store/milestone_keys.py, issue
    #20; or by `read`, same signature); `projects_only`: the projects' alone, a leaner query (others empty)."""
    today = today or pf.today()
    th = thresholds(pf)
    now = today.toordinal()
    ended = ended_plans(th, now)
    plans = list(ended)
    closed = {K.CANCELLED: _c(GREY, R["cancelled"]), K.NOT_ACHIEVED: _c(GREY, R["not_achieved"]),
              K.CARRIED: _c(GREY, R["carried"])}
    blocked = (SEVERITY[RED], _c(RED, R["blocked"]))
    pending = (SEVERITY[PENDING], _c(PENDING, R["pending"]))

    def by_key(key: int) -> tuple:
        """(severity, colour) of a milestone key (severity None: closed, _DONE_SEV: completed)."""
        tag, value = key & 7, key >> 3
        if tag == K.DONE:
            return _DONE_SEV, _done_colour(value)
        if tag != K.OPEN:
            return None, closed[tag]
        planned, baseline, is_blocked, plan = K.unpack_open(value, len(plans))
        if plan and _pending(ended[plans[plan - 1]], planned, now):
            return pending
        if is_blocked:
            return blocked
        return _open_colour(planned, now, th, baseline)

    memo: dict[int, tuple] = {}
    m_out: dict[str, Colour] = {}
    # per project / team: (severity, colour, name) of its first worst open milestone
    worst_p: dict[str, tuple] = {}
    worst_t: dict[str, tuple] = {}
    done_p: set[str] = set()  # projects / teams with a completed milestone
    done_t: set[str] = set()
    with pf.read() as db:
        if projects_only:  # the register: no milestone ids, no teams' milestones
            for pid, name, key in K.project_milestone_keys(db, now, plans, project_ids):
                found = memo.get(key)
                if found is None:
                    found = memo[key] = by_key(key)
                sev = found[0]
                if sev is None:
                    continue
                if sev == _DONE_SEV:
                    done_p.add(pid)
                    continue
                w = worst_p.get(pid)
                if w is None or sev > w[0]:
                    worst_p[pid] = (sev, found[1], name)
        else:
            for mid, pid, tid, name, key in (read or K.milestone_keys)(db, now, plans, project_ids):
                found = memo.get(key)
                if found is None:
                    found = memo[key] = by_key(key)
                sev, c = found
                m_out[mid] = c
                if sev is None:
                    continue
                if sev == _DONE_SEV:
                    done_p.add(pid)
                    done_t.add(tid)
                    continue
                if pid:
                    w = worst_p.get(pid)
                    if w is None or sev > w[0]:
                        worst_p[pid] = (sev, c, name)
                if tid:
                    w = worst_t.get(tid)
                    if w is None or sev > w[0]:
                        worst_t[tid] = (sev, c, name)

    def worst_open(w: tuple | None, any_done: bool) -> Colour:  # _worst_open's wording
        if w is not None:
            return _c(w[1].code, R["worst_milestone"], name=w[2], reason=w[1])
        return _c(GREEN, R["all_done"]) if any_done else _c(GREY, R["no_open"])

    expected = year_elapsed_pct(today)
    p_out: dict[str, Colour] = {}
    only: dict[str, Any] = {} if project_ids is None else {"id": list(project_ids)}
    for pid, stage, plan, invested in pf.rows("projects", PROJECT_FIELDS, **only):
        if stage == "终止":
            p_out[pid] = _c(GREY, R["terminated"])
        elif stage == "停缓建":
            p_out[pid] = _c(GREY, R["suspended"])
        else:  # project_colour: the worse of worst open milestone and pace, the milestone on a tie
            w = worst_p.get(pid)
            gap = (invested or 0) / plan * 100 - expected if (plan or 0) > 0 else None  # _pace's, Colour made if shown
            if gap is not None and (w is None or SEVERITY[pace_colour(gap, th)] > w[0]):
                p_out[pid] = _pace(plan, invested, expected, th)  # type: ignore[assignment]
            else:
                p_out[pid] = worst_open(w, pid in done_p)
    t_out: dict[str, Colour] = {}
    if project_ids is not None or projects_only:
        return {"milestones": m_out, "projects": p_out, "teams": t_out, "indicators": {}}
    for tid, status in pf.rows("teams", ("status",)):
        if status in _OUT_TEAM:
            t_out[tid] = _c(GREY, R["team_out"], status=EnumValue(status))
        else:
            t_out[tid] = worst_open(worst_t.get(tid), tid in done_t)

    return {"milestones": m_out, "projects": p_out, "teams": t_out, "indicators": indicator_colours(pf, today, th)}


def indicator_colours(pf: Portfolio, today: dt.date, th: dict) -> dict[str, Colour]:
    """Every live indicator's colour (`th`: thresholds(pf))."""
    values: dict[str, list] = {}
    for v in pf.list("indicator_values"):
        values.setdefault(v["indicator_id"], []).append(v)
    return {i["id"]: indicator_colour(i, values.get(i["id"], []), today, th) for i in pf.list("indicators")}
