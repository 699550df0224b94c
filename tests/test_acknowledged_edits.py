"""kill -9 of a writer loses no acknowledged edit (issue 24), and nothing reads an earlier state.

A loop of in-process `Portfolio.apply` calls and a loop of `kechuang set` processes give one
project the values 1, 2, 3, … and log every step before it starts and once it is acknowledged;
the parent SIGKILLs the loop at a random moment and reads the project back (tests/killtrials.py
has the rules). A few trials here; `tests/soak/soak.py` runs hundreds.

The loss the issue reported was in how the value was read back, not in the file: the file always
held the last acknowledged value or the one in flight. Reading the portfolio file without the
`-wal` beside it — as a copy of the file does, and as merging from it did — gives the state of
the last checkpoint, an earlier value. A merge now refuses a file whose `-wal` or `-journal` still
holds changes (the test below failed before: the merge brought the earlier value).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from db.exchange.export import export
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.store.received import RefusedFile
from killtrials import ACK_CHILD, AckTally, Child, ack_trial, make_ack_portfolio, open_when_unlocked, read_value

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and process groups")


@pytest.mark.slow
def test_killed_apply_loop_loses_no_acknowledged_edit(tmp_path):
    path = tmp_path / "apply.sqlite"
    pid = make_ack_portfolio(path)
    tally = AckTally()
    for seed in range(8):
        ack_trial("apply", path, pid, seed, tally)
    print(tally.line("apply"))
    assert tally.lost == 0 and tally.acknowledged >= 8


@pytest.mark.slow
def test_killed_set_loop_loses_no_acknowledged_edit(tmp_path):
    path = tmp_path / "set.sqlite"
    pid = make_ack_portfolio(path)
    tally = AckTally()
    for seed in range(6):
        # odd trials kill the loop alone: its `kechuang set` runs on, and the read-back waits
        ack_trial("set", path, pid, 100 + seed, tally, orphan=seed % 2 == 1)
    print(tally.line("set"))
    assert tally.lost == 0 and tally.acknowledged >= 1


def killed_mid_loop(path: Path, pid: str) -> int:
    """Run the apply loop until well past a WAL checkpoint, SIGKILL it; the last step begun."""
    child = Child([sys.executable, str(ACK_CHILD), "apply", str(path), pid, "1", "7"])
    assert child.wait_for("READY")
    deadline = time.monotonic() + 30
    while not any(line.startswith("A 40 ") for line in child.lines) and time.monotonic() < deadline:
        time.sleep(0.01)
    child.kill_group()
    assert any(line.startswith("A 40 ") for line in child.lines), child.lines[-3:]
    return max(int(line.split()[1]) for line in child.lines if line.startswith("B "))


def test_merge_refuses_a_file_whose_wal_still_holds_edits(tmp_path):
    loop = tmp_path / "unit.sqlite"
    pid = make_ack_portfolio(loop)
    office = tmp_path / "office.sqlite"
    with Portfolio.open(office, create=True):
        pass
    last = killed_mid_loop(loop, pid)
    assert Path(f"{loop}-wal").stat().st_size > 0
    with Portfolio.open(office) as pf:
        with pytest.raises(RefusedFile, match="-wal"):
            merge(pf, loop)  # before the fix: merged, bringing an earlier value of the project
        assert pf.get("projects", pid) is None
    # opening the file (as the app does) writes its WAL back; then it merges whole
    with open_when_unlocked(loop) as pf:
        value, _ = read_value(pf, pid)
    assert value in (last - 1, last) and not Path(f"{loop}-wal").exists()
    with Portfolio.open(office) as pf:
        merge(pf, loop)
        assert read_value(pf, pid) == (value, value)


def test_merge_refuses_a_file_with_a_hot_journal(tmp_path):
    sent = tmp_path / "sent.sqlite"
    with Portfolio.open(tmp_path / "unit.sqlite", create=True) as pf:
        pf.create("projects", {"name": "单位项目"})
        export(pf, sent)
    # what a writer killed mid-transaction leaves: the main file may hold half of it
    Path(f"{sent}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    with Portfolio.open(tmp_path / "office.sqlite", create=True) as pf:
        with pytest.raises(RefusedFile, match="-journal"):
            merge(pf, sent)
        assert pf.count("projects") == 0
