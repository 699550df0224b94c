"""Sections 一 to 四: 总体情况, 重点项目进展, 重大科技基础设施, 揭榜挂帅进展."""
from __future__ import annotations

from db import colours
from db.documents.brief import charts, styles
from db.documents.brief.context import CAPTION, Ctx
from db.documents.brief.tables import (
    NONE_THIS_WEEK,
    cn_date,
    esc,
    mark,
    markup,
    money,
    number,
    pct,
    short_date,
    table,
    widths,
)
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum

T = {
    "counts": QT_TRANSLATE_NOOP("brief", "截至{date}，台账共有项目{projects}个、里程碑{milestones}个、揭榜挂帅榜单{challenges}个、规划指标{indicators}个。"),
    "week": QT_TRANSLATE_NOOP("brief", "本周（{start}至{end}）新录入项目{new}个、里程碑{new_ms}个，完成里程碑{done}个，调整里程碑计划{replans}次（累计推迟{days}天）。"),
    "deleted": QT_TRANSLATE_NOOP("brief", "本周删除项目{n}个。"),
    "entries": QT_TRANSLATE_NOOP("brief", "另有专项计划{programmes}个、规划任务{tasks}个，不计入项目数和亮灯统计。"),
    "colours": QT_TRANSLATE_NOOP("brief", "亮灯情况：红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个、灰灯{grey}个，待核实{pending}个。"),
    "pending": QT_TRANSLATE_NOOP("brief", "规划期已结束、尚未填报完成情况的目标（待核实，不计入逾期）：里程碑{milestones}个、指标{indicators}个，其中{plans}。"),
    "pending_plan": QT_TRANSLATE_NOOP("brief", "{plan}里程碑{milestones}个、指标{indicators}个"),
    "fac_pending": QT_TRANSLATE_NOOP("brief", "待核实：{reason}。"),
    "pace": QT_TRANSLATE_NOOP("brief", "投资进度：年度计划投资{plan}，已完成{done}，完成率{pct}，序时进度{expected}，{relation}。"),
    "ahead": QT_TRANSLATE_NOOP("brief", "快于序时进度{gap:.1f}个百分点"),
    "behind": QT_TRANSLATE_NOOP("brief", "慢于序时进度{gap:.1f}个百分点"),
    "no_pace": QT_TRANSLATE_NOOP("brief", "投资进度：暂无填报年度计划投资的项目。"),
    "started": QT_TRANSLATE_NOOP("brief", "开工情况：已开工（含在建、投产、达产）项目{started}个，占已明确阶段项目（{staged}个）的{rate}。"),
    "unset": QT_TRANSLATE_NOOP("brief", "另有{n}个项目尚未填写所处阶段。"),
    "fig_stages": QT_TRANSLATE_NOOP("brief", "项目阶段分布"),
    "fig_pace": QT_TRANSLATE_NOOP("brief", "年度投资完成率与序时进度"),
    "all_projects": QT_TRANSLATE_NOOP("brief", "全部项目"),
    "no_stage": QT_TRANSLATE_NOOP("brief", "未填阶段"),
    "done": QT_TRANSLATE_NOOP("brief", "本周完成里程碑（{n}个）"),
    "due": QT_TRANSLATE_NOOP("brief", "本周到期未完成里程碑（{n}个）"),
    "overdue": QT_TRANSLATE_NOOP("brief", "逾期未完成里程碑（{n}个）"),
    "replans": QT_TRANSLATE_NOOP("brief", "本周里程碑计划调整（{n}次）"),
    "fac_intro": QT_TRANSLATE_NOOP("brief", "纳入台账的重大科技基础设施共{n}个，其中红灯{red}个、黄灯{yellow}个。"),
    "fac_none": QT_TRANSLATE_NOOP("brief", "台账中暂无重大科技基础设施项目。"),
    "fac_line": QT_TRANSLATE_NOOP("brief", "亮灯：{colour}灯，{reason}。"),
    "fac_no_ms": QT_TRANSLATE_NOOP("brief", "以下设施暂未录入里程碑：{names}。"),
    "ch_overall": QT_TRANSLATE_NOOP("brief", "榜单总体情况"),
    "ch_intro": QT_TRANSLATE_NOOP("brief", "共有揭榜挂帅榜单{n}个，榜额合计{budget}；已发榜及以后阶段{published}个，已立项{selected}个。"),
    "ch_none": QT_TRANSLATE_NOOP("brief", "台账中暂无揭榜挂帅榜单。"),
    "fig_ch": QT_TRANSLATE_NOOP("brief", "揭榜挂帅榜单阶段分布"),
    "ch_week": QT_TRANSLATE_NOOP("brief", "本周榜单进展"),
    "ch_week_none": QT_TRANSLATE_NOOP("brief", "本周无榜单阶段变化和里程碑考核。"),
    "ch_event": QT_TRANSLATE_NOOP("brief", "阶段：{from_}→{to}"),
    "ch_review": QT_TRANSLATE_NOOP("brief", "{team}里程碑考核：{result}"),
    "ch_due": QT_TRANSLATE_NOOP("brief", "攻关里程碑"),
    "ch_due_none": QT_TRANSLATE_NOOP("brief", "暂无本周、下周到期或逾期的攻关里程碑。"),
    "race": QT_TRANSLATE_NOOP("brief", "赛马比拼"),
    "race_none": QT_TRANSLATE_NOOP("brief", "暂无赛马制榜单。"),
    "race_title": QT_TRANSLATE_NOOP("brief", "{title}（{stage}，赛马队伍{slots}支）"),
    "overdue_tag": QT_TRANSLATE_NOOP("brief", "逾期"),
    "this_week_tag": QT_TRANSLATE_NOOP("brief", "本周"),
    "next_week_tag": QT_TRANSLATE_NOOP("brief", "下周"),
}
HEADERS = [
    QT_TRANSLATE_NOOP("brief", "序号"), QT_TRANSLATE_NOOP("brief", "项目"), QT_TRANSLATE_NOOP("brief", "里程碑"),
    QT_TRANSLATE_NOOP("brief", "责任单位"), QT_TRANSLATE_NOOP("brief", "计划日期"),
    QT_TRANSLATE_NOOP("brief", "完成日期"), QT_TRANSLATE_NOOP("brief", "逾期天数"), QT_TRANSLATE_NOOP("brief", "亮灯"),
    QT_TRANSLATE_NOOP("brief", "原计划"), QT_TRANSLATE_NOOP("brief", "新计划"), QT_TRANSLATE_NOOP("brief", "调整天数"),
    QT_TRANSLATE_NOOP("brief", "调整原因"), QT_TRANSLATE_NOOP("brief", "设施名称"),
    QT_TRANSLATE_NOOP("brief", "牵头/责任单位"), QT_TRANSLATE_NOOP("brief", "阶段"),
    QT_TRANSLATE_NOOP("brief", "设施阶段"), QT_TRANSLATE_NOOP("brief", "累计/总投资"),
    QT_TRANSLATE_NOOP("brief", "实际完成"), QT_TRANSLATE_NOOP("brief", "状态"), QT_TRANSLATE_NOOP("brief", "说明"),
    QT_TRANSLATE_NOOP("brief", "榜单名称"), QT_TRANSLATE_NOOP("brief", "发榜单位"), QT_TRANSLATE_NOOP("brief", "榜额"),
    QT_TRANSLATE_NOOP("brief", "申报截止"), QT_TRANSLATE_NOOP("brief", "揭榜方式"),
    QT_TRANSLATE_NOOP("brief", "揭榜方"), QT_TRANSLATE_NOOP("brief", "日期"), QT_TRANSLATE_NOOP("brief", "榜单"),
    QT_TRANSLATE_NOOP("brief", "事项"), QT_TRANSLATE_NOOP("brief", "类别"), QT_TRANSLATE_NOOP("brief", "名次"),
    QT_TRANSLATE_NOOP("brief", "揭榜单位"), QT_TRANSLATE_NOOP("brief", "挂帅人"),
    QT_TRANSLATE_NOOP("brief", "评审得分"), QT_TRANSLATE_NOOP("brief", "最近考核"),
]
MAX_DETAILED = 30  # facilities / races given a sub-section of their own; the rest are counted
MAX_NAMES = 40
MORE_DETAIL = QT_TRANSLATE_NOOP("brief", "另有 {n} 项的明细未列出，详见台账。")

