"""五色图 tiles as plain data (issue #20): the projects grouped, worst colour first, counted per
colour — computed on the worker — and their geometry for a width, which is arithmetic over the
groups (no object per tile), so laying out, painting a scrolled part and finding the tile under
the mouse cost the same at 300 projects and at a province's 30,000."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db import colours
from db.i18n import tr_enum
from db.pinyin import sort_key
from db.rows.register import unit_names
from db.rows.snapshot import is_project

if TYPE_CHECKING:
    from db.portfolio import Portfolio

TILE, GAP, ROW_GAP, MARGIN, LABEL_GAP = 16, 3, 10, 4, 4
STEP = TILE + GAP


def project_units(p: dict) -> list[str]:
    ids = [p["lead_unit_id"]] if p["lead_unit_id"] else []
    return ids + [u for u in p["responsible_unit_ids"] if u not in ids]


def order_key(item: dict) -> tuple:
    return -colours.SEVERITY[item["colour"]], sort_key(item["name"])


def tile_groups(pf: Portfolio, by: str, project_colours: dict, none: str) -> list[tuple[str, list[dict]]]:
    """Projects grouped by "category", "unit" or "zone" (`none`: the label of an unset key), the
    biggest group first, each group worst colour first."""
    names = unit_names(pf)
    groups = defaultdict(list)
    for p in pf.list("projects", fields=("name", "entry_type", "category", "zone", "lead_unit_id",
                                         "responsible_unit_ids")):
        if not is_project(p):  # programmes and task lines of a plan are not tiles of the 五色图
            continue
        c = project_colours.get(p["id"], {"colour": colours.GREY, "reason": ""})
        item = {"id": p["id"], "name": p["name"], "colour": c["colour"], "reason": c["reason"]}
        if by == "unit":
            keys = [names.get(u, none) for u in project_units(p)] or [none]
        elif by == "zone":
            keys = [p["zone"] or none]
        else:
            keys = [tr_enum(p["category"]) or none]  # the category's label in the reader's language
        for key in keys:
            groups[key].append(item)
    for items in groups.values():
        items.sort(key=order_key)
    return sorted(groups.items(), key=lambda kv: (kv[0] == none, -len(kv[1]), sort_key(kv[0])))


def colour_counts(items: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(colours.COLOURS, 0)
    for it in items:
        counts[it["colour"]] += 1
    return counts


def index(groups: list[tuple[str, list[dict]]]) -> tuple[dict[str, list[int]], dict[str, dict]]:
    """Project id -> the groups it is in (by unit: several), and id -> its tile item (one dict in
    each of its groups): what a recolouring looks up; made on the worker with the groups."""
    where: dict[str, list[int]] = {}
    item_of: dict[str, dict] = {}
    for g, (_label, items) in enumerate(groups):
        for item in items:
            pid = item["id"]
            if pid in item_of:
                where[pid].append(g)
            else:
                where[pid] = [g]
            item_of[pid] = item
    return where, item_of


def summary(label_text: str, counts: dict[str, int], sep: str, gap: str) -> str:
    """A group's heading: its name and size, then its colours (红3 / Red 3)."""
    return label_text + gap + "  ".join(f"{colours.Colour(c, '').name}{sep}{n}" for c, n in counts.items() if n)


@dataclass(frozen=True)
class Layout:
    """Where the groups sit for a width: group g's heading at y = tops[g], its tiles from
    y = tiles_top[g] in rows of `per_row`; the group's area ends at bottoms[g]."""

    width: int
    per_row: int
    label_height: int
    sizes: tuple[int, ...]
    tops: tuple[int, ...]
    bottoms: tuple[int, ...]
    height: int

    def tiles_top(self, g: int) -> int:
        return self.tops[g] + self.label_height + LABEL_GAP

    def tile(self, g: int, i: int) -> tuple[int, int, int, int]:
        """The i-th tile of group g as (x, y, w, h)."""
        r, c = divmod(i, self.per_row)
        return MARGIN + c * STEP, self.tiles_top(g) + r * STEP, TILE, TILE

    def groups_in(self, y0: int, y1: int) -> range:
        """The groups whose area meets the rows y0..y1 (inclusive)."""
        first = bisect_right(self.bottoms, y0)
        last = bisect_right(self.tops, y1)
        return range(first, max(first, last))

    def tiles_in(self, g: int, y0: int, y1: int) -> range:
        """The indices of group g's tiles in the rows that meet y0..y1."""
        top = self.tiles_top(g)
        first_row = max(-((top + TILE - 1 - y0) // STEP), 0)  # the first row whose tiles reach y0
        last_row = (y1 - top) // STEP
        if last_row < 0:
            return range(0)
        return range(min(first_row * self.per_row, self.sizes[g]), min((last_row + 1) * self.per_row, self.sizes[g]))

    def at(self, x: int, y: int) -> tuple[int, int] | None:
        """(group, index) of the tile under the point, or None (a gap, a heading, past the end)."""
        g = bisect_right(self.tops, y) - 1
        if g < 0 or y >= self.bottoms[g]:
            return None
        dy, dx = y - self.tiles_top(g), x - MARGIN
        if dy < 0 or dx < 0 or dx % STEP >= TILE or dy % STEP >= TILE:
            return None
        r, c = dy // STEP, dx // STEP
        i = r * self.per_row + c
        return (g, i) if c < self.per_row and i < self.sizes[g] else None


def layout(sizes: list[int], width: int, label_height: int) -> Layout:
    """The groups of these sizes laid out for a width: O(groups), never per tile."""
    per_row = max((width - 2 * MARGIN) // STEP, 1)
    tops, bottoms = [], []
    y = MARGIN
    for n in sizes:
        tops.append(y)
        y += label_height + LABEL_GAP + (n + per_row - 1) // per_row * STEP + ROW_GAP
        bottoms.append(y)
    return Layout(width, per_row, label_height, tuple(sizes), tuple(tops), tuple(bottoms), y)
