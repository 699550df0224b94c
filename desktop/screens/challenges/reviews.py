"""里程碑考核: the reviews of the selected teams, and the dialog that records one (or an 淘汰)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from db.challenges import detail_rows as challenge_rows
from db.challenges import ops as ch
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.model import REVIEW_RESULTS
from db.store.changes import Delete
from desktop.screens.challenges.common import button_bar, make_table, selected_row, tab_layout
from desktop.screens.challenges.editors import error_label, form_dialog_layout, save_or_show
from desktop.widgets.attachments_panel import AttachmentsPanel
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.record_table import Column

COLUMNS = [
    Column("date", QT_TRANSLATE_NOOP("ChallengeReviews", "考核日期"), "date", width=90),
    Column("team", QT_TRANSLATE_NOOP("ChallengeReviews", "揭榜方"), width=140),
    Column("milestone", QT_TRANSLATE_NOOP("ChallengeReviews", "里程碑"), width=170),
    Column("result_label", QT_TRANSLATE_NOOP("ChallengeReviews", "考核结果"), width=70),
    Column("score", QT_TRANSLATE_NOOP("ChallengeReviews", "得分"), "number", width=56),
    Column("reviewers", QT_TRANSLATE_NOOP("ChallengeReviews", "评审专家"), width=120),
    Column("note", QT_TRANSLATE_NOOP("ChallengeReviews", "评审意见/淘汰原因"), width=260),
]


class ReviewDialog(QDialog):
    """Record a 里程碑考核 of a team. With eliminate=True it is the 淘汰 of a 赛马 team, and the
    reason is required; the core records the review, the status and cancels unpaid tranches."""

    def __init__(self, session, challenge_id: str, team_id: str | None = None, eliminate: bool = False,
                 parent=None):
        super().__init__(parent)
        self.session = session
        pf = session.pf
        self.team = QComboBox(self)
        for t in pf.list("teams", challenge_id=challenge_id, status="立项"):
            self.team.addItem(t["name"], t["id"])
        self.team.setCurrentIndex(max(self.team.findData(team_id), 0))
        self.milestone = QComboBox(self)
        self.outcome = QComboBox(self)
        for r in REVIEW_RESULTS:
            self.outcome.addItem(tr_enum(r), r)
        self.date = QLineEdit(pf.today().isoformat(), self)
        self.score = QLineEdit(self)
        self.score.setPlaceholderText("0–100")
        self.reviewers = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(90)
        self.note_label = QLabel(self)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("揭榜方"), self.team)
        form.addRow(self.tr("考核的里程碑"), self.milestone)
        form.addRow(self.tr("考核结果"), self.outcome)
        form.addRow(self.tr("考核日期"), self.date)
        form.addRow(self.tr("得分"), self.score)
        form.addRow(self.tr("评审专家"), self.reviewers)
        form.addRow(self.note_label, self.note)
        form_dialog_layout(self, form)
        self.team.currentIndexChanged.connect(lambda _i: self._fill_milestones())
        self.outcome.currentIndexChanged.connect(lambda _i: self._result_changed())
        self._fill_milestones()
        if eliminate:
            self.outcome.setCurrentIndex(self.outcome.findData("淘汰"))
            self.team.setEnabled(team_id is None)
        self._result_changed()
        resize_to_fit(self, 520, 380)

    def _fill_milestones(self) -> None:
        self.milestone.clear()
        self.milestone.addItem(self.tr("（不针对具体里程碑）"), None)
        tid = self.team.currentData()
        ms = self.session.pf.list("milestones", team_id=tid, order="planned_date, rowid") if tid else []
        for m in ms:
            self.milestone.addItem(f"{m['name']}（{m['planned_date'] or '—'}）", m["id"])
        due = next((i for i, m in enumerate(ms, 1) if m["status"] != "取消" and
                    (m["planned_date"] or "9999") <= self.session.pf.today().isoformat()), None)
        self.milestone.setCurrentIndex(due or (1 if ms else 0))

    def _result_changed(self) -> None:
        out = self.outcome.currentData() == "淘汰"
        self.setWindowTitle(self.tr("淘汰（里程碑考核）") if out else self.tr("记录里程碑考核"))
        self.note_label.setText(self.tr("淘汰原因*") if out else self.tr("评审意见"))

    def save(self) -> None:
        def write() -> None:
            tid = self.team.currentData()
            if tid is None:
                raise UserError(QT_TRANSLATE_NOOP("errors", "没有可考核的立项团队"))
            ops = ch.review_ops(self.session.pf, tid, self.date.text(), self.outcome.currentData(),
                                self.score.text().strip() or None, self.milestone.currentData(),
                                self.reviewers.text().strip() or None, self.note.toPlainText())
            name = self.team.currentText()
            text = self.tr("淘汰%1").replace("%1", name) if self.outcome.currentData() == "淘汰" \
                else self.tr("%1 里程碑考核").replace("%1", name)
            self.session.do(ops, text)
        save_or_show(self, write)


class ReviewsTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id: str | None = None
        self.table, self.model = make_table(self, COLUMNS)
        self.bar, self.buttons = button_bar(self, {"add": self.add_review, "delete": self.delete_review})
        self.hint = tab_layout(self, self.bar, self.table)
        self.attachments = AttachmentsPanel(session, self)  # the selected review's 佐证材料 (issue #18)
        self.layout().addWidget(self.attachments)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_attachments())
        self.retranslate()

    def _show_attachments(self) -> None:
        row = selected_row(self.table)
        self.attachments.show_owner(row["id"] if row else None, f"{row['team']} {row['date']}" if row else "")

    def show_challenge(self, challenge_id: str | None) -> None:
        self.challenge_id = challenge_id
        self.model.set_rows(challenge_rows.review_rows(self.session.pf, challenge_id) if challenge_id else [])
        for b in self.buttons.values():
            b.setEnabled(bool(challenge_id) and not self.session.readonly)
        self._show_attachments()

    def add_review(self, team_id: str | None = None, eliminate: bool = False) -> ReviewDialog | None:
        if not self.challenge_id:
            return None
        dialog = ReviewDialog(self.session, self.challenge_id, team_id or None, eliminate, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def delete_review(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        if row["result"] == "淘汰":
            QMessageBox.information(self, self.tr("删除考核记录"), self.tr(
                "淘汰记录与团队状态一起保存：请用“撤销”（Ctrl+Z）撤回误操作的淘汰。"))
            return
        text = self.tr("删除 %1 的考核记录（%2）").replace("%1", row["team"]).replace("%2", row["date"])
        self.session.try_do([Delete("reviews", row["id"])], text, self)

    def retranslate(self) -> None:
        self.buttons["add"].setText(self.tr("记录考核…"))
        self.buttons["delete"].setText(self.tr("删除考核记录"))
        self.hint.setText(self.tr("考核结果为“淘汰”时须写明原因；赛马中的淘汰也可在“赛马”页按名次操作。"
                                  "挂钩里程碑的拨款批次须在该里程碑考核通过后才能拨付。"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, len(COLUMNS) - 1)
