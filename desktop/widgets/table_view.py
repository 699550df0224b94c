"""The one way a read-only table of plain rows is shown: rows selected whole, no row numbers,
the columns' widths, the last column stretched."""
from __future__ import annotations

from PySide6.QtWidgets import QTableView, QWidget

from desktop.widgets.colour_column import keep_colour_names_whole
from desktop.widgets.sheet_view import SheetView
from desktop.widgets.table_menu import table_menu


def table_view(model, parent: QWidget | None = None, *, single: bool = False, sheet: bool = False) -> QTableView:
    """`sheet`: a SheetView (F2 edits a cell or asks for the row's dialog, Enter moves down)."""
    view = SheetView(parent) if sheet else QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setAlternatingRowColors(True)
    if single:
        view.setSelectionMode(QTableView.SingleSelection)
    for i, col in enumerate(model.columns):
        view.setColumnWidth(i, col.width)
    keep_colour_names_whole(view)
    table_menu(view)  # 复制; the owner adds its frequent actions (add_to_menu)
    return view
