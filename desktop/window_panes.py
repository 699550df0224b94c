"""The main window's panes and size: F6 between the register and the milestones, the detail pane
folding away (视图 → 详情窗格), the window size and splitter positions remembered in QSettings, and
undo/redo that say in the status bar what they undid."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter

from desktop.widgets.fit import resize_to_fit, restore_splitters, save_splitters, usable

FIRST_SIZE = (1360, 820)  # shrunk to what the screen allows


class Panes(QObject):
    def __init__(self, window, split: QSplitter):
        super().__init__(window)
        self.window, self.split = window, split
        self._detail_width = 0
        self.act_next_pane = QAction(window, shortcut=QKeySequence("F6"), triggered=self.next_pane)
        self.act_detail_pane = QAction(window, shortcut=QKeySequence("Ctrl+Shift+D"), checkable=True, checked=True,
                                       triggered=self.toggle_detail)
        split.splitterMoved.connect(lambda *_: self.act_detail_pane.setChecked(split.sizes()[1] > 0))

    def next_pane(self) -> None:
        """F6 (as in Windows programs): the focus goes register → milestones → register."""
        w = self.window
        if w.stack.currentIndex() != 0:
            return
        if w.detail.table.hasFocus() or self.split.sizes()[1] == 0:
            view = w.register.tree if w.register.group_key() else w.register.table
        else:
            view = w.detail.table
            if not view.currentIndex().isValid() and view.model().rowCount():
                view.selectRow(0)
        view.setFocus(Qt.ShortcutFocusReason)

    def toggle_detail(self) -> None:
        """Fold the project detail away for a wider register, or bring it back."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if sizes[1] > 0:
            self._detail_width = sizes[1]
            self.split.setSizes([total, 0])
        else:
            width = min(self._detail_width or total * 2 // 5, total * 2 // 3)
            self.split.setSizes([total - width, width])
        self.act_detail_pane.setChecked(self.split.sizes()[1] > 0)

    def splitters(self) -> dict[str, QSplitter]:
        """The splitters whose positions are remembered (those of screens built so far)."""
        w = self.window
        found = {"projects": self.split, "detail": w.detail.split}
        if w.pages["challenges"].built:
            found["challenges"] = w.challenges.split
        return found

    def save(self, settings) -> None:
        settings.setValue("window/geometry", self.window.saveGeometry())
        save_splitters(settings, self.splitters())

    def restore(self, settings) -> None:
        """The size and splitters the user left; the first time, FIRST_SIZE or what the screen allows."""
        restore_size(self.window, settings)
        restore_splitters(settings, self.splitters())

    def retranslate(self) -> None:
        self.act_detail_pane.setText(self.tr("详情窗格(&D)"))
        self.act_next_pane.setText(self.tr("切换窗格：项目表 ↔ 里程碑表"))


class _UndoLabels(QObject):
    """撤销/重做 + what they would undo/redo, in the language shown (QUndoStack's own actions keep the
    prefix they were made with, so after 视图 → 语言 they said 撤销 in the English menu)."""

    def __init__(self, window, stack, undo: QAction, redo: QAction):
        super().__init__(window)
        self.stack, self.undo, self.redo = stack, undo, redo
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(lambda *_: self.relabel())
        window.installEventFilter(self)
        self.relabel()

    def relabel(self) -> None:
        if not shiboken6.isValid(self.stack):  # the stack is going with its session (closing)
            return
        for action, word, can, text in (
                (self.undo, QCoreApplication.translate("MainWindow", "撤销"), self.stack.canUndo(), self.stack.undoText()),
                (self.redo, QCoreApplication.translate("MainWindow", "重做"), self.stack.canRedo(), self.stack.redoText())):
            action.setEnabled(can)
            action.setText(f"{word} {text}" if text else word)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.LanguageChange:
            self.relabel()
        return False


def undo_actions(window, stack) -> tuple[QAction, QAction]:
    """撤销/重做 for the 编辑 menu: Ctrl+Z; Ctrl+Y (shown) and Ctrl+Shift+Z; each says what it did."""
    undo, redo = QAction(window), QAction(window)
    undo.triggered.connect(stack.undo)
    redo.triggered.connect(stack.redo)
    _UndoLabels(window, stack, undo, redo)
    undo.setShortcuts([QKeySequence.Undo])
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])  # a menu shows the first

    def say(undone: bool) -> None:  # (runs after the stack moved: the command just undone/redone)
        command = stack.command(stack.index() if undone else stack.index() - 1)
        if command is not None:
            text = (QCoreApplication.translate("MainWindow", "已撤销：%1") if undone
                    else QCoreApplication.translate("MainWindow", "已重做：%1"))
            window.statusBar().showMessage(text.replace("%1", command.text()), 8000)
    undo.triggered.connect(lambda: say(True))
    redo.triggered.connect(lambda: say(False))
    return undo, redo


def restore_size(w, settings) -> None:
    """The window's size and place the user left (also for its frame, shown before the screens)."""
    geometry = settings.value("window/geometry")
    if geometry is None or not w.restoreGeometry(geometry):
        resize_to_fit(w, *FIRST_SIZE)
    room = usable(w)  # saved on a larger monitor: shrink onto this one
    if w.width() > room.width() or w.height() > room.height():
        resize_to_fit(w, w.width(), w.height())
