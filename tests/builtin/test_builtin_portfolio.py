"""`kechuang init` loads the built-in portfolio: what it must contain, and that it is stable."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import builtin
from db.portfolio import Portfolio

ROOT = Path(__file__).resolve().parents[2]

TABLE_000 = "表  重庆高新区“十四五”科技创新发展规划指标体系表"
# The 20 rows of the 000 indicator table, copied by hand from the seed:
# 序号, name, unit, 2020 (baseline), 2025 (target); every row is 预期性.
ROWS_000 = [
    ("1", "R&D经费支出占GDP比重", "%", "4.9", "5.5"),
    ("2", "财政科技支出占比", "%", "12", "15"),
    ("3", "重大科技基础设施数量", "个", "0", "3"),
    ("4", "国家级产业创新平台", "个", "0", "4"),
    ("5", "市级以上研发机构", "个", "272", "320"),
    ("6", "市级以上重点实验室", "个", "76", "100"),
    ("7", "新获得国家级科技奖项", "件", "-", "15"),
    ("8", "万人发明专利拥有量", "件", "44.5", "70"),
    ("9", "技术合同交易额", "亿元", "5", "20"),
    ("10", "中试熟化平台", "个", "0", "5"),
    ("11", "国际科技合作平台", "家", "0", "2"),
    ("12", "孵化载体面积", "万平方米", "92", "300"),
    ("13", "在孵企业总数", "家", "664", "2500"),
    ("14", "战略性新兴企业产值占工业总产值比重", "%", "87.4", "90"),
    ("15", "科技型企业数量", "家", "773", "2000"),
    ("16", "高新技术企业数量", "家", "195", "500"),
    ("17", "独角兽企业数量", "家", "0", "5"),
    ("18", "杰出人才", "名", "159", "300"),
    ("19", "金融机构及金融服务机构", "家", "22", "42"),
    ("20", "创业风险投资机构", "家", "7", "20"),
]


def kechuang(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, f"kechuang {args} exited {proc.returncode}: {proc.stderr}"
    return proc


def init_and_dump(path: Path) -> dict:
    kechuang("init", str(path))
    assert path.exists()
    return json.loads(kechuang("dump", str(path), "--json").stdout)


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("init1") / "x.sqlite"
    return path, init_and_dump(path)


@pytest.fixture(scope="module")
def dump(first) -> dict:
    return first[1]


def test_init_reports_counts_and_check_is_ok(tmp_path):
    path = tmp_path / "x.sqlite"
    out = json.loads(kechuang("init", str(path), "--json").stdout)
    assert out["counts"]["projects"] > 0 and out["counts"]["indicators"] > 0
    report = json.loads(kechuang("check", str(path), "--json").stdout)
    assert report["ok"] is True and report["problems"] == []
    assert report["counts"] == out["counts"]


def test_init_refuses_to_overwrite(first):
    path, _ = first
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "init", str(path)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 2


@pytest.mark.parametrize("name", ["超瞬态实验装置", "种质创制大科学中心", "中国自然人群生物资源库"])
def test_major_facilities(dump, name):
    found = [p for p in dump["projects"] if p["name"] == name]
    assert found, f"{name} missing"
    assert all(p["category"] == "重大科技基础设施" for p in found)


@pytest.mark.parametrize("category", ["新型研发机构", "孵化载体", "科技服务平台", "科技园区", "重点实验室"])
def test_category_present(dump, category):
    assert any(p["category"] == category for p in dump["projects"])


def test_all_20_indicators_of_000_with_their_values(dump):
    rows = {i["seq"]: i for i in dump["indicators"] if i["table_title"] == TABLE_000}
    assert len(rows) == 20 == len([i for i in dump["indicators"] if i["table_title"] == TABLE_000])
    for seq, name, unit, base, target in ROWS_000:
        i = rows[seq]
        got = (i["name"], i["unit"], i["baseline_year"], i["baseline_text"], i["baseline_value"],
               i["target_year"], i["target_text"], i["target_value"], i["attribute"], i["direction"])
        want = (name, unit, 2020, base, None if base == "-" else float(base),
                2025, target, float(target), "预期性", "higher")
        assert got == want, f"000 序号{seq}"
        assert i["plan"] and i["source_doc"] == "高新区十四五科技规划"
        assert i["id"] == builtin.builtin_id(i["builtin_key"])


def test_every_milestone_references_an_existing_project(dump):
    projects = {p["id"] for p in dump["projects"]}
    assert dump["milestones"]
    orphans = [(m["builtin_key"], m["project_id"]) for m in dump["milestones"]
               if m["project_id"] not in projects]
    assert not orphans


def test_builtin_records_have_stable_ids(dump):
    for kind in ("projects", "milestones", "indicators", "indicator_values", "challenges"):
        for rec in dump[kind]:
            assert rec["id"] == builtin.builtin_id(rec["builtin_key"]), (kind, rec["builtin_key"])
    for u in dump["units"]:
        assert u["id"] == builtin.unit_id(u["name"])
    ids = [rec["id"] for recs in dump.values() for rec in recs]
    assert len(ids) == len(set(ids))


def test_two_inits_give_identical_ids_and_dumps(dump, tmp_path):
    again = init_and_dump(tmp_path / "y.sqlite")
    for kind in dump:
        assert [r["id"] for r in again[kind]] == [r["id"] for r in dump[kind]], kind
    assert again == dump


def test_examples_are_marked_and_removed_in_one_undoable_change(dump, tmp_path):
    examples = builtin.read(builtin.PORTFOLIO_DIR / builtin.EXAMPLES_FILE)["challenges"]
    assert examples
    assert len(dump["challenges"]) == len(examples)
    assert all(c["is_example"] is True for c in dump["challenges"])
    assert {c["id"] for c in dump["challenges"]} == {builtin.builtin_id(c["key"]) for c in examples}
    for kind in ("projects", "milestones", "teams"):  # nothing from the seeds is an example
        assert not any(r.get("is_example") for r in dump[kind]), kind

    path = tmp_path / "ex.sqlite"
    kechuang("init", str(path))
    with Portfolio.open(path) as pf:
        before = {k: pf.list(k) for k in ("challenges", "projects", "milestones", "teams")}
        changes = builtin.remove_examples(pf)
        assert {(r.kind, r.action) for r in changes.records} == {("challenges", "delete")}
        assert sorted(changes.ids("challenges")) == sorted(c["id"] for c in before["challenges"])
        assert pf.list("challenges") == []
        assert pf.list("challenges", is_example=True) == []
        for kind in ("projects", "milestones", "teams"):
            assert pf.list(kind) == before[kind]
        assert not builtin.remove_examples(pf), "nothing left to remove"

        pf.undo(changes)
        assert pf.list("challenges") == before["challenges"]
        assert pf.integrity() == []


def test_integrity(first):
    path, _ = first
    with Portfolio.open(path, readonly=True) as pf:
        assert pf.integrity() == []
