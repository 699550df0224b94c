"""One definition of "a unit's slice" (issue #21), used by the exported portfolio file
(db/exchange/export.py) and the 调度表 template (db/sheets/template_export.py):

- the projects the unit leads or is responsible for, with all their milestones;
- the milestones it owns (责任单位) on projects led by others, with their project;
- its teams (揭榜方) and the challenges it issued (发榜), with those challenges' teams;
- the milestones of those teams.
"""
from __future__ import annotations

import json


def _ids(pf, kind: str, where: str, params=()) -> set[str]:
    return {r["id"] for r in pf.list(kind, where=where, params=params, fields=())}


def unit_slice(pf, unit_ids: set[str]) -> dict[str, set[str]]:
    """{"projects", "milestones", "teams", "challenges"}: live record ids in the units' slice.
    "projects" holds only the projects the units lead or are responsible for; "context_projects"
    the projects that are in the slice only as the parent of a milestone the units own."""
    units = json.dumps(sorted(unit_ids))
    in_units = "IN (SELECT value FROM json_each(?))"
    projects = _ids(pf, "projects", f"lead_unit_id {in_units} OR EXISTS (SELECT 1 FROM "
                    f"json_each(responsible_unit_ids) r WHERE r.value {in_units})", (units, units))
    owned = pf.list("milestones", where=f"owner_unit_id {in_units}", params=(units,), fields=("project_id",))
    challenges = _ids(pf, "challenges", f"issuer_unit_id {in_units}", (units,))
    teams = pf.list("teams", where=f"unit_id {in_units} OR challenge_id IN (SELECT value FROM json_each(?))",
                    params=(units, json.dumps(sorted(challenges))), fields=("challenge_id",))
    team_ids = {t["id"] for t in teams}
    challenges |= {t["challenge_id"] for t in teams}
    milestones = {m["id"] for m in owned}
    milestones |= _ids(pf, "milestones", "project_id IN (SELECT value FROM json_each(?)) OR "
                       "team_id IN (SELECT value FROM json_each(?))",
                       (json.dumps(sorted(projects)), json.dumps(sorted(team_ids))))
    context = {m["project_id"] for m in owned if m["project_id"]} - projects
    return {"projects": projects, "context_projects": context, "milestones": milestones,
            "teams": team_ids, "challenges": challenges}
