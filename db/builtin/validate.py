"""Checks a built-in portfolio data file (resources/portfolio/NNN.json) against FORMAT.md.

Run as a script to check files by hand: python -m db.builtin.validate resources/portfolio/000.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import resources
from db import model

UNIT_KINDS = set(model.UNIT_KINDS)
CATEGORIES = set(model.CATEGORIES)
ENTRY_TYPES = set(model.ENTRY_TYPES)
LEVELS = set(model.LEVELS)
STAGES = set(model.STAGES)
PHASES = set(model.PHASES)
ATTRIBUTES = set(model.ATTRIBUTES)
DIRECTIONS = set(model.DIRECTIONS)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

SEEDS_DIR = resources.SEEDS


def squash(text: str) -> str:
    """Whitespace-free form used to find excerpts in the seed text."""
    return re.sub(r"\s+", "", text)


def seed_text(doc_file: str) -> str:
    return (SEEDS_DIR / doc_file).read_text(encoding="utf-8")


def validate(data: dict) -> list[str]:
    """Return a list of problems (empty when the file is good)."""
    problems: list[str] = []
    doc = data.get("document") or {}
    for f in ("id", "file", "title", "short"):
        if not doc.get(f):
            problems.append(f"document.{f} missing")
    try:
        seed = squash(seed_text(doc.get("file", "")))
    except OSError:
        return problems + [f"seed file {doc.get('file')!r} not found in {SEEDS_DIR}"]
    period = doc.get("period") or {}
    if not (isinstance(period.get("start"), int) and isinstance(period.get("end"), int)
            and period["start"] <= period["end"]):
        problems.append("document.period needs integer start <= end years")
    elif not period.get("source_text") or squash(period["source_text"]) not in seed:
        problems.append("document.period: source_text not found in seed")
    for stage in period.get("stages", []):
        if not (isinstance(stage.get("year"), int) and period.get("start", 0) <= stage["year"] < period.get("end", 0)):
            problems.append(f"document.period: stage {stage.get('year')!r} is not a year inside the period")
        elif not stage.get("source_text") or squash(stage["source_text"]) not in seed:
            problems.append(f"document.period: stage {stage['year']}: source_text not found in seed")

    def check_excerpt(where: str, rec: dict) -> None:
        st = rec.get("source_text")
        if not st or not rec.get("source_ref"):
            problems.append(f"{where}: source_ref/source_text missing")
        elif squash(st) not in seed:
            problems.append(f"{where}: source_text not found in seed: {st[:40]!r}")

    units = {}
    for u in data.get("units", []):
        if u.get("kind") not in UNIT_KINDS:
            problems.append(f"unit {u.get('name')!r}: bad kind {u.get('kind')!r}")
        units[u.get("name")] = u
    for u in data.get("units", []):
        if u.get("parent") and u["parent"] not in units:
            problems.append(f"unit {u['name']!r}: parent {u['parent']!r} not listed")

    keys: set[object] = set()

    def check_key(where: str, rec: dict) -> None:
        k = rec.get("key")
        if not k or not str(k).startswith(doc.get("id", "?") + "-"):
            problems.append(f"{where}: key must start with '{doc.get('id')}-'")
        if k in keys:
            problems.append(f"{where}: duplicate key {k!r}")
        keys.add(k)

    project_keys = set()
    for p in data.get("projects", []):
        where = f"project {p.get('key')} {p.get('name')!r}"
        check_key(where, p)
        project_keys.add(p.get("key"))
        if not p.get("name"):
            problems.append(f"{where}: name missing")
        if p.get("category") not in CATEGORIES:
            problems.append(f"{where}: bad category {p.get('category')!r}")
        for field, allowed in (("level", LEVELS), ("stage", STAGES), ("phase", PHASES), ("entry_type", ENTRY_TYPES)):
            if p.get(field) is not None and p[field] not in allowed:
                problems.append(f"{where}: bad {field} {p[field]!r}")
        for name in [p.get("lead_unit")] + list(p.get("responsible_units") or []) + list(p.get("partner_units") or []):
            if name is not None and name not in units:
                problems.append(f"{where}: unit {name!r} not listed in units")
        if set(p.get("partner_units") or []) & ({p.get("lead_unit")} | set(p.get("responsible_units") or [])):
            problems.append(f"{where}: a unit is both partner and lead/responsible")
        if not isinstance(p.get("tags", []), list):
            problems.append(f"{where}: tags must be a list")
        check_excerpt(where, p)

    for m in data.get("milestones", []):
        where = f"milestone {m.get('key')} {m.get('name')!r}"
        check_key(where, m)
        if m.get("project") not in project_keys:
            problems.append(f"{where}: project {m.get('project')!r} is not a project key of this file")
        if not DATE_RE.match(str(m.get("planned_date"))):
            problems.append(f"{where}: planned_date must be YYYY-MM-DD")
        check_excerpt(where, m)

    for i in data.get("indicators", []):
        where = f"indicator {i.get('key')} {i.get('name')!r}"
        check_key(where, i)
        if not i.get("name") or not i.get("plan"):
            problems.append(f"{where}: name/plan missing")
        if i.get("attribute") is not None and i["attribute"] not in ATTRIBUTES:
            problems.append(f"{where}: bad attribute {i['attribute']!r}")
        if i.get("direction") not in DIRECTIONS:
            problems.append(f"{where}: bad direction {i.get('direction')!r}")
        for y in ("baseline_year", "target_year"):
            if i.get(y) is not None and not isinstance(i[y], int):
                problems.append(f"{where}: {y} must be an integer year")
        for a in i.get("actuals", []):
            if not isinstance(a.get("year"), int) or not isinstance(a.get("text"), str):
                problems.append(f"{where}: actuals need integer year and text")
        if not isinstance(i.get("extra", {}), dict):
            problems.append(f"{where}: extra must be an object")
        check_excerpt(where, i)
        if i.get("table") and squash(i["table"]) not in seed:
            problems.append(f"{where}: table title not found in seed")
    return problems


def validate_same_as(same_as: dict, keys: set[str]) -> list[str]:
    """same_as.json: every key a project key of the data files, no key in two groups."""
    problems, seen = [], set()
    for section in ("groups", "distinct"):
        for group in same_as.get(section, []):
            if len(group) < 2:
                problems.append(f"same_as {section} {group}: needs two keys or more")
            for key in group:
                if key not in keys:
                    problems.append(f"same_as {section}: {key!r} is not a project key")
                if (section, key) in seen:
                    problems.append(f"same_as {section}: {key!r} in two groups")
                seen.add((section, key))
    return problems


def main(argv: list[str]) -> int:
    bad = 0
    for path in argv:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        problems = validate(data)
        counts = {k: len(data.get(k, [])) for k in ("units", "projects", "milestones", "indicators")}
        print(f"{path}: {counts}")
        for p in problems:
            print("  -", p)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
