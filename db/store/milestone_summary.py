"""Per project: how many live milestones it has and its next open one — what a register row shows.

Grouped by SQLite: reading 100,000 milestones with their names into Python to keep 10,000 of
them was ~80 MB and most of the time at city scale (issue #20).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from db.model import KINDS
from db.store.records import NOT_NULL, with_filters


def milestone_summary(conn: sqlite3.Connection, open_statuses: Sequence[str],
                      project_ids: Sequence[str] | None = None) -> dict[str, tuple[int, str, str]]:
    """Project id -> (live milestones, planned date, name) of every project with a milestone
    (of those in `project_ids` when given); the next open milestone is the one with a status in
    `open_statuses` and the smallest planned date (as text; a first one by rowid on a tie),
    ("", "") when it has none."""
    where, params = with_filters(KINDS["milestones"], {"project_id": NOT_NULL if project_ids is None
                                                       else list(project_ids)})
    statuses = ", ".join("?" * len(open_statuses))
    # the smallest planned date with the rowid after it: one row, whose name comes with it
    first = (f"min(CASE WHEN status IN ({statuses}) AND planned_date != '' THEN planned_date || char(1)"
             f" || printf('%020d', rowid) END)")
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(f"SELECT project_id, count(*), {first}, name FROM milestones"
                          f" WHERE deleted=0 AND {where} GROUP BY project_id", (*open_statuses, *params))
    return {pid: (n, key[:-21], name) if key is not None else (n, "", "") for pid, n, key, name in rows}
