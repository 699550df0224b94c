"""Possible duplicates: the same project, unit, challenge or indicator created separately in two
files (different UUIDs, same name). They are flagged, never silently doubled or joined; the user
can merge the two, which repoints every reference and tombstones the other record."""
from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from db.model import KINDS
from db.store.changes import Delete, Op, Update

if TYPE_CHECKING:
    from db.portfolio import Portfolio

CHECKED = ("projects", "units", "challenges", "indicators")
_PUNCT = re.compile(r"[\s\-—_·・,，。.、:：;；'\"“”‘’()（）\[\]【】《》<>]+")


def normal(name: str | None) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", name or "")).lower()


def _key(kind_name: str, values: dict) -> str:
    title = values.get(KINDS[kind_name].title_field)
    if kind_name == "indicators":
        return normal(values.get("plan")) + "|" + normal(title)
    return normal(title)


def find_duplicates(pf: Portfolio, incoming) -> list[dict]:
    """Records the received file adds whose name matches a different live record of ours."""
    found = []
    for kind_name in CHECKED:
        kind = KINDS[kind_name]
        added = [(rid, row) for rid, row in incoming.rows.get(kind_name, {}).items()
                 if not row["deleted"] and pf.get(kind_name, rid, include_deleted=True) is None]
        if not added:  # a changeset of edits adds nothing: no need to read all of ours (city scale)
            continue
        ours: dict[str, dict] = {}
        for rec in pf.list(kind_name):
            ours.setdefault(_key(kind_name, rec), rec)
        for rid, row in added:
            key = _key(kind_name, row["values"])
            match = ours.get(key) if key.strip("|") else None
            if match is not None and match["id"] != rid:
                found.append({"kind": kind_name, "incoming_id": rid, "incoming": row["values"][kind.title_field],
                              "local_id": match["id"], "local": match[kind.title_field]})
    return found


def merge_records_ops(pf: Portfolio, kind_name: str, keep_id: str, drop_id: str) -> list[Op]:
    """Ops that make `drop` part of `keep`: references repointed, empty fields filled, drop deleted."""
    kind = KINDS[kind_name]
    keep, drop = pf.get(kind_name, keep_id), pf.get(kind_name, drop_id)
    if keep is None or drop is None or keep_id == drop_id:
        return []
    ops: list[Op] = []
    fill = {}
    for f in kind.fields:
        if f.readonly:
            continue
        if f.type in ("reflist", "strlist"):
            union = list(dict.fromkeys((keep[f.name] or []) + (drop[f.name] or [])))
            if union != keep[f.name]:
                fill[f.name] = union
        elif keep[f.name] in (None, "", {}) and drop[f.name] not in (None, "", {}):
            fill[f.name] = drop[f.name]
    if fill:
        ops.append(Update(kind_name, keep_id, fill))
    for other in KINDS.values():
        for f in other.fields:
            if f.ref != kind_name:
                continue
            for rec in pf.list(other.name):
                if f.type == "ref" and rec[f.name] == drop_id:
                    ops.append(Update(other.name, rec["id"], {f.name: keep_id}))
                elif f.type == "reflist" and drop_id in (rec[f.name] or []):
                    new = list(dict.fromkeys(keep_id if v == drop_id else v for v in rec[f.name]))
                    ops.append(Update(other.name, rec["id"], {f.name: new}))
    ops.append(Delete(kind_name, drop_id))
    return ops
