"""Issue #21 finding 2: an actual completion date means the milestone is done, for every caller."""
from __future__ import annotations

import json

from db import colours
from db.store.changes import Update
from desktop import cli
from write_helpers import TODAY, ms, path, pf, proj  # noqa: F401


def test_actual_date_alone_completes_on_update(pf, ms):  # noqa: F811
    pf.apply([Update("milestones", ms, {"actual_date": "2025-05-20"})])
    m = pf.get("milestones", ms)
    assert m["status"] == "已完成" and m["actual_date"] == "2025-05-20"
    assert colours.milestone_colour(m, TODAY).code == colours.BLUE  # done 41 days early


def test_actual_date_on_create_completes(pf, proj):  # noqa: F811
    mid, _ = pf.create("milestones", {"project_id": proj, "name": "土建完工", "planned_date": "2024-01-31",
                                      "actual_date": "2024-02-10", "status": "未开始"})
    m = pf.get("milestones", mid)
    assert m["status"] == "已完成"
    assert colours.milestone_colour(m, TODAY).code == colours.GREEN


def test_reopening_clears_the_actual_date_and_undo_restores_both(pf, ms):  # noqa: F811
    done = pf.apply([Update("milestones", ms, {"actual_date": "2025-05-20"})])
    reopened = pf.apply([Update("milestones", ms, {"status": "进行中"})])
    m = pf.get("milestones", ms)
    assert m["status"] == "进行中" and m["actual_date"] is None
    pf.undo(reopened)
    assert pf.get("milestones", ms)["status"] == "已完成"
    pf.undo(done)
    m = pf.get("milestones", ms)
    assert m["status"] == "未开始" and m["actual_date"] is None


def test_cancelled_stays_cancelled(pf, ms):  # noqa: F811
    pf.apply([Update("milestones", ms, {"status": "取消", "actual_date": "2025-05-20"})])
    assert pf.get("milestones", ms)["status"] == "取消"


def test_cli_set_actual_date_completes(tmp_path, capsys):
    file = tmp_path / "p.sqlite"
    assert cli.main(["init", str(file), "--empty"]) == 0
    capsys.readouterr()
    assert cli.main(["add", str(file), "project", "name=超瞬态实验装置", "--json"]) == 0
    pid = json.loads(capsys.readouterr().out)["id"]
    assert cli.main(["add", str(file), "milestone", f"project_id={pid}", "name=主体封顶",
                     "planned_date=2020-06-30", "--json"]) == 0
    mid = json.loads(capsys.readouterr().out)["id"]
    assert cli.main(["set", str(file), mid, "actual_date=2020-07-03"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["status"] == "已完成" and printed["actual_date"] == "2020-07-03"
