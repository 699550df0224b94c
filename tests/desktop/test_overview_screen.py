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
    rect, item = screen.tiles.tile(0, 0)
    with qtbot.waitSignal(screen.project_clicked):
        qtbot.mouseClick(screen.tiles, __import__("PySide6.QtCore").QtCore.Qt.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == 0
    assert window.detail.project_id == item["id"]


def test_figures_from_the_worker_applied_in_steps_give_the_same_screen(window, qtbot, monkeypatch, shots_dir):
    """A large portfolio's figures, tile groups and due rows are computed on the worker and applied
    one part per turn of the event loop (issue #20): the screen ends up as the direct path draws it."""
    import desktop.screens.overview as screen_module
    window.nav.setCurrentRow(4)
    screen = window.overview
    qtbot.waitUntil(lambda: screen.figures is not None)
    qtbot.wait(200)  # the scroll area settles (its scroll bar appears)
    direct = screen.tiles.grab().toImage()
    direct_due = [dict(r) for r in screen.due_model.rows]
    window.grab().save(str(shots_dir / "overview_direct.png"))
    monkeypatch.setattr(screen_module, "ASYNC_ABOVE", 1)
    before = screen.figures
    screen.refresh()
    qtbot.waitUntil(lambda: screen.figures is not before and not screen.applying, timeout=20000)
    window.grab().save(str(shots_dir / "overview_staged.png"))
    assert screen.tiles.grab().toImage() == direct
    assert screen.due_model.rows == direct_due
    assert [r["unit"] for r in screen.rank_model.rows] == [u["unit"] for u in overview(window.pf)["unit_ranking"]["units"]]
    # another grouping, on the worker too: the same groups as computed directly
    screen.group_by.setCurrentIndex(screen.group_by.findData("zone"))
    qtbot.waitUntil(lambda: screen.tiles.groups and not screen.tile_lane._jobs, timeout=20000)
    from db.rows.overview import tile_groups
    assert screen.tiles.groups == tile_groups(window.pf, "zone", screen.figures["project_colours"])
