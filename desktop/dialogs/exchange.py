"""导出 (the whole portfolio or a unit's/category's slice), 冲突 review and 合并记录 (with undo, on the worker
lane like a merge); the last two are table dialogs (desktop/dialogs/table_dialog.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from db import formatting, model
from db.errors import UserError
from db.exchange import changeset, conflicts
from db.exchange.export import export
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.pinyin import sort_key
from desktop import save_folder
from desktop.dialogs.table_dialog import TableDialog
from desktop.widgets.record_table import Column


class ExportDialog(QDialog):
    def __init__(self, session, parent=None, selected_project_ids: list[str] = ()):
        super().__init__(parent)
        self.session = session
        self.selected_project_ids = list(selected_project_ids)
        self.setWindowTitle(self.tr("导出组合文件"))
        self.whole = QRadioButton(self.tr("整个组合"), self)
        self.by_unit = QRadioButton(self.tr("某责任单位的项目（发给该单位填报）"), self)
        self.by_category = QRadioButton(self.tr("某类别的项目"), self)
        self.by_selection = QRadioButton(
            self.tr("项目台账中选中的 %n 个项目", "", len(self.selected_project_ids)), self)
        self.by_selection.setEnabled(bool(self.selected_project_ids))
        self.by_peer = QRadioButton(self.tr("只导出对方未确认的变更（--since-last）"), self)
        self.peer = QComboBox(self)
        self.peer.addItems(self._peer_names(session.pf))
        self.by_peer.setEnabled(self.peer.count() > 0)
        self.whole.setChecked(True)
        group = QButtonGroup(self)
        for b in (self.whole, self.by_unit, self.by_category, self.by_selection, self.by_peer):
            group.addButton(b)
        self.unit = QComboBox(self)
        for u in sorted(session.pf.list("units"), key=lambda u: sort_key(u["name"])):
            self.unit.addItem(u["name"], u["name"])
        self.category = QComboBox(self)
        for c in model.CATEGORIES:
            self.category.addItem(tr_enum(c), str(c))
        note = QLabel(self.tr("导出的是同样格式的组合文件，对方可用本程序打开或合并，也可用任何 SQLite 工具查看。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole)
        row = QHBoxLayout()
        row.addWidget(self.by_unit)
        row.addWidget(self.unit, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.by_category)
        row.addWidget(self.category, 1)
        layout.addLayout(row)
        layout.addWidget(self.by_selection)
        row = QHBoxLayout()
        row.addWidget(self.by_peer)
        row.addWidget(self.peer, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.target: Path | None = None

    @staticmethod
    def _peer_names(pf) -> list[str]:
        """Sites we have merged a file from: `<site id> · <their last file's name>`."""
        files = {}
        for r in reversed(conflicts.merge_history(pf)):
            if r["source_site"]:
                files[r["source_site"]] = Path(r["source_file"]).name
        return [f"{site} · {files[site]}" if site in files else site for site in changeset.known_peers(pf)
                if site != pf.site_id]

    def slice(self) -> dict:
        if self.by_unit.isChecked():
            return {"units": [self.unit.currentData()]}
        if self.by_category.isChecked():
            return {"categories": [self.category.currentData()]}
        if self.by_selection.isChecked():
            return {"project_ids": self.selected_project_ids}
        return {}

    def save(self, target: Path | None = None) -> None:
        if target is None:
            suggested = f"{self.session.pf.path.stem}-{self.unit.currentText() if self.by_unit.isChecked() else '导出'}.sqlite"
            name = save_folder.save_name(self, self.tr("导出到"), suggested, self.tr("组合文件 (*.sqlite)"))
            if not name:
                return
            target = Path(name)
        try:
            if self.by_peer.isChecked():
                changeset.export_since_last(self.session.pf, target, self.peer.currentText().split(" ")[0])
            else:
                export(self.session.pf, target, **self.slice())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("导出失败"), str(exc))
            return
        self.target = target
        self.accept()


EMPTY = QT_TRANSLATE_NOOP("ConflictsDialog", "（空）")


def value_text(value) -> str:
    """A stored value as a reader writes it: lists joined with 、, numbers with separators."""
    if value is None or value == "" or value == []:
        return tr(EMPTY)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return formatting.number(value)
    return str(value)


CONFLICT_COLUMNS = [
    Column("record", QT_TRANSLATE_NOOP("ConflictsDialog", "记录"), width=240),
    Column("field_label", QT_TRANSLATE_NOOP("ConflictsDialog", "字段"), width=100),
    Column("winner_text", QT_TRANSLATE_NOOP("ConflictsDialog", "现用值（较新的修改）"), width=180),
    Column("winner_from", QT_TRANSLATE_NOOP("ConflictsDialog", "现用值由谁修改"), width=130),
    Column("loser_text", QT_TRANSLATE_NOOP("ConflictsDialog", "被覆盖的值"), width=180),
    Column("loser_from", QT_TRANSLATE_NOOP("ConflictsDialog", "被覆盖值由谁修改"), width=130),
    Column("merged_at", QT_TRANSLATE_NOOP("ConflictsDialog", "合并时间"), "datetime", width=140),
]


class ConflictsDialog(TableDialog):
    def __init__(self, session, parent=None):
        super().__init__(session, CONFLICT_COLUMNS, parent, size=(900, 420))
        self.setWindowTitle(self.tr("合并冲突"))
        self.set_note(self.tr("双方在上次交换后修改了同一字段。系统已按修改时间较新者取值；请逐条确认保留哪个值。"
                              "选择“恢复被覆盖的值”会作为一次新的修改，下次交换时传给对方。"))
        self.buttons = (self.add_action(self.tr("保留现用值"), lambda: self.resolve("winner")),
                        self.add_action(self.tr("恢复被覆盖的值"), lambda: self.resolve("loser")))
        self.table.selectionModel().selectionChanged.connect(self._enable)  # buttons need a conflict chosen
        self.reload()

    def _enable(self, *_) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for button in self.buttons:
            button.setEnabled(chosen)

    def reload(self) -> None:
        rows = conflicts.open_conflicts(self.session.pf)
        for r in rows:
            r["winner_text"], r["loser_text"] = value_text(r["winner"]), value_text(r["loser"])
        self.model.set_rows(rows)
        self._enable()

    def resolve(self, keep: str) -> None:
        for row in self.selected_rows():
            cid = row["id"]
            done = self.session.op(lambda pf, cid=cid: conflicts.resolve(pf, cid, keep), parent=self,
                                   undo_text=self.tr("处理合并冲突：%1").replace("%1", row["record"])).run()
            if done is None:
                return
        self.reload()


HISTORY_COLUMNS = [
    Column("merged_at", QT_TRANSLATE_NOOP("HistoryDialog", "合并时间"), "datetime", width=150),
    Column("source_file", QT_TRANSLATE_NOOP("HistoryDialog", "来源文件"), width=260),
    Column("totals_text", QT_TRANSLATE_NOOP("HistoryDialog", "变化"), width=260),
    Column("backup_file", QT_TRANSLATE_NOOP("HistoryDialog", "合并前备份"), width=260),
]


class HistoryDialog(TableDialog):
    def __init__(self, session, parent=None):
        super().__init__(session, HISTORY_COLUMNS, parent, size=(980, 360))
        self.setWindowTitle(self.tr("合并记录"))
        self.undo_button = self.add_action(self.tr("撤销最近一次合并"), self.undo_latest)
        self.undone = False
        self.reload()

    def reload(self) -> None:
        rows = conflicts.merge_history(self.session.pf)
        fmt = self.tr("新增 %1，更新 %2，删除 %3，冲突 %4")
        for r in rows:
            t = r["summary"]["totals"]
            r["totals_text"] = (fmt.replace("%1", str(t["added"])).replace("%2", str(t["updated"]))
                                .replace("%3", str(t["deleted"])).replace("%4", str(t["conflicts"])))
        self.model.set_rows(rows)
        self.undo_button.setEnabled(bool(rows) and not self.session.readonly and
                                    bool(rows[0]["backup_file"]) and Path(rows[0]["backup_file"]).exists())

    def undo_latest(self, confirm: bool = True) -> None:
        """Put the file back as it was before the latest merge (on the worker lane; `undone` once done)."""
        latest = conflicts.merge_history(self.session.pf)[0]
        if confirm and QMessageBox.question(
                self, self.tr("撤销合并"),
                self.tr("将组合恢复到合并“%1”之前的状态（合并之后的其他修改也会一并撤销；当前状态会先另行备份）。继续？")
                .replace("%1", Path(latest["source_file"]).name), QMessageBox.Yes | QMessageBox.No,
                QMessageBox.No) != QMessageBox.Yes:
            return
        backup = Path(latest["backup_file"])
        self.undone = False
        self.replace_file(lambda pf: pf.restore_from(backup), self.tr("撤销合并"),
                          lambda _changes: setattr(self, "undone", True))
