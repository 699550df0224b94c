"""A project's problems (问题/督办) on its detail: colour, number, what, who, status, 时限; raise a
new one for the project, or open one to edit it."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.i18n import QT_TRANSLATE_NOOP
from db.problems.list_rows import problem_rows
from desktop.screens.challenges.common import make_table, selected_row
from desktop.widgets.record_table import Column
from desktop.widgets.table_menu import add_to_menu

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ProjectProblems", "亮灯"), "colour", tooltip_key="colour_reason", width=48),
    Column("code", QT_TRANSLATE_NOOP("ProjectProblems", "督办编号"), width=110),
    Column("description", QT_TRANSLATE_NOOP("ProjectProblems", "问题描述"), width=200),
    Column("responsible", QT_TRANSLATE_NOOP("ProjectProblems", "责任单位"), width=110),
    Column("status_label", QT_TRANSLATE_NOOP("ProjectProblems", "状态"), width=56),
    Column("due_date", QT_TRANSLATE_NOOP("ProjectProblems", "办理时限"), "date", width=86),
]


class ProjectProblems(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.project_id: str | None = None
        self.summary = QLabel(self)
        self.add = QPushButton(self)
        self.add.clicked.connect(self.raise_problem)
        self.table, self.model = make_table(self, COLUMNS)
        self.table.doubleClicked.connect(lambda _i: self.edit_problem())
        self.table.edit_requested.connect(self.edit_problem)  # F2
        add_to_menu(self.table, self.add)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def show_project(self, project_id: str | None) -> None:
        self.project_id = project_id
        pf = self.session.pf
        rows = problem_rows(pf, project_id) if (pf is not None and project_id) else []
        self.model.set_rows(rows)
        open_ = sum(r["status"] not in ("办结", "挂起") for r in rows)
        self.summary.setText(self.tr("问题 %1 个，在办 %2 个").replace("%1", str(len(rows))).replace("%2", str(open_)))
        self.add.setEnabled(bool(project_id) and not self.session.readonly)

    def raise_problem(self) -> None:
        if self.project_id:
            from desktop.dialogs.problem import ProblemDialog  # loaded when first opened
            ProblemDialog(self.session, None, self.project_id, self).exec()

    def edit_problem(self) -> None:
        row = selected_row(self.table)
        rec = self.session.pf.get("problems", row["id"]) if row else None
        if rec is not None:
            from desktop.dialogs.problem import ProblemDialog  # loaded when first opened
            ProblemDialog(self.session, rec, None, self).exec()

    def retranslate(self) -> None:
        self.add.setText(self.tr("提出问题…"))
        self.show_project(self.project_id)
