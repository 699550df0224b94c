"""Problems as plain rows for the problem screen and a project's detail (Qt-free): names instead
of ids, the colour and why, the status's label, most urgent first."""
from __future__ import annotations

from typing import TYPE_CHECKING

from db import colours
from db.i18n import tr_enum
from db.problems.colour import problem_colours
from db.problems.rules import allowed
from db.rows.register import unit_names
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def problem_rows(pf: Portfolio, project_id: str | None = None) -> list[dict]:
    problems = pf.list("problems", project_id=project_id) if project_id else pf.list("problems")
    if project_id:  # a project's detail pane, at each edit of it: not every project and unit decoded
        names = unit_names(pf, {u for p in problems for u in (p.get("responsible_unit_id"), p.get("raised_by_unit_id"),
                                                              p.get("assigned_by_unit_id"),
                                                              *(p.get("assisting_unit_ids") or [])) if u})
        project = pf.get("projects", project_id, include_deleted=True)
        projects = {project_id: project["name"]} if project else {}
    else:
        names = unit_names(pf)
        projects = {p["id"]: p["name"] for p in pf.list("projects", include_deleted=True, fields=("name",))}
    colour = problem_colours(pf, problems=problems)
    today = pf.today()
    rows = []
    for p in problems:
        c = colour[p["id"]]
        due = parse_date(p.get("due_date") or "")
        status = p.get("status") or "提出"
        rows.append({
            **p, "status": status, "status_label": tr_enum(status), "colour": c.code, "colour_reason": c.reason,
            "project": projects.get(p["project_id"], ""),
            "responsible": names.get(p.get("responsible_unit_id") or "", ""),
            "assisting": "、".join(names.get(u, "") for u in p.get("assisting_unit_ids") or [] if names.get(u)),
            "raised_by_unit": names.get(p.get("raised_by_unit_id") or "", ""),
            "assigned_by": names.get(p.get("assigned_by_unit_id") or "", ""),
            "days_left": (due - today).days if due and status != "办结" else None,
            "moves": allowed(status),
        })
    rows.sort(key=lambda r: (r["status"] == "办结", -colours.SEVERITY[r["colour"]], r["due_date"] or "9999",
                             r["code"] or ""))
    return rows


def history_rows(pf: Portfolio, problem_id: str) -> list[dict]:
    """The problem's events, oldest first, with labels and unit names."""
    from db.problems.ops import history
    names = unit_names(pf)
    return [{**e, "from_label": tr_enum(e["from_status"]), "to_label": tr_enum(e["to_status"]),
             "unit": names.get(e.get("by_unit_id") or "", "")} for e in history(pf, problem_id)]
