"""Asked at 同步 when the hub wants a password libpq could not find (no pass file entry): masked,
kept by the caller in memory for this session only — never in settings or the portfolio."""
from __future__ import annotations

import urllib.parse

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout


class HubPasswordDialog(QDialog):
    def __init__(self, url: str, parent=None):
        super().__init__(parent)
        parsed = urllib.parse.urlparse(url)
        where = f"{parsed.hostname or ''}{parsed.path}"
        self.setWindowTitle(self.tr("同步中心密码"))
        self.label = QLabel(self.tr("同步中心 %1 要求账号 %2 的密码。").replace("%1", where)
                            .replace("%2", parsed.username or ""), self)
        self.label.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        note = QLabel(self.tr("密码只在本次运行中记住，不会保存到设置或组合文件。若要免输入，请写入 PostgreSQL 密码文件"
                              "（~/.pgpass，或环境变量 PGPASSFILE 指定的文件）。"), self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.password.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(text)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.password)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
