"""项目台账: every project in one table (the app's filtered table: type-to-search, filters, sort),
or grouped by category, unit, stage or zone in a tree over the rows the filters let through."""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db import model
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.pinyin import sort_key
from db.rows import register
from desktop import known_names, start_phase
from desktop.watch import watch
from desktop.widgets.combo_fit import fit_combo
from desktop.widgets.filter_combos import colour_choices, filter_combos, refill
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.flow import FlowLayout
from desktop.widgets.grouped import GroupedModel
from desktop.widgets.record_table import ROW_ROLE, Column, header_text
from desktop.worker import ASYNC_ABOVE, Background, run_later, start_early, take_early

COLUMNS = [
    Column("colour", QT_TRANSLATE_NOOP("ProjectRegister", "亮灯"), "colour", tooltip_key="colour_reason", width=64),
    Column("name", QT_TRANSLATE_NOOP("ProjectRegister", "项目名称"), width=260),
    Column("entry_type_label", QT_TRANSLATE_NOOP("ProjectRegister", "条目类型"), width=70),
    Column("category_label", QT_TRANSLATE_NOOP("ProjectRegister", "类别"), width=110),
    Column("level_label", QT_TRANSLATE_NOOP("ProjectRegister", "级别"), width=60),
    Column("stage_label", QT_TRANSLATE_NOOP("ProjectRegister", "阶段"), width=60),
    Column("units", QT_TRANSLATE_NOOP("ProjectRegister", "责任单位"), width=180),
    Column("partners", QT_TRANSLATE_NOOP("ProjectRegister", "合作单位"), width=140),
    Column("zone", QT_TRANSLATE_NOOP("ProjectRegister", "片区/区县"), width=100),
    Column("next_milestone", QT_TRANSLATE_NOOP("ProjectRegister", "下一里程碑"), width=200),
    Column("next_date", QT_TRANSLATE_NOOP("ProjectRegister", "计划日期"), "date", width=90),
    Column("investment_pct", QT_TRANSLATE_NOOP("ProjectRegister", "投资完成"), "percent", width=80),
    Column("domain", QT_TRANSLATE_NOOP("ProjectRegister", "产业方向"), width=100),
    Column("source", QT_TRANSLATE_NOOP("ProjectRegister", "来源"), width=140),
]
PARTIAL_AT_MOST = 200  # projects touched by one change; more and the whole register is rebuilt
HIDDEN_BY_DEFAULT = {"domain", "source", "partners"}
FILTERS = ("entry_type", "category", "stage", "unit_id", "zone", "colour")
CRITERION = {"unit_id": "unit_ids"}  # a project has several units: the filter keeps those holding the one chosen


GROUPINGS = ("category_label", "units", "stage_label", "zone")