H = {str(m): m for m in HEADERS}
EXITS = ("停缓建", "终止", "", "流榜")


def h(*keys) -> list[str]:
    return [tr(H[k]) for k in keys]


def units(i: dict) -> str:
    return "、".join(i.get("units") or [])


def overview_section(c: Ctx) -> list:
    f = c.facts
    o, w = f["overview"], f["week"]
    total = o["colours"]["total"]
    counts = o["counts"]
    entries = tr(T["entries"], **counts) if counts.get("programmes") or counts.get("tasks") else ""
    out = [c.p(tr(T["counts"], date=cn_date(f["as_of"]), **counts) + entries),
           c.p(tr(T["week"], start=short_date(f["monday"]), end=short_date(f["sunday"]), new=len(w["new_projects"]),
                  new_ms=w["new_milestones"], done=len(w["completed"]), replans=len(w["replans"]),
                  days=w["days_slipped"]) + (tr(T["deleted"], n=len(w["deleted_projects"]))
                                             if w["deleted_projects"] else "")),
           c.p(tr(T["colours"], **total))]
    pend = o.get("pending") or {}
    if pend.get("milestones") or pend.get("indicators"):
        plans = "；".join(tr(T["pending_plan"], **e) for e in pend["by_plan"])
        out.append(c.p(tr(T["pending"], milestones=pend["milestones"], indicators=pend["indicators"], plans=plans)))
    inv = o["investment"]["overall"]
    if inv["annual_plan"]:
        gap = inv["gap"]
        relation = tr(T["ahead"] if gap >= 0 else T["behind"], gap=abs(gap))
        out.append(c.p(tr(T["pace"], plan=money(inv["annual_plan"]), done=money(inv["annual_done"]),
                          pct=pct(inv["completed_pct"]), expected=pct(inv["expected_pct"]), relation=relation)))
    else:
        out.append(c.p(tr(T["no_pace"])))
    s = f["started"]
    text = tr(T["started"], started=s["started"], staged=s["staged"], rate=pct(s["rate"])) if s["staged"] else ""
    if s["unset"]:
        text += tr(T["unset"], n=s["unset"])
    if text:
        out.append(c.p(text))
    stages = [(tr_enum(x["stage"]) or tr(T["no_stage"]), x["count"], x["stage"] in EXITS)
              for x in o["funnels"]["projects"] if x["count"] or x["stage"] not in EXITS]
    rows = [(tr(T["all_projects"]), inv["completed_pct"], inv["colour"])] if inv["annual_plan"] else []
    rows += [(cat, v["completed_pct"], v["colour"]) for cat, v in o["investment"]["by_category"].items()
             if v["completed_pct"] is not None]
    if not rows:
        out.append(c.figure(charts.funnel(stages, c.fonts.body, styles.WIDTH), tr(T["fig_stages"])))
        return out
    half = styles.WIDTH / 2 - 8
    out.append(c.figures_side_by_side([
        (charts.funnel(stages, c.fonts.body, half), tr(T["fig_stages"])),
        (charts.pace(rows, inv["expected_pct"], c.fonts.body, half), tr(T["fig_pace"]))]))
    return out


