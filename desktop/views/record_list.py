"""A searchable, sortable read-only table of plain rows (used by the challenge and indicator lists)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QHBoxLayout, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop.models.record_table import SORT_ROLE, Column, RecordTableModel


class RecordList(QWidget):
    def __init__(self, columns: list[Column], rows_of: Callable, count_text: Callable[[int], str],
                 parent=None):
        super().__init__(parent)
        self.rows_of = rows_of
        self.count_text = count_text
        self.pf = None
        self.model = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # keep the plans' order
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
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
            self.model.set_rows(self.rows_of(self.pf))
            self._update_count()

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.count_text(self.proxy.rowCount()))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self, placeholder: str) -> None:
        self.search.setPlaceholderText(placeholder)
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)
        self._update_count()
