"""The 佐证材料 of one record (issue #18): thumbnails with their 拍摄日期, and 添加附件 / 打开 /
另存为 / 删除. Changes go through session.op (one undoable edit each); 打开 hands a copy (named by
its content's type, in a private temp folder) to the system viewer, only on the user's click —
the app itself never opens or runs an attached file."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from db.attachments import attach, sniff
from db.errors import UserError
from db.store.changes import Changes, Delete
from desktop import save_folder
from desktop.watch import watch
from desktop.widgets.flow import FlowLayout

ID_ROLE = Qt.UserRole + 1
THUMB = 120


class AttachmentsPanel(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.owner_id: str | None = None
        self.owner_label = ""
        self._viewing = tempfile.TemporaryDirectory(prefix="kechuang-view-")  # removed with the panel
        self.title = QLabel(self)
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 48))
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setMovement(QListWidget.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(THUMB // 2)  # scrolls: a small laptop window keeps its other panes
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._enable)
        self.buttons: dict[str, QPushButton] = {}
        bar = FlowLayout()  # wraps on a narrow detail pane
        for key, slot in (("add", self.add_files), ("open", self.open_selected), ("save", self.save_selected),
                          ("delete", self.delete_selected)):
            button = QPushButton(self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        watch(session, "attachments", lambda _changes: self.refresh())
        self.retranslate()

    def show_owner(self, owner_id: str | None, label: str = "") -> None:
        self.owner_id, self.owner_label = owner_id, label
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        pf = self.session.pf
        items = []
        if pf is not None and self.owner_id:
            try:
                items = attach.attachments_of(pf, self.owner_id)
            except UserError:  # the owner was deleted meanwhile
                self.owner_id = None
        self.title.setText(self.tr("佐证材料（%1）%2").replace("%1", str(len(items)))
                           .replace("%2", f"— {self.owner_label}" if self.owner_label else ""))
        thumbs = pf.thumbnails(a["sha256"] for a in items) if items else {}
        for rec in items:
            text = rec["name"]
            if rec.get("taken_on"):
                text += "\n" + self.tr("拍摄日期 %1").replace("%1", rec["taken_on"])
            item = QListWidgetItem(self._icon(rec, thumbs.get(rec["sha256"])), text)
            item.setData(ID_ROLE, rec["id"])
            item.setToolTip(attach.describe(rec) + (f"\n{rec['note']}" if rec.get("note") else ""))
            self.list.addItem(item)
        self._enable()

    def _icon(self, rec: dict, thumb: bytes | None) -> QIcon:
        if thumb:
            pixmap = QPixmap()
            if pixmap.loadFromData(thumb, "PNG"):  # our own thumbnail, made from checked bytes
                return QIcon(pixmap)
        kind = QStyle.SP_FileDialogDetailedView if rec["media_type"] in (sniff.DOCX, sniff.XLSX, sniff.PDF) \
            else QStyle.SP_FileIcon
        return self.style().standardIcon(kind)

    def _enable(self) -> None:
        writable = self.session.pf is not None and not self.session.readonly and self.owner_id is not None
        chosen = self.selected_id() is not None
        self.buttons["add"].setEnabled(writable)
        self.buttons["open"].setEnabled(chosen)
        self.buttons["save"].setEnabled(chosen)
        self.buttons["delete"].setEnabled(chosen and writable)

    def selected_id(self) -> str | None:
        items = self.list.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    # -- actions -------------------------------------------------------------------------
    def add_files(self) -> None:
        if not self.owner_id:
            return
        paths = save_folder.open_names(self, self.tr("添加附件"),
                                       self.tr("照片和文件 (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx);;"
                                               "所有文件 (*)"))
        for path in paths:
            self.attach_path(Path(path))

    def attach_path(self, path: Path) -> Changes | None:
        """Attach one file (a refused one says why in a message box); what changed, or None."""
        owner = self.owner_id
        return self.session.op(lambda pf: attach.attach(pf, owner, path)[1], parent=self,
                               title=self.tr("无法添加附件"),
                               undo_text=self.tr("添加附件“%1”").replace("%1", path.name)).run()

    def open_selected(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        try:
            path = attach.viewing_copy(self.session.pf, aid, Path(self._viewing.name))
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法打开附件"), str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_selected(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        rec = self.session.pf.get("attachments", aid)
        target = save_folder.save_name(self, self.tr("另存为"), rec["name"], self.tr("所有文件 (*)"))
        if target:
            self.save_to(aid, Path(target))

    def save_to(self, aid: str, target: Path) -> Path | None:
        try:
            return attach.save_out(self.session.pf, aid, target)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法保存附件"), str(exc))
            return None

    def delete_selected(self) -> None:
        aid = self.selected_id()
        if aid is None:
            return
        name = self.session.pf.get("attachments", aid)["name"]
        if QMessageBox.question(self, self.tr("删除附件"), self.tr("删除附件“%1”？可以撤销。").replace("%1", name),
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) == QMessageBox.Yes:
            self.delete(aid)

    def delete(self, aid: str) -> Changes | None:
        name = self.session.pf.get("attachments", aid)["name"]
        return self.session.try_do([Delete("attachments", aid)], self.tr("删除附件“%1”").replace("%1", name), self)

    def changeEvent(self, event) -> None:  # noqa: N802 — its owners need not pass a language switch on
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for key, text in (("add", self.tr("添加附件")), ("open", self.tr("打开")), ("save", self.tr("另存为")),
                          ("delete", self.tr("删除"))):
            self.buttons[key].setText(text)
        self.refresh()
