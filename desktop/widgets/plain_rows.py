"""A read-only table of plain text rows under fixed headers, as a Qt model: the 导入台账 preview
(adds, changes, rejected rows, readings). A city's preview has 100,000s of cells; an item per cell
(QTableWidget) took ~0.7 s of the UI thread per 30,000 rows, so rows are given as the core's own
objects with `cells(item) -> [text, …]`, and only the rows painted are turned into text.

One column may be a choice (`Choice`): it shows the label of `get(item)` and, edited through a
drop-down (ChoiceColumn delegate), calls `put(item, value)`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from desktop.widgets.combo_fit import fit_combo
from desktop.widgets.table_menu import table_menu

_R = Qt.ItemDataRole
DISPLAY, EDIT, TOOLTIP = _R.DisplayRole, _R.EditRole, _R.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
MAX_WIDTH = 360  # px: a long cell wraps or elides rather than widening its column past this
SAMPLE_ROWS = 100  # rows measured to size the columns (Qt's default measures 1,000)


@dataclass(frozen=True)
class Choice:
    column: int
    labels: dict[str, str]  # value -> what the drop-down and the cell show, in order
    get: Callable[[object], str]
    put: Callable[[object, str], None]


class PlainRowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent=None, choice: Choice | None = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.choice = choice
        self.items: Sequence = []
        self.cells: Callable[[object], Sequence[str]] | None = None
        self._texts: dict[int, list[str]] = {}  # row -> its cells' texts, made when first asked for

    def set_rows(self, items: Sequence, cells: Callable[[object], Sequence[str]] | None = None) -> None:
        """`items` with `cells(item)` giving a row's texts; without `cells`, items are the rows."""
        self.beginResetModel()
        self.items, self.cells, self._texts = items, cells, {}
        self.endResetModel()

    def texts(self, row: int) -> list[str]:
        made = self._texts.get(row)
        if made is None:
            item = self.items[row]
            made = self._texts[row] = [str(t) for t in (self.cells(item) if self.cells else item)]
        return made

    def text(self, row: int, column: int) -> str:
        """What the cell shows (the choice column: its value's label)."""
        if self.choice and column == self.choice.column:
            value = self.choice.get(self.items[row])
            return self.choice.labels.get(value, value)
        made = self.texts(row)
        return made[column] if column < len(made) else ""

    def choices_changed(self) -> None:
        """The choice column's values may have changed (e.g. a whole column's mode was set)."""
        if self.choice and self.items:
            c = self.choice.column
            self.dataChanged.emit(self.index(0, c), self.index(len(self.items) - 1, c), [DISPLAY, EDIT])

    # -- Qt API --------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if orientation == HORIZONTAL and role == DISPLAY and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.choice and index.column() == self.choice.column:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=DISPLAY):
        if not index.isValid() or not (0 <= index.row() < len(self.items)) \
                or not (0 <= index.column() < len(self.headers)):
            return None
        if role == DISPLAY or role == TOOLTIP:
            return self.text(index.row(), index.column())
        if role == EDIT and self.choice and index.column() == self.choice.column:
            return self.choice.get(self.items[index.row()])
        return None

    def setData(self, index, value, role=EDIT):  # noqa: N802
        if role != EDIT or not index.isValid() or not self.choice or index.column() != self.choice.column \
                or value not in self.choice.labels:
            return False
        self.choice.put(self.items[index.row()], value)
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        return True


class ChoiceColumn(QStyledItemDelegate):
    """The choice column: painted as a drop-down, edited with one (the value is set as soon as
    one is picked)."""

    def paint(self, painter, option, index):
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return super().paint(painter, option, index)
        opt = QStyleOptionComboBox()
        opt.rect = option.rect.adjusted(1, 1, -1, -1)
        opt.state = option.state | QStyle.StateFlag.State_Enabled
        opt.currentText = str(index.data(DISPLAY) or "")
        opt.palette = option.palette
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt, painter, option.widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt, painter, option.widget)

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for value, label in index.model().choice.labels.items():
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(index.data(EDIT)), 0))
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return fit_combo(combo)

    def setEditorData(self, editor, index):  # noqa: N802
        editor.blockSignals(True)
        editor.setCurrentIndex(max(editor.findData(index.data(EDIT)), 0))
        editor.blockSignals(False)

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), EDIT)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.minimumWidth()))
        editor.setGeometry(rect)


def plain_table(model: PlainRowsModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    if model.choice:
        view.setItemDelegateForColumn(model.choice.column, ChoiceColumn(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.DoubleClicked)
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table_menu(view)  # 复制
    model.modelReset.connect(lambda: fit_columns(view))
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its header and its first rows need, at most MAX_WIDTH."""
    view.resizeColumnsToContents()
    for c in range(view.model().columnCount()):
        view.setColumnWidth(c, min(view.columnWidth(c), MAX_WIDTH))
