"""Loads the built-in portfolio (resources/portfolio/*.json, extracted from the seed plans).

Built-in records get stable UUIDs (uuid5 of their key) and the built-in clock, so every office
that starts from the built-in portfolio holds the very same records and their files merge
without duplicates. Loading goes through the one write path, like any other edit.

An office loads the plans it works with (any subset of the documents) and can add others later.
A record is the same whichever plans brought it in: a project named by two plans is one record
whose fields are merged over every document that names it, so an office that started with one
plan and added the other later holds exactly what an office that loaded both at once holds.
"""
from __future__ import annotations

import json
import re
import unicodedata
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import resources
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.store import hlc, records, schema
from db.store.changes import Changes, Create, Delete
from db.store.writer import Writer

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E_PLANS = QT_TRANSLATE_NOOP("errors", "没有编号为“{ids}”的内置规划；可选：{known}")

PORTFOLIO_DIR = resources.PORTFOLIO
NAMESPACE = uuid.UUID("0d6c7a52-8a0e-4a3c-9f0b-6f2d1c5b7e21")
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
EXAMPLES_FILE = "examples.json"
SAME_AS_FILE = "same_as.json"


class _BuiltinClock:
    """Every built-in cell carries the same, oldest clock: any real edit wins over it."""

    last = hlc.BUILTIN_HLC

    def tick(self) -> str:
        return hlc.BUILTIN_HLC


def builtin_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "builtin:" + key))


def unit_id(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "unit:" + name))


def number(text: str | None) -> float | None:
    """The number a table cell states, or None when the cell is not a plain number."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    return float(t) if NUMBER_RE.match(t) else None


def data_files() -> list[Path]:
    return sorted(PORTFOLIO_DIR.glob("[0-9][0-9][0-9].json"))


def documents() -> list[dict]:
    """The built-in documents' "document" blocks, in order (id, title, short, period …)."""
    return [read(p)["document"] for p in data_files()]


def check_plans(ids) -> list[str]:
    """The document ids asked for, checked (a UserError names an unknown one); None -> all."""
    known = [d["id"] for d in documents()]
    if ids is None:
        return known
    wanted = [i.strip() for i in ids if i and i.strip()]
    unknown = [i for i in wanted if i not in known]
    if unknown or not wanted:
        raise UserError(E_PLANS, ids="、".join(unknown) or "—", known="、".join(
            f"{d['id']} {d['short']}" for d in documents()))
    return [i for i in known if i in wanted]


def read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _unit_ops(docs: list[dict], used: set[str]) -> list[Create]:
    """The units named in `used` (and their parents), each as the first document lists it."""
    units: dict[str, dict] = {}
    for data in docs:
        for u in data.get("units", []):
            units.setdefault(u["name"], u)
    ops, done = [], set()

    def add(name: str) -> None:  # parents first, so references resolve
        if name in done:
            return
        done.add(name)
        u = units[name]
        if u.get("parent"):
            add(u["parent"])
        ops.append(Create("units", {
            "name": name, "kind": u.get("kind") or "其他",
            "parent_id": unit_id(u["parent"]) if u.get("parent") else None,
            "builtin_key": "unit:" + name}, unit_id(name)))

    for name in units:
        if name in used:
            add(name)
    return ops


def _source(doc: dict, rec: dict) -> dict:
    return {"source_doc": doc.get("short") or doc.get("title"), "source_ref": rec.get("source_ref"),
            "source_text": rec.get("source_text"), "builtin_key": rec["key"]}


def _canonical_keys(docs: list[dict]) -> dict[str, str]:
    """Map every project key to the key of the record it is merged into (same project, two plans):
    same name, or a same_as group; never two keys of a "distinct" group."""
    canon: dict[str, str] = {}
    first_by_name: dict[str, str] = {}
    same_as = read(PORTFOLIO_DIR / SAME_AS_FILE)
    distinct = {key for group in same_as.get("distinct", []) for key in group}
    for data in docs:
        for p in data.get("projects", []):
            key = p["key"]
            canon[key] = key if key in distinct else first_by_name.setdefault(p["name"], key)
    for group in same_as["groups"]:
        for key in group[1:]:
            canon[key] = canon[group[0]]
    return canon


