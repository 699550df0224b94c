"""The main window on the built-in portfolio, driven through its real widgets."""
from PySide6.QtCore import Qt

from db import builtin


def type_text(line_edit, text: str) -> None:
    """Type character by character (QTest cannot synthesise CJK key presses)."""
    for ch in text:
        line_edit.insert(ch)


def visible_names(register) -> list[str]:
    model = register.list.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_window_shows_builtin_portfolio(window):
    assert "portfolio.sqlite" in window.windowTitle()
    assert window.register.list.model.rowCount() == window.pf.counts()["projects"] > 250
    assert window.nav.item(0).text() == "项目"


def test_type_to_search_finds_facility(window, qtbot):
    type_text(window.register.search, "超瞬态实验装置")
    assert visible_names(window.register) == ["超瞬态实验装置"]
    window.register.table.selectRow(0)
    assert "超瞬态实验装置" in window.detail.info.toPlainText()
    assert "专栏5" in window.detail.info.toPlainText()  # the source reference is shown


def test_filters_by_category_and_unit(window):
    reg = window.register
    combo = reg.filters["category"]
    combo.setCurrentIndex(combo.findData("重大科技基础设施"))
    names = visible_names(reg)
    assert "种质创制大科学中心" in names and all(
        row["category"] == "重大科技基础设施" for row in reg.list.visible_rows())
    combo.setCurrentIndex(0)
    unit_combo = reg.filters["unit_id"]
    unit_combo.setCurrentIndex(unit_combo.findText("重庆大学"))
    chongda = builtin.unit_id("重庆大学")
    expected = sorted(p["name"] for p in window.pf.list("projects")
                      if chongda in [p["lead_unit_id"], *p["responsible_unit_ids"]])
    assert sorted(visible_names(reg)) == expected and expected


def test_sorting_by_every_column(window):
    reg = window.register
    for col in range(reg.list.model.columnCount()):
        reg.table.sortByColumn(col, Qt.DescendingOrder)
        assert reg.list.model.rowCount() == len(reg.rows())


def test_models_pass_qtmodeltester(window, qtmodeltester):
    qtmodeltester.check(window.register.list.model)
    qtmodeltester.check(window.detail.milestones)
    qtmodeltester.check(window.challenges.model)
    qtmodeltester.check(window.indicators.model)


def test_challenge_screen_lists_real_records(window):
    window.nav.setCurrentRow(2)
    assert window.current_screen() is window.challenges
    assert window.challenges.model.rowCount() == window.pf.counts()["challenges"] == 4


def test_screenshots(window, qtbot, shots_dir):
    type_text(window.register.search, "超瞬态实验装置")
    window.register.table.selectRow(0)
    qtbot.wait(50)
    path = shots_dir / "register.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    window.nav.setCurrentRow(3)
    window.indicators.table.selectRow(0)
    assert window.grab().save(str(shots_dir / "indicators.png"))


def test_group_by_category_and_unit(window, qtmodeltester, shots_dir):
    reg = window.register
    reg.group_combo.setCurrentIndex(reg.group_combo.findData("category_label"))
    assert reg.tree.isVisible() and not reg.table.isVisible()
    groups = dict((name.rsplit("（", 1)[0], rows) for name, rows in
                  ((reg.grouped.index(i, 0).data(), reg.grouped.groups[i][1]) for i in range(reg.grouped.rowCount())))
    assert sum(len(rows) for rows in groups.values()) == reg.list.model.rowCount()
    assert all(r["category"] == "重大科技基础设施" for r in groups["重大科技基础设施"])
    # each heading tallies its red and yellow rows, not only the count (issue 22)
    for i in range(reg.grouped.rowCount()):
        heading, rows = reg.grouped.index(i, 0).data(), reg.grouped.groups[i][1]
        for code, word in (("red", "红"), ("yellow", "黄")):
            n = sum(r["colour"] == code for r in rows)
            assert (f"{word} {n}" in heading) == (n > 0), heading
    qtmodeltester.check(reg.grouped)
    reg.search.setText("实验室")  # grouping follows the filter
    assert sum(len(rows) for _n, rows in reg.grouped.groups) == reg.list.model.rowCount()
    first_child = reg.grouped.index(0, 1, reg.grouped.index(0, 0))
    reg.tree.setCurrentIndex(first_child)
    assert reg.selected_ids() == [reg.grouped.row_at(first_child)["id"]]
    assert window.detail.project_id == reg.selected_ids()[0]
    window.grab().save(str(shots_dir / "grouped.png"))
    reg.group_combo.setCurrentIndex(reg.group_combo.findData("units"))
    qtmodeltester.check(reg.grouped)
    reg.group_combo.setCurrentIndex(0)
    assert reg.table.isVisible()
