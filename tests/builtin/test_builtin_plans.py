"""An office starts with the plans it works with and adds others later, without duplicates: the
same ids and the same records as an office that loaded everything at once (issue #17)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import builtin
from db.portfolio import Portfolio
from db.store.changes import Update

ROOT = Path(__file__).resolve().parents[2]


def kechuang(*args: str, code: int = 0) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == code, f"kechuang {args} exited {proc.returncode}: {proc.stderr}"
    return proc


def by_id(dump: dict) -> dict:
    return {kind: {r["id"]: r for r in recs} for kind, recs in dump.items()}


def dump(path: Path) -> dict:
    return by_id(json.loads(kechuang("dump", str(path), "--json").stdout))


@pytest.fixture(scope="module")
def everything(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("all") / "all.sqlite"
    kechuang("init", str(path))
    return dump(path)


def test_init_with_some_plans_holds_only_their_records(tmp_path, everything):
    path = tmp_path / "x.sqlite"
    out = json.loads(kechuang("init", str(path), "--plans", "000,002", "--json").stdout)
    assert out["plans"] == ["000", "002"]
    got = dump(path)
    keys = {r["builtin_key"][:3] for kind in ("milestones", "indicators") for r in got[kind].values()}
    assert keys == {"000", "002"}
    docs = {p["source_doc"] for p in got["projects"].values()}
    assert docs <= {"高新区十四五科技规划", "南川区十四五科技规划"}
    for kind, recs in got.items():  # every record is the very record a full load has
        for rid, rec in recs.items():
            assert everything[kind][rid] == rec, (kind, rec.get("name") or rec.get("title"))
    assert len(got["projects"]) < len(everything["projects"])


def test_adding_the_other_plans_later_gives_what_loading_all_gives(tmp_path, everything):
    path = tmp_path / "x.sqlite"
    kechuang("init", str(path), "--plans", "004")
    first = dump(path)
    out = json.loads(kechuang("plans", str(path), "--add", "000,001,002,003", "--json").stdout)
    assert all(p["loaded"] for p in out["plans"]) and out["added"] > 0
    assert dump(path) == everything
    again = json.loads(kechuang("plans", str(path), "--add", "000", "--json").stdout)
    assert again["added"] == 0  # nothing twice
    assert set(first["projects"]) < set(everything["projects"])


def test_adding_a_plan_keeps_the_offices_edits_and_deletions(tmp_path):
    with Portfolio.open(tmp_path / "o.sqlite", create=True) as pf:
        builtin.load(pf, plans=["000"])
        assert builtin.loaded_plans(pf) == ["000"]
        shared = next(p for p in pf.list("projects") if "另见" in (p["notes"] or ""))  # named by 000 and 004
        pf.apply([Update("projects", shared["id"], {"zone": "本局填写"})])
        gone = pf.list("milestones")[0]
        pf.delete("milestones", gone["id"])
        changes = builtin.add_plans(pf, ["004"])
        assert changes and builtin.loaded_plans(pf) == ["000", "004"]
        assert pf.get("projects", shared["id"])["zone"] == "本局填写"
        assert pf.get("milestones", gone["id"]) is None
        assert all(r.action == "create" for r in changes.records)
        assert pf.integrity() == []


def test_unknown_plan_is_refused_and_no_file_is_left(tmp_path):
    path = tmp_path / "bad.sqlite"
    proc = kechuang("init", str(path), "--plans", "000,042", code=2)
    assert "042" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not path.exists()
