"""Dialogs of the challenge screen: the challenge editor (indicators as a list), the stage
transition, the pledge (军令状) and the selection of the 立项 team(s). Rules live in the core
(db/challenges/ops.py); a refused step shows the core's message and stays open."""
from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.challenges import ops as ch
from db.errors import UserError
from db.i18n import tr_enum
from db.store.changes import Create, Update
from desktop.dialogs.record import RecordDialog
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.keys import keep_enter

# Set only through the lifecycle (transitions) or by the system, never typed into the editor.
EDITOR_HIDDEN = {"stage", "indicators", "is_example"}


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #d9363e")
    label.hide()
    return label


def show_error(label: QLabel, exc: UserError) -> None:
    label.setText(str(exc))
    label.show()


def form_dialog_layout(dialog: QDialog, *parts: QLayout | QWidget | int, stretch: bool = False) -> None:
    """A challenge form dialog's layout: its parts (a form, a hint; an int is that part's stretch
    for the widget before it), the error line, then OK (dialog.save) and Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        elif isinstance(part, int):
            layout.setStretch(layout.count() - 1, part)
        else:
            layout.addWidget(part)
    layout.addWidget(dialog.error)
    if stretch:
        layout.addStretch(1)
    layout.addWidget(buttons)


def save_or_show(dialog: QDialog, write: Callable[[], object]) -> None:
    """A form dialog's OK: `write()` edits through the session; a refusal shows under the form
    (dialog.error, the dialog stays open), otherwise the dialog closes."""
    try:
        write()
    except UserError as exc:
        show_error(dialog.error, exc)
        return
    dialog.accept()


class IndicatorList(QWidget):
    """技术指标（验收标准）as an ordered list: add, edit in place, remove, move."""

    def __init__(self, items: list[str], parent=None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(130)
        for text in items:
            self._add(text)
        self.entry = QLineEdit(self)
        self.entry.returnPressed.connect(self.add_entry)
        keep_enter(self.entry)  # Enter adds the line; it does not save and close the 榜单 dialog
        self.buttons = {}
        row = QHBoxLayout()
        row.addWidget(self.entry, 3)
        for key, slot in (("add", self.add_entry), ("remove", self.remove), ("up", lambda: self.move(-1)),
                          ("down", lambda: self.move(1))):
            b = QPushButton(self)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons[key] = b
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.entry.setPlaceholderText(self.tr("输入一条验收标准，回车添加"))
        for key, text in (("add", self.tr("添加")), ("remove", self.tr("删除")), ("up", "↑"), ("down", "↓")):
            self.buttons[key].setText(text)

    def _add(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setFlags(item.flags() | Qt.ItemIsEditable)

    def add_entry(self) -> None:
        text = self.entry.text().strip()
        if text:
            self._add(text)
            self.entry.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row >= 0 and 0 <= target < self.list.count():
            self.list.insertItem(target, self.list.takeItem(row))
            self.list.setCurrentRow(target)

    def items(self) -> list[str]:
        pending = [self.entry.text().strip()] if self.entry.text().strip() else []
        return [self.list.item(i).text().strip() for i in range(self.list.count())
                if self.list.item(i).text().strip()] + pending


class ChallengeEditor(RecordDialog):
    """Every field of a challenge (DESIGN §2); the stage moves only through transitions."""

    def __init__(self, session, record: dict | None = None, parent=None):
        super().__init__(session, "challenges", record, hidden=EDITOR_HIDDEN, parent=parent)
        self.indicators = IndicatorList(list((record or {}).get("indicators") or []), self.form)
        label = self.tr("技术指标（验收标准）")
        self.form.layout().insertRow(6, label, self.indicators)

    def save(self) -> None:
        indicators = self.indicators.items()
        try:
            if self.record is None:
                values = {k: v for k, v in self.form.values().items() if v not in ("", None, [])}
                units = self._new_units(values)  # a 发榜单位 typed in may be new (issue #21)
                if units is None:
                    return
                self.created_id = str(uuid.uuid4())
                op = Create("challenges", {**values, "indicators": indicators}, id=self.created_id)
                text = self.tr("新建榜单")
            else:
                changed = self.form.changed_values()
                if indicators != list(self.record.get("indicators") or []):
                    changed["indicators"] = indicators
                if not changed:
                    self.accept()
                    return
                units = self._new_units(changed)
                if units is None:
                    return
                op = Update("challenges", self.record["id"], changed)
                text = self.tr("修改榜单「%1」").replace("%1", self.record["title"])
            self.result_changes = self.session.do([*units, op], text)
        except UserError as exc:
            show_error(self.error, exc)
            self.form.focus_field(str(exc))
            return
        self.accept()


class TransitionDialog(QDialog):
    """推进阶段: the stages one step away, those the rules refuse shown with the rule."""

    def __init__(self, session, challenge_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id = challenge_id
        c = session.pf.get("challenges", challenge_id)
        self.setWindowTitle(self.tr("推进阶段 — %1").replace("%1", c["title"]))
        self.options = ch.next_stages(session.pf, challenge_id)
        self.stage = QComboBox(self)
        for opt in self.options:
            self.stage.addItem(opt["label"] + ("" if opt["ok"] else self.tr("（条件未满足）")), opt["stage"])
            self.stage.setItemData(self.stage.count() - 1, opt["why"] or None, Qt.ToolTipRole)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #8a6d00")
        self.date = QLineEdit(session.pf.today().isoformat(), self)
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(80)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("当前阶段"), QLabel(tr_enum(c["stage"]), self))
        form.addRow(self.tr("转到"), self.stage)
        form.addRow("", self.why)
        form.addRow(self.tr("日期"), self.date)
        self.note_label = QLabel(self)
        form.addRow(self.note_label, self.note)
        form_dialog_layout(self, form, stretch=True)
        self.stage.currentIndexChanged.connect(self._explain)
        first_ok = next((i for i, o in enumerate(self.options) if o["ok"] and not o["backward"]), 0)
        self.stage.setCurrentIndex(first_ok)
        self._explain()
        resize_to_fit(self, 560, 300)

    def _explain(self, *_):
        opt = self.options[self.stage.currentIndex()] if self.options else None
        self.why.setText(opt["why"] if opt and not opt["ok"] else "")
        self.why.setVisible(bool(opt and not opt["ok"]))
        self.note_label.setText(self.tr("说明*") if opt and opt["needs_note"] else self.tr("说明"))

    def choose(self, stage: str) -> None:
        self.stage.setCurrentIndex(self.stage.findData(stage))

    def save(self) -> None:
        def write() -> None:
            ops = ch.transition_ops(self.session.pf, self.challenge_id, self.stage.currentData(),
                                    self.date.text(), self.note.toPlainText())
            self.session.do(ops, self.tr("榜单转到“%1”").replace("%1", tr_enum(self.stage.currentData())))
        save_or_show(self, write)


class PledgeDialog(QDialog):
    """签订军令状: the date it was signed and the commitments in words (milestones hold the dates)."""

    def __init__(self, session, team: dict, parent=None):
        super().__init__(parent)
        self.session = session
        self.team = team
        self.setWindowTitle(self.tr("军令状 — %1").replace("%1", team["name"]))
        self.date = QLineEdit(team["pledge_signed_date"] or session.pf.today().isoformat(), self)
        self.text = QPlainTextEdit(team["pledge_text"] or "", self)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("签订日期*"), self.date)
        form.addRow(self.tr("承诺内容"), self.text)
        hint = QLabel(self.tr("承诺的节点与日期请在“军令状里程碑”中逐条列出：首次填写的计划日期即为承诺（基线），"
                              "之后每次调整都须说明原因并留痕。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        form_dialog_layout(self, form, hint)
        resize_to_fit(self, 520, 320)

    def save(self) -> None:
        save_or_show(self, lambda: self.session.do(
            ch.sign_pledge_ops(self.session.pf, self.team["id"], self.date.text(), self.text.toPlainText()),
            self.tr("%1签订军令状").replace("%1", self.team["name"])))


class SelectTeamsDialog(QDialog):
    """确定立项: tick the team (单一揭榜) or the N teams (赛马); the others become 未通过."""

    def __init__(self, session, challenge: dict, teams: list[dict], parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge = challenge
        self.setWindowTitle(self.tr("确定立项团队 — %1").replace("%1", challenge["title"]))
        race = challenge["race_mode"] == "赛马"
        wanted = (challenge["race_slots"] or 2) if race else 1
        rule = self.tr("赛马：选择至少 2 个、至多 %1 个团队并行攻关。").replace("%1", str(challenge["race_slots"] or "N")) \
            if race else self.tr("单一揭榜：选择 1 个团队。")
        self.list = QListWidget(self)
        ranked = sorted((t for t in teams if t["status"] not in ("撤回", "淘汰")),
                        key=lambda t: (t["rank"] is None, t["rank"] or 0, -(t["score"] or 0)))
        score_label = self.tr("得分")
        for i, t in enumerate(ranked):
            score = "—" if t["score"] is None else f"{t['score']:g}"
            item = QListWidgetItem(f"{t['name']}　{score_label} {score}　{tr_enum(t['status'])}", self.list)
            item.setData(Qt.UserRole, t["id"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if t["status"] == "立项" or (
                not any(x["status"] == "立项" for x in teams) and i < wanted) else Qt.Unchecked)
        self.error = error_label(self)
        form_dialog_layout(self, QLabel(rule, self), self.list, 1)
        resize_to_fit(self, 520, 360)

    def check(self, team_ids: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in team_ids else Qt.Unchecked)

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]

    def save(self) -> None:
        def write() -> None:
            ops = ch.select_teams_ops(self.session.pf, self.challenge["id"], self.chosen())
            if ops:
                self.session.do(ops, self.tr("确定立项团队"))
        save_or_show(self, write)
