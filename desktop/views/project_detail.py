"""Read-only details of one project: its fields, source reference and milestones with colours."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from db import colours
from db.i18n import tr, tr_enum
from db.model import PROJECTS
from db.register import unit_names
from desktop.models.record_table import Column, RecordTableModel


def _t(text: str):
    return lambda: QCoreApplication.translate("ProjectDetail", text)


MILESTONE_COLUMNS = [
    Column("colour", _t("亮灯"), "colour", tooltip_key="colour_reason", width=56),
    Column("name", _t("里程碑"), width=220),
    Column("baseline_date", _t("基线"), "date", width=86),
    Column("planned_date", _t("计划"), "date", width=86),
    Column("actual_date", _t("实际"), "date", width=86),
    Column("status", _t("状态"), width=60),
    Column("colour_reason", _t("亮灯原因"), width=200),
]

SHOWN_FIELDS = ("code", "category", "level", "stage", "phase", "lead_unit_id", "responsible_unit_ids",
                "zone", "domain", "total_investment", "invested_to_date", "planned_start",
                "planned_finish", "summary", "tags", "notes")


class ProjectDetail(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.pf = None
        self.project_id = None
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.RichText)
        self.info.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.milestones = RecordTableModel(MILESTONE_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setModel(self.milestones)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for i, col in enumerate(MILESTONE_COLUMNS):
            self.table.setColumnWidth(i, col.width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        self.show_project(None)

    def set_portfolio(self, pf) -> None:
        self.pf = pf
        self.show_project(None)

    def show_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        p = self.pf.get("projects", project_id) if (self.pf and project_id) else None
        if p is None:
            self.info.setText(self.tr("选择一个项目查看详情"))
            self.milestones.set_rows([])
            return
        names = unit_names(self.pf)
        today = self.pf.today()
        th = colours.thresholds(self.pf)
        ms = self.pf.list("milestones", where="project_id=?", params=(project_id,), order="planned_date")
        colour = colours.project_colour(p, ms, today, th)
        lines = [f"<h3>{escape(p['name'])}</h3>",
                 f"<p><span style='color:{colour.hex}'>●</span> <b>{escape(colour.name)}</b> — "
                 f"{escape(colour.reason)}</p><table cellspacing='2'>"]
        for name in SHOWN_FIELDS:
            value = p.get(name)
            if value in (None, "", []):
                continue
            f = PROJECTS.field(name)
            if f.type == "ref":
                value = names.get(value, value)
            elif f.type == "reflist":
                value = "、".join(names.get(v, v) for v in value)
            elif f.type == "strlist":
                value = "、".join(value)
            elif f.type == "enum":
                value = tr_enum(value)
            lines.append(f"<tr><td style='color:#666'>{escape(tr(f.label))}</td>"
                         f"<td>{escape(str(value))}</td></tr>")
        lines.append("</table>")
        if p.get("source_ref"):
            lines.append(f"<p style='color:#555'>{escape(self.tr('来源'))}："
                         f"{escape(p.get('source_doc') or '')} · {escape(p['source_ref'])}<br>"
                         f"<i>“{escape(p.get('source_text') or '')}”</i></p>")
        self.info.setText("".join(lines))
        rows = []
        for m in ms:
            c = colours.milestone_colour(m, today, th)
            rows.append({**m, "status": tr_enum(m["status"]), "colour": c.code, "colour_reason": c.reason})
        self.milestones.set_rows(rows)

    def retranslate(self) -> None:
        self.show_project(self.project_id)
        self.milestones.headerDataChanged.emit(Qt.Horizontal, 0, len(MILESTONE_COLUMNS) - 1)
