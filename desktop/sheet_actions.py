"""The File menu's spreadsheet and calendar entries: 导入台账… / 导出调度表… / 导出表格… / 导出日历…

Exports run on the worker lane with a progress dialog and a cancel button (desktop/task_runner.py):
at city scale they take a minute, and the window must not freeze meanwhile."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from db.documents import ics
from db.errors import UserError
from db.pinyin import sort_key
from desktop import save_folder
from desktop.task_runner import Task
from desktop.watch import watch


class SheetActions(QObject):
    def __init__(self, window, session, menu: QMenu):
        super().__init__(window)
        self.window, self.session = window, session
        self.act_import = menu.addAction("", self.import_ledger)
        self.act_template = menu.addAction("", self.export_template)
        self.act_tables = menu.addAction("", self.export_tables)
        self.act_calendar = menu.addAction("", self.export_calendar)
        watch(session, "file_actions", lambda _ch: self._update_enabled(session.pf))

    def _update_enabled(self, pf) -> None:
        self.act_import.setEnabled(pf is not None and not pf.readonly)
        for act in (self.act_template, self.act_tables, self.act_calendar):
            act.setEnabled(pf is not None)

    def _ask_path(self, title: str, name: str, filter_: str) -> Path | None:
        path = save_folder.save_name(self.window, title, name, filter_)
        return Path(path) if path else None

    def _done(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def _run(self, title: str, fn, done) -> Task:
        """fn(progress) on the worker; done(result) back on the UI thread; errors in a message."""
        def failed(exc):
            if isinstance(exc, UserError):
                QMessageBox.warning(self.window, title, str(exc))
            else:
                QMessageBox.critical(self.window, title, self.tr("导出失败：%1").replace("%1", str(exc)))
        self.task = Task(self.window, title, self.tr("正在%1…").replace("%1", title), fn, done, failed,
                         lambda: self._done(self.tr("已取消%1").replace("%1", title)))
        return self.task

    def import_ledger(self, path: Path | None = None):
        """The 导入台账 wizard, opened and returned; the first time, None: the importer and openpyxl
        load on the worker first (~0.25 s of the UI thread otherwise), then the wizard opens."""
        if "db.sheets.importer" not in sys.modules:
            title = self.act_import.text().rstrip("…")
            self._run(title, lambda _progress: importlib.import_module("db.sheets.importer"),
                      lambda _module: self.import_ledger(path))
            return None
        from desktop.dialogs.import_wizard import ImportWizard
        wizard = self.wizard = ImportWizard(self.session, path, self.window)
        wizard.finished.connect(wizard.deleteLater)  # a child of the window: else kept until it closed
        wizard.open()
        return wizard

    def export_template(self, unit: str | None = None, path: Path | None = None) -> None:
        pf = self.session.pf
        if unit is None:
            everyone = self.tr("全部单位")
            names = [everyone] + sorted((u["name"] for u in pf.list("units")), key=sort_key)
            unit, ok = QInputDialog.getItem(self.window, self.tr("导出调度表"),
                                            self.tr("为哪个责任单位导出调度表？"), names, 0, False)
            if not ok:
                return
            unit = None if unit == everyone else unit
        if path is None:
            stem = (unit or self.tr("全部单位")) + self.tr("调度表") + "-" + pf.today().isoformat()
            path = self._ask_path(self.tr("导出调度表"), stem + ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
            if path is None:
                return
        def job(progress):
            from db.sheets.template_export import write_template  # openpyxl (1 s) loads on the worker
            return write_template(pf, path, unit, progress)
        return self._run(self.tr("导出调度表"), job,
                         lambda info: self._done(
                             self.tr("已导出调度表 %1：%2 个里程碑，%3 个项目").replace("%1", str(path))
                             .replace("%2", str(info["milestones"])).replace("%3", str(info["projects"]))))

    def export_tables(self, path: Path | None = None) -> None:
        pf = self.session.pf
        if path is None:
            path = self._ask_path(self.tr("导出表格"), pf.path.stem + ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
            if path is None:
                return
        def job(progress):
            from db.sheets.export import write_tables  # openpyxl (1 s at first use) loads on the worker
            return write_tables(pf, path, progress=progress)
        return self._run(self.tr("导出表格"), job,
                         lambda counts: self._done(self.tr("已导出表格 %1（%2 行）").replace("%1", str(path))
                                                   .replace("%2", str(sum(counts.values())))))

    def export_calendar(self, path: Path | None = None) -> None:
        pf = self.session.pf
        if path is None:
            path = self._ask_path(self.tr("导出日历"), pf.path.stem + ".ics", self.tr("日历文件 (*.ics)"))
            if path is None:
                return
        return self._run(self.tr("导出日历"), lambda progress: ics.write(pf, path, progress),
                         lambda count: self._done(self.tr("已导出日历 %1：%2 个里程碑").replace("%1", str(path))
                                                  .replace("%2", str(count))))

    def retranslate(self) -> None:
        self.act_import.setText(self.tr("导入台账…"))
        self.act_template.setText(self.tr("导出调度表…"))
        self.act_tables.setText(self.tr("导出表格…"))
        self.act_calendar.setText(self.tr("导出日历…"))
