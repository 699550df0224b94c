"""The 五色图 recolours in place (issue #20): after random recolourings — a project in several groups
too — each group is in worst-first order, its counts are right, and the widget draws exactly what
one given the same tiles afresh draws."""
import random

from db import colours
from db.rows import tiles
from desktop.widgets.tile_map import TileMap


def make_groups(rng):
    items = [{"id": f"p{i}", "name": f"项目{rng.randrange(60):02d}", "colour": rng.choice(colours.COLOURS),
              "reason": ""} for i in range(400)]
    groups = [(f"单位{g}", [it for it in items if rng.random() < 0.4]) for g in range(4)]
    for _label, members in groups:
        members.sort(key=tiles.order_key)
    return groups


def test_recolour_keeps_order_counts_and_picture(qtbot, shots_dir):
    rng = random.Random(11)
    groups = make_groups(rng)
    live = TileMap()
    qtbot.addWidget(live)
    live.resize(420, 2400)
    live.set_groups(groups)
    live.show()
    ids = [it["id"] for _l, members in groups for it in members]
    for _ in range(60):
        picked = rng.sample(ids, rng.randint(1, 5))
        live.recolour({pid: {"colour": rng.choice(colours.COLOURS), "reason": "改"} for pid in picked})
        live.repaint()
    for g, (_label, members) in enumerate(live.groups):
        assert [tiles.order_key(i) for i in members] == sorted(tiles.order_key(i) for i in members)
        assert live.counts[g] == tiles.colour_counts(members)
    fresh = TileMap()
    qtbot.addWidget(fresh)
    fresh.resize(420, 2400)
    fresh.set_groups([(label, [dict(i) for i in members]) for label, members in live.groups])
    fresh.show()
    live.grab().save(str(shots_dir / "tiles_recoloured.png"))
    assert live.grab().toImage() == fresh.grab().toImage()
