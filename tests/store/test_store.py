"""The one door to SQLite: Portfolio.read()/write() and keyword filters."""
import datetime as dt

import pytest

from db import builtin
from db.errors import ValidationError
from db.portfolio import Portfolio
from db.store import hooks, records
from db.store.changes import Create


@pytest.fixture
def pf(tmp_path):
    with Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: dt.date(2026, 11, 20)) as pf:
        builtin.load(pf)
        yield pf


def test_keyword_filters_match_a_plain_scan(pf):
    milestones, projects = pf.list("milestones"), pf.list("projects")
    owned = pf.list("milestones", project_id=records.NOT_NULL)
    assert owned and owned == [m for m in milestones if m["project_id"] is not None]
    assert pf.list("milestones", project_id=None) == [m for m in milestones if m["project_id"] is None]
    pid = projects[0]["id"]
    assert pf.list("milestones", project_id=pid) == [m for m in milestones if m["project_id"] == pid]
    stages = ["建设", "前期"]
    assert pf.list("projects", stage=stages) == [p for p in projects if p["stage"] in stages]
    assert pf.list("projects", stage=[]) == []
    assert pf.count("projects", stage=stages) == len(pf.list("projects", stage=stages))
    assert [r[0] for r in pf.rows("projects", ("name",), id=[pid])] == [pid]
    # None among the values also takes the unset; Prefix, AtLeast and Between compare as text
    pf.update("projects", pid, {"stage": None})
    unset_or_built = pf.list("projects", stage=["建设", None])
    assert unset_or_built == [p for p in pf.list("projects") if p["stage"] in ("建设", None)]
    assert any(p["stage"] is None for p in unset_or_built)
    assert pf.list("settings", key=records.Prefix("warn")) == [
        s for s in pf.list("settings") if s["key"].startswith("warn")]
    dated = [m for m in milestones if m["planned_date"]]
    assert pf.list("milestones", planned_date=records.AtLeast("2025-01-01")) == [
        m for m in dated if m["planned_date"] >= "2025-01-01"]
    assert pf.list("milestones", planned_date=records.Between("2025-01-01", "2025-12-31")) == [
        m for m in dated if "2025-01-01" <= m["planned_date"] <= "2025-12-31"]


def test_a_list_field_filtered_by_the_items_it_mentions(pf):
    """records.Mentions: the records whose list (a JSON list in the file) holds any of the items —
    what a unit's slice asks of 负责单位 without decoding every project's list."""
    units = [u["id"] for u in pf.list("units")][:3]
    projects = pf.list("projects")
    pf.update("projects", projects[0]["id"], {"responsible_unit_ids": [units[0], units[1]]})
    pf.update("projects", projects[1]["id"], {"responsible_unit_ids": [units[2]]})
    projects = pf.list("projects")
    for wanted in ([units[0]], [units[2]], units[:2], units, []):
        assert pf.list("projects", responsible_unit_ids=records.Mentions(tuple(wanted))) == [
            p for p in projects if set(p["responsible_unit_ids"]) & set(wanted)]
    assert pf.list("projects", responsible_unit_ids=records.Mentions((units[0],)))


def test_filters_and_order_take_only_field_names(pf):
    with pytest.raises(ValueError):
        pf.list("projects", **{"name=name OR 1": 1})
    with pytest.raises(ValueError):
        pf.list("projects", order="name; DROP TABLE projects")
    assert pf.list("milestones", order="planned_date IS NULL, planned_date DESC, rowid")


def test_a_failed_write_rolls_back_rows_and_clock(pf):
    before = (pf.clock.wall, pf.clock.counter, pf.counts())
    with pytest.raises(RuntimeError):
        with pf.write("test"):
            pf.writer.apply([Create("projects", {"name": "不会留下"})])
            raise RuntimeError("boom")
    assert (pf.clock.wall, pf.clock.counter, pf.counts()) == before
    with pf.write("trial", keep=False):
        pf.writer.apply([Create("projects", {"name": "试一试"})])
    assert (pf.clock.wall, pf.clock.counter, pf.counts()) == before
    assert pf.meta("hlc_last") is None or pf.meta("hlc_last") <= pf.clock.last


