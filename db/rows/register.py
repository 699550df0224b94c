"""Rows of the project register (项目台账) as plain dicts — what the desk's table shows.

One computation, used by the GUI table model, the CLI and tests; no Qt here.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from db import colours
from db.i18n import tr_enum
from db.pinyin import sort_key
from db.portfolio import setting_id
from db.rows.ranking import name_forms
from db.store.milestone_summary import milestone_summary

if TYPE_CHECKING:
    from db.portfolio import Portfolio


OPEN_STATUSES = ("未开始", "进行中", "受阻")
PROJECT_FIELDS = ("name", "code", "entry_type", "category", "level", "lead_unit_id", "responsible_unit_ids",
                  "partner_unit_ids", "zone", "domain", "stage", "phase", "total_investment", "invested_to_date",
                  "tags", "is_example", "source_doc")  # what a row shows
# what the register's search looks in (db/rows/search.py: every typed word somewhere in these)
SEARCH_KEYS = ("name", "code", "units", "partners", "zone", "domain", "category", "category_label", "stage",
               "stage_label", "tags", "source", "next_milestone", "entry_type_label")


ROW_SETTINGS = ("colour_thresholds",)  # the settings a row depends on (db/colours.thresholds)


def settings_touched(changes) -> bool:
    """Whether these Changes alter a setting the rows depend on (a brief's 期号 does not)."""
    ids = {setting_id(key) for key in ROW_SETTINGS}
    return changes.everything or any(r.kind == "settings" and r.id in ids for r in changes.records)


class _Labels(dict):
    """Choice value -> its label in the current language, each looked up once per call."""

    def __missing__(self, value) -> str:
        self[value] = label = tr_enum(value)
        return label


def unit_names(pf: Portfolio, ids: Collection[str] | None = None) -> dict[str, str]:
    """Unit id -> name, deleted units too; with `ids`, only those units (an edit's few rows need a
    few names, not a province's 1,500 decoded)."""
    wanted: dict[str, Any] = {} if ids is None else {"id": sorted(ids)}
    return {u["id"]: u["name"] for u in pf.list("units", fields=("name",), include_deleted=True, **wanted)}


def _unit_ids(projects: list[dict]) -> set[str]:
    return {u for p in projects for u in (p["lead_unit_id"], *p["responsible_unit_ids"], *p["partner_unit_ids"]) if u}


def project_milestones(pf: Portfolio, project_id: str) -> list[dict]:
    """A project's live milestones by planned date (undated last): the project detail's list."""
    return pf.list("milestones", project_id=project_id, order="planned_date IS NULL, planned_date, rowid")


def projects_touched(pf: Portfolio, changes) -> set[str]:
    """The projects whose register rows (and colours) these Changes can alter: the projects that
    changed, and the projects of changed milestones (before and after a move to another project).
    A project's colour depends on its milestones only, so nothing else needs recomputing."""
    ids = set(changes.ids("projects"))
    for r in changes.records:
        if r.kind != "milestones":
            continue
        ids.update(side["project_id"] for side in (r.before, r.after) if side.get("project_id"))
        m = pf.get("milestones", r.id, include_deleted=True)
        if m and m["project_id"]:
            ids.add(m["project_id"])
    return ids


def project_rows(pf: Portfolio, today: dt.date | None = None, only: Collection[str] | None = None,
                 colour_of: dict | None = None) -> list[dict]:
    """Every live project's row; with `only`, the rows of those projects (the ones still live).
    `colour_of`: the projects' colours when the caller computed them already (all_colours)."""
    today = today or pf.today()
    ids = None if only is None else sorted(only)
    if colour_of is None:
        colour_of = colours.project_colours(pf, today, project_ids=ids)
    with pf.read() as db:  # project -> (milestones, planned date and name of its next open one)
        summary = milestone_summary(db, OPEN_STATUSES, ids)
    label = _Labels()
    rows = []
    wanted: dict[str, Any] = {} if ids is None else {"id": ids}
    projects = pf.list("projects", fields=PROJECT_FIELDS, **wanted)  # not the summaries, notes, source texts
    names = unit_names(pf, None if ids is None else _unit_ids(projects))
    for p in projects:
        colour = colour_of[p["id"]]
        n_milestones, planned, next_name = summary.get(p["id"], (0, "", ""))
        responsible = [names.get(u, "") for u in p["responsible_unit_ids"]]
        lead = names.get(p["lead_unit_id"], "") if p["lead_unit_id"] else ""
        units = [lead] + [u for u in responsible if u != lead] if lead else responsible
        total = p["total_investment"] or 0
        sort_key(p["name"])  # the register sorts by name: its 拼音 key is cached here, off the UI thread
        entry_type = p["entry_type"] or "项目"
        rows.append({
            "id": p["id"],
            "name": p["name"],
            "name_pinyin": name_forms(p["name"]),  # what the search finds by pinyin ("cstd")
            "code": p["code"] or "",
            "entry_type": entry_type,
            "entry_type_label": label[entry_type],
            "category": p["category"] or "",
            "category_label": label[p["category"]],
            "level": p["level"] or "",
            "level_label": label[p["level"]],
            "stage": p["stage"] or "",
            "stage_label": label[p["stage"]],
            "phase": p["phase"] or "",
            "units": "、".join(u for u in units if u),
            "unit_ids": [u for u in [p["lead_unit_id"], *p["responsible_unit_ids"]] if u],
            "partners": "、".join(names.get(u, "") for u in p["partner_unit_ids"]),
            "zone": p["zone"] or "",
            "domain": p["domain"] or "",
            "next_milestone": next_name,
            "next_date": planned,
            "milestones": n_milestones,
            "colour": colour.code,
            "colour_reason": colour.reason,
            "investment_pct": round((p["invested_to_date"] or 0) / total * 100, 1) if total else None,
            "total_investment": p["total_investment"],
            "source": p["source_doc"] or "",
            "tags": "、".join(p["tags"]),
            "is_example": p["is_example"],
        })
    return rows
