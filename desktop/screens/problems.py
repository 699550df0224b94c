"""问题督办: every problem in the app's one filtered table (filters by unit, status, colour;
type-to-search), the chosen one's detail beside it — its fields and its whole history — with a
button for each move the workflow allows now, and the printable 督办单."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import colours
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import PROBLEM_STATUSES, PROBLEMS
from db.problems.list_rows import history_rows, problem_rows
from db.problems.rules import MOVES
from db.store.changes import Delete
from desktop import save_folder
from desktop.dialogs.problem import ProblemDialog, ProblemMoveDialog
from desktop.screens.challenges.common import button_bar, list_beside_detail, make_table
from desktop.watch import watch
from desktop.widgets.attachments_panel import AttachmentsPanel
from desktop.widgets.filter_combos import colour_choices, filter_combos, refill
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.flow import FlowLayout
from desktop.widgets.record_table import ROW_ROLE, Column
from desktop.widgets.table_menu import add_to_menu

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ProblemList", "亮灯"), "colour", tooltip_key="colour_reason", width=52),
    Column("code", QT_TRANSLATE_NOOP("ProblemList", "督办编号"), width=120),
    Column("description", QT_TRANSLATE_NOOP("ProblemList", "问题描述"), width=220),
    Column("project", QT_TRANSLATE_NOOP("ProblemList", "所属项目"), width=170),
    Column("responsible", QT_TRANSLATE_NOOP("ProblemList", "责任单位"), width=130),
    Column("status_label", QT_TRANSLATE_NOOP("ProblemList", "状态"), width=64),
    Column("due_date", QT_TRANSLATE_NOOP("ProblemList", "办理时限"), "date", width=88),
    Column("days_left", QT_TRANSLATE_NOOP("ProblemList", "剩余天数"), "number", width=64),
]
HISTORY = [
    Column("date", QT_TRANSLATE_NOOP("ProblemHistory", "日期"), "date", width=86),
    Column("from_label", QT_TRANSLATE_NOOP("ProblemHistory", "原状态"), width=60),
    Column("to_label", QT_TRANSLATE_NOOP("ProblemHistory", "新状态"), width=60),
    Column("unit", QT_TRANSLATE_NOOP("ProblemHistory", "办理单位"), width=120),
    Column("by_person", QT_TRANSLATE_NOOP("ProblemHistory", "经办人"), width=70),
    Column("note", QT_TRANSLATE_NOOP("ProblemHistory", "说明"), width=200),
]
SEARCH_KEYS = ("code", "description", "project", "responsible", "assisting", "request", "status_label")
FILTERS = ("responsible_unit_id", "status", "colour")
SHOWN = ("project", "description", "request", "raised_by_unit", "raised_by", "raised_on", "assigned_by",
         "responsible", "assisting", "due_date", "progress", "result", "closed_on")
LABELS = {"project": "project_id", "raised_by_unit": "raised_by_unit_id", "assigned_by": "assigned_by_unit_id",
          "responsible": "responsible_unit_id", "assisting": "assisting_unit_ids"}
ACTIONS = ("交办", "签收", "办理中", "办结", "退回", "挂起")  # one button per target status, in workflow order
assert set(ACTIONS) == {s for moves in MOVES.values() for s in moves}


class ProblemDetail(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.row: dict | None = None
        self.info = QTextBrowser(self)
        self.info.setOpenLinks(False)
        self.info.setFrameShape(QTextBrowser.NoFrame)
        self.info.setStyleSheet("QTextBrowser { background: transparent; }")
        self.moves = FlowLayout()  # wraps on a narrow window
        self.move_buttons: dict[str, QPushButton] = {}
        for status in ACTIONS:
            b = QPushButton(self)
            b.clicked.connect(lambda _c=False, s=status: self.move(s))
            self.moves.addWidget(b)
            self.move_buttons[status] = b
        self.moves.addStretch(1)
        self.history, self.history_model = make_table(self, HISTORY)
        add_to_menu(self.history, *self.move_buttons.values())
        self.attachments = AttachmentsPanel(session, self)  # its 佐证材料 (issue #18)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.info)
        split.addWidget(self.history)
        split.addWidget(self.attachments)
        split.setSizes([300, 200, 180])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.moves)
        layout.addWidget(split, 1)
        self.show_problem(None)

    @property
    def pf(self):
        return self.session.pf

    def show_problem(self, row: dict | None) -> None:
        self.row = row
        labels = self._labels(row["status"] if row else None)
        for status, b in self.move_buttons.items():
            b.setVisible(bool(row) and status in row["moves"])
            b.setEnabled(not self.session.readonly)
            b.setText(labels[status])
        if row is None:
            hint = self.tr("在左侧选择一个问题；用上方的按钮办理。")
            self.info.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
            self.history_model.set_rows([])
            self.attachments.show_owner(None)
            return
        chip = f"<span style='color:{colours.HEX[row['colour']]}'>●</span>"
        lines = [f"<h3>{escape(row['code'] or '')}　{escape(tr_enum(row['status']))}</h3>",
                 f"<p>{chip} {escape(row['colour_reason'])}</p><table cellspacing='4'>"]
        for key in SHOWN:
            value = row.get(key)
            if value in (None, "", []):
                continue
            label = tr(PROBLEMS.field(LABELS.get(key, key)).label)
            text = escape(str(value)).replace("\n", "<br/>")
            lines.append(f"<tr><td style='color:#555' valign='top'>{escape(label)}</td><td>{text}</td></tr>")
        lines.append("</table>")
        self.info.setHtml("".join(lines))
        self.history_model.set_rows(history_rows(self.pf, row["id"]))
        self.attachments.show_owner(row["id"], row.get("code") or "")

    def _labels(self, current: str | None) -> dict[str, str]:
        """What each move is called as an action from the current status."""
        start = {"办结": self.tr("重新办理…"), "挂起": self.tr("恢复办理…")}.get(current or "", self.tr("开始办理…"))
        return {"交办": self.tr("交办…"), "签收": self.tr("签收…"), "办理中": start, "办结": self.tr("办结…"),
                "退回": self.tr("退回…"), "挂起": self.tr("挂起…")}

    def move(self, status: str) -> None:
        if self.row is not None:
            ProblemMoveDialog(self.session, self.row["id"], status, self).exec()

    def retranslate(self) -> None:
        self.attachments.retranslate()
        self.show_problem(self.row)


class ProblemScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.list = FilteredTable(COLUMNS, None, lambda n: self.tr("%n 个问题", "", n), self,
                                  search_keys=SEARCH_KEYS, single=True, search_bar=False)
        self.list.layout().setContentsMargins(0, 0, 0, 0)
        self.model, self.table = self.list.model, self.list.table
        self.search, self.count_label = self.list.search, self.list.count_label
        self.filters = filter_combos(self, FILTERS, lambda k: self.list.set_criterion(k, self.filters[k].currentData()),
                                     6)
        filter_bar = FlowLayout(fill=True)  # wraps rather than widen the window
        for combo in self.filters.values():
            filter_bar.addWidget(combo, 1)
        self.bar, self.buttons = button_bar(self, {"new": self.new_problem, "edit": self.edit_problem,
                                                   "delete": self.delete_problem, "print": self.print_dubandan})
        self.bar.addWidget(self.count_label)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_problem())
        self.detail = ProblemDetail(session, self)
        add_to_menu(self.table, self.buttons["edit"], *self.detail.move_buttons.values(), None, self.buttons["new"],
                    self.buttons["print"], self.buttons["delete"])
        self.table.edit_requested.connect(self.edit_problem)  # F2
        list_beside_detail(self, [self.bar, self.search, filter_bar, self.list], self.detail, [640, 560])
        watch(session, "problems", lambda _ch: self.reload())
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    def set_portfolio(self, _pf) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.list.focus_search()

    def reload(self) -> None:
        if self.pf is None:
            return
        keep = self.selected_id()
        self.list.set_rows(problem_rows(self.pf))
        self._fill_filter_choices()
        for key, b in self.buttons.items():
            b.setEnabled(not self.session.readonly or key == "print")
        if not (keep and self.select(keep)):
            self.detail.show_problem(None)

    def selected_id(self) -> str | None:
        row = self.list.selected_row()
        return row["id"] if row else None

    def select(self, problem_id: str) -> bool:
        if self.list.select(problem_id):
            self.detail.show_problem(self.list.selected_row())
            return True
        return False

    def _current_changed(self, current, _previous) -> None:
        self.detail.show_problem(self.model.data(current, ROW_ROLE) if current.isValid() else None)

    def _fill_filter_choices(self) -> None:
        rows = self.list.all_rows
        choices = {
            "responsible_unit_id": sorted({(r["responsible_unit_id"], r["responsible"]) for r in rows
                                           if r["responsible_unit_id"]}, key=lambda x: x[1]),
            "status": [(s, tr_enum(s)) for s in PROBLEM_STATUSES],
            "colour": [(c, text) for c, text in colour_choices() if c != colours.PENDING],
        }
        all_labels = {"responsible_unit_id": self.tr("全部责任单位"), "status": self.tr("全部状态"),
                      "colour": self.tr("全部亮灯")}
        for key, combo in self.filters.items():
            refill(combo, all_labels[key], choices[key])

    # -- actions -------------------------------------------------------------------------
    def new_problem(self, project_id: str | None = None) -> None:
        dialog = ProblemDialog(self.session, None, project_id or None, self)
        if dialog.exec() and dialog.result_changes:
            self.select(dialog.created_id)

    def edit_problem(self) -> None:
        pid = self.selected_id()
        rec = self.pf.get("problems", pid) if pid else None
        if rec is not None:
            ProblemDialog(self.session, rec, None, self).exec()

    def delete_problem(self) -> None:
        pid = self.selected_id()
        rec = self.pf.get("problems", pid) if pid else None
        if rec is None:
            return
        text = self.tr("删除问题「%1」（及其办理记录）？可以撤销。").replace("%1", rec["description"])
        if QMessageBox.question(self, self.tr("删除问题"), text, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) == QMessageBox.Yes:
            self.session.try_do([Delete("problems", pid)], self.tr("删除问题「%1」").replace("%1", rec["description"]),
                                self)

    def print_dubandan(self, path: str | None = None) -> Path | None:
        pid = self.selected_id()
        if pid is None:
            return None
        if not path:
            code = self.pf.get("problems", pid)["code"] or self.tr("督办单")
            path = save_folder.save_name(self, self.tr("打印督办单"), f"{code}.pdf",
                                         self.tr("PDF 文件 (*.pdf);;Word 文件 (*.docx)"))
            if not path:
                return None
        try:
            from db.problems.dubandan import write_dubandan  # reportlab loads on first use
            return write_dubandan(self.pf, pid, path)[0]
        except UserError as exc:
            QMessageBox.warning(self, self.tr("打印督办单"), str(exc))
            return None

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索问题描述、编号、项目、责任单位…（Ctrl+F）"))
        for key, text in {"new": self.tr("提出问题"), "edit": self.tr("编辑"), "delete": self.tr("删除"),
                          "print": self.tr("打印督办单…")}.items():
            self.buttons[key].setText(text)
        if self.pf is not None:
            self._fill_filter_choices()
        self.list.retranslate(self.search.placeholderText())
        self.detail.retranslate()
