"""指标 screen: the seed tables reproduced as printed, actual values entered per year, progress colour."""
from PySide6.QtCore import Qt

from db import colours
from db.builtin import builtin_id

PLAN_000 = "重庆高新区“十四五”科技创新发展规划指标体系表"


def cell(screen, row: int, key: str):
    col = [c.key for c in screen.model.columns].index(key)
    return screen.model.index(row, col)


def test_seed_table_reproduced(window):
    screen = window.indicators
    screen.plan_combo.setCurrentIndex(screen.plan_combo.findData(PLAN_000))
    rows = [r for r in screen.model.rows if r["seq"]]
    assert [r["seq"] for r in rows] == [str(i) for i in range(1, 21)]
    first = screen.model.rows[0]
    assert (first["name"], first["unit"], first["baseline_label"], first["target_label"], first["attribute"]) == (
        "R&D经费支出占GDP比重", "%", "2020 · 4.9", "2025 · 5.5", "预期性")
    seventh = next(r for r in rows if r["seq"] == "7")
    assert seventh["baseline_label"] == "2020 · -"  # the table's own dash, not a made-up zero
    assert [c.key for c in screen.year_columns] == [f"y{y}" for y in range(2020, 2026)]


def test_enter_actual_value_changes_progress_and_undo(window, shots_dir):
    screen = window.indicators
    screen.plan_combo.setCurrentIndex(screen.plan_combo.findData(PLAN_000))
    iid = builtin_id("000-i-15")  # 科技型企业数量 773 (2020) → 2000 (2025)
    row = screen.model.row_of(iid)
    index = cell(screen, row, "y2025")
    assert screen.model.flags(index) & Qt.ItemIsEditable
    assert screen.model.setData(index, "2100")  # the target year's actual: the target is reached
    row = screen.model.row_of(iid)
    r = screen.model.rows[row]
    assert r["y2025"] == "2100" and r["colour"] == colours.GREEN and "2025年实际 2100" in r["colour_reason"]
    values = window.pf.list("indicator_values", indicator_id=iid)
    assert [(v["year"], v["value"]) for v in values] == [(2025, 2100.0)]
    screen.table.selectRow(row)
    assert "科技型企业数量" in screen.chart_title.text()
    window.nav.setCurrentRow(3)
    window.grab().save(str(shots_dir / "indicator_chart.png"))
    # not a number: refused, nothing stored
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.warning = lambda *a, **k: None
    assert not screen.model.setData(cell(screen, row, "y2024"), "约两千")
    assert len(window.pf.list("indicator_values", indicator_id=iid)) == 1
    window.act_undo.trigger()
    assert window.pf.list("indicator_values", indicator_id=iid) == []
    # no value again: nothing to measure while the plan runs; 待核实 once its period (to 2025) is over
    ended = window.pf.today().year > 2025
    assert screen.model.rows[screen.model.row_of(iid)]["colour"] == (colours.PENDING if ended else colours.GREY)


def test_first_fill_read_on_the_worker_shows_the_same_rows(window, qtbot, monkeypatch):
    """A large portfolio's 指标 screen reads its first rows on the worker: the same rows, plans and
    chosen plan as the read on the UI thread; a read on the UI thread meanwhile is not overwritten."""
    from desktop.screens import indicators as screen_module
    screen = window.indicators
    expected = ([screen.plan_combo.itemData(i) for i in range(screen.plan_combo.count())],
                screen.plan_combo.currentData(), screen.model.rows)
    screen.plan_combo.clear()
    screen.model.set_rows([])
    monkeypatch.setattr(screen_module, "ASYNC_ABOVE", 0)
    screen.refill_plans(background=True)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=20000)
    assert ([screen.plan_combo.itemData(i) for i in range(screen.plan_combo.count())],
            screen.plan_combo.currentData(), screen.model.rows) == expected
    screen.refill_plans(background=True)
    screen.reload()  # e.g. a value entered: read on the UI thread after the worker's read began
    window.session.wait()
    qtbot.wait(50)
    assert screen.model.rows == expected[2] and screen.plan_combo.currentData() == expected[1]
