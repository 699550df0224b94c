"""备份: the automatic backups of a portfolio file, newest first, and restoring one.

With an open portfolio, restoring goes through the portfolio (its current state is backed up
first); at start-up, for a file that cannot be opened, the dialog just picks the backup to use.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from db.i18n import QT_TRANSLATE_NOOP
from db.store import backups
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.table_menu import add_to_menu
from desktop.widgets.table_view import table_view

COLUMNS = [
    Column("time_text", QT_TRANSLATE_NOOP("BackupsDialog", "时间"), width=150),
    Column("reason_label", QT_TRANSLATE_NOOP("BackupsDialog", "原因"), width=140),
    Column("size_text", QT_TRANSLATE_NOOP("BackupsDialog", "大小"), width=80),
    Column("name", QT_TRANSLATE_NOOP("BackupsDialog", "文件"), width=360),
]


class BackupsDialog(QDialog):
    def __init__(self, session, parent=None, path: Path | None = None):
        super().__init__(parent)
        self.session = session
        self.path = Path(path) if path else session.pf.path
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("备份"))
        self.model = RecordTableModel(COLUMNS, self)
        self.table = table_view(self.model, self, single=True)
        info = QLabel(self.tr("自动备份保存在：%1").replace("%1", str(backups.backups_dir(self.path))), self)
        info.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("用所选备份恢复"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        add_to_menu(self.table, self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        resize_to_fit(self, 820, 380)
        self.reload()

    def reload(self) -> None:
        reasons = {"before-merge": self.tr("合并前"), "before-restore": self.tr("恢复前"), "v": self.tr("升级前")}
        rows = []
        for b in backups.list_backups(self.path):
            reason = b["reason"]
            label = (self.tr("每日自动") if reason.startswith("daily") else
                     reasons.get(reason, reasons["v"] if reason.startswith("v") else reason))
            rows.append({"id": str(b["path"]), "path": b["path"], "name": b["path"].name,
                         "time_text": b["time"].strftime("%Y-%m-%d %H:%M:%S"), "reason_label": label,
                         "size_text": f"{b['size'] / 2**20:.1f} MB"})
        self.model.set_rows(rows)
        self.restore_button.setEnabled(bool(rows) and (self.session is None or not self.session.readonly))
        if rows:
            self.table.selectRow(0)

    def selected(self) -> Path | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], ROW_ROLE)["path"] if indexes else None

    def restore_selected(self, confirm: bool = True) -> None:
        backup = self.selected()
        if backup is None:
            return
        if self.session is None:  # start-up: the caller restores the closed file
            self.chosen = backup
            self.accept()
            return
        if confirm and QMessageBox.question(
                self, self.tr("恢复备份"), self.tr("用“%1”替换当前组合？当前状态会先另行备份，可再恢复。")
                .replace("%1", backup.name), QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        if self.session.op(lambda pf: pf.restore_from(backup), parent=self, title=self.tr("恢复备份")).run() is None:
            return
        self.chosen = backup
        self.reload()
