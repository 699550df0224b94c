"""The 正文's closing sections — 重大科技基础设施, 揭榜挂帅, 下周安排 — a few sentences each, the
details in 附表; and the 附表 of 规划指标."""
from __future__ import annotations

import datetime as dt

from db import colours
from db.documents.brief.blocks import MORE_SEE_ALL, Content, Rows, spans
from db.documents.brief.body import h, mark, unit, units
from db.documents.brief.tables import money, number, short_date
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum

EXITS = ("停缓建", "终止", "", "流榜")
T = {
    "fac_intro": QT_TRANSLATE_NOOP("brief", "纳入台账的重大科技基础设施共{n}个，其中红灯{red}个、黄灯{yellow}个。"),
    "fac_none": QT_TRANSLATE_NOOP("brief", "台账中暂无重大科技基础设施项目。"),
    "fac_watch": QT_TRANSLATE_NOOP("brief", "{name}：{reason}，责任单位{units}。"),
    "fac_more": QT_TRANSLATE_NOOP("brief", "各设施进展见附表{k}。"),
    "app_fac": QT_TRANSLATE_NOOP("brief", "重大科技基础设施进展"),
    "ch_intro": QT_TRANSLATE_NOOP("brief", "共有揭榜挂帅榜单{n}个，榜额合计{budget}；已发榜及以后阶段{published}个，已立项{selected}个。"),
    "ch_none": QT_TRANSLATE_NOOP("brief", "台账中暂无揭榜挂帅榜单。"),
    "ch_week": QT_TRANSLATE_NOOP(
        "brief", "本周榜单阶段变化{events}项、里程碑考核{reviews}次；攻关里程碑逾期{overdue}个、本周到期{due}个。"),
    "ch_races": QT_TRANSLATE_NOOP("brief", "赛马制榜单{n}个，参与赛马的揭榜方{teams}支，名次见附表{k}。"),
    "ch_list": QT_TRANSLATE_NOOP("brief", "榜单清单见附表{k}。"),
    "app_ch": QT_TRANSLATE_NOOP("brief", "揭榜挂帅榜单"),
    "app_race": QT_TRANSLATE_NOOP("brief", "赛马比拼"),
    "app_ch_week": QT_TRANSLATE_NOOP("brief", "本周榜单进展"),
    "app_ch_due": QT_TRANSLATE_NOOP("brief", "攻关里程碑"),
    "ch_event": QT_TRANSLATE_NOOP("brief", "阶段：{from_}→{to}"),
    "ch_review": QT_TRANSLATE_NOOP("brief", "{team}里程碑考核：{result}"),
    "overdue_tag": QT_TRANSLATE_NOOP("brief", "逾期"),
    "this_week_tag": QT_TRANSLATE_NOOP("brief", "本周"),
    "next_week_tag": QT_TRANSLATE_NOOP("brief", "下周"),
    "next_intro": QT_TRANSLATE_NOOP("brief", "下周（{start}至{end}）需完成或推进的事项{n}项。"),
    "next_none": QT_TRANSLATE_NOOP("brief", "下周无到期的里程碑、申报截止和拨款事项。"),
    "app_next": QT_TRANSLATE_NOOP("brief", "下周到期事项"),
    "kind_deadline": QT_TRANSLATE_NOOP("brief", "榜单申报截止"),
    "kind_tranche": QT_TRANSLATE_NOOP("brief", "第{seq}批资金拨付"),
    "ind_intro": QT_TRANSLATE_NOOP(
        "brief",
        "纳入台账的规划指标{n}个，其中已填报实际值{reported}个；按序时进度，红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个；"
        "规划期已结束待核实{pending}个。"),
    "ind_none": QT_TRANSLATE_NOOP("brief", "台账中暂无规划指标。"),
    "app_ind": QT_TRANSLATE_NOOP("brief", "规划指标完成情况"),
    "year": QT_TRANSLATE_NOOP("brief", "（{year}年）"),
}
HEADERS = [
    QT_TRANSLATE_NOOP("brief", "设施名称"), QT_TRANSLATE_NOOP("brief", "牵头/责任单位"),
    QT_TRANSLATE_NOOP("brief", "阶段"),
    QT_TRANSLATE_NOOP("brief", "设施阶段"), QT_TRANSLATE_NOOP("brief", "累计/总投资"),
    QT_TRANSLATE_NOOP("brief", "榜单名称"), QT_TRANSLATE_NOOP("brief", "发榜单位"), QT_TRANSLATE_NOOP("brief", "榜额"),
    QT_TRANSLATE_NOOP("brief", "申报截止"), QT_TRANSLATE_NOOP("brief", "揭榜方式"),
    QT_TRANSLATE_NOOP("brief", "揭榜方"),
    QT_TRANSLATE_NOOP("brief", "榜单"), QT_TRANSLATE_NOOP("brief", "揭榜单位"), QT_TRANSLATE_NOOP("brief", "挂帅人"),
    QT_TRANSLATE_NOOP("brief", "状态"), QT_TRANSLATE_NOOP("brief", "评审得分"), QT_TRANSLATE_NOOP("brief", "最近考核"),
    QT_TRANSLATE_NOOP("brief", "日期"), QT_TRANSLATE_NOOP("brief", "所属项目/榜单"), QT_TRANSLATE_NOOP("brief", "规划"),
    QT_TRANSLATE_NOOP("brief", "指标"), QT_TRANSLATE_NOOP("brief", "单位"), QT_TRANSLATE_NOOP("brief", "基期"),
    QT_TRANSLATE_NOOP("brief", "目标"), QT_TRANSLATE_NOOP("brief", "最新实际"), QT_TRANSLATE_NOOP("brief", "进度说明"),
]
H = {str(m): m for m in HEADERS}


