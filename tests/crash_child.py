"""Child process for tests/store/test_crash_safety.py (not a test module itself).

    python crash_child.py PORTFOLIO SEED [hold]

Opens the portfolio, prints "READY", then applies random operations one transaction at a
time until it is killed. Every operation is announced before it starts and acknowledged after
its commit returned, each as one flushed stdout line:

    B {"seq": 7, "op": "update_project", ...}    about to apply op 7
    A 7                                           op 7 committed ("acknowledged")

Ids and values come from random.Random(SEED), so a run is reproducible up to the kill point.
With "hold" the child only opens the portfolio, prints READY and sleeps (lock tests).
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.portfolio import Portfolio  # noqa: E402
from db.store.changes import Create, Delete, Update  # noqa: E402

STAGES = ("谋划", "洽谈", "签约", "开工", "建设")
MILESTONE_STATUSES = ("未开始", "进行中", "受阻")  # not 已完成: that one also sets actual_date


def notes_for(rng: random.Random, seq: int) -> str:
    # Mostly small, sometimes several pages (overflow pages, WAL checkpoints mid-run).
    size = rng.choice((0, 40, 300, 1500, 6000, 30000))
    return f"#{seq}:" + "记" * (size // 3) + "x" * (size % 7)


def digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha1(text.encode("utf-8")).hexdigest()


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    hold = len(sys.argv) > 3 and sys.argv[3] == "hold"
    rng = random.Random(seed)
    pf = Portfolio.open(path, create=True)
    say("READY")
    if hold:
        while True:
            time.sleep(1)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    projects = [r[0] for r in pf._conn.execute("SELECT id FROM projects WHERE deleted=0 ORDER BY rowid")]
    milestones = {r[0]: r[1] for r in pf._conn.execute(
        "SELECT id, project_id FROM milestones WHERE deleted=0 ORDER BY rowid")}

    seq = 0
    while True:
        seq += 1
        r = rng.random()
        if r < 0.30 or not projects:
            notes = notes_for(rng, seq)
            op = {"op": "create_project", "id": new_id(), "name": f"项目-{seed}-{seq}",
                  "notes_sha1": digest(notes), "inv": round(rng.uniform(0, 1e5), 2)}
            ops = [Create("projects", {"name": op["name"], "notes": notes,
                                       "total_investment": op["inv"]}, op["id"])]
        elif r < 0.40:
            # A project and its first milestone in one transaction: both or neither.
            op = {"op": "create_project_with_milestone", "id": new_id(), "mid": new_id(),
                  "name": f"项目-{seed}-{seq}", "mname": f"里程碑-{seed}-{seq}"}
            ops = [Create("projects", {"name": op["name"]}, op["id"]),
                   Create("milestones", {"project_id": op["id"], "name": op["mname"],
                                         "planned_date": "2026-06-30"}, op["mid"])]
        elif r < 0.50:
            pid = rng.choice(projects)
            op = {"op": "create_milestone", "id": new_id(), "project_id": pid,
                  "name": f"里程碑-{seed}-{seq}"}
            ops = [Create("milestones", {"project_id": pid, "name": op["name"]}, op["id"])]
        elif r < 0.72:
            pid = rng.choice(projects)
            which = rng.choice(("inv", "notes", "stage"))
            op = {"op": "update_project", "id": pid}
            if which == "inv":
                op["inv"] = round(rng.uniform(0, 1e5), 2)
                fields = {"total_investment": op["inv"]}
            elif which == "notes":
                notes = notes_for(rng, seq)
                op["notes_sha1"] = digest(notes)
                fields = {"notes": notes}
            else:
                op["stage"] = rng.choice(STAGES)
                fields = {"stage": op["stage"]}
            ops = [Update("projects", pid, fields)]
        elif r < 0.82 and milestones:
            mid = rng.choice(sorted(milestones))
            op = {"op": "update_milestone", "id": mid, "status": rng.choice(MILESTONE_STATUSES)}
            ops = [Update("milestones", mid, {"status": op["status"]})]
        elif r < 0.88 and milestones:
            mid = rng.choice(sorted(milestones))
            op = {"op": "delete_milestone", "id": mid}
            ops = [Delete("milestones", mid)]
        else:
            pid = rng.choice(projects)
            op = {"op": "delete_project", "id": pid}  # tombstones its milestones too
            ops = [Delete("projects", pid)]
        op["seq"] = seq
        say("B " + json.dumps(op, ensure_ascii=False))
        pf.apply(ops)
        say(f"A {seq}")
        # Keep the child's view of live records in step with what it committed.
        kind = op["op"]
        if kind == "create_project":
            projects.append(op["id"])
        elif kind == "create_project_with_milestone":
            projects.append(op["id"])
            milestones[op["mid"]] = op["id"]
        elif kind == "create_milestone":
            milestones[op["id"]] = op["project_id"]
        elif kind == "delete_milestone":
            del milestones[op["id"]]
        elif kind == "delete_project":
            projects.remove(op["id"])
            for mid in [m for m, p in milestones.items() if p == op["id"]]:
                del milestones[mid]


if __name__ == "__main__":
    main()
