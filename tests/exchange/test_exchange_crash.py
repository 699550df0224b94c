"""kill -9 during a merge (reference/merge.md §4 and §6 items 9 and 12; export: test_export_crash.py).

A child process (exchange_crash_child.py) merges a large-ish received file (thousands of new and
changed records) into a portfolio, and the parent SIGKILLs it at a seeded random moment — aimed
at the whole run or at one phase (the automatic backup, the writing of merged rows, the commit),
using the phase lines the child prints. Then the portfolio opens, passes integrity and
foreign-key checks, and its records, meta, peers and merge history are exactly the state before
the merge or exactly the state after it (both computed beforehand); every finished backup is
complete; a merge that was cut off can simply be run again.

Seeds are fixed; set KECHUANG_CRASH_SEED to an integer to explore other schedules.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from replicas import Office

from bulk_projects import bulk_project_ops
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.store.changes import Delete, Update
from db.store.schema import backups_dir
from killtrials import record_digests

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

CHILD = Path(__file__).with_name("exchange_crash_child.py")
BASE_SEED = int(os.environ.get("KECHUANG_CRASH_SEED", "0"))
NEW_PROJECTS = 3000  # each with a milestone: 6000 added records, plus ~300 changed ones
MERGE_PHASES = ("anywhere", "backup", "write", "write", "commit", "done")
MERGE_TRIALS = 12
READY_TIMEOUT = 30.0


# -- the child ---------------------------------------------------------------------------------
class Child:
    """Runs exchange_crash_child.py; a thread notes when each of its stdout lines arrived."""

    def __init__(self, *args: str):
        self.proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.seen: dict[str, float] = {}
        self.order: list[str] = []
        self._new = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            with self._new:
                line = raw.decode().strip()
                self.seen.setdefault(line, time.monotonic())
                self.order.append(line)
                self._new.notify_all()
        with self._new:
            self.seen.setdefault("EOF", time.monotonic())
            self._new.notify_all()

    def wait_for(self, line: str, timeout: float = READY_TIMEOUT) -> bool:
        """True once `line` was printed; False if the child ended without printing it."""
        with self._new:
            ok = self._new.wait_for(lambda: line in self.seen or "EOF" in self.seen, timeout)
        assert ok, f"child printed nothing for {timeout} s: {self.order}"
        return line in self.seen

    def kill(self) -> list[str]:
        """SIGKILL (if still running); returns every line it had printed before it died."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.wait_for("EOF")  # drain the pipe: lines printed just before the kill count too
        self._close()
        with self._new:
            return list(self.order)

    def finish(self) -> None:
        rc = self.proc.wait(timeout=60)
        assert rc == 0, self.proc.stderr.read().decode()
        self.wait_for("EOF")
        self._close()

    def _close(self) -> None:
        self.proc.stdout.close()
        self.proc.stderr.close()


def timings(*args: str) -> dict[str, float]:
    """Run the child to the end; seconds from READY to each later line."""
    child = Child(*args)
    child.finish()
    ready = child.seen["READY"]
    return {line: t - ready for line, t in child.seen.items()}


# -- states ------------------------------------------------------------------------------------
def fingerprint(conn: sqlite3.Connection) -> dict:
    """Records (raw rows, clocks included), meta, peers and merge history of a portfolio file."""
    out: dict = record_digests(conn)
    # each copy of the receiver becomes a replica of its own at its first write (a plain copy of a
    # working file, issue 23): its site id, identity and the site part of its clock are its own
    out["meta"] = sorted((k, v.rsplit("-", 1)[0] if k == "hlc_last" else v)
                         for k, v in conn.execute("SELECT key, value FROM meta")
                         if k not in ("site_id", "site_file"))
    out["peers"] = sorted(tuple(r) for r in conn.execute("SELECT site_id, last_hlc FROM peers"))
    out["history"] = sorted(tuple(r) for r in conn.execute("SELECT source_site, source_file FROM merge_history"))
    return out


def open_and_check(path: Path) -> tuple[Portfolio, dict]:
    """Reopen for writing (so the child's lock must be gone and the WAL is recovered), check."""
    pf = Portfolio.open(path)
    assert pf.integrity() == [], pf.integrity()
    return pf, fingerprint(pf._conn)


