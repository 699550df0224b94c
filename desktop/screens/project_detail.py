"""One project: its fields, source reference, milestones with colours and the slip log."""
from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import colours, formatting
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import MILESTONE_STATUSES, PROJECTS
from db.rows import register, slips
from db.rows.register import unit_names
from db.store.changes import Delete, Update
from db.store.records import label as record_label
from desktop.dialogs import record as record_dialog
from desktop.dialogs.record import RecordDialog
from desktop.dialogs.slip_log import SlipLogDialog
from desktop.screens.project_problems import ProjectProblems
from desktop.watch import watch
from desktop.widgets.attachments_panel import AttachmentsPanel
from desktop.widgets.colour_column import keep_colour_names_whole
from desktop.widgets.delegates import ChoiceDelegate
from desktop.widgets.flow import FlowLayout
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.sheet_view import SheetView
from desktop.widgets.table_menu import add_to_menu

ADD_MILESTONE_KEY, EDIT_MILESTONE_KEY = "Ctrl+M", "Ctrl+E"


def with_shortcut(text: str, action: QAction) -> str:
    """A tooltip naming the action's key: "新增里程碑（Ctrl+M）"."""
    key = action.shortcut().toString(QKeySequence.NativeText)
    return f"{text} ({key})" if key else text


MILESTONE_COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ProjectDetail", "亮灯"), "colour", tooltip_key="colour_reason", width=56),
    Column("name", QT_TRANSLATE_NOOP("ProjectDetail", "里程碑"), width=220),
    Column("owner", QT_TRANSLATE_NOOP("ProjectDetail", "责任单位"), width=110),
    Column("baseline_date", QT_TRANSLATE_NOOP("ProjectDetail", "基线"), "date", width=86),
    Column("planned_date", QT_TRANSLATE_NOOP("ProjectDetail", "计划"), "date", width=86),
    Column("actual_date", QT_TRANSLATE_NOOP("ProjectDetail", "实际"), "date", width=86),
    Column("status_label", QT_TRANSLATE_NOOP("ProjectDetail", "状态"), width=60),
    Column("slips", QT_TRANSLATE_NOOP("ProjectDetail", "调整"), "number", width=44),
    Column("weight", QT_TRANSLATE_NOOP("ProjectDetail", "权重"), "number", width=44),
    Column("colour_reason", QT_TRANSLATE_NOOP("ProjectDetail", "亮灯原因"), width=200),
]

SHOWN_FIELDS = ("code", "entry_type", "category", "level", "stage", "phase", "lead_unit_id",
                "responsible_unit_ids", "partner_unit_ids", "zone", "domain", "total_investment", "invested_to_date",
                "annual_plan_investment", "annual_invested", "planned_start", "planned_finish", "actual_start", "actual_finish",
                "summary", "tags", "notes")
UNIT_SUFFIX = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")  # "（万元）" / " (10k CNY)": the value says its unit
# Cells edited in place (column key -> field); other fields through the milestone dialog.
INLINE = {"name": "name", "planned_date": "planned_date", "actual_date": "actual_date",
          "status_label": "status", "weight": "weight"}


