"""The challenge list (揭榜挂帅榜单) and indicator tables (指标体系) screens."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db import listings
from desktop.models.record_table import Column
from desktop.views.record_list import RecordList


def _t(ctx: str, text: str):
    return lambda: QCoreApplication.translate(ctx, text)


CHALLENGE_COLUMNS = [
    Column("title", _t("ChallengeList", "榜单名称"), width=300),
    Column("stage_label", _t("ChallengeList", "阶段"), width=80),
    Column("domain", _t("ChallengeList", "专项/领域"), width=200),
    Column("issuer", _t("ChallengeList", "发榜单位"), width=140),
    Column("budget", _t("ChallengeList", "榜额（万元）"), "number", width=90),
    Column("deadline", _t("ChallengeList", "申报截止"), "date", width=90),
    Column("days_left", _t("ChallengeList", "剩余天数"), "number", width=70),
    Column("race_mode", _t("ChallengeList", "揭榜方式"), width=80),
    Column("applicants", _t("ChallengeList", "申报团队"), "number", width=70),
    Column("selected", _t("ChallengeList", "立项团队"), "number", width=70),
]

INDICATOR_COLUMNS = [
    Column("colour", _t("IndicatorList", "亮灯"), "colour", tooltip_key="colour_reason", width=60),
    Column("plan", _t("IndicatorList", "所属规划"), width=240),
    Column("seq", _t("IndicatorList", "序号"), width=44),
    Column("name", _t("IndicatorList", "指标"), width=260),
    Column("unit", _t("IndicatorList", "单位"), width=70),
    Column("baseline", _t("IndicatorList", "基期值"), width=100),
    Column("target", _t("IndicatorList", "目标值"), width=100),
    Column("latest", _t("IndicatorList", "最新实际值"), width=100),
    Column("attribute", _t("IndicatorList", "指标属性"), width=70),
    Column("source", _t("IndicatorList", "来源"), width=160),
]


class ChallengeList(RecordList):
    def __init__(self, parent=None):
        super().__init__(CHALLENGE_COLUMNS, listings.challenge_rows,
                         lambda n: self.tr("%n 个榜单", "", n), parent)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate(self.tr("搜索榜单名称、领域、发榜单位…"))


class IndicatorList(RecordList):
    def __init__(self, parent=None):
        super().__init__(INDICATOR_COLUMNS, listings.indicator_rows,
                         lambda n: self.tr("%n 个指标", "", n), parent)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate(self.tr("搜索指标、规划…"))
