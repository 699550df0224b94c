"""The write path checks a reference's target once per batch (an import names the same few units
thousands of times) — and still refuses a target deleted earlier in the same batch, or a live
record of another kind."""
from __future__ import annotations

import uuid

from db.store.changes import Create, Delete
from write_helpers import assert_refused, path, pf  # noqa: F401


def _unit(pf, name="重庆大学"):
    uid, _ = pf.create("units", {"name": name, "kind": "高校"})
    return uid


def test_many_projects_naming_one_unit_are_all_written(pf):
    uid = _unit(pf)
    ops = [Create("projects", {"name": f"项目{i}", "lead_unit_id": uid, "responsible_unit_ids": [uid]})
           for i in range(600)]  # (a batch large enough to run with the collector paused)
    changes = pf.apply(ops)
    assert len(changes.records) == 600
    assert {pf.get("projects", c.id)["lead_unit_id"] for c in changes.records} == {uid}


def test_a_project_deleted_earlier_in_the_batch_is_refused_later_in_it(pf):
    pid, _ = pf.create("projects", {"name": "量子中心"})
    assert_refused(pf, [Create("milestones", {"project_id": pid, "name": "开工", "planned_date": "2026-03-31"}),
                        Delete("projects", pid),  # (cascades to its milestones)
                        Create("milestones", {"project_id": pid, "name": "验收", "planned_date": "2026-06-30"})],
                   "验收", pid)


def test_a_live_record_of_another_kind_is_not_a_unit(pf):
    uid = _unit(pf)
    pid = str(uuid.uuid4())
    assert_refused(pf, [Create("projects", {"name": "甲", "lead_unit_id": uid}, pid),
                        Create("milestones", {"project_id": pid, "name": "验收", "planned_date": "2026-06-30"}),
                        Create("projects", {"name": "乙", "lead_unit_id": pid})],
                   "乙", pid)