class ProjectDetail(QWidget):
    timeline_requested = Signal(list)  # project ids

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.project_id = None
        self.info = QTextBrowser(self)
        self.info.setOpenLinks(False)
        self.info.setFrameShape(QTextBrowser.NoFrame)
        self.info.setStyleSheet("QTextBrowser { background: transparent; }")
        self.slip_label = QLabel(self)
        self.slip_label.setWordWrap(True)
        self.milestones = RecordTableModel(MILESTONE_COLUMNS, self, editable=INLINE, editor=self._edit_cell)
        self.table = SheetView(self)
        self.table.setModel(self.milestones)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableView.EditKeyPressed | QTableView.SelectedClicked)
        self.table.setItemDelegateForColumn(
            [c.key for c in MILESTONE_COLUMNS].index("status_label"), ChoiceDelegate(MILESTONE_STATUSES, self))
        self.table.doubleClicked.connect(self._double_clicked)
        for i, col in enumerate(MILESTONE_COLUMNS):
            self.table.setColumnWidth(i, col.width)
        keep_colour_names_whole(self.table)
        self.table.freeze(2)
        self.table.edit_requested.connect(self.edit_milestone)  # 亮灯 and the milestone's name stay in view while the dates scroll
        # the frequent milestone actions: buttons, the 编辑 menu, the table's context menu, shortcuts
        self.act_add_ms = QAction(self, shortcut=QKeySequence(ADD_MILESTONE_KEY), triggered=self.add_milestone)
        self.act_edit_ms = QAction(self, shortcut=QKeySequence(EDIT_MILESTONE_KEY), triggered=self.edit_milestone)
        self.act_edit_cell = QAction(self, shortcut=QKeySequence("F2"), triggered=self.edit_cell)
        self.act_edit_cell.setShortcutContext(Qt.WidgetShortcut)
        self.act_delete_ms = QAction(self, shortcut=QKeySequence.Delete, triggered=self.delete_milestone)
        self.act_delete_ms.setShortcutContext(Qt.WidgetShortcut)
        self.table.addAction(self.act_delete_ms)
        self.buttons = {}
        bar = FlowLayout()  # wraps on a narrow window
        for key, slot in (("edit", self.edit_project), ("add", self.add_milestone),
                          ("edit_ms", self.edit_milestone), ("delete_ms", self.delete_milestone),
                          ("log", self.show_slip_log), ("timeline", self._timeline)):
            button = QPushButton(self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        add_to_menu(self.table, self.act_edit_cell, self.act_edit_ms, self.act_add_ms, self.buttons["log"], None,
                    self.act_delete_ms)
        bar.addStretch(1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(bar)
        lower_layout.addWidget(self.slip_label)
        lower_layout.addWidget(self.table, 1)
        self.problems = ProjectProblems(session, self)  # its 督办 problems (issue #18)
        # 佐证材料 of the selected milestone, or of the project when none is selected (issue #18)
        self.attachments = AttachmentsPanel(session, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_attachments())
        self.split = QSplitter(Qt.Vertical, self)
        self.split.addWidget(self.info)
        self.split.addWidget(lower)
        self.split.addWidget(self.problems)
        self.split.addWidget(self.attachments)
        self.split.setSizes([270, 300, 130, 190])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.split)
        watch(session, "project_detail", self._on_changes)
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    def _on_changes(self, changes) -> None:
        if not self.project_id:
            return
        if not changes.everything and changes.kinds() <= {"projects", "milestones", "replans"} \
                and self.project_id not in register.projects_touched(self.pf, changes):
            return  # an edit elsewhere: nothing this pane shows has moved
        self.show_project(self.project_id)  # another file, or the project gone: it clears the panel

    def show_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        p = self.pf.get("projects", project_id) if (self.pf and project_id) else None
        self.problems.show_project(project_id if p is not None else None)
        for key, button in self.buttons.items():
            button.setEnabled(p is not None and (key in ("log", "timeline") or not self.session.readonly))
        for act in (self.act_add_ms, self.act_edit_ms, self.act_delete_ms):
            act.setEnabled(p is not None and not self.session.readonly)
        if p is None:
            self.project_id = None
            self.info.setText(self.tr("选择一个项目查看详情；双击打开编辑。"))
            self.slip_label.clear()
            self.milestones.set_rows([])
            self.attachments.show_owner(None)
            return
        names = unit_names(self.pf)
        today = self.pf.today()
        th = colours.thresholds(self.pf)
        ms = register.project_milestones(self.pf, project_id)
        colour = colours.project_colour(p, ms, today, th)
        self.info.setText(self._info_html(p, colour, names))
        log = slips.slip_rows(self.pf, project_id=project_id)
        summary = slips.slip_summary(log)
        slipped = sum(colours.slipped_days(m) > th["replan_slip_days"] for m in ms)
        self.slip_label.setText(self.tr("里程碑 %1 个 · 重新计划 %2 次 · 累计延期 %3 天 · 较基线推迟超过 %4 天 %5 个")
                                .replace("%1", str(len(ms))).replace("%2", str(summary["count"]))
                                .replace("%3", str(summary["days_slipped"]))
                                .replace("%4", f"{th['replan_slip_days']:g}").replace("%5", str(slipped)))
        per_ms: dict[str, int] = {}
        for r in log:
            per_ms[r["milestone_id"]] = per_ms.get(r["milestone_id"], 0) + 1
        rows = []
        for m in ms:
            c = colours.milestone_colour(m, today, th)
            rows.append({**m, "status_label": tr_enum(m["status"]), "colour": c.code,
                         "colour_reason": c.reason, "slips": per_ms.get(m["id"], 0),
                         "owner": names.get(m["owner_unit_id"], "") if m["owner_unit_id"] else ""})
        current = self.table.currentIndex()
        keep = (self.milestones.data(current, ROW_ROLE) or {}).get("id") if current.isValid() else None
        focused = self.window().focusWidget()
        typing = focused is not None and (focused is self.table or self.table.isAncestorOf(focused))
        self.milestones.set_rows(rows)
        if keep:  # after an edit the cursor stays on the same milestone and column (keyboard work)
            row = self.milestones.row_of(keep)
            if row >= 0:
                self.table.setCurrentIndex(self.milestones.index(row, current.column()))
        if typing:  # the cell's editor is gone with the old rows: the keys go on to the table
            self.table.setFocus()
        self._show_attachments()

    def _show_attachments(self) -> None:
        m = self.selected_milestone()
        if m is not None:
            self.attachments.show_owner(m["id"], record_label(self.pf.kind("milestones"), m))
        elif self.project_id:
            p = self.pf.get("projects", self.project_id)
            self.attachments.show_owner(self.project_id, record_label(self.pf.kind("projects"), p) if p else "")
        else:
            self.attachments.show_owner(None)

    def _info_html(self, p: dict, colour, names: dict) -> str:
        lines = [f"<h3>{escape(p['name'])}</h3>",
                 f"<p><span style='color:{colour.hex}'>●</span> <b>{escape(colour.name)}</b> — "
                 f"{escape(colour.reason)}</p><table cellspacing='2'>"]
        for name in SHOWN_FIELDS:
            value = p.get(name)
            if value in (None, "", []) or (name == "entry_type" and value == "项目"):
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
            elif f.type == "money":  # "15亿元", not "150000.0" under a label that says 万元
                value = formatting.money(value)
            elif f.type in ("number", "pct", "int"):
                value = formatting.number(value)
            label = tr(f.label)
            if f.type == "money":
                label = UNIT_SUFFIX.sub("", label)
            lines.append(f"<tr><td style='color:#666'>{escape(label)}</td>"
                         f"<td>{escape(str(value))}</td></tr>")
        lines.append("</table>")
        if p.get("source_ref"):
            source_label = self.tr("来源")
            lines.append(f"<p style='color:#555'>{escape(source_label)}："
                         f"{escape(p.get('source_doc') or '')} · {escape(p['source_ref'])}<br>"
                         f"<i>“{escape(p.get('source_text') or '')}”</i></p>")
        return "".join(lines)

    # -- actions -------------------------------------------------------------------------
    def selected_milestone(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.milestones.data(rows[0], ROW_ROLE) if rows else None

    def _double_clicked(self, index) -> None:
        if MILESTONE_COLUMNS[index.column()].key in INLINE and not self.session.readonly:
            self.table.edit(index)
        else:
            self.edit_milestone()

    def _edit_cell(self, row: dict, field: str, value) -> bool:
        """An in-place edit of a milestone cell; moving the planned date asks for the reason."""
        if self.session.readonly:
            return False
        m = self.pf.get("milestones", row["id"])
        value = value.strip() if isinstance(value, str) else value
        if m is None or (m.get(field) or "") == (value or "") or str(m.get(field)) == value:
            return False
        reason = approved = ""
        if field == "planned_date":
            answer = record_dialog.ask_replan(self, m["name"], m.get("planned_date") or m.get("baseline_date"),
                                              value or None)
            if answer is None:
                return False
            reason, approved = answer
        op = Update("milestones", m["id"], {field: value}, reason or None, approved or None)
        name = record_label(self.pf.kind("milestones"), m)
        return self.session.try_do([op], self.tr("修改%1").replace("%1", name), self) is not None

    def edit_cell(self) -> None:
        """编辑单元格 (F2): the current cell in place, or the milestone's dialog where the cell is not editable."""
        index = self.table.currentIndex()
        if index.isValid() and not self.session.readonly and MILESTONE_COLUMNS[index.column()].key in INLINE:
            self.table.setFocus()
            self.table.edit(index)
        else:
            self.edit_milestone()

    def edit_project(self) -> None:
        p = self.pf.get("projects", self.project_id) if self.project_id else None
        if p is not None:
            RecordDialog(self.session, "projects", p, parent=self).exec()

    def add_milestone(self) -> None:
        if self.project_id:
            RecordDialog(self.session, "milestones", None, preset={"project_id": self.project_id},
                         hidden={"team_id"}, parent=self).exec()

    def edit_milestone(self) -> None:
        m = self.selected_milestone()
        if m is not None:
            record = self.pf.get("milestones", m["id"])
            RecordDialog(self.session, "milestones", record, hidden={"project_id", "team_id"},
                         parent=self).exec()

    def delete_milestone(self) -> None:
        m = self.selected_milestone()
        if m is None:
            return
        name = record_label(self.pf.kind("milestones"), m)
        if QMessageBox.question(self, self.tr("删除里程碑"), self.tr("删除%1？可以撤销。").replace("%1", name),
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) == QMessageBox.Yes:
            self.session.try_do([Delete("milestones", m["id"])], self.tr("删除%1").replace("%1", name), self)

    def show_slip_log(self) -> None:
        m = self.selected_milestone()
        SlipLogDialog(self.pf, project_id=self.project_id, milestone_id=m["id"] if m else None,
                      parent=self).exec()

    def _timeline(self) -> None:
        if self.project_id:
            self.timeline_requested.emit([self.project_id])

    def retranslate(self) -> None:
        texts = {"edit": self.tr("编辑项目 (F2)"), "add": self.tr("新增里程碑"),
                 "edit_ms": self.tr("编辑里程碑"), "delete_ms": self.tr("删除里程碑"),
                 "log": self.tr("调整记录"), "timeline": self.tr("时间轴")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.act_add_ms.setText(self.tr("新增里程碑(&M)…"))
        self.act_edit_ms.setText(self.tr("编辑里程碑(&I)…"))
        self.act_edit_cell.setText(self.tr("编辑单元格"))
        self.act_delete_ms.setText(self.tr("删除里程碑"))
        for key, act in (("add", self.act_add_ms), ("edit_ms", self.act_edit_ms), ("delete_ms", self.act_delete_ms)):
            self.buttons[key].setToolTip(with_shortcut(texts[key], act))
        self.buttons["edit"].setToolTip(self.tr("编辑项目的全部字段（在里程碑表中 F2 编辑当前单元格）"))
        self.problems.retranslate()
        self.show_project(self.project_id)
        self.milestones.headerDataChanged.emit(Qt.Horizontal, 0, len(MILESTONE_COLUMNS) - 1)
