"""规划核实: settle the 待核实 targets of plans whose period has ended, many at a time (issue #17).

Filter by plan, 专栏/章节 and unit, select rows (Ctrl+A selects what the filters show), then mark
them 已完成 (on a date, or each on its own planned date), 未完成, or 转入新规划 (a new target in a
current plan, linked to the old one). Each action is one edit on the undo stack (Ctrl+Z).
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import plans
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.pinyin import sort_key
from db.rows import plan_review
from desktop.widgets.filter_combos import filter_combos, refill
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.flow import FlowLayout
from desktop.widgets.record_table import ROW_ROLE, Column
from desktop.widgets.table_menu import add_to_menu

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("PlanReview", "状态"), "colour", tooltip_key="reason", width=70),
    Column("kind_label", QT_TRANSLATE_NOOP("PlanReview", "类型"), width=60),
    Column("name", QT_TRANSLATE_NOOP("PlanReview", "目标"), width=260),
    Column("owner", QT_TRANSLATE_NOOP("PlanReview", "所属项目/指标表"), width=200),
    Column("unit_names", QT_TRANSLATE_NOOP("PlanReview", "责任单位"), width=140),
    Column("planned", QT_TRANSLATE_NOOP("PlanReview", "计划日期"), "date", width=90),
    Column("target", QT_TRANSLATE_NOOP("PlanReview", "目标值"), width=110),
    Column("outcome_label", QT_TRANSLATE_NOOP("PlanReview", "完成情况"), width=80),
    Column("section", QT_TRANSLATE_NOOP("PlanReview", "专栏/章节"), width=90),
    Column("plan", QT_TRANSLATE_NOOP("PlanReview", "规划"), width=150),
    Column("source_text", QT_TRANSLATE_NOOP("PlanReview", "原文"), width=300),
]


CRITERION = {"unit": "units"}  # a target has several units: the filter keeps those holding the one chosen


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


class PlanReviewScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.all_rows: list[dict] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.filters = filter_combos(self, ("plan", "section", "unit", "kind"), self._filter_changed, 8)
        self.show_settled = QCheckBox(self)
        self.show_settled.toggled.connect(self.reload)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        filters = FlowLayout(fill=True)  # wraps rather than widen the window
        for combo in self.filters.values():
            filters.addWidget(combo)
        bar.addLayout(filters, 1)
        bar.addWidget(self.show_settled)
        bar.addWidget(self.count)

        # the app's filtered table, its drop-downs for criteria (no search box: the targets are few)
        self.list = FilteredTable(COLUMNS, None, lambda _n: "", self, search_bar=False)
        self.list.layout().setContentsMargins(0, 0, 0, 0)
        self.list.search.hide()
        self.list.count_label.hide()
        self.model, self.table = self.list.model, self.list.table  # the rows shown
        self.table.setSelectionMode(QTableView.ExtendedSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_count())
        self.model.modelReset.connect(self._update_count)

        self.select_all = QPushButton(self)
        self.select_all.clicked.connect(self.table.selectAll)
        self.done_button = QPushButton(self)
        self.done_button.clicked.connect(self.mark_done)
        self.on_planned = QRadioButton(self)
        self.on_date = QRadioButton(self)
        self.on_planned.setChecked(True)
        self.done_date = QDateEdit(self)
        self.done_date.setCalendarPopup(True)
        self.done_date.setDisplayFormat("yyyy-MM-dd")
        self.not_done_button = QPushButton(self)
        self.not_done_button.clicked.connect(self.mark_not_done)
        self.carry_button = QPushButton(self)
        self.carry_button.clicked.connect(self.carry)
        actions = FlowLayout()
        actions.addWidget(self.select_all)
        actions.addStretch(1)
        for w in (self.done_button, self.on_planned, self.on_date, self.done_date, self.not_done_button,
                  self.carry_button):
            actions.addWidget(w)

        add_to_menu(self.table, self.done_button, self.not_done_button, self.carry_button, None, self.select_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        session.changed.connect(self._on_changes)
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    # -- data ----------------------------------------------------------------------------
    def _on_changes(self, changes) -> None:
        if changes.everything or changes.kinds() & {"milestones", "indicators", "indicator_values", "projects",
                                                     "settings", "units"}:
            self.reload()

    def reload(self) -> None:
        if self.pf is None:
            return
        self.done_date.setDate(_qdate(self.pf.today()))
        rows = plan_review.review_rows(self.pf, settled=self.show_settled.isChecked())
        kinds = {"milestones": self.tr("里程碑"), "indicators": self.tr("指标")}
        for r in rows:
            r["kind_label"] = kinds[r["kind"]]
            r["unit_names"] = "、".join(r["units"])
            r["outcome_label"] = tr_enum(r["outcome"]) if r["outcome"] else self.tr("待核实")
        self.all_rows = rows
        self._fill_choices()
        self._apply_filters()
        self.list.set_rows(rows)
        for w in (self.done_button, self.not_done_button, self.carry_button):
            w.setEnabled(not self.session.readonly)

    def _fill_choices(self) -> None:
        """The filters' choices: plans from every row; 专栏/章节 and units from the rows of the
        chosen plan (and kind), so every choice shows something."""
        rows = self.all_rows
        plan, kind = self.filters["plan"].currentData(), self.filters["kind"].currentData()
        narrowed = [r for r in rows if (not plan or r["plan"] == plan) and (not kind or r["kind"] == kind)]
        choices = {
            "plan": [(p, p) for p in dict.fromkeys(r["plan"] for r in rows)],
            "section": [(s, s) for s in sorted({r["section"] for r in narrowed if r["section"]}, key=sort_key)],
            "unit": [(u, u) for u in sorted({u for r in narrowed for u in r["units"]}, key=sort_key)],
            "kind": [("milestones", self.tr("里程碑")), ("indicators", self.tr("指标"))],
        }
        alls = {"plan": self.tr("全部规划"), "section": self.tr("全部专栏/章节"), "unit": self.tr("全部责任单位"),
                "kind": self.tr("里程碑和指标")}
        for key, combo in self.filters.items():
            refill(combo, alls[key], choices[key])

    def _filter_changed(self, key: str) -> None:
        if key in ("plan", "kind"):
            self._fill_choices()
        self._apply_filters()

    def _apply_filters(self, *_) -> None:
        """The chosen plan, section, unit (one of a row's units) and kind (db/rows/search.meets)."""
        self.list.set_criteria({CRITERION.get(k, k): c.currentData() for k, c in self.filters.items()})

    def set_filter(self, key: str, value: str | None) -> None:
        combo = self.filters[key]
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def selected_rows(self) -> list[dict]:
        return [self.model.data(i, ROW_ROLE) for i in self.table.selectionModel().selectedRows()]

    def _update_count(self) -> None:
        rows = self.model.rows
        ms = sum(r["kind"] == "milestones" for r in rows)
        self.count.setText(self.tr("里程碑 %1 个，指标 %2 个；已选 %3 个").replace("%1", str(ms))
                           .replace("%2", str(len(rows) - ms)).replace("%3", str(len(self.selected_rows()))))

    # -- actions -------------------------------------------------------------------------
    def _settle(self, rows: list[dict], text: str, make_ops) -> bool:
        """Apply the ops `make_ops()` builds as one undoable edit named `text` (%1: how many)."""
        if not rows or self.session.readonly:
            return False
        try:
            ops = make_ops()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("规划核实"), str(exc))
            return False
        return self.session.try_do(ops, text.replace("%1", str(len(rows))), self) is not None

    @staticmethod
    def _items(rows: list[dict]) -> list[tuple[str, str]]:
        return [(r["kind"], r["id"]) for r in rows]

    def mark_done(self) -> bool:
        rows = self.selected_rows()
        if self.on_date.isChecked():
            date = self.done_date.date().toString("yyyy-MM-dd")
            return self._settle(rows, self.tr("标记已完成（%1 项）"),
                                lambda: plan_review.settle_ops(self.pf, self._items(rows), plan_review.DONE, date))

        def each_on_its_date():  # a target without a date: its plan's last day; none after today
            known, today, by_date = plans.plans(self.pf), self.pf.today().isoformat(), {}
            for r in rows:
                by_date.setdefault(min(r["planned"] or known[r["plan"]].end_date.isoformat(), today), []).append(r)
            return [op for date, group in by_date.items()
                    for op in plan_review.settle_ops(self.pf, self._items(group), plan_review.DONE, date)]
        return self._settle(rows, self.tr("标记已完成（%1 项）"), each_on_its_date)

    def mark_not_done(self) -> bool:
        rows = self.selected_rows()
        return self._settle(rows, self.tr("标记未完成（%1 项）"),
                            lambda: plan_review.settle_ops(self.pf, self._items(rows), plan_review.NOT_DONE))

    def carry(self) -> bool:
        rows = self.selected_rows()
        if not rows or self.session.readonly:
            return False
        dialog = CarryDialog(self.pf, self)
        if not dialog.exec():
            return False
        plan, extra = dialog.chosen()
        due = dialog.due.date().toString("yyyy-MM-dd")
        return self._settle(rows, self.tr("转入新规划（%1 项）"), lambda: extra + plan_review.settle_ops(
            self.pf, self._items(rows), plan_review.CARRIED, None, plan, due))

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "规划期已结束、尚未填报完成情况的里程碑和指标目标为“待核实”（灰色），不算逾期，也不计入按期率。"
            "可按规划、专栏/章节、责任单位筛选，选中多项（Ctrl+A 全选筛选结果）后"
            "标记已完成（按各自计划日期或指定日期）、"
            "未完成，或转入新规划（在规划期未结束的规划中新建目标并保留与原目标的关联）。每次标记都可撤销（Ctrl+Z）。"))
        self.show_settled.setText(self.tr("含已填报"))
        self.select_all.setText(self.tr("全选"))
        self.done_button.setText(self.tr("标记已完成"))
        self.on_planned.setText(self.tr("按计划日期"))
        self.on_date.setText(self.tr("完成日期："))
        self.not_done_button.setText(self.tr("标记未完成"))
        self.carry_button.setText(self.tr("转入新规划…"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, len(COLUMNS) - 1)
        self.reload()


class CarryDialog(QDialog):
    """Which current plan the targets go into (or a new one), and the new targets' date."""

    def __init__(self, pf, parent=None):
        super().__init__(parent)
        self.pf = pf
        self.setWindowTitle(self.tr("转入新规划"))
        self.plan = QComboBox(self)
        for p in plans.current_plans(pf):
            self.plan.addItem(p.label(), p.name)
        self.plan.addItem(self.tr("新增规划…"), None)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("如：高新区十五五科技规划"))
        year = pf.today().year
        self.start, self.end = QSpinBox(self), QSpinBox(self)
        for w, value in ((self.start, year), (self.end, year + 4)):
            w.setRange(1949, 2100)
            w.setValue(value)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(self.tr("转入规划"), self.plan)
        form.addRow(self.tr("新规划名称"), self.name)
        form.addRow(self.tr("规划期起"), self.start)
        form.addRow(self.tr("规划期止"), self.end)
        form.addRow(self.tr("新目标计划日期"), self.due)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.plan.currentIndexChanged.connect(self._sync)
        self.end.valueChanged.connect(self._sync)
        self._sync()

    def _new(self) -> bool:
        return self.plan.currentData() is None

    def _sync(self, *_) -> None:
        for w in (self.name, self.start, self.end):
            w.setEnabled(self._new())
        end = self.end.value() if self._new() else plans.plans(self.pf)[self.plan.currentData()].end
        self.due.setDate(QDate(end, 12, 31))

    def chosen(self):
        """(the plan, the ops that record it when it is new)."""
        if not self._new():
            return plans.plans(self.pf)[self.plan.currentData()], []
        name = self.name.text().strip()
        ops = plans.plan_ops(self.pf, name, self.start.value(), self.end.value())
        return plans.Plan(name, name, self.start.value(), self.end.value()), ops

    def accept(self) -> None:
        try:
            plan, _ops = self.chosen()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        if plan.ended(self.pf.today()):
            QMessageBox.warning(self, self.windowTitle(), self.tr("新规划的规划期已结束，不能转入。"))
            return
        super().accept()
