"""One read of the records the overview and the weekly brief go over, with their colours.

At city scale (10,000 projects, 100,000 milestones) reading and decoding the records costs more
than every figure computed from them, so the brief and the overview share one read, milestones
carry only the fields those computations use, and colours come from colours.all_colours (one pass)
instead of the per-record rules."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import colours
from db.rows.register import unit_names

if TYPE_CHECKING:
    from db.portfolio import Portfolio

MILESTONE_FIELDS = ("project_id", "team_id", "owner_unit_id", "name", "status", "planned_date",
                    "actual_date", "notes", "source_doc")
# what the overview and the brief read of projects and teams (their long texts and lists stay unread)
PROJECT_FIELDS = ("name", "entry_type", "category", "lead_unit_id", "responsible_unit_ids", "zone", "stage", "phase",
                  "total_investment", "invested_to_date", "annual_plan_investment", "annual_invested")
TEAM_FIELDS = ("challenge_id", "unit_id", "name", "leader", "status", "score", "rank")
PROJECT = "项目"  # entry_type of a project proper (a programme or task line of a plan is not one)


def is_project(p: dict) -> bool:
    return (p.get("entry_type") or PROJECT) == PROJECT


@dataclass
class Snapshot:
    as_of: dt.date
    th: dict
    names: dict[str, str]                 # unit id -> name
    entries: list[dict]                   # every record of the projects table (PROJECT_FIELDS)
    milestones: list[dict]                # MILESTONE_FIELDS only
    challenges: list[dict]
    teams: list[dict]                     # TEAM_FIELDS
    colours: dict[str, dict[str, colours.Colour]]   # all_colours(): kind -> id -> Colour
    projects: list[dict] = field(init=False)   # projects proper: what the overview counts
    pmap: dict[str, dict] = field(init=False)  # every entry by id (milestones of a task line too)
    by_project: dict[str, list[dict]] = field(init=False)

    def __post_init__(self) -> None:
        self.projects = [p for p in self.entries if is_project(p)]
        self.pmap = {p["id"]: p for p in self.entries}
        self.by_project = defaultdict(list)
        for m in self.milestones:
            if m["project_id"] in self.pmap:
                self.by_project[m["project_id"]].append(m)


def take(pf: Portfolio, as_of: dt.date) -> Snapshot:
    return Snapshot(as_of=as_of, th=colours.thresholds(pf), names=unit_names(pf),
                    entries=pf.list("projects", fields=PROJECT_FIELDS),
                    milestones=pf.list("milestones", fields=MILESTONE_FIELDS),
                    challenges=pf.list("challenges"), teams=pf.list("teams", fields=TEAM_FIELDS),
                    colours=colours.all_colours(pf, as_of))
