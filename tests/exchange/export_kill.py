"""kill -9 during a unit's slice export (issue 24); shared by test_export_crash.py and the soak.

The office's portfolio holds the built-in data plus 3,000 projects named 批量项目0000…2999 spread
over the units; the slice is one unit's. A child (exchange_crash_child.py) exports the slice
into a folder meant for that unit and is SIGKILLed at a seeded random moment — anywhere, during
the VACUUMs, around the fsync, right after the rename. Then:

- the target is absent, the previous export that was there, or the complete new one (and not
  new before the finished file was synced; new once it was renamed);
- no file anywhere in the unit's folder holds a project outside the slice: every file there,
  whatever its name (temp files, journals, WALs), is searched byte by byte for the names;
- the office's portfolio is unchanged.

After the trials, one more export takes away what the killed runs left (the private work
folders beside the portfolio, temp files beside the targets).
"""
from __future__ import annotations

import random
import re
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bulk_projects import bulk_project_ops  # noqa: E402
from db import builtin  # noqa: E402
from db.exchange.export import export  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402
from db.store.changes import Update  # noqa: E402
from db.store.received import RefusedFile, read  # noqa: E402
from killtrials import Child, TrialFailure, record_digests  # noqa: E402

CHILD = Path(__file__).with_name("exchange_crash_child.py")
SLICE_UNIT = "重庆大学"
PROJECTS = 3000
NAME = re.compile("批量项目([0-9]{4})".encode())
PHASES = ("anywhere", "vacuum", "fsync", "renamed", "anywhere")


@dataclass
class World:
    source: Path
    new_rows: dict
    old_rows: dict
    in_slice: set[bytes]  # the numbers of the 批量项目 the slice holds
    timings: dict[str, float]
    fingerprint: dict


@dataclass
class ExportTally:
    trials: int = 0
    leaks: int = 0
    partial: int = 0
    outcomes: dict = field(default_factory=dict)

    def line(self, name: str = "slice export") -> str:
        return (f"{name}: {self.trials} trials, {self.partial} partial or lost targets, "
                f"{self.leaks} with data outside the slice in the unit's folder; {self.outcomes}")


def fingerprint(path: Path) -> dict:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict = record_digests(conn)
        out["meta"] = sorted(conn.execute("SELECT key, value FROM meta"))
        return out
    finally:
        conn.close()


def make_world(folder: Path, seed: int = 0) -> World:
    """The office's portfolio, the previous and the new slice export, and their timings."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    source = folder / "office.sqlite"
    with Portfolio.open(source, create=True) as pf:
        builtin.load(pf)
        pf.apply(bulk_project_ops(rng, [u["id"] for u in pf.list("units")], PROJECTS))
        previous = folder / "previous.sqlite"
        export(pf, previous, units=[SLICE_UNIT])  # what the unit was sent last time
        sent = set(read(previous).rows["projects"])
        mine = [p for p in pf.list("projects") if p["name"].startswith("批量项目") and p["id"] in sent]
        pf.apply([Update("projects", p["id"], {"stage": "建设"}) for p in mine[:20]])
        reference = folder / "reference.sqlite"
        export(pf, reference, units=[SLICE_UNIT])
    new_rows, old_rows = read(reference).rows, read(previous).rows
    assert new_rows != old_rows
    in_slice = {NAME.match(p["values"]["name"].encode()).group(1)
                for p in new_rows["projects"].values() if p["values"]["name"].startswith("批量项目")}
    assert 20 <= len(in_slice) < PROJECTS // 2, len(in_slice)
    calibration = folder / "calibration"
    calibration.mkdir()
    child = Child([sys.executable, str(CHILD), "export", str(source), str(calibration / "out.sqlite"), SLICE_UNIT])
    assert child.finish() == 0, child.stderr
    assert read(calibration / "out.sqlite").rows == new_rows
    ready = child.seen["READY"]
    return World(source, new_rows, old_rows, in_slice, {k: t - ready for k, t in child.seen.items()},
                 fingerprint(source))


def leaks(folder: Path, in_slice: set[bytes]) -> list[str]:
    """Files anywhere under `folder` holding a 批量项目 outside the slice (whatever their name)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            outside = {m.group(1) for m in NAME.finditer(path.read_bytes())} - in_slice
            if outside:
                found.append(f"{path.name} ({len(outside)} projects outside the slice)")
    return found


