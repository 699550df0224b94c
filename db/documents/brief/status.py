"""Sections 五 to 七 and the 附表: 亮灯情况, 问题清单, 下周安排, 规划指标完成情况."""
from __future__ import annotations

import datetime as dt

from db import colours
from db.documents.brief import charts, styles
from db.documents.brief.context import CAPTION, KEEP, Ctx
from db.documents.brief.tables import esc, mark, markup, money, number, pct, short_date, table, widths
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.rows.overview import NOT_SET

CHART_UNITS = 15
T = {
    "by_unit": QT_TRANSLATE_NOOP("brief", "各责任单位亮灯情况"),
    "fig_units": QT_TRANSLATE_NOOP("brief", "各责任单位项目亮灯情况（红黄灯多者在前，列前{n}个）"),
    "units_rest": QT_TRANSLATE_NOOP("brief", "其余{n}个单位均无红灯、黄灯项目。"),
    "units_all_clear": QT_TRANSLATE_NOOP("brief", "各责任单位均无红灯、黄灯项目。"),
    "list": QT_TRANSLATE_NOOP("brief", "红灯、黄灯项目清单（{n}个）"),
    "list_none": QT_TRANSLATE_NOOP("brief", "本周无红灯、黄灯项目。"),
    "ranking": QT_TRANSLATE_NOOP("brief", "责任单位赛马比拼"),
    "ranking_rest": QT_TRANSLATE_NOOP("brief", "另有{n}个单位暂无到期里程碑，未参与排名。"),
    "ranking_none": QT_TRANSLATE_NOOP("brief", "暂无到期里程碑，各单位未参与排名。"),
    "issues_intro": QT_TRANSLATE_NOOP("brief", "本周需协调解决的问题{n}项：受阻里程碑{blocked}项，红灯项目{red}项。"),
    "issues_none": QT_TRANSLATE_NOOP("brief", "本周无受阻里程碑和红灯项目。"),
    "blocked": QT_TRANSLATE_NOOP("brief", "受阻"),
    "red": QT_TRANSLATE_NOOP("brief", "滞后"),
    "no_detail": QT_TRANSLATE_NOOP("brief", "（未填写受阻原因）"),
    "next_intro": QT_TRANSLATE_NOOP("brief", "下周（{start}至{end}）需完成或推进的事项{n}项。"),
    "next_none": QT_TRANSLATE_NOOP("brief", "下周无到期的里程碑、申报截止和拨款事项。"),
    "kind_milestone": QT_TRANSLATE_NOOP("brief", "里程碑到期"),
    "kind_deadline": QT_TRANSLATE_NOOP("brief", "榜单申报截止"),
    "kind_tranche": QT_TRANSLATE_NOOP("brief", "第{seq}批资金拨付"),
    "ind_intro": QT_TRANSLATE_NOOP("brief", "纳入台账的规划指标{n}个，其中已填报实际值{reported}个；按序时进度，红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个；规划期已结束待核实{pending}个。"),
    "ind_none": QT_TRANSLATE_NOOP("brief", "台账中暂无规划指标。"),
    "year": QT_TRANSLATE_NOOP("brief", "（{year}年）"),
}
HEADERS = [
    QT_TRANSLATE_NOOP("brief", "责任单位"), QT_TRANSLATE_NOOP("brief", "红灯"), QT_TRANSLATE_NOOP("brief", "黄灯"),
    QT_TRANSLATE_NOOP("brief", "绿灯"), QT_TRANSLATE_NOOP("brief", "蓝灯"), QT_TRANSLATE_NOOP("brief", "灰灯"),
    QT_TRANSLATE_NOOP("brief", "待核实"),
    QT_TRANSLATE_NOOP("brief", "合计"), QT_TRANSLATE_NOOP("brief", "序号"), QT_TRANSLATE_NOOP("brief", "项目"),
    QT_TRANSLATE_NOOP("brief", "亮灯"), QT_TRANSLATE_NOOP("brief", "原因"), QT_TRANSLATE_NOOP("brief", "名次"),
    QT_TRANSLATE_NOOP("brief", "项目数"), QT_TRANSLATE_NOOP("brief", "到期"), QT_TRANSLATE_NOOP("brief", "按期"),
    QT_TRANSLATE_NOOP("brief", "按期率"), QT_TRANSLATE_NOOP("brief", "延期天数"),
    QT_TRANSLATE_NOOP("brief", "投资完成率"), QT_TRANSLATE_NOOP("brief", "问题事项"),
    QT_TRANSLATE_NOOP("brief", "类型"), QT_TRANSLATE_NOOP("brief", "情况说明"), QT_TRANSLATE_NOOP("brief", "日期"),
    QT_TRANSLATE_NOOP("brief", "事项"), QT_TRANSLATE_NOOP("brief", "所属项目/榜单"),
    QT_TRANSLATE_NOOP("brief", "指标"), QT_TRANSLATE_NOOP("brief", "单位"), QT_TRANSLATE_NOOP("brief", "基期"),
    QT_TRANSLATE_NOOP("brief", "目标"), QT_TRANSLATE_NOOP("brief", "最新实际"), QT_TRANSLATE_NOOP("brief", "进度说明"),
]
H = {str(m): m for m in HEADERS}


