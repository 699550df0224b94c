"""单位: every unit with how many records name it; edit one, add one, merge duplicates (issue #21).

A merge moves every reference to the kept unit and deletes the others through the write path
(db/unit_merge.py), as one edit that undo takes back and a merge of files carries."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.i18n import tr_enum
from db.pinyin import sort_key
from db.unit_merge import duplicate_groups, merge_ops
from desktop.dialogs.record import RecordDialog
from desktop.watch import watch
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.table_menu import add_to_menu


class UnitsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("单位"))
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("名称"), self.tr("简称"), self.tr("类型"),
                                              self.tr("区县/片区"), self.tr("引用")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 300)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.duplicates_label = QLabel(self)
        self.duplicates_label.setWordWrap(True)
        self.duplicates_label.setStyleSheet("color: #8a6d00")
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("新建单位…"), self.add), (self.tr("编辑…"), self.edit),
                           (self.tr("合并所选单位…"), self.merge)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=slot: s())
            button.setEnabled(not session.readonly or slot == self.edit)
            buttons.addWidget(button)
            add_to_menu(self.table, button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.duplicates_label)
        layout.addLayout(buttons)
        resize_to_fit(self, 760, 560)
        watch(session, "units", lambda _changes: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        pf = self.session.pf
        units = sorted(pf.list("units"), key=lambda u: sort_key(u["name"]))
        self.table.setRowCount(len(units))
        for r, u in enumerate(units):
            uses = pf.references(u["id"])
            for c, text in enumerate((u["name"], u["short_name"] or "", tr_enum(u["kind"]), u["region"] or "",
                                      str(uses))):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, u["id"])
                self.table.setItem(r, c, item)
        groups = duplicate_groups(pf)
        self.duplicates_label.setText(
            self.tr("疑似重复（去掉“有限公司”、空格和全角写法后名称相同），可选中后合并：") + "\n" +
            "\n".join("、".join(f"「{u['name']}」" for u in g) for g in groups) if groups else "")

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(Qt.UserRole) for r in rows]

    def select_ids(self, ids: list[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.MultiSelection)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.UserRole) in ids:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def add(self) -> None:
        RecordDialog(self.session, "units", None, parent=self).exec()

    def edit(self) -> None:
        ids = self.selected_ids()
        if ids:
            RecordDialog(self.session, "units", self.session.pf.get("units", ids[0]), parent=self).exec()

    def merge(self, keep_id: str | None = None) -> None:
        pf = self.session.pf
        ids = self.selected_ids()
        if len(ids) < 2 or self.session.readonly:
            QMessageBox.information(self, self.tr("合并单位"), self.tr("请先选中两个或更多要合并的单位。"))
            return
        units = [pf.get("units", i) for i in ids]
        if keep_id is None:
            names = [u["name"] for u in units]
            name, ok = QInputDialog.getItem(self, self.tr("合并单位"),
                                            self.tr("保留哪个单位？其余单位的引用将改为它。"), names, 0, False)
            if not ok:
                return
            keep_id = units[names.index(name)]["id"]
        keep = pf.get("units", keep_id)
        drop = [u for u in units if u["id"] != keep_id]
        text = self.tr("将 %1 合并到「%2」：引用它们的项目、里程碑、榜单等改为「%2」，然后删除它们。可以撤销。") \
            .replace("%1", "、".join(f"「{u['name']}」" for u in drop)).replace("%2", keep["name"])
        if QMessageBox.question(self, self.tr("合并单位"), text, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) != QMessageBox.Yes:
            return
        self.session.try_do(merge_ops(pf, keep_id, [u["id"] for u in drop]),
                            self.tr("合并单位到「%1」").replace("%1", keep["name"]), self)
