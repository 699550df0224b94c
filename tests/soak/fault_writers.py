"""Two writers at once (issue 23): `kechuang set` loops beside each other and beside a child that
holds the portfolio open the way the GUI does, with `kechuang dump` readers; afterwards every
acknowledged write must be in the file. Used by soak_faults.py and test_faults_short.py.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from fault_trials import ROOT, env_for, kechuang

from db import builtin
from db.portfolio import Portfolio


@dataclass
class WriterTally:
    acknowledged: dict[str, list[str]] = field(default_factory=dict)  # writer -> reasons, in order
    refused: dict[str, int] = field(default_factory=dict)
    last_day: dict[str, str] = field(default_factory=dict)  # writer -> its last acknowledged planned date
    reads: int = 0
    failures: list[str] = field(default_factory=list)
    lost: int = 0


GUI_CHILD = """
import sys, time, datetime as dt
from db.store.changes import Update
from db.errors import UserError
from db.portfolio import Portfolio
path, mid, seconds, hold_ms, pause_ms = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
end, i = time.monotonic() + seconds, 0
day = dt.date(2031, 1, 1)
while time.monotonic() < end:
    try:
        pf = Portfolio.open(path, lock_wait=5)
    except UserError as exc:
        print("REFUSED", " ".join(str(exc).split()), flush=True)
        continue
    until = time.monotonic() + hold_ms / 1000
    while time.monotonic() < min(until, end):   # the window is open: edits, as session.do()
        i += 1
        reason = f"gui-{i}"
        pf.apply([Update("milestones", mid, {"planned_date": (day + dt.timedelta(days=i)).isoformat()}, reason)])
        print("ACK", reason, (day + dt.timedelta(days=i)).isoformat(), flush=True)
        time.sleep(0.02)
    pf.close()
    time.sleep(pause_ms / 1000)
print("DONE", flush=True)
"""


def _cli_writer(name: str, path: Path, mid: str, data: Path, end: float, tally: WriterTally, lock: threading.Lock,
                first_day: dt.date) -> None:
    """Re-plan one milestone again and again with `kechuang set`, each to a new day with a reason
    of its own (so each acknowledged write leaves one record in the slip log)."""
    i = 0
    while time.monotonic() < end:
        i += 1
        reason = f"{name}-{i}"
        day = (first_day + dt.timedelta(days=i)).isoformat()
        proc = kechuang(["set", path, mid, f"planned_date={day}", "--reason", reason], data, timeout=120)
        err = proc.stderr.strip()
        with lock:
            if proc.returncode == 0:
                tally.acknowledged.setdefault(name, []).append(reason)
                tally.last_day[name] = day
            elif proc.returncode == 2 and len(err.splitlines()) == 1 and "另一个窗口或程序" in err:
                tally.refused[name] = tally.refused.get(name, 0) + 1
            else:
                tally.failures.append(f"{name}: exit {proc.returncode} {err[-300:]}")


def _reader(path: Path, data: Path, end: float, tally: WriterTally, lock: threading.Lock) -> None:
    while time.monotonic() < end:
        proc = kechuang(["dump", path, "--json"], data, timeout=120)
        with lock:
            if proc.returncode != 0:
                tally.failures.append(f"reader: exit {proc.returncode} {proc.stderr.strip()[-300:]}")
                continue
            try:
                json.loads(proc.stdout)
                tally.reads += 1
            except ValueError as exc:
                tally.failures.append(f"reader: not JSON ({exc})")


def writers_run(folder: Path, seconds: float, cli_writers: int = 2, gui: bool = False, readers: int = 1,
                hold_ms: int = 400, pause_ms: int = 200, lock_wait: float = 3.0) -> WriterTally:
    """`cli_writers` loops of `kechuang set` (each on a milestone of its own) and, with `gui`, a
    child holding the portfolio open the way the GUI does (open for `hold_ms`, editing; closed for
    `pause_ms`), plus `readers` loops of `kechuang dump`, for `seconds`. Then every acknowledged
    re-plan must be in the slip log, in order, and the planned date the last acknowledged one."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shared.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
        mids = [m["id"] for m in pf.list("milestones") if m["planned_date"]][:cli_writers + 1]
    data = folder / "data"
    os.environ["KECHUANG_LOCK_WAIT"] = str(lock_wait)
    tally, lock = WriterTally(), threading.Lock()
    end = time.monotonic() + seconds
    threads = [threading.Thread(target=_cli_writer, args=(f"cli{n}", path, mids[n], data, end, tally, lock,
                                                          dt.date(2040 + 10 * n, 1, 1)))
               for n in range(cli_writers)]
    threads += [threading.Thread(target=_reader, args=(path, data, end, tally, lock)) for _ in range(readers)]
    gui_proc = None
    if gui:
        gui_proc = subprocess.Popen([sys.executable, "-c", GUI_CHILD, str(path), mids[-1], str(seconds),
                                     str(hold_ms), str(pause_ms)], cwd=ROOT, env=env_for(data),
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if gui_proc is not None:
        out, err = gui_proc.communicate(timeout=seconds + 120)
        acks = [line.split()[1:] for line in out.splitlines() if line.startswith("ACK")]
        tally.acknowledged["gui"] = [reason for reason, _day in acks]
        if acks:
            tally.last_day["gui"] = acks[-1][1]
        tally.refused["gui"] = sum(1 for line in out.splitlines() if line.startswith("REFUSED"))
        if gui_proc.returncode != 0 or "DONE" not in out:
            tally.failures.append(f"gui: exit {gui_proc.returncode} {err.strip()[-500:]}")
    os.environ.pop("KECHUANG_LOCK_WAIT", None)
    _check_acknowledged(path, mids, cli_writers, gui, tally)
    return tally


def _check_acknowledged(path: Path, mids: list[str], cli_writers: int, gui: bool, tally: WriterTally) -> None:
    with Portfolio.open(path) as pf:
        problems = pf.integrity()
        if problems:
            tally.failures.append(f"integrity_check: {problems[:3]}")
        names = [f"cli{n}" for n in range(cli_writers)] + (["gui"] if gui else [])
        for name, mid in zip(names, mids[:cli_writers] + ([mids[-1]] if gui else []), strict=True):
            log = [r["reason"] for r in pf.list("replans", fields=("milestone_id", "reason"))
                   if r["milestone_id"] == mid]
            acked = tally.acknowledged.get(name, [])
            if name in tally.last_day and pf.get("milestones", mid)["planned_date"] != tally.last_day[name]:
                tally.lost += 1
                tally.failures.append(f"{name}: the planned date is not the last acknowledged one")
            missing = [r for r in acked if r not in log]
            extra = [r for r in log if r not in acked]
            if missing:
                tally.lost += len(missing)
                tally.failures.append(f"{name}: acknowledged re-plans missing: {missing[:5]}")
            if extra:
                tally.failures.append(f"{name}: re-plans nobody acknowledged: {extra[:5]}")
