"""总览: the portfolio at a glance — 五色图, stage funnels, due and overdue, 赛马比拼 of units,
investment pace. Every number comes from db.rows.overview (the same figures the brief prints)."""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from db import colours, formatting
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.rows import register, tiles
from db.rows.overview import overview, tile_groups
from desktop.watch import watch
from desktop.widgets.charts import bar_chart
from desktop.widgets.combo_fit import fit_combo
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.table_view import table_view
from desktop.widgets.tile_map import TileMap
from desktop.worker import ASYNC_ABOVE, Background

DUE_COLUMNS = [
    Column("bucket", QT_TRANSLATE_NOOP("Overview", "类别"), width=70),
    Column("colour", QT_TRANSLATE_NOOP("Overview", "亮灯"), "colour", tooltip_key="reason", width=56),
    Column("planned_date", QT_TRANSLATE_NOOP("Overview", "计划日期"), "date", width=90),
    Column("project", QT_TRANSLATE_NOOP("Overview", "项目"), width=220),
    Column("name", QT_TRANSLATE_NOOP("Overview", "里程碑"), width=240),
    Column("unit_names", QT_TRANSLATE_NOOP("Overview", "责任单位"), width=160),
    Column("reason", QT_TRANSLATE_NOOP("Overview", "原因"), width=200),
]
REFIGURE_AFTER_MS = 1500  # an edit recolours at once; the rest of the figures follow once edits pause
RANK_COLUMNS = [
    Column("rank", QT_TRANSLATE_NOOP("Overview", "名次"), "number", width=44),
    Column("unit", QT_TRANSLATE_NOOP("Overview", "责任单位"), width=200),
    Column("projects", QT_TRANSLATE_NOOP("Overview", "项目数"), "number", width=60),
    Column("due", QT_TRANSLATE_NOOP("Overview", "到期里程碑"), "number", width=80),
    Column("on_time", QT_TRANSLATE_NOOP("Overview", "按期完成"), "number", width=70),
    Column("on_time_rate", QT_TRANSLATE_NOOP("Overview", "按期率%"), "number", width=70),
    Column("days_slipped", QT_TRANSLATE_NOOP("Overview", "累计延期天数"), "number", width=90),
    Column("red", QT_TRANSLATE_NOOP("Overview", "红灯项目"), "number", width=70),
    Column("yellow", QT_TRANSLATE_NOOP("Overview", "黄灯项目"), "number", width=70),
    Column("investment_pct", QT_TRANSLATE_NOOP("Overview", "投资完成%"), "number", width=80),
    Column("investment_gap", QT_TRANSLATE_NOOP("Overview", "较序时（百分点）"), "number", width=110),
]


def _tiles(pf, by: str, project_colours: dict) -> tuple[str, list, list, tuple]:
    """The 五色图's groups, their colour counts and index, as plain data (run on the worker when large)."""
    groups = tile_groups(pf, by, project_colours)
    return by, groups, [tiles.colour_counts(items) for _label, items in groups], tiles.index(groups)


def due_rows(due: dict, labels: dict[str, str]) -> list[dict]:
    """The 到期与逾期 table's rows: overdue, due this week, next week (labels: each bucket's name)."""
    return [{**item, "bucket": labels[bucket], "unit_names": "、".join(u for u in item["units"] if u)}
            for bucket in ("overdue", "this_week", "next_week") for item in due[bucket]]


