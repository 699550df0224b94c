"""Child process for the acknowledged-edit kill trials (tests/killtrials.py; not a test module).

    python ack_child.py apply PORTFOLIO UUID START SEED    Portfolio.apply in a loop, in-process
    python ack_child.py set PORTFOLIO UUID START SEED      `kechuang set` in a loop, one process each
    python ack_child.py hold PORTFOLIO                     open for writing, print READY, sleep

Each loop step i (from START) gives the project UUID the value i: `total_investment` = i and
`notes` = "v<i>:" plus a padding of seeded random size (so pages overflow and the WAL gets
checkpointed mid-run). Before a step it prints "B i", after the step was acknowledged "A i" —
for `apply` once apply() returned (followed by the clock the step's cells were stamped with),
for `set` once the `kechuang set` process exited 0 (then "R i pid" before it starts). Every line is one
write(2) to stdout, no user-space buffer: what was printed survives the SIGKILL of this process.
"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def notes(i: int, rng: random.Random) -> str:
    return f"v{i}:" + "记" * rng.choice((0, 0, 10, 200, 2000, 12000))


def value_of(notes_text: str | None) -> int | None:
    """The step number a `notes` value was written by."""
    if not notes_text or not notes_text.startswith("v"):
        return None
    return int(notes_text[1:notes_text.index(":")])


def kechuang_command() -> list[str]:
    """The installed console script beside this interpreter, else the module."""
    script = Path(sys.executable).with_name("kechuang")
    if script.exists():
        return [str(script)]
    found = shutil.which("kechuang")
    return [found] if found else [sys.executable, "-m", "desktop.cli"]


def apply_loop(path: str, pid: str, start: int, rng: random.Random) -> None:
    from db.portfolio import Portfolio
    from db.store.changes import Update
    pf = Portfolio.open(path)
    say("READY")
    i = start
    while True:
        fields = {"total_investment": float(i), "notes": notes(i, rng)}
        say(f"B {i}")
        pf.apply([Update("projects", pid, fields)])
        say(f"A {i} {pf.clock.last}")  # with the clock its cells were stamped with
        i += 1


def set_loop(path: str, pid: str, start: int, rng: random.Random) -> None:
    command = kechuang_command()
    say("READY")
    i = start
    while True:
        say(f"B {i}")
        proc = subprocess.Popen([*command, "set", path, pid, f"total_investment={i}", f"notes={notes(i, rng)}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        say(f"R {i} {proc.pid}")
        _, err = proc.communicate()
        if proc.returncode != 0:  # nothing else writes the file: any refusal is a finding
            say(f"E {i} {proc.returncode} " + " ".join(err.decode("utf-8", "replace").split()))
            return
        say(f"A {i}")
        i += 1


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "hold":
        from db.portfolio import Portfolio
        Portfolio.open(path)
        say("READY")
        while True:
            time.sleep(1)
    pid, start, seed = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    {"apply": apply_loop, "set": set_loop}[mode](path, pid, start, random.Random(seed))


if __name__ == "__main__":
    main()
