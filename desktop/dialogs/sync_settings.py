"""同步设置: this portfolio's exchange folder and PostgreSQL hub (kept in the file's local sync
state, never exported; no password — see db/exchange/sync_settings.py)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from db.exchange import sync_settings


class SyncSettingsDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("同步设置"))
        current = sync_settings.where(session.pf)
        self.folder = QLineEdit(current["folder"], self)
        self.folder.setPlaceholderText(self.tr("各单位共用的文件夹（Syncthing、网络共享或同步盘）"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse)
        self.hub = QLineEdit(current["hub"], self)
        self.hub.setPlaceholderText("postgresql://unit_a@hub.example.gov.cn/kechuang")
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("交换文件夹"), row)
        form.addRow(self.tr("同步中心（PostgreSQL）"), self.hub)
        note = QLabel(self.tr(
            "两项可只填一项，也可都填（先交换文件夹，后同步中心）。设置只保存在本组合文件中，导出时不会带出。"
            "同步中心的密码不要写在地址里：请写入 PostgreSQL 密码文件（~/.pgpass，或环境变量 PGPASSFILE 指定的文件），"
            "由 PostgreSQL 驱动读取；没有密码文件时，同步时会询问密码，只在本次运行中记住。"), self)
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择交换文件夹"), self.folder.text())
        if name:
            self.folder.setText(name)

    def _refused(self, exc) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def save(self) -> None:
        folder, hub = self.folder.text(), self.hub.text()
        done = self.session.op(lambda pf: sync_settings.set_where(pf, folder, hub), parent=self,
                               title=self.tr("同步设置")).failure(self._refused).run()
        if done is not None:
            self.accept()
