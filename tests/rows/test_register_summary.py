"""The register's milestone count and next open milestone, grouped by SQLite
(db/store/milestone_summary.py), are those of the plain rule over every milestone: the smallest
planned date (as text) among open ones with a date, the first by creation on a tie."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.portfolio import Portfolio
from db.rows.register import OPEN_STATUSES, project_rows
from db.store.changes import Create, Delete

TODAY = dt.date(2025, 6, 15)
PLANNED = (None, "", "2025-06-01", "2025-06-02", "2025-06", "2025-06-01x", "2024-12-31")
milestone = st.fixed_dictionaries({
    "parent": st.integers(0, 3), "name": st.sampled_from(("甲", "乙", "丙")),
    "status": st.sampled_from((None, "未开始", "进行中", "受阻", "已完成", "取消")),
    "planned_date": st.sampled_from(PLANNED), "deleted": st.booleans(),
})


def reference(pf: Portfolio) -> dict[str, tuple[int, str, str]]:
    out: dict[str, tuple[int, str, str]] = {}
    for m in pf.list("milestones"):
        if m["project_id"] is None:
            continue
        n, planned, name = out.get(m["project_id"], (0, "", ""))
        if m["status"] in OPEN_STATUSES and m["planned_date"] and (not planned or m["planned_date"] < planned):
            planned, name = m["planned_date"], m["name"]
        out[m["project_id"]] = (n + 1, planned, name)
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(milestones=st.lists(milestone, max_size=20))
def test_count_and_next_milestone_as_the_plain_rule(milestones):
    with tempfile.TemporaryDirectory() as d:
        pf = Portfolio.open(Path(d) / "r.sqlite", create=True, today=lambda: TODAY)
        try:
            pids = [pf.create("projects", {"name": f"项目{n}"})[0] for n in range(4)]
            changes = pf.apply([Create("milestones", {"name": m["name"], "project_id": pids[m["parent"]]})
                                for m in milestones])
            for rec, m in zip(changes.records, milestones, strict=True):  # odd dates only another program stores
                pf._conn.execute("UPDATE milestones SET status=?, planned_date=? WHERE id=?",
                                 (m["status"], m["planned_date"], rec.id))
            gone = [rec.id for rec, m in zip(changes.records, milestones, strict=True) if m["deleted"]]
            if gone:
                pf.apply([Delete("milestones", mid) for mid in gone])
            want = reference(pf)
            for rows in (project_rows(pf), project_rows(pf, only=pids[:2])):
                got = {r["id"]: (r["milestones"], r["next_date"], r["next_milestone"]) for r in rows}
                assert got == {r["id"]: want.get(r["id"], (0, "", "")) for r in rows}
        finally:
            pf.close()
