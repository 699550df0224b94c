"""What an operation changed (Anki's OpChanges habit) and the operations themselves.

Every mutation of the portfolio is a list of Ops applied by db.store.writer in one transaction; it
returns Changes, which say exactly which records and fields moved (so views refresh only what
concerns them) and can produce the inverse ops (so undo has something to undo).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Create:
    kind: str
    fields: dict
    id: str | None = None
    # the id was drawn just now (uuid4) by the caller, as the writer draws one when none is given:
    # no record can hold it, so the writer does not look for one in every table
    fresh: bool = False


@dataclass
class Update:
    kind: str
    id: str
    fields: dict
    reason: str | None = None  # required when a milestone's planned date moves (re-plan)
    approved_by: str | None = None


@dataclass
class Delete:
    kind: str
    id: str


@dataclass
class Restore:
    kind: str
    id: str


Op = Create | Update | Delete | Restore


@dataclass
class RecordChange:
    kind: str
    id: str
    action: str  # "create" | "update" | "delete" | "restore"
    before: dict = field(default_factory=dict)  # changed fields' old values
    after: dict = field(default_factory=dict)  # changed fields' new values

    def to_json(self) -> dict:
        return {"kind": self.kind, "id": self.id, "action": self.action,
                "before": self.before, "after": self.after}


@dataclass
class Changes:
    records: list[RecordChange] = field(default_factory=list)
    # True when the whole file was replaced or rewritten wholesale (merge, restore, undo of a
    # merge): every kind and every record may have moved, and there is nothing to undo by ops.
    everything: bool = False

    @classmethod
    def everything_changed(cls) -> Changes:
        return cls(everything=True)

    def __bool__(self) -> bool:
        return self.everything or bool(self.records)

    def kinds(self) -> set[str]:
        if self.everything:
            from db.model import KINDS
            return set(KINDS)
        return {r.kind for r in self.records}

    def ids(self, kind: str | None = None) -> list[str]:
        """The ids of the records that changed (of one kind). Meaningless when `everything` is
        set: check that first (everything of every kind may have changed)."""
        return [r.id for r in self.records if kind is None or r.kind == kind]

    def touches(self, kind: str) -> bool:
        return self.everything or any(r.kind == kind for r in self.records)

    def extend(self, other: Changes) -> None:
        self.records.extend(other.records)
        self.everything = self.everything or other.everything

    def inverse(self) -> list[Op]:
        """Ops that undo these changes, newest first. Applied with undo=True (no side effects)."""
        if self.everything:
            raise ValueError("a wholesale change is undone from its backup, not by ops")
        ops: list[Op] = []
        for r in reversed(self.records):
            if r.action == "create":
                ops.append(Delete(r.kind, r.id))
            elif r.action == "delete":
                ops.append(Restore(r.kind, r.id))
            elif r.action == "restore":
                ops.append(Delete(r.kind, r.id))
            else:
                ops.append(Update(r.kind, r.id, dict(r.before)))
        return ops

    def to_json(self) -> dict:
        out: dict = {"changes": [r.to_json() for r in self.records]}
        if self.everything:
            out["everything"] = True
        return out