def _or_none(c: Ctx, rows: list, make) -> list:
    return [make()] if rows else [c.p(tr(NONE_THIS_WEEK))]


def projects_section(c: Ctx) -> list:
    f = c.facts
    done, due, overdue, replans = f["week"]["completed"], f["this_week"], f["overdue"], f["week"]["replans"]
    out = c.sub(tr(T["done"], n=len(done)))
    out += _or_none(c, done, lambda: table(c.st, h("序号", "项目", "里程碑", "责任单位", "计划日期", "完成日期"), [
        [k, i["owner"], i["name"], units(i), i["planned_date"], i["actual_date"]] for k, i in enumerate(done, 1)],
        widths(2.4, 9, 10, 7, 5, 5), "cllccc"))
    out += c.sub(tr(T["due"], n=len(due)))
    out += _or_none(c, due, lambda: table(c.st, h("序号", "项目", "里程碑", "责任单位", "计划日期", "亮灯"), [
        [k, i["owner"], i["name"], units(i), i["planned_date"], markup(mark(i["colour"]) + " " + esc(i["reason"]))]
        for k, i in enumerate(due, 1)], widths(2.4, 8.5, 9.5, 6.5, 5, 7.4), "cllcc"))
    out += c.sub(tr(T["overdue"], n=len(overdue)))
    out += _or_none(c, overdue, lambda: table(c.st, h("序号", "项目", "里程碑", "责任单位", "计划日期", "逾期天数"), [
        [k, i["owner"], i["name"], units(i) or "—", i["planned_date"], number(i["days_late"])]
        for k, i in enumerate(overdue, 1)], widths(2.4, 9.5, 11, 7, 5, 4), "cllccr"))
    out += c.sub(tr(T["replans"], n=len(replans)))
    out += _or_none(c, replans, lambda: table(c.st, h("序号", "项目", "里程碑", "原计划", "新计划", "调整天数", "调整原因"), [
        [k, r["project"], r["milestone"], r["old_date"] or "", r["new_date"], f"{r['days'] or 0:+d}", r["reason"]]
        for k, r in enumerate(replans, 1)], widths(2.4, 7, 7.5, 5, 5, 4, 7.4), "cllccrl"))
    return out