def test_a_committed_write_persists_the_clock(pf):
    pf.create("projects", {"name": "新项目"})
    assert pf.meta("hlc_last") == pf.clock.last


def test_restore_says_everything_changed(pf, tmp_path):
    backup = pf.backup("test")
    pf.create("projects", {"name": "恢复后不在"})
    changes = pf.restore_from(backup)
    assert changes.everything and changes and changes.touches("projects")
    assert not [p for p in pf.list("projects") if p["name"] == "恢复后不在"]
    with pytest.raises(ValueError):
        changes.inverse()


def test_a_broken_backup_is_refused_before_anything_is_done(pf, tmp_path):
    from db.errors import UserError
    from db.store import backups as store_backups
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database " * 200)
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(pf.backup("whole").read_bytes()[:4096] + b"\0" * 8192)  # a header, then nothing
    before, kept = pf.dump(), len(store_backups.list_backups(pf.path))
    for bad in (garbage, damaged):
        with pytest.raises(UserError) as refused:
            pf.restore_from(bad)
        assert bad.name in str(refused.value)
    assert pf.dump() == before
    assert len(store_backups.list_backups(pf.path)) == kept  # no "before-restore" copy for a refused file


def test_kind_rules_are_registered_hooks(pf):
    assert hooks.of("milestones").before_create and hooks.of("milestones").before_update
    assert hooks.of("units").before_delete
    assert hooks.of("projects").before_create == []
    with pytest.raises(ValidationError):  # the milestone owner rule, through its hook
        pf.create("milestones", {"name": "无主节点"})


def test_range_prefix_and_clock_filters(pf):
    """What the read-models ask for without SQL text: dates between two days, a key prefix,
    records created or deleted within a clock range, long id lists."""
    mid = pf.list("milestones", project_id=records.NOT_NULL)[0]["id"]
    pf.update("milestones", mid, {"planned_date": "2027-01-10"}, reason="设备到货延期")
    day = pf.list("replans")[0]["recorded_at"][:10]
    assert [r["milestone_id"] for r in pf.list("replans", recorded_at=records.Between(day, day, chars=10))] == [mid]
    assert pf.list("replans", recorded_at=records.Between("2000-01-01", "2000-01-02", chars=10)) == []
    pf.set_setting("brief_number:2026-W47", 3)
    assert [s["key"] for s in pf.list("settings", key=records.Prefix("brief_number:"))] == ["brief_number:2026-W47"]
    before = pf.clock.last
    pid, _ = pf.create("projects", {"name": "本周新项目"})
    after = pf.clock.last + "~"
    assert [p["id"] for p in pf.list("projects", created_hlc=records.Range(before, after))] == [pid]
    pf.delete("projects", pid)
    gone = pf.list("projects", include_deleted=True, deleted_at=records.Range(before, pf.clock.last + "~"))
    assert [p["id"] for p in gone] == [pid]
    assert pf.list("projects", include_deleted=True, deleted_at=records.Range(before, after)) == []
    ids = [m["id"] for m in pf.list("milestones")] + [m["id"] for m in pf.list("projects")]
    ids += [f"no-such-{i}" for i in range(records.MANY)]  # a long list goes as one JSON parameter
    assert len(pf.list("milestones", id=ids)) == pf.count("milestones")


def test_since_and_cell_clock_filters(pf):
    """The brief's "since the last brief": records created since a clock (open-ended), and
    milestones whose status cell was written since (their creation when it never was)."""
    mid = pf.list("milestones", project_id=records.NOT_NULL)[0]["id"]
    before = pf.clock.last + "~"
    assert pf.list("milestones", status_clock=records.AtLeast(before)) == []
    pid, _ = pf.create("projects", {"name": "新项目"})
    pf.update("milestones", mid, {"status": "受阻"})
    assert [p["id"] for p in pf.list("projects", created_hlc=records.AtLeast(before))] == [pid]
    assert [m["id"] for m in pf.list("milestones", status="受阻", status_clock=records.AtLeast(before))] == [mid]
    assert pf.list("milestones", notes_clock=records.AtLeast(before)) == []  # another cell: untouched
    with pytest.raises(ValueError):
        pf.list("milestones", nothing_clock=records.AtLeast(before))
