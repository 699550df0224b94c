"""The 正文's leading sections: what changed since the last brief, what leadership must act on,
the colours by unit, the overall pace. Each writes a few sentences and at most one short table;
the long lists go to 附表 (blocks.Content.appendix)."""
from __future__ import annotations

from db import colours
from db.documents.brief import problems
from db.documents.brief.blocks import MORE_SEE, MORE_SEE_ALL, Content, Rows, Span, spans
from db.documents.brief.tables import cn_date, money, number, pct
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.rows.overview import NOT_SET

CHANGES = ("newly_red", "back", "slipped", "completed", "blocked")  # the order of Limits.changes
T = {
    "since_issue": QT_TRANSLATE_NOOP("brief", "与上期简报（第{number}期，截至{date}）相比，"),
    "since_week": QT_TRANSLATE_NOOP("brief", "与一周前（{date}）相比，"),
    "summary": QT_TRANSLATE_NOOP(
        "brief",
        "新增红灯项目{red}个，恢复正常{back}个；调整里程碑计划{slipped}次，累计推迟{days}天；完成里程碑{completed}个；新增受阻里程碑{blocked}个。"),  # noqa: E501 - a translation key, kept whole
    "new_projects": QT_TRANSLATE_NOOP("brief", "新录入项目{n}个。"),
    "deleted": QT_TRANSLATE_NOOP("brief", "删除项目{n}个。"),
    "no_change": QT_TRANSLATE_NOOP("brief", "无新增红灯、恢复正常、计划调整、完成或受阻事项。"),
    "cat_red": QT_TRANSLATE_NOOP("brief", "新增红灯"),
    "cat_back": QT_TRANSLATE_NOOP("brief", "恢复正常"),
    "cat_slipped": QT_TRANSLATE_NOOP("brief", "计划调整"),
    "cat_completed": QT_TRANSLATE_NOOP("brief", "完成"),
    "cat_blocked": QT_TRANSLATE_NOOP("brief", "新增受阻"),
    "was": QT_TRANSLATE_NOOP("brief", "原为{colour}灯；{reason}"),
    "slip": QT_TRANSLATE_NOOP("brief", "“{name}”由{old}调整至{new}（{days}天）：{reason}"),
    "slip_no_reason": QT_TRANSLATE_NOOP("brief", "未说明原因"),
    "done": QT_TRANSLATE_NOOP("brief", "“{name}”于{date}完成"),
    "blocked_what": QT_TRANSLATE_NOOP("brief", "“{name}”受阻：{detail}"),
    "no_detail": QT_TRANSLATE_NOOP("brief", "（未填写受阻原因）"),
    "units_more": QT_TRANSLATE_NOOP("brief", "{names}等{n}家"),
    "app_changes": QT_TRANSLATE_NOOP("brief", "本期变化明细"),
    "act_intro": QT_TRANSLATE_NOOP(
        "brief", "需协调解决的事项{n}项：受阻里程碑{blocked}项，逾期滞后项目{late}项，投资滞后项目{pace}项。按紧迫程度列出如下。"),
    "act_none": QT_TRANSLATE_NOOP("brief", "目前无受阻里程碑和红灯项目。"),
    "act_blocked": QT_TRANSLATE_NOOP("brief", "受阻"),
    "planned": QT_TRANSLATE_NOOP("brief", "原计划{date}完成"),
    "act_pace": QT_TRANSLATE_NOOP("brief", "年度投资"),
    "days": QT_TRANSLATE_NOOP("brief", "{n}天"),
    "stale": QT_TRANSLATE_NOOP(
        "brief",
        "另有{n}个里程碑（涉及{projects}个项目）逾期一年以上仍未填报完成情况，多为已结束规划期的目标，请责任单位核实后更新，详见附表{k}。"),
    "stale_no_ref": QT_TRANSLATE_NOOP(
        "brief", "另有{n}个里程碑（涉及{projects}个项目）逾期一年以上仍未填报完成情况，多为已结束规划期的目标，请责任单位核实后更新。"),
    "app_actions": QT_TRANSLATE_NOOP("brief", "需协调解决事项清单"),
    "app_stale": QT_TRANSLATE_NOOP("brief", "逾期一年以上待核实里程碑"),
    "colours": QT_TRANSLATE_NOOP(
        "brief", "全部{total}个项目中，红灯{red}个、黄灯{yellow}个、绿灯{green}个、蓝灯{blue}个、灰灯{grey}个，待核实{pending}个。"),
    "by_unit": QT_TRANSLATE_NOOP("brief", "各责任单位项目亮灯情况如下，红灯、黄灯多者在前，一个项目有几个责任单位时各计一次。"),
    "slip_rule": QT_TRANSLATE_NOOP(
        "brief",
        "说明：滞后按基线判断，里程碑调整计划后较基线推迟超过{days}天的，完成前至多为黄灯（原因写明较基线推迟的天数），不因调整计划转为绿灯。"),
    "others": QT_TRANSLATE_NOOP("brief", "其他{n}个单位"),
    "total": QT_TRANSLATE_NOOP("brief", "全部项目"),
    "app_red_yellow": QT_TRANSLATE_NOOP("brief", "红灯、黄灯项目清单"),
    "app_ranking": QT_TRANSLATE_NOOP("brief", "责任单位赛马比拼"),
    "ranking": QT_TRANSLATE_NOOP("brief", "责任单位按期完成里程碑情况排名见附表{k}。"),
    "counts": QT_TRANSLATE_NOOP(
        "brief", "截至{date}，台账共有项目{projects}个、里程碑{milestones}个、揭榜挂帅榜单{challenges}个、规划指标{indicators}个。"),
    "entries": QT_TRANSLATE_NOOP("brief", "另有专项计划{programmes}个、规划任务{tasks}个，不计入项目数和亮灯统计。"),
    "pending": QT_TRANSLATE_NOOP(
        "brief", "规划期已结束、尚未填报完成情况的目标（待核实，不计入逾期）：里程碑{milestones}个、指标{indicators}个，其中{plans}。"),
    "pending_plan": QT_TRANSLATE_NOOP("brief", "{plan}里程碑{milestones}个、指标{indicators}个"),
    "list_sep": QT_TRANSLATE_NOOP("brief", "；"),  # between the items of a run-on list ("; " in English)
    "sub_pace": QT_TRANSLATE_NOOP("brief", "投资进度"),
    "sub_started": QT_TRANSLATE_NOOP("brief", "开工情况"),
    "sub_due": QT_TRANSLATE_NOOP("brief", "里程碑"),
    "pace": QT_TRANSLATE_NOOP("brief", "年度计划投资{plan}，已完成{done}，完成率{pct}，序时进度{expected}，{relation}。"),
    "ahead": QT_TRANSLATE_NOOP("brief", "快于序时进度{gap:.1f}个百分点"),
    "behind": QT_TRANSLATE_NOOP("brief", "慢于序时进度{gap:.1f}个百分点"),
    "no_pace": QT_TRANSLATE_NOOP("brief", "暂无填报年度计划投资的项目。"),
    "started": QT_TRANSLATE_NOOP("brief", "已开工（含在建、投产、达产）项目{started}个，占已明确阶段项目（{staged}个）的{rate}。"),
    "unset": QT_TRANSLATE_NOOP("brief", "另有{n}个项目尚未填写所处阶段。"),
    "due": QT_TRANSLATE_NOOP("brief", "逾期未完成{overdue}个，其中逾期一年以上{stale}个；本周到期未完成{due}个。"),
    "app_overdue": QT_TRANSLATE_NOOP("brief", "逾期未完成里程碑（逾期一年以内）"),
    "app_due": QT_TRANSLATE_NOOP("brief", "本周到期未完成里程碑"),
}
HEADERS = [
    QT_TRANSLATE_NOOP("brief", "类别"), QT_TRANSLATE_NOOP("brief", "项目"), QT_TRANSLATE_NOOP("brief", "责任单位"),
    QT_TRANSLATE_NOOP("brief", "情况"), QT_TRANSLATE_NOOP("brief", "序号"), QT_TRANSLATE_NOOP("brief", "事项"),
    QT_TRANSLATE_NOOP("brief", "逾期"), QT_TRANSLATE_NOOP("brief", "说明"), QT_TRANSLATE_NOOP("brief", "里程碑"),
    QT_TRANSLATE_NOOP("brief", "计划日期"), QT_TRANSLATE_NOOP("brief", "逾期天数"), QT_TRANSLATE_NOOP("brief", "红灯"),
    QT_TRANSLATE_NOOP("brief", "黄灯"), QT_TRANSLATE_NOOP("brief", "绿灯"), QT_TRANSLATE_NOOP("brief", "蓝灯"),
    QT_TRANSLATE_NOOP("brief", "灰灯"), QT_TRANSLATE_NOOP("brief", "合计"), QT_TRANSLATE_NOOP("brief", "亮灯"),
    QT_TRANSLATE_NOOP("brief", "待核实"),
    QT_TRANSLATE_NOOP("brief", "原因"), QT_TRANSLATE_NOOP("brief", "名次"), QT_TRANSLATE_NOOP("brief", "项目数"),
    QT_TRANSLATE_NOOP("brief", "到期"), QT_TRANSLATE_NOOP("brief", "按期"), QT_TRANSLATE_NOOP("brief", "按期率"),
    QT_TRANSLATE_NOOP("brief", "延期天数"), QT_TRANSLATE_NOOP("brief", "投资完成率"),
]
H = {str(m): m for m in HEADERS}