def hh(*keys) -> list[str]:
    """Headers from this module's list, else body.py's."""
    return [tr(H[k]) if k in H else h(k)[0] for k in keys]


def facilities_section(c: Content, f: dict, title: str) -> None:
    fac = f["facilities"]
    c.section(title)
    if not fac:
        c.para(tr(T["fac_none"]))
        return
    red = sum(x["colour"] == colours.RED for x in fac)
    yellow = sum(x["colour"] == colours.YELLOW for x in fac)
    ranked = sorted(fac, key=lambda x: -colours.SEVERITY[x["colour"]])  # stable: the ledger's order on ties
    a = c.appendix(tr(T["app_fac"]), hh("序号", "设施名称", "牵头/责任单位", "阶段", "设施阶段", "亮灯", "说明",
                                       "累计/总投资"), Rows(ranked, lambda k, x: [
        k, x["name"], units(x), x["stage"] or "—", x["phase"] or "—", mark(x["colour"]), x["reason"],
        f"{money(x['invested'])}/{money(x['total'])}" if x["total"] else "—"]),
        (2.4, 8, 6, 3.2, 3.6, 3, 9, 5.6), "clllccll")
    text = tr(T["fac_intro"], n=len(fac), red=red, yellow=yellow)
    for x in ranked[:c.limits.watch]:
        if x["colour"] in (colours.RED, colours.YELLOW):
            text += tr(T["fac_watch"], name=x["name"], units=unit(x), reason=x["reason"])
    c.para(text + tr(T["fac_more"], k=a.number))


def challenges_section(c: Content, f: dict, title: str) -> None:
    ch = f["challenges"]
    rows = ch["rows"]
    c.section(title)
    if not rows:
        c.para(tr(T["ch_none"]))
        return
    counts = {x["stage"]: x["count"] for x in ch["funnel"]}
    stages = [x["stage"] for x in ch["funnel"]]
    published = sum(n for s, n in counts.items() if stages.index(s) >= stages.index("已发榜") and s not in EXITS)
    selected = sum(n for s, n in counts.items() if stages.index(s) >= stages.index("已立项") and s not in EXITS)
    text = tr(T["ch_intro"], n=len(rows), budget=money(sum(r["budget"] for r in rows)), published=published,
              selected=selected)
    text += tr(T["ch_week"], events=len(ch["events"]), reviews=len(ch["reviews"]), overdue=len(ch["due"]["overdue"]),
               due=len(ch["due"]["this_week"]))
    header = hh("序号", "榜单名称", "发榜单位", "阶段", "榜额", "申报截止", "揭榜方式", "揭榜方")
    a = c.appendix(tr(T["app_ch"]), header, Rows(rows, lambda k, r: [
        k, r["title"], r["issuer"] or "—", r["stage"], money(r["budget"]) if r["budget"] else "—",
        r["deadline"] or "—", r["race_mode"], f"{r['selected']}/{r['applicants']}"]),
        (2.4, 11, 6, 4, 4.6, 5, 4.2, 3.6), "cllccccc")
    text += tr(T["ch_list"], k=a.number)
    if ch["races"]:
        race_rows = Rows([(race, s) for race in ch["races"] for s in race["teams"]], lambda _k, rs: [
            rs[0]["title"], rs[1]["rank"] or "—", rs[1]["name"], rs[1]["unit"] or "—", rs[1]["leader"] or "—",
            tr_enum(rs[1]["status"]), number(rs[1]["score"]) or "—",
            f"{rs[1]['review']['date']} {tr_enum(rs[1]['review']['result'])}" if rs[1]["review"] else "—",
            mark(rs[1]["colour"])])
        r = c.appendix(tr(T["app_race"]), hh("榜单", "名次", "揭榜方", "揭榜单位", "挂帅人", "状态", "评审得分",
                                             "最近考核", "亮灯"), race_rows, (7, 2.4, 6, 6, 3.4, 3, 3.2, 5.6, 3),
                       "lcllllccc")
        text += tr(T["ch_races"], n=len(ch["races"]), teams=len(race_rows), k=r.number)
    c.para(text)
    events = [[e["date"], e["title"], tr(T["ch_event"], from_=tr_enum(e["from_stage"]) or "—",
                                         to=tr_enum(e["to_stage"])) + (f"（{e['note']}）" if e["note"] else "")]
              for e in ch["events"]]
    events += [[r["date"], r["title"], tr(T["ch_review"], team=r["team"], result=tr_enum(r["result"]))
                + (f"（{number(r['score'])}）" if r["score"] is not None else "")] for r in ch["reviews"]]
    events.sort(key=lambda e: (e[0], e[1]))
    if events:
        c.appendix(tr(T["app_ch_week"]), hh("序号", "日期", "榜单", "事项"), [[k, *e] for k, e in enumerate(events, 1)],
                   (2.4, 5, 14, 16), "ccll")
    tags = (("overdue", T["overdue_tag"]), ("this_week", T["this_week_tag"]), ("next_week", T["next_week_tag"]))
    due = [(tr(tag), i) for key, tag in tags for i in ch["due"][key]]
    if due:
        c.appendix(tr(T["app_ch_due"]), hh("类别", "揭榜方", "里程碑", "责任单位", "计划日期", "说明"), Rows(
            due, lambda _k, ti: [ti[0], ti[1]["project"], ti[1]["name"], units(ti[1]), ti[1]["planned_date"],
                                 mark(ti[1]["colour"]) + spans(" " + ti[1]["reason"])]), (2.6, 9, 9, 6, 5, 7), "clllcl")


