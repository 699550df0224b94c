"""The slip log (调整记录) of a milestone or a whole project, read-only: slips are never rewritten."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from db.i18n import QT_TRANSLATE_NOOP
from db.rows import slips
from desktop.widgets.fit import resize_to_fit
from desktop.widgets.record_table import Column, RecordTableModel
from desktop.widgets.table_view import table_view

COLUMNS = [
    Column("recorded_at", QT_TRANSLATE_NOOP("SlipLog", "记录时间"), "datetime", width=140),
    Column("milestone", QT_TRANSLATE_NOOP("SlipLog", "里程碑"), width=200),
    Column("old_date", QT_TRANSLATE_NOOP("SlipLog", "原计划"), "date", width=90),
    Column("new_date", QT_TRANSLATE_NOOP("SlipLog", "新计划"), "date", width=90),
    Column("days", QT_TRANSLATE_NOOP("SlipLog", "变动天数"), "number", width=70),
    Column("reason", QT_TRANSLATE_NOOP("SlipLog", "调整原因"), width=220),
    Column("approved_by", QT_TRANSLATE_NOOP("SlipLog", "批准人"), width=90),
]


class SlipLogDialog(QDialog):
    def __init__(self, pf, project_id: str | None = None, milestone_id: str | None = None, parent=None):
        super().__init__(parent)
        rows = slips.slip_rows(pf, project_id=project_id, milestone_id=milestone_id)
        summary = slips.slip_summary(rows)
        self.setWindowTitle(self.tr("调整记录"))
        self.model = RecordTableModel(COLUMNS, self)
        self.model.set_rows(rows)
        table = table_view(self.model, self)
        scope = self.tr("所选里程碑") if milestone_id else self.tr("本项目全部里程碑")
        self.summary = QLabel(self.tr("%1：重新计划 %2 次，累计延期 %3 天，提前 %4 天")
                              .replace("%1", scope).replace("%2", str(summary["count"]))
                              .replace("%3", str(summary["days_slipped"]))
                              .replace("%4", str(summary["days_pulled_in"])), self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 900, 420)
