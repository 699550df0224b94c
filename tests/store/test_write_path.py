"""The one write path (db.store.writer via Portfolio.apply): Changes, validation, milestone rules,
undo/redo, and the merge bookkeeping (created_hlc, cell_clocks, tombstones, hlc_last).

DESIGN §2 (domain model, re-plans), §5 (clocks, tombstones).
"""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from db.errors import NotFound, ValidationError
from db.store import records
from db.store.changes import Changes, Create, Delete, Update
from write_helpers import TODAY, UUID_RE, all_stamps, assert_refused, clocks, ms, path, pf, proj, raw, snapshot  # noqa: F401

# -- create / update / delete return Changes ---------------------------------------------

def test_create_returns_changes(pf):
    changes = pf.apply([Create("projects", {"name": "量子中心", "total_investment": "12.5",
                                            "tags": "a,b"})])
    assert isinstance(changes, Changes) and bool(changes)
    assert len(changes.records) == 1
    rc = changes.records[0]
    assert (rc.kind, rc.action, rc.before) == ("projects", "create", {})
    assert __import__("re").match(UUID_RE, rc.id)
    assert rc.after["name"] == "量子中心"
    assert rc.after["total_investment"] == 12.5
    assert rc.after["tags"] == ["a", "b"]
    assert rc.after["category"] == "其他"  # default filled in
    rec = pf.get("projects", rc.id)
    for k, v in rc.after.items():
        assert rec[k] == v
    assert changes.kinds() == {"projects"} and changes.ids() == [rc.id]


def test_create_with_given_id_and_duplicate_id_refused(pf):
    rid = str(uuid.uuid4())
    pid, changes = pf.create("units", {"name": "重庆大学", "kind": "高校"}, id=rid)
    assert pid == rid == changes.records[0].id
    assert_refused(pf, [Create("units", {"name": "重庆大学"}, rid)], "单位「重庆大学」", rid)


def test_update_returns_only_changed_fields(pf, proj):
    changes = pf.update("projects", proj, {"name": "超瞬态实验装置", "code": "P-1",
                                           "total_investment": 1200})
    assert len(changes.records) == 1
    rc = changes.records[0]
    assert (rc.kind, rc.id, rc.action) == ("projects", proj, "update")
    assert rc.before == {"code": None, "total_investment": 1000.0}
    assert rc.after == {"code": "P-1", "total_investment": 1200.0}
    assert pf.get("projects", proj)["code"] == "P-1"


def test_noop_update_changes_nothing(pf, proj):
    snap = snapshot(pf)
    changes = pf.update("projects", proj, {"name": "超瞬态实验装置"})
    assert not changes and changes.records == []
    assert snapshot(pf) == snap


def test_delete_returns_changes_and_tombstones(pf, proj):
    changes = pf.delete("projects", proj)
    rc = changes.records[0]
    assert (rc.kind, rc.id, rc.action) == ("projects", proj, "delete")
    assert rc.before == {"deleted": False} and rc.after == {"deleted": True}
    assert pf.get("projects", proj) is None
    assert pf.get("projects", proj, include_deleted=True)["deleted"] is True
    assert pf.dump()["projects"] == []
    assert raw(pf, "projects", proj)["deleted"] == 1  # a tombstone, not a removed row


def test_update_of_deleted_record_refused(pf, proj):
    pf.delete("projects", proj)
    assert_refused(pf, [Update("projects", proj, {"code": "X"})], "超瞬态实验装置")


def test_update_of_missing_record_is_not_found(pf):
    assert_refused(pf, [Update("projects", str(uuid.uuid4()), {"code": "X"})], exc=NotFound)


# -- validation: refused, named, nothing changed ------------------------------------------

BAD_PROJECT_VALUES = [
    # field, value, what the message must name (the field's label or name)
    ("planned_start", "2025年13月", "计划开工"),  # (2025年6月 reads as 2025-06-30, as in the import)
    ("planned_start", "2025-02-30", "计划开工"),
    ("actual_finish", "2025/06/31", "实际完工"),
    ("total_investment", -5, "总投资（万元）"),
    ("annual_invested", "-0.5", "年度已完成投资（万元）"),
    ("stage", "进行中", "阶段"),
    ("category", "实验室", "类别"),
    ("lead_unit_id", "not-a-uuid", "牵头单位"),
]


@pytest.mark.parametrize("field,value,label", BAD_PROJECT_VALUES)
def test_bad_value_refused_on_create(pf, field, value, label):
    msg = assert_refused(pf, [Create("projects", {"name": "新项目", field: value})],
                         "项目「新项目」", label)
    assert str(value) in msg


