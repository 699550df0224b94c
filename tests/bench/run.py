"""City-scale benchmarks of 科创项目台账 (issue #10), run on demand — not part of the test suite.

    python tests/bench/run.py [--scale small|city|province] [--json] [--only GROUP ...] [--cache DIR]
    python tests/bench/run.py --only sync [--units N]    # issue #19; starts its own PostgreSQL

Each figure is the median of several runs (percentiles for the per-keystroke filter latency),
printed next to a baseline measured in the same run and the ratio, and marked within or OVER
its target (bench_targets.py, issue #20). Groups: startup (cold start, peak RSS), filter, colours,
export, brief, merge, xlsx (ledger import), sheets (XLSX tables, 调度表, ICS), edit (edit → views
refreshed, the UI thread's heartbeat during edits and 导出表格), actions (the heartbeat while each long
action of the issue runs in the window: brief, .docx, 调度表, ICS, 导入台账, 合并, 同步, 打开); sync (changesets, a full round
through a hub and a folder: bench_sync.py) only when asked for.
The portfolio is generated once per parameters and seed (tests/bench/generate.py) and cached.
Each run's figures are kept beside the cache (results-SCALE.json); a province run prints, per
figure, its growth from the last city run: × and as an exponent of the size ratio (1.0 = linear,
above it a super-linear path). The load average is recorded with the run and beside every figure.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import bench_targets  # noqa: E402
import generate  # noqa: E402
from bench_stats import growth_table, table  # noqa: E402

GROUPS = ("startup", "colours", "export", "brief", "merge", "xlsx", "sheets", "filter", "edit", "actions", "sync")
DEFAULT_GROUPS = GROUPS[:-1]  # sync starts a PostgreSQL server and makes N replicas: on request
UNITS = {"small": 3, "city": 30, "province": 30}
# runs per figure: (startup processes, core repeats, filter rounds)
REPEATS = {"small": (2, 2, 1), "city": (3, 3, 2), "province": (2, 2, 1)}
SMALL_XLSX_ROWS = 500


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(scale: str = "city", only=DEFAULT_GROUPS, cache: Path | None = None, seed: int = 1,
        repeat: int | None = None, units: int | None = None) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    params = dict(generate.SCALES[scale])
    cache = Path(cache or generate.default_cache())
    t0 = time.perf_counter()
    log(f"portfolio {params} (seed {seed}) …")
    base = generate.cached(params, seed, cache, quiet=False)
    log(f"portfolio ready: {base} ({time.perf_counter() - t0:.1f} s)")
    n_start, n_core, rounds = REPEATS[scale]
    if repeat:
        n_start = n_core = repeat
    figures: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="kechuang-bench-"))
    try:
        path = work / "portfolio.sqlite"
        shutil.copyfile(base, path)
        if "startup" in only:
            import bench_startup
            log("cold start and peak memory (fresh processes) …")
            figures += _loaded(bench_startup.measure(path, n_start, work))
        core = [g for g in ("colours", "export", "brief", "merge", "xlsx", "sheets") if g in only]
        if core:
            figures += _core(core, path, base, cache, work, n_core, scale)  # stamped per group inside
        if "filter" in only:
            import bench_filter
            log("filter-as-you-type …")
            figures += _loaded(bench_filter.measure(path, rounds, work))
        if "edit" in only:
            import bench_edit
            log("edit → views refreshed, UI heartbeat, 导出表格 in the window …")
            figures += _loaded(bench_edit.measure(path, scale, work))
        if "actions" in only:
            import bench_actions
            log("long actions in the window, UI heartbeat (brief, 调度表, ICS, import, merge, sync, open) …")
            rows = bench_docs_rows(scale)
            figures += _loaded(bench_actions.measure(base, scale, work, cache, rows))
        if "sync" in only:
            import bench_sync
            log("changesets and full sync rounds (hub, folder) …")
            figures += _loaded(bench_sync.measure(path, work, n_core, units or UNITS[scale]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bench_targets.apply(figures, scale)
    return {"scale": scale, "date": dt.date.today().isoformat(), "seed": seed, "params": params,
            "python": platform.python_version(), "pyside6": _pyside_version(),
            "machine": {"cpus": os.cpu_count(), "load": list(os.getloadavg()) if hasattr(os, "getloadavg") else None},
            "seconds": round(time.perf_counter() - t0, 1), "figures": figures}


def bench_docs_rows(scale: str) -> int:
    """Rows of the ledger the import figures read: a province office's 台账 is 3× a city's (the
    growth then shows whether import is linear); a short one for the small smoke run."""
    import bench_docs
    return {"small": SMALL_XLSX_ROWS, "province": 3 * bench_docs.XLSX_ROWS}.get(scale, bench_docs.XLSX_ROWS)


def _loaded(figures: list[dict]) -> list[dict]:
    """Stamp each figure with the 1-minute load average at the time it was measured."""
    load = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    for f in figures:
        f.setdefault("load", load)
    return figures


def save_result(result: dict, cache: Path) -> Path:
    path = Path(cache) / f"results-{result['scale']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load_result(scale: str, cache: Path) -> dict | None:
    path = Path(cache) / f"results-{scale}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _core(groups, path: Path, base: Path, cache: Path, work: Path, repeat: int, scale: str) -> list[dict]:
    import bench_core
    import bench_docs

    from db.portfolio import Portfolio
    out = []
    reference = generate.REFERENCE
    week = f"{reference.isocalendar()[0]}-W{reference.isocalendar()[1]:02d}"
    with Portfolio.open(path, today=lambda: reference) as pf:
        if "colours" in groups:
            log("colour recomputation …")
            out += _loaded(bench_core.colour_figures(pf, repeat + 2))
        if "export" in groups:
            log("export …")
            out += _loaded(bench_core.export_figures(pf, repeat, work))
        if "brief" in groups:
            log("weekly brief …")
            out += _loaded(bench_docs.brief_figures(pf, repeat, week))
        if "sheets" in groups:
            import bench_sheets
            log("XLSX tables, 调度表 template, ICS …")
            out += _loaded(bench_sheets.export_figures(pf, 1 if scale == "province" else repeat, work))
            out += _loaded(bench_sheets.template_figures(pf, repeat, work, bench_core.busiest_unit(pf)[0]))
            out += _loaded(bench_sheets.ics_figures(pf, 1 if scale == "province" else repeat, work))
        if "xlsx" in groups:
            log("XLSX import …")
            rows = bench_docs_rows(scale)
            out += _loaded(bench_docs.xlsx_figures(pf, repeat, work, cache, rows))
    if "merge" in groups:
        log("merge of two diverged copies …")
        out += _loaded(bench_core.merge_figures(base, cache, repeat, work))
    return out


def _pyside_version() -> str | None:
    try:
        import PySide6
        return PySide6.__version__
    except ImportError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=tuple(generate.SCALES), default="city")
    ap.add_argument("--json", action="store_true", help="print one JSON object (figures list) instead of a table")
    ap.add_argument("--only", nargs="+", choices=GROUPS, default=list(DEFAULT_GROUPS))
    ap.add_argument("--units", type=int, help="units in the sync round (default: 3 small, 30 city)")
    ap.add_argument("--cache", type=Path, help="where generated portfolios are kept (default: /tmp/kechuang-bench-cache)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, help="runs per figure (default: by scale)")
    ap.add_argument("--out", type=Path, help="also write the JSON object to this file")
    args = ap.parse_args(argv)
    result = run(args.scale, args.only, args.cache, args.seed, args.repeat, args.units)
    cache = Path(args.cache or generate.default_cache())
    previous = load_result(args.scale, cache) or {}
    if previous.get("seed") == result["seed"] and set(args.only) != set(DEFAULT_GROUPS):  # keep the other groups' figures
        names = {f["name"] for f in result["figures"]}
        result["kept_from_earlier"] = [f for f in previous.get("figures", []) if f["name"] not in names]
    save_result(result, cache)
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"科创项目台账 benchmarks — {result['scale']} scale {result['params']}, {result['date']}, "
              f"{result['machine']['cpus']} CPUs, load {result['machine']['load']}")
        print(table(result["figures"]))
        over = [f["name"] for f in result["figures"] if f["ok"] is False]
        print(f"\n{len(over)} figure(s) over target" + (": " + ", ".join(over) if over else ""))
        if result["scale"] == "province":
            city = load_result("city", cache)
            if city is None:
                print("\ngrowth: no city run in the cache yet (run --scale city first)")
            else:
                figs = city["figures"] + city.get("kept_from_earlier", [])
                print(f"\ngrowth city → province (city run of {city['date']}, load {city['machine']['load']}; "
                      f"size ratio {result['params']['projects'] / city['params']['projects']:g}):")
                print(growth_table(figs, result["figures"], result["params"]["projects"] / city["params"]["projects"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
