"""Random edits of projects and milestones, as a user makes them (tests of refresh-by-ids)."""
from __future__ import annotations

import datetime as dt
import random

from db.store.changes import Create, Delete, Update

STATUSES = ("未开始", "进行中", "受阻", "已完成", "取消")


def random_edit(pf, rng: random.Random) -> list:
    """One edit's ops: a re-plan with a reason, a status, a milestone moved to another project,
    created or deleted; a project renamed, re-staged, created or deleted."""
    projects = [p["id"] for p in pf.list("projects", fields=("name",))]
    milestones = pf.list("milestones", fields=("project_id", "planned_date", "baseline_date"))
    milestones = [m for m in milestones if m["project_id"]]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
    kind = rng.choice(("replan", "replan", "status", "move", "new_ms", "del_ms", "rename", "stage", "new_p", "del_p"))
    if kind in ("replan", "status", "move", "del_ms") and milestones:
        m = rng.choice(milestones)
        if kind == "replan":
            return [Update("milestones", m["id"], {"planned_date": day.isoformat()}, reason="随机调整：配套条件变化")]
        if kind == "status":
            status = rng.choice(STATUSES)
            fields = {"status": status}
            if status == "已完成":
                fields["actual_date"] = day.isoformat()
            return [Update("milestones", m["id"], fields)]
        if kind == "move":
            return [Update("milestones", m["id"], {"project_id": rng.choice(projects)})]
        return [Delete("milestones", m["id"])]
    if kind == "new_ms" or not milestones:
        return [Create("milestones", {"project_id": rng.choice(projects), "name": f"随机里程碑{rng.randint(1, 999)}",
                                      "planned_date": day.isoformat()})]
    pid = rng.choice(projects)
    if kind == "rename":
        return [Update("projects", pid, {"name": f"随机改名项目{rng.randint(1, 99999)}"})]
    if kind == "stage":
        return [Update("projects", pid, {"stage": rng.choice(("谋划", "建设", "投产", "停缓建"))})]
    if kind == "new_p":
        return [Create("projects", {"name": f"随机新项目{rng.randint(1, 99999)}", "zone": "随机片区"})]
    return [Delete("projects", pid)]
