"""The merge's "before-merge" backup is copied on a thread of its own while the received file is
planned (store/backup_beside.py): it must still be the file exactly as it stood before the merge
(edits still in the write-ahead log included), and a merge that stops before writing leaves no
backup behind and the portfolio as it was."""
import pytest
from replicas import state

import db.exchange.merge as merge_module
import db.store.backup_beside as beside_module
from db.builtin import builtin_id
from db.errors import StorageError
from db.portfolio import Portfolio
from db.store.backups import list_backups

FACILITY = builtin_id("000-p-5-1")


def _backups(pf) -> list:
    return [b for b in list_backups(pf.path) if b["reason"] == "before-merge"]


def test_the_backup_beside_the_plan_is_the_file_before_the_merge(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})  # in b's write-ahead log, not yet in its file
    before, dump_before = state(b.pf), b.pf.dump()
    r = b.receive(a.send())
    assert b.pf.get("projects", FACILITY)["stage"] == "建设"
    assert [x["path"] for x in _backups(b.pf)] == [r.backup]
    with Portfolio.open(r.backup, readonly=True) as copy:
        assert state(copy) == before and copy.dump() == dump_before
        assert copy.integrity() == []


def test_a_merge_that_fails_in_its_plan_leaves_no_backup_and_changes_nothing(offices, monkeypatch):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    sent, dump_before = a.send(), b.pf.dump()

    def broken(*_args, **_kw):
        raise RuntimeError("plan failed")
    monkeypatch.setattr(merge_module, "plan", broken)
    with pytest.raises(RuntimeError, match="plan failed"):
        b.receive(sent)
    assert _backups(b.pf) == [] and b.pf.dump() == dump_before


def test_a_backup_that_cannot_be_written_stops_the_merge_before_it_writes(offices, monkeypatch):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    sent, dump_before = a.send(), b.pf.dump()

    def full_disk(_conn, target):
        raise StorageError("无法写入备份文件“{path}”：{detail}", path=str(target), detail="No space left on device")
    monkeypatch.setattr(beside_module, "copy_database", full_disk)
    with pytest.raises(StorageError, match="No space left"):
        b.receive(sent)
    assert b.pf.dump() == dump_before
    assert b.pf.get("projects", FACILITY)["stage"] != "建设"


def test_a_dry_run_makes_no_backup(offices):
    a, b = offices("a"), offices("b")
    a.pf.update("projects", FACILITY, {"stage": "建设"})
    r = b.receive(a.send(), dry_run=True)
    assert r.totals()["updated"] == 1 and _backups(b.pf) == []
