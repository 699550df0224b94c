"""kill -9 trials shared by the CI tests and the on-demand soak (tests/soak/soak.py).

Each trial starts a child process in a session of its own, lets it run to a seeded random
moment and SIGKILLs its whole process group (the loop and any `kechuang` it started), then
reads the result back the way the app would: `Portfolio.open` for writing, which takes the
portfolio's lock — once every process that could still write has ended (a `kechuang set` the
loop started runs on if only the loop is killed, and before it has opened the portfolio its lock
proves nothing). Reading earlier sees a state such a writer changes a moment later; that is a
race in the check, not in the file.

Three kinds of trial:

- `ack_trial`: a loop of `Portfolio.apply` (in-process) or of `kechuang set` processes gives one
  project the values start, start+1, … (tests/ack_child.py), printing "B i" before and "A i"
  after each acknowledged step. After the kill the project must hold the last acknowledged value
  or the one in flight — all of its fields from the same step — never an earlier one.
- `init_trial`: `kechuang init` killed at a random moment leaves no file, or a complete one.
- `export_trial` (tests/exchange): see there.
"""
from __future__ import annotations

import collections
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ack_child import kechuang_command, value_of  # noqa: E402
from db.errors import PortfolioLocked  # noqa: E402
from db.model import KINDS  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402

ACK_CHILD = Path(__file__).with_name("ack_child.py")
READY_TIMEOUT = 30.0
UNLOCK_TIMEOUT = 30.0


def record_digests(conn) -> dict[str, str]:
    """A digest of every record table's raw rows (clocks and tombstones included), by table: what
    a kill trial compares before and after to see that a portfolio file did not change."""
    out = {}
    for kind in KINDS.values():
        digest = hashlib.sha256()
        for row in conn.execute(f"SELECT * FROM {kind.table} ORDER BY id"):
            digest.update(repr(tuple(row)).encode())
        out[kind.table] = digest.hexdigest()
    return out


class TrialFailure(AssertionError):
    """A trial found what must never happen (lost acknowledged edit, partial file, leak)."""


class Child:
    """A process in its own session; a thread collects its stdout lines as they arrive."""

    def __init__(self, argv: list[str], cwd: Path | None = None):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     start_new_session=True, cwd=cwd)
        self.lines: list[str] = []
        self.seen: dict[str, float] = {}  # when each line first arrived (time.monotonic)
        self._cond = threading.Condition()
        self._done = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buf = b""
        for chunk in iter(lambda: self.proc.stdout.read1(65536), b""):
            buf += chunk
            *complete, buf = buf.split(b"\n")
            with self._cond:
                now = time.monotonic()
                for raw in complete:
                    line = raw.decode("utf-8")
                    self.lines.append(line)
                    self.seen.setdefault(line, now)
                self._cond.notify_all()
        with self._cond:  # a line cut short by the kill (no newline) was never printed whole
            self._done = True
            self._cond.notify_all()

    def wait_for(self, line: str, timeout: float = READY_TIMEOUT) -> bool:
        with self._cond:
            self._cond.wait_for(lambda: line in self.lines or self._done, timeout)
            return line in self.lines

    def kill_group(self) -> int:
        """SIGKILL the child and every process it started; returns the child's exit status."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return self.finish()

    def kill_only_child(self) -> int:
        """SIGKILL the child alone: a `kechuang` it started runs on as an orphan."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        return self.finish()

    def finish(self, timeout: float = 60) -> int:
        rc = self.proc.wait(timeout)
        self._reader.join(timeout)
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stdout.close()
        self.proc.stderr.close()
        return rc


def wait_gone(pid: int, timeout: float = UNLOCK_TIMEOUT) -> None:
    """Wait until process `pid` has ended (a zombie counts as ended: it runs no more code)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    return
        except FileNotFoundError:
            return
        except OSError:  # no /proc: ask the kernel
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
        time.sleep(0.01)
    raise TrialFailure(f"process {pid} still running {timeout:.0f} s after the kill")


def open_when_unlocked(path: Path, timeout: float = UNLOCK_TIMEOUT, **kwargs) -> Portfolio:
    """Open for writing once no other process holds the portfolio (the recovery path)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return Portfolio.open(path, **kwargs)
        except PortfolioLocked as exc:
            if time.monotonic() > deadline:
                raise TrialFailure(f"{path.name}: still locked {timeout:.0f} s after the kill") from exc
            time.sleep(0.02)


# -- acknowledged edits ------------------------------------------------------------------------
@dataclass
class AckTally:
    trials: int = 0
    acknowledged: int = 0
    lost: int = 0
    outcomes: collections.Counter = field(default_factory=collections.Counter)

    def line(self, name: str) -> str:
        return (f"{name}: {self.trials} trials, {self.acknowledged} acknowledged edits, "
                f"{self.lost} lost; {dict(self.outcomes)}")


def read_value(pf: Portfolio, pid: str) -> tuple[int | None, int | None]:
    rec = pf.get("projects", pid)
    inv = rec["total_investment"]
    return (None if inv is None else int(inv)), value_of(rec["notes"])


def cell_clock(pf: Portfolio, pid: str, field_name: str) -> str:
    """The clock a merge would compare for one cell (the creation clock until first edited)."""
    clocks, created = pf._conn.execute("SELECT cell_clocks, created_hlc FROM projects WHERE id=?",
                                      (pid,)).fetchone()
    return json.loads(clocks).get(field_name, created)