def _merged_projects(docs: list[dict], canon: dict[str, str]) -> dict[str, dict]:
    """One field dict per canonical project: first plan's values, later plans fill gaps."""
    merged: dict[str, dict] = {}
    for data in docs:
        doc = data["document"]
        for p in data.get("projects", []):
            fields = {
                "name": p["name"], "code": p.get("code"), "entry_type": p.get("entry_type") or "项目",
                "category": p["category"], "level": p.get("level"),
                "lead_unit_id": unit_id(p["lead_unit"]) if p.get("lead_unit") else None,
                "responsible_unit_ids": [unit_id(n) for n in p.get("responsible_units") or []],
                "partner_unit_ids": [unit_id(n) for n in p.get("partner_units") or []],
                "zone": p.get("zone"), "domain": p.get("domain"), "stage": p.get("stage"),
                "phase": p.get("phase"), "summary": p.get("summary"), "tags": p.get("tags") or [],
                **_source(doc, p)}
            key = canon[p["key"]]
            if key not in merged:
                merged[key] = fields
                continue
            into = merged[key]
            for name, value in fields.items():
                if isinstance(value, list):
                    into[name] = list(dict.fromkeys(into[name] + value))
                elif into.get(name) in (None, "") and name not in ("source_doc", "source_ref",
                                                                   "source_text", "builtin_key"):
                    into[name] = value
            alias = f"「{p['name']}」" if p["name"] != into["name"] else ""
            into["notes"] = ((into.get("notes") or "") + f"另见：{fields['source_doc']} · "
                             f"{p.get('source_ref')}{alias}\n")
    for fields in merged.values():
        if fields.get("notes"):
            fields["notes"] = fields["notes"].strip()
    return merged


def _project_ops(docs: list[dict], chosen: set[str]) -> list[Create]:
    """Projects named by a chosen document (merged over every document, see above), and the
    chosen documents' milestones."""
    canon = _canonical_keys(docs)
    wanted = {canon[p["key"]] for data in docs if data["document"]["id"] in chosen for p in data.get("projects", [])}
    ops = [Create("projects", fields, builtin_id(key))
           for key, fields in _merged_projects(docs, canon).items() if key in wanted]
    for data in docs:
        if data["document"]["id"] not in chosen:
            continue
        for m in data.get("milestones", []):
            ops.append(Create("milestones", {
                "project_id": builtin_id(canon[m["project"]]), "name": m["name"],
                "planned_date": m["planned_date"], **_source(data["document"], m)},
                builtin_id(m["key"])))
    return ops


def _indicator_ops(doc: dict, data: dict) -> list[Create]:
    ops = []
    for i in data.get("indicators", []):
        iid = builtin_id(i["key"])
        ops.append(Create("indicators", {
            "name": i["name"], "plan": i["plan"], "table_title": i.get("table"),
            "seq": i.get("seq"), "group_name": i.get("group"), "unit": i.get("unit"),
            "attribute": i.get("attribute"), "direction": i.get("direction") or "higher",
            "baseline_year": i.get("baseline_year"), "baseline_text": i.get("baseline_text"),
            "baseline_value": number(i.get("baseline_text")),
            "target_year": i.get("target_year"), "target_text": i.get("target_text"),
            "target_value": number(i.get("target_text")), "extra": i.get("extra") or {},
            **_source(doc, i)}, iid))
        for a in i.get("actuals", []):
            key = f"{i['key']}-y{a['year']}"
            ops.append(Create("indicator_values", {
                "indicator_id": iid, "year": a["year"], "text": a["text"],
                "value": number(a["text"]), "builtin_key": key}, builtin_id(key)))
    return ops


