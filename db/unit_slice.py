"""One definition of "a unit's slice" (issue #21), used by the exported portfolio file
(db/exchange/export.py) and the 调度表 template (db/sheets/template_export.py):

- the projects the unit leads or is responsible for, with all their milestones;
- the milestones it owns (责任单位) on projects led by others, with their project;
- its teams (揭榜方) and the challenges it issued (发榜), with those challenges' teams;
- the milestones of those teams;
- the problems (问题/督办) of its projects, and the problems it is responsible for (lead or
  assisting), with their history (issue #18).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.store import records

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def _ids(records) -> set[str]:
    return {r["id"] for r in records}


def unit_slice(pf: Portfolio, unit_ids: set[str]) -> dict[str, set[str]]:
    """{"projects", "milestones", "teams", "challenges", "problems"}: live record ids in the units' slice.
    "projects" holds only the projects the units lead or are responsible for; "context_projects"
    the projects that are in the slice only as the parent of a milestone the units own."""
    units = set(unit_ids)
    ids = tuple(sorted(units))
    # 负责单位 is a JSON list: SQLite tests it (records.Mentions), no project is decoded for it
    projects = _ids(pf.list("projects", lead_unit_id=list(ids), fields=()))
    projects |= _ids(pf.list("projects", responsible_unit_ids=records.Mentions(ids), fields=()))
    owned = pf.list("milestones", owner_unit_id=sorted(units), fields=("project_id",))
    challenges = _ids(pf.list("challenges", issuer_unit_id=sorted(units), fields=()))
    teams = {t["id"]: t for t in pf.list("teams", unit_id=sorted(units), fields=("challenge_id",))}
    teams.update((t["id"], t) for t in pf.list("teams", challenge_id=sorted(challenges), fields=("challenge_id",)))
    team_ids = set(teams)
    challenges |= {t["challenge_id"] for t in teams.values()}
    milestones = _ids(owned)
    milestones |= _ids(pf.list("milestones", project_id=sorted(projects), fields=()))
    milestones |= _ids(pf.list("milestones", team_id=sorted(team_ids), fields=()))
    context = {m["project_id"] for m in owned if m["project_id"]} - projects
    # 配合单位 is a JSON list too
    problems = _ids(pf.list("problems", project_id=sorted(projects), fields=()))
    problems |= _ids(pf.list("problems", responsible_unit_id=list(ids), fields=()))
    problems |= _ids(pf.list("problems", assisting_unit_ids=records.Mentions(ids), fields=()))
    return {"projects": projects, "context_projects": context, "milestones": milestones,
            "teams": team_ids, "challenges": challenges, "problems": problems}
