"""What one sync round did (exchange folder or hub), for the CLI, the GUI and scripts."""
from __future__ import annotations

from dataclasses import dataclass, field

from db.exchange.merge import ACTIONS, MergePlan


@dataclass
class SyncReport:
    sent: list[str] = field(default_factory=list)       # changesets published (file names / hub seq)
    merged: list[str] = field(default_factory=list)     # changesets merged this round
    waiting: list[str] = field(default_factory=list)    # not complete yet (still being copied): next time
    refused: list[tuple[str, str]] = field(default_factory=list)  # (changeset, why) — untrusted input refused
    totals: dict = field(default_factory=lambda: {a: 0 for a in ACTIONS})
    conflicts: list[dict] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)     # own changesets deleted: every site has them
    stranded: list[tuple[str, str]] = field(default_factory=list)  # (site, what to do): pruned past us
    offline: str | None = None                          # the hub could not be reached: why
    failed: str | None = None                           # the hub refused the round (after the folder's)
    needs_password: bool = False                        # the hub asked for a password none was given for
    password_refused: bool = False                      # … or refused the one given (after the folder's)

    def add(self, name: str, plan: MergePlan) -> None:
        self.merged.append(name)
        for action, n in plan.totals().items():
            self.totals[action] += n
        self.conflicts.extend({"kind": c.kind, "id": c.id, "label": c.label, "field": c.field,
                               "mine": c.mine, "theirs": c.theirs} for c in plan.conflicts)

    def extend(self, other: SyncReport) -> None:
        """Add another transport's round to this one."""
        for name in ("sent", "merged", "waiting", "refused", "conflicts", "pruned", "stranded"):
            getattr(self, name).extend(getattr(other, name))
        for action, n in other.totals.items():
            self.totals[action] += n
        self.offline = self.offline or other.offline
        self.failed = self.failed or other.failed
        self.needs_password = self.needs_password or other.needs_password

    @property
    def changed(self) -> bool:
        return bool(self.merged)

    def to_json(self) -> dict:
        return {"sent": self.sent, "merged": self.merged, "waiting": self.waiting,
                "refused": [{"changeset": n, "reason": r} for n, r in self.refused],
                "totals": self.totals, "conflicts": self.conflicts, "offline": self.offline, "failed": self.failed,
                "pruned": self.pruned, "stranded": [{"site": s, "message": m} for s, m in self.stranded]}
