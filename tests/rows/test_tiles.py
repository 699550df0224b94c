"""The 五色图's geometry is arithmetic over its groups (issue #20): it must place every tile exactly
where a tile-by-tile layout puts it, and its range and hit queries must agree with those rectangles."""
import random

from db.rows import tiles
from db.rows.tiles import GAP, LABEL_GAP, MARGIN, ROW_GAP, TILE


def tile_by_tile(sizes, width, label_height):
    """The layout drawn one tile at a time: per group its heading's top, each tile's rectangle, its bottom."""
    y, per_row, out = MARGIN, max((width - 2 * MARGIN) // (TILE + GAP), 1), []
    for n in sizes:
        top = y
        y += label_height + LABEL_GAP
        rects = [(MARGIN + c * (TILE + GAP), y + r * (TILE + GAP), TILE, TILE)
                 for r, c in (divmod(i, per_row) for i in range(n))]
        y += (n + per_row - 1) // per_row * (TILE + GAP) + ROW_GAP
        out.append((top, rects, y))
    return out, y


def meets(rect, y0, y1):
    return rect[1] <= y1 and rect[1] + rect[3] - 1 >= y0


def test_layout_equals_tile_by_tile_and_queries_agree():
    rng = random.Random(3)
    for _ in range(40):
        sizes = [rng.choice([0, 1, 2, rng.randint(1, 400)]) for _ in range(rng.randint(1, 8))]
        width, label_height = rng.randint(10, 900), rng.randint(10, 24)
        lay = tiles.layout(sizes, width, label_height)
        truth, height = tile_by_tile(sizes, width, label_height)
        assert lay.height == height
        for g, (top, rects, bottom) in enumerate(truth):
            assert (lay.tops[g], lay.bottoms[g]) == (top, bottom)
            assert [lay.tile(g, i) for i in range(sizes[g])] == rects
        for _ in range(30):
            y0 = rng.randint(-20, height + 20)
            y1 = y0 + rng.randint(0, 300)
            groups = list(lay.groups_in(y0, y1))
            assert groups == [g for g, (top, _r, bottom) in enumerate(truth) if top <= y1 and bottom - 1 >= y0]
            for g in groups:
                assert list(lay.tiles_in(g, y0, y1)) == [i for i, r in enumerate(truth[g][1]) if meets(r, y0, y1)]
            x, y = rng.randint(-5, width + 5), rng.randint(-5, height + 5)
            hit = [(g, i) for g, (_t, rects, _b) in enumerate(truth) for i, (rx, ry, w, h) in enumerate(rects)
                   if rx <= x < rx + w and ry <= y < ry + h]
            assert lay.at(x, y) == (hit[0] if hit else None)


def test_colour_counts_and_heading():
    items = [{"colour": c} for c in ("red", "red", "green", "grey")]
    counts = tiles.colour_counts(items)
    assert counts["red"] == 2 and counts["green"] == 1 and counts["yellow"] == 0 and sum(counts.values()) == 4
    assert tiles.summary("产业创新平台（4）", counts, "", "  ") == "产业创新平台（4）  红2  绿1  灰1"


def test_index_names_each_projects_groups_and_its_one_item():
    """Grouped by unit a project is in several groups, the same dict in each (recolour moves it)."""
    a, b, c = ({"id": pid, "colour": "green", "name": pid} for pid in "abc")
    groups = [("单位甲", [a, b]), ("单位乙", [b, c]), ("（未填）", []), ("单位丙", [b])]
    where, item_of = tiles.index(groups)
    assert where == {"a": [0], "b": [0, 1, 3], "c": [1]}
    assert item_of["a"] is a and item_of["b"] is b and item_of["c"] is c
    assert tiles.index([]) == ({}, {})
