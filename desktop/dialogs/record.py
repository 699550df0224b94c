"""Create or edit one record in a dialog; the core validates, errors name the field and stay put."""
from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
)

from db.errors import UserError
from db.i18n import tr
from db.model import KINDS
from db.store.changes import Create, Update
from db.store.records import label as record_label
from db.unit_merge import near_duplicates
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.forms import RecordForm
from desktop.widgets.unit_picker import NewUnit

OWNER_FIELDS = ("project_id", "team_id", "challenge_id", "indicator_id")


class _Cancelled(Exception):
    pass


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
        self.created_id = None
        title = record_label(self.kind, record) if record else self.tr("新建%1").replace("%1", tr(self.kind.label))
        owner = self._owner_label({**(record or {}), **self.preset})
        self.setWindowTitle(f"{title} — {owner}" if owner else title)
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
        resize_to_fit(self, 640, 720)

    def _owner_label(self, values: dict) -> str:
        """The record this one belongs to (its project, team, challenge or indicator), so the
        title says where a save will land: "新建里程碑 — 超瞬态实验装置"."""
        for f in self.kind.fields:
            if f.name in OWNER_FIELDS and values.get(f.name):
                parent = self.session.pf.get(f.ref, values[f.name])
                if parent is not None:
                    return str(parent.get(KINDS[f.ref].title_field) or record_label(KINDS[f.ref], parent))
        return ""

    def _new_units(self, values: dict) -> list[Create] | None:
        """Turn the NewUnits typed in unit fields into unit ids: an existing near-duplicate if the
        user takes it, else a unit created in the same edit. None: the user cancelled."""
        creates: dict[NewUnit, Create] = {}
        chosen: dict[NewUnit, str] = {}

        def resolve(v):
            if not isinstance(v, NewUnit):
                return v
            if v not in chosen:
                near = near_duplicates(self.session.pf, v.name)
                answer = QMessageBox.No
                if near:
                    answer = QMessageBox.question(
                        self, self.tr("新建单位"),
                        self.tr("已有相近的单位「%1」（去掉“有限公司”、空格和全角写法后名称相同）。\n"
                                "使用已有单位吗？选“否”则新建单位「%2」。")
                        .replace("%1", near[0]["name"]).replace("%2", v.name),
                        QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel, QMessageBox.Yes)
                if answer == QMessageBox.Cancel:
                    raise _Cancelled()
                if answer == QMessageBox.Yes:
                    chosen[v] = near[0]["id"]
                else:
                    chosen[v] = str(uuid.uuid4())
                    creates[v] = Create("units", {"name": v.name, "kind": v.kind}, id=chosen[v])
            return chosen[v]
        try:
            for name, value in list(values.items()):
                if isinstance(value, list):
                    values[name] = list(dict.fromkeys(resolve(v) for v in value))
                else:
                    values[name] = resolve(value)
        except _Cancelled:
            return None
        return list(creates.values())

    def save(self) -> None:
        try:
            if self.record is None:
                values = {k: v for k, v in self.form.values().items() if v not in ("", None, [])}
                units = self._new_units(values)
                if units is None:
                    return
                self.created_id = str(uuid.uuid4())  # (new units, if any, come first in the changes)
                op = Create(self.kind.name, {**values, **self.preset}, id=self.created_id)
                text = self.tr("新建%1").replace("%1", tr(self.kind.label))
            else:
                changed = self.form.changed_values()
                if not changed:
                    self.accept()
                    return
                units = self._new_units(changed)
                if units is None:
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
            self.result_changes = self.session.do([*units, op], text)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.form.focus_field(str(exc))
            return
        self.accept()
