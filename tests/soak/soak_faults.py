#!/usr/bin/env python3
"""On-demand fault soak (issue 23): a full disk, kill -9 and two writers at once, many times.
Not run by pytest (tests/soak/test_faults_short.py runs a few of each in CI).

    .venv/bin/python tests/soak/soak_faults.py                        # the default counts
    .venv/bin/python tests/soak/soak_faults.py --disk 40 --kill 40 --writers 20   # a quick look

- disk: each command that writes (export, a unit's slice, brief, tables, 调度表, calendar, merge,
  set, the GUI's daily backup, ledger and 调度表 import) run with the working file on a disk with
  0 … a few MB free (a small tmpfs when this runs as root, else RLIMIT_FSIZE; the figures say
  which): exit 0 or one clear line, the working file sound and before/after, outputs absent or
  whole, nothing half-written left;
- kill: merge, ledger import, 调度表 import, brief and set killed (SIGKILL) at a random moment of
  their run: the working file sound and holding the state before or after, never in between
  (the set/apply loops, init and export are issue 24's soak, tests/soak/soak.py);
- writers: two `kechuang set` loops at once, and the same with a child holding the file open as
  the GUI does (edits while open; briefly closed, or held longer than the CLI waits), plus a
  `kechuang dump` reader: every acknowledged re-plan in the slip log afterwards, refusals one line.

Prints the figures as Markdown for tests/soak/RESULTS.md with the machine's load (`uptime`)
before and after. Exit 1 if any trial failed.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fault_trials as ft  # noqa: E402
import fault_writers as fw  # noqa: E402

DISK_OPS = ("export", "export-slice", "brief", "xlsx", "template", "ics", "merge", "set", "backup",
            "import-ledger", "import-template")
KILL_OPS = ("merge", "import-ledger", "import-template", "brief", "set")


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "(uptime not available)"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--disk", type=int, default=330, help="disk-full trials (spread over the commands)")
    ap.add_argument("--kill", type=int, default=500, help="kill -9 trials (spread over the commands)")
    ap.add_argument("--writers", type=float, default=120, help="seconds of each two-writers run")
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--tmpfs-mb", type=int, default=8)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    load_before, started = uptime(), time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="kechuang-soak-faults-"))
    failures: list[str] = []
    lines = [f"- machine load before: `{load_before}`"]
    try:
        world = ft.make_world(folder / "world")
        if args.disk:
            space = ft.Space(args.tmpfs_mb)
            tally = ft.DiskTally()
            per_op: dict[str, list[int]] = {}
            try:
                frees = ft.random_frees(rng, max(1, args.disk // len(DISK_OPS) + 1), 6 << 20)
                for n in range(args.disk):
                    op = DISK_OPS[n % len(DISK_OPS)]
                    free = frees[(n // len(DISK_OPS)) % len(frees)]
                    before = (tally.succeeded, tally.refused)
                    ft.disk_full_trial(world, space, ft.OPS[op], free, tally)
                    ok, ref = per_op.setdefault(op, [0, 0])
                    per_op[op] = [ok + tally.succeeded - before[0], ref + tally.refused - before[1]]
                    print(f"disk {n + 1}/{args.disk} {op} free={free}: {len(tally.failures)} failures", flush=True)
            finally:
                space.close()
            failures += tally.failures
            lines.append(f"- disk full ({space.kind}{f', {args.tmpfs_mb} MB' if space.kind == 'tmpfs' else ''}): "
                         f"{tally.trials} trials, {tally.succeeded} completed, {tally.refused} refused with one line, "
                         f"{len(tally.failures)} failures, {tally.corrupt} corrupt working files, "
                         f"{tally.lost} with data lost")
            lines.append("  - per command (completed/refused): " +
                         ", ".join(f"{op} {ok}/{ref}" for op, (ok, ref) in per_op.items()))
            lines.append("  - the one line, by kind: " + "; ".join(f"{k[len('kechuang: '):]} ×{v}" for k, v in
                                                              sorted(tally.messages.items(), key=lambda kv: -kv[1])))
        if args.kill:
            kt = ft.KillTally()
            for n in range(args.kill):
                op = KILL_OPS[n % len(KILL_OPS)]
                ft.kill_trial(world, ft.OPS[op], folder / "kill", rng, kt)
                if (n + 1) % 25 == 0:
                    print(f"kill {n + 1}/{args.kill}: {len(kt.failures)} failures", flush=True)
            failures += kt.failures
            lines.append(f"- kill -9 ({', '.join(KILL_OPS)}): {kt.trials} trials, {kt.killed} killed while running, "
                          f"working file before {kt.before} / after {kt.after}, {len(kt.failures)} failures, "
                          f"{kt.corrupt} corrupt, {kt.lost} with data lost")
        if args.writers:
            for label, kw in (("two `kechuang set` loops + a reader", {"cli_writers": 2}),
                              ("`kechuang set` loop + GUI-like holder (open 0.4 s, closed 0.2 s) + a reader",
                               {"cli_writers": 1, "gui": True}),
                              ("`kechuang set` loop + GUI-like holder open longer than the CLI waits",
                               {"cli_writers": 1, "gui": True, "hold_ms": 4000, "pause_ms": 300, "lock_wait": 1.0})):
                run_folder = folder / f"writers-{len(lines)}"
                shutil.rmtree(run_folder, ignore_errors=True)
                wt = fw.writers_run(run_folder, args.writers, **kw)
                failures += wt.failures
                acked = ", ".join(f"{k} {len(v)}" for k, v in wt.acknowledged.items())
                refused = ", ".join(f"{k} {v}" for k, v in wt.refused.items()) or "none"
                lines.append(f"- writers, {label}, {args.writers:g} s: acknowledged {acked}; refused (one line) "
                             f"{refused}; {wt.reads} reads; {wt.lost} acknowledged writes lost; "
                             f"{len(wt.failures)} failures")
                print(lines[-1], flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines.append(f"- machine load after: `{uptime()}`; {time.monotonic() - started:.0f} s in all")
    print("\n".join(lines))
    for f in failures[:30]:
        print("FAILURE:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
