"""The brief's 督办问题 (issue #18): from the problem records, what leadership must chase — the open
problems (overdue first), the ones raised this week, the ones closed this week — at the head of
the 需协调解决的事项 section, before what the colours say needs coordinating. A portfolio with
no problem records prints nothing here."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db import colours
from db.documents.brief.blocks import Content, Rows, Span, spans
from db.documents.brief.tables import short_date
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.problems.colour import problem_colours
from db.problems.rules import CLOSED, OPEN, SUSPENDED
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

T = {
    "title": QT_TRANSLATE_NOOP("brief", "督办问题"),
    "summary": QT_TRANSLATE_NOOP(
        "brief", "本周新提出问题{new}个，办结{closed}个；在办问题{open}个，其中超过办理时限{overdue}个、3天内到期{soon}个。"),
    "suspended": QT_TRANSLATE_NOOP("brief", "另有挂起问题{n}个。"),
    "closed_list": QT_TRANSLATE_NOOP("brief", "本周办结：{items}。"),
    "closed_item": QT_TRANSLATE_NOOP("brief", "“{what}”（{unit}，{result}）"),
    "app": QT_TRANSLATE_NOOP("brief", "在办督办问题清单"),
    "overdue": QT_TRANSLATE_NOOP("brief", "超期{n}天"),
}
HEAD = [QT_TRANSLATE_NOOP("brief", "序号"), QT_TRANSLATE_NOOP("brief", "项目"), QT_TRANSLATE_NOOP("brief", "问题"),
        QT_TRANSLATE_NOOP("brief", "责任单位"), QT_TRANSLATE_NOOP("brief", "办理时限"), QT_TRANSLATE_NOOP("brief", "状态")]
CLOSED_SHOWN = 3


def facts(pf: Portfolio, names: dict, monday: dt.date, as_of: dt.date, entries: dict[str, dict]) -> dict:
    """The problems as the brief tells them on `as_of` (the week's last day, or today); `entries`:
    the live projects (and plan lines) by id, as the brief's snapshot read them."""
    problems = pf.list("problems")
    if not problems:
        return {"any": False}
    wanted = {p["project_id"] for p in problems}
    projects = {pid: entries[pid]["name"] for pid in wanted if pid in entries}
    if len(projects) < len(wanted):  # a deleted project's (deleting one tombstones its problems; a merge may not)
        gone = pf.list("projects", id=sorted(wanted - projects.keys()), include_deleted=True, fields=("name",))
        projects.update((r["id"], r["name"]) for r in gone)
    colour = problem_colours(pf, as_of, problems)

    def item(p: dict) -> dict:
        due = parse_date(p.get("due_date") or "")
        return {"id": p["id"], "code": p.get("code") or "", "project": projects.get(p["project_id"], ""),
                "what": p["description"], "unit": names.get(p.get("responsible_unit_id") or "", ""),
                "due": due, "status": p.get("status") or "提出", "colour": colour[p["id"]].code,
                "late": (as_of - due).days if due and due < as_of else 0, "result": p.get("result") or ""}

    def in_week(day: str | None) -> bool:
        d = parse_date(day or "")
        return d is not None and monday <= d <= as_of
    open_ = sorted((item(p) for p in problems if (p.get("status") or "提出") in OPEN),
                   key=lambda i: (-colours.SEVERITY[i["colour"]], i["due"] or dt.date.max, i["code"]))
    closed = sorted((item(p) for p in problems if p.get("status") == CLOSED and in_week(p.get("closed_on"))),
                    key=lambda i: i["code"])
    return {"any": True, "open": open_, "closed": closed,
            "new": sum(in_week(p.get("raised_on")) for p in problems),
            "overdue": sum(i["colour"] == colours.RED for i in open_),
            "soon": sum(i["colour"] == colours.YELLOW for i in open_),
            "suspended": sum(p.get("status") == SUSPENDED for p in problems)}


def _state(i: dict):
    text = tr_enum(i["status"])
    if i["late"]:
        text += "，" + tr(T["overdue"], n=i["late"])
    return spans(Span("●", colours.HEX[i["colour"]]), text)


def write(c: Content, f: dict) -> None:
    """The 督办问题 paragraphs and table (c.run_in: （一）督办问题。……)."""
    if not f.get("any"):
        return
    c.run_in(tr(T["title"]), tr(T["summary"], new=f["new"], closed=len(f["closed"]), open=len(f["open"]),
                                overdue=f["overdue"], soon=f["soon"]),
             tr(T["suspended"], n=f["suspended"]) if f["suspended"] else "")
    if f["open"]:
        header = [tr(h) for h in HEAD]
        widths = (2.2, 8, 10, 6, 4, 6.6)

        def rows() -> Rows:
            return Rows(f["open"], lambda k, i: [k, i["project"], i["what"], i["unit"] or "—",
                                                 short_date(i["due"]) if i["due"] else "—", _state(i)])
        appendix = c.appendix(tr(T["app"]), header, rows(), widths, "clllcl") \
            if len(f["open"]) > c.limits.actions else None
        c.table(header, rows(), widths, "clllcl", cap=c.limits.actions, appendix=appendix)
    if f["closed"]:
        shown = f["closed"][:CLOSED_SHOWN]
        items = "；".join(tr(T["closed_item"], what=i["what"], unit=i["unit"] or "—", result=i["result"] or "—")
                         for i in shown)
        c.para(tr(T["closed_list"], items=items))