@pytest.mark.parametrize("field,value,label", BAD_PROJECT_VALUES)
def test_bad_value_refused_on_update(pf, proj, field, value, label):
    assert_refused(pf, [Update("projects", proj, {field: value})], "项目「超瞬态实验装置」", label)


def test_unknown_field_refused(pf, proj):
    assert_refused(pf, [Create("projects", {"name": "新项目", "colour": "red"})],
                   "项目「新项目」", "colour")
    assert_refused(pf, [Update("projects", proj, {"budget": 3})], "项目「超瞬态实验装置」", "budget")


def test_bad_milestone_date_refused(pf, ms):
    assert_refused(pf, [Update("milestones", ms, {"actual_date": "2025-02-30"})],
                   "里程碑「主体封顶」", "实际完成日期")


def test_unknown_reference_refused(pf, proj):
    ghost = str(uuid.uuid4())
    assert_refused(pf, [Create("projects", {"name": "新项目", "lead_unit_id": ghost})],
                   "项目「新项目」", "牵头单位", ghost)
    assert_refused(pf, [Update("projects", proj, {"responsible_unit_ids": [ghost]})],
                   "项目「超瞬态实验装置」", "责任单位", ghost)
    assert_refused(pf, [Create("milestones", {"project_id": ghost, "name": "孤儿"})],
                   "里程碑「孤儿」", "所属项目", ghost)


def test_reference_to_deleted_record_refused(pf):
    uid, _ = pf.create("units", {"name": "已撤销单位"})
    pf.delete("units", uid)
    assert_refused(pf, [Create("projects", {"name": "新项目", "lead_unit_id": uid})],
                   "项目「新项目」", "牵头单位")


def test_required_field_refused(pf):
    assert_refused(pf, [Create("projects", {"code": "P-9"})], "项目名称")


def test_unknown_kind_refused(pf):
    assert_refused(pf, [Create("gadgets", {"name": "x"})], "gadgets")


# -- milestones: baseline, re-plans, slip log ---------------------------------------------

def test_baseline_set_from_first_planned_date_on_create(pf, ms):
    rec = pf.get("milestones", ms)
    assert rec["baseline_date"] == rec["planned_date"] == "2025-06-30"


def test_baseline_set_when_planned_date_first_given(pf, proj):
    mid, _ = pf.create("milestones", {"project_id": proj, "name": "验收"})
    assert pf.get("milestones", mid)["baseline_date"] is None
    changes = pf.update("milestones", mid, {"planned_date": "2025-09-30"})  # no reason needed
    assert changes.kinds() == {"milestones"}  # first date is not a re-plan
    rc = changes.records[0]
    assert rc.after == {"planned_date": "2025-09-30", "baseline_date": "2025-09-30"}
    assert rc.before == {"planned_date": None, "baseline_date": None}
    assert pf.dump()["replans"] == []


def test_baseline_is_readonly(pf, ms):
    assert_refused(pf, [Update("milestones", ms, {"baseline_date": "2025-01-01"})],
                   "里程碑「主体封顶」", "baseline_date")


def test_replan_without_reason_refused(pf, ms):
    msg = assert_refused(pf, [Update("milestones", ms, {"planned_date": "2025-08-31"})],
                         "里程碑「主体封顶」", "2025-06-30", "2025-08-31")
    assert "原因" in msg
    assert_refused(pf, [Update("milestones", ms, {"planned_date": "2025-08-31"}, reason="   ")],
                   "里程碑「主体封顶」")


def test_replan_with_reason_logs_slip_in_same_changes(pf, ms):
    changes = pf.update("milestones", ms, {"planned_date": "2025-08-31"},
                        reason=" 设备到货延期 ", approved_by="张主任")
    assert [(r.kind, r.action) for r in changes.records] == [("milestones", "update"),
                                                            ("replans", "create")]
    upd, log = changes.records
    assert upd.id == ms
    assert upd.before == {"planned_date": "2025-06-30"}
    assert upd.after == {"planned_date": "2025-08-31"}
    assert log.after["milestone_id"] == ms
    assert log.after["old_date"] == "2025-06-30"
    assert log.after["new_date"] == "2025-08-31"
    assert log.after["days"] == 62
    assert log.after["reason"] == "设备到货延期"
    assert log.after["approved_by"] == "张主任"
    dt.datetime.fromisoformat(log.after["recorded_at"])
    rec = pf.get("milestones", ms)
    assert rec["planned_date"] == "2025-08-31"
    assert rec["baseline_date"] == "2025-06-30"  # baseline never moves
    [row] = pf.dump()["replans"]
    assert row["id"] == log.id and row["days"] == 62 and row["reason"] == "设备到货延期"


