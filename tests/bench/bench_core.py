"""Figures 3 and 5: colour recomputation, export (one-unit slice, whole file) and merge of two
diverged copies — the Qt-free core, timed in the runner's process."""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import bench_names as N
from bench_stats import alternated, figure, median, timed

from db import colours
from db.exchange.export import export
from db.exchange.merge import merge
from db.model import KINDS
from db.portfolio import Portfolio
from db.store.changes import Update

# the columns the colour rules read (db/colours.py, db/store/milestone_keys.py); the indicators are read whole
COLOUR_COLUMNS = {
    "milestones": "id, project_id, team_id, name, status, planned_date, baseline_date, actual_date, source_doc, deleted",
    "projects": "id, stage, annual_plan_investment, annual_invested, deleted",
    "teams": "id, status, deleted",
    "indicators": "*",
    "indicator_values": "*",
}
ALL_TABLES = tuple(k.table for k in KINDS.values())
CHANGE_SHARE = 0.10


def plain_scan(paths, tables=ALL_TABLES, columns: dict[str, str] | None = None) -> None:
    """Every row of every table (of `columns`' tables: those columns), read with plain sqlite3 (the
    baseline of reading a file)."""
    columns = columns or dict.fromkeys(tables, "*")
    for path in paths:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            for table, cols in columns.items():
                conn.execute(f"SELECT {cols} FROM {table}").fetchall()
        finally:
            conn.close()


def colour_figures(pf, repeat: int) -> list[dict]:
    (_, samples), (_, base) = alternated(lambda: colours.all_colours(pf),
                                         lambda: plain_scan([pf.path], columns=COLOUR_COLUMNS), repeat)
    counts = Counter(c.code for c in colours.all_colours(pf)["projects"].values())
    return [figure("colours_all", median(samples), "s", median(base), max_value=0.5, samples=samples,
                   note="all_colours(): every milestone, project, team and indicator; projects " +
                        " ".join(f"{k}={v}" for k, v in sorted(counts.items())),
                   baseline_note="plain sqlite3 read of the columns the colours come from (issue #20: the same columns)")]


def busiest_unit(pf) -> tuple[str, int]:
    n = Counter()
    for p in pf.list("projects", fields=("lead_unit_id", "responsible_unit_ids")):
        for u in {p["lead_unit_id"], *p["responsible_unit_ids"]} - {None}:
            n[u] += 1
    uid, count = n.most_common(1)[0]
    return pf.get("units", uid)["name"], count


def _fresh(path: Path) -> Path:
    path.unlink(missing_ok=True)
    return path