class ProjectRegister(QWidget):
    project_activated = Signal(str)
    current_changed = Signal(object)  # project id or None

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.list = FilteredTable(COLUMNS, None, lambda n: self.tr("%n 个项目", "", n), self,
                                  search_keys=register.SEARCH_KEYS, search_bar=False, order=(1, Qt.AscendingOrder))
        self.list.layout().setContentsMargins(0, 0, 0, 0)
        self.table, self.search, self.count_label = self.list.table, self.list.search, self.list.count_label
        self.filters = filter_combos(self, FILTERS, self._filter_changed, 7)
        self._filled: dict[str, tuple] = {}  # key -> (all label, choices) the drop-down was filled with
        self.list.view_for_search = lambda: self.tree if self.group_key() else self.table
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        bar = FlowLayout(fill=True)  # the filters wrap onto a second line rather than widen the window
        self.group_combo = fit_combo(QComboBox(self))
        bar.addWidget(self.group_combo)
        for combo in self.filters.values():
            bar.addWidget(combo)
        self.busy = QLabel(self)
        self.busy.setStyleSheet("color: #1f6fd1")
        self.background = Background(self)
        top.addWidget(self.busy)
        top.addWidget(self.count_label)

        self.table.setSelectionMode(QTableView.ExtendedSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for i, col in enumerate(COLUMNS):
            header.setSectionResizeMode(i, QHeaderView.Interactive)
            self.table.setColumnHidden(i, col.key in HIDDEN_BY_DEFAULT)
        self.table.doubleClicked.connect(self._activated)
        self.table.edit_requested.connect(lambda: self._activated(self.table.currentIndex()))  # F2: 编辑项目
        self.table.freeze(2)  # 亮灯 and the name stay in view while the other columns scroll
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._set_current(self._id_at(self.list.model.data(cur, ROW_ROLE))))
        self._current_id = None  # the project the detail pane shows

        self.group_combo.currentIndexChanged.connect(self._regroup)
        self.grouped = GroupedModel(COLUMNS, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.grouped)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QTreeView.SelectRows)
        self.tree.setSelectionMode(QTreeView.ExtendedSelection)
        self.tree.hide()
        for i, col in enumerate(COLUMNS):
            self.tree.setColumnWidth(i, col.width + (40 if i == 0 else 0))
        self.tree.doubleClicked.connect(lambda idx: self._emit_activated(self.grouped.row_at(idx)))
        self.tree.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._set_current(self._id_at(self.grouped.row_at(cur))))
        shown = self.list.model
        for signal in (shown.modelReset, shown.layoutChanged, shown.dataChanged):  # dataChanged: an edit in place
            signal.connect(lambda *_: self._regroup() if self.group_key() else None)
        for signal in (shown.modelReset, shown.layoutChanged):  # a search, filter, reload or edit
            signal.connect(self._follow_visible)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        layout.addWidget(self.tree)
        watch(session, "register", self._on_changes)
        self.retranslate()

    # -- data ----------------------------------------------------------------------------
    @property
    def pf(self):
        return self.session.pf

    def _on_changes(self, changes) -> None:
        """A whole-file change, or units or the settings rows depend on (names, thresholds: every
        row) reloads all (a brief's 期号 does not);
        otherwise only the rows of the projects whose records changed are computed again."""
        if changes.everything or changes.touches("units") or register.settings_touched(changes) \
                or not self.list.all_rows:
            self.reload()
            return
        ids = self._affected(changes)
        if not ids:
            return
        if len(ids) > PARTIAL_AT_MOST:
            self.reload()
            return
        fresh = register.project_rows(self.pf, only=ids)
        live = {r["id"] for r in fresh}
        # a zone or unit may be new or gone when a project came, went or moved (milestones change neither)
        moved = changes.touches("projects") and (live != ids or any(self._choice_keys(self.list.row(r["id"])) !=
                                                                    self._choice_keys(r) for r in fresh))
        # row by row (FilteredTable.update_rows): selection, scroll and the other rows stay as they are
        self.list.update_rows(fresh, removed=sorted(ids - live))
        if moved:
            self._fill_filter_choices()

    @staticmethod
    def _choice_keys(row: dict | None) -> tuple | None:
        """What of a row the unit and zone filters offer."""
        return None if row is None else (frozenset(row["unit_ids"]), row["zone"])

    def _affected(self, changes) -> set[str]:
        return register.projects_touched(self.pf, changes)

    def reload(self) -> None:
        """Rebuild the rows; on a large portfolio off the UI thread, with a busy indication."""
        if self.pf is None:
            return
        pf = self.pf
        n = pf.count("projects")
        if n < ASYNC_ABOVE:
            self._set_rows(register.project_rows(pf))
        else:
            if not self.list.all_rows:  # first load: say what is coming instead of "0 个项目"
                self._fill_filter_choices()
                self.count_label.clear()
                self.busy.setText(self.tr("正在载入 %n 个项目并计算亮灯…", "", n))
            else:
                self.busy.setText(self.tr("正在计算亮灯…"))
            order, table = self.list.sort_order(), self.list
            rows = take_early("register", pf) or (lambda: self._rows_for_search(pf, table, order))
            self.background.submit(rows, lambda got: (self._set_rows(*got), self._keep_names()),
                                   lambda exc: self.busy.setText(str(exc)))

    @classmethod
    def start_early(cls, pf) -> None:
        """Cold start: a large portfolio's rows begin on the worker while the window is still being built."""
        if pf.count("projects") >= ASYNC_ABOVE:
            start_early("register", pf, lambda: cls._rows_for_search(pf))

    @staticmethod
    def _rows_for_search(pf, table: FilteredTable | None = None, order=None) -> tuple:
        """On the worker: the rows (in the table's order when a table is given), their search texts
        ready for the first keystroke, and the filters' unit and zone choices (their 拼音 order made
        here, not on the UI thread) — the UI thread only shows them."""
        known_names.load()  # the names' 拼音 kept from earlier sessions
        rows = register.project_rows(pf)
        if table is not None:
            rows = table.in_order(rows, order)
        return rows, FilteredTable.prepare(rows, register.SEARCH_KEYS), order, ProjectRegister._choice_values(pf, rows)

    def _keep_names(self) -> None:
        """After a full load: the 拼音 of the names and zones kept for the next start (on the worker,
        after the rows): the zone filter's order needs the zones' (else pypinyin's tables are read)."""
        rows, pf = self.list.all_rows, self.pf
        names = [r["name"] for r in rows] + list({r["zone"] for r in rows if r["zone"]})
        run_later(lambda: known_names.save(names + list(register.unit_names(pf).values())))

    def _set_rows(self, rows: list[dict], prepared: tuple | None = None, sorted_by=None,
                  values: dict | None = None) -> None:
        self.busy.clear()
        selected = self.selected_ids()
        self.list.set_rows(rows, prepared, sorted_by)
        self._fill_filter_choices(values)
        if selected:
            self.select(selected[0])
        start_phase.done()  # at a start, the rows are what the user waits for: the rest comes now

    def rows(self) -> list[dict]:
        """Every project's row, shown or not."""
        return self.list.all_rows

    def row(self, project_id: str) -> dict | None:
        return self.list.row(project_id)

    def select(self, project_id: str) -> None:
        self.list.select(project_id)

    @staticmethod
    def _choice_values(pf, rows: list[dict]) -> dict[str, list[tuple[str, str]]]:
        """The unit and zone filters' choices the rows use (plain Python: also on the worker)."""
        unit_names = register.unit_names(pf)
        used_units = sorted({u for r in rows for u in r["unit_ids"]}, key=lambda u: sort_key(unit_names.get(u, "")))
        return {"unit_id": [(u, unit_names.get(u, "?")) for u in used_units],
                "zone": [(z, z) for z in sorted({r["zone"] for r in rows if r["zone"]}, key=sort_key)]}

    def _fill_filter_choices(self, values: dict | None = None) -> None:
        """`values`: the unit and zone choices made with the rows on the worker (else made here)."""
        choices = {
            "entry_type": [(t, tr_enum(t)) for t in model.ENTRY_TYPES],
            "category": [(c, tr_enum(c)) for c in model.CATEGORIES],
            "stage": [(s, tr_enum(s)) for s in model.STAGES],
            **(values if values is not None else self._choice_values(self.pf, self.list.all_rows)),
            "colour": colour_choices(),
        }
        for key, combo in self.filters.items():
            items = (self._all_label(key), choices[key])
            if self._filled.get(key) != items:  # most edits change no choice: the drop-downs stay as they are
                refill(combo, *items)
                self._filled[key] = items

    def _all_label(self, key: str) -> str:
        labels = {
            "entry_type": self.tr("全部条目"), "category": self.tr("全部类别"), "stage": self.tr("全部阶段"),
            "unit_id": self.tr("全部责任单位"), "zone": self.tr("全部片区"),
            "colour": self.tr("全部亮灯"),
        }
        return labels[key]

    def _filter_changed(self, key: str) -> None:
        self.list.set_criterion(CRITERION.get(key, key), self.filters[key].currentData())

    # -- interaction ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_ids(self) -> list[str]:
        if self.group_key():
            rows = [self.grouped.row_at(i) for i in self.tree.selectionModel().selectedRows()]
        else:
            rows = [self.list.model.data(i, ROW_ROLE) for i in self.table.selectionModel().selectedRows()]
        return list(dict.fromkeys(r["id"] for r in rows if r))

    def _set_current(self, project_id: str | None) -> None:
        self._current_id = project_id
        self.current_changed.emit(project_id)

    def _follow_visible(self, *_) -> None:
        """After a search, filter or reload: the selection and the detail pane follow what is
        visible. The shown project stays selected while it still matches; once it is filtered out
        the pane is cleared, so no edit can reach a project the list does not show (issue #21)."""
        pid = self._current_id
        if pid is None:
            return
        if not self.list.shows(pid):
            self.table.selectionModel().clearSelection()
            self.tree.selectionModel().clearSelection()
            self._current_id = None
            self.current_changed.emit(None)
        elif not self.group_key() and pid not in self.selected_ids():
            self.select(pid)

    @staticmethod
    def _id_at(row: dict | None):
        return row["id"] if row else None

    # -- grouping ------------------------------------------------------------------------
    def group_key(self) -> str | None:
        return self.group_combo.currentData()

    def _regroup(self, *_) -> None:
        key = self.group_key()
        self.list.setVisible(key is None)
        self.tree.setVisible(key is not None)
        if key is None:
            return
        groups: defaultdict[str, list[dict]] = defaultdict(list)
        none_label = self.tr("（未填）")
        rows = self.list.visible_rows()
        if key == "units":  # a project under each of its units (regrouped at each keystroke: kept tight)
            for row in rows:
                names = [n for n in row["units"].split("、") if n]
                for name in names or (none_label,):
                    groups[name].append(row)
        else:
            for row in rows:
                groups[row.get(key) or none_label].append(row)
        ordered = sorted(groups.items(), key=lambda kv: (kv[0] == none_label, -len(kv[1]), sort_key(kv[0])))
        self.grouped.set_groups(ordered)
        for i in range(len(ordered)):
            self.tree.setFirstColumnSpanned(i, self.tree.rootIndex(), True)
        self.tree.expandAll() if len(ordered) <= 30 else None

    def visible_ids(self) -> list[str]:
        """Ids of the rows the filters let through, in the order shown."""
        return [r["id"] for r in self.list.visible_rows()]

    def _activated(self, index) -> None:
        self._emit_activated(self.list.model.data(index, ROW_ROLE))

    def _emit_activated(self, row: dict | None) -> None:
        if row:
            self.project_activated.emit(row["id"])

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        for i, col in enumerate(COLUMNS):
            act = QAction(header_text(col), menu, checkable=True)
            act.setChecked(not self.table.isColumnHidden(i))
            act.toggled.connect(lambda on, i=i: self.table.setColumnHidden(i, not on))
            menu.addAction(act)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def save_layout(self, settings: QSettings) -> None:
        settings.setValue("register/header", self.table.horizontalHeader().saveState())

    def restore_layout(self, settings: QSettings) -> None:
        state = settings.value("register/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def retranslate(self) -> None:
        current = self.group_combo.currentIndex()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("不分组"), None)
        for key, text in zip(GROUPINGS, (self.tr("按类别分组"), self.tr("按责任单位分组"),
                                         self.tr("按阶段分组"), self.tr("按片区分组")), strict=True):
            self.group_combo.addItem(text, key)
        self.group_combo.setCurrentIndex(max(current, 0))
        self.group_combo.blockSignals(False)
        self.list.retranslate(self.tr("搜索项目名称、单位、片区、方向…（Ctrl+F）"))
        if self.pf is not None:
            self._fill_filter_choices()
            if self.list.all_rows:
                self.reload()  # the rows carry their labels (类别, 阶段…) in the language they were built in