def h(*keys) -> list[str]:
    return [tr(H[k]) for k in keys]


def units(i: dict, most: int = 3) -> str:
    """The responsible units, at most `most` named: "甲、乙等5家" (the 正文 names one, the 附表 three)."""
    names = i.get("units") or []
    if len(names) > most:
        return tr(T["units_more"], names="、".join(names[:max(most - 1, 1)]), n=len(names))
    return "、".join(names) or "—"


def unit(i: dict) -> str:
    return units(i, 1)


def mark(code: str) -> tuple:
    """A coloured ● and the colour's name, as Text."""
    return spans(Span("●", colours.HEX[code]), tr(colours.NAMES[code]))


def _slip(s: dict) -> str:
    return tr(T["slip"], name=s["milestone"], old=s["old_date"] or "—", new=s["new_date"] or "—",
              days=f"{s['days']:+d}", reason=s["reason"] or tr(T["slip_no_reason"]))


def changes_section(c: Content, f: dict, title: str) -> None:
    ch = f["since"]
    ref = ch["reference"]
    c.section(title)
    lead = tr(T["since_issue"], number=ref["number"], date=cn_date(ref["date"])) if ref["number"] \
        else tr(T["since_week"], date=cn_date(ref["date"]))
    counts = {k: len(ch[k]) for k in CHANGES}
    if any(counts.values()):
        lead += tr(T["summary"], red=counts["newly_red"], back=counts["back"], slipped=counts["slipped"],
                   days=ch["delay_days"], completed=counts["completed"], blocked=counts["blocked"])
    else:
        lead += tr(T["no_change"])
    if ch["new_projects"]:
        lead += tr(T["new_projects"], n=len(ch["new_projects"]))
    if ch["deleted_projects"]:
        lead += tr(T["deleted"], n=ch["deleted_projects"])
    c.para(lead)
    def row(kind: str, i: dict, who) -> list:
        if kind == "newly_red":
            return [tr(T["cat_red"]), i["name"], who(i), i["reason"]]
        if kind == "back":
            return [tr(T["cat_back"]), i["name"], who(i),
                    tr(T["was"], colour=tr(colours.NAMES[i["before"]]), reason=i["reason"])]
        if kind == "slipped":
            return [tr(T["cat_slipped"]), i["project"], who(i), _slip(i)]
        if kind == "completed":
            return [tr(T["cat_completed"]), i["owner"], who(i), tr(T["done"], name=i["name"], date=i["actual_date"])]
        return [tr(T["cat_blocked"]), i["owner"], who(i), tr(T["blocked_what"], name=i["name"],
                                                             detail=i["notes"] or tr(T["no_detail"]))]
    every = [(k, i) for k in CHANGES for i in ch[k]]
    if not every:
        return
    widths = (2.6, 8, 6, 14)
    shown = [row(k, i, unit) for k, cap in zip(CHANGES, c.limits.changes, strict=True) for i in ch[k][:cap]]
    appendix = None
    if len(shown) < len(every):
        appendix = c.appendix(tr(T["app_changes"]), h("类别", "项目", "责任单位", "情况"),
                              Rows(every, lambda _n, ki: row(ki[0], ki[1], units)), widths, "clll")
    if shown:
        c.table(h("类别", "项目", "责任单位", "情况"), shown, widths, "clll")
    if appendix:
        c.para(tr(MORE_SEE, n=len(every) - len(shown), k=appendix.number) if shown
               else tr(MORE_SEE_ALL, k=appendix.number), style="note")


