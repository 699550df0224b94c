"""指标: the plans' indicator tables as the documents print them, a column per year for actual
values (editable), progress colour against the straight line, and a chart of the chosen row."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import colours, formatting
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.rows import indicators, search
from desktop.dialogs.record import RecordDialog
from desktop.watch import watch
from desktop.widgets import colour_column
from desktop.widgets.keys import search_leads_to
from desktop.widgets.record_table import ROW_ROLE, Column, RecordTableModel
from desktop.widgets.sheet_view import SheetView
from desktop.widgets.table_menu import add_to_menu
from desktop.worker import Background

FIXED = [
    Column("colour", QT_TRANSLATE_NOOP("IndicatorTable", "亮灯"), "colour", tooltip_key="colour_reason", width=58),
    Column("seq", QT_TRANSLATE_NOOP("IndicatorTable", "序号"), width=40),
    Column("name", QT_TRANSLATE_NOOP("IndicatorTable", "指标"), width=250),
    Column("unit", QT_TRANSLATE_NOOP("IndicatorTable", "单位"), width=64),
    Column("baseline_label", QT_TRANSLATE_NOOP("IndicatorTable", "基期值"), width=90),
    Column("target_label", QT_TRANSLATE_NOOP("IndicatorTable", "目标值"), width=90),
    Column("attribute", QT_TRANSLATE_NOOP("IndicatorTable", "指标属性"), width=64),
]
TAIL = [Column("colour_reason", QT_TRANSLATE_NOOP("IndicatorTable", "进度"), width=320),
        Column("source", QT_TRANSLATE_NOOP("IndicatorTable", "来源"), width=200)]
MAX_YEAR_COLUMNS = 12
ASYNC_ABOVE = 300  # indicators: the screen's first read (every indicator and value, ~40 ms of a province's) on the worker


class IndicatorScreen(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict] = []
        self.background = Background(self)
        self._reads = 0  # bumped by every read on the UI thread: a first read from the worker older than it is not shown
        self.plan_combo = QComboBox(self)
        self.plan_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(30)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill())
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_indicator)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_indicator)
        self.model = RecordTableModel(FIXED + TAIL, self, editable={}, editor=self._edit_year)
        self.table = SheetView(self)
        self.table.setModel(self.model)
        search_leads_to(self.search, lambda: self.table)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed | QTableView.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._plot(cur))
        add_to_menu(self.table, self.add_button, self.edit_button)
        self.table.freeze(3)  # 亮灯, 序号 and the indicator's name stay in view beside the years
        self.table.edit_requested.connect(self.edit_indicator)  # F2 on a cell that is not a year's value
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #555")
        self.hint.setWordWrap(True)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.chart = pg.PlotWidget()
        self.chart.showGrid(x=True, y=True, alpha=0.2)
        self.chart.setMinimumHeight(200)
        self.chart_title = QLabel(self)
        self.chart_title.setStyleSheet("font-weight: bold")
        self.chart_title.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.plan_combo, 2)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart_title)
        lower_layout.addWidget(self.chart, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([520, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        watch(session, "indicators", self._on_changes)
        self._set_texts()  # the rows come with refill_plans (the window calls it): read once, not twice

    @property
    def pf(self):
        return self.session.pf

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_changes(self, changes) -> None:
        if changes.touches("indicators"):
            self.refill_plans()
        elif changes.kinds() & {"indicator_values", "settings"}:
            self.reload()

    def refill_plans(self, background: bool = False) -> None:
        """The plans offered and the chosen plan's rows. `background` (the screen's first fill): a
        large portfolio's are read on the worker and shown when read."""
        if self.pf is None:
            return
        pf, current = self.pf, self.plan_combo.currentData()
        if background and pf.count("indicators") >= ASYNC_ABOVE:
            reads = self._reads

            def read() -> tuple[list[str], list[dict]]:
                names = indicators.plans(pf)
                return names, indicators.table(pf, current if current in names else (names[0] if names else None))

            def read_done(got: tuple[list[str], list[dict]]) -> None:
                if pf is not self.pf:
                    return
                if reads != self._reads:  # read again meanwhile on the UI thread: that read is newer
                    self.refill_plans()
                    return
                self._show_plans(current, *got)
            self.background.submit(read, read_done)
            return
        self._show_plans(current, indicators.plans(pf))

    def _show_plans(self, current, names: list[str], rows: list[dict] | None = None) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in names:
            self.plan_combo.addItem(plan, plan)
        idx = self.plan_combo.findData(current)
        self.plan_combo.setCurrentIndex(max(idx, 0))
        self.plan_combo.blockSignals(False)
        self.reload(rows)

    def reload(self, rows: list[dict] | None = None) -> None:
        """Show the chosen plan's rows (`rows`: read already, for that plan)."""
        if self.pf is None:
            return
        selected = self._selected_id()
        if rows is None:
            self._reads += 1
            rows = indicators.table(self.pf, self.plan_combo.currentData())
        self.rows = rows
        years = indicators.year_span(self.rows)[-MAX_YEAR_COLUMNS:]
        self.year_columns = [Column(f"y{y}", str(y), "text", width=62) for y in years]
        self.model.columns = FIXED + self.year_columns + TAIL
        self.model.editable = {c.key: c.key for c in self.year_columns} if not self.session.readonly else {}
        self._fill()
        if selected:
            self.select(selected)
        elif self.model.rowCount():  # the chart below shows the first indicator rather than empty axes
            self.table.selectRow(0)

    def _fill(self) -> None:
        texts = [search.search_text((r["name"], r["unit"])) for r in self.rows]  # a few hundred: no cache
        shown = []
        for i in search.search(self.rows, texts, self.search.text(), words=False):
            r = self.rows[i]
            row = dict(r)
            row["baseline_label"] = f"{r['baseline_year'] or ''} · {r['baseline']}" if r["baseline_year"] else r["baseline"]
            row["target_label"] = f"{r['target_year'] or ''} · {r['target']}" if r["target_year"] else r["target"]
            for year, v in r["values"].items():
                row[f"y{year}"] = v["text"] if v["text"] is not None else f"{v['value']:g}"
            shown.append(row)
        self.model.set_rows(shown)
        for i, col in enumerate(self.model.columns):
            self.table.setColumnWidth(i, col.width)
        colour_column.fit(self.table)

    def _selected_id(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = self.model.data(rows[0], ROW_ROLE) if rows else None
        return row["id"] if row else None

    def select(self, indicator_id: str) -> None:
        row = self.model.row_of(indicator_id)
        if row >= 0:
            self.table.selectRow(row)

    def _edit_year(self, row: dict, key: str, text) -> bool:
        year = int(key[1:])
        try:
            ops = indicators.set_actual_ops(self.pf, row["id"], year, str(text))
        except UserError as exc:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self, self.tr("无法保存"), str(exc))
            return False
        if not ops:
            return False
        label = self.tr("%1 %2年实际值").replace("%1", row["name"]).replace("%2", str(year))
        return self.session.try_do(ops, label, self) is not None

    def add_indicator(self) -> None:
        preset_plan = self.plan_combo.currentData()
        dialog = RecordDialog(self.session, "indicators", None, parent=self)
        if preset_plan:
            dialog.form.editors["plan"].setText(preset_plan)
        dialog.exec()

    def edit_indicator(self) -> None:
        iid = self._selected_id()
        if iid:
            RecordDialog(self.session, "indicators", self.pf.get("indicators", iid), parent=self).exec()

    # -- chart ---------------------------------------------------------------------------
    def _plot(self, index) -> None:
        self.chart.clear()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if row is None:
            self.chart_title.clear()
            return
        self.chart_title.setText(f"{formatting.paren(row['name'], row['unit'])} — {row['colour_reason']}")
        legend = self.chart.addLegend(offset=(10, 10))
        by, bv, ty, tv = row["baseline_year"], row["baseline_value"], row["target_year"], row["target_value"]
        if None not in (by, bv, ty, tv):
            self.chart.plot([by, ty], [bv, tv], pen=pg.mkPen("#9aa0a6", width=2, style=Qt.DashLine),
                            name=self.tr("序时（基期到目标的直线）"))
            self.chart.plot([by], [bv], pen=None, symbol="s", symbolBrush="#666", name=self.tr("基期"))
            self.chart.plot([ty], [tv], pen=None, symbol="star", symbolSize=14, symbolBrush="#f2b705",
                            name=self.tr("目标"))
        points = sorted((y, v["value"]) for y, v in row["values"].items() if v["value"] is not None)
        if points:
            self.chart.plot([p[0] for p in points], [p[1] for p in points],
                            pen=pg.mkPen(colours.HEX[row["colour"]], width=2), symbol="o",
                            symbolBrush=colours.HEX[row["colour"]], name=self.tr("实际值"))
        legend.setParentItem(self.chart.getPlotItem())

    def retranslate(self) -> None:
        self._set_texts()
        self.reload()

    def _set_texts(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索指标…"))
        self.add_button.setText(self.tr("新增指标"))
        self.edit_button.setText(self.tr("编辑指标"))
        self.hint.setText(self.tr("双击年份单元格填写实际值（清空即删除）；颜色按基期到目标的直线计算序时进度，"
                                  "“越低越好”的指标方向相反。"))
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, max(self.model.columnCount() - 1, 0))