def export_trial(world: World, out: Path, trial: int, seed: int, tally: ExportTally) -> str:
    """Kill one slice export into `out`; returns the outcome (absent, previous or new)."""
    rng = random.Random(seed)
    target = out / f"{SLICE_UNIT}-{trial}.sqlite"
    had_previous = trial % 2 == 1
    if had_previous:
        target.write_bytes((world.source.parent / "previous.sqlite").read_bytes())
    t = world.timings
    # Trials come in pairs (no file there, then the previous export there) so that each phase is
    # tried on both; the whole export takes only some 20 ms, so a phase's window is all it gets.
    phase = PHASES[(trial // 2) % len(PHASES)]
    marker, high = {
        "anywhere": ("READY", t["DONE"] * 1.5),
        "vacuum": ("READY", t["FSYNC"] * 0.8),
        "fsync": ("FSYNC", t["FSYNCED"] - t["FSYNC"] + 0.002),
        "renamed": ("RENAMED", 0.003),
    }[phase]
    child = Child([sys.executable, str(CHILD), "export", str(world.source), str(target), SLICE_UNIT])
    where = f"export trial {trial} (seed {seed}, {phase})"
    if not child.wait_for("READY"):
        child.kill_group()
        raise TrialFailure(f"{where}: child did not start: {child.stderr}")
    if child.wait_for(marker):
        time.sleep(rng.uniform(0, high))
    child.kill_group()
    printed = list(child.lines)
    tally.trials += 1

    leaked = leaks(out, world.in_slice)
    if leaked:
        tally.leaks += 1
        raise TrialFailure(f"{where}: data outside the slice in the unit's folder (saw {printed}): {leaked}")
    if not target.exists():
        outcome = "absent"
        if had_previous:
            tally.partial += 1
            raise TrialFailure(f"{where}: the previous export was lost")
    else:
        try:
            rows = read(target).rows  # refuses a -wal or -journal beside it too
        except RefusedFile as exc:
            tally.partial += 1
            raise TrialFailure(f"{where} (saw {printed}): the target holds a partial file: {exc}") from exc
        outcome = ("new" if rows == world.new_rows else
                   "previous" if had_previous and rows == world.old_rows else "?")
        if outcome == "?":
            tally.partial += 1
            raise TrialFailure(f"{where}: the target holds neither the old nor the new export")
    if "RENAMED" in printed and outcome != "new":
        raise TrialFailure(f"{where}: renamed into place, yet the target is {outcome}")
    if "FSYNCED" not in printed and outcome == "new":
        raise TrialFailure(f"{where}: the target was replaced before its data was synced")
    tally.outcomes[outcome] = tally.outcomes.get(outcome, 0) + 1
    return outcome


def final_export_cleans_up(world: World, out: Path) -> None:
    """The next export takes away what killed runs left, beside the targets and the portfolio."""
    with Portfolio.open(world.source, readonly=True) as pf:
        export(pf, out / "again.sqlite", units=[SLICE_UNIT])
    if fingerprint(world.source) != world.fingerprint:
        raise TrialFailure("exporting changed the office's portfolio")
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    if hidden:
        raise TrialFailure(f"temp files of killed exports left beside the targets: {hidden}")
    work = sorted(p.name for p in world.source.parent.iterdir() if p.name.startswith(".kechuang-work-"))
    if work:
        raise TrialFailure(f"work folders of killed exports left beside the portfolio: {work}")
