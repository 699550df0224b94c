"""Schema v3 (problems) over v2 files (issue #18): a v2 portfolio opened by this app is backed up
and upgraded, and problems can be raised in it at once; a v2 file received from an office still
on the older app passes the received-file check, is upgraded in its private copy (the file
itself untouched) and merged."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.problems import ops
from db.store import schema

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402

ID = make_fixtures.ID
V2 = FIXTURES / "schema_v2.sqlite"
TODAY = dt.date(2026, 6, 10)


def version_of(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


def test_a_v2_portfolio_is_upgraded_and_takes_problems(tmp_path):
    path = tmp_path / "v2.sqlite"
    shutil.copyfile(V2, path)
    assert version_of(path) == 2 < schema.SCHEMA_VERSION  # v2 → every later step (v3 problems, v4 attachments)
    with Portfolio.open(path, today=lambda: TODAY) as pf:
        assert pf.schema_version == schema.SCHEMA_VERSION and pf.integrity() == []
        (backup,) = pf.backups_made
        assert version_of(backup) == 2
        assert pf.counts()["problems"] == 0
        pid, _ = pf.create("problems", {"project_id": ID("project-1"), "description": "用地指标未落实",
                                        "responsible_unit_id": ID("unit-park"), "due_date": "2026-06-30"})
        pf.apply(ops.transition_ops(pf, pid, "交办"))
        assert [e["to_status"] for e in ops.history(pf, pid)] == ["提出", "交办"]
    assert version_of(path) == schema.SCHEMA_VERSION


def test_a_received_v2_file_is_checked_upgraded_in_private_and_merged(tmp_path):
    sent = tmp_path / "from-older-app.sqlite"
    shutil.copyfile(V2, sent)
    before = hashlib.sha256(sent.read_bytes()).hexdigest()
    with Portfolio.open(tmp_path / "office.sqlite", create=True, today=lambda: TODAY) as pf:
        report = merge(pf, sent)
        assert report.totals()["added"] > 0 and report.totals()["conflicts"] == 0
        assert pf.get("projects", ID("project-1"))["name"] == "超瞬态实验装置"
        assert pf.get("projects", ID("project-programme"))["entry_type"] == "专项计划"  # v2's own fields
        pid, _ = pf.create("problems", {"project_id": ID("project-1"), "description": "设备进口审批",
                                        "responsible_unit_id": ID("unit-park"), "due_date": "2026-06-30"})
        assert pf.get("problems", pid)["status"] == "提出"
    assert hashlib.sha256(sent.read_bytes()).hexdigest() == before  # the received file is never changed
    assert version_of(sent) == 2
    with sqlite3.connect(f"{sent.resolve().as_uri()}?mode=ro&immutable=1", uri=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert "problems" not in tables
