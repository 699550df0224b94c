"""The command line as scripts use it (DESIGN §7): run `python -m desktop.cli` in a subprocess.

Exit 0 on success; 2 on bad input or a refused file, with one line on stderr and nothing
changed; `--json` prints one JSON object on stdout.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DUMP_KINDS = ("projects", "milestones", "challenges", "teams", "indicators", "units")


def run(*args, check_rc: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, encoding="utf-8", timeout=60)
    if check_rc is not None:
        assert proc.returncode == check_rc, (proc.returncode, proc.stdout[-2000:], proc.stderr)
    return proc


def dump(path) -> dict:
    return json.loads(run("dump", path, "--json", check_rc=0).stdout)


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_refused(proc, *fragments):
    """Exit 2, exactly one line on stderr (naming what is wrong), nothing on stdout."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout[-2000:], proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    for frag in fragments:
        assert frag in lines[0], (frag, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A portfolio file made by `kechuang init` (the built-in portfolio)."""
    path = tmp_path_factory.mktemp("cli") / "base.sqlite"
    proc = run("init", path, check_rc=0)
    assert str(path) in proc.stdout
    assert path.exists() and path.stat().st_size > 0
    return path


@pytest.fixture(scope="module")
def base_dump(base) -> dict:
    return dump(base)


@pytest.fixture
def work(base, tmp_path) -> Path:
    """A private copy of the base file to change."""
    target = tmp_path / "work.sqlite"
    shutil.copyfile(base, target)
    return target


# -- init / check / dump ------------------------------------------------------------------

def test_init_refuses_to_overwrite(base):
    before = sha(base)
    line = assert_refused(run("init", base), str(base))
    assert line.startswith("kechuang:")
    assert sha(base) == before


def test_init_empty_and_check_json(tmp_path):
    path = tmp_path / "empty.sqlite"
    run("init", path, "--empty", check_rc=0)
    report = json.loads(run("check", path, "--json", check_rc=0).stdout)
    assert report["ok"] is True and report["problems"] == []
    assert report["schema_version"] == SCHEMA_VERSION == report["app_schema_version"]
    assert re.fullmatch(r"[0-9a-f]{16}", report["site_id"])
    assert set(DUMP_KINDS) <= set(report["counts"])
    assert all(n == 0 for n in report["counts"].values()), report["counts"]


def test_check_json_counts_match_dump(base, base_dump):
    proc = run("check", base, "--json", check_rc=0)
    report = json.loads(proc.stdout)
    assert report["ok"] is True
    assert report["schema_version"] == SCHEMA_VERSION
    counts = report["counts"]
    assert counts["projects"] > 0 and counts["milestones"] > 0 and counts["indicators"] > 0
    assert counts["units"] > 0
    for kind, records in base_dump.items():
        assert counts[kind] == len(records), kind


def test_dump_json_shape(base_dump):
    assert set(DUMP_KINDS) <= set(base_dump)
    for kind, records in base_dump.items():
        assert isinstance(records, list), kind
        for rec in records:
            assert isinstance(rec, dict)
            assert UUID_RE.match(rec["id"]), (kind, rec)
            assert "deleted" not in rec
            assert not any(isinstance(v, dict) and k != "extra" and k != "value"
                           for k, v in rec.items()), (kind, rec)  # flat records
    ids = {r["id"] for r in base_dump["projects"]}
    for m in base_dump["milestones"]:
        assert m["project_id"] in ids  # references are UUIDs of dumped records
    unit_ids = {u["id"] for u in base_dump["units"]}
    for p in base_dump["projects"]:
        assert p["lead_unit_id"] is None or p["lead_unit_id"] in unit_ids


# -- add / set / delete ------------------------------------------------------------------

def test_add_project_prints_record(work, base_dump):
    proc = run("add", work, "project", "name=量子精密测量中心", "total_investment=12000.5",
               "stage=建设", "tags=量子,测量", check_rc=0)
    rec = json.loads(proc.stdout)
    assert UUID_RE.match(rec["id"])
    assert rec["name"] == "量子精密测量中心"
    assert rec["total_investment"] == 12000.5
    assert rec["stage"] == "建设"
    assert rec["tags"] == ["量子", "测量"]
    after = dump(work)
    assert len(after["projects"]) == len(base_dump["projects"]) + 1
    [stored] = [p for p in after["projects"] if p["id"] == rec["id"]]
    assert stored == rec


def test_add_unknown_field_refused(work, base_dump):
    before = sha(work)
    assert_refused(run("add", work, "project", "name=新项目", "budget=5"), "budget", "项目「新项目」")
    assert dump(work) == base_dump
    assert sha(work) == before


@pytest.mark.parametrize("args,fragment", [
    (("project", "name=新项目", "total_investment=-1"), "总投资"),
    (("project", "name=新项目", "stage=不存在"), "阶段"),
    (("project", "name=新项目", "oops"), "oops"),  # not field=value
    (("gadget", "name=x"), "gadget"),  # unknown kind
    (("milestone", "name=无主节点"), "二者选一"),  # a milestone needs a project or a team
])
def test_add_bad_input_refused(work, args, fragment):
    before = sha(work)
    assert_refused(run("add", work, *args), fragment)
    assert sha(work) == before


def test_set_bad_date_refused(work, base_dump):
    mid = base_dump["milestones"][0]["id"]
    line = assert_refused(run("set", work, mid, "planned_date=2025年13月"), "2025年13月")
    # the field is named (by its label 计划日期, or by the name dump shows)
    assert "计划日期" in line or "planned_date" in line
    assert dump(work) == base_dump


def test_set_unknown_uuid_refused(work, base_dump):
    ghost = "00000000-0000-4000-8000-000000000000"
    assert_refused(run("set", work, ghost, "name=x"), ghost)
    assert dump(work) == base_dump


def test_set_replan_needs_reason(work, base_dump):
    m = base_dump["milestones"][0]
    old = m["planned_date"]
    assert old
    new = "2031-03-31"
    assert_refused(run("set", work, m["id"], f"planned_date={new}"), old, new)
    assert dump(work) == base_dump
    proc = run("set", work, m["id"], f"planned_date={new}", "--reason", "设备到货延期",
               "--approved-by", "张主任", "--json", check_rc=0)
    changes = json.loads(proc.stdout)["changes"]
    assert [(c["kind"], c["action"]) for c in changes] == [("milestones", "update"),
                                                          ("replans", "create")]
    after = dump(work)
    [log] = after["replans"]
    assert log["milestone_id"] == m["id"]
    assert (log["old_date"], log["new_date"]) == (old, new)
    assert log["reason"] == "设备到货延期" and log["approved_by"] == "张主任"
    assert isinstance(log["days"], int) and log["days"] > 0
    [stored] = [x for x in after["milestones"] if x["id"] == m["id"]]
    assert stored["planned_date"] == new
    assert stored["baseline_date"] == m["baseline_date"]


def test_set_prints_record(work, base_dump):
    pid = base_dump["projects"][0]["id"]
    rec = json.loads(run("set", work, pid, "zone=西永", "annual_plan_investment=800",
                         check_rc=0).stdout)
    assert rec["id"] == pid and rec["zone"] == "西永" and rec["annual_plan_investment"] == 800


def test_delete_removes_record_and_cascades(work, base_dump):
    pid = base_dump["milestones"][0]["project_id"]
    children = {m["id"] for m in base_dump["milestones"] if m["project_id"] == pid}
    proc = run("delete", work, pid, check_rc=0)
    changes = json.loads(proc.stdout)["changes"]
    assert changes[0] == {"kind": "projects", "id": pid, "action": "delete",
                          "before": {"deleted": False}, "after": {"deleted": True}}
    assert {c["id"] for c in changes if c["kind"] == "milestones"} == children
    after = dump(work)
    assert pid not in {p["id"] for p in after["projects"]}
    assert not children & {m["id"] for m in after["milestones"]}
    assert len(after["projects"]) == len(base_dump["projects"]) - 1
    # deleting again: the record no longer counts as live, but must not crash
    again = run("delete", work, pid)
    assert again.returncode in (0, 2), again.stderr
    if again.returncode == 0:  # idempotent: nothing left to change
        assert json.loads(again.stdout) == {"kind": "projects", "id": pid, "changes": []}
    # and a deleted record cannot be edited
    assert_refused(run("set", work, pid, "zone=x"), "已被删除")


# -- --json on every command that prints a record or a result ---------------------------

def one_object(proc) -> dict:
    """Exit 0, and stdout is exactly one JSON object (nothing before or after it)."""
    assert proc.returncode == 0, (proc.returncode, proc.stdout[-2000:], proc.stderr)
    obj, end = json.JSONDecoder().raw_decode(proc.stdout)
    assert isinstance(obj, dict) and proc.stdout[end:].strip() == ""
    return obj


def test_every_command_but_gui_accepts_json():
    import argparse

    from desktop.cli import build_parser
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    commands = []
    for name, parser in sub.choices.items():
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:  # `hub init`, `hub grant`: each subcommand takes --json
            commands += [(f"{name} {n}", p) for a in nested for n, p in a.choices.items()]
        else:
            commands.append((name, parser))
    for name, parser in commands:
        flags = {flag for action in parser._actions for flag in action.option_strings}
        assert ("--json" in flags) == (name != "gui"), name


def test_add_json(work, base_dump):
    """The issue's example: `add FILE challenge title=… --json` (refused as a usage error before)."""
    out = one_object(run("add", work, "challenge", "title=深空探测关键材料", "--json"))
    assert out["kind"] == "challenges" and UUID_RE.match(out["id"])
    assert out["record"]["id"] == out["id"] and out["record"]["title"] == "深空探测关键材料"
    assert [(c["kind"], c["id"], c["action"]) for c in out["changes"]] == [("challenges", out["id"], "create")]
    [stored] = [c for c in dump(work)["challenges"] if c["id"] == out["id"]]
    assert stored == out["record"]
    unit = one_object(run("add", work, "unit", "name=新材料研究院", "kind=院所", "--json"))
    assert unit["kind"] == "units" and unit["record"]["kind"] == "院所"  # a field named kind stays the record's


def test_set_and_delete_json(work, base_dump):
    pid = base_dump["projects"][0]["id"]
    out = one_object(run("set", work, pid, "zone=西永", "--json"))
    assert (out["kind"], out["id"], out["record"]["zone"]) == ("projects", pid, "西永")
    [change] = out["changes"]
    assert change["action"] == "update" and change["after"] == {"zone": "西永"}
    out = one_object(run("delete", work, pid, "--json"))
    assert (out["kind"], out["id"]) == ("projects", pid)
    assert out["changes"][0] == {"kind": "projects", "id": pid, "action": "delete",
                                 "before": {"deleted": False}, "after": {"deleted": True}}


def test_init_json(tmp_path):
    path = tmp_path / "new.sqlite"
    out = one_object(run("init", path, "--json"))
    assert out["file"] == str(path) and out["size"] == path.stat().st_size
    assert out["counts"]["projects"] > 0 and out["counts"] == json.loads(run("check", path, "--json").stdout)["counts"]


def test_file_writing_commands_json(base, tmp_path):
    """export, ics, xlsx-export, notice: the file written, its size and what is in it."""
    def written(out: dict, path: Path) -> None:
        assert out["file"] == str(path) and out["size"] == path.stat().st_size > 0
    x = tmp_path / "slice.sqlite"
    out = one_object(run("export", base, "--out", x, "--json"))
    written(out, x)
    assert out["counts"]["projects"] == len(dump(x)["projects"]) > 0
    ics = tmp_path / "m.ics"
    out = one_object(run("ics", base, "--out", ics, "--json"))
    written(out, ics)
    assert out["events"] == ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") > 0
    xlsx = tmp_path / "t.xlsx"
    out = one_object(run("xlsx-export", base, "--out", xlsx, "--json"))
    written(out, xlsx)
    assert out["template"] is False and out["counts"]["projects"] > 0
    template = tmp_path / "d.xlsx"
    out = one_object(run("xlsx-export", base, "--out", template, "--template", "--json"))
    written(out, template)
    assert out["template"] is True and out["milestones"] > 0
    for name, fmt in (("n.pdf", "pdf"), ("n.xlsx", "xlsx")):
        out = one_object(run("notice", base, "--out", tmp_path / name, "--json"))
        written(out, tmp_path / name)
        assert out["format"] == fmt and out["challenges"] > 0


def test_merge_and_import_json(work, base, tmp_path):
    x = tmp_path / "x.sqlite"
    run("export", base, "--out", x, check_rc=0)
    out = one_object(run("merge", work, "--from", x, "--dry-run", "--json"))
    assert out["dry_run"] is True
    xlsx = tmp_path / "d.xlsx"
    run("xlsx-export", base, "--out", xlsx, "--template", check_rc=0)
    out = one_object(run("xlsx-import", work, xlsx, "--dry-run", "--json"))
    assert out["dry_run"] is True and out["written"] is False


def test_refused_with_json_is_still_one_line(work):
    """Errors keep the contract with --json too: one line on stderr, exit 2, stdout empty."""
    before = sha(work)
    assert_refused(run("add", work, "project", "name=新项目", "budget=5", "--json"), "budget")
    assert_refused(run("brief", work, "--week", "2026-47", "--out", work.parent / "b.pdf", "--json"), "2026-47")
    assert sha(work) == before and not (work.parent / "b.pdf").exists()


@pytest.mark.parametrize("args,fragment", [
    (("add",), "required"),
    (("brief", "x.sqlite"), "--out"),
    (("frobnicate",), "frobnicate"),
    (("delete", "x.sqlite", "some-id", "--bogus"), "--bogus"),
])
def test_usage_errors_are_one_line(args, fragment):
    assert_refused(run(*args), fragment)


# -- brief: one 期号 per week ---------------------------------------------------------------

def test_brief_keeps_the_number_of_its_week(work, tmp_path):
    """Built twice for the same week: the same 期号 and the same bytes; a new week gets the next
    number; --number sets a week's number, which it then keeps."""
    def brief(week, name, *extra):
        out = one_object(run("brief", work, "--week", week, "--out", tmp_path / name, "--json", *extra))
        assert out["file"] == str(tmp_path / name) and out["size"] == (tmp_path / name).stat().st_size
        assert out["week"] == week and out["pages"] >= 1
        return out
    first = brief("2026-W40", "a.pdf")
    assert first["number"] == 1 and first["previous_number"] is None
    again = brief("2026-W40", "b.pdf")
    assert again["number"] == 1 and again["previous_number"] == 1
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert brief("2026-W41", "c.pdf")["number"] == 2
    assert brief("2026-W39", "d.pdf")["number"] == 3  # a week issued late is still a new one
    assert brief("2026-W42", "e.pdf", "--number", "10")["number"] == 10
    assert brief("2026-W42", "f.pdf")["number"] == 10
    assert brief("2026-W43", "g.pdf")["number"] == 11
    fixed = brief("2026-W40", "h.pdf", "--number", "5")  # a corrected brief renumbered on request
    assert (fixed["number"], fixed["previous_number"]) == (5, 1)
    assert brief("2026-W40", "i.pdf")["number"] == 5
    text = run("brief", work, "--week", "2026-W40", "--out", tmp_path / "j.pdf", check_rc=0).stdout
    assert "第5期" in text and "2026-W40" in text
    before = sha(work)
    assert_refused(run("brief", work, "--week", "2026-W44", "--number", "10", "--out", tmp_path / "k.pdf"),
                   "2026-W42")
    assert sha(work) == before and not (tmp_path / "k.pdf").exists()
    numbers = {s["key"]: s["value"] for s in dump(work)["settings"] if s["key"].startswith("brief_number:")}
    assert numbers == {"brief_number:2026-W39": 3, "brief_number:2026-W40": 5, "brief_number:2026-W41": 2,
                       "brief_number:2026-W42": 10, "brief_number:2026-W43": 11}


# -- refused files ------------------------------------------------------------------------

def test_check_non_sqlite_file_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = sha(path)
    assert_refused(run("check", path), "notes.sqlite")
    assert sha(path) == before


def test_check_missing_file_refused(tmp_path):
    path = tmp_path / "missing.sqlite"
    assert_refused(run("check", path, "--json"), "missing.sqlite")
    assert not path.exists()