def test_replan_earlier_has_negative_days(pf, ms):
    changes = pf.update("milestones", ms, {"planned_date": "2025-06-20"}, reason="提前")
    assert changes.records[1].after["days"] == -10


def test_successive_replans_all_kept(pf, ms):
    pf.update("milestones", ms, {"planned_date": "2025-07-31"}, reason="一")
    pf.update("milestones", ms, {"planned_date": "2025-09-30"}, reason="二")
    log = pf.dump()["replans"]
    assert [(r["old_date"], r["new_date"], r["reason"]) for r in log] == [
        ("2025-06-30", "2025-07-31", "一"), ("2025-07-31", "2025-09-30", "二")]
    assert pf.get("milestones", ms)["baseline_date"] == "2025-06-30"


def test_clearing_then_resetting_planned_date_cannot_escape_the_slip_log(pf, ms):
    """DESIGN §2: every change of the planned date is a re-plan; slips are never overwritten."""
    with pytest.raises(ValidationError, match="不能清空"):
        pf.update("milestones", ms, {"planned_date": None})
    assert pf.get("milestones", ms)["planned_date"] == "2025-06-30"
    assert pf.dump()["replans"] == []


def test_replans_cannot_be_updated_or_deleted(pf, ms):
    changes = pf.update("milestones", ms, {"planned_date": "2025-08-31"}, reason="延期")
    rid = changes.records[1].id
    assert_refused(pf, [Update("replans", rid, {"reason": "改写历史"})], "调整记录")
    assert_refused(pf, [Delete("replans", rid)], "调整记录")
    assert pf.get("replans", rid)["reason"] == "延期"


def test_undo_replan_restores_date_and_tombstones_log(pf, ms):
    changes = pf.update("milestones", ms, {"planned_date": "2025-08-31"}, reason="延期")
    rid = changes.records[1].id
    undone = pf.undo(changes)
    assert {(r.kind, r.action) for r in undone.records} == {("replans", "delete"),
                                                           ("milestones", "update")}
    rec = pf.get("milestones", ms)
    assert rec["planned_date"] == "2025-06-30" and rec["baseline_date"] == "2025-06-30"
    assert pf.dump()["replans"] == []
    row = raw(pf, "replans", rid)
    assert row is not None and row["deleted"] == 1  # a tombstone, so the undo merges
    assert "deleted" in clocks(pf, "replans", rid)
    # redo = undo of the undo
    redone = pf.undo(undone)
    assert {(r.kind, r.action) for r in redone.records} == {("replans", "restore"),
                                                           ("milestones", "update")}
    assert pf.get("milestones", ms)["planned_date"] == "2025-08-31"
    [log] = pf.dump()["replans"]
    assert log["id"] == rid and log["old_date"] == "2025-06-30"
    assert len(pf.list("replans", include_deleted=True)) == 1  # no duplicate log row


def test_undo_of_delete_restores_project_and_cascaded_milestones(pf, proj, ms):
    m2, _ = pf.create("milestones", {"project_id": proj, "name": "设备安装"})
    other, _ = pf.create("projects", {"name": "别的项目"})
    m3, _ = pf.create("milestones", {"project_id": other, "name": "别的里程碑"})
    before = pf.dump()
    changes = pf.delete("projects", proj)
    assert [(r.kind, r.action) for r in changes.records] == [
        ("projects", "delete"), ("milestones", "delete"), ("milestones", "delete")]
    assert set(changes.ids("milestones")) == {ms, m2}
    after_delete = pf.dump()
    assert [p["id"] for p in after_delete["projects"]] == [other]
    assert [m["id"] for m in after_delete["milestones"]] == [m3]
    undone = pf.undo(changes)
    assert {(r.kind, r.action) for r in undone.records} == {("projects", "restore"),
                                                           ("milestones", "restore")}
    assert pf.dump() == before
    redone = pf.undo(undone)
    assert {(r.kind, r.action) for r in redone.records} == {("projects", "delete"),
                                                           ("milestones", "delete")}
    assert pf.dump() == after_delete


def test_undo_of_create_and_update(pf):
    pid, created = pf.create("projects", {"name": "临时"})
    updated = pf.update("projects", pid, {"zone": "西永", "total_investment": 5})
    pf.undo(updated)
    rec = pf.get("projects", pid)
    assert rec["zone"] is None and rec["total_investment"] is None
    pf.undo(created)
    assert pf.get("projects", pid) is None
    assert raw(pf, "projects", pid)["deleted"] == 1