def export_figures(pf, repeat: int, work: Path) -> list[dict]:
    unit, n_projects = busiest_unit(pf)
    out_slice, out_whole, out_plain = work / "slice.sqlite", work / "whole.sqlite", work / "plain.sqlite"
    one = timed(lambda _: export(pf, out_slice, units=[unit]), repeat, setup=lambda: _fresh(out_slice))
    whole = timed(lambda _: export(pf, out_whole), repeat, setup=lambda: _fresh(out_whole))

    def vacuum_into(_):
        conn = sqlite3.connect(f"{pf.path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("VACUUM INTO ?", (str(out_plain),))
        conn.close()
    base = timed(vacuum_into, repeat, setup=lambda: _fresh(out_plain))
    with Portfolio.open(out_slice, readonly=True) as s:
        kept = s.counts()
    return [
        figure("export_one_unit", median(one), "s", median(base), max_value=1.0, samples=one,
               note=f"unit {unit} ({n_projects} projects; slice holds {kept['projects']} projects, "
                    f"{kept['milestones']} milestones)",
               baseline_note="plain sqlite3 VACUUM INTO of the whole file"),
        figure("export_whole", median(whole), "s", median(base), samples=whole,
               baseline_note="plain sqlite3 VACUUM INTO of the whole file"),
    ]


# -- merge: two copies of the file that each changed 10% of their records -------------------
def _change(rng: random.Random, kind: str, rec: dict, side: str) -> dict:
    who = rng.choice(N.SURNAMES) + rng.choice(N.GIVEN)
    note = f"{side}调度（{who}）：{rng.choice(N.REPLAN_REASONS)}，已督办。"
    if kind == "projects":
        return {"notes": note, "annual_invested": float(rng.randrange(0, 50000, 10))}
    if kind == "milestones":
        return {"notes": note, **({"status": "进行中"} if rec.get("status") == "未开始" else {})}
    if kind == "units":
        return {"contact": who}
    if kind in ("indicator_values", "attachments"):
        return {"note": note}
    return {"notes": note}


def diverge(path: Path, seed: int, side: str) -> int:
    """Change CHANGE_SHARE of every kind's records (the slip log is append-only and stays)."""
    rng = random.Random(seed)
    n = 0
    with Portfolio.open(path) as pf:
        for kind in ("units", "projects", "milestones", "challenges", "teams", "indicators", "indicator_values",
                     "problems", "attachments"):
            recs = pf.list(kind, fields=("status",) if kind == "milestones" else ())
            picked = rng.sample(recs, round(len(recs) * CHANGE_SHARE))
            for i in range(0, len(picked), 2000):
                pf.apply([Update(kind, r["id"], _change(rng, kind, r, side)) for r in picked[i:i + 2000]])
            n += len(picked)
    return n


def merge_pair(base: Path, cache: Path) -> tuple[Path, Path]:
    """(ours, theirs): two replicas of `base` that each changed 10%; theirs as an exported file.
    Cached beside the generated portfolio."""
    a = cache / f"{base.stem}-merge-ours.sqlite"
    b = cache / f"{base.stem}-merge-theirs.sqlite"
    if a.exists() and b.exists():
        return a, b
    tmp = cache / f".pair-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with Portfolio.open(base, readonly=True) as pf:
        # each copy records its source as a seen peer, so only real concurrent edits conflict
        pf.save_as(tmp / "a.sqlite")
        pf.save_as(tmp / "b.sqlite")
    diverge(tmp / "a.sqlite", 11, "甲方")
    diverge(tmp / "b.sqlite", 22, "乙方")
    with Portfolio.open(tmp / "b.sqlite") as pf:
        export(pf, tmp / "b-export.sqlite")
    with Portfolio.open(tmp / "a.sqlite") as pf:  # checkpoint, so a plain copy is the whole file
        pf._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(tmp / "b-export.sqlite", b)
    os.replace(tmp / "a.sqlite", a)
    shutil.rmtree(tmp, ignore_errors=True)
    return a, b


def merge_figures(base: Path, cache: Path, repeat: int, work: Path) -> list[dict]:
    ours, theirs = merge_pair(base, cache)
    run_dir = work / "merge"
    totals = {}

    def setup():
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir()
        shutil.copyfile(ours, run_dir / "ours.sqlite")
        return Portfolio.open(run_dir / "ours.sqlite")

    def run(pf):
        totals.update(merge(pf, theirs).totals())

    (cpu, samples), (base_cpu, base_s) = alternated(run, lambda: plain_scan([ours, theirs]), repeat,
                                                    setup=setup, teardown=lambda pf: pf.close())
    shutil.rmtree(run_dir, ignore_errors=True)
    return [figure("merge_10pct_each_side", median(samples), "s", median(base_s), max_value=5.0, max_ratio=10.0,
                   samples=samples, note="merge result: " + ", ".join(f"{k}={v}" for k, v in totals.items())
                   + f"; CPU ratio {median(cpu) / median(base_cpu):.2f}×",
                   baseline_note="plain sqlite3 full scan of both files", cpu=median(cpu),
                   baseline_cpu=median(base_cpu)),
            changeset_merge_figure(base, cache, repeat, work)]


def unit_changeset(base: Path, cache: Path) -> tuple[Path, int, str]:
    """(changeset, its rows, unit name): the largest unit's week of edits (bench_sync.week_of_edits,
    10% of its projects and their milestones) in a replica of `base`, as the changeset the unit
    sends through the exchange folder or the hub. Cached beside the generated portfolio."""
    from bench_sync import units_by_size, week_of_edits

    from db.exchange import changeset
    out = cache / f"{base.stem}-unit-week.sqlite"
    tmp = cache / f".week-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        with Portfolio.open(base, readonly=True) as pf:
            pf.save_as(tmp / "unit.sqlite")
        with Portfolio.open(tmp / "unit.sqlite") as pf:
            unit = units_by_size(pf)[0]
            name = pf.get("units", unit)["name"]
            if not out.exists():
                since = pf.clock.last
                week_of_edits(pf, unit, random.Random(7))
                keep, description = changeset.own_since(pf, since)
                changeset.write(pf, tmp / "week.sqlite", keep, description)
                os.replace(tmp / "week.sqlite", out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    conn = sqlite3.connect(f"{out.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ALL_TABLES)
    finally:
        conn.close()
    return out, rows, name


def changeset_merge_figure(base: Path, cache: Path, repeat: int, work: Path) -> dict:
    """Merge of one unit's week (a changeset) into the office's city file, as a sync round merges
    each changeset (the round's backup is not the merge's: backup=False)."""
    cs, n, name = unit_changeset(base, cache)
    run_dir = work / "merge-changeset"
    totals: dict = {}

    def setup():
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir()
        shutil.copyfile(base, run_dir / "office.sqlite")
        return Portfolio.open(run_dir / "office.sqlite")

    def run(pf):
        totals.update(merge(pf, cs, backup=False).totals())

    samples = timed(run, repeat, setup=setup, teardown=lambda pf: pf.close())
    shutil.rmtree(run_dir, ignore_errors=True)
    base_s = timed(lambda: plain_scan([cs]), repeat)
    return figure("merge_unit_changeset", median(samples), "s", median(base_s), max_value=0.3, samples=samples,
                  note=f"unit {name}: {n} rows in the changeset ({cs.stat().st_size / 1e6:.2f} MB); merge result: "
                       + ", ".join(f"{k}={v}" for k, v in totals.items()),
                  baseline_note="plain sqlite3 full scan of the changeset file")
