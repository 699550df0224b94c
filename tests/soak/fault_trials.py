"""Fault trials (issue 23): a full disk under every command that writes, and kill -9 mid-way
(two writers at once: fault_writers.py).

Used by tests/soak/soak_faults.py (many trials, on demand) and tests/soak/test_faults_short.py
(a few, in CI). Each trial runs the real `kechuang` (or, for the GUI's daily backup, a Portfolio
in a child) and then checks what issue 23 asks of it:

- disk full: the command exits 0 or 2 (never 1) with nothing or exactly one line on stderr (no
  traceback, no warning); the working file passes integrity_check and holds either the state
  before the command or the state the same command gives with room to spare; the output file is
  absent or complete; nothing half-written is left in the folder;
- kill -9: the working file passes integrity_check and holds the state before or after the
  command, nothing in between; an output left is complete.

The full disk is a small tmpfs mounted for the trial (root), or, where mounting is not allowed,
RLIMIT_FSIZE on the child (writes past the limit fail with EFBIG): `Space.kind` says which.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from db import builtin  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402

TIMING_RUNS = 3  # runs of a command timed before its kill trials (their median)
LEFTOVER_MARKS = (".partial", ".creating", ".restoring", ".kechuang-", "-journal")


class TrialFailure(AssertionError):
    pass


def check(condition, message: str) -> None:
    if not condition:
        raise TrialFailure(message)


# -- the small disk ----------------------------------------------------------------------------
class Space:
    """A folder whose free space a trial sets: a tmpfs of `size_mb` when one can be mounted, else
    a plain folder and RLIMIT_FSIZE on the child (`kind` is "tmpfs" or "rlimit")."""

    def __init__(self, size_mb: int = 8):
        self.root = Path(tempfile.mkdtemp(prefix="kechuang-fault-"))
        self.kind = "rlimit"
        self.limit: int | None = None
        if os.geteuid() == 0 and shutil.which("mount"):
            proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0755", "tmpfs",
                                   str(self.root)], capture_output=True)
            if proc.returncode == 0:
                self.kind = "tmpfs"
        self.filler = self.root / "filler.bin"

    def close(self) -> None:
        if self.kind == "tmpfs":
            subprocess.run(["umount", "-l", str(self.root)], check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def free(self) -> int:
        st = os.statvfs(self.root)
        return st.f_bavail * st.f_frsize

    def leave(self, free: int, biggest_file: int) -> None:
        """Leave about `free` bytes to write: fill the tmpfs, or cap file sizes at the biggest
        file of the trial plus `free`."""
        self.unfill()
        if self.kind == "tmpfs":
            take = self.free() - free
            if take > 0:
                fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o644)
                try:
                    os.posix_fallocate(fd, 0, take)
                except OSError:
                    os.ftruncate(fd, 0)
                    chunk = b"\0" * (1 << 20)
                    with contextlib.suppress(OSError):
                        while take > 0:
                            take -= os.write(fd, chunk[:min(take, len(chunk))])
                finally:
                    os.close(fd)
        else:
            self.limit = biggest_file + free

    def unfill(self) -> None:
        self.limit = None
        with contextlib.suppress(FileNotFoundError):
            self.filler.unlink()

    def preexec(self):
        limit = self.limit
        if self.kind == "tmpfs" or limit is None:
            return None

        def cap():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return cap


# -- running the app -----------------------------------------------------------------------------
def env_for(data_dir: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
            "KECHUANG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}


def kechuang(args, data_dir: Path, preexec=None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT, env=env_for(data_dir),
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout, preexec_fn=preexec)


BACKUP_CHILD = """
import sys
from db.store import backups
from db.errors import UserError
from db.portfolio import Portfolio
try:
    with Portfolio.open(sys.argv[1]) as pf:
        made = backups.daily_backup(pf)
except UserError as exc:
    print("kechuang: " + " ".join(str(exc).split()), file=sys.stderr)
    sys.exit(2)