def _next_rows(f: dict, who=units) -> Rows:
    def row(_k: int, i: dict) -> list:
        if i["kind"] == "milestone":
            what = i["what"]
        elif i["kind"] == "deadline":
            what = tr(T["kind_deadline"])
        else:
            what = tr(T["kind_tranche"], seq=i["what"]) + (f"（{money(i['amount'])}）" if i.get("amount") else "")
        return [i["date"], what, i["owner"], who(i)]
    return Rows(f["next_week"], row)


def next_week_section(c: Content, f: dict, title: str) -> None:
    items = f["next_week"]
    c.section(title)
    start, end = f["monday"] + dt.timedelta(days=7), f["sunday"] + dt.timedelta(days=7)
    if not items:
        c.para(tr(T["next_none"]))
        return
    c.para(tr(T["next_intro"], start=short_date(start), end=short_date(end), n=len(items)))
    widths = (5.4, 12, 11.6, 7)
    header = hh("日期", "事项", "所属项目/榜单", "责任单位")
    a = c.appendix(tr(T["app_next"]), header, _next_rows(f), widths, "clll") \
        if len(items) > c.limits.next_week else None
    if c.limits.next_week:
        c.table(header, _next_rows(f, unit), widths, "clll", cap=c.limits.next_week, appendix=a)
    elif a:
        c.para(tr(MORE_SEE_ALL, k=a.number), style="note")


def _value(text, value, year) -> str:
    shown = text if text not in (None, "") else number(value)
    if not shown:
        return "—"
    return shown + (tr(T["year"], year=year) if year else "")


def indicators_appendix(c: Content, f: dict) -> None:
    every = [(plan, i) for plan, items in f["indicators"] for i in items]
    if not every:
        return
    counts = {code: sum(i["colour"] == code for _, i in every) for code in colours.COLOURS}
    reported = sum(i["latest"] is not None for _, i in every)
    ranked = sorted(every, key=lambda pi: -colours.SEVERITY[pi[1]["colour"]])  # stable: plan order on ties
    header = hh("序号", "规划", "指标", "单位", "基期", "目标", "最新实际", "亮灯", "进度说明")
    c.appendix(tr(T["app_ind"]), header, Rows(ranked, lambda k, pi: [
        k, pi[0], pi[1]["name"], pi[1]["unit"] or "—",
        _value(pi[1]["baseline_text"], pi[1]["baseline"], pi[1]["baseline_year"]),
        _value(pi[1]["target_text"], pi[1]["target"], pi[1]["target_year"]),
        _value(pi[1]["latest_text"], pi[1]["latest"], pi[1]["latest_year"]), mark(pi[1]["colour"]), pi[1]["reason"]]),
        (2.2, 5, 7, 2.6, 4.2, 4.2, 4.2, 3, 8), "cllcccccl",
        intro=tr(T["ind_intro"], n=len(every), reported=reported,
                 **{k: v for k, v in counts.items() if k != "grey"}))
