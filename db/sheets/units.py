"""Matching unit names written in a spreadsheet to the portfolio's units.

Exact name (or short name) first, then a normalised form (full-width folded, spaces, brackets
and dots dropped), then the user's choice for a name neither finds; anything left is a new unit
that the import will create (listed in the preview for confirmation).
"""
from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field

_SPLIT = re.compile(r"[、,，;；/\n]+")
_ROLE = re.compile(r"[(（](牵头|配合|负责|主责|参与)[)）]$")


def normalise(name: str) -> str:
    t = unicodedata.normalize("NFKC", name or "")
    return re.sub(r"[\s()\[\]【】<>《》·•.。'\"“”‘’-]", "", t).lower()


def split_names(text: str) -> list[str]:
    """Unit names in one cell: "市科技局、高新区管委会（配合）" → two names."""
    names = []
    for part in _SPLIT.split(text or ""):
        part = _ROLE.sub("", part.strip()).strip()
        if part and part not in names:
            names.append(part)
    return names


def guess_kind(name: str) -> str:
    if re.search(r"(医院)$", name):
        return "医院"
    if re.search(r"(大学|学院|学校)$", name):
        return "高校"
    if re.search(r"(研究院|研究所|研究中心|科学院|实验室)$", name):
        return "院所"
    if re.search(r"(局|委|办|办公室|管委会|政府|街道|镇|厅)$", name):
        return "政府部门"
    if re.search(r"(公司|集团|企业|厂)$", name):
        return "企业"
    return "其他"


@dataclass
class NewUnit:
    name: str
    kind: str
    id: str
    rows: list[str] = field(default_factory=list)  # "「sheet」第 N 行", for the preview


class UnitMatcher:
    def __init__(self, units: list[dict], choices: dict[str, str] | None = None):
        self.exact: dict[str, str] = {}
        self.normal: dict[str, str] = {}
        self.names = {u["id"]: u["name"] for u in units}
        for u in units:
            for n in (u["name"], u.get("short_name")):
                if n:
                    self.exact.setdefault(n.strip(), u["id"])
                    self.normal.setdefault(normalise(n), u["id"])
        self.choices = dict(choices or {})
        self.new: dict[str, NewUnit] = {}
        self.new_by_key: dict[str, NewUnit] = {}  # normalised name → first new unit with it
        self.matched_normalised: dict[str, str] = {}  # written name → existing unit name
        self._keys: dict[str, str] = {}  # written name → normalise(name), each name normalised once
        self._listed: set[tuple[str, str]] = set()  # (new unit id, where) already in its rows

    def resolve(self, name: str, where: str) -> str:
        """The unit id for a written name (creating a NewUnit entry when nothing matches)."""
        name = name.strip()
        if name in self.exact:
            return self.exact[name]
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = normalise(name)
        if key in self.normal:
            uid = self.normal[key]
            self.matched_normalised[name] = self.names[uid]
            return uid
        chosen = self.choices.get(name)
        if chosen and chosen in self.names:
            self.matched_normalised[name] = self.names[chosen]
            return chosen
        new = self.new_by_key.get(key)  # (a scan of self.new here made a 10,000-row import quadratic)
        if new is not None:
            if (new.id, where) not in self._listed:  # (`where not in new.rows` was quadratic too)
                self._listed.add((new.id, where))
                new.rows.append(where)
            return new.id
        unit = NewUnit(name, guess_kind(name), str(uuid.uuid4()), [where])
        self.new[name] = unit
        self.new_by_key[key] = unit
        self._listed.add((unit.id, where))
        return unit.id
