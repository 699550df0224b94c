"""揭榜方: the applicants of one challenge with scores, ranks and status; selection and status changes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from db.challenges import detail_rows as challenge_rows
from db.challenges import ops as ch
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.store.changes import Delete
from desktop.dialogs.record import RecordDialog
from desktop.screens.challenges.common import button_bar, make_table, select_id, selected_row, tab_layout
from desktop.screens.challenges.editors import PledgeDialog, SelectTeamsDialog
from desktop.widgets.attachments_panel import AttachmentsPanel
from desktop.widgets.record_table import Column

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ChallengeTeams", "亮灯"), "colour", tooltip_key="colour_reason", width=52),
    Column("rank", QT_TRANSLATE_NOOP("ChallengeTeams", "排名"), "number", width=44),
    Column("name", QT_TRANSLATE_NOOP("ChallengeTeams", "团队名称"), width=150),
    Column("unit", QT_TRANSLATE_NOOP("ChallengeTeams", "揭榜单位"), width=130),
    Column("leader", QT_TRANSLATE_NOOP("ChallengeTeams", "挂帅人"), width=64),
    Column("score", QT_TRANSLATE_NOOP("ChallengeTeams", "评审得分"), "number", width=64),
    Column("status_label", QT_TRANSLATE_NOOP("ChallengeTeams", "状态"), width=56),
    Column("pledge", QT_TRANSLATE_NOOP("ChallengeTeams", "军令状"), "date", width=86),
    Column("requested_funds", QT_TRANSLATE_NOOP("ChallengeTeams", "申请资金（万元）"), "number", width=100),
    Column("self_funds", QT_TRANSLATE_NOOP("ChallengeTeams", "自筹资金（万元）"), "number", width=100),
    Column("members_text", QT_TRANSLATE_NOOP("ChallengeTeams", "团队成员"), width=120),
    Column("partners", QT_TRANSLATE_NOOP("ChallengeTeams", "联合体成员"), width=140),
    Column("route", QT_TRANSLATE_NOOP("ChallengeTeams", "技术路线"), width=200),
]
# Team fields set through the lifecycle, not typed in the team dialog.
TEAM_HIDDEN = {"status", "rank", "pledge_signed_date", "pledge_text", "is_example"}
MANUAL_STATUSES = ("已提交", "入围", "未通过", "撤回")


class TeamsTab(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id: str | None = None
        self.table, self.model = make_table(self, COLUMNS)
        self.table.doubleClicked.connect(lambda _i: self.edit_team())
        self.table.edit_requested.connect(self.edit_team)  # F2
        self.bar, self.buttons = button_bar(self, {
            "add": self.add_team, "edit": self.edit_team, "delete": self.delete_team, "rank": self.rank,
            "status": self.status_menu, "select": self.select_teams, "pledge": self.sign_pledge})
        self.hint = tab_layout(self, self.bar, self.table)
        self.attachments = AttachmentsPanel(session, self)  # the selected team's 佐证材料 (issue #18)
        self.layout().addWidget(self.attachments)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_attachments())
        self.retranslate()

    def _show_attachments(self) -> None:
        row = selected_row(self.table)
        self.attachments.show_owner(row["id"] if row else None, row["name"] if row else "")

    @property
    def pf(self):
        return self.session.pf

    def show_challenge(self, challenge_id: str | None) -> None:
        self.challenge_id = challenge_id
        keep = (selected_row(self.table) or {}).get("id")
        self.model.set_rows(challenge_rows.team_rows(self.pf, challenge_id) if challenge_id else [])
        select_id(self.table, self.model, keep)
        for b in self.buttons.values():
            b.setEnabled(bool(challenge_id) and not self.session.readonly)
        self._show_attachments()

    def selected(self) -> dict | None:
        row = selected_row(self.table)
        return self.pf.get("teams", row["id"]) if row else None

    def select(self, team_id: str) -> None:
        select_id(self.table, self.model, team_id)

    # -- actions -------------------------------------------------------------------------
    def add_team(self) -> None:
        if self.challenge_id:
            RecordDialog(self.session, "teams", None, preset={"challenge_id": self.challenge_id},
                         hidden=TEAM_HIDDEN, parent=self).exec()

    def edit_team(self) -> None:
        team = self.selected()
        if team:
            RecordDialog(self.session, "teams", team, hidden=TEAM_HIDDEN | {"challenge_id"}, parent=self).exec()

    def delete_team(self) -> None:
        team = self.selected()
        if team is None:
            return
        text = self.tr("删除揭榜方「%1」（及其里程碑、考核和拨款记录）？可以撤销。").replace("%1", team["name"])
        if QMessageBox.question(self, self.tr("删除揭榜方"), text, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) == QMessageBox.Yes:
            self.session.try_do([Delete("teams", team["id"])],
                                self.tr("删除揭榜方「%1」").replace("%1", team["name"]), self)

    def rank(self) -> None:
        if self.challenge_id:
            ops = ch.rank_ops(self.pf, self.challenge_id)
            if ops:
                self.session.try_do(ops, self.tr("按得分排名"), self)

    def status_menu(self) -> None:
        team = self.selected()
        if team is None:
            return
        menu = QMenu(self)
        for status in MANUAL_STATUSES:
            act = menu.addAction(tr_enum(status), lambda s=status: self.set_status(team["id"], s))
            act.setEnabled(status in ch.TEAM_MOVES.get(team["status"], ()))
        menu.exec(self.buttons["status"].mapToGlobal(self.buttons["status"].rect().bottomLeft()))

    def set_status(self, team_id: str, status: str) -> bool:
        try:
            ops = ch.team_status_ops(self.pf, team_id, status)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("无法修改状态"), str(exc))
            return False
        name = self.pf.get("teams", team_id)["name"]
        text = self.tr("%1 状态改为“%2”").replace("%1", name).replace("%2", tr_enum(status))
        return bool(ops) and self.session.try_do(ops, text, self) is not None

    def select_teams(self) -> SelectTeamsDialog | None:
        if not self.challenge_id:
            return None
        c = self.pf.get("challenges", self.challenge_id)
        dialog = SelectTeamsDialog(self.session, c, self.pf.list("teams", challenge_id=self.challenge_id), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def sign_pledge(self) -> PledgeDialog | None:
        team = self.selected()
        if team is None:
            return None
        dialog = PledgeDialog(self.session, team, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        texts = {"add": self.tr("新增揭榜方"), "edit": self.tr("编辑"), "delete": self.tr("删除"),
                 "rank": self.tr("按得分排名"), "status": self.tr("状态 ▾"), "select": self.tr("确定立项…"),
                 "pledge": self.tr("签订军令状…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.hint.setText(self.tr("评审得分录入后可按得分排名；会议审议时“确定立项”（赛马可选多个团队），"
                                  "未选中的申报团队记为未通过。立项团队签订军令状后方可立项。"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, len(COLUMNS) - 1)