def h(*keys) -> list[str]:
    return [tr(H[k]) for k in keys]


def units(i: dict) -> str:
    return "、".join(i.get("units") or []) or "—"


def colours_section(c: Ctx) -> list:
    o = c.facts["overview"]
    by_unit = o["colours"]["by_unit"]
    none = tr(NOT_SET)
    ranked = sorted(((u, n) for u, n in by_unit.items()),
                    key=lambda un: (un[0] == none, -un[1]["red"], -un[1]["yellow"], -sum(un[1].values()), un[0]))
    flagged = [(u, n) for u, n in ranked if n["red"] or n["yellow"]]
    shown = [(u, n) for u, n in ranked if u != none][:CHART_UNITS]
    chart = charts.colour_by_unit(shown, c.fonts.body, styles.WIDTH) if shown else None
    out = c.sub(tr(T["by_unit"]), need=chart.height + CAPTION + 40 if chart else KEEP)
    if chart:
        out.append(c.figure(chart, tr(T["fig_units"], n=len(shown))))
    if flagged:
        out.append(table(c.st, h("序号", "责任单位", "红灯", "黄灯", "绿灯", "蓝灯", "灰灯", "待核实", "合计"), [
            [k, u, n["red"], n["yellow"], n["green"], n["blue"], n["grey"], n.get("pending", 0), sum(n.values())]
            for k, (u, n) in enumerate(flagged, 1)], widths(2.4, 12, 3, 3, 3, 3, 3, 3.6, 3.4), "clrrrrrrr"))
        rest = sum(u != none for u in by_unit) - sum(u != none for u, _ in flagged)
        if rest:
            out.append(c.p(tr(T["units_rest"], n=rest), "note"))
    else:
        out.append(c.p(tr(T["units_all_clear"])))
    items = c.facts["red_yellow"]
    out += c.sub(tr(T["list"], n=len(items)))
    if items:
        out.append(table(c.st, h("序号", "项目", "责任单位", "亮灯", "原因"), [
            [k, i["name"], units(i), markup(mark(i["colour"])), i["reason"]] for k, i in enumerate(items, 1)],
            widths(2.4, 10, 7, 3.2, 14), "cllcl"))
    else:
        out.append(c.p(tr(T["list_none"])))
    ranking = o["unit_ranking"]
    racing = [u for u in ranking["units"] if u["due"]]
    out += c.sub(tr(T["ranking"]))
    if racing:
        out.append(table(c.st, h("名次", "责任单位", "项目数", "到期", "按期", "按期率", "延期天数", "红灯", "投资完成率"), [
            [u["rank"], u["unit"], u["projects"], u["due"], u["on_time"], pct(u["on_time_rate"]),
             number(u["days_slipped"]), u["red"], pct(u["investment_pct"])] for u in racing],
            widths(2.4, 10, 3.2, 2.6, 2.6, 3.6, 3.6, 2.6, 4.6), "clrrrrrrr"))
        out.append(c.p(ranking["rule"], "note"))
        if len(ranking["units"]) > len(racing):
            out.append(c.p(tr(T["ranking_rest"], n=len(ranking["units"]) - len(racing)), "note"))
    else:
        out.append(c.p(tr(T["ranking_none"])))
    return out


