"""Create or edit one record in a dialog; the core validates, errors name the field and stay put."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout

from db.errors import UserError
from db.i18n import tr
from db.model import KINDS
from db.store.changes import Create, Update
from db.store.records import label as record_label
from desktop.widgets.forms import RecordForm


class ReplanDialog(QDialog):
    """Asks why a planned date moves: the reason goes into the slip log (调整记录)."""

    def __init__(self, name: str, old: str, new: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("重新计划"))
        self.reason = QLineEdit(self)
        self.approved_by = QLineEdit(self)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("里程碑“%1”的计划日期由 %2 调整为 %3。").replace("%1", name)
                           .replace("%2", old).replace("%3", new)))
        form.addRow(self.tr("调整原因*"), self.reason)
        form.addRow(self.tr("批准人"), self.approved_by)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.reason.text().strip():
            self.accept()
        else:
            self.reason.setFocus()
            self.reason.setPlaceholderText(self.tr("必须填写调整原因"))


def ask_replan(parent, name: str, old: str | None, new: str | None) -> tuple[str, str] | None:
    """(reason, approved_by) for a re-plan, ("", "") when no re-plan is involved, None if cancelled."""
    if not old or not new or old == new:
        return "", ""
    dialog = ReplanDialog(name, old, new, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.reason.text().strip(), dialog.approved_by.text().strip()


class RecordDialog(QDialog):
    def __init__(self, session, kind_name: str, record: dict | None = None, preset: dict | None = None,
                 hidden: set[str] = frozenset(), parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = KINDS[kind_name]
        self.record = record
        self.preset = preset or {}
        self.result_changes = None
        title = record_label(self.kind, record) if record else self.tr("新建%1").replace("%1", tr(self.kind.label))
        self.setWindowTitle(title)
        self.form = RecordForm(self.kind, session.pf.list("units"), set(hidden) | set(self.preset), self)
        if record:
            self.form.set_values(record)
        else:
            self.form.set_values({f.name: f.default for f in self.kind.fields if f.default is not None})
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d9363e")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Ok).setEnabled(not session.readonly)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def save(self) -> None:
        try:
            if self.record is None:
                values = {k: v for k, v in self.form.values().items() if v not in ("", None, [])}
                op = Create(self.kind.name, {**values, **self.preset})
                text = self.tr("新建%1").replace("%1", tr(self.kind.label))
            else:
                changed = self.form.changed_values()
                if not changed:
                    self.accept()
                    return
                reason, approved = "", ""
                if self.kind.name == "milestones" and "planned_date" in changed:
                    answer = ask_replan(self, self.record["name"], self.record.get("planned_date"),
                                        changed["planned_date"].strip() or None)
                    if answer is None:
                        return
                    reason, approved = answer
                op = Update(self.kind.name, self.record["id"], changed, reason or None, approved or None)
                text = self.tr("修改%1").replace("%1", record_label(self.kind, self.record))
            self.result_changes = self.session.do([op], text)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.form.focus_field(str(exc))
            return
        self.accept()