def ack_trial(mode: str, path: Path, pid: str, seed: int, tally: AckTally, *,
              orphan: bool = False, max_delay: float | None = None) -> None:
    """One kill trial of the `apply` or `set` loop on `path` (reused from trial to trial)."""
    rng = random.Random(seed)
    with open_when_unlocked(path) as pf:
        before, _ = read_value(pf, pid)
        clock_before = cell_clock(pf, pid, "total_investment")
    start = (before or 0) + 1
    delay = rng.uniform(0.01, max_delay or (0.6 if mode == "apply" else 2.0))
    child = Child([sys.executable, str(ACK_CHILD), mode, str(path), pid, str(start), str(seed)])
    where = f"{mode} trial seed {seed}"
    if not child.wait_for("READY"):
        child.kill_group()
        raise TrialFailure(f"{where}: child did not start: {child.stderr}")
    time.sleep(delay)
    early = child.proc.poll()
    rc = child.kill_only_child() if orphan else child.kill_group()
    if early is not None or rc != -signal.SIGKILL:
        raise TrialFailure(f"{where}: the loop ended on its own (exit {rc}): {child.lines[-3:]} {child.stderr}")
    begun, acked, clocks, started = [], [], {}, []
    for line in child.lines:
        tag, *rest = line.split(" ")
        if tag == "B":
            begun.append(int(rest[0]))
        elif tag == "A":
            acked.append(int(rest[0]))
            if len(rest) > 1:
                clocks[int(rest[0])] = rest[1]
        elif tag == "R":
            started.append(int(rest[1]))
        elif tag == "E":
            raise TrialFailure(f"{where}: `kechuang set` failed: {line}")
    # A `kechuang set` the loop started may still run (always, when the loop alone was killed).
    # Until it has ended, the portfolio's lock proves nothing: one still starting up has not
    # taken it yet, and would write its value after the read-back — and after the next trial's
    # acknowledged edits (the soak once caught it doing so). So wait for it first.
    if started:
        wait_gone(started[-1])
    assert acked == list(range(start, start + len(acked))), f"{where}: acks out of order"
    last = acked[-1] if acked else before
    in_flight = begun[-1] if begun and (not acked or begun[-1] != acked[-1]) else None

    with open_when_unlocked(path) as pf:
        problems = pf.integrity()
        inv, note = read_value(pf, pid)
        clock_after, hlc_last = cell_clock(pf, pid, "total_investment"), pf.meta("hlc_last")
    tally.trials += 1
    tally.acknowledged += len(acked)
    if problems:
        raise TrialFailure(f"{where}: integrity check failed: {problems}")
    if inv != note:
        raise TrialFailure(f"{where}: fields from different steps: total_investment {inv}, notes v{note}")
    if inv == last:
        tally.outcomes["in flight not committed" if in_flight else "between steps"] += 1
    elif in_flight is not None and inv == in_flight:
        tally.outcomes["in flight committed, not acknowledged"] += 1
    else:
        if last is not None and (inv is None or inv < last):
            tally.lost += 1
        raise TrialFailure(f"{where}: the project holds step {inv}; last acknowledged {last}, "
                           f"in flight {in_flight} (killed after {delay:.3f} s, {len(acked)} acknowledged)")
    if inv in clocks and clock_after != clocks[inv]:
        raise TrialFailure(f"{where}: step {inv} was acknowledged with clock {clocks[inv]}, "
                           f"the file has {clock_after}")
    if inv != before and not clock_before < clock_after <= hlc_last:
        # a later value with a clock not after the earlier one's would lose to it in every merge
        raise TrialFailure(f"{where}: step {inv} carries clock {clock_after}, not after {clock_before} "
                           f"(hlc_last {hlc_last})")


def make_ack_portfolio(path: Path) -> str:
    """A small portfolio with one project for the loops; returns the project's id."""
    with Portfolio.open(path, create=True) as pf:
        pid, _ = pf.create("projects", {"name": "写入确认试验"})
    return pid


# -- init ------------------------------------------------------------------------------------------
@dataclass
class InitTally:
    trials: int = 0
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    failures: int = 0

    def line(self, name: str = "init") -> str:
        return f"{name}: {self.trials} trials, {self.failures} partial files; {dict(self.outcomes)}"


def init_trial(folder: Path, seed: int, tally: InitTally, expected: dict, *, max_delay: float) -> None:
    """`kechuang init` killed at a random moment: the file is absent or whole, and the next
    init (or first start) leaves nothing of the killed run behind."""
    rng = random.Random(seed)
    target = folder / f"init-{seed}.sqlite"
    child = Child([*kechuang_command(), "init", str(target)])
    time.sleep(rng.uniform(0.0, max_delay))
    child.kill_group()
    tally.trials += 1
    where = f"init trial seed {seed}"
    if not target.exists():
        outcome = "absent"
    else:
        try:
            with Portfolio.open(target, readonly=True) as pf:
                counts, problems = pf.counts(), pf.integrity()
        except Exception as exc:  # noqa: BLE001 — any refusal is a partial file
            tally.failures += 1
            raise TrialFailure(f"{where}: the file left is not a portfolio: {exc}") from exc
        if problems or counts != expected:
            tally.failures += 1
            raise TrialFailure(f"{where}: the file left is partial: {counts} {problems}")
        outcome = "complete"
    tally.outcomes[outcome] += 1
    left = sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{target.name}."))
    # a killed run may leave its temp file; the next init of that name takes it away
    rc = subprocess.run([*kechuang_command(), "init", str(target)], capture_output=True, text=True)
    if outcome == "absent" and rc.returncode != 0:
        raise TrialFailure(f"{where}: init after the kill failed: {rc.stderr}")
    if outcome == "complete" and rc.returncode != 2:
        raise TrialFailure(f"{where}: init over a complete portfolio was not refused: {rc.returncode}")
    still = sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{target.name}."))
    if still:
        raise TrialFailure(f"{where}: leftovers {left} of the killed run still there after the next init: {still}")
