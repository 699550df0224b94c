"""合并: preview what a received file would change, then merge it (backup first, one transaction)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import UserError
from db.exchange.duplicates import merge_records_ops
from db.exchange.merge import ACTIONS, merge
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.table_menu import add_to_menu
from desktop.widgets.table_view import table_view
from desktop.worker import Background

COUNT_COLUMNS = [
    Column("kind_label", QT_TRANSLATE_NOOP("MergeDialog", "记录类型"), width=120),
    Column("added", QT_TRANSLATE_NOOP("MergeDialog", "新增"), "number", width=60),
    Column("updated", QT_TRANSLATE_NOOP("MergeDialog", "更新"), "number", width=60),
    Column("deleted", QT_TRANSLATE_NOOP("MergeDialog", "删除"), "number", width=60),
    Column("conflicts", QT_TRANSLATE_NOOP("MergeDialog", "冲突"), "number", width=60),
    Column("duplicates", QT_TRANSLATE_NOOP("MergeDialog", "疑似重复"), "number", width=70),
]
CHANGE_COLUMNS = [
    Column("label", QT_TRANSLATE_NOOP("MergeDialog", "记录"), width=260),
    Column("field_label", QT_TRANSLATE_NOOP("MergeDialog", "字段"), width=120),
    Column("mine", QT_TRANSLATE_NOOP("MergeDialog", "本地值"), width=200),
    Column("theirs", QT_TRANSLATE_NOOP("MergeDialog", "对方值"), width=200),
    Column("conflict_label", QT_TRANSLATE_NOOP("MergeDialog", "冲突"), width=60),
]
DUPLICATE_COLUMNS = [
    Column("kind_label", QT_TRANSLATE_NOOP("MergeDialog", "记录类型"), width=100),
    Column("incoming", QT_TRANSLATE_NOOP("MergeDialog", "对方新增"), width=260),
    Column("local", QT_TRANSLATE_NOOP("MergeDialog", "本地已有"), width=260),
]


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "、".join(map(str, value))
    return str(value)


def change_rows(plan, yes: str) -> list[dict]:
    """One row per changed field (conflicts first), as the dialog lists them; `yes` marks a conflict."""
    rows = []
    seen = set()
    for c in plan.conflicts + plan.changes:
        key = (c.kind, c.id, c.field)
        if key in seen:
            continue
        seen.add(key)
        f = KINDS[c.kind].field(c.field)
        rows.append({"id": "|".join(key), "label": c.label, "field_label": tr(f.label) if f else c.field,
                     "mine": _text(c.mine), "theirs": _text(c.theirs), "conflict_label": yes if c.conflict else ""})
    return rows


class MergeDialog(QDialog):
    def __init__(self, session, source: Path, parent=None):
        super().__init__(parent)
        self.session = session
        self.source = Path(source)
        self.result_plan = None
        self.refused = False
        self.background = Background(self)
        self.setWindowTitle(self.tr("合并文件：%1").replace("%1", self.source.name))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.counts = RecordTableModel(COUNT_COLUMNS, self)
        self.changes = RecordTableModel(CHANGE_COLUMNS, self)
        self.duplicates = RecordTableModel(DUPLICATE_COLUMNS, self)
        tabs = QTabWidget(self)
        tabs.addTab(table_view(self.counts), self.tr("按类型统计"))
        tabs.addTab(table_view(self.changes), self.tr("字段变化"))
        self.duplicates_view = table_view(self.duplicates)
        self.join_button = QPushButton(self.tr("合并所选的两条记录"), self)
        self.join_button.setEnabled(False)
        self.join_button.clicked.connect(self.join_selected)
        add_to_menu(self.duplicates_view, self.join_button)
        dup_page = QWidget(self)
        dup_layout = QVBoxLayout(dup_page)
        dup_layout.addWidget(self.duplicates_view, 1)
        dup_layout.addWidget(QLabel(self.tr("合并后保留本地记录，对方记录的引用改指向它，空白字段用对方的值补齐；可撤销。"), self))
        dup_layout.addWidget(self.join_button)
        tabs.addTab(dup_page, self.tr("疑似重复"))
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("合并"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.Cancel)
        self.merge_button.clicked.connect(self.do_merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 900, 560)

    # -- checking and merging run on the worker: at city scale each takes a few seconds -------
    def start(self) -> None:
        """Check the file in the background; the dialog shows what would change when known."""
        self.refused = False
        self.summary.setText(self.tr("正在检查“%1”…").replace("%1", self.source.name))
        self.merge_button.setEnabled(False)
        pf, source, yes = self.session.pf, self.source, self.tr("是")

        def check():  # on the worker: the plan and its rows (a 10% merge at city: 12,000 changes)
            plan = merge(pf, source, dry_run=True)
            return plan, change_rows(plan, yes)
        self.background.submit(check, lambda out: self._previewed(*out), self._refuse)

    def preview(self) -> bool:
        """Check the file now and show what would change. False (with a message) if it is refused."""
        self.start()
        self.wait()
        return not self.refused

    def wait(self) -> None:
        """Until the check or the merge under way is done and shown."""
        self.background.wait()
        QApplication.processEvents()

    def _previewed(self, plan, rows: list[dict] | None = None) -> None:
        self._show(plan, self.tr("以下是合并“%1”将带来的变化，确认后才会写入（合并前自动备份，可撤销）。")
                   .replace("%1", self.source.name), rows)
        self.merge_button.setEnabled(not self.session.readonly and bool(plan.rows))

    def _refuse(self, exc) -> None:
        self.refused = True
        if not isinstance(exc, UserError):
            raise exc  # a bug, not the file: the app's error dialog reports it
        QMessageBox.warning(self.parent() or self, self.tr("不能合并"), str(exc))
        self.reject()

    def _show(self, plan, text: str, rows: list[dict] | None = None) -> None:
        """`rows`: the changes' rows when made on the worker with the plan."""
        t = plan.totals()
        self.summary.setText(text + "\n" + self.tr("新增 %1，更新 %2，删除 %3，冲突 %4，疑似重复 %5")
                             .replace("%1", str(t["added"])).replace("%2", str(t["updated"]))
                             .replace("%3", str(t["deleted"])).replace("%4", str(t["conflicts"]))
                             .replace("%5", str(t["duplicates"])))
        self.counts.set_rows([{"id": k, "kind_label": tr(KINDS[k].label), **c} for k, c in plan.counts.items()
                              if any(c[a] for a in ACTIONS)])
        self.changes.set_rows(rows if rows is not None else change_rows(plan, self.tr("是")))
        self.duplicates.set_rows([{"id": d["incoming_id"], "kind_label": tr(KINDS[d["kind"]].label), **d}
                                  for d in plan.duplicates])

    def do_merge(self) -> None:
        self.merge_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.Cancel)
        cancel.setEnabled(False)  # the merge is one transaction: it finishes either way
        self.summary.setText(self.tr("正在合并“%1”…").replace("%1", self.source.name))
        source = self.source

        def refused(exc) -> None:
            cancel.setEnabled(True)
            QMessageBox.warning(self, self.tr("不能合并"), str(exc))
        yes = self.tr("是")

        def write(pf):  # on the worker: the merge, and the rows the dialog then lists
            plan = merge(pf, source)
            return plan, change_rows(plan, yes)
        self.session.op(write, parent=self, changes=lambda out: out[0].changes_made) \
            .success(lambda out: self._merged(*out)).failure(refused).run_in_background()

    def _merged(self, plan, rows: list[dict] | None = None) -> None:
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(True)
        self.result_plan = plan  # the session has told every screen (everything changed)
        self._show(plan, self.tr("已合并“%1”。合并前的备份：%2。如需撤销，请在“文件 → 合并记录”中撤销此次合并。")
                   .replace("%1", self.source.name).replace("%2", str(plan.backup)), rows)
        self.merge_button.setEnabled(False)
        self.join_button.setEnabled(bool(plan.duplicates) and not self.session.readonly)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("关闭"))

    def join_selected(self) -> None:
        """Make the received duplicate part of our record (after the merge brought it in)."""
        for index in self.duplicates_view.selectionModel().selectedRows():
            d = self.duplicates.data(index, ROW_ROLE)
            ops = merge_records_ops(self.session.pf, d["kind"], d["local_id"], d["incoming_id"])
            if ops:
                self.session.try_do(ops, self.tr("合并重复记录：%1").replace("%1", str(d["local"])), self)
        remaining = [r for r in self.duplicates.rows if self.session.pf.get(r["kind"], r["incoming_id"]) is not None]
        self.duplicates.set_rows(remaining)
        self.join_button.setEnabled(bool(remaining))
