"""导入台账 wizard: choose file → confirm column mapping → confirm new units → preview
(adds, updates field by field, rejections, readings) → import as one undoable edit.

All reading and checking is the core's (db.sheets.importer.analyse → ImportPlan); the wizard
only shows the plan, feeds the user's corrections back in, and applies `plan.ops()` through the
session. A filled-in 调度表 goes straight from the file page to the preview.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from db.errors import UserError
from db.i18n import tr, tr_enum
from db.pinyin import sort_key
from db.sheets import importer, update_modes
from db.sheets.cells import WAN, YI, YUAN
from db.sheets.headers import ID, IMPORTABLE
from db.sheets.plan import column_label
from desktop import save_folder
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.plain_rows import Choice, PlainRowsModel, plain_table
from desktop.widgets.table_menu import table_menu

FILE, MAPPING, UNITS, PREVIEW, DONE = range(5)
ASYNC_ABOVE_BYTES = 16 * 1024  # a larger 台账 (over ~100 rows, ~40 ms to read and check) is read on the worker
ASYNC_ABOVE_OPS = 300  # an import of more records (~80 µs each through the write path) is written on the worker


def _table(headers: list[str], parent) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table_menu(table)  # 复制
    return table


class ImportWizard(QWizard):
    def __init__(self, session, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.path = Path(path) if path else None
        self.plan = None
        self.mapping: dict[str, dict[int, tuple]] = {}
        self.unit_choices: dict[str, str] = {}
        self.result_changes = None
        self._imported = False  # written on the worker: the preview page may move on
        self._ready = None  # the choices a background read finished for
        self.task = None
        self.setWindowTitle(self.tr("导入台账"))
        self.setWizardStyle(QWizard.ClassicStyle)
        resize_to_fit(self, 980, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.units_page = UnitsPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for pid, page in ((FILE, self.file_page), (MAPPING, self.mapping_page), (UNITS, self.units_page),
                          (PREVIEW, self.preview_page), (DONE, self.done_page)):
            self.setPage(pid, page)
        if self.path:
            self.file_page.edit.setText(str(self.path))

    def analyse(self) -> bool:
        """(Re)read the file with the user's corrections; a refused file shows its message.

        A large file is read on the worker (desktop/task_runner.py) while the window stays live:
        the page does not move on yet; when the plan is ready the wizard moves on by itself."""
        key = (str(self.path), repr(self.mapping), repr(self.unit_choices))
        if self._ready == key:  # read in the background for exactly these choices
            self._ready = None
            return True
        pf, path = self.session.pf, self.path
        mapping, choices = self.mapping or None, self.unit_choices or None
        if self.task is not None and not self.task.finished:
            return False  # still reading
        if path.stat().st_size > ASYNC_ABOVE_BYTES:
            self._read_in_background(key, lambda _progress: importer.analyse(
                pf, path, mapping=mapping, unit_choices=choices))
            return False
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.plan = importer.analyse(pf, path, mapping=mapping, unit_choices=choices)
            return True
        except UserError as exc:
            self._refused(exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _read_in_background(self, key: tuple, fn) -> None:
        from desktop.task_runner import Task

        def done(plan) -> None:  # (not called when cancelled: the wizard stays on this page)
            self.plan, self._ready = plan, key
            self.next()

        def failed(exc) -> None:
            if isinstance(exc, UserError):
                self._refused(exc)
            else:
                QMessageBox.critical(self, self.tr("导入台账"), self.tr("读取失败：%1").replace("%1", str(exc)))
        self.button(QWizard.NextButton).setEnabled(False)
        task = self.task = Task(self, self.tr("导入台账"), self.tr("正在读取 %1…").replace("%1", self.path.name),
                                fn, done, failed)
        task.background.busy_changed.connect(
            lambda busy: None if busy else self.button(QWizard.NextButton).setEnabled(True))

    def _refused(self, exc: UserError) -> None:
        self.file_page.error.setText(str(exc))
        if self.currentId() != FILE:
            QMessageBox.warning(self, self.tr("导入台账"), str(exc))

    def nextId(self) -> int:  # noqa: N802
        current = self.currentId()
        if current == FILE:
            return PREVIEW if self.plan is not None and self.plan.source == "template" else MAPPING
        if current == MAPPING:
            return UNITS if self.plan is not None and self.plan.new_units else PREVIEW
        if current == UNITS:
            return PREVIEW
        if current == PREVIEW:
            return DONE
        return -1


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("选择文件"))
        self.setSubTitle(self.tr("选择要导入的 Excel 台账（.xlsx），或项目办导出后由单位填好的调度表。"))
        self.edit = QLineEdit(self)
        self.edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self.browse)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        hint_text = self.tr("表头可以在标题行下面、可以是两行合并表头；列名不同也能识别（项目名称/名称、责任单位/牵头单位、总投资（万元）/总投资（亿元）……）。下一步会列出识别结果供确认。")  # noqa: E501 - a translation key, kept whole
        hint = QLabel(hint_text, self)
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def browse(self) -> None:
        name = save_folder.open_name(self, self.tr("选择台账文件"), self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"))
        if name:
            self.edit.setText(name)

    def isComplete(self) -> bool:  # noqa: N802
        return Path(self.edit.text().strip()).is_file()

    def validatePage(self) -> bool:  # noqa: N802
        self.error.clear()
        self.wiz.path = Path(self.edit.text().strip())
        self.wiz.mapping, self.wiz.unit_choices = {}, {}
        return self.wiz.analyse()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("确认列对应"))
        self.setSubTitle(self.tr("按表头文字识别出的对应关系如下。请核对，必要时改正“导入为”或金额单位。"))
        self.tabs = QTabWidget(self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.tables: dict[str, QTableWidget] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notes)

    def field_choices(self) -> list[tuple[str, str | None]]:
        return [(self.tr("（不导入）"), None), (column_label(ID), ID)] + \
            [(column_label(f), f) for f in IMPORTABLE]

    def initializePage(self) -> None:  # noqa: N802
        self.tabs.clear()
        self.tables = {}
        plan = self.wiz.plan
        heads = [self.tr("列"), self.tr("表头"), self.tr("导入为"), self.tr("金额单位")]
        for layout in plan.layouts:
            table = _table(heads, self)
            table.setRowCount(len(layout.columns))
            for r, col in enumerate(layout.columns):
                table.setItem(r, 0, QTableWidgetItem(col.letter))
                table.setItem(r, 1, QTableWidgetItem(col.header))
                combo = QComboBox(table)
                for text, value in self.field_choices():
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(0, combo.findData(col.field)))
                scale = QComboBox(table)
                for text, value in ((self.tr("万元"), WAN), (self.tr("亿元（×10000）"), YI),
                                    (self.tr("元（÷10000）"), YUAN)):
                    scale.addItem(text, value)
                scale.setCurrentIndex(max(0, scale.findData(col.scale)))
                combo.currentIndexChanged.connect(lambda _i, c=combo, s=scale: self._money(c, s))
                self._money(combo, scale)
                table.setCellWidget(r, 2, combo)
                table.setCellWidget(r, 3, scale)
            table.setColumnWidth(0, 40)
            table.setColumnWidth(1, 300)
            table.setColumnWidth(2, 200)
            self.tabs.addTab(table, layout.sheet)
            self.tables[layout.sheet] = table
        self.notes.setText("\n".join(plan.notes))

    @staticmethod
    def _money(combo: QComboBox, scale: QComboBox) -> None:
        field = combo.currentData()
        scale.setEnabled(field in ("total_investment", "invested_to_date", "annual_plan_investment",
                                   "annual_invested"))

    def chosen(self) -> dict[str, dict[int, tuple]]:
        out = {}
        for layout in self.wiz.plan.layouts:
            table = self.tables[layout.sheet]
            out[layout.sheet] = {col.index: (table.cellWidget(r, 2).currentData(), table.cellWidget(r, 3).currentData())
                                 for r, col in enumerate(layout.columns)}
        return out

    def validatePage(self) -> bool:  # noqa: N802
        self.wiz.mapping = self.chosen()
        return self.wiz.analyse()


class UnitsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("确认新单位"))
        self.setSubTitle(self.tr("以下单位名称在组合中找不到。导入时会新建它们；如果其实是已有单位的另一种写法，请在右侧选择对应的单位。"))
        self.table = _table([self.tr("表中写法"), self.tr("出现在"), self.tr("处理方式")], self)
        self.matched = QLabel(self)
        self.matched.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.matched)

    def initializePage(self) -> None:  # noqa: N802
        plan = self.wiz.plan
        units = sorted(self.wiz.session.pf.list("units"), key=lambda u: sort_key(u["name"]))
        self.table.setRowCount(len(plan.new_units))
        for r, unit in enumerate(plan.new_units):
            self.table.setItem(r, 0, QTableWidgetItem(unit.name))
            where = "、".join(unit.rows[:4]) + ("…" if len(unit.rows) > 4 else "")
            self.table.setItem(r, 1, QTableWidgetItem(where))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("新建单位（%1）").replace("%1", tr_enum(unit.kind)), None)
            for u in units:
                combo.addItem(self.tr("即已有单位：%1").replace("%1", u["name"]), u["id"])
            self.table.setCellWidget(r, 2, combo)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 260)
        lines = [self.tr("“%1”按已有单位“%2”处理").replace("%1", a).replace("%2", b)
                 for a, b in plan.matched_units.items()]
        self.matched.setText("\n".join(lines))

    def validatePage(self) -> bool:  # noqa: N802
        choices = dict(self.wiz.unit_choices)
        for r, unit in enumerate(self.wiz.plan.new_units):
            chosen = self.table.cellWidget(r, 2).currentData()
            if chosen:
                choices[unit.name] = chosen
        self.wiz.unit_choices = choices
        return self.wiz.analyse()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("预览"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.CommitButton, self.tr("导入"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.adds = plain_table(PlainRowsModel([self.tr("位置"), self.tr("名称"), self.tr("内容")], self), self)
        labels = {m: tr(update_modes.LABELS[m]) for m in update_modes.MODES}
        self.mode_choice = Choice(6, labels, self._row_mode, self._set_row_mode)  # 处理: per change
        self.updates = plain_table(PlainRowsModel([self.tr("位置"), self.tr("名称"), self.tr("字段"), self.tr("原值"),
                                                   self.tr("新值"), self.tr("说明"), self.tr("处理")], self,
                                                  self.mode_choice), self)
        self.modes = _table([self.tr("字段"), self.tr("更新时（按列）")], self)  # 覆盖/只补空白/跳过
        self.modes.setMaximumHeight(150)
        self.modes_hint = QLabel(self.tr("更新已有项目时每列的处理方式：覆盖、只补空白（原值为空才填）或跳过；"
                                         "可在“更新”页逐行改。备注中的出处引用始终保留。"), self)
        self.modes_hint.setWordWrap(True)
        self.blank_cells = QCheckBox(self)
        self.blank_cells.toggled.connect(self.completeChanged)
        self.rejected = plain_table(PlainRowsModel([self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("原因")],
                                                   self), self)
        self.readings = plain_table(PlainRowsModel([self.tr("说明")], self), self)
        self.partial = QCheckBox(self)
        self.partial.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.modes_hint)
        layout.addWidget(self.modes)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.blank_cells)
        layout.addWidget(self.partial)

    def initializePage(self) -> None:  # noqa: N802
        """The plan's rows go to the tables' models as they are; a row becomes text when it is
        painted (a city's preview: 10,000s of rows, a cell each field)."""
        plan = self.wiz.plan
        self.tabs.clear()
        self.adds.model().set_rows(plan.adds, lambda r: (r.where(), r.name,
                                                         "；".join(f"{c.label}：{c.new}" for c in r.changes)))
        changes = [(r, c) for r in plan.updates for c in r.changes]
        self.updates.model().set_rows(changes, lambda rc: (rc[0].where(), rc[0].name, rc[1].label, rc[1].old,
                                                           rc[1].new, rc[1].note))
        self._fill_modes(plan, changes)
        self.rejected.model().set_rows(plan.problems, lambda p: (
            p.sheet, str(p.row), f"{p.column}「{p.header}」" if p.column else "", p.reason))
        matched = [[self.tr("“%1”按已有单位“%2”处理").replace("%1", a).replace("%2", b)]
                   for a, b in plan.matched_units.items()]
        self.readings.model().set_rows([[line] for line in plan.reading_lines()] + matched)
        self.tabs.addTab(self.adds, self.tr("新增 %1").replace("%1", str(len(plan.adds))))
        self.tabs.addTab(self.updates, self.tr("更新 %1").replace("%1", str(len(plan.updates))))
        self.tabs.addTab(self.rejected, self.tr("无效 %1 行").replace("%1", str(len(plan.rejected_rows))))
        self.tabs.addTab(self.readings, self.tr("读法说明 %1").replace("%1", str(len(plan.readings))))
        parts = [self.tr("将新增 %1 条、更新 %2 条记录，新建 %3 个单位。").replace("%1", str(len(plan.adds)))
                 .replace("%2", str(len(plan.updates))).replace("%3", str(len(plan.new_units)))]
        if plan.template:
            parts.insert(0, self.tr("调度表：%1（导出于 %2）。").replace("%1", plan.template["unit"])
                         .replace("%2", plan.template["date"]))
        if plan.problems:
            parts.append(self.tr("有 %1 行无效（见“无效”页），默认不导入任何数据。").replace("%1", str(len(plan.rejected_rows))))
            self.tabs.setCurrentIndex(2)
        if not plan.rows:
            parts.append(self.tr("没有需要导入的变化。"))
        self.summary.setText("".join(parts))
        self.partial.setChecked(False)
        self.partial.setVisible(bool(plan.problems))
        self.blank_cells.setChecked(False)
        self.blank_cells.setVisible(bool(plan.cell_rows))
        self.blank_cells.setText(self.tr("导入有无法识别单元格的 %1 行，这些单元格留空")
                                 .replace("%1", str(len(plan.cell_rows))))
        self.partial.setText(self.tr("跳过这 %1 行无效数据，只导入其余有效的行").replace("%1", str(len(plan.rejected_rows))))

    def _mode_combo(self, parent, mode: str) -> QComboBox:
        combo = QComboBox(parent)
        for m in update_modes.MODES:
            combo.addItem(tr(update_modes.LABELS[m]), m)
        combo.setCurrentIndex(combo.findData(mode))
        return combo

    def _fill_modes(self, plan, changes) -> None:
        """One mode per column; each change shows its own (the column's unless set apart on the
        更新 page)."""
        fields = list(dict.fromkeys(c.field for _r, c in changes))
        labels = {c.field: c.label for _r, c in changes}
        self.modes.setRowCount(len(fields))
        self.column_modes: dict[str, QComboBox] = {}
        for i, name in enumerate(fields):
            self.modes.setItem(i, 0, QTableWidgetItem(labels[name]))
            combo = self._mode_combo(self.modes, plan.field_modes.get(name) or update_modes.default_mode(name))
            combo.currentIndexChanged.connect(lambda _i, n=name, c=combo: self._column_mode(n, c.currentData()))
            self.modes.setCellWidget(i, 1, combo)
            self.column_modes[name] = combo
        self.modes.setColumnWidth(0, 200)
        self.modes.setVisible(bool(fields))
        self.modes_hint.setVisible(bool(fields))

    def _row_mode(self, change) -> str:
        r, c = change
        return self.wiz.plan.mode(r.id, c.field)

    def _set_row_mode(self, change, mode: str) -> None:
        r, c = change
        self.wiz.plan.row_modes[(r.id, c.field)] = mode

    def _column_mode(self, name: str, mode: str) -> None:
        self.wiz.plan.field_modes[name] = mode  # rows follow their column unless set apart
        self.updates.model().choices_changed()

    def isComplete(self) -> bool:  # noqa: N802
        plan = self.wiz.plan
        if plan is None:
            return False
        blank = self.blank_cells.isChecked()
        unresolved = plan.row_problems if blank else plan.problems
        return bool(plan.rows or (blank and plan.cell_rows)) and (not unresolved or self.partial.isChecked())

    def validatePage(self) -> bool:  # noqa: N802
        if self.wiz._imported:  # written on the worker (below)
            self.wiz._imported = False
            return True
        plan = self.wiz.plan
        try:
            ops = plan.ops(partial=self.partial.isChecked(), blank_bad_cells=self.blank_cells.isChecked())
        except UserError:
            return False
        text = self.tr("导入 %1").replace("%1", plan.path.name)
        if len(ops) > ASYNC_ABOVE_OPS:
            self._import_in_background(ops, text)
            return False
        self.wiz.result_changes = self.wiz.session.try_do(ops, text, self)
        return self.wiz.result_changes is not None

    def _import_in_background(self, ops: list, text: str) -> None:
        """The same edit as session.try_do (one undoable edit, a refusal shown over the page), written
        on the worker lane while the window stays live; the wizard moves on when it is written."""
        wiz = self.wiz
        buttons = [wiz.button(b) for b in (QWizard.BackButton, QWizard.NextButton, QWizard.CancelButton)]
        for button in buttons:
            button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)

        def over() -> None:
            QGuiApplication.restoreOverrideCursor()
            for button in buttons:
                button.setEnabled(True)

        def written(changes) -> None:
            wiz.result_changes, wiz._imported = changes, True
            wiz.next()

        wiz.session.op(lambda pf: pf.apply(ops), parent=self, undo_text=text) \
            .always(over).success(written).run_in_background()


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("导入完成"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def initializePage(self) -> None:  # noqa: N802
        plan, changes = self.wiz.plan, self.wiz.result_changes
        units = sum(1 for r in changes.records if r.kind == "units") if changes else 0
        text = self.tr("已新增 %1 条、更新 %2 条记录，新建 %3 个单位。可以用“编辑 › 撤销”整体撤回这次导入。") \
            .replace("%1", str(len(plan.adds))).replace("%2", str(len(plan.updates))).replace("%3", str(units))
        if plan.problems:
            text += "\n" + self.tr("未导入的无效行：") + "\n" + "\n".join(p.text() for p in plan.problems[:30])
        self.label.setText(text)
