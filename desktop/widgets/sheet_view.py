"""A table that behaves like a spreadsheet for the clerk used to Excel/WPS: the first columns stay put
while the others scroll sideways (a second view laid over them, as in Qt's frozen-column example);
F2 edits the current cell, Enter saves it and moves down, Esc cancels."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView

from desktop.widgets import cell_painter

EDIT_KEYS = (Qt.Key_F2,)


class _Hidden(QStyledItemDelegate):
    """Paints nothing: the table's own cells of the frozen columns lie under the overlay, which
    shows them (painting them twice cost ~15 % of each repaint, and the model's data() for each)."""

    def paint(self, painter, option, index) -> None:
        return


class _Frozen(QTableView):
    """The overlay showing the frozen columns of `sheet`: same model, same selection."""

    def __init__(self, sheet: SheetView):
        super().__init__(sheet)
        self.sheet = sheet
        self.setFocusPolicy(Qt.NoFocus)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setStyleSheet("QTableView { border: none; border-right: 1px solid #b8bcc2; }")
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.doubleClicked.connect(sheet.doubleClicked)
        self.clicked.connect(sheet.clicked)
        header = self.horizontalHeader()
        header.sectionClicked.connect(self._sort)
        header.sectionResized.connect(lambda c, _old, size: sheet.setColumnWidth(c, size))  # a frozen column too
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(sheet.horizontalHeader().customContextMenuRequested)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: sheet.customContextMenuRequested.emit(sheet.viewport().mapFromGlobal(self.viewport().mapToGlobal(pos))))

    def paintEvent(self, event) -> None:  # noqa: N802
        if cell_painter.paints_itself(self):
            cell_painter.paint(self, event)
        else:
            super().paintEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.sheet.setFocus(Qt.MouseFocusReason)  # a click on a frozen cell: the keys go on to the table
        super().mousePressEvent(event)

    def _sort(self, column: int) -> None:
        if not self.sheet.isSortingEnabled():
            return
        header = self.sheet.horizontalHeader()
        same = header.sortIndicatorSection() == column and header.sortIndicatorOrder() == Qt.AscendingOrder
        self.sheet.sortByColumn(column, Qt.DescendingOrder if same else Qt.AscendingOrder)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        self.sheet.setFocus()
        self.sheet.after_edit(hint)


