"""Per-kind rules of the write path, registered by the domain (db/rules.py), so the generic
writer names no kind.

A hook runs inside the writer's transaction, after the values were checked and references
resolved, before the row is written; it may adjust `values` (e.g. fill a baseline date), raise
ValidationError naming the rule, or create side records through `w.create(...)` (a re-plan's slip
log entry, a challenge's stage event) and return their Changes. Hooks are given `undo`: an undo
replays values verbatim and most rules then stand aside.

    before_create(w, values, label, undo)                   -> Changes | None
    before_update(w, op, current, changed, label, undo)     -> Changes | None
    before_delete(w, current, label, undo)                  -> None
    after_create(w, row_id, values, label, undo)            -> Changes | None  (the row is written:
                                                               side records may point at it)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Hook = Callable[..., Any]


@dataclass
class KindHooks:
    before_create: list[Hook] = field(default_factory=list)
    before_update: list[Hook] = field(default_factory=list)
    before_delete: list[Hook] = field(default_factory=list)
    after_create: list[Hook] = field(default_factory=list)


_HOOKS: dict[str, KindHooks] = {}


def register(kind: str, *, before_create: Hook | None = None, before_update: Hook | None = None,
             before_delete: Hook | None = None, after_create: Hook | None = None) -> None:
    hooks = _HOOKS.setdefault(kind, KindHooks())
    for name, fn in (("before_create", before_create), ("before_update", before_update),
                     ("before_delete", before_delete), ("after_create", after_create)):
        if fn is not None and fn not in getattr(hooks, name):
            getattr(hooks, name).append(fn)


_NONE = KindHooks()  # (the hooks of a kind that has none: never added to)


def of(kind: str) -> KindHooks:
    return _HOOKS.get(kind) or _NONE
