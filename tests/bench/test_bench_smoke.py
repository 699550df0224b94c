"""The benchmarks at small scale, so they cannot rot: every figure is produced with its keys and
numbers (wall-clock targets are not asserted here; they are for `run.py --scale city`)."""
import json
import numbers
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent / "run.py"
FIGURES = {"cold_start_painted", "cold_start_rows_loaded", "peak_rss", "colours_all", "export_one_unit",
           "export_whole", "brief_pdf", "brief_docx", "merge_10pct_each_side", "merge_unit_changeset",
           "xlsx_import_10k", "filter_register_p50",
           "filter_register_p95", "filter_milestones_p50", "filter_milestones_p95", "filter_repaint", "xlsx_export_all",
           "template_one_unit", "ics_all", "edit_refresh_p95", "edit_refresh_overview_p95", "ui_blocked_edits",
           "ui_blocked_export", "ui_blocked_import"}
ACTIONS = {f"ui_blocked_{a}" for a in ("brief_pdf", "brief_docx", "template", "ics", "import_read", "import_apply",
                                       "merge_check", "merge", "sync", "open", "charts")}  # bench_actions.py
FIGURES |= ACTIONS
NO_BASELINE = {"ui_blocked_edits", "ui_blocked_export", "ui_blocked_import"} | ACTIONS  # a longest gap, judged alone
KEYS = {"name", "value", "unit", "baseline", "ratio", "target", "ok"}


def test_small_scale_run_produces_every_figure(tmp_path):
    done = subprocess.run([sys.executable, str(RUN), "--scale", "small", "--json", "--repeat", "1",
                           "--cache", str(tmp_path / "cache")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["scale"] == "small" and result["params"]["projects"] == 300
    figures = {f["name"]: f for f in result["figures"]}
    assert set(figures) == FIGURES
    for name, f in figures.items():
        assert KEYS <= set(f), name
        if f["value"] is None:  # only an entry point another part has not delivered yet
            assert f["ok"] is None and f.get("note", "").startswith("not available"), f
            continue
        assert "load" in f, f  # the machine's load beside every figure
        if name in NO_BASELINE:
            assert isinstance(f["value"], numbers.Real) and f["value"] > 0 and f["ok"] in (True, False), f
            continue
        for key in ("value", "baseline", "ratio"):
            assert isinstance(f[key], numbers.Real) and f[key] >= 0, (name, key, f[key])
        assert f["value"] > 0 and f["baseline"] > 0, f
        assert f["ok"] in (True, False, None) and (f["ok"] is None) == (f["target"] is None), f
        if f["target"]:
            assert set(f["target"]) <= {"max", "max_ratio"}, f
    assert figures["cold_start_rows_loaded"]["value"] >= figures["cold_start_painted"]["value"]
    assert "300" in figures["cold_start_rows_loaded"]["note"]  # the register really got its rows


@pytest.mark.slow
def test_small_scale_sync_figures(tmp_path):
    """The sync group (on request only: it starts a PostgreSQL server) at small scale, 2 units."""
    done = subprocess.run([sys.executable, str(RUN), "--scale", "small", "--json", "--repeat", "1", "--only", "sync",
                           "--units", "2", "--cache", str(tmp_path / "cache")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = {f["name"]: f for f in json.loads(done.stdout)["figures"]}
    assert set(figures) == {"changeset_week", "changeset_week_size", "sync_round_hub", "sync_round_folder"}
    assert figures["changeset_week_size"]["ratio"] < 1
    for name in ("sync_round_hub", "sync_round_folder"):
        f = figures[name]
        if f["value"] is None:  # no PostgreSQL on this machine
            assert name == "sync_round_hub" and f["note"].startswith("not available"), f
            continue
        assert f["value"] > 0 and f["baseline"] > 0 and "converged: True" in f["note"], f


def test_a_figure_and_its_baseline_are_measured_in_turn():
    sys.path.insert(0, str(RUN.parent))
    from bench_stats import alternated
    calls = []
    (cpu, wall), (base_cpu, base_wall) = alternated(
        lambda state: calls.append(("run", state)), lambda: calls.append(("base", None)), 3,
        setup=lambda: calls.append(("setup", None)) or "state", teardown=lambda state: calls.append(("down", state)))
    assert calls == [("setup", None), ("run", "state"), ("down", "state"), ("base", None)] * 3
    assert len(cpu) == len(wall) == len(base_cpu) == len(base_wall) == 3
    assert all(x >= 0 for x in cpu + wall + base_cpu + base_wall)
