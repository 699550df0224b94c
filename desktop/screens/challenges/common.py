"""Small pieces shared by the challenge screen's tabs, and the shape of the list screens (榜单, 问题督办)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from desktop.widgets.flow import FlowLayout
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.table_menu import add_to_menu
from desktop.widgets.table_view import table_view


def make_table(parent: QWidget, columns: list[Column], **model_args) -> tuple[QTableView, RecordTableModel]:
    model = RecordTableModel(columns, parent, **model_args)
    table = table_view(model, parent, single=True, sheet=True)  # F2: the cell, or edit_requested
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setEditTriggers(QTableView.NoEditTriggers)
    return table, model


def selected_row(table: QTableView) -> dict | None:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return table.model().data(rows[0], ROW_ROLE) if rows else None


def select_id(table: QTableView, model: RecordTableModel, record_id: str | None) -> None:
    row = model.row_of(record_id) if record_id else -1
    if row >= 0:
        table.selectRow(row)


def button_bar(parent: QWidget, slots: dict) -> tuple[FlowLayout, dict[str, QPushButton]]:
    """A row of buttons keyed like `slots` (texts are set by the owner's retranslate); it wraps
    when the window is narrow."""
    bar = FlowLayout()
    buttons = {}
    for key, slot in slots.items():
        b = QPushButton(parent)
        b.clicked.connect(slot)
        bar.addWidget(b)
        buttons[key] = b
    bar.addStretch(1)
    return bar, buttons


def tab_layout(tab: QWidget, bar: FlowLayout, table: QTableView) -> QLabel:
    """A challenge tab: its buttons, its table, and a hint line under them (returned)."""
    hint = QLabel(tab)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #555")
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addLayout(bar)
    layout.addWidget(table, 1)
    layout.addWidget(hint)
    add_to_menu(table, *bar_buttons(bar))
    return hint


def bar_buttons(bar: FlowLayout) -> list[QPushButton]:
    return [bar.itemAt(i).widget() for i in range(bar.count()) if isinstance(bar.itemAt(i).widget(), QPushButton)]


def list_beside_detail(owner: QWidget, parts: list, detail: QWidget, sizes: list[int]) -> QSplitter:
    """A list screen's layout: on the left `parts` (layouts or widgets; the last, the list, takes the
    height), the detail on the right, in a splitter that gives the list a little more."""
    left = QWidget(owner)
    column = QVBoxLayout(left)
    column.setContentsMargins(6, 6, 0, 6)
    for part in parts[:-1]:
        column.addLayout(part) if isinstance(part, QLayout) else column.addWidget(part)
    column.addWidget(parts[-1], 1)
    split = QSplitter(Qt.Horizontal, owner)
    split.addWidget(left)
    split.addWidget(detail)
    split.setStretchFactor(0, 5)
    split.setStretchFactor(1, 4)
    split.setSizes(sizes)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(split)
    return split
