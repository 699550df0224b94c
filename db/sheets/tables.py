"""The tables the app shows (projects, milestones, challenges, teams, indicators) as plain rows
and columns for export: Chinese headers, a type per column (for the cell format), a width.

Choice values are written as stored (Chinese), so an exported project table imports back
unchanged; the last column is the record's UUID (系统编号), which the 台账 import matches on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from db import colours
from db.challenges import list_rows as listings
from db.i18n import QT_TRANSLATE_NOOP
from db.rows import indicators, register

if TYPE_CHECKING:
    from db.portfolio import Portfolio


@dataclass(frozen=True)
class XCol:
    key: str
    header: str  # Msg
    type: str = "text"  # text | money | number | int | pct | date | colour
    width: float = 12


ID_COL = XCol("id", QT_TRANSLATE_NOOP("Export", "系统编号（UUID）"), width=38)
COLOUR = XCol("colour", QT_TRANSLATE_NOOP("Export", "亮灯"), "colour", 7)
REASON = XCol("colour_reason", QT_TRANSLATE_NOOP("Export", "亮灯原因"), width=32)

PROJECT_COLS = (
    XCol("name", QT_TRANSLATE_NOOP("Export", "项目名称"), width=32),
    XCol("code", QT_TRANSLATE_NOOP("Export", "项目编号"), width=12),
    XCol("category", QT_TRANSLATE_NOOP("Export", "类别"), width=14),
    XCol("level", QT_TRANSLATE_NOOP("Export", "级别"), width=8),
    XCol("stage", QT_TRANSLATE_NOOP("Export", "阶段"), width=8),
    XCol("lead", QT_TRANSLATE_NOOP("Export", "牵头单位"), width=20),
    XCol("responsible", QT_TRANSLATE_NOOP("Export", "责任单位"), width=26),
    XCol("zone", QT_TRANSLATE_NOOP("Export", "片区/区县"), width=16),
    XCol("domain", QT_TRANSLATE_NOOP("Export", "产业方向"), width=14),
    XCol("total_investment", QT_TRANSLATE_NOOP("Export", "总投资（万元）"), "money", 14),
    XCol("invested_to_date", QT_TRANSLATE_NOOP("Export", "累计完成投资（万元）"), "money", 14),
    XCol("annual_plan_investment", QT_TRANSLATE_NOOP("Export", "年度计划投资（万元）"), "money", 14),
    XCol("annual_invested", QT_TRANSLATE_NOOP("Export", "年度已完成投资（万元）"), "money", 14),
    XCol("investment_pct", QT_TRANSLATE_NOOP("Export", "投资完成率（%）"), "pct", 10),
    XCol("planned_start", QT_TRANSLATE_NOOP("Export", "计划开工"), "date", 12),
    XCol("planned_finish", QT_TRANSLATE_NOOP("Export", "计划完工"), "date", 12),
    XCol("actual_start", QT_TRANSLATE_NOOP("Export", "实际开工"), "date", 12),
    XCol("actual_finish", QT_TRANSLATE_NOOP("Export", "实际完工"), "date", 12),
    XCol("next_milestone", QT_TRANSLATE_NOOP("Export", "下一里程碑"), width=26),
    XCol("next_date", QT_TRANSLATE_NOOP("Export", "下一里程碑计划日期"), "date", 12),
    COLOUR, REASON,
    XCol("summary", QT_TRANSLATE_NOOP("Export", "建设内容"), width=40),
    XCol("notes", QT_TRANSLATE_NOOP("Export", "备注"), width=30),
    XCol("source", QT_TRANSLATE_NOOP("Export", "来源"), width=28),
    ID_COL,
)
MILESTONE_COLS = (
    XCol("project", QT_TRANSLATE_NOOP("Export", "所属项目/揭榜方"), width=28),
    XCol("name", QT_TRANSLATE_NOOP("Export", "里程碑"), width=32),
    XCol("deliverable", QT_TRANSLATE_NOOP("Export", "交付成果"), width=20),
    XCol("owner", QT_TRANSLATE_NOOP("Export", "责任单位"), width=18),
    XCol("weight", QT_TRANSLATE_NOOP("Export", "权重"), "number", 7),
    XCol("baseline_date", QT_TRANSLATE_NOOP("Export", "基线日期"), "date", 12),
    XCol("planned_date", QT_TRANSLATE_NOOP("Export", "计划日期"), "date", 12),
    XCol("actual_date", QT_TRANSLATE_NOOP("Export", "实际完成日期"), "date", 12),
    XCol("status", QT_TRANSLATE_NOOP("Export", "状态"), width=8),
    XCol("slips", QT_TRANSLATE_NOOP("Export", "调整次数"), "int", 9),
    XCol("days_slipped", QT_TRANSLATE_NOOP("Export", "累计延期（天）"), "int", 10),
    COLOUR, REASON,
    XCol("notes", QT_TRANSLATE_NOOP("Export", "备注/佐证"), width=32),
    ID_COL,
)
CHALLENGE_COLS = (
    XCol("title", QT_TRANSLATE_NOOP("Export", "榜单名称"), width=32),
    XCol("code", QT_TRANSLATE_NOOP("Export", "榜单编号"), width=12),
    XCol("issue_mode", QT_TRANSLATE_NOOP("Export", "发榜方式"), width=10),
    XCol("stage", QT_TRANSLATE_NOOP("Export", "阶段"), width=10),
    XCol("domain", QT_TRANSLATE_NOOP("Export", "专项/领域"), width=20),
    XCol("issuer", QT_TRANSLATE_NOOP("Export", "发榜单位"), width=20),
    XCol("budget_fiscal", QT_TRANSLATE_NOOP("Export", "财政榜额（万元）"), "money", 13),
    XCol("budget_matching", QT_TRANSLATE_NOOP("Export", "配套榜额（万元）"), "money", 13),
    XCol("budget", QT_TRANSLATE_NOOP("Export", "榜额合计（万元）"), "money", 13),
    XCol("publish_date", QT_TRANSLATE_NOOP("Export", "发榜日期"), "date", 12),
    XCol("deadline", QT_TRANSLATE_NOOP("Export", "申报截止"), "date", 12),
    XCol("days_left", QT_TRANSLATE_NOOP("Export", "剩余天数"), "int", 9),
    XCol("duration_months", QT_TRANSLATE_NOOP("Export", "攻关周期（月）"), "int", 10),
    XCol("funding_mode", QT_TRANSLATE_NOOP("Export", "资助方式"), width=10),
    XCol("race_mode", QT_TRANSLATE_NOOP("Export", "揭榜方式"), width=10),
    XCol("race_slots", QT_TRANSLATE_NOOP("Export", "赛马队伍数"), "int", 9),
    XCol("applicants", QT_TRANSLATE_NOOP("Export", "申报团队"), "int", 9),
    XCol("selected", QT_TRANSLATE_NOOP("Export", "立项团队"), "int", 9),
    XCol("notes", QT_TRANSLATE_NOOP("Export", "备注"), width=30),
    ID_COL,
)
TEAM_COLS = (
    XCol("challenge", QT_TRANSLATE_NOOP("Export", "榜单"), width=30),
    XCol("name", QT_TRANSLATE_NOOP("Export", "团队名称"), width=24),
    XCol("unit", QT_TRANSLATE_NOOP("Export", "揭榜单位"), width=20),
    XCol("leader", QT_TRANSLATE_NOOP("Export", "挂帅人"), width=10),
    XCol("partners", QT_TRANSLATE_NOOP("Export", "联合体成员"), width=24),
    XCol("requested_funds", QT_TRANSLATE_NOOP("Export", "申请资金（万元）"), "money", 13),
    XCol("self_funds", QT_TRANSLATE_NOOP("Export", "自筹资金（万元）"), "money", 13),
    XCol("score", QT_TRANSLATE_NOOP("Export", "评审得分"), "number", 9),
    XCol("rank", QT_TRANSLATE_NOOP("Export", "排名"), "int", 7),
    XCol("status", QT_TRANSLATE_NOOP("Export", "状态"), width=8),
    XCol("pledge_signed_date", QT_TRANSLATE_NOOP("Export", "军令状签订日期"), "date", 13),
    COLOUR, REASON,
    XCol("notes", QT_TRANSLATE_NOOP("Export", "备注"), width=30),
    ID_COL,
)
INDICATOR_COLS = (
    XCol("plan", QT_TRANSLATE_NOOP("Export", "所属规划"), width=26),
    XCol("seq", QT_TRANSLATE_NOOP("Export", "序号"), width=6),
    XCol("name", QT_TRANSLATE_NOOP("Export", "指标"), width=34),
    XCol("unit", QT_TRANSLATE_NOOP("Export", "计量单位"), width=10),
    XCol("attribute", QT_TRANSLATE_NOOP("Export", "指标属性"), width=9),
    XCol("baseline_year", QT_TRANSLATE_NOOP("Export", "基期年份"), "int", 9),
    XCol("baseline", QT_TRANSLATE_NOOP("Export", "基期值"), "number", 11),
    XCol("target_year", QT_TRANSLATE_NOOP("Export", "目标年份"), "int", 9),
    XCol("target", QT_TRANSLATE_NOOP("Export", "目标值"), "number", 11),
)
INDICATOR_TAIL = (COLOUR, XCol("colour_reason", QT_TRANSLATE_NOOP("Export", "进度"), width=40),
                  XCol("source", QT_TRANSLATE_NOOP("Export", "来源"), width=30), ID_COL)

TITLES = {
    "projects": QT_TRANSLATE_NOOP("Export", "项目"),
    "milestones": QT_TRANSLATE_NOOP("Export", "里程碑"),
    "challenges": QT_TRANSLATE_NOOP("Export", "揭榜挂帅榜单"),
    "teams": QT_TRANSLATE_NOOP("Export", "揭榜方"),
    "indicators": QT_TRANSLATE_NOOP("Export", "指标"),
}


def _names(names: dict[str, str], ids) -> str:
    return "、".join(names.get(i, "") for i in ids if i)


def project_table(pf: Portfolio, cs: dict | None = None):
    """`cs`: all_colours(pf) when the caller has it (an export of every table computes it once)."""
    records = {p["id"]: p for p in pf.list("projects")}
    names = register.unit_names(pf)
    rows = []
    for r in register.project_rows(pf, colour_of=None if cs is None else cs["projects"]):
        p = records[r["id"]]
        rows.append({**p, "lead": names.get(p["lead_unit_id"] or "", ""),
                     "responsible": "、".join(names.get(u, "") for u in p["responsible_unit_ids"]),
                     "investment_pct": r["investment_pct"], "next_milestone": r["next_milestone"],
                     "next_date": r["next_date"], "colour": r["colour"], "colour_reason": r["colour_reason"],
                     "source": " · ".join(x for x in (p["source_doc"], p["source_ref"]) if x)})
    return PROJECT_COLS, rows


MILESTONE_FIELDS = ("project_id", "team_id", "name", "deliverable", "owner_unit_id", "weight", "baseline_date",
                    "planned_date", "actual_date", "status", "notes")


def milestone_table(pf: Portfolio, cs: dict | None = None):
    """Every milestone: the colours come from the one-pass engine (the same rules per record,
    tests/test_colours_all.py), names and re-plans from plain tuples — at 100,000 milestones the
    per-record colour and full decoding took most of an export."""
    names = register.unit_names(pf)
    colour_of = (cs or colours.all_colours(pf))["milestones"]
    projects = dict(pf.rows("projects", ("name",)))
    teams = dict(pf.rows("teams", ("name",)))
    per_ms: dict[str, list[int]] = {}
    for _rid, mid, days in pf.rows("replans", ("milestone_id", "days")):
        per_ms.setdefault(mid, []).append(days or 0)
    rows = []
    for m in pf.list("milestones", fields=MILESTONE_FIELDS, order="project_id, planned_date IS NULL, planned_date, rowid"):
        c = colour_of[m["id"]]
        days = per_ms.get(m["id"], [])
        rows.append({**m, "project": projects.get(m["project_id"] or "") or teams.get(m["team_id"] or "", ""),
                     "owner": names.get(m["owner_unit_id"] or "", ""), "slips": len(days),
                     "days_slipped": sum(d for d in days if d > 0), "colour": c.code, "colour_reason": c.reason})
    return MILESTONE_COLS, rows


def challenge_table(pf: Portfolio, cs: dict | None = None):
    records = {c["id"]: c for c in pf.list("challenges")}
    return CHALLENGE_COLS, [{**records[r["id"]], **{k: r[k] for k in ("issuer", "budget", "days_left",
                                                                       "applicants", "selected")}}
                            for r in listings.challenge_rows(pf)]


def team_table(pf: Portfolio, cs: dict | None = None):
    teams = (cs or colours.all_colours(pf))["teams"]
    titles = {c["id"]: c["title"] for c in pf.list("challenges")}
    names = register.unit_names(pf)
    rows = [{**t, "challenge": titles.get(t["challenge_id"], ""), "unit": names.get(t["unit_id"] or "", ""),
             "partners": _names(names, t["partner_unit_ids"]), "colour": teams[t["id"]].code,
             "colour_reason": teams[t["id"]].reason} for t in pf.list("teams")]
    return TEAM_COLS, rows


def indicator_table(pf: Portfolio, cs: dict | None = None):
    rows = indicators.table(pf, None)
    years = indicators.year_span(rows)
    cols = INDICATOR_COLS + tuple(XCol(f"y{y}", f"{y}", "number", 9) for y in years) + INDICATOR_TAIL
    out = []
    for r in rows:
        row = {**r, "baseline": _num_or_text(r["baseline_value"], r["baseline"]),
               "target": _num_or_text(r["target_value"], r["target"])}
        for y, v in r["values"].items():
            row[f"y{y}"] = _num_or_text(v["value"], v["text"])
        out.append(row)
    return cols, out


def _num_or_text(value, text):
    if value is not None and (text in (None, "") or text == f"{value:g}"):
        return value
    return text or value


TABLES = {"projects": project_table, "milestones": milestone_table, "challenges": challenge_table,
          "teams": team_table, "indicators": indicator_table}
