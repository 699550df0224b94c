"""Projects grouped by category, responsible unit, stage or zone: a two-level tree over the rows
the register's filter lets through (a project with several units appears under each)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from db import colours, formatting
from desktop.widgets.record_table import ROW_ROLE, Column, cell_data, header_text

_NO_PARENT = 0xFFFFFFFF


class GroupedModel(QAbstractItemModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.groups: list[tuple[str, list[dict]]] = []
        self._headings: dict[int, str] = {}  # made when painted: hundreds of groups, a few in view

    def set_groups(self, groups: list[tuple[str, list[dict]]]) -> None:
        self.beginResetModel()
        self.groups = groups
        self._headings = {}
        self.endResetModel()

    @staticmethod
    def _heading(name: str, rows: list[dict]) -> str:
        """"科研平台（12）  红 2 · 黄 3": the count and the rows needing attention (red, yellow)."""
        codes = [r.get("colour") for r in rows]
        tally = {c: codes.count(c) for c in (colours.RED, colours.YELLOW)}
        marks = " · ".join(f"{colours.Colour(c, '').name} {n}" for c, n in tally.items() if n)
        return formatting.paren(name, len(rows)) + (formatting.gap() + marks if marks else "")

    # -- structure: group rows have internalId _NO_PARENT; children carry their group's number
    def index(self, row, column, parent=QModelIndex()):
        # bounds checked here, not through hasIndex() (two more calls into Python per index: the
        # tree asks for an index per group whenever it is regrouped)
        if row < 0 or not 0 <= column < len(self.columns):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT) if row < len(self.groups) else QModelIndex()
        group = parent.row()
        if parent.internalId() != _NO_PARENT or parent.column() != 0 or not 0 <= group < len(self.groups) \
                or row >= len(self.groups[group][1]):
            return QModelIndex()
        return self.createIndex(row, column, group)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return header_text(self.columns[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            name, rows = self.groups[index.row()]
            if role == Qt.DisplayRole and index.column() == 0:
                heading = self._headings.get(index.row())
                if heading is None:
                    heading = self._headings[index.row()] = self._heading(name, rows)
                return heading
            if role == Qt.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        rows = self.groups[index.internalId()][1]
        if not 0 <= index.row() < len(rows):
            return None
        return cell_data(rows[index.row()], self.columns[index.column()], role)

    def row_at(self, index) -> dict | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self.data(index, ROW_ROLE)