def _challenge_ops(doc: dict, data: dict) -> list[Create]:
    ops = []
    for c in data.get("challenges", []):
        fields = {k: c.get(k) for k in (
            "title", "issue_mode", "domain", "summary", "indicators", "budget_fiscal",
            "budget_matching", "eligibility", "publish_date", "deadline", "duration_months",
            "funding_mode", "first_tranche_pct", "race_mode", "race_slots", "stage")}
        fields["issuer_unit_id"] = unit_id(c["issuer_unit"]) if c.get("issuer_unit") else None
        fields["is_example"] = True
        ops.append(Create("challenges", {**fields, **_source(doc, c)}, builtin_id(c["key"])))
    return ops


def builtin_ops(with_examples: bool = True, plans=None) -> list[Create]:
    """Every record of the chosen plans (document ids; None: all), units first."""
    chosen = set(check_plans(plans))
    docs = [read(p) for p in data_files()]
    examples = read(PORTFOLIO_DIR / EXAMPLES_FILE) if with_examples else None
    ops = _project_ops(docs, chosen)
    for data in docs:
        if data["document"]["id"] in chosen:
            ops += _indicator_ops(data["document"], data)
    if examples:
        ops += _challenge_ops(examples["document"], examples)
    by_id = {unit_id(u["name"]): u["name"] for d in docs + [examples or {}] for u in d.get("units", [])}
    used = {by_id[v] for op in ops for name, v in op.fields.items()
            if name in ("lead_unit_id", "issuer_unit_id") and v}
    used |= {by_id[u] for op in ops for name in ("responsible_unit_ids", "partner_unit_ids")
             for u in op.fields.get(name) or []}
    used |= {u["name"] for d in docs if d["document"]["id"] in chosen for u in d.get("units", [])}
    return _unit_ops(docs + ([examples] if examples else []), used) + ops


def load(pf: Portfolio, with_examples: bool = True, plans=None) -> Changes:
    """Load the built-in portfolio (the chosen plans' records, document ids; None: all) into an
    open, normally empty, portfolio."""
    ops = builtin_ops(with_examples, plans)
    with pf.write("load the built-in portfolio") as db:
        changes = Writer(db, _BuiltinClock(), pf.wallclock).apply(ops)
        schema.set_meta(db, "builtin_loaded", "1")
    return changes


def loaded_plans(pf: Portfolio) -> list[str]:
    """Ids of the built-in documents this portfolio holds targets of (deleted ones count: the
    office had them). Projects do not tell: one named by two plans carries the first one's key."""
    held = []
    for doc in documents():
        prefix = records.Prefix(doc["id"] + "-")
        if any(pf.list(kind, builtin_key=prefix, include_deleted=True, fields=("builtin_key",))
               for kind in ("milestones", "indicators")):
            held.append(doc["id"])
    return held


def add_plans(pf: Portfolio, plans) -> Changes:
    """Add the records of more built-in plans to a portfolio: only those it does not hold yet (a
    record the office deleted stays deleted), with the same ids and content as a fresh load."""
    ops = [op for op in builtin_ops(with_examples=False, plans=plans)
           if op.id is None or pf.get(op.kind, op.id, include_deleted=True) is None]
    with pf.write("add built-in plans") as db:
        changes = Writer(db, _BuiltinClock(), pf.wallclock).apply(ops)
        schema.set_meta(db, "builtin_loaded", "1")
    return changes


def remove_examples(pf: Portfolio) -> Changes:
    """Delete (tombstone) every record marked 示例, with what hangs on it — one undoable action."""
    ops = [Delete(kind, rec["id"]) for kind in ("challenges", "projects", "teams", "milestones")
           for rec in pf.list(kind, is_example=1)]
    return pf.apply(ops) if ops else Changes()