print(made)
"""


def gui_backup(path: Path, data_dir: Path, preexec=None) -> subprocess.CompletedProcess:
    """The GUI's daily backup before the day's first edit (desktop/session.py), in a child."""
    return subprocess.run([sys.executable, "-c", BACKUP_CHILD, str(path)], cwd=ROOT, env=env_for(data_dir),
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300,
                          preexec_fn=preexec)


# -- the state a trial compares ---------------------------------------------------------------------
def state(path: Path) -> str:
    """Digest of every record (values and tombstones) of a portfolio; opening it for writing
    recovers its -wal first, as the app would."""
    with Portfolio.open(path) as pf:
        problems = pf.integrity()
        check(not problems, f"integrity_check of {path.name}: {problems[:3]}")
        records = {k: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                             for r in pf.list(k, include_deleted=True)) for k in pf.counts()}
    return hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()


def output_complete(path: Path, kind: str) -> bool:
    data = path.read_bytes()
    if kind == "pdf":
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if kind == "ics":
        return data.startswith(b"BEGIN:VCALENDAR") and data.endswith(b"END:VCALENDAR\r\n")
    if kind == "xlsx":
        try:
            with zipfile.ZipFile(path) as z:
                return z.testzip() is None
        except zipfile.BadZipFile:
            return False
    if kind == "sqlite":
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and \
                conn.execute("SELECT count(*) FROM projects").fetchone()[0] > 0
        except sqlite3.DatabaseError:
            return False
        finally:
            conn.close()
    raise ValueError(kind)


SET_NOTES = "notes=" + "故障试验中的修改" * 50


@dataclass
class Op:
    name: str
    output: str | None  # the kind of file it writes into the space, if any
    changes_portfolio: bool  # it may change the working file (then before or after is allowed)

    def run(self, space: Space, work: Path, out: Path | None, world: World, preexec):
        data, source, unit = space.root / "data", world.source, world.unit
        if self.name == "export":
            return kechuang(["export", work, "--out", out], data, preexec)
        if self.name == "export-slice":
            return kechuang(["export", work, "--out", out, "--unit", unit], data, preexec)
        if self.name == "brief":
            return kechuang(["brief", work, "--out", out, "--week", "2026-W47"], data, preexec)
        if self.name == "xlsx":
            return kechuang(["xlsx-export", work, "--out", out], data, preexec)
        if self.name == "template":
            return kechuang(["xlsx-export", work, "--out", out, "--template"], data, preexec)
        if self.name == "ics":
            return kechuang(["ics", work, "--out", out], data, preexec)
        if self.name == "merge":
            return kechuang(["merge", work, "--from", source], data, preexec)
        if self.name == "set":
            return kechuang(["set", work, world.project, SET_NOTES], data, preexec)
        if self.name == "backup":
            return gui_backup(work, data, preexec)
        if self.name == "import-ledger":
            return kechuang(["xlsx-import", work, world.ledger], data, preexec)
        if self.name == "import-template":
            return kechuang(["xlsx-import", work, world.template], data, preexec)
        raise ValueError(self.name)

    def start(self, work: Path, out: Path | None, world: World, data: Path) -> subprocess.Popen:
        """The same command as run(), started and left running (a kill trial kills it)."""
        args = {"merge": ["merge", work, "--from", world.source],
                "brief": ["brief", work, "--out", out, "--week", "2026-W47"],
                "set": ["set", work, world.project, SET_NOTES],
                "import-ledger": ["xlsx-import", work, world.ledger],
                "import-template": ["xlsx-import", work, world.template],
                "export": ["export", work, "--out", out], "xlsx": ["xlsx-export", work, "--out", out]}[self.name]
        return subprocess.Popen([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT,
                                env=env_for(data), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


OPS = {op.name: op for op in (
    Op("export", "sqlite", False), Op("export-slice", "sqlite", False), Op("brief", "pdf", True),
    Op("xlsx", "xlsx", False), Op("template", "xlsx", False), Op("ics", "ics", False),
    Op("merge", None, True), Op("set", None, True), Op("backup", None, False),
    Op("import-ledger", None, True), Op("import-template", None, True))}


@dataclass
class World:
    """A pristine working portfolio and a received file (a colleague's changes) outside the space."""
    folder: Path
    base: Path
    source: Path
    unit: str
    project: str
    ledger: Path
    template: Path
    expected: dict[str, str] = field(default_factory=dict)  # op -> state after it with room to spare
    before: str = ""


def make_world(folder: Path) -> World:
    from db.exchange.export import export
    from db.sheets.export import write_tables
    from db.sheets.template_export import write_template
    from db.store.changes import Create, Update
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    base = folder / "base.sqlite"
    with Portfolio.open(base, create=True) as pf:
        builtin.load(pf)
        project = pf.list("projects")[0]["id"]
        unit = pf.list("units", fields=("name",))[0]["name"]
    colleague = folder / "colleague.sqlite"
    shutil.copyfile(base, colleague)
    with Portfolio.open(colleague) as pf:  # a plain copy: its own replica at its first edit
        ids = [p["id"] for p in pf.list("projects")][:60]
        pf.apply([Update("projects", i, {"notes": f"同事的修改 {n}" * 20}) for n, i in enumerate(ids)])
        pf.apply([Create("projects", {"name": f"同事新增项目{n}", "summary": "内容" * 200}) for n in range(40)])
        source = folder / "received.sqlite"
        export(pf, source)
        ledger = folder / "ledger.xlsx"
        write_tables(pf, ledger, ["projects"])  # the colleague's 台账, to import
    template = folder / "调度表.xlsx"
    with Portfolio.open(base) as pf:
        write_template(pf, template)
    fill_template(template)
    world = World(folder, base, source, unit, project, ledger, template)
    world.before = state(_fresh(world, folder / "probe.sqlite"))
    return world


def fill_template(path: Path) -> None:
    """A unit fills in its 调度表: progress on every row, the stage of every project moved on."""
    from openpyxl import load_workbook

    from db.i18n import tr
    from db.sheets.template_spec import HEADER_ROW, PROGRESS, SHEETS
    wb = load_workbook(path)
    for kind, (title, cols) in SHEETS.items():
        if tr(title) not in wb.sheetnames:  # 问题督办 is there only for a unit with open problems
            continue
        ws = wb[tr(title)]
        col = {c.key: i for i, c in enumerate(cols, start=1)}
        for row in range(HEADER_ROW + 1, ws.max_row + 1):
            if ws.cell(row=row, column=1).value is None:
                continue
            ws.cell(row=row, column=col[PROGRESS.key]).value = f"第{row}行：本周按计划推进" * 3
            if kind == "projects":
                ws.cell(row=row, column=col["stage"]).value = "建设"
    wb.save(path)


def _fresh(world: World, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".lock"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()
    shutil.rmtree(f"{target}.backups", ignore_errors=True)
    shutil.copyfile(world.base, target)
    return target


def expected_after(world: World, op: Op) -> str:
    """The working file's state after `op` with room to spare (computed once per op)."""
    if op.name not in world.expected:
        roomy = world.folder / "roomy"
        shutil.rmtree(roomy, ignore_errors=True)
        roomy.mkdir()
        work = _fresh(world, roomy / "work.sqlite")
        space = Space.__new__(Space)
        space.root, space.kind, space.limit = roomy, "none", None
        out = roomy / f"out.{op.output}" if op.output else None
        proc = op.run(space, work, out, world, None)
        check(proc.returncode == 0, f"{op.name} with room to spare: {proc.returncode} {proc.stderr.strip()}")
        world.expected[op.name] = state(work)
    return world.expected[op.name]


@dataclass
class KillTally:
    trials: int = 0
    killed: int = 0  # the process was still running when killed (the rest had finished)
    before: int = 0  # the working file held the state before the command
    after: int = 0
    failures: list[str] = field(default_factory=list)
    corrupt: int = 0
    lost: int = 0


def duration(world: World, op: Op, folder: Path) -> float:
    """How long `op` takes here with nothing in its way (what kill moments are drawn from)."""
    key = f"duration:{op.name}"
    if key not in world.expected:
        times = []
        for _ in range(TIMING_RUNS):
            work = _fresh(world, folder / "timing.sqlite")
            start = time.monotonic()
            proc = op.start(work, folder / f"timing.{op.output or 'out'}", world, folder / "data")
            check(proc.wait(timeout=300) == 0, f"{op.name}: {proc.stderr.read().decode()[-300:]}")
            times.append(time.monotonic() - start)
        world.expected[key] = str(sorted(times)[len(times) // 2])
    return float(world.expected[key])


def kill_trial(world: World, op: Op, folder: Path, rng: random.Random, tally: KillTally) -> None:
    """Start `op`, SIGKILL it at a random moment of its run, then check the working file: sound,
    and holding the state before or the state after the command, nothing in between."""
    tally.trials += 1
    folder.mkdir(parents=True, exist_ok=True)
    work = _fresh(world, folder / "work.sqlite")
    out = folder / f"out.{op.output}" if op.output else None
    if out is not None:
        with contextlib.suppress(FileNotFoundError):
            out.unlink()
    moment = rng.uniform(0.2, 1.15) * duration(world, op, folder)
    proc = op.start(work, out, world, folder / "data")
    time.sleep(moment)
    if proc.poll() is None:
        tally.killed += 1
        proc.kill()
    proc.wait(timeout=60)
    label = f"{op.name} killed after {moment:.2f} s"
    try:
        try:
            now = state(work)
        except TrialFailure:
            tally.corrupt += 1
            raise
        if now == world.before:
            tally.before += 1
        elif op.changes_portfolio and now == expected_after(world, op):
            tally.after += 1
        else:
            tally.lost += 1
            raise TrialFailure(f"{label}: the working file holds neither the state before nor after")
        if out is not None and out.exists():
            check(output_complete(out, op.output), f"{label}: a partial {out.name}")
    except TrialFailure as exc:
        tally.failures.append(str(exc))


@dataclass
class DiskTally:
    trials: int = 0
    succeeded: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    corrupt: int = 0
    lost: int = 0
    messages: dict[str, int] = field(default_factory=dict)


def disk_full_trial(world: World, space: Space, op: Op, free: int, tally: DiskTally) -> None:
    """Run `op` with about `free` bytes left on the working file's disk and check the outcome."""
    tally.trials += 1
    for p in list(space.root.iterdir()):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink()
    (space.root / "data").mkdir()
    work = space.root / "work.sqlite"
    shutil.copyfile(world.base, work)
    out = space.root / f"out.{op.output}" if op.output else None
    space.leave(free, biggest_file=work.stat().st_size)
    try:
        proc = op.run(space, work, out, world, space.preexec())
    finally:
        space.unfill()
    label = f"{op.name} with {free} bytes free"
    try:
        err = proc.stderr.strip()
        check(proc.returncode in (0, 2), f"{label}: exit {proc.returncode}: {err[-300:]}")
        if proc.returncode == 0:
            check(err == "", f"{label}: exit 0 but stderr {err[-300:]!r}")
            tally.succeeded += 1
        else:
            lines = err.splitlines()
            check(len(lines) == 1 and lines[0].startswith("kechuang: ") and "Traceback" not in err,
                  f"{label}: not one clear line: {err[-500:]!r}")
            tally.refused += 1
            key = re.sub(r"\d+", "N", re.sub(r"“[^”]*”", "“…”", lines[0]))[:160]
            tally.messages[key] = tally.messages.get(key, 0) + 1
        try:
            now = state(work)
        except TrialFailure:
            tally.corrupt += 1
            raise
        allowed = {world.before}
        if op.changes_portfolio:
            allowed.add(expected_after(world, op))
        if proc.returncode == 0 and op.changes_portfolio:
            allowed = {expected_after(world, op)}
        if now not in allowed:
            tally.lost += 1
            raise TrialFailure(f"{label}: the working file holds neither the state before nor after")
        if out is not None:
            if proc.returncode == 0:
                check(out.exists() and output_complete(out, op.output), f"{label}: exit 0, output incomplete")
            else:
                check(not out.exists() or output_complete(out, op.output), f"{label}: refused, a partial output left")
        leftovers = [p.name for p in space.root.rglob("*") if any(m in p.name for m in LEFTOVER_MARKS)
                     and not p.name.startswith("work.sqlite")]
        check(not leftovers, f"{label}: left behind {leftovers}")
        for backup in (space.root / "work.sqlite.backups").glob("*.sqlite") if op.name in ("merge", "backup") else ():
            check(output_complete(backup, "sqlite"), f"{label}: an incomplete backup {backup.name}")
    except TrialFailure as exc:
        tally.failures.append(str(exc))


def random_frees(rng: random.Random, count: int, top: int) -> list[int]:
    """Free-space amounts to try: the tight ones always, then spread (log-uniform) up to `top`."""
    fixed = [0, 4096, 65536, 262144]
    return fixed[:count] + [int(2 ** rng.uniform(12, top.bit_length())) for _ in range(max(0, count - len(fixed)))]