def facilities_section(c: Ctx) -> list:
    fac = c.facts["facilities"]
    if not fac:
        return [c.p(tr(T["fac_none"]))]
    red = sum(x["colour"] == colours.RED for x in fac)
    yellow = sum(x["colour"] == colours.YELLOW for x in fac)
    out = [c.p(tr(T["fac_intro"], n=len(fac), red=red, yellow=yellow)),
           table(c.st, h("序号", "设施名称", "牵头/责任单位", "阶段", "设施阶段", "亮灯", "累计/总投资"), [
               [k, x["name"], units(x) or "—", x["stage"] or "—", x["phase"] or "—", markup(mark(x["colour"])),
                f"{money(x['invested'])}/{money(x['total'])}" if x["total"] else "—"]
               for k, x in enumerate(fac, 1)], widths(2.4, 10, 8, 3.6, 4.4, 3.4, 7), "clllccc")]
    detailed = [x for x in fac if x["milestones"]]
    detailed.sort(key=lambda x: -colours.SEVERITY[x["colour"]])  # stable: the worst first
    for x in detailed[:MAX_DETAILED]:
        out += c.sub(x["name"])
        if x["colour"] == colours.PENDING:
            out.append(c.p(tr(T["fac_pending"], reason=x["reason"])))
        else:
            out.append(c.p(tr(T["fac_line"], colour=tr(colours.NAMES[x["colour"]]), reason=x["reason"])))
        out.append(table(c.st, h("序号", "里程碑", "责任单位", "计划日期", "实际完成", "状态", "说明"), [
            [k, m["name"], units(m) or "—", m["planned_date"], m["actual_date"], tr_enum(m["status"]),
             markup(mark(m["colour"]) + " " + esc(m["reason"]))] for k, m in enumerate(x["milestones"], 1)],
            widths(2.4, 10, 6, 5, 5, 3.4, 8), "cllccc"))
    if len(detailed) > MAX_DETAILED:
        out.append(c.p(tr(MORE_DETAIL, n=len(detailed) - MAX_DETAILED)))
    missing = [x["name"] for x in fac if not x["milestones"]]
    if missing:
        shown = "、".join(missing[:MAX_NAMES]) + ("…" if len(missing) > MAX_NAMES else "")
        out.append(c.p(tr(T["fac_no_ms"], names=shown)))
    return out