def copy_portfolio(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


# -- the large received file and our portfolio ---------------------------------------------------
@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    rng = random.Random(BASE_SEED)
    sender = Office(folder, "sender")
    sender.pf.apply(bulk_project_ops(rng, [u["id"] for u in sender.pf.list("units")], NEW_PROJECTS))
    builtin_projects = sender.pf.list("projects")[:293]
    sender.pf.apply([Update("projects", p["id"], {"stage": "建设", "notes": "已更新进度"})
                     for p in builtin_projects[:250]])
    sender.pf.apply([Delete("projects", p["id"]) for p in builtin_projects[250:260]])
    received = sender.send()
    sender.close()
    receiver = Office(folder, "receiver")
    receiver.close()
    return {"folder": folder, "received": received, "sender": folder / "sender.sqlite",
            "receiver": folder / "receiver.sqlite"}


# -- merge -------------------------------------------------------------------------------------
def test_kill_during_merge_leaves_the_state_before_or_after(big, tmp_path):
    before_pf, before = open_and_check(copy_portfolio(big["receiver"], tmp_path / "ref-before.sqlite"))
    before_pf.close()
    after_pf = Portfolio.open(copy_portfolio(big["receiver"], tmp_path / "ref-after.sqlite"))
    result = merge(after_pf, big["received"])
    assert result.totals()["added"] >= 2 * NEW_PROJECTS and result.totals()["updated"] >= 250
    after = fingerprint(after_pf._conn)
    after_pf.close()
    assert after != before

    calib = copy_portfolio(big["receiver"], tmp_path / "calibration.sqlite")
    t = timings("merge", str(calib), str(big["received"]))
    pf, state = open_and_check(calib)
    pf.close()
    assert state == after, "the child's merge differs from the in-process merge"
    write_s, commit_s = t["WRITTEN"] - t["WRITE"], t["DONE"] - t["WRITTEN"]

    outcomes = []
    for trial in range(MERGE_TRIALS):
        seed = BASE_SEED * 1000 + trial
        rng = random.Random(seed)
        phase = MERGE_PHASES[trial % len(MERGE_PHASES)]
        path = copy_portfolio(big["receiver"], tmp_path / f"trial-{trial}.sqlite")
        child = Child("merge", str(path), str(big["received"]))
        assert child.wait_for("READY")
        marker, low, high = {
            "anywhere": ("READY", 0, t["DONE"] * 1.2),
            "backup": ("BACKUP", 0, t["BACKED"] - t["BACKUP"]),
            "write": ("WRITE", 0, write_s * 0.9),
            "commit": ("WRITTEN", 0, commit_s),
            "done": ("DONE", 0, 0.005),  # merge() has returned; the process has not exited yet
        }[phase]
        if child.wait_for(marker):
            time.sleep(rng.uniform(low, high))
        printed = child.kill()

        pf, state = open_and_check(path)
        try:
            assert state in (before, after), f"trial {trial} (seed {seed}, {phase}, saw {printed}): mixed state"
            outcome = "after" if state == after else "before"
            if "DONE" in printed:
                assert outcome == "after", f"trial {trial}: merge() returned, yet its changes are gone"
            if "WRITTEN" not in printed:
                assert outcome == "before", f"trial {trial}: changes committed before they were all written"
            if outcome == "before":  # a merge cut off by a crash can simply be run again
                merge(pf, big["received"])
                assert fingerprint(pf._conn) == after
        finally:
            pf.close()
        for backup in backups_dir(path).glob("*.sqlite"):  # a leftover .partial is fine
            conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", backup
                assert fingerprint(conn) == before, f"trial {trial}: backup {backup.name} is not the pre-merge state"
            finally:
                conn.close()
        outcomes.append((phase, printed[-1], outcome))

    seen = {o for _p, _last, o in outcomes}
    assert seen == {"before", "after"}, outcomes
    assert any(last == "WRITE" for _p, last, _o in outcomes), f"no kill landed mid-write: {outcomes}"