def _late(i: dict) -> str:
    return tr(T["days"], n=i["days"]) if i["days"] else "—"


def actions_section(c: Content, f: dict, title: str) -> None:
    a = f["actions"]
    items = a["items"]
    c.section(title)
    problems.write(c, f.get("problems") or {})  # the problem records (督办) first
    if items:
        kinds = {k: sum(i["kind"] == k for i in items) for k in ("blocked", "late", "pace")}
        c.para(tr(T["act_intro"], n=len(items), **kinds))
        def rows(who) -> Rows:
            def row(k: int, i: dict) -> list:
                what = tr(T["act_pace"]) if i["kind"] == "pace" else i["what"]
                detail = i["detail"] or tr(T["no_detail"])
                if i["kind"] == "late":
                    detail = tr(T["planned"], date=i["planned_date"])
                elif i["kind"] == "blocked":
                    detail = spans(Span("●", colours.HEX[colours.RED]), tr(T["act_blocked"]) + "：" + detail)
                return [k, i["project"], what, who(i), _late(i), detail]
            return Rows(items, row)
        widths = (2.2, 9, 7, 6, 4.2, 8.4)
        header = h("序号", "项目", "事项", "责任单位", "逾期", "说明")
        appendix = c.appendix(tr(T["app_actions"]), header, rows(units), widths, "clllcl") \
            if len(items) > c.limits.actions else None
        c.table(header, rows(unit), widths, "clllcl", cap=c.limits.actions, appendix=appendix)
    else:
        c.para(tr(T["act_none"]))
    stale = a["stale"]
    if stale:
        appendix = c.appendix(tr(T["app_stale"]), h("序号", "项目", "里程碑", "责任单位", "计划日期", "逾期天数"), Rows(
            stale, lambda k, i: [k, i["project"], i["name"], units(i), i["planned_date"], number(i["days_late"])]),
            (2.4, 10, 10, 7, 5, 4), "cllccr")
        c.para(tr(T["stale"], n=len(stale), projects=a["stale_projects"], k=appendix.number))


