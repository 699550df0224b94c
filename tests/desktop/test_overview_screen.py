"""总览 shows the numbers the core computes; a tile opens its project."""
from db.rows.overview import overview


def test_overview_matches_core(window, shots_dir):
    window.nav.setCurrentRow(4)
    screen = window.overview
    assert window.current_screen() is screen
    core = overview(window.pf)
    assert screen.figures["colours"] == core["colours"]
    total = core["colours"]["total"]
    for n in total.values():
        assert f"<b>{n}</b>" in screen.summary.text()
    tiles = [item for _label, items in screen.tiles.groups for item in items]
    assert len(tiles) == core["counts"]["projects"]
    assert sum(1 for t in tiles if t["colour"] == "red") == total["red"]
    due = core["due"]
    assert screen.due_model.rowCount() == len(due["overdue"]) + len(due["this_week"]) + len(due["next_week"])
    assert [r["unit"] for r in screen.rank_model.rows] == [u["unit"] for u in core["unit_ranking"]["units"]]
    assert screen.rank_rule.text() == core["unit_ranking"]["rule"]
    window.grab().save(str(shots_dir / "overview.png"))
    for i in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(i)
        window.grab().save(str(shots_dir / f"overview_tab{i}.png"))


def test_group_switch_and_tile_click(window, qtbot):
    window.nav.setCurrentRow(4)
    screen = window.overview
    screen.group_by.setCurrentIndex(screen.group_by.findData("unit"))
    labels = [label for label, _ in screen.tiles.groups]
    assert "重庆大学" in labels
    rect, item = screen.tiles._hits[0]
    with qtbot.waitSignal(screen.project_clicked):
        qtbot.mouseClick(screen.tiles, __import__("PySide6.QtCore").QtCore.Qt.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == 0
    assert window.detail.project_id == item["id"]
