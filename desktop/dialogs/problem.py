"""A problem's dialogs: raising or editing one (问题描述, 诉求, units, 时限 — its status moves only
by the workflow's actions), and one move of the workflow (交办, 签收, 退回 …) with its date, who
and a note, 办结 with its 办理结果. The core's rules decide; a refusal is shown and nothing changes."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from db.errors import UserError
from db.i18n import tr_enum
from db.pinyin import sort_key
from db.problems import ops as problem_ops
from db.problems.rules import NEEDS_NOTE
from db.store.values import read_date
from desktop.dialogs.record import RecordDialog
from desktop.widgets.date_edit import DateEdit
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.unit_picker import UnitPicker

# set by the workflow (status, 办结日期, 办理结果) or by the core (编号) — not typed in the form
HIDDEN = {"status", "closed_on", "result", "code", "is_example", "challenge_id", "team_id", "milestone_id"}


class ProblemDialog(RecordDialog):
    """New problem (of `project_id`, or one chosen here) or an edit of one."""

    def __init__(self, session, record: dict | None = None, project_id: str | None = None, parent=None):
        preset = {"project_id": project_id} if project_id and record is None else None
        super().__init__(session, "problems", record, preset, HIDDEN | {"project_id"}, parent)
        self.project: QComboBox | None = None
        if record is None and not project_id:  # choose the project first
            self.project = QComboBox(self)
            for p in sorted(session.pf.list("projects", fields=("name",)), key=lambda p: sort_key(p["name"])):
                self.project.addItem(p["name"], p["id"])
            self.form.layout().insertRow(0, self.tr("所属项目*"), self.project)
            self.project.currentIndexChanged.connect(lambda _i: self._fill_milestones())
        # the milestone concerned, one of the project's: a choice the form reads like any other
        self.milestone = QComboBox(self)
        self.form.layout().insertRow(1 if self.project is not None else 0, self.tr("相关里程碑"), self.milestone)
        self.form.editors["milestone_id"] = self.milestone
        self._fill_milestones((record or {}).get("milestone_id"))

    def _project_id(self) -> str | None:
        if self.project is not None:
            return self.project.currentData()
        return (self.record or self.preset or {}).get("project_id")

    def _fill_milestones(self, chosen: str | None = None) -> None:
        self.milestone.clear()
        self.milestone.addItem("", None)
        pid = self._project_id()
        for m in self.session.pf.list("milestones", project_id=pid, order="planned_date, rowid") if pid else []:
            self.milestone.addItem(m["name"] + (f"（{m['planned_date']}）" if m["planned_date"] else ""), m["id"])
        self.milestone.setCurrentIndex(max(self.milestone.findData(chosen), 0) if chosen else 0)

    def save(self) -> None:
        if self.project is not None:
            self.preset = {"project_id": self.project.currentData()}
        super().save()


class ProblemMoveDialog(QDialog):
    """One move of the 督办 workflow, e.g. 签收 or 办结 (with its 办理结果)."""

    def __init__(self, session, problem_id: str, to_status: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.problem_id = problem_id
        self.to_status = to_status
        p = session.pf.get("problems", problem_id)
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", tr_enum(to_status)).replace("%2", p["code"] or ""))
        self.date = DateEdit(self)
        self.date.setText(session.pf.today().isoformat())
        self.unit = UnitPicker(sorted(session.pf.list("units"), key=lambda u: sort_key(u["name"])), self)
        actor = problem_ops.rules.ACTOR.get(to_status)
        if actor and p.get(actor):
            self.unit.setCurrentIndex(max(self.unit.findData(p[actor]), 0))
        self.person = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(80)
        self.result_edit = QPlainTextEdit(p.get("result") or "", self)
        self.result_edit.setMaximumHeight(90)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d9363e")
        self.error.hide()
        form = QFormLayout()
        what = QLabel(p["description"], self)
        what.setWordWrap(True)
        form.addRow(self.tr("问题"), what)
        form.addRow(self.tr("当前状态"), QLabel(tr_enum(p["status"]), self))
        form.addRow(self.tr("办理日期"), self.date)
        form.addRow(self.tr("办理单位"), self.unit)
        form.addRow(self.tr("经办人"), self.person)
        form.addRow(self.tr("原因*") if to_status in NEEDS_NOTE else self.tr("说明"), self.note)
        if to_status == "办结":
            form.addRow(self.tr("办理结果*"), self.result_edit)
        else:
            self.result_edit.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Ok).setEnabled(not session.readonly)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        resize_to_fit(self, 520, 360 if to_status == "办结" else 300)

    def save(self) -> None:
        text = self.date.text().strip()
        unit = self.unit.value()
        result = self.result_edit.toPlainText().strip() if self.to_status == "办结" else None

        def move(pf):
            return pf.apply(problem_ops.transition_ops(
                pf, self.problem_id, self.to_status, note=self.note.toPlainText(), date=read_date(text) or text,
                by_unit_id=unit if isinstance(unit, str) else None, by_person=self.person.text(), result=result))
        try:
            self.session.op(move, parent=self, undo_text=self.tr("问题转为“%1”").replace("%1", tr_enum(self.to_status))) \
                .failure(self._refused).run(reraise=True)
        except UserError:
            return
        self.accept()

    def _refused(self, exc: UserError) -> None:
        self.error.setText(str(exc))
        self.error.show()
