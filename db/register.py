"""Rows of the project register (项目台账) as plain dicts — what the desk's table shows.

One computation, used by the GUI table model, the CLI and tests; no Qt here.
"""
from __future__ import annotations

import datetime as dt

from db import colours
from db.i18n import tr_enum

OPEN_STATUSES = ("未开始", "进行中", "受阻")


def unit_names(pf) -> dict[str, str]:
    return {u["id"]: u["name"] for u in pf.list("units", include_deleted=True)}


def project_rows(pf, today: dt.date | None = None) -> list[dict]:
    today = today or pf.today()
    th = colours.thresholds(pf)
    names = unit_names(pf)
    by_project: dict[str, list[dict]] = {}
    for m in pf.list("milestones", where="project_id IS NOT NULL"):
        by_project.setdefault(m["project_id"], []).append(m)
    rows = []
    for p in pf.list("projects"):
        ms = by_project.get(p["id"], [])
        colour = colours.project_colour(p, ms, today, th)
        open_ms = sorted((m for m in ms if m["status"] in OPEN_STATUSES and m["planned_date"]),
                         key=lambda m: m["planned_date"])
        nxt = open_ms[0] if open_ms else None
        responsible = [names.get(u, "") for u in p["responsible_unit_ids"]]
        lead = names.get(p["lead_unit_id"], "") if p["lead_unit_id"] else ""
        units = [lead] + [u for u in responsible if u != lead] if lead else responsible
        total = p["total_investment"] or 0
        rows.append({
            "id": p["id"],
            "name": p["name"],
            "code": p["code"] or "",
            "category": p["category"] or "",
            "category_label": tr_enum(p["category"]),
            "level": p["level"] or "",
            "level_label": tr_enum(p["level"]),
            "stage": p["stage"] or "",
            "stage_label": tr_enum(p["stage"]),
            "phase": p["phase"] or "",
            "units": "、".join(u for u in units if u),
            "unit_ids": [u for u in [p["lead_unit_id"], *p["responsible_unit_ids"]] if u],
            "zone": p["zone"] or "",
            "domain": p["domain"] or "",
            "next_milestone": nxt["name"] if nxt else "",
            "next_date": nxt["planned_date"] if nxt else "",
            "milestones": len(ms),
            "colour": colour.code,
            "colour_reason": colour.reason,
            "investment_pct": round((p["invested_to_date"] or 0) / total * 100, 1) if total else None,
            "total_investment": p["total_investment"],
            "source": p["source_doc"] or "",
            "tags": "、".join(p["tags"]),
            "is_example": p["is_example"],
        })
    return rows
