"""军令状与拨款: a selected team's pledge — its milestones (the same engine as projects: baseline,
re-plans with reasons, colours) and its funding tranches against the 榜额."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import formatting
from db.challenges import detail_rows as challenge_rows
from db.challenges import ops as ch
from db.errors import UserError
from db.formatting import amount
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.model import MILESTONE_STATUSES
from db.store.changes import Delete, Update
from desktop.dialogs import record as record_dialog
from desktop.dialogs.record import RecordDialog
from desktop.dialogs.slip_log import SlipLogDialog
from desktop.screens.challenges.common import button_bar, make_table, select_id, selected_row
from desktop.screens.challenges.editors import PledgeDialog, error_label, form_dialog_layout, save_or_show
from desktop.widgets.delegates import ChoiceDelegate
from desktop.widgets.record_table import Column
from desktop.widgets.table_menu import add_to_menu

MILESTONES = [
    Column("colour", QT_TRANSLATE_NOOP("ChallengePledge", "亮灯"), "colour", tooltip_key="colour_reason", width=52),
    Column("name", QT_TRANSLATE_NOOP("ChallengePledge", "里程碑"), width=200),
    Column("deliverable", QT_TRANSLATE_NOOP("ChallengePledge", "交付成果"), width=140),
    Column("baseline_date", QT_TRANSLATE_NOOP("ChallengePledge", "承诺（基线）"), "date", width=90),
    Column("planned_date", QT_TRANSLATE_NOOP("ChallengePledge", "计划"), "date", width=86),
    Column("actual_date", QT_TRANSLATE_NOOP("ChallengePledge", "实际"), "date", width=86),
    Column("status_label", QT_TRANSLATE_NOOP("ChallengePledge", "状态"), width=60),
    Column("slips", QT_TRANSLATE_NOOP("ChallengePledge", "调整"), "number", width=44),
    Column("colour_reason", QT_TRANSLATE_NOOP("ChallengePledge", "亮灯原因"), width=200),
]
INLINE = {"name": "name", "planned_date": "planned_date", "actual_date": "actual_date", "status_label": "status"}
TRANCHES = [
    Column("seq", QT_TRANSLATE_NOOP("ChallengePledge", "批次"), "number", width=44),
    Column("milestone", QT_TRANSLATE_NOOP("ChallengePledge", "挂钩里程碑"), width=170),
    Column("planned_amount", QT_TRANSLATE_NOOP("ChallengePledge", "计划金额（万元）"), "number", width=110),
    Column("planned_date", QT_TRANSLATE_NOOP("ChallengePledge", "计划日期"), "date", width=86),
    Column("paid_amount", QT_TRANSLATE_NOOP("ChallengePledge", "已拨金额（万元）"), "number", width=110),
    Column("paid_date", QT_TRANSLATE_NOOP("ChallengePledge", "拨付日期"), "date", width=86),
    Column("note", QT_TRANSLATE_NOOP("ChallengePledge", "说明"), width=200),
]


class TrancheDialog(QDialog):
    """One funding tranche; the core refuses totals above the 榜额 and payments before the review."""

    def __init__(self, session, team: dict, tranche: dict | None = None, parent=None):
        super().__init__(parent)
        self.session, self.team, self.tranche = session, team, tranche
        self.setWindowTitle(self.tr("拨款批次 — %1").replace("%1", team["name"]))
        self.milestone = QComboBox(self)
        self.milestone.addItem(self.tr("（不挂钩，如首笔拨付）"), None)
        for m in session.pf.list("milestones", team_id=team["id"], order="planned_date, rowid"):
            self.milestone.addItem(f"{m['name']}（{m['planned_date'] or '—'}）", m["id"])
        t = tranche or {}
        self.milestone.setCurrentIndex(max(self.milestone.findData(t.get("milestone_id")), 0))
        self.edits = {k: QLineEdit(self._text(t.get(k)), self) for k in
                      ("planned_amount", "planned_date", "paid_amount", "paid_date", "note")}
        for k in ("planned_date", "paid_date"):
            self.edits[k].setPlaceholderText("YYYY-MM-DD")
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("挂钩里程碑"), self.milestone)
        for key, label in (("planned_amount", self.tr("计划金额（万元）")), ("planned_date", self.tr("计划日期")),
                           ("paid_amount", self.tr("已拨金额（万元）")), ("paid_date", self.tr("拨付日期")),
                           ("note", self.tr("说明"))):
            form.addRow(label, self.edits[key])
        form_dialog_layout(self, form)

    @staticmethod
    def _text(value) -> str:
        if value is None:
            return ""
        return f"{value:g}" if isinstance(value, float) else str(value)

    def save(self) -> None:
        fields = {k: e.text().strip() or None for k, e in self.edits.items()}
        fields["milestone_id"] = self.milestone.currentData()
        if self.tranche:
            fields = {k: v for k, v in fields.items() if self._text(self.tranche.get(k)) != (v or "")}
        save_or_show(self, lambda: self.session.do(
            ch.tranche_ops(self.session.pf, self.team["id"], fields, self.tranche["id"] if self.tranche else None),
            self.tr("%1 拨款批次").replace("%1", self.team["name"])))


class PledgeTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id: str | None = None
        self.team_combo = QComboBox(self)
        self.team_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.team_combo.currentIndexChanged.connect(lambda _i: self._fill_team())
        self.pledge_label = QLabel(self)
        self.pledge_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.team_combo)
        top.addWidget(self.pledge_label, 1)
        self.ms_table, self.ms_model = make_table(self, MILESTONES, editable=INLINE, editor=self._edit_cell)
        self.ms_table.setEditTriggers(QTableView.EditKeyPressed | QTableView.SelectedClicked)
        self.ms_table.setItemDelegateForColumn([c.key for c in MILESTONES].index("status_label"),
                                               ChoiceDelegate(MILESTONE_STATUSES, self))
        self.ms_table.doubleClicked.connect(self._ms_double_clicked)
        self.ms_bar, self.ms_buttons = button_bar(self, {
            "pledge": self.sign_pledge, "add": self.add_milestone, "edit": self.edit_milestone,
            "delete": self.delete_milestone, "log": self.slip_log})
        self.tr_table, self.tr_model = make_table(self, TRANCHES)
        self.tr_table.doubleClicked.connect(lambda _i: self.edit_tranche())
        self.tr_bar, self.tr_buttons = button_bar(self, {
            "add": self.add_tranche, "edit": self.edit_tranche, "delete": self.delete_tranche,
            "plan": self.plan_tranches})
        self.ms_table.edit_requested.connect(self.edit_milestone)
        self.tr_table.edit_requested.connect(self.edit_tranche)
        add_to_menu(self.ms_table, *self.ms_buttons.values())
        add_to_menu(self.tr_table, *self.tr_buttons.values())
        self.funding_label = QLabel(self)
        self.funding_label.setStyleSheet("color: #333")
        upper, lower = QWidget(self), QWidget(self)
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(self.ms_bar)
        ul.addWidget(self.ms_table, 1)
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(self.tr_bar)
        ll.addWidget(self.funding_label)
        ll.addWidget(self.tr_table, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    def team(self) -> dict | None:
        tid = self.team_combo.currentData()
        return self.pf.get("teams", tid) if tid else None

    def choose_team(self, team_id: str) -> None:
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))

    def show_challenge(self, challenge_id: str | None) -> None:
        self.challenge_id = challenge_id
        current = self.team_combo.currentData()
        teams = self.pf.list("teams", challenge_id=challenge_id, status=("立项", "淘汰")) if challenge_id else []
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        for t in teams:
            self.team_combo.addItem(formatting.paren(t["name"], tr_enum(t["status"])), t["id"])
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(current), 0))
        self.team_combo.blockSignals(False)
        self._fill_team()

    def _fill_team(self) -> None:
        team = self.team()
        writable = team is not None and not self.session.readonly
        for b in (*self.ms_buttons.values(), *self.tr_buttons.values()):
            b.setEnabled(writable)
        if team is None:
            self.pledge_label.setText(self.tr("确定立项团队后，在此记录其军令状：承诺的里程碑与分批拨款。")
                                      if self.challenge_id else "")
            self.ms_model.set_rows([])
            self.tr_model.set_rows([])
            self.funding_label.clear()
            return
        signed = self.tr("军令状已于 %1 签订。").replace("%1", team["pledge_signed_date"]) \
            if team["pledge_signed_date"] else self.tr("尚未签订军令状。")
        self.pledge_label.setText(signed + (" " + team["pledge_text"] if team["pledge_text"] else ""))
        keep_ms, keep_tr = (selected_row(self.ms_table) or {}).get("id"), (selected_row(self.tr_table) or {}).get("id")
        self.ms_model.set_rows(challenge_rows.milestone_rows(self.pf, team["id"]))
        self.tr_model.set_rows([r for r in challenge_rows.tranche_rows(self.pf, team["challenge_id"])
                                if r["team_id"] == team["id"]])
        select_id(self.ms_table, self.ms_model, keep_ms)
        select_id(self.tr_table, self.tr_model, keep_tr)
        f = challenge_rows.funding(self.pf, team["challenge_id"])
        self.funding_label.setText(self.tr("榜额 %1 万元 · 各团队已安排 %2 万元 · 已拨付 %3 万元 · 尚可安排 %4 万元")
                                   .replace("%1", amount(f["budget"])).replace("%2", amount(f["planned"]))
                                   .replace("%3", amount(f["paid"])).replace("%4", amount(f["free"])))

    # -- milestones ----------------------------------------------------------------------
    def _ms_double_clicked(self, index) -> None:
        if MILESTONES[index.column()].key in INLINE and not self.session.readonly:
            self.ms_table.edit(index)
        else:
            self.edit_milestone()

    def _edit_cell(self, row: dict, field: str, value) -> bool:
        """In-place edit; moving a committed planned date asks for the reason (slip log)."""
        m = self.pf.get("milestones", row["id"])
        value = value.strip() if isinstance(value, str) else value
        if m is None or self.session.readonly or (m.get(field) or "") == (value or ""):
            return False
        reason = approved = ""
        if field == "planned_date":
            answer = record_dialog.ask_replan(self, m["name"], m["planned_date"] or m["baseline_date"], value or None)
            if answer is None:
                return False
            reason, approved = answer
        op = Update("milestones", m["id"], {field: value}, reason or None, approved or None)
        return self.session.try_do([op], self.tr("修改里程碑「%1」").replace("%1", m["name"]), self) is not None

    def sign_pledge(self) -> None:
        team = self.team()
        if team:
            PledgeDialog(self.session, team, self).exec()

    def add_milestone(self) -> None:
        team = self.team()
        if team:
            RecordDialog(self.session, "milestones", None, preset={"team_id": team["id"]},
                         hidden={"project_id", "is_example"}, parent=self).exec()

    def edit_milestone(self) -> None:
        row = selected_row(self.ms_table)
        if row:
            RecordDialog(self.session, "milestones", self.pf.get("milestones", row["id"]),
                         hidden={"project_id", "team_id", "is_example"}, parent=self).exec()

    def delete_milestone(self) -> None:
        row = selected_row(self.ms_table)
        if row and QMessageBox.question(self, self.tr("删除里程碑"), self.tr("删除里程碑「%1」？可以撤销。")
                                        .replace("%1", row["name"]), QMessageBox.Yes | QMessageBox.No,
                                        QMessageBox.No) == QMessageBox.Yes:
            self.session.try_do([Delete("milestones", row["id"])],
                                self.tr("删除里程碑「%1」").replace("%1", row["name"]), self)

    def slip_log(self) -> None:
        row = selected_row(self.ms_table)
        if row:
            SlipLogDialog(self.pf, milestone_id=row["id"], parent=self).exec()

    # -- tranches ------------------------------------------------------------------------
    def add_tranche(self) -> None:
        team = self.team()
        if team:
            TrancheDialog(self.session, team, None, self).exec()

    def edit_tranche(self) -> None:
        team, row = self.team(), selected_row(self.tr_table)
        if team and row:
            TrancheDialog(self.session, team, self.pf.get("tranches", row["id"]), self).exec()

    def delete_tranche(self) -> None:
        row = selected_row(self.tr_table)
        if row:
            text = self.tr("删除第 %1 批拨款").replace("%1", str(row["seq"]))
            self.session.try_do([Delete("tranches", row["id"])], text, self)

    def plan_tranches(self) -> None:
        team = self.team()
        if team is None:
            return
        try:
            ops = ch.plan_tranches_ops(self.pf, team["id"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法生成拨款计划"), str(exc))
            return
        self.session.try_do(ops, self.tr("%1 按资助方式生成拨款计划").replace("%1", team["name"]), self)

    def retranslate(self) -> None:
        for key, text in {"pledge": self.tr("签订军令状…"), "add": self.tr("新增里程碑"),
                          "edit": self.tr("编辑里程碑"), "delete": self.tr("删除里程碑"),
                          "log": self.tr("调整记录")}.items():
            self.ms_buttons[key].setText(text)
        for key, text in {"add": self.tr("新增拨款批次"), "edit": self.tr("编辑批次"),
                          "delete": self.tr("删除批次"), "plan": self.tr("按资助方式生成")}.items():
            self.tr_buttons[key].setText(text)
        self.team_combo.setToolTip(self.tr("立项（及已淘汰）的团队"))
        self.ms_model.headerDataChanged.emit(Qt.Horizontal, 0, len(MILESTONES) - 1)
        self.tr_model.headerDataChanged.emit(Qt.Horizontal, 0, len(TRANCHES) - 1)
        self._fill_team() if self.challenge_id else None
