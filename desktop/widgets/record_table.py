"""A read-only Qt table model fed plain rows (dicts) from the core — Vorta's habit.

Columns are declared once (key, header, how to show); the model knows nothing about the
database. The filtered table (filtered_table.py) hands it the rows that match, in order; it
sorts in Python when a plain view asks it to.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap

from db import colours, formatting
from db.pinyin import sort_key

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
# data() runs for every role of every painted cell. PySide6's shortcut enum lookups (Qt.DisplayRole)
# cost microseconds each, so the roles are looked up once, through their enum class.
_R = Qt.ItemDataRole
DISPLAY, EDIT, TOOLTIP, DECORATION, BACKGROUND, ALIGNMENT = (
    _R.DisplayRole, _R.EditRole, _R.ToolTipRole, _R.DecorationRole, _R.BackgroundRole, _R.TextAlignmentRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HORIZONTAL = Qt.Orientation.Horizontal


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # a QT_TRANSLATE_NOOP(context, text) Msg, translated at paint time
    kind: str = "text"  # text, colour, number, percent, date, money (万元), datetime
    tooltip_key: str | None = None
    width: int = 120


_chips: dict[str, QIcon] = {}


def header_text(col: Column) -> str:
    h = col.header
    return QCoreApplication.translate(getattr(h, "context", "Column"), str(h))


def colour_chip(code: str) -> QIcon:
    if code not in _chips:
        pm = QPixmap(14, 14)
        pm.fill(QColor(colours.HEX.get(code, "#9aa0a6")))
        _chips[code] = QIcon(pm)
    return _chips[code]


class RecordTableModel(QAbstractTableModel):
    """`editor(row, key, text) -> bool`, when given, makes the columns in `editable` editable:
    it applies the edit (through the session) and says whether it was accepted."""

    def __init__(self, columns: list[Column], parent=None, editable: dict[str, str] | None = None,
                 editor=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self.editable = editable or {}  # column key -> field name it edits
        self.editor = editor
        self.sort_order: tuple[int, Qt.SortOrder] = (-1, Qt.AscendingOrder)
        self._row_at: dict[str, int] | None = None  # record id -> row, rebuilt after rows move

    # -- feeding -------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        column, order = self.sort_order
        self.rows = [rows[i] for i in self._permutation(rows, column, order)] if column >= 0 else rows
        self._row_at = None
        self.endResetModel()

    def replace_rows(self, fresh: dict[int, dict]) -> None:
        """New contents for some rows ({row: row dict}, each of the same record), repainted in place."""
        rows = [r for r in fresh if 0 <= r < len(self.rows)]
        for r in rows:
            self.rows[r] = fresh[r]
        if rows:  # one signal: a listener (the register's grouped tree) may redo its work on each
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1))

    def relayout(self, rows: list[dict]) -> None:
        """Other rows (some records in or out, moved, or changed) without a reset: the selection and
        the current row follow their record by id, and the scroll position stays; a record no
        longer among the rows drops out of the selection without making another row current."""
        self.layoutAboutToBeChanged.emit()
        moving = [(i, self.rows[i.row()].get("id")) for i in self.persistentIndexList()
                  if i.isValid() and i.row() < len(self.rows)]
        self.rows = rows
        self._row_at = None
        for old, rid in moving:
            row = self.row_of(rid)
            self.changePersistentIndex(old, self.index(row, old.column()) if row >= 0 else QModelIndex())
        self.layoutChanged.emit()

    # -- sorting in Python -----------------------------------------------------------------
    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the rows themselves, one key per row. A QSortFilterProxyModel sorting this model
        calls data() from C++ twice per comparison: seconds at 10,000 rows, against milliseconds
        here. Proxies delegate their sort() to this and keep the rows' order. -1: leave as is."""
        self.sort_order = (column, order)
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.rows
        perm = self._permutation(old, column, order)
        self.rows = [old[i] for i in perm]
        self._row_at = None
        new_row = [0] * len(perm)
        for new, was in enumerate(perm):
            new_row[was] = new
        for idx in self.persistentIndexList():
            if idx.isValid() and idx.row() < len(new_row):
                self.changePersistentIndex(idx, self.index(new_row[idx.row()], idx.column()))
        self.layoutChanged.emit()

    def _permutation(self, rows: list[dict], column: int, order) -> list[int]:
        col = self.columns[column]
        keys = [cell_data(r, col, SORT_ROLE) for r in rows]
        return sorted(range(len(rows)), key=keys.__getitem__, reverse=order == Qt.DescendingOrder)

    def row_of(self, record_id: str) -> int:
        if self._row_at is None:
            self._row_at = {row.get("id"): i for i, row in enumerate(self.rows)}
        return self._row_at.get(record_id, -1)

    # -- Qt API --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == HORIZONTAL and role == DISPLAY and 0 <= section < len(self.columns):
            return header_text(self.columns[section])
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.editor and self.columns[index.column()].key in self.editable:
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole or not index.isValid() or not self.editor:
            return False
        key = self.columns[index.column()].key
        if key not in self.editable:
            return False
        return bool(self.editor(self.rows[index.row()], self.editable[key], value))

    def data(self, index, role=DISPLAY):
        if role == EDIT and index.isValid() and index.row() < len(self.rows):
            key = self.columns[index.column()].key
            field = self.editable.get(key, key)
            value = self.rows[index.row()].get(field)
            return "" if value is None else (value if isinstance(value, str) else str(value))
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        return cell_data(self.rows[index.row()], self.columns[index.column()], role)


def cell_data(row: dict, col: Column, role):
    """What one cell of a plain row shows for a Qt role (shared by flat and grouped models)."""
    value = row.get(col.key)
    if role == DISPLAY:
        return _display(col, value)
    if role == SORT_ROLE:
        if col.kind in ("number", "percent", "money"):
            return float(value) if value is not None else float("-inf")
        if col.kind == "colour":
            return colours.SEVERITY.get(value, -1)
        if col.kind in ("date", "datetime"):
            return "" if value is None else str(value)
        return sort_key("" if value is None else str(value))  # 拼音 order, as Excel/WPS sort names
    if role == ROW_ROLE:
        return row
    if role == TOOLTIP and col.tooltip_key:
        return row.get(col.tooltip_key) or None
    if role == DECORATION and col.kind == "colour" and value:
        return colour_chip(value)
    if role == BACKGROUND and col.kind == "colour" and value:
        c = QColor(colours.HEX[value])
        c.setAlpha(40)
        return QBrush(c)
    if role == ALIGNMENT and col.kind in ("number", "percent", "money"):
        return RIGHT
    return None


def display_text(row: dict, col: Column) -> str:
    """What a cell shows (DisplayRole), without going through Qt's role dispatch."""
    return _display(col, row.get(col.key))


def _display(col: Column, value):
    if value is None or value == "":
        return ""
    if col.kind == "colour":
        return colours.Colour(value, "").name
    if col.kind == "percent":
        return f"{value:.1f}%"
    if col.kind == "number":
        return formatting.number(value)
    if col.kind == "money":
        return formatting.money(value)
    if col.kind == "datetime":
        return formatting.moment(value)
    return str(value)
