"""A searchable, sortable read-only table of plain rows (any number of them: 100,000 stay fluid).

Searching and sorting happen in Python over all rows, and the model is handed the rows that
match, in order. (A QSortFilterProxyModel over a Python model calls data() from C++ for every
cell of every row on each keystroke, and twice per comparison when sorting: seconds at 100,000
rows.) The search matches, case-insensitively, text shown in any one column.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QHBoxLayout, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop.widgets.record_table import ROW_ROLE, SORT_ROLE, Column, RecordTableModel, cell_data, display_text

_SEP = "\x1f"  # between columns in a row's search text: a match never spans two columns


class RecordList(QWidget):
    def __init__(self, columns: list[Column], rows_of: Callable, count_text: Callable[[int], str],
                 parent=None):
        super().__init__(parent)
        self.rows_of = rows_of
        self.count_text = count_text
        self.pf = None
        self.columns = columns
        self.all_rows: list[dict] = []
        self._texts: list[str] | None = None  # per row, built on the first search
        self._order: tuple[int, Qt.SortOrder] = (-1, Qt.AscendingOrder)  # -1: as rows_of gave them
        self._text = ""
        self.model = RecordTableModel(columns, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.AscendingOrder)  # keep the given order until a header is clicked
        header.sortIndicatorChanged.connect(self._sort)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header.setStretchLastSection(True)
        for i, col in enumerate(columns):
            self.table.setColumnWidth(i, col.width)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def set_portfolio(self, pf) -> None:
        self.pf = pf
        self.reload()

    def reload(self) -> None:
        if self.pf is not None:
            self.all_rows = self._sorted(self.rows_of(self.pf))
            self._texts = None
            self._show()
            QTimer.singleShot(0, self._prepare_search)  # before the first keystroke, once shown

    def _prepare_search(self) -> None:
        if self._texts is None:
            self._texts = [self._row_text(r) for r in self.all_rows]

    # -- search and sort ---------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self._text = text.strip().lower()
        self._show()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (column, order)
        perm = self._permutation(self.all_rows)
        self.all_rows = [self.all_rows[i] for i in perm]
        if self._texts is not None:
            self._texts = [self._texts[i] for i in perm]
        self._show()

    def _sorted(self, rows: list[dict]) -> list[dict]:
        return [rows[i] for i in self._permutation(rows)]

    def _permutation(self, rows: list[dict]) -> list[int]:
        column, order = self._order
        if not 0 <= column < len(self.columns):
            return list(range(len(rows)))
        col = self.columns[column]
        keys = [cell_data(r, col, SORT_ROLE) for r in rows]
        return sorted(range(len(rows)), key=keys.__getitem__, reverse=order == Qt.DescendingOrder)

    def _row_text(self, row: dict) -> str:
        return _SEP.join(display_text(row, c) for c in self.columns).lower()

    def _show(self) -> None:
        """Hand the model the rows that match, keeping the selected row selected if it still shows."""
        selected = self.selected_row()
        if self._text:
            self._prepare_search()
            term = self._text
            rows = [r for r, t in zip(self.all_rows, self._texts) if term in t]
        else:
            rows = self.all_rows
        self.model.set_rows(rows)
        if selected is not None:
            row = self.model.row_of(selected["id"]) if "id" in selected else -1
            if row >= 0:
                self.table.selectRow(row)
        self._update_count()

    def selected_row(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.data(rows[0], ROW_ROLE) if rows else None

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.model.rowCount()))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self, placeholder: str) -> None:
        self.search.setPlaceholderText(placeholder)
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)
        self._texts = None  # shown texts (enum labels) may have changed language
        QTimer.singleShot(0, self._prepare_search)
        self._update_count()