def colours_section(c: Content, f: dict, title: str) -> None:
    o = f["overview"]
    total = o["colours"]["total"]
    c.section(title)
    c.para(tr(T["colours"], total=sum(total.values()), **total))
    none = tr(NOT_SET)
    ranked = sorted(o["colours"]["by_unit"].items(),
                    key=lambda un: (un[0] == none, -un[1]["red"], -un[1]["yellow"], -sum(un[1].values()), un[0]))
    if ranked:
        c.para(tr(T["by_unit"]))
        shown, rest = ranked[:c.limits.units], ranked[c.limits.units:]
        rows = [[u, *[n.get(k, 0) for k in colours.COLOURS], sum(n.values())] for u, n in shown]
        if rest:
            sums = {code: sum(n[code] for _, n in rest) for code in colours.COLOURS}
            rows.append([tr(T["others"], n=len(rest)), *[sums[k] for k in colours.COLOURS], sum(sums.values())])
        rows.append([tr(T["total"]), *[total[k] for k in colours.COLOURS], sum(total.values())])
        c.table(h("责任单位", "红灯", "黄灯", "绿灯", "蓝灯", "灰灯", "待核实", "合计"), rows,
                (11, 3, 3, 3, 3, 3, 3.4, 3.4), "lrrrrrrr")
    c.para(tr(T["slip_rule"], days=f"{f['replan_slip_days']:g}"), style="note")
    items = f["red_yellow"]
    if items:
        c.appendix(tr(T["app_red_yellow"]), h("序号", "项目", "责任单位", "亮灯", "原因"), Rows(
            items, lambda k, i: [k, i["name"], units(i), mark(i["colour"]), i["reason"]]),
            (2.4, 10, 7, 3.2, 14), "cllcl")
    ranking = o["unit_ranking"]
    racing = [u for u in ranking["units"] if u["due"]]
    if racing:
        a = c.appendix(tr(T["app_ranking"]), h("名次", "责任单位", "项目数", "到期", "按期", "按期率", "延期天数",
                                               "红灯", "投资完成率"), Rows(racing, lambda _k, u: [
            u["rank"], u["unit"], u["projects"], u["due"], u["on_time"], pct(u["on_time_rate"]),
            number(u["days_slipped"]), u["red"], pct(u["investment_pct"])]),
            (2.4, 10, 3.2, 2.6, 2.6, 3.6, 3.6, 2.6, 4.6), "clrrrrrrr", intro=ranking["rule"])
        c.para(tr(T["ranking"], k=a.number), style="note")


