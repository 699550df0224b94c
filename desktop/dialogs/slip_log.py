"""The slip log (调整记录) of a milestone or a whole project, read-only: slips are never rewritten."""
from __future__ import annotations

from db.i18n import QT_TRANSLATE_NOOP
from db.rows import slips
from desktop.dialogs.table_dialog import TableDialog
from desktop.widgets.record_table import Column

COLUMNS = [
    Column("recorded_at", QT_TRANSLATE_NOOP("SlipLog", "记录时间"), "datetime", width=140),
    Column("milestone", QT_TRANSLATE_NOOP("SlipLog", "里程碑"), width=200),
    Column("old_date", QT_TRANSLATE_NOOP("SlipLog", "原计划"), "date", width=90),
    Column("new_date", QT_TRANSLATE_NOOP("SlipLog", "新计划"), "date", width=90),
    Column("days", QT_TRANSLATE_NOOP("SlipLog", "变动天数"), "number", width=70),
    Column("reason", QT_TRANSLATE_NOOP("SlipLog", "调整原因"), width=220),
    Column("approved_by", QT_TRANSLATE_NOOP("SlipLog", "批准人"), width=90),
]


class SlipLogDialog(TableDialog):
    def __init__(self, pf, project_id: str | None = None, milestone_id: str | None = None, parent=None):
        super().__init__(None, COLUMNS, parent, size=(900, 420))
        rows = slips.slip_rows(pf, project_id=project_id, milestone_id=milestone_id)
        summary = slips.slip_summary(rows)
        self.setWindowTitle(self.tr("调整记录"))
        self.model.set_rows(rows)
        scope = self.tr("所选里程碑") if milestone_id else self.tr("本项目全部里程碑")
        self.set_note(self.tr("%1：重新计划 %2 次，累计延期 %3 天，提前 %4 天")
                      .replace("%1", scope).replace("%2", str(summary["count"]))
                      .replace("%3", str(summary["days_slipped"]))
                      .replace("%4", str(summary["days_pulled_in"])))
        self.summary = self.note