class SheetView(QTableView):
    """`freeze(n)` keeps the first n visible columns in view. F2 on a cell that is not edited in place
    emits edit_requested (the owner opens the row's dialog) — never a window-wide F2."""

    edit_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frozen_count = 0
        self.frozen: _Frozen | None = None
        self._hidden = _Hidden(self)
        self._delegates: dict[int, object] = {}  # the owner's delegate of each frozen column (or None)

    # -- frozen columns ------------------------------------------------------------------------
    def freeze(self, count: int) -> None:
        self.frozen_count = count
        if self.frozen is None:
            self.frozen = _Frozen(self)
            self.frozen.setModel(self.model())
            self.frozen.setSelectionModel(self.selectionModel())
            self.viewport().stackUnder(self.frozen)
            header = self.horizontalHeader()
            for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged,
                           header.geometriesChanged):
                signal.connect(self.sync_frozen)
            self.verticalHeader().sectionResized.connect(lambda i, _o, size: self.frozen.setRowHeight(i, size))
            self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
            self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
            model = self.model()
            for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
                signal.connect(self.sync_frozen)
        self.sync_frozen()

    def frozen_columns(self) -> list[int]:
        """The logical columns kept in view: the first visible ones in the order shown."""
        header = self.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in shown if not header.isSectionHidden(c)][:self.frozen_count]

    def sync_frozen(self, *_args) -> None:
        if self.frozen is None:
            return
        mine, theirs = self.horizontalHeader(), self.frozen.horizontalHeader()
        # rows as tall, scrolled the same way, painted alike: the overlay's rows line up with the table's
        self.frozen.verticalHeader().setMinimumSectionSize(self.verticalHeader().minimumSectionSize())
        self.frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        self.frozen.setVerticalScrollMode(self.verticalScrollMode())
        self.frozen.setAlternatingRowColors(self.alternatingRowColors())
        self.frozen.setWordWrap(self.wordWrap())
        keep = self.frozen_columns()
        self._hide_frozen_cells(keep)
        theirs.blockSignals(True)
        theirs.restoreState(mine.saveState())  # order, widths and the sort indicator
        theirs.setStretchLastSection(False)
        theirs.setSectionResizeMode(QHeaderView.Interactive)
        for c in range(self.model().columnCount()):
            self.frozen.setColumnHidden(c, c not in keep)
            if c in keep:
                self.frozen.setColumnWidth(c, self.columnWidth(c))
                if self._delegates.get(c) is not None:
                    self.frozen.setItemDelegateForColumn(c, self._delegates[c])
        theirs.blockSignals(False)
        width = sum(self.columnWidth(c) for c in keep)
        self.frozen.setVisible(bool(keep))
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
                                width, self.viewport().height() + mine.height())
        self.frozen.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def _hide_frozen_cells(self, keep: list[int]) -> None:
        """The frozen columns' cells of this table paint nothing (the overlay shows them); a column
        no longer frozen gets its own delegate back."""
        for c in [c for c in self._delegates if c not in keep]:
            self.setItemDelegateForColumn(c, self._delegates.pop(c))
        for c in keep:
            if c not in self._delegates:
                self._delegates[c] = self.itemDelegateForColumn(c)
                self.setItemDelegateForColumn(c, self._hidden)

    def setItemDelegateForColumn(self, column: int, delegate) -> None:  # noqa: N802
        """An owner's delegate for a frozen column goes to the overlay, which shows that column."""
        if delegate is not self._hidden and column in self._delegates:
            self._delegates[column] = delegate
            if self.frozen is not None:
                self.frozen.setItemDelegateForColumn(column, delegate)
            return
        super().setItemDelegateForColumn(column, delegate)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.sync_frozen()

    def paintEvent(self, event) -> None:  # noqa: N802
        """Plain rows painted in one pass (cell_painter); the frozen columns' cells are the overlay's."""
        if cell_painter.paints_itself(self):
            cell_painter.paint(self, event, self._hidden)
        else:
            super().paintEvent(event)

    def moveCursor(self, action, modifiers):  # noqa: N802
        """Moving left onto a frozen column brings the scrolled part back to its start."""
        current = super().moveCursor(action, modifiers)
        if self.frozen is not None and action == QAbstractItemView.MoveLeft and current.isValid() \
                and current.column() not in self.frozen_columns():
            left = sum(self.columnWidth(c) for c in self.frozen_columns())
            if self.visualRect(current).topLeft().x() < left:
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value()
                                                    + self.visualRect(current).topLeft().x() - left)
        return current

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible) -> None:  # noqa: N802
        """A frozen cell is always in view sideways: scroll only up or down to it."""
        keep = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        if self.frozen is not None and index.column() in self.frozen_columns():
            self.horizontalScrollBar().setValue(keep)

    # -- Excel keys ----------------------------------------------------------------------------
    def edit(self, index, trigger=None, event=None):
        """A frozen cell is edited on the overlay (the one the user sees)."""
        if trigger is None:
            return self.edit(index, QAbstractItemView.AllEditTriggers, None)
        if self.frozen is not None and index.isValid() and index.column() in self.frozen_columns():
            if trigger & self.editTriggers() or trigger == QAbstractItemView.AllEditTriggers:
                return self.frozen.edit(index, QAbstractItemView.AllEditTriggers, event)
            return False
        return super().edit(index, trigger, event)

    def event(self, event) -> bool:
        """F2 (and Enter/Esc while editing) belong to the table, not to a window shortcut."""
        if event.type() == QEvent.ShortcutOverride and event.key() in EDIT_KEYS and self.currentIndex().isValid():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_F2 and self.currentIndex().isValid():
            current = self.currentIndex()
            if not self.edit(current, QAbstractItemView.EditKeyPressed, event):
                if not self.selectionModel().isSelected(current):  # the dialog is for the row the cursor is on
                    self.selectionModel().select(current, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.edit_requested.emit()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.state() != QAbstractItemView.EditingState:
            self._move_down()  # Excel: Enter goes to the next row
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        self.after_edit(hint)

    def after_edit(self, hint) -> None:
        if hint == QAbstractItemDelegate.SubmitModelCache:  # saved with Enter: on to the next row
            self._move_down()

    def _move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            below = self.model().index(current.row() + 1, current.column())
            self.selectionModel().setCurrentIndex(below, QItemSelectionModel.ClearAndSelect | (
                QItemSelectionModel.Rows if self.selectionBehavior() == QAbstractItemView.SelectRows
                else QItemSelectionModel.NoUpdate))
