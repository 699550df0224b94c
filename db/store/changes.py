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

    def __bool__(self) -> bool:
        return bool(self.records)

    def kinds(self) -> set[str]:
        return {r.kind for r in self.records}

    def ids(self, kind: str | None = None) -> list[str]:
        return [r.id for r in self.records if kind is None or r.kind == kind]

    def touches(self, kind: str) -> bool:
        return any(r.kind == kind for r in self.records)

    def extend(self, other: "Changes") -> None:
        self.records.extend(other.records)

    def inverse(self) -> list[Op]:
        """Ops that undo these changes, newest first. Applied with undo=True (no side effects)."""
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
        return {"changes": [r.to_json() for r in self.records]}
