"""Units as an office keeps them (issue #21): spotting a near-duplicate name before a new unit is
created, and merging duplicates — every reference moves to the kept unit, then the others are
deleted, all as ops for the one write path (so a merge is one undoable edit that syncs)."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from db.model import KINDS
from db.pinyin import sort_key
from db.store.changes import Delete, Op, Update

if TYPE_CHECKING:
    from db.portfolio import Portfolio

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司")


def unit_key(name: str) -> str:
    """A unit name with full-width forms folded, spaces and 有限公司-type suffixes removed:
    "重庆  长安汽车股份有限公司" and "重庆长安汽车" have the same key."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lower()
    for suffix in _SUFFIXES:
        text = text.replace(suffix, "")
    return text


def near_duplicates(pf: Portfolio, name: str, exclude: str | None = None) -> list[dict]:
    """Live units whose name or short name has the same key as `name`."""
    key = unit_key(name)
    if not key:
        return []
    return [u for u in pf.list("units", fields=("name", "short_name"))
            if u["id"] != exclude and key in (unit_key(u["name"]), unit_key(u["short_name"] or ""))]


def duplicate_groups(pf: Portfolio) -> list[list[dict]]:
    """Units sharing a key, largest groups first (the units screen offers to merge them)."""
    groups: dict[str, list[dict]] = {}
    for u in pf.list("units", fields=("name", "short_name", "kind")):
        groups.setdefault(unit_key(u["name"]), []).append(u)
    found = [g for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: (-len(g), sort_key(g[0]["name"])))


def merge_ops(pf: Portfolio, keep_id: str, drop_ids: list[str]) -> list[Op]:
    """Ops that point every live reference to a dropped unit at `keep_id`, then delete the
    dropped units. Reference lists keep their order and lose the duplicate."""
    drop = [d for d in dict.fromkeys(drop_ids) if d != keep_id]
    if not drop:
        return []
    ops: list[Op] = []
    for kind in KINDS.values():
        fields = [f for f in kind.fields if f.ref == "units"]
        if not fields:
            continue
        for rec in pf.list(kind.name, fields=tuple(f.name for f in fields)):
            changed: dict[str, object] = {}
            for f in fields:
                value = rec.get(f.name)
                if f.type == "ref" and value in drop:
                    changed[f.name] = None if rec["id"] == keep_id else keep_id
                elif f.type == "reflist" and any(v in drop for v in value or []):
                    changed[f.name] = list(dict.fromkeys(keep_id if v in drop else v for v in value or []))
            if changed:
                ops.append(Update(kind.name, rec["id"], changed))
    ops += [Delete("units", d) for d in drop]
    return ops
