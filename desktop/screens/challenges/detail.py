"""One challenge: its fields and stage pipeline, the stage history, and tabs for teams, pledge and
tranches, milestone reviews and the 赛马 standings."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from db import colours
from db.challenges import detail_rows as challenge_rows
from db.challenges import rules as challenge_rules
from db.challenges.status import challenge_colour
from db.formatting import amount, number
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import CHALLENGES
from db.rows.register import unit_names
from desktop.screens.challenges.common import button_bar, make_table
from desktop.screens.challenges.editors import ChallengeEditor, TransitionDialog
from desktop.screens.challenges.pledge_tab import PledgeTab
from desktop.screens.challenges.race_view import RaceView
from desktop.screens.challenges.reviews import ReviewsTab
from desktop.screens.challenges.teams_tab import TeamsTab
from desktop.watch import watch
from desktop.widgets.record_table import Column

HISTORY = [
    Column("date", QT_TRANSLATE_NOOP("ChallengeHistory", "日期"), "date", width=90),
    Column("from_label", QT_TRANSLATE_NOOP("ChallengeHistory", "原阶段"), width=80),
    Column("to_label", QT_TRANSLATE_NOOP("ChallengeHistory", "新阶段"), width=80),
    Column("note", QT_TRANSLATE_NOOP("ChallengeHistory", "说明"), width=300),
]
SHOWN = ("code", "issue_mode", "issuer_unit_id", "domain", "summary", "budget_fiscal", "budget_matching",
         "eligibility", "publish_date", "deadline", "duration_months", "funding_mode", "first_tranche_pct",
         "race_mode", "race_slots", "notes")


class ChallengeDetail(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.challenge_id: str | None = None
        self.info = QTextBrowser(self)
        self.info.setOpenLinks(False)
        self.info.setFrameShape(QTextBrowser.NoFrame)
        self.info.setStyleSheet("QTextBrowser { background: transparent; }")
        self.bar, self.buttons = button_bar(self, {"edit": self.edit, "advance": self.advance})
        self.teams = TeamsTab(session, self)
        self.pledge = PledgeTab(session, self)
        self.reviews = ReviewsTab(session, self)
        self.race = RaceView(session, self)
        self.history, self.history_model = make_table(self, HISTORY)
        self.tabs = QTabWidget(self)
        for w in (self.teams, self.pledge, self.reviews, self.race, self.history):
            self.tabs.addTab(w, "")
        self.race.eliminate_requested.connect(lambda tid: self.reviews.add_review(tid, eliminate=True))
        upper = QWidget(self)
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(self.bar)
        ul.addWidget(self.info, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(upper)
        split.addWidget(self.tabs)
        split.setSizes([300, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        watch(session, "challenge_detail", self._on_changes)
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    def _on_changes(self, changes) -> None:
        if self.challenge_id:  # another file, or the challenge gone: show_challenge clears the panel
            self.show_challenge(self.challenge_id)

    def show_challenge(self, challenge_id: str | None) -> None:
        c = self.pf.get("challenges", challenge_id) if (self.pf and challenge_id) else None
        self.challenge_id = c["id"] if c else None
        for b in self.buttons.values():
            b.setEnabled(c is not None and not self.session.readonly)
        self.info.setHtml(self._html(c) if c else escape(self.tr("选择一个榜单查看详情；双击打开编辑。")))
        self.history_model.set_rows(challenge_rows.history_rows(self.pf, c["id"]) if c else [])
        for tab in (self.teams, self.pledge, self.reviews, self.race):
            tab.show_challenge(self.challenge_id)

    def _pipeline(self, stage: str) -> str:
        """The 13 stages as chips: done ones ticked, the current one highlighted, exits apart."""
        chips = []
        at = challenge_rules.PIPELINE.index(stage) if stage in challenge_rules.PIPELINE else -1
        for i, s in enumerate(challenge_rules.PIPELINE):
            if s == stage:
                style = "background:#1f6fd1; color:white; font-weight:bold"
            elif i < at:
                style = "background:#dcebdc; color:#2e7d32"
            else:
                style = "background:#eeeeee; color:#888"
            chips.append(f"<span style='{style}'>&nbsp;{escape(tr_enum(s))}&nbsp;</span>")
        if stage in ("流榜", "终止"):
            chips.append(f"<span style='background:#d9363e; color:white; font-weight:bold'>&nbsp;"
                         f"{escape(tr_enum(stage))}&nbsp;</span>")
        return "<p style='line-height:160%'>" + " → ".join(chips) + "</p>"

    def _html(self, c: dict) -> str:
        names = unit_names(self.pf)
        teams = self.pf.list("teams", challenge_id=c["id"])
        ms = {t["id"]: self.pf.list("milestones", team_id=t["id"]) for t in teams}
        colour = challenge_colour(c, teams, ms, self.pf.today(), colours.thresholds(self.pf))
        budget_label = self.tr("榜额")
        unit_label = self.tr("万元")
        out = [f"<h3>{escape(c['title'])}</h3>",
               f"<p><span style='color:{colour.hex}'>●</span> <b>{escape(colour.name)}</b> — {escape(colour.reason)}"
               f"　<b>{escape(budget_label)}</b> {amount(challenge_rules.budget(c))} {escape(unit_label)}</p>",
               self._pipeline(c["stage"] or challenge_rules.PIPELINE[0]), "<table cellspacing='2'>"]
        for name in SHOWN:
            value = c.get(name)
            if value in (None, "", []):
                continue
            f = CHALLENGES.field(name)
            if f.type == "ref":
                value = names.get(value, value)
            elif f.type == "enum":
                value = tr_enum(value)
            elif f.type == "money":
                value = amount(value)
            elif isinstance(value, float):
                value = number(value)
            out.append(f"<tr><td style='color:#666'>{escape(tr(f.label))}</td><td>{escape(str(value))}</td></tr>")
        out.append("</table>")
        if c["indicators"]:
            title = tr(CHALLENGES.field("indicators").label)
            items = "".join(f"<li>{escape(x)}</li>" for x in c["indicators"])
            out.append(f"<p style='color:#666'>{escape(title)}</p><ol style='margin-top:0'>{items}</ol>")
        if c.get("source_ref"):
            source = self.tr("来源")
            out.append(f"<p style='color:#555'>{escape(source)}：{escape(c.get('source_doc') or '')} · "
                       f"{escape(c['source_ref'])}</p>")
        return "".join(out)

    # -- actions -------------------------------------------------------------------------
    def edit(self) -> None:
        c = self.pf.get("challenges", self.challenge_id) if self.challenge_id else None
        if c is not None:
            ChallengeEditor(self.session, c, self).exec()

    def advance(self) -> TransitionDialog | None:
        if not self.challenge_id:
            return None
        dialog = TransitionDialog(self.session, self.challenge_id, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.buttons["edit"].setText(self.tr("编辑榜单"))
        self.buttons["advance"].setText(self.tr("推进阶段…"))
        for i, text in enumerate((self.tr("揭榜方"), self.tr("军令状与拨款"), self.tr("里程碑考核"),
                                  self.tr("赛马"), self.tr("阶段记录"))):
            self.tabs.setTabText(i, text)
        for tab in (self.teams, self.pledge, self.reviews):
            tab.retranslate()
        self.history_model.headerDataChanged.emit(Qt.Horizontal, 0, len(HISTORY) - 1)
        self.show_challenge(self.challenge_id)