def _dot(code: str) -> str:
    return f'<font color="{colours.HEX[code]}">●</font>'


def issues_section(c: Ctx) -> list:
    issues = c.facts["issues"]
    if not issues:
        return [c.p(tr(T["issues_none"]))]
    blocked = sum(i["kind"] == "blocked" for i in issues)
    rows = []
    for k, i in enumerate(issues, 1):
        if i["kind"] == "blocked":
            what = f"{i['owner']}：{i['name']}" if i["owner"] else i["name"]
            rows.append([k, what, units(i), markup(_dot(colours.RED) + esc(tr(T["blocked"]))),
                         i["detail"] or tr(T["no_detail"])])
        else:
            rows.append([k, i["owner"], units(i), markup(_dot(colours.RED) + esc(tr(T["red"]))), i["detail"]])
    return [c.p(tr(T["issues_intro"], n=len(issues), blocked=blocked, red=len(issues) - blocked)),
            table(c.st, h("序号", "问题事项", "责任单位", "类型", "情况说明"), rows, widths(2.4, 10.5, 6, 3.6, 13.5),
                  "cllcl")]


def next_week_section(c: Ctx) -> list:
    items = c.facts["next_week"]
    start, end = c.facts["monday"] + dt.timedelta(days=7), c.facts["sunday"] + dt.timedelta(days=7)
    if not items:
        return [c.p(tr(T["next_none"]))]
    rows = []
    for k, i in enumerate(items, 1):
        if i["kind"] == "milestone":
            what = i["what"]
        elif i["kind"] == "deadline":
            what = tr(T["kind_deadline"])
        else:
            what = tr(T["kind_tranche"], seq=i["what"]) + (f"（{money(i['amount'])}）" if i.get("amount") else "")
        rows.append([k, i["date"], what, i["owner"], units(i)])
    return [c.p(tr(T["next_intro"], start=short_date(start), end=short_date(end), n=len(items))),
            table(c.st, h("序号", "日期", "事项", "所属项目/榜单", "责任单位"), rows, widths(2.4, 5, 12, 11, 6.4),
                  "ccll")]


def _value(text, value, year):
    """A value with its year underneath, smaller."""
    shown = text if text not in (None, "") else number(value)
    if not shown:
        return "—"
    if not year:
        return shown
    return markup(f'{esc(shown)}<br/><font size="7.5">{esc(tr(T["year"], year=year))}</font>')


def indicators_section(c: Ctx) -> list:
    groups = c.facts["indicators"]
    every = [i for _, items in groups for i in items]
    if not every:
        return [c.p(tr(T["ind_none"]))]
    counts = {code: sum(i["colour"] == code for i in every) for code in colours.COLOURS}
    reported = sum(i["latest"] is not None for i in every)
    out = [c.p(tr(T["ind_intro"], n=len(every), reported=reported, **{k: v for k, v in counts.items() if k != "grey"}))]
    for plan, items in groups:
        out += c.sub(plan)
        out.append(table(c.st, h("序号", "指标", "单位", "基期", "目标", "最新实际", "亮灯", "进度说明"), [
            [i["seq"] or k, i["name"], i["unit"] or "—", _value(i["baseline_text"], i["baseline"], i["baseline_year"]),
             _value(i["target_text"], i["target"], i["target_year"]),
             _value(i["latest_text"], i["latest"], i["latest_year"]), markup(mark(i["colour"])), i["reason"]]
            for k, i in enumerate(items, 1)], widths(2.4, 8.6, 3.2, 5, 5, 5, 3.2, 9), "clcccccl"))
    return out
