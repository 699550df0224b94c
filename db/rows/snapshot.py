"""One read of the records the overview and the weekly brief go over, with their colours.

At city scale (10,000 projects, 100,000 milestones) reading and decoding the records costs more
than every figure computed from them, so the brief and the overview share one read, milestones
carry only the fields those computations use, and colours come from colours.all_colours (one pass)
instead of the per-record rules."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import colours
from db.rows.register import unit_names
from db.store.milestone_keys import milestone_keys_and

if TYPE_CHECKING:
    from db.portfolio import Portfolio

MILESTONE_FIELDS = ("project_id", "team_id", "owner_unit_id", "name", "status", "planned_date",
                    "actual_date", "source_doc")  # notes: read for the few milestones a brief shows
_MORE = ("owner_unit_id", "status", "planned_date", "actual_date", "source_doc")  # read after milestone_keys_and's 5
# what the brief reads of projects and teams (their long texts and lists stay unread); the overview less
PROJECT_FIELDS = ("name", "entry_type", "category", "lead_unit_id", "responsible_unit_ids", "zone", "stage", "phase",
                  "total_investment", "invested_to_date", "annual_plan_investment", "annual_invested")
TEAM_FIELDS = ("challenge_id", "unit_id", "name", "leader", "status", "score", "rank")
_TEAM_KEYS = ("id", *TEAM_FIELDS)  # plain fields, read as rows: decoding 30,000 dicts cost a province brief 0.15 s
OVERVIEW_PROJECT_FIELDS = ("name", "entry_type", "category", "zone", "stage", "lead_unit_id", "responsible_unit_ids",
                           "annual_plan_investment", "annual_invested")
PROJECT = "项目"  # entry_type of a project proper (a programme or task line of a plan is not one)
# a milestone of the snapshot is a plain tuple (id, *MILESTONE_FIELDS), read by these positions: a
# tuple costs a province brief 0.2 s less to make than a dict of the same (300,000 of them) and half the memory
M_ID, M_PROJECT, M_TEAM, M_OWNER_UNIT, M_NAME, M_STATUS, M_PLANNED, M_ACTUAL, M_SOURCE = range(1 + len(MILESTONE_FIELDS))


def is_project(p: dict) -> bool:
    return (p.get("entry_type") or PROJECT) == PROJECT


@dataclass
class Snapshot:
    as_of: dt.date
    th: dict
    names: dict[str, str]                 # unit id -> name
    entries: list[dict]                   # every record of the projects table (OVERVIEW_PROJECT_FIELDS unless full)
    milestones: list[tuple]               # (id, *MILESTONE_FIELDS) each (milestones_and_colours())
    challenges: list[dict]                # (their stage only unless full)
    teams: list[dict]                     # id and TEAM_FIELDS (none unless full)
    colours: dict[str, dict[str, colours.Colour]]   # all_colours(): kind -> id -> Colour
    projects: list[dict] = field(init=False)   # projects proper: what the overview counts
    pmap: dict[str, dict] = field(init=False)  # every entry by id (milestones of a task line too)
    by_project: dict[str, list[tuple]] = field(init=False)
    project_milestones: list[tuple] = field(init=False)  # those of an entry, in order (the overview's)
    other_milestones: list[tuple] = field(init=False)    # the rest (a team's), in order

    def __post_init__(self) -> None:
        self.projects = [p for p in self.entries if is_project(p)]
        self.pmap = pmap = {p["id"]: p for p in self.entries}
        by_project: defaultdict[str, list[tuple]] = defaultdict(list)
        self.by_project = by_project
        self.project_milestones, self.other_milestones = ours, others = [], []
        for m in self.milestones:  # one pass over 100,000 for all three
            pid = m[M_PROJECT]
            if pid in pmap:
                by_project[pid].append(m)
                ours.append(m)
            else:
                others.append(m)


def milestones_and_colours(pf: Portfolio, as_of: dt.date) -> tuple[list[tuple], dict[str, dict[str, colours.Colour]]]:
    """Every live milestone as a tuple (id, *MILESTONE_FIELDS) in rowid order, and
    colours.all_colours(pf, as_of), from ONE read of the milestones (the colours' keys and the fields
    in the same rows: a second scan of 300,000 rows cost a province brief 0.15–0.3 s CPU). One copy
    of each repeated value (a project's id, a status, a day) shared by all: a string per cell would
    double the memory."""
    out: list[tuple] = []
    share: Callable = {}.setdefault

    def read(db, now: int, plans, _project_ids) -> Iterator[tuple]:
        add = out.append  # row by row: a list of every row first would double the peak
        # (most team, owner unit, actual date and source cells are empty: None needs no sharing)
        for mid, pid, tid, name, key, uid, status, planned, actual, doc in milestone_keys_and(db, now, plans, _MORE):
            pid, tid = share(pid, pid), tid and share(tid, tid)
            add((mid, pid, tid, uid and share(uid, uid), name, share(status, status), share(planned, planned),
                 actual and share(actual, actual), doc and share(doc, doc)))
            yield mid, pid, tid, name, key
    found = colours.all_colours(pf, as_of, read=read)
    return out, found


def take(pf: Portfolio, as_of: dt.date, full: bool = False) -> Snapshot:
    """What the overview computes from; `full`: every field of projects and challenges and the
    teams too, for the brief (at city scale the overview's own read is ~40 MB smaller)."""
    th, names = colours.thresholds(pf), unit_names(pf)
    entries = pf.list("projects", fields=PROJECT_FIELDS if full else OVERVIEW_PROJECT_FIELDS)
    ms, found = milestones_and_colours(pf, as_of)
    return Snapshot(as_of=as_of, th=th, names=names, entries=entries, milestones=ms,
                    challenges=pf.list("challenges", fields=None if full else ("stage",)),
                    teams=[dict(zip(_TEAM_KEYS, r, strict=True)) for r in pf.rows("teams", TEAM_FIELDS)] if full else [],
                    colours=found)
