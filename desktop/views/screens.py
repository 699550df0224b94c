"""The challenge list (揭榜挂帅榜单) screen."""
from __future__ import annotations


from db import listings
from db.i18n import QT_TRANSLATE_NOOP
from desktop.models.record_table import Column
from desktop.views.record_list import RecordList


CHALLENGE_COLUMNS = [
    Column("title", QT_TRANSLATE_NOOP("ChallengeList", "榜单名称"), width=300),
    Column("stage_label", QT_TRANSLATE_NOOP("ChallengeList", "阶段"), width=80),
    Column("domain", QT_TRANSLATE_NOOP("ChallengeList", "专项/领域"), width=200),
    Column("issuer", QT_TRANSLATE_NOOP("ChallengeList", "发榜单位"), width=140),
    Column("budget", QT_TRANSLATE_NOOP("ChallengeList", "榜额（万元）"), "number", width=90),
    Column("deadline", QT_TRANSLATE_NOOP("ChallengeList", "申报截止"), "date", width=90),
    Column("days_left", QT_TRANSLATE_NOOP("ChallengeList", "剩余天数"), "number", width=70),
    Column("race_mode", QT_TRANSLATE_NOOP("ChallengeList", "揭榜方式"), width=80),
    Column("applicants", QT_TRANSLATE_NOOP("ChallengeList", "申报团队"), "number", width=70),
    Column("selected", QT_TRANSLATE_NOOP("ChallengeList", "立项团队"), "number", width=70),
]

class ChallengeList(RecordList):
    def __init__(self, parent=None):
        super().__init__(CHALLENGE_COLUMNS, listings.challenge_rows,
                         lambda n: self.tr("%n 个榜单", "", n), parent)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate(self.tr("搜索榜单名称、领域、发榜单位…"))
