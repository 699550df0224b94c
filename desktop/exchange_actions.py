"""The File menu's exchange entries (导出/合并/冲突/合并记录) and merging a file dropped on the window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop import save_folder
from desktop.dialogs.modal import exec_once
from desktop.watch import watch


class ExchangeActions(QObject):
    def __init__(self, window, session, menu: QMenu, before=None):
        super().__init__(window)
        self.window, self.session = window, session
        self.act_export = menu.addAction("", self.export)
        self.act_merge = menu.addAction("", self.merge_dialog)
        self.act_conflicts = menu.addAction("", self.show_conflicts)
        self.act_history = menu.addAction("", self.show_history)
        if before is not None:
            for act in (self.act_export, self.act_merge, self.act_conflicts, self.act_history):
                menu.removeAction(act)
                menu.insertAction(before, act)
            menu.insertSeparator(before)
        watch(session, "file_actions", lambda _ch: self._update_enabled(session.pf))

    def _update_enabled(self, pf) -> None:
        for act in (self.act_merge, self.act_conflicts):
            act.setEnabled(pf is not None and not pf.readonly)

    def export(self) -> None:
        from desktop.dialogs.exchange import ExportDialog  # dialogs load when asked for, not at start-up
        dialog = ExportDialog(self.session, self.window, self.window.register.selected_ids())
        if dialog.exec() and dialog.target:
            self.window.statusBar().showMessage(self.tr("已导出到 %1").replace("%1", str(dialog.target)), 8000)

    def merge_dialog(self, path: Path | None = None) -> None:
        if path is None:
            name = save_folder.open_name(self.window, self.tr("选择要合并的组合文件"),
                                         self.tr("组合文件 (*.sqlite *.db);;所有文件 (*)"))
            if not name:
                return
            path = Path(name)
        if self.session.readonly:
            QMessageBox.information(self.window, self.tr("合并"), self.tr("组合文件以只读方式打开，不能合并。"))
            return
        from desktop.dialogs.merge import MergeDialog
        dialog = MergeDialog(self.session, path, self.window)
        dialog.start()  # the dialog opens at once and fills in when the file has been checked
        exec_once(dialog)
        if dialog.result_plan is not None and dialog.result_plan.conflicts:
            self.show_conflicts()

    def show_conflicts(self) -> None:
        from desktop.dialogs.exchange import ConflictsDialog
        exec_once(ConflictsDialog(self.session, self.window))

    def show_history(self) -> None:
        from desktop.dialogs.exchange import HistoryDialog
        exec_once(HistoryDialog(self.session, self.window))

    def retranslate(self) -> None:
        self.act_export.setText(self.tr("导出组合文件…"))
        self.act_merge.setText(self.tr("合并组合文件…"))
        self.act_conflicts.setText(self.tr("合并冲突…"))
        self.act_history.setText(self.tr("合并记录…"))
