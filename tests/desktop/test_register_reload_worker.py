"""The register's full reload of a large file (issue #20): rows, their order, their search texts and
the filters' unit/zone choices are made on the worker and arrive together; what is shown equals
what the UI thread made before. A setting the rows do not depend on (a brief's 期号) reloads nothing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from windows import close_window

from db.documents.brief.numbering import number_ops
from db.portfolio import Portfolio
from db.rows import register as rows
from db.store.changes import Create
from desktop.screens import register as project_register
from desktop.widgets.filtered_table import FilteredTable

ZONES = ("东城", "西城", "朝阳", "海淀")


@pytest.fixture
def big_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(project_register, "ASYNC_ABOVE", 50)
    path = tmp_path / "big.sqlite"
    with Portfolio.open(path, create=True) as pf:
        units = [pf.create("units", {"name": f"单位{k}", "kind": "政府部门"})[0] for k in range(5)]
        pf.apply([Create("projects", {"name": f"项目{(i * 37) % 120:03d}", "category": "孵化载体",
                                      "zone": ZONES[i % 4], "total_investment": (i * 7) % 50 + 10, "invested_to_date": i % 9,
                                      "lead_unit_id": units[i % 5]}) for i in range(120)])
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(str(path), "zh")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: len(w.register.rows()) == 120, timeout=20000)
    yield w
    close_window(w)


def combo_items(combo) -> list[tuple]:
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def made_on_the_ui_thread(w, order) -> FilteredTable:
    """What set_rows made of the same rows with nothing prepared (the way before)."""
    table = FilteredTable(project_register.COLUMNS, None, str, search_keys=rows.SEARCH_KEYS, order=order)
    table.set_rows(rows.project_rows(w.pf))
    table._prepare_search()
    return table


@pytest.mark.parametrize("order", [(1, Qt.AscendingOrder), (11, Qt.DescendingOrder), (8, Qt.AscendingOrder)])
def test_reloaded_rows_arrive_sorted_with_their_search_texts(big_window, qtbot, order):
    w = big_window
    reg = w.register
    reg.table.horizontalHeader().setSortIndicator(*order)
    before = reg.list.all_rows
    reg.reload()
    qtbot.waitUntil(lambda: reg.list.all_rows is not before, timeout=20000)
    assert reg.list._texts is not None  # with the rows, not made afterwards on the UI thread
    expected = made_on_the_ui_thread(w, order)
    assert [r["id"] for r in reg.list.all_rows] == [r["id"] for r in expected.all_rows]
    assert reg.list._texts == expected._texts
    assert [r["id"] for r in reg.list.visible_rows()] == [r["id"] for r in expected.visible_rows()]
    values = project_register.ProjectRegister._choice_values(w.pf, expected.all_rows)
    assert combo_items(reg.filters["unit_id"])[1:] == values["unit_id"]
    assert combo_items(reg.filters["zone"])[1:] == [(z, z) for z in sorted(ZONES, key=rows.sort_key)]
    reg.search.setText("项目01")
    expected.search.setText("项目01")
    found = [r["name"] for r in reg.list.visible_rows()]
    assert len(found) == 10 and found == [r["name"] for r in expected.visible_rows()]


def test_order_changed_while_the_worker_reloads_is_kept(big_window, qtbot):
    w = big_window
    reg = w.register
    before = reg.list.all_rows
    reg.reload()  # sorted on the worker by name …
    reg.table.horizontalHeader().setSortIndicator(11, Qt.DescendingOrder)  # … then 投资完成 clicked meanwhile
    qtbot.waitUntil(lambda: reg.list.all_rows is not before, timeout=20000)
    expected = made_on_the_ui_thread(w, (11, Qt.DescendingOrder))
    # in the order clicked (equal keys keep the order they came in, as a click on a header does)
    assert [r["investment_pct"] for r in reg.list.all_rows] == [r["investment_pct"] for r in expected.all_rows]
    assert sorted(r["id"] for r in reg.list.all_rows) == sorted(r["id"] for r in expected.all_rows)
    texts = dict(zip((r["id"] for r in expected.all_rows), expected._texts, strict=True))
    assert reg.list._texts == [texts[r["id"]] for r in reg.list.all_rows]  # each row's own text


def test_a_brief_number_reloads_nothing_thresholds_reload(big_window, qtbot):
    w = big_window
    reg = w.register
    before = reg.list.all_rows
    w.session.do(number_ops(w.pf, "2026-W10", 3), "签发简报第3期")
    assert reg.list.all_rows is before and reg.busy.text() == ""
    w.session.do(w.pf.setting_ops("colour_thresholds", {"due_soon_days": 14}), "阈值")
    assert reg.busy.text() != ""  # reloading on the worker
    qtbot.waitUntil(lambda: reg.list.all_rows is not before, timeout=20000)


def test_filter_choices_follow_a_project_edit_only_when_its_units_or_zone_move(big_window):
    from db.store.changes import Delete, Update
    w = big_window
    reg = w.register
    pid = reg.rows()[0]["id"]
    filled = dict(reg._filled)
    w.session.do([Update("projects", pid, {"domain": "新方向"})], "改方向")
    assert reg.row(pid)["domain"] == "新方向"
    assert all(reg._filled[k] is filled[k] for k in filled)  # nothing to offer anew: not refilled
    w.session.do([Update("projects", pid, {"zone": "新区"})], "改片区")
    assert ("新区", "新区") in combo_items(reg.filters["zone"])
    reg.filters["zone"].setCurrentIndex(reg.filters["zone"].findData("新区"))
    assert [r["id"] for r in reg.list.visible_rows()] == [pid]
    w.session.do([Delete("projects", pid)], "删除")
    assert ("新区", "新区") not in combo_items(reg.filters["zone"])
    assert combo_items(reg.filters["zone"])[1:] == [(z, z) for z in sorted(ZONES, key=rows.sort_key)]
