"""备份: the automatic backups of a portfolio file, newest first, and restoring one.

With an open portfolio, restoring goes through the portfolio on the worker lane (its current
state is backed up first; the window follows through the session's `changed`); at start-up, for a
file that cannot be opened, the dialog just picks the backup to use.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from db.i18n import QT_TRANSLATE_NOOP
from db.store import backups
from desktop.dialogs.table_dialog import TableDialog
from desktop.widgets.record_table import Column

COLUMNS = [
    Column("time_text", QT_TRANSLATE_NOOP("BackupsDialog", "时间"), width=150),
    Column("reason_label", QT_TRANSLATE_NOOP("BackupsDialog", "原因"), width=140),
    Column("size_text", QT_TRANSLATE_NOOP("BackupsDialog", "大小"), width=80),
    Column("name", QT_TRANSLATE_NOOP("BackupsDialog", "文件"), width=360),
]


class BackupsDialog(TableDialog):
    def __init__(self, session, parent=None, path: Path | None = None):
        super().__init__(session, COLUMNS, parent, single=True, size=(820, 380))
        self.path = Path(path) if path else session.pf.path
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("备份"))
        self.set_note(self.tr("自动备份保存在：%1").replace("%1", str(backups.backups_dir(self.path))))
        self.restore_button = self.add_action(self.tr("用所选备份恢复"), self.restore_selected)
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
        rows = self.selected_rows()
        return rows[0]["path"] if rows else None

    def restore_selected(self, confirm: bool = True) -> None:
        """Restore the selected backup (on the worker lane: `chosen` is set once it is done)."""
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
        self.replace_file(lambda pf: pf.restore_from(backup), self.tr("恢复备份"),
                          lambda _changes: setattr(self, "chosen", backup))
