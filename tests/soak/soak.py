#!/usr/bin/env python3
"""On-demand kill -9 soak (issue 24): many trials of what CI tries a few times. Not run by pytest.

    .venv/bin/python tests/soak/soak.py                      # the default counts below
    .venv/bin/python tests/soak/soak.py --apply 50 --set 50 --init 20 --export 20   # a quick look
    KECHUANG_SOAK_TRIALS=1000 .venv/bin/python tests/soak/soak.py   # every count set to 1000

Runs, each trial SIGKILLing a child process at a seeded random moment (tests/killtrials.py and
tests/exchange/export_kill.py hold the rules a trial checks):

- apply: a loop of in-process `Portfolio.apply` calls; no acknowledged edit may be lost, the
  project's fields must come from one step, its clock must move forward;
- set: a loop of `kechuang set` processes, the same checks; every 4th trial kills the loop alone
  (its `kechuang set` runs on as an orphan, and the read-back must wait for it);
- init: `kechuang init` leaves no file or a complete one, and the next init cleans up;
- export: a unit's slice export leaves the target absent, previous or complete, and no data
  outside the slice anywhere in the unit's folder (half of these trials to a folder on another
  filesystem, /dev/shm, when there is one).

Prints the figures as a Markdown block for tests/soak/RESULTS.md, with the machine's load
(`uptime`) before and after. Exit 1 if any trial failed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "exchange"), str(HERE.parents[1])]

from export_kill import ExportTally, export_trial, final_export_cleans_up, make_world  # noqa: E402

from db.portfolio import Portfolio  # noqa: E402
from killtrials import AckTally, InitTally, TrialFailure, ack_trial, init_trial, kechuang_command, make_ack_portfolio  # noqa: E402

DEFAULTS = {"apply": 500, "set": 500, "init": 200, "export": 200}
GROUP = 100  # trials per portfolio file (the file is reused within a group: it grows, gets checkpointed)


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "(uptime not available)"


def run_ack(mode: str, trials: int, folder: Path, failures: list[str]) -> AckTally:
    tally = AckTally()
    for first in range(0, trials, GROUP):
        path = folder / f"{mode}-{first}.sqlite"
        pid = make_ack_portfolio(path)
        for seed in range(first, min(first + GROUP, trials)):
            try:
                ack_trial(mode, path, pid, 10_000 + seed, tally, orphan=mode == "set" and seed % 4 == 3)
            except TrialFailure as exc:
                failures.append(str(exc))
                print("  FAIL", exc, flush=True)
        print(" ", tally.line(mode), flush=True)
    return tally


def run_init(trials: int, folder: Path, failures: list[str]) -> InitTally:
    ref = folder / "reference.sqlite"
    start = time.monotonic()
    subprocess.run([*kechuang_command(), "init", str(ref)], check=True, capture_output=True)
    took = time.monotonic() - start
    with Portfolio.open(ref, readonly=True) as pf:
        counts = pf.counts()
    tally = InitTally()
    work = folder / "init"
    work.mkdir()
    for seed in range(trials):
        try:
            init_trial(work, 20_000 + seed, tally, counts, max_delay=took * 1.1)
        except TrialFailure as exc:
            failures.append(str(exc))
            print("  FAIL", exc, flush=True)
        if seed % 50 == 49:
            print(" ", tally.line(), flush=True)
    return tally


def other_filesystem() -> Path | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != Path(tempfile.gettempdir()).stat().st_dev:
        return shm
    return None


def run_export(trials: int, folder: Path, failures: list[str]) -> tuple[ExportTally, int]:
    world = make_world(folder / "office", 0)
    tally = ExportTally()
    other = other_filesystem()
    on_other = 0
    for first in range(0, trials, 50):
        batch = range(first, min(first + 50, trials))
        elsewhere = other is not None and (first // 50) % 2 == 1
        with tempfile.TemporaryDirectory(dir=other if elsewhere else folder, prefix="unit-") as tmp:
            out = Path(tmp) / "unit"
            out.mkdir()
            for trial in batch:
                try:
                    export_trial(world, out, trial, 30_000 + trial, tally)
                except TrialFailure as exc:
                    failures.append(str(exc))
                    print("  FAIL", exc, flush=True)
            on_other += len(batch) if elsewhere else 0
            try:
                final_export_cleans_up(world, out)
            except TrialFailure as exc:
                failures.append(str(exc))
                print("  FAIL", exc, flush=True)
        print(" ", tally.line(), flush=True)
    return tally, on_other


def main() -> int:
    env = os.environ.get("KECHUANG_SOAK_TRIALS")
    defaults = {k: int(env) for k in DEFAULTS} if env else DEFAULTS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, n in defaults.items():
        parser.add_argument(f"--{name}", type=int, default=n, help=f"trials (default {n})")
    args = parser.parse_args()
    failures: list[str] = []
    lines = [f"- load before: `{uptime()}`"]
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kechuang-soak-") as tmp:
        folder = Path(tmp)
        steps = []
        for mode in ("apply", "set"):
            if getattr(args, mode):
                t = time.monotonic()
                tally = run_ack(mode, getattr(args, mode), folder, failures)
                steps.append(f"- {tally.line(mode)} — {time.monotonic() - t:.0f} s")
        if args.init:
            t = time.monotonic()
            steps.append(f"- {run_init(args.init, folder, failures).line()} — {time.monotonic() - t:.0f} s")
        if args.export:
            t = time.monotonic()
            tally, on_other = run_export(args.export, folder, failures)
            steps.append(f"- {tally.line()} ({on_other} of them to another filesystem) — "
                         f"{time.monotonic() - t:.0f} s")
    lines += steps
    lines.append(f"- load after: `{uptime()}`; {time.monotonic() - began:.0f} s in all; "
                 f"{len(failures)} failed trials")
    lines += [f"  - {f}" for f in failures[:20]]
    print("\n".join(lines))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
