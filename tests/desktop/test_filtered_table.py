"""The generic RecordList searches and sorts in Python (fluid at 100,000 rows): the same results a
per-column, case-insensitive fixed-string filter gives, in the order of the clicked column."""
from PySide6.QtCore import Qt

from desktop.widgets.record_table import Column, RecordTableModel
from desktop.widgets.filtered_table import RecordList

COLUMNS = [Column("name", "名称"), Column("unit", "单位"), Column("amount", "金额", "number")]
ROWS = [{"id": "a", "name": "量子计算中心", "unit": "滨江区科技局", "amount": 30.0},
        {"id": "b", "name": "Laser Lab", "unit": "江海大学", "amount": 5.0},
        {"id": "c", "name": "合成生物研究院", "unit": "滨江区发改委", "amount": None},
        {"id": "d", "name": "中心实验室", "unit": "LASER 公司", "amount": 12.5}]


def shown(rl: RecordList) -> list[str]:
    return [r["id"] for r in rl.model.rows]


def test_search_sort_and_selection(qtbot, qtmodeltester):
    rl = RecordList(COLUMNS, lambda _pf: list(ROWS), lambda n: f"{n} 条")
    qtbot.addWidget(rl)
    rl.set_portfolio(object())
    assert shown(rl) == ["a", "b", "c", "d"] and rl.count_label.text() == "4 条"
    rl.search.setText("laser")  # any column, any case
    assert shown(rl) == ["b", "d"]
    rl.search.setText("滨江")
    assert shown(rl) == ["a", "c"]
    rl.search.setText("心实")  # within one column only, never across two
    assert shown(rl) == ["d"]
    rl.search.setText("")
    rl.table.horizontalHeader().setSortIndicator(2, Qt.DescendingOrder)
    assert shown(rl) == ["a", "d", "b", "c"]  # no amount sorts last
    rl.table.selectRow(1)  # "d"
    rl.search.setText("中心")
    assert shown(rl) == ["a", "d"] and rl.selected_row()["id"] == "d"
    assert rl.count_label.text() == "2 条"
    qtmodeltester.check(rl.model)


def test_model_sort_keeps_the_selection():
    model = RecordTableModel(COLUMNS)
    model.set_rows(list(ROWS))
    from PySide6.QtCore import QPersistentModelIndex
    kept = QPersistentModelIndex(model.index(1, 0))  # "b"
    model.sort(0, Qt.AscendingOrder)
    assert [r["id"] for r in model.rows] == ["b", "d", "c", "a"]  # code-point order of the names
    assert model.rows[kept.row()]["id"] == "b"
    model.set_rows(list(ROWS))  # new rows keep the chosen order
    assert [r["id"] for r in model.rows] == ["b", "d", "c", "a"]
