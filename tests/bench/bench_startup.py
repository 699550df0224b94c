"""Figures 1 and 7: cold start to the painted main window, and peak memory, each run in a fresh
process (bench_gui_child.py: the app started by its entry point, as the user starts it) against a bare
PySide6 QMainWindow started the same way."""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_stats import figure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CHILD = HERE / "bench_gui_child.py"


def _child(mode: str, file: Path | None, data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KECHUANG_DATA_DIR=str(data_dir),
               KECHUANG_ROOT=str(ROOT))
    env.pop("KECHUANG_BENCH_PROFILE", None)
    # an installed app starts from compiled bytecode (pip compiles it at install); a child that may not
    # keep it (the test runner's PYTHONDONTWRITEBYTECODE) compiled ~130 modules at every start, 0.26 s
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, str(CHILD), mode] + ([str(file)] if file else [])
    t0 = time.perf_counter()  # CLOCK_MONOTONIC: comparable with the child's perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{mode} child failed ({done.returncode}): {done.stderr[-2000:]}")
    out = json.loads(lines[-1])
    for key in ("painted", "rows"):
        if key in out:
            out[key] -= t0
    return out


def measure(path: Path, repeat: int, work: Path) -> list[dict]:
    """Cold start (painted, rows loaded) and peak RSS, medians of `repeat` fresh processes each."""
    gui_file = work / "gui.sqlite"
    shutil.copyfile(path, gui_file)  # its own copy: the runner's open files must not lock it
    app, bare, first = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(dir=work) as d:
            bare.append(_child("bare", None, Path(d)))
        with tempfile.TemporaryDirectory(dir=work) as d:  # the user's data folder, empty
            first.append(_child("app", gui_file, Path(d)))  # the first session on this file
            app.append(_child("app", gui_file, Path(d)))  # the next start, what the user meets every day
    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    rows = app[0].get("row_count")
    heavy = sorted({m for r in app for m in r.get("modules_at_paint", [])})
    return [
        figure("cold_start_painted", med(app, "painted"), "s", med(bare, "painted"), max_value=2.0, max_ratio=4.0,
               note="python -m desktop.cli gui FILE; imported by then (of the heavy libraries, core, screens): "
               + (", ".join(heavy) or "none"),
               baseline_note="bare PySide6 QMainWindow, same process setup",
               samples=[r["painted"] for r in app], cpu=med(app, "painted_cpu"), baseline_cpu=med(bare, "painted_cpu")),
        figure("cold_start_rows_loaded", med(app, "rows"), "s", med(bare, "painted"),
               note=f"register rows ({rows}) built (on a worker thread above ASYNC_ABOVE), a returning user's start; "
                    f"the first session's in a new data folder: {med(first, 'rows'):.3g} s ({med(first, 'rows_cpu'):.3g} s CPU)",
               baseline_note="bare PySide6 QMainWindow painted", samples=[r["rows"] for r in app],
               cpu=med(app, "rows_cpu"), baseline_cpu=med(bare, "painted_cpu")),
        figure("peak_rss", med(app, "rss_mb"), "MB", med(bare, "rss_mb"), max_value=500,
               note=f"VmHWM after rows loaded ({med(app, 'rss_rows_mb'):.0f} MB) and every screen shown once",
               baseline_note="bare PySide6 QMainWindow"),
    ]