def overview_section(c: Content, f: dict, title: str) -> None:
    o = f["overview"]
    c.section(title)
    counts = o["counts"]
    entries = tr(T["entries"], **counts) if counts.get("programmes") or counts.get("tasks") else ""
    c.para(tr(T["counts"], date=cn_date(f["as_of"]), **counts) + entries)
    pend = o.get("pending") or {}
    if pend.get("milestones") or pend.get("indicators"):  # 待核实: counted apart, never as overdue
        plans = tr(T["list_sep"]).join(tr(T["pending_plan"], **e) for e in pend["by_plan"])
        c.para(tr(T["pending"], milestones=pend["milestones"], indicators=pend["indicators"], plans=plans))
    inv = o["investment"]["overall"]
    if inv["annual_plan"]:
        gap = inv["gap"]
        relation = tr(T["ahead"] if gap >= 0 else T["behind"], gap=abs(gap))
        pace = tr(T["pace"], plan=money(inv["annual_plan"]), done=money(inv["annual_done"]),
                  pct=pct(inv["completed_pct"]), expected=pct(inv["expected_pct"]), relation=relation)
    else:
        pace = tr(T["no_pace"])
    s = f["started"]
    started = tr(T["started"], started=s["started"], staged=s["staged"], rate=pct(s["rate"])) if s["staged"] else ""
    if s["unset"]:
        started += tr(T["unset"], n=s["unset"])
    c.run_in(tr(T["sub_pace"]), pace)
    if started:
        c.run_in(tr(T["sub_started"]), started)
    stale = f["actions"]["stale"]
    overdue = [i for i in f["overdue"] if i["days_late"] <= f["stale_days"]]
    c.run_in(tr(T["sub_due"]), tr(T["due"], overdue=len(f["overdue"]), stale=len(stale), due=len(f["this_week"])))
    if overdue:
        c.appendix(tr(T["app_overdue"]), h("序号", "项目", "里程碑", "责任单位", "计划日期", "逾期天数"), Rows(
            overdue, lambda k, i: [k, i["owner"], i["name"], units(i), i["planned_date"], number(i["days_late"])]),
            (2.4, 9.5, 11, 7, 5, 4), "cllccr")
    if f["this_week"]:
        c.appendix(tr(T["app_due"]), h("序号", "项目", "里程碑", "责任单位", "计划日期", "亮灯"), Rows(
            f["this_week"], lambda k, i: [k, i["owner"], i["name"], units(i), i["planned_date"],
                                          mark(i["colour"]) + spans(" " + i["reason"])]),
            (2.4, 8.5, 9.5, 6.5, 5, 7.4), "cllccl")