def whole_step(top: int, ticks: int = 6) -> int:
    """A tick step for counts: a whole 1, 2 or 5 × 10ⁿ, about `ticks` ticks up to `top`."""
    raw = max(top / ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


class OverviewScreen(QWidget):
    project_clicked = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.figures: dict | None = None
        self.background = Background(self)  # at city scale the figures take a second or two
        self.tile_lane = Background(self)  # another grouping of the tiles (not superseding the figures)
        self._generation, self.applying = 0, False
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.group_by = fit_combo(QComboBox(self))
        self.group_by.currentIndexChanged.connect(lambda _i: self._fill_tiles())
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setWordWrap(True)
        self.tiles = TileMap(self)
        self.tiles.project_clicked.connect(self.project_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.tiles)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.tiles_title = QLabel(self)
        self.tiles_title.setStyleSheet("font-weight: bold; font-size: 15px")
        bar.addWidget(self.tiles_title)
        bar.addStretch(1)
        bar.addWidget(self.group_by)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(scroll, 1)

        self.tabs = QTabWidget(self)
        self.funnel_plot, self.funnel_axis = bar_chart()
        self.challenge_plot, self.challenge_axis = bar_chart()
        funnels = QWidget(self)
        fl = QVBoxLayout(funnels)
        fl.addWidget(self.funnel_plot)
        fl.addWidget(self.challenge_plot)
        self.due_model = RecordTableModel(DUE_COLUMNS, self)
        self.due_view = table_view(self.due_model)
        self.due_view.doubleClicked.connect(self._open_due)
        self.rank_model = RecordTableModel(RANK_COLUMNS, self)
        self.rank_rule = QLabel(self)
        self.rank_rule.setWordWrap(True)
        self.rank_rule.setStyleSheet("color: #555")
        ranking = QWidget(self)
        rl = QVBoxLayout(ranking)
        rl.addWidget(table_view(self.rank_model), 1)
        rl.addWidget(self.rank_rule)
        self.pace_plot, self.pace_axis = bar_chart()
        self.pace_label = QLabel(self)
        self.pace_label.setWordWrap(True)
        pace = QWidget(self)
        pl = QVBoxLayout(pace)
        pl.addWidget(self.pace_label)
        pl.addWidget(self.pace_plot, 1)
        for w in (funnels, self.due_view, ranking, pace):
            self.tabs.addTab(w, "")
        split = QSplitter(Qt.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setSizes([560, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        # computed when first shown: at city scale the figures take seconds, not to be paid at start
        watch(session, "overview", self._on_changes)
        self._stale = True
        self._later = QTimer(self)  # the figures other than the colours, after a burst of edits
        self._later.setSingleShot(True)
        self._later.setInterval(REFIGURE_AFTER_MS)
        self._later.timeout.connect(lambda: self.refresh() if self.isVisible() else self._mark_stale())
        self.retranslate()

    def _mark_stale(self) -> None:
        self._stale = True

    def _on_changes(self, changes) -> None:
        if not self.isVisible():
            self._mark_stale()
        elif self._recolour(changes):
            self._later.start()  # due lists, ranking, funnels: recomputed off the UI thread shortly
        else:
            self.refresh()

    def _recolour(self, changes) -> bool:
        """An edit of milestones (and their re-plans): only the colours of their projects can have
        moved, so those tiles and the colour counts are updated at once, in the same frame as the
        register; False when the change needs the whole overview recomputed."""
        if self.figures is None or changes.everything or not changes.kinds() <= {"milestones", "replans"}:
            return False
        pf = self.session.pf
        ids = register.projects_touched(pf, changes)
        known = self.figures["project_colours"]
        fresh = colours.all_colours(pf, project_ids=sorted(ids))["projects"] if ids else {}
        changed = {}
        total = self.figures["colours"]["total"]
        for pid, c in fresh.items():
            old = known.get(pid)
            if old is None or (old["colour"], old["reason"]) == (c.code, c.reason):
                continue  # not a tile (a programme, a plan task), or unchanged
            total[old["colour"]] -= 1
            total[c.code] = total.get(c.code, 0) + 1
            known[pid] = changed[pid] = {"colour": c.code, "reason": c.reason}
        if changed:
            self._show_summary(self.figures)
            self.tiles.recolour(changed)
        return True

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        pf = self.session.pf
        if pf is None:
            return
        self._stale = False
        if pf.count("projects") < ASYNC_ABOVE:
            self._show(overview(pf))
            return
        if self.figures is None:
            self.summary.setText(self.tr("正在计算总览…"))
        by, labels = self.group_by.currentData() or "category", self._due_labels()

        def compute():  # on the worker: the figures, the tiles' groups (reading every project), the due rows
            figures = overview(pf)
            return figures, _tiles(pf, by, figures["project_colours"]), due_rows(figures["due"], labels)
        self.background.submit(compute, lambda out: self._show(*out, staged=True),
                               lambda exc: self.summary.setText(str(exc)))

    def _show(self, figures: dict, grouped: tuple | None = None, due: list[dict] | None = None,
              staged: bool = False) -> None:
        """`grouped`: (grouping, tile groups, their colour counts) and `due`: the due rows, computed
        with the figures on the worker. `staged`: each part is applied in its own turn of the event loop (a province's
        figures at once would hold the window ~0.2 s); the newest figures cancel an unfinished run."""
        self.figures = f = figures
        self._generation += 1
        generation = self._generation
        if grouped is not None and grouped[0] == (self.group_by.currentData() or "category"):
            fill_tiles = lambda: self.tiles.set_groups(*grouped[1:])  # noqa: E731
        else:
            fill_tiles = self._fill_tiles
        steps = [lambda: self._show_summary(f), fill_tiles, self._fill_funnels, lambda: self._fill_due(due),
                 lambda: (self.rank_model.set_rows(f["unit_ranking"]["units"]),
                          self.rank_rule.setText(f["unit_ranking"]["rule"])),
                 self._fill_pace]
        if not staged:
            for step in steps:
                step()
            return
        self.applying = True

        def run(i: int) -> None:
            if generation != self._generation:
                return  # newer figures are being shown
            steps[i]()
            if i + 1 < len(steps):
                QTimer.singleShot(0, self, lambda: run(i + 1))
            else:
                self.applying = False
        run(0)

    def _show_summary(self, f: dict) -> None:
        total = f["colours"]["total"]
        chips = formatting.gap().join(f"<span style='color:{colours.HEX[c]}'>■</span> {colours.Colour(c, '').name} "
                         f"{tr(colours.MEANINGS[c])} <b>{n}</b>" for c, n in total.items())
        text = self.tr("%1 个项目　").replace("%1", str(f["counts"]["projects"])) + chips
        counts, pending = f["counts"], f.get("pending") or {}
        if counts.get("programmes") or counts.get("tasks"):
            text += "<br>" + (self.tr("另有专项计划 %1 个、规划任务 %2 个（不计入项目）")
                              .replace("%1", str(counts.get("programmes", 0)))
                              .replace("%2", str(counts.get("tasks", 0))))
        if pending.get("milestones") or pending.get("indicators"):
            text += "<br>" + (self.tr("规划期已结束、待核实：里程碑 %1 个，指标 %2 个（不算逾期，可在“规划核实”中填报）")
                              .replace("%1", str(pending["milestones"])).replace("%2", str(pending["indicators"])))
        self.summary.setText(text)

    def _fill_tiles(self) -> None:
        """The tiles grouped anew (another grouping chosen): on the worker for a large portfolio."""
        if self.figures is None:
            return
        pf, by, colours_ = self.session.pf, self.group_by.currentData() or "category", self.figures["project_colours"]
        if pf.count("projects") < ASYNC_ABOVE:
            self.tiles.set_groups(*_tiles(pf, by, colours_)[1:])
            return
        self.tile_lane.submit(lambda: _tiles(pf, by, colours_),
                              lambda out: self.tiles.set_groups(*out[1:]) if out[0] == by else None)

    def _fill_funnels(self) -> None:
        f = self.figures["funnels"]
        for plot, axis, items, title in (
                (self.funnel_plot, self.funnel_axis, f["projects"], self.tr("项目阶段（七个一批）")),
                (self.challenge_plot, self.challenge_axis, f["challenges"], self.tr("揭榜挂帅榜单阶段"))):
            plot.clear()
            # counts go into the axis labels: many pyqtgraph TextItems trip a PySide6 refcount bug
            unset = self.tr("未填")
            axis.set_labels([formatting.paren(tr_enum(i['stage']) or unset, i['count']) for i in items], self.fontMetrics())
            plot.setTitle(title)
            counts = [i["count"] for i in items]
            bars = pg.BarGraphItem(x0=0, y=list(range(len(items))), height=0.7, width=counts,
                                   brush=QColor("#1f6fd1"))
            plot.addItem(bars)
            plot.setLabel("bottom", self.tr("数量"))  # under the axis, never over a bar
            top = max(counts + [1])
            step = whole_step(top)
            plot.getAxis("bottom").setTickSpacing(step, step)
            plot.setXRange(0, top * 1.15)
            plot.setYRange(-0.6, len(items) - 0.4)

    def _due_labels(self) -> dict[str, str]:
        return {"overdue": self.tr("已逾期"), "this_week": self.tr("本周到期"), "next_week": self.tr("下周到期")}

    def _fill_due(self, rows: list[dict] | None = None) -> None:
        if rows is None:
            rows = due_rows(self.figures["due"], self._due_labels())
        self.due_model.set_rows(rows)
        self.tabs.setTabText(1, self.tr("到期与逾期（%1）").replace("%1", str(len(rows))))

    def _fill_pace(self) -> None:
        inv = self.figures["investment"]
        overall = inv["overall"]
        plot = self.pace_plot
        plot.clear()
        if overall["completed_pct"] is None:
            self.pace_label.setText(self.tr("尚无项目填报年度计划投资，无法计算投资进度。"))
            return
        self.pace_label.setText(self.tr("全部项目：年度计划投资 %1，已完成 %2（%3%），序时进度 %4%。")
                                .replace("%1", formatting.money(overall["annual_plan"]))
                                .replace("%2", formatting.money(overall["annual_done"]))
                                .replace("%3", f"{overall['completed_pct']:.1f}")
                                .replace("%4", f"{overall['expected_pct']:.1f}"))
        items = [(self.tr("全部"), overall)] + [(tr_enum(k), v) for k, v in inv["by_category"].items()]
        self.pace_axis.set_labels([formatting.paren(name, f"{(v['completed_pct'] or 0):.0f}%") for name, v in items],
                                  self.fontMetrics())
        done = [v["completed_pct"] or 0 for _n, v in items]
        brushes = [QColor(colours.HEX[v["colour"]]) for _n, v in items]
        bars = pg.BarGraphItem(x0=0, y=list(range(len(items))), height=0.6, width=done, brushes=brushes)
        plot.addItem(bars)
        # what bars and line mean, under the axis rather than in a legend box over the bars
        plot.setLabel("bottom", self.tr("年度投资完成率（%，颜色 = 亮灯）；红色虚线 = 序时进度"))
        x = overall["expected_pct"]
        plot.plot([x, x], [-0.6, len(items) - 0.4], pen=pg.mkPen("#d9363e", width=2, style=Qt.DashLine))
        plot.setXRange(0, max(done + [overall["expected_pct"], 100]) * 1.1)
        plot.setYRange(-0.6, len(items) - 0.4)

    def _open_due(self, index) -> None:
        row = self.due_model.data(index, ROW_ROLE)
        if row and row.get("project_id"):
            self.project_clicked.emit(row["project_id"])

    def retranslate(self) -> None:
        current = self.group_by.currentIndex()
        self.group_by.blockSignals(True)
        self.group_by.clear()
        self.group_by.addItem(self.tr("按类别"), "category")
        self.group_by.addItem(self.tr("按责任单位"), "unit")
        self.group_by.addItem(self.tr("按片区"), "zone")
        self.group_by.setCurrentIndex(max(current, 0))
        self.group_by.blockSignals(False)
        self.tiles_title.setText(self.tr("五色图"))
        for i, text in enumerate((self.tr("阶段漏斗"), self.tr("到期与逾期"), self.tr("赛马比拼"),
                                  self.tr("投资进度"))):
            self.tabs.setTabText(i, text)
        for model in (self.due_model, self.rank_model):
            model.headerDataChanged.emit(Qt.Horizontal, 0, model.columnCount() - 1)
        self.refresh()
