"""kill -9 during a hub round (issue #19); the trials of test_hub_kill.py, reusable by a soak.

A unit's portfolio syncs with a real PostgreSQL hub in a child process (hub_sync_child.py) that
is SIGKILLed at a seeded random moment — while editing, planning its push, sending it, noting it
sent, or pulling and merging the office's changesets. Then, the way the app would recover:

- the unit's file opens, passes its integrity check and holds the last acknowledged edit (or the
  one in flight);
- every push the child saw return ("S i") is on the hub: nothing acknowledged is lost;
- the next round succeeds; the office's next round brings the unit's value; after both, the
  unit's and the office's `dump` are the same;
- the unit's changesets on the hub are numbered 1..N without a gap (a retried push stored no
  second copy), and one more round sends nothing: a replayed push is a no-op.
"""
from __future__ import annotations

import collections
import random
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ack_child import value_of  # noqa: E402
from db import builtin  # noqa: E402
from db.exchange.hub import grant_hub, sync_hub  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402
from db.store import hub as door  # noqa: E402
from killtrials import Child, TrialFailure, open_when_unlocked  # noqa: E402

CHILD = Path(__file__).with_name("hub_sync_child.py")
OFFICE_EDITS = 150  # projects the office changes before each pull trial (a pull worth killing)


@dataclass
class HubWorld:
    office: Portfolio
    unit_path: Path
    admin_url: str
    office_url: str
    unit_url: str
    project: str
    others: list[str]
    outcomes: collections.Counter = field(default_factory=collections.Counter)
    trials: int = 0
    acknowledged: int = 0
    lost: int = 0

    def line(self) -> str:
        return (f"hub kill: {self.trials} trials, {self.acknowledged} acknowledged pushes, {self.lost} lost; "
                f"{dict(self.outcomes)}")


def make_world(tmp: Path, server, db: str) -> HubWorld:
    office = Portfolio.open(tmp / "office.sqlite", create=True)
    builtin.load(office)
    projects = [p for p in office.list("projects") if p["lead_unit_id"]]
    unit = projects[0]["lead_unit_id"]
    mine = [p["id"] for p in projects if p["lead_unit_id"] == unit]
    office.save_as(tmp / "unit.sqlite")
    admin = server.url(db=db)
    grant_hub(admin, "office", [], True)
    grant_hub(admin, "unit_a", [unit], False)
    world = HubWorld(office, tmp / "unit.sqlite", admin, server.url(user="office", db=db),
                     server.url(user="unit_a", db=db), mine[0], [p["id"] for p in projects][:OFFICE_EDITS])
    _round(office, world.office_url)  # the office's snapshot: every record on the hub with its owners
    return world


def _round(pf: Portfolio, url: str):
    report = sync_hub(pf, url)
    if report.offline or report.refused:
        raise TrialFailure(f"a round after the kill failed: {report.offline or report.refused}")
    return report


def hub_value(world: HubWorld, site: str) -> int | None:
    """The newest step of the trial project that `site` pushed to the hub."""
    with door.connect(world.admin_url) as conn:
        row = conn.execute("SELECT r.data FROM kc_rows r JOIN kc_changesets c USING (cursor) WHERE c.site_id=%s "
                           "AND r.kind='projects' AND r.row_id=%s ORDER BY cursor DESC LIMIT 1",
                           (site, world.project)).fetchone()
    return value_of(row[0]["values"]["notes"]) if row else None


def hub_seqs(world: HubWorld, site: str) -> list[int]:
    with door.connect(world.admin_url) as conn:
        return [r[0] for r in conn.execute("SELECT seq FROM kc_changesets WHERE site_id=%s ORDER BY seq", (site,))]


def trial(world: HubWorld, mode: str, seed: int) -> None:
    rng = random.Random(seed)
    where = f"hub {mode} trial seed {seed}"
    with open_when_unlocked(world.unit_path) as pf:
        before = value_of(pf.get("projects", world.project)["notes"]) or 0
        site = pf.site_id
    if mode == "pull":  # the office changes many records: the unit's next pull has much to merge
        for pid in world.others:
            world.office.update("projects", pid, {"notes": f"office {seed} {pid[:6]}"})
        _round(world.office, world.office_url)
        argv = [sys.executable, str(CHILD), "pull", str(world.unit_path), world.unit_url]
    else:
        argv = [sys.executable, str(CHILD), "push", str(world.unit_path), world.unit_url, world.project,
                str(before + 1)]
    child = Child(argv)
    if not child.wait_for("READY"):
        child.kill_group()
        raise TrialFailure(f"{where}: child did not start: {child.stderr}")
    delay = rng.uniform(0.02, 1.5 if mode == "push" else 2.5)
    child.wait_for("never", timeout=delay)
    early = child.proc.poll()
    rc = child.kill_group()
    if early is not None or rc != -signal.SIGKILL:
        raise TrialFailure(f"{where}: the child ended on its own (exit {rc}): {child.lines[-3:]} {child.stderr}")
    tags = [line.split(" ") for line in child.lines if line != "READY"]
    acked = [int(t[1]) for t in tags if t[0] == "A"]
    synced = [int(t[1]) for t in tags if t[0] == "S"]
    begun = [int(t[1]) for t in tags if t[0] == "B"]
    world.outcomes[{"B": "killed editing", "A": "killed in push", "S": "killed between rounds"}.get(
        tags[-1][0], "killed before the first step") if mode == "push" else
        ("killed in the first pull" if not synced else "killed in a later round")] += 1
    world.trials += 1
    if mode == "push" and synced:
        world.acknowledged += 1
        on_hub = hub_value(world, site)
        if on_hub is None or on_hub < synced[-1]:
            world.lost += 1
            raise TrialFailure(f"{where}: the push of step {synced[-1]} returned, the hub holds step {on_hub}")
    with open_when_unlocked(world.unit_path) as pf:
        problems = pf.integrity()
        local = value_of(pf.get("projects", world.project)["notes"]) or 0
        if problems:
            raise TrialFailure(f"{where}: integrity check failed: {problems}")
        if mode == "push" and local not in {acked[-1] if acked else before, begun[-1] if begun else before}:
            raise TrialFailure(f"{where}: the unit holds step {local}; acknowledged {acked[-3:]}")
        _round(pf, world.unit_url)  # the next round after the kill catches up
        _round(world.office, world.office_url)
        _round(pf, world.unit_url)
        if world.office.get("projects", world.project)["notes"] != pf.get("projects", world.project)["notes"]:
            raise TrialFailure(f"{where}: the office did not get the unit's step {local}")
        if pf.dump() != world.office.dump():
            raise TrialFailure(f"{where}: the unit and the office differ after the rounds")
        seqs = hub_seqs(world, site)
        if seqs != list(range(1, len(seqs) + 1)):
            raise TrialFailure(f"{where}: the unit's changesets on the hub are {seqs}")
        again = _round(pf, world.unit_url)
        if again.sent or again.merged or hub_seqs(world, site) != seqs:
            raise TrialFailure(f"{where}: one more round sent {again.sent}, merged {again.merged}")
