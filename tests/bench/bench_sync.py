"""Sync figures (issue #19): a unit's week as a changeset vs the whole-file export, and a full
round of N units (30 at city scale) through a real PostgreSQL hub vs `psql \\copy` of the same
rows, and through an exchange folder vs a plain copy of the same files.

A unit's week = 10% of the unit's own records (the projects it leads and their milestones)
edited. A full round: every unit syncs (pushing its week, pulling what is there), the office
syncs, every unit syncs again — after it every site holds every unit's week. The units are
replicas of the office made by 另存为 after the office's first push, their hub cursor set past the
office's snapshot (what they hold already). The PostgreSQL server is started like the tests'
(tests/exchange/pg_server.py); without one the hub figures are reported as not available.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

from bench_stats import figure, median, timed, unavailable

from db.exchange import changeset
from db.exchange.export import export
from db.exchange.folder import sync_folder
from db.exchange.hub import grant_hub, hub_key, init_hub, sync_hub
from db.portfolio import Portfolio
from db.store import hub as door
from db.store import sync_state
from db.store.changes import Update

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
WEEK_SHARE = 0.10


def _fresh(path: Path) -> Path:
    path.unlink(missing_ok=True)
    return path


def units_by_size(pf) -> list[str]:
    n = Counter(p["lead_unit_id"] for p in pf.list("projects", fields=("lead_unit_id",)) if p["lead_unit_id"])
    return [u for u, _ in n.most_common()]


def week_of_edits(pf, unit: str, rng: random.Random) -> int:
    """Edit 10% of the unit's projects and of their milestones; returns how many records."""
    projects = [p["id"] for p in pf.list("projects", fields=("lead_unit_id",)) if p["lead_unit_id"] == unit]
    mine = set(projects)
    milestones = [m["id"] for m in pf.list("milestones", fields=("project_id",)) if m["project_id"] in mine]
    picked = [("projects", i) for i in rng.sample(projects, max(1, round(len(projects) * WEEK_SHARE)))]
    if milestones:
        picked += [("milestones", i) for i in rng.sample(milestones, max(1, round(len(milestones) * WEEK_SHARE)))]
    pf.apply([Update(kind, rid, {"notes": f"本周进展 {rng.randrange(10**6)}"}) for kind, rid in picked])
    return len(picked)


def changeset_figures(base: Path, work: Path, repeat: int) -> list[dict]:
    path = work / "week-unit.sqlite"
    with Portfolio.open(base, readonly=True) as src:
        src.save_as(path)
    out, whole = work / "week.sqlite", work / "week-whole.sqlite"
    with Portfolio.open(path) as pf:
        unit = units_by_size(pf)[0]
        since = pf.clock.last
        n = week_of_edits(pf, unit, random.Random(7))

        def make(_):
            keep, description = changeset.own_since(pf, since)
            changeset.write(pf, out, keep, description)
        samples = timed(make, repeat, setup=lambda: _fresh(out))
        base_s = timed(lambda _: export(pf, whole), repeat, setup=lambda: _fresh(whole))
        name = pf.get("units", unit)["name"]
    mb, whole_mb = out.stat().st_size / 1e6, whole.stat().st_size / 1e6
    note = f"unit {name}: {n} records edited (10% of its projects and their milestones)"
    return [figure("changeset_week", median(samples), "s", median(base_s), samples=samples, note=note,
                   baseline_note="whole-file export of the same portfolio"),
            figure("changeset_week_size", mb, "MB", whole_mb, max_ratio=0.1, note=note,
                   baseline_note="size of the whole-file export")]


