"""揭榜挂帅: every challenge in one table (the app's filtered table: filters, sort, type-to-search),
the chosen one's detail beside it, and the printable 榜单."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from db.challenges import list_rows as listings
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.model import CHALLENGE_STAGES, RACE_MODES
from db.pinyin import sort_key
from db.store.changes import Delete
from desktop import save_folder
from desktop.screens.challenges.common import button_bar, list_beside_detail
from desktop.screens.challenges.detail import ChallengeDetail
from desktop.screens.challenges.editors import ChallengeEditor
from desktop.watch import watch
from desktop.widgets.filter_combos import colour_choices, filter_combos, refill
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.flow import FlowLayout
from desktop.widgets.record_table import ROW_ROLE, Column
from desktop.widgets.table_menu import add_to_menu

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ChallengeList", "亮灯"), "colour", tooltip_key="colour_reason", width=52),
    Column("title", QT_TRANSLATE_NOOP("ChallengeList", "榜单名称"), width=260),
    Column("stage_label", QT_TRANSLATE_NOOP("ChallengeList", "阶段"), width=72),
    Column("domain", QT_TRANSLATE_NOOP("ChallengeList", "专项/领域"), width=170),
    Column("issuer", QT_TRANSLATE_NOOP("ChallengeList", "发榜单位"), width=130),
    Column("budget", QT_TRANSLATE_NOOP("ChallengeList", "榜额（万元）"), "number", width=86),
    Column("deadline", QT_TRANSLATE_NOOP("ChallengeList", "申报截止"), "date", width=88),
    Column("days_left", QT_TRANSLATE_NOOP("ChallengeList", "剩余天数"), "number", width=64),
    Column("race_mode_label", QT_TRANSLATE_NOOP("ChallengeList", "揭榜方式"), width=70),
    Column("applicants", QT_TRANSLATE_NOOP("ChallengeList", "申报团队"), "number", width=64),
    Column("selected", QT_TRANSLATE_NOOP("ChallengeList", "立项团队"), "number", width=64),
]
SEARCH_KEYS = ("title", "code", "domain", "issuer", "stage_label", "race_mode_label", "issue_mode_label")
FILTERS = ("stage", "domain", "issuer_id", "race_mode", "colour")


class ChallengeScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict] = []
        self.list = FilteredTable(COLUMNS, None, lambda n: self.tr("%n 个榜单", "", n), self,
                                  search_keys=SEARCH_KEYS, single=True, search_bar=False)
        self.list.layout().setContentsMargins(0, 0, 0, 0)
        self.model, self.table = self.list.model, self.list.table  # the rows shown: filtered, in order
        self.search, self.count_label = self.list.search, self.list.count_label
        self.filters = filter_combos(self, FILTERS, self._filter_changed, 6)
        filter_bar = FlowLayout(fill=True)  # wraps rather than widen the window
        for combo in self.filters.values():
            filter_bar.addWidget(combo)
        self.bar, self.buttons = button_bar(self, {"new": self.new_challenge, "delete": self.delete_challenge,
                                                   "notice": self.print_notice})
        self.bar.addWidget(self.count_label)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _i: self.detail.edit())
        self.table.edit_requested.connect(lambda: self.detail.edit())  # F2
        self.detail = ChallengeDetail(session, self)
        add_to_menu(self.table, self.detail.buttons["edit"], self.detail.buttons["advance"], None,
                    self.buttons["new"], self.buttons["notice"], self.buttons["delete"])
        self.split = list_beside_detail(self, [self.bar, self.search, filter_bar, self.list], self.detail, [560, 700])
        self._stale = True
        watch(session, "challenges", lambda _ch: self.reload())
        self.retranslate()

    @property
    def pf(self):
        return self.session.pf

    # -- the main window's calls ----------------------------------------------------------
    def set_portfolio(self, _pf) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self) -> None:
        if self.pf is None:
            return
        if not self.isVisible():  # built when shown: at city scale the rows take a second
            self._stale = True
            return
        self._stale = False
        keep = self.selected_id()
        self.rows = listings.challenge_rows(self.pf)  # in the core's order (the 榜单 keeps it)
        self.list.set_rows(self.rows)
        self._fill_filter_choices()
        for b in self.buttons.values():
            b.setEnabled(not self.session.readonly or b is self.buttons["notice"])
        if keep:
            self.select(keep)

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self.reload()
        super().showEvent(event)

    def selected_id(self) -> str | None:
        row = self.list.selected_row()
        return row["id"] if row else None

    def select(self, challenge_id: str) -> None:
        if self.list.select(challenge_id):
            self.detail.show_challenge(challenge_id)

    def _current_changed(self, current, _previous) -> None:
        row = self.model.data(current, ROW_ROLE) if current.isValid() else None
        self.detail.show_challenge(row["id"] if row else None)

    def _fill_filter_choices(self) -> None:
        rows = self.list.all_rows
        choices = {
            "stage": [(s, tr_enum(s)) for s in CHALLENGE_STAGES],
            "domain": [(d, d) for d in sorted({r["domain"] for r in rows if r["domain"]}, key=sort_key)],
            "issuer_id": sorted({(r["issuer_id"], r["issuer"]) for r in rows if r["issuer_id"]}, key=lambda x: sort_key(x[1])),
            "race_mode": [(m, tr_enum(m)) for m in RACE_MODES],
            "colour": colour_choices(),
        }
        all_labels = {"stage": self.tr("全部阶段"), "domain": self.tr("全部专项/领域"),
                      "issuer_id": self.tr("全部发榜单位"), "race_mode": self.tr("全部揭榜方式"),
                      "colour": self.tr("全部亮灯")}
        for key, combo in self.filters.items():
            refill(combo, all_labels[key], choices[key])

    def _filter_changed(self, key: str) -> None:
        self.list.set_criterion(key, self.filters[key].currentData())

    def visible_ids(self) -> list[str]:
        return [r["id"] for r in self.list.visible_rows()]

    # -- actions -------------------------------------------------------------------------
    def new_challenge(self) -> None:
        dialog = ChallengeEditor(self.session, None, self)
        if dialog.exec() and dialog.result_changes:
            self.select(dialog.created_id)

    def delete_challenge(self) -> None:
        cid = self.selected_id()
        c = self.pf.get("challenges", cid) if cid else None
        if c is None:
            return
        text = self.tr("删除榜单「%1」（及其揭榜方、阶段记录）？可以撤销。").replace("%1", c["title"])
        if QMessageBox.question(self, self.tr("删除榜单"), text, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) == QMessageBox.Yes:
            self.session.try_do([Delete("challenges", cid)], self.tr("删除榜单「%1」").replace("%1", c["title"]), self)

    def print_notice(self, path: str | None = None) -> Path | None:
        """The printable 榜单 of the published challenges the list shows (all filters applied)."""
        shown = set(self.visible_ids())
        published = [r["id"] for r in self.rows if r["id"] in shown and r["stage"] in ("已发榜", "申报中")]
        if not path:
            path = save_folder.save_name(self, self.tr("打印榜单（PDF）"), self.tr("揭榜挂帅榜单") + ".pdf",
                                         self.tr("PDF 文件 (*.pdf)"))
            if not path:
                return None
        try:
            from db.documents.notice import write_notice  # reportlab loads on first use
            return write_notice(self.pf, path, ids=published)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("打印榜单"), str(exc))
            return None

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索榜单名称、编号、领域、发榜单位…（Ctrl+F）"))
        for key, text in {"new": self.tr("新建榜单"), "delete": self.tr("删除榜单"),
                          "notice": self.tr("打印榜单…")}.items():
            self.buttons[key].setText(text)
        self.buttons["notice"].setToolTip(self.tr("把列表中已发榜、申报中的榜单按发榜公告的格式生成 PDF"))
        if self.pf is not None:
            self._fill_filter_choices()
        self.list.retranslate(self.search.placeholderText())
        self.detail.retranslate()
