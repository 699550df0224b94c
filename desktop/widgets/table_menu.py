"""The right-click (and Menu key / Shift+F10) menu of a table: the frequent actions of that table —
its screen's buttons and actions, as they are enabled now — and 复制 (the selected rows as
tab-separated text, ready to paste into Excel/WPS)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu


class TableMenu(QObject):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.setObjectName("table_menu")
        self.view = view
        self.items: list = []  # QAction, QAbstractButton, or None for a separator
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.Copy)
        self.copy_action.setShortcutContext(Qt.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy)
        view.addAction(self.copy_action)
        self.from_keyboard = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_at)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.ContextMenu:  # (seen before the view asks for the menu)
            self.from_keyboard = event.reason() == QContextMenuEvent.Keyboard
        return False

    def build(self) -> QMenu:
        menu = QMenu(self.view)
        for item in self.items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, QAction):
                if item.isVisible():
                    menu.addAction(item)
            elif not item.isHidden():
                act = menu.addAction(item.text().replace("&", "&&") if "&&" not in item.text() else item.text())
                act.setToolTip(item.toolTip())
                act.setEnabled(item.isEnabled())
                act.triggered.connect(item.click)
        if self.items:
            menu.addSeparator()
        self.copy_action.setText(self.tr("复制"))
        self.copy_action.setEnabled(bool(self.view.selectionModel() and self.view.selectionModel().hasSelection()))
        menu.addAction(self.copy_action)
        return menu

    def show_at(self, pos) -> None:
        """At the row right-clicked (which becomes the current one), or — Menu key, Shift+F10 — at the
        current row, which stays as it is."""
        current = self.view.currentIndex()
        if self.from_keyboard:
            rect = self.view.visualRect(current) if current.isValid() else self.view.viewport().rect()
            pos = rect.center() if rect.isValid() else self.view.viewport().rect().center()
        else:
            index = self.view.indexAt(pos)
            selection = self.view.selectionModel()
            if index.isValid() and selection is not None and not selection.isSelected(index):
                self.view.setCurrentIndex(index)  # the row clicked is the one acted on
        self.from_keyboard = False
        menu = self.build()
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def copy(self) -> None:
        model, header = self.view.model(), getattr(self.view, "header", None)
        header = header() if header else self.view.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        columns = [c for c in columns if not header.isSectionHidden(c)]
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes() if not i.parent().isValid()})
        lines = ["\t".join(str(model.index(r, c).data() or "") for c in columns) for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines))


def table_menu(view: QAbstractItemView) -> TableMenu:
    """The view's menu (made on first use)."""
    return view.findChild(TableMenu, "table_menu", Qt.FindDirectChildrenOnly) or TableMenu(view)


def add_to_menu(view: QAbstractItemView, *items) -> None:
    """Offer these buttons/actions (None: a separator) in the view's context menu."""
    table_menu(view).items.extend(items)