def challenges_section(c: Ctx) -> list:
    ch = c.facts["challenges"]
    rows = ch["rows"]
    if not rows:
        return c.sub(tr(T["ch_overall"])) + [c.p(tr(T["ch_none"]))]
    counts = {x["stage"]: x["count"] for x in ch["funnel"]}
    stages = [x["stage"] for x in ch["funnel"]]
    published = sum(n for s, n in counts.items() if stages.index(s) >= stages.index("已发榜") and s not in EXITS)
    selected = sum(n for s, n in counts.items() if stages.index(s) >= stages.index("已立项") and s not in EXITS)
    funnel = [(tr_enum(x["stage"]), x["count"], x["stage"] in EXITS) for x in ch["funnel"]
              if x["stage"] not in EXITS or x["count"]]
    chart = charts.funnel(funnel, c.fonts.body, styles.WIDTH)
    out = c.sub(tr(T["ch_overall"]), need=chart.height + CAPTION + 90)
    out.append(c.p(tr(T["ch_intro"], n=len(rows), budget=money(sum(r["budget"] for r in rows)),
                      published=published, selected=selected)))
    out.append(c.figure(chart, tr(T["fig_ch"])))
    out.append(table(c.st, h("序号", "榜单名称", "发榜单位", "阶段", "榜额", "申报截止", "揭榜方式", "揭榜方"), [
        [k, r["title"], r["issuer"] or "—", r["stage"], money(r["budget"]) if r["budget"] else "—",
         r["deadline"] or "—", r["race_mode"], f"{r['selected']}/{r['applicants']}"] for k, r in enumerate(rows, 1)],
        widths(2.4, 11, 6, 4, 4.6, 5, 4.2, 3.6), "cllccccc"))
    out += c.sub(tr(T["ch_week"]))
    events = [[e["date"], e["title"], tr(T["ch_event"], from_=tr_enum(e["from_stage"]) or "—", to=tr_enum(e["to_stage"]))
               + (f"（{e['note']}）" if e["note"] else "")] for e in ch["events"]]
    events += [[r["date"], r["title"], tr(T["ch_review"], team=r["team"], result=tr_enum(r["result"]))
                + (f"（{number(r['score'])}）" if r["score"] is not None else "")] for r in ch["reviews"]]
    events.sort(key=lambda e: (e[0], e[1]))
    out += [table(c.st, h("序号", "日期", "榜单", "事项"), [[k, *e] for k, e in enumerate(events, 1)],
                  widths(2.4, 5, 14, 16), "ccll")] if events else [c.p(tr(T["ch_week_none"]))]
    out += c.sub(tr(T["ch_due"]))
    tags = (("overdue", T["overdue_tag"]), ("this_week", T["this_week_tag"]), ("next_week", T["next_week_tag"]))
    due = [(tr(tag), i) for key, tag in tags for i in ch["due"][key]]
    out += [table(c.st, h("类别", "揭榜方", "里程碑", "责任单位", "计划日期", "说明"), [
        [tag, i["project"], i["name"], units(i) or "—", i["planned_date"], markup(mark(i["colour"]) + " " + esc(i["reason"]))]
        for tag, i in due], widths(2.6, 9, 9, 6, 5, 7), "clllcl")] if due else [c.p(tr(T["ch_due_none"]))]
    out += c.sub(tr(T["race"]))
    if not ch["races"]:
        return out + [c.p(tr(T["race_none"]))]
    for race in ch["races"][:MAX_DETAILED]:
        out.append(c.p(tr(T["race_title"], title=race["title"], stage=race["stage"],
                          slots=race["slots"] or len(race["teams"])), "caption"))
        out.append(table(c.st, h("名次", "揭榜方", "揭榜单位", "挂帅人", "状态", "评审得分", "最近考核", "亮灯"), [
            [s["rank"] or "—", s["name"], s["unit"] or "—", s["leader"] or "—", tr_enum(s["status"]),
             number(s["score"]) or "—",
             f"{s['review']['date']} {tr_enum(s['review']['result'])}" if s["review"] else "—",
             markup(mark(s["colour"]))] for s in race["teams"]],
            widths(2.4, 8, 7, 3.6, 3.4, 3.6, 6.4, 3.2), "cllllccc"))
    if len(ch["races"]) > MAX_DETAILED:
        out.append(c.p(tr(MORE_DETAIL, n=len(ch["races"]) - MAX_DETAILED)))
    return out
