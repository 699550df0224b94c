"""A filtered table of many rows searches through its SearchIndex (db/rows/search_index.py): it
shows the same rows, in the same order, as the same table searching its texts one by one — while
typing on and deleting, sorted by a column, after edits in place and edits that move rows — and
its model is not reset by a keystroke that leaves the same rows shown."""
import numpy  # noqa: F401  (loaded, as the app's worker loads it: the index is made at once)
import pytest
from PySide6.QtCore import Qt

import desktop.widgets.filtered_table as filtered_table
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.record_table import Column

COLUMNS = [Column("planned_date", "计划日期", "date"), Column("name", "里程碑"), Column("unit", "责任单位"),
           Column("status", "状态")]
NAMES = ["主体结构封顶", "验收报告", "超瞬态实验", "江海中心", "Laser 调试"]


def rows(n: int) -> list[dict]:
    return [{"id": f"m{i}", "planned_date": f"2026-{i % 12 + 1:02}-{i % 28 + 1:02}", "name": NAMES[i % 5],
             "unit": ["滨江区科技局", "江海大学", ""][i % 3], "status": ["进行中", "已完成"][i % 2]} for i in range(n)]


def shown(table: FilteredTable) -> list[str]:
    return [r["id"] for r in table.model.rows]


@pytest.fixture(params=[None, ("name", "unit", "status")])  # the shown texts; words in some keys (register)
def tables(qtbot, monkeypatch, request):
    made = []
    for index_from in (50, 10**9):  # with an index, and without (the texts scanned one by one)
        monkeypatch.setattr(filtered_table, "INDEX_FROM", index_from)
        table = FilteredTable(COLUMNS, lambda _pf: rows(400), lambda n: f"{n} 个", search_keys=request.param)
        qtbot.addWidget(table)
        table.set_portfolio(object())
        table._prepare_search()
        made.append(table)
    assert made[0]._index is not None and made[1]._index is None
    return made


def same(tables, text: str) -> None:
    for table in tables:
        table.search.setText(text)
    assert shown(tables[0]) == shown(tables[1]), text


def test_an_indexed_table_shows_what_a_scanning_one_does(tables, qtmodeltester):
    for query in ("主体结构", "江海", "2026-0", "进行中", "cstd", "lz", "laser 调", "验收报告", "江海 进行", "滨江 主体"):
        for n in list(range(1, len(query) + 1)) + list(range(len(query), -1, -1)):
            same(tables, query[:n])
    for table in tables:
        table.table.horizontalHeader().setSortIndicator(0, Qt.DescendingOrder)
    same(tables, "2026-1")
    same(tables, "江")
    fresh = [dict(r, name="量子中心", unit="新单位") for r in rows(400)[3:9]]  # in place: same dates
    moved = [dict(rows(400)[20], planned_date="2025-01-01"), dict(rows(1)[0], id="new", name="量子新")]
    for table in tables:
        table.update_rows(fresh)
    assert tables[0]._index is not None  # edited in place: kept
    for text in ("量子", "新单", "lz", "江海", ""):
        same(tables, text)
    for table in tables:
        table.update_rows(moved, removed=["m30"])
        table._prepare_search()  # (made again, as the timer after an edit does)
    for text in ("量子", "2025", "m30", "江", ""):
        same(tables, text)
    qtmodeltester.check(tables[0].model)


def test_a_keystroke_that_shows_the_same_rows_does_not_reset_the_model(tables):
    table = tables[0]
    resets = []
    table.model.modelReset.connect(lambda: resets.append(table.search.text()))
    table.search.setText("主")
    table.search.setText("主体")  # every 主 is a 主体结构封顶: the same rows
    table.search.setText("主体结")
    assert resets == ["主"]  # (typing on within the rows shown: never more of them)
    table.search.setText("主体结构x")
    assert resets == ["主", "主体结构x"] and shown(table) == []
