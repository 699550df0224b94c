"""Tables of plain rows paint their plain cells in one Python pass (desktop/widgets/cell_painter.py,
issue #20: a filter keystroke repaints ~400 cells): the same pixels as Qt's own item painting —
texts (elided the same), colour chips and tints, alternate rows, right-aligned numbers, the frozen
overlay, a selected row with the focus — without asking the model's data() for plain cells."""
from __future__ import annotations

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QEventLoop, Qt

from desktop.widgets import cell_painter
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.record_table import Column, RecordTableModel, display_text

COLUMNS = [Column("colour", "亮灯", "colour", width=64), Column("name", "名称", width=150),
           Column("unit", "单位", width=90), Column("pct", "投资完成", "percent", width=70),
           Column("amount", "金额", "money", width=80), Column("date", "日期", "date", width=90)]


def _rows(n: int) -> list[dict]:
    colours = ["green", "yellow", "red", "grey", "blue", None]
    return [{"id": f"r{i}", "colour": colours[i % len(colours)],
             "name": "北湖低空经济制造业创新中心（二期）扩建" if i % 4 == 0 else f"Laser Lab {i}",
             "unit": "滨江区科技局" if i % 3 else None, "pct": i * 7.25 if i % 5 else None,
             "amount": 1234.5 * i, "date": f"2026-0{1 + i % 9}-1{i % 10}"} for i in range(n)]


def _table(qtbot, frozen: int = 1) -> FilteredTable:
    table = FilteredTable(COLUMNS, None, lambda n: f"{n} 条")
    qtbot.addWidget(table)
    table.resize(560, 420)
    table.set_rows(_rows(40))
    table.table.freeze(frozen)
    table.show()
    qtbot.waitExposed(table)
    return table


def _grab(widget, path) -> Image.Image:
    widget.repaint()
    widget.grab().save(str(path))
    return Image.open(path).convert("RGB")


def _different_pixels(a: Image.Image, b: Image.Image) -> int:
    assert a.size == b.size
    return ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v else 0).histogram()[255]


def _both_ways(widget, tmp_path, name: str, monkeypatch) -> tuple[Image.Image, Image.Image]:
    ours = _grab(widget, tmp_path / f"{name}-cell-painter.png")
    with monkeypatch.context() as m:
        m.setattr(cell_painter, "paints_itself", lambda _view: False)
        qt = _grab(widget, tmp_path / f"{name}-qt.png")
    return ours, qt


def test_plain_cells_look_as_qt_paints_them(qtbot, tmp_path, monkeypatch):
    table = _table(qtbot)
    view = table.table
    assert cell_painter.paints_itself(view) and cell_painter.paints_itself(view.frozen)
    ours, qt = _both_ways(view, tmp_path, "plain", monkeypatch)
    assert _different_pixels(ours, qt) == 0  # elided names, chips, tints, % and 万元 right-aligned
    view.selectRow(3)  # a selected row with the focus: painted by Qt's delegate as before
    view.setFocus()
    view.horizontalScrollBar().setValue(40)  # scrolled sideways under the frozen colour column
    ours, qt = _both_ways(view, tmp_path, "selected", monkeypatch)
    assert _different_pixels(ours, qt) == 0
    table.set_rows(_rows(3))  # the grid below the last row
    ours, qt = _both_ways(view, tmp_path, "few", monkeypatch)
    assert _different_pixels(ours, qt) == 0
    view.setWordWrap(True)  # wrapped texts: Qt's layout (a wrapped line is cut where it wraps)
    assert not cell_painter.paints_itself(view)


def test_a_repaint_of_plain_rows_asks_the_model_nothing(qtbot, monkeypatch):
    """The cells' texts come from the rows (the DisplayRole's text: display_text), not from data()
    per role; the texts painted are exactly those the model shows."""
    asked = []
    plain = RecordTableModel.data
    monkeypatch.setattr(RecordTableModel, "data", lambda self, index, role=0: asked.append(role) or plain(self, index, role))
    table = _table(qtbot)
    view = table.table
    cell_painter._widths.clear()
    asked.clear()
    view.grab()  # paints the table and its frozen overlay
    assert asked == []
    painted = {t for texts in cell_painter._widths.values() for t in texts}
    last = view.rowAt(view.viewport().height() - 1)
    last = len(table.model.rows) - 1 if last < 0 else last
    shown = {display_text(table.model.rows[r], col) for r in range(last + 1) for col in COLUMNS}
    assert {t for t in painted if not t.endswith("…")} <= shown
    assert all(any(s.startswith(t[:-1]) for s in shown) for t in painted if t.endswith("…"))
    for r in range(last + 1):  # every row's name painted, whole or elided
        name = table.model.rows[r]["name"]
        assert name in painted or any(t.endswith("…") and name.startswith(t[:-1]) for t in painted), name


def test_tables_that_are_not_plain_paint_as_qt_does(qtbot):
    table = _table(qtbot)

    class Answering(RecordTableModel):  # a model answering more roles than the plain one
        def data(self, index, role=Qt.DisplayRole):
            return super().data(index, role)
    table.table.setModel(Answering(COLUMNS))
    assert not cell_painter.paints_itself(table.table)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_register_looks_the_same(qtbot, builtin_file, tmp_path, monkeypatch, language):
    """The real register (frozen 亮灯 and name, colour names in the language shown), with and without
    the cell painter, before and after a search with a row selected: the same pixels."""
    from windows import close_window

    from desktop.app import build_window, make_app
    app = make_app()
    window = build_window(str(builtin_file), language)
    window.resize(1400, 820)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(window.register.rows()) > 0)
    app.processEvents(QEventLoop.AllEvents, 50)
    register = window.register.table
    ours, qt = _both_ways(register, tmp_path, f"register-{language}", monkeypatch)
    assert _different_pixels(ours, qt) == 0
    window.register.search.setText("中心" if language == "zh" else "c")
    register.selectRow(1)
    ours, qt = _both_ways(register, tmp_path, f"register-typed-{language}", monkeypatch)
    assert _different_pixels(ours, qt) == 0
    close_window(window)


def test_a_column_whose_delegate_paints_is_painted_by_it(qtbot, tmp_path, monkeypatch):
    """A delegate of the owner's that paints (or prepares the option) its column itself keeps doing
    so; the other columns are the cell painter's, and the whole looks as Qt paints it."""
    from PySide6.QtWidgets import QStyledItemDelegate

    class Upper(QStyledItemDelegate):
        def initStyleOption(self, option, index):  # noqa: N802
            super().initStyleOption(option, index)
            option.text = option.text.upper()
    table = _table(qtbot)
    view = table.table
    upper = Upper(view)
    view.setItemDelegateForColumn(1, upper)  # the names
    cell_painter._widths.clear()
    ours, qt = _both_ways(view, tmp_path, "delegate", monkeypatch)
    assert _different_pixels(ours, qt) == 0
    painted = {t for texts in cell_painter._widths.values() for t in texts}
    assert "滨江区科技局" in painted and "Laser Lab 1" not in painted  # the names went through Upper
