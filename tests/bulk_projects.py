"""批量项目0000…: the many extra projects (each with one milestone) that the kill tests' large
portfolios hold, seeded so a trial can be repeated."""
from __future__ import annotations

import random
import uuid

from db.store.changes import Create, Op


def bulk_project_ops(rng: random.Random, unit_ids: list[str], n: int) -> list[Op]:
    """Creates for `n` projects named 批量项目NNNN (a random lead unit, investment and long notes)
    and one milestone each."""
    ops: list[Op] = []
    for i in range(n):
        pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        ops.append(Create("projects", {"name": f"批量项目{i:04d}", "lead_unit_id": rng.choice(unit_ids),
                                       "total_investment": round(rng.uniform(0, 1e5), 2),
                                       "notes": "进展说明" * rng.randint(10, 120)}, pid))
        ops.append(Create("milestones", {"project_id": pid, "name": f"节点{i:04d}",
                                         "planned_date": f"2027-{rng.randint(1, 12):02d}-28"}))
    return ops