class Round:
    """The office and N unit replicas, each with its week of edits, ready for one full round."""

    def __init__(self, base: Path, work: Path, n_units: int, prepare_unit=None):
        self.work = work
        work.mkdir()
        shutil.copyfile(base, work / "office.sqlite")
        self.office = Portfolio.open(work / "office.sqlite")
        self.unit_ids = units_by_size(self.office)[:n_units]
        self.prepare_unit = prepare_unit
        self.units: list[Portfolio] = []
        self.edited = 0

    def make_units(self) -> None:
        for i, unit in enumerate(self.unit_ids):
            path = self.work / f"unit{i:02d}.sqlite"
            self.office.save_as(path)
            pf = Portfolio.open(path)
            if self.prepare_unit:
                self.prepare_unit(pf, i)
            self.edited += week_of_edits(pf, unit, random.Random(100 + i))
            self.units.append(pf)

    def full_round(self, sync) -> None:
        self.merges: list[tuple[int, float]] = []  # (changesets merged, seconds) per site's sync
        for i, pf in enumerate(self.units):
            self._logged(sync, pf, i + 1)
        self._logged(sync, self.office, 0)
        for i, pf in enumerate(self.units):
            self._logged(sync, pf, i + 1)

    def _logged(self, sync, pf, i: int) -> None:
        """One site's sync, logged (a city round runs for many minutes: its progress, and the
        per-merge cost that extrapolates when it is stopped)."""
        t0 = time.perf_counter()
        report = sync(pf, i)
        took = time.perf_counter() - t0
        n = len(report.merged) if report is not None else 0
        self.merges.append((n, took))
        print(f"[sync {time.strftime('%H:%M:%S')}] site {i}: {n} changesets merged in {took:.1f} s "
              f"(load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)

    def per_merge(self) -> str:
        """Seconds per merged changeset over the syncs that merged any (the round's note)."""
        n = sum(m for m, _ in self.merges)
        t = sum(s for m, s in self.merges if m)
        return f"{t / n:.2f} s per changeset merged ({n} merged)" if n else "nothing merged"

    def converged(self) -> bool:
        want = self.office.dump()
        return all(pf.dump() == want for pf in self.units)

    def close(self) -> None:
        for pf in [self.office, *self.units]:
            pf.close()
        shutil.rmtree(self.work, ignore_errors=True)


def folder_figure(base: Path, work: Path, n_units: int) -> dict:
    r = Round(base, work / "folder-round", n_units)
    share = work / "share"
    share.mkdir()
    try:
        sync_folder(r.office, share)  # nothing of its own to publish yet: the folder is set up
        r.make_units()
        samples = timed(lambda: r.full_round(lambda pf, _i: sync_folder(pf, share)), 1)
        per_merge = r.per_merge()
        ok = r.converged()
        files = [p for p in share.rglob("*.sqlite")]
        size = sum(p.stat().st_size for p in files)

        def plain_copy():  # what the sync tool does: every file to every site
            for site in range(n_units + 1):
                dest = work / f"copy{site}"
                shutil.rmtree(dest, ignore_errors=True)
                dest.mkdir()
                for p in files:
                    shutil.copyfile(p, dest / f"{p.parent.name}-{p.name}")
        base_s = timed(plain_copy, 3)
    finally:
        r.close()
    return figure("sync_round_folder", median(samples), "s", median(base_s), samples=samples,
                  note=f"{n_units} units + office, {r.edited} records edited, {len(files)} changesets "
                       f"({size / 1e6:.2f} MB); {per_merge}; converged: {ok}",
                  baseline_note=f"plain copy of the same {len(files)} files to each of the {n_units + 1} sites")


def hub_figure(base: Path, work: Path, n_units: int) -> dict:
    try:
        from pg_server import Server, binaries
    except ImportError:
        binaries = None
    if binaries is None or binaries() is None:
        return unavailable("sync_round_hub", "s", "not available: PostgreSQL is not installed")
    server = Server().start()
    try:
        name = f"hub_{uuid.uuid4().hex[:8]}"
        server.sql(f"CREATE DATABASE {name}")
        admin = server.url(db=name)
        roles = ["office"] + [f"unit_{i:02d}" for i in range(n_units)]
        for role in roles:
            server.sql(f"CREATE ROLE {role} LOGIN")
        init_hub(admin)
        grant_hub(admin, "office", [], True)
        urls = [server.url(user=role, db=name) for role in roles]
        key = hub_key(admin)
        r = Round(base, work / "hub-round", n_units, prepare_unit=lambda pf, i: _past_snapshot(pf, key, admin))
        try:
            sync_hub(r.office, urls[0])  # the office's snapshot: every record with its owners (not timed)
            for i, unit in enumerate(r.unit_ids):
                grant_hub(admin, roles[i + 1], [unit], False)
            r.make_units()
            with door.connect(admin) as conn:
                first = conn.execute("SELECT coalesce(max(cursor), 0) FROM kc_changesets").fetchone()[0]
            samples = timed(lambda: r.full_round(lambda pf, i: _hub_round(pf, urls[i])), 1)
            per_merge = r.per_merge()
            ok = r.converged()
        finally:
            r.close()
        base_s, rows = _copy_baseline(server, name, first, n_units + 1, work)
    finally:
        server.cleanup()
    return figure("sync_round_hub", median(samples), "s", median(base_s), samples=samples,
                  note=f"{n_units} units + office, {r.edited} records edited, {rows} rows through the hub; "
                       f"{per_merge}; converged: {ok}",
                  baseline_note=f"psql \\copy of the same {rows} rows in once and out to each of the "
                                f"{n_units + 1} sites")


def _past_snapshot(pf, key: str, admin: str) -> None:
    """A unit made from the office's file holds the office's snapshot: its cursor starts past it."""
    with door.connect(admin) as conn:
        cursor = conn.execute("SELECT coalesce(max(cursor), 0) FROM kc_changesets").fetchone()[0]
    with pf.write("bench: hub cursor") as db:
        sync_state.put(db, key, {"cursor": cursor})


def _hub_round(pf, url: str):
    report = sync_hub(pf, url)
    if report.offline or report.refused:
        raise RuntimeError(f"hub round failed: {report.offline or report.refused}")
    return report


def _copy_baseline(server, name: str, first: int, readers: int, work: Path) -> tuple[list[float], int]:
    dump = work / "round-rows.copy"
    psql = [str(server.bin / "psql"), "-q", "-X", "-v", "ON_ERROR_STOP=1", server.url(db=name)]
    select = f"SELECT kind, row_id, data FROM kc_rows WHERE cursor > {first}"
    subprocess.run([*psql, "-c", f"\\copy ({select}) TO '{dump}'"], check=True, capture_output=True)
    rows = sum(1 for _ in dump.open("rb"))
    subprocess.run([*psql, "-c", "CREATE TABLE plain_rows (kind text, row_id text, data jsonb)"], check=True,
                   capture_output=True)

    def copy_round():
        subprocess.run([*psql, "-c", "TRUNCATE plain_rows"], check=True, capture_output=True)
        subprocess.run([*psql, "-c", f"\\copy plain_rows FROM '{dump}'"], check=True, capture_output=True)
        for _ in range(readers):
            subprocess.run([*psql, "-c", "\\copy plain_rows TO '/dev/null'"], check=True, capture_output=True)
    return timed(copy_round, 3), rows


def measure(base: Path, work: Path, repeat: int, n_units: int) -> list[dict]:
    out = changeset_figures(base, work, repeat)
    out.append(hub_figure(base, work, n_units))
    out.append(folder_figure(base, work, n_units))
    return out
