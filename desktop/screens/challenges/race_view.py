"""赛马: the teams of a race side by side — standing, milestones met on their pledged dates, latest
score, colour — with the 淘汰 of the weakest at a milestone review (reason recorded)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from db import colours, formatting
from db.challenges import ops as ch
from db.challenges import rules as challenge_rules
from db.formatting import amount


class TeamCard(QFrame):
    eliminate_requested = Signal(str)

    def __init__(self, row: dict, can_eliminate: bool, parent=None):
        super().__init__(parent)
        self.row = row
        out = row["status"] != "立项"
        self.setFrameShape(QFrame.StyledPanel)
        self.setFixedWidth(270)  # a fixed width lets the rich text wrap (CJK has no spaces)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        border = colours.HEX[row["colour"]]
        self.setStyleSheet(f"TeamCard {{ border: 2px solid {border}; border-radius: 6px; "
                           f"background: {'#f3f3f3' if out else '#ffffff'}; }}")
        standing = self.tr("已淘汰") if out else self.tr("第 %1 名").replace("%1", str(row["standing"]))
        score = "—" if row["latest_score"] is None else f"{row['latest_score']:g}"
        of_all = self.tr("共 %1").replace("%1", str(row["milestones"]))
        lines = [
            f"<div style='font-size:15px'><b>{escape(row['name'])}</b></div>",
            f"<div style='font-size:20px; color:{'#888' if out else '#1f6fd1'}'><b>{escape(standing)}</b></div>",
            f"<div style='color:#555'>{escape(row['unit'])} {escape(row['leader'])}</div><hr>",
            self._line(self.tr("按承诺完成里程碑"), formatting.paren(f"{row['met_on_time']} / {row['due']}", of_all)),
            self._line(self.tr("最近考核得分"), score),
            self._line(self.tr("最近考核"), f"{row['latest_review_date'] or '—'} {row['latest_result_label']}"),
            self._line(self.tr("累计延期"), self.tr("%1 天").replace("%1", str(row["days_slipped"]))),
            self._line(self.tr("拨款"), self.tr("已拨 %1 / 计划 %2 万元").replace("%1", amount(row["paid_funds"]))
                       .replace("%2", amount(row["planned_funds"]))),
            f"<p><span style='color:{border}'>●</span> {escape(row['colour_reason'])}</p>",
        ]
        if out and row["eliminated_reason"]:
            reason = self.tr("%1 淘汰：%2").replace("%1", row["eliminated_date"] or "").replace("%2", row["eliminated_reason"])
            lines.append(f"<p style='color:#d9363e'>{escape(reason)}</p>")
        self.text = QLabel("".join(lines), self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.text.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.text.setFixedWidth(240)
        self.text.setMinimumHeight(self.text.heightForWidth(240))  # wrapped lines are not cut off
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.eliminate = QPushButton(self.tr("淘汰…"), self)
        self.eliminate.setVisible(not out)
        self.eliminate.setEnabled(can_eliminate)
        self.eliminate.clicked.connect(lambda: self.eliminate_requested.emit(row["id"]))
        layout.addWidget(self.eliminate)

    @staticmethod
    def _line(label: str, value: str) -> str:
        return f"<div><span style='color:#666'>{escape(formatting.colon(label))}</span>{escape(value)}</div>"


class RaceView(QWidget):
    eliminate_requested = Signal(str)  # team id

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id: str | None = None
        self.standings: dict | None = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: #555")
        self.cards_host = QWidget(self)
        self.cards = QHBoxLayout(self.cards_host)
        self.cards.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.rule)

    def card_widgets(self) -> list[TeamCard]:
        return [self.cards.itemAt(i).widget() for i in range(self.cards.count())
                if isinstance(self.cards.itemAt(i).widget(), TeamCard)]

    def show_challenge(self, challenge_id: str | None) -> None:
        self.challenge_id = challenge_id
        while self.cards.count():
            w = self.cards.takeAt(0).widget()
            if w is not None:
                w.hide()  # gone from view now, deleted when control returns to the event loop
                w.deleteLater()
        c = self.session.pf.get("challenges", challenge_id) if challenge_id else None
        if c is None:
            self.standings = None
            self.header.clear()
            self.rule.clear()
            return
        self.standings = ch.race_standings(self.session.pf, challenge_id)
        teams = self.standings["teams"]
        racing = c["race_mode"] == "赛马"
        if not teams:
            self.header.setText(self.tr("立项后，这里并排显示各团队的名次、按承诺完成的里程碑和考核得分。"))
        elif racing:
            active = sum(1 for t in teams if t["status"] == "立项")
            self.header.setText(self.tr("赛马：%1 个团队在攻关，%2 个已淘汰（截至 %3）。")
                                .replace("%1", str(active)).replace("%2", str(len(teams) - active))
                                .replace("%3", self.standings["as_of"]))
        else:
            self.header.setText(self.tr("单一揭榜：只有一个立项团队，不进行淘汰。"))
        self.rule.setText(self.standings["rule"] if teams else "")
        can = racing and c["stage"] in challenge_rules.RACE_STAGES and not self.session.readonly and \
            sum(1 for t in teams if t["status"] == "立项") > 1
        for row in teams:
            card = TeamCard(row, can, self.cards_host)
            card.eliminate_requested.connect(self.eliminate_requested)
            self.cards.addWidget(card, 0, Qt.AlignTop)
            card.show()  # a layout shows new children only later, from the event loop
        self.cards.addStretch(1)

    def retranslate(self) -> None:
        self.show_challenge(self.challenge_id)