def test_status_done_fills_actual_date(pf, ms):
    changes = pf.update("milestones", ms, {"status": "已完成"})
    rc = changes.records[0]
    assert rc.after == {"status": "已完成", "actual_date": TODAY.isoformat()}
    assert rc.before == {"status": "未开始", "actual_date": None}
    assert pf.get("milestones", ms)["actual_date"] == "2025-06-01"
    pf.undo(changes)
    rec = pf.get("milestones", ms)
    assert rec["status"] == "未开始" and rec["actual_date"] is None


def test_status_done_keeps_given_actual_date(pf, proj, ms):
    pf.update("milestones", ms, {"status": "已完成", "actual_date": "2025-05-20"})
    assert pf.get("milestones", ms)["actual_date"] == "2025-05-20"
    mid, changes = pf.create("milestones", {"project_id": proj, "name": "已完成的", "status": "已完成"})
    assert changes.records[0].after["actual_date"] == "2025-06-01"


@pytest.fixture
def team(pf):
    cid, _ = pf.create("challenges", {"title": "高端传感器"})
    tid, _ = pf.create("teams", {"challenge_id": cid, "name": "甲团队"})
    return tid


def test_milestone_needs_exactly_one_owner(pf, proj, team):
    assert_refused(pf, [Create("milestones", {"name": "无主"})], "里程碑「无主」", "二者选一")
    assert_refused(pf, [Create("milestones", {"name": "两主", "project_id": proj, "team_id": team})],
                   "里程碑「两主」", "二者选一")
    tm, _ = pf.create("milestones", {"name": "军令状节点", "team_id": team})
    assert pf.get("milestones", tm)["team_id"] == team
    pm, _ = pf.create("milestones", {"name": "项目节点", "project_id": proj})
    assert_refused(pf, [Update("milestones", pm, {"project_id": None})], "里程碑「项目节点」")
    assert_refused(pf, [Update("milestones", pm, {"team_id": team})], "里程碑「项目节点」")
    # moving it from the project to the team in one edit is fine
    pf.update("milestones", pm, {"project_id": None, "team_id": team})
    assert pf.get("milestones", pm)["team_id"] == team


def test_deleting_team_cascades_its_milestones(pf, team):
    tm, _ = pf.create("milestones", {"name": "军令状节点", "team_id": team})
    changes = pf.delete("teams", team)
    assert tm in changes.ids("milestones")
    assert pf.get("milestones", tm) is None


def test_deleting_referenced_unit_refused(pf):
    lead, _ = pf.create("units", {"name": "牵头单位甲"})
    resp, _ = pf.create("units", {"name": "责任单位乙"})
    parent, _ = pf.create("units", {"name": "上级单位丙"})
    pf.create("units", {"name": "下级", "parent_id": parent})
    pid, _ = pf.create("projects", {"name": "用单位的项目", "lead_unit_id": lead,
                                    "responsible_unit_ids": [resp]})
    assert_refused(pf, [Delete("units", lead)], "单位「牵头单位甲」", "1")
    assert_refused(pf, [Delete("units", resp)], "单位「责任单位乙」")
    assert_refused(pf, [Delete("units", parent)], "单位「上级单位丙」")
    # once the referring record is deleted, the unit may go
    pf.delete("projects", pid)
    pf.delete("units", lead)
    assert pf.get("units", lead) is None


def test_unreferenced_unit_can_be_deleted(pf):
    uid, _ = pf.create("units", {"name": "闲置单位"})
    changes = pf.delete("units", uid)
    assert changes.records[0].action == "delete"


def test_slip_log_of_the_days_recorded_and_counting_with_a_condition(pf, ms):
    from db.rows.slips import slip_rows
    pf.update("milestones", ms, {"planned_date": "2025-08-31"}, reason="延期")
    day = pf.dump()["replans"][0]["recorded_at"][:10]
    [row] = slip_rows(pf, recorded=(day, day))
    assert row["milestone_id"] == ms and row["project_id"] and row["milestone"]
    assert slip_rows(pf, recorded=("2000-01-01", "2000-01-07")) == []
    assert slip_rows(pf, recorded=(day, day)) == slip_rows(pf)
    assert pf.count("milestones", planned_date=records.AtLeast("2025-08-02")) == 1
    assert pf.count("milestones", planned_date=records.AtLeast("2026-01-02")) == 0
