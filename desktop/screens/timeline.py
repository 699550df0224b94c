"""时间轴: milestones of one or more projects on a date axis — baseline vs planned, actual, colour,
a line for today; zoom and pan the dates with the mouse; click a milestone to open it.

Rows keep a fixed height (ROW_HEIGHT px) however many projects are shown; what does not fit
scrolls vertically (the scroll bar, or Shift+wheel), and labels are elided to the
label column's width, so they never overprint. A line separates the projects."""
from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollBar, QVBoxLayout, QWidget

from db import clock, colours
from db.rows.timeline import timeline_rows
from desktop.watch import watch
from desktop.widgets.charts import LabelAxis

ROW_HEIGHT = 26  # px per milestone row, at any number of rows
LABEL_WIDTH = 340  # px at most for the labels on the left; longer ones are elided


def ts(d: dt.date) -> float:
    return dt.datetime(d.year, d.month, d.day).timestamp()


class DateAxis(pg.DateAxisItem):
    """Bottom axis with numeric dates (2025-03), the same in every language."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        out = []
        for v in values:
            try:
                d = dt.datetime.fromtimestamp(v)
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            if spacing >= 300 * 86400:
                out.append(f"{d.year}")
            elif spacing >= 25 * 86400:
                out.append(f"{d.year}-{d.month:02d}")
            else:
                out.append(d.strftime("%Y-%m-%d"))
        return out


class TimelineView(QWidget):
    milestone_clicked = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.project_ids: list[str] = []
        self.rows: list[dict] = []
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        self.axis = LabelAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": DateAxis(), "left": self.axis})
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.getViewBox().invertY(True)
        self.plot.setMouseEnabled(x=True, y=False)  # the rows scroll (scroll bar), the dates zoom
        self.scroll = QScrollBar(Qt.Vertical, self)
        self.scroll.valueChanged.connect(self._show_rows)
        self.plot.getViewBox().sigResized.connect(self._show_rows)
        self._wheel = _WheelToScroll(self.scroll, self)
        self.plot.viewport().installEventFilter(self._wheel)
        font = QFont(self.font())
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setStyle(tickFont=font)
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        body = QHBoxLayout()
        body.addWidget(self.plot, 1)
        body.addWidget(self.scroll)
        layout.addLayout(body, 1)
        layout.addWidget(self.legend_label)
        watch(session, "timeline", lambda _ch: self.refresh())
        self.retranslate()

    def show_projects(self, project_ids: list[str]) -> None:
        self.project_ids = list(project_ids)
        self.refresh()

    def refresh(self) -> None:
        pf = self.session.pf
        self.plot.clear()
        self.rows = timeline_rows(pf, self.project_ids) if pf else []
        names = {r["project_id"]: r["project"] for r in self.rows}
        if len(self.project_ids) == 1 and pf:
            p = pf.get("projects", self.project_ids[0])
            self.title.setText(p["name"] if p else "")
        else:
            self.title.setText(self.tr("%n 个项目的里程碑", "", len(names)))
        labels = {}
        multi = len(names) > 1
        fm = self.fontMetrics()
        for y, r in enumerate(self.rows):
            labels[y] = self._label(r, multi, fm)
            self._draw_row(y, r)
            if multi and y and self.rows[y - 1]["project_id"] != r["project_id"]:
                self.plot.addItem(pg.InfiniteLine(pos=y - 0.5, angle=0, pen=pg.mkPen("#c8ccd2", width=1)))
        self.axis.set_labels(labels, fm)
        today = clock.system_today() if pf is None else pf.today()
        self.plot.addItem(pg.InfiniteLine(pos=ts(today), angle=90,
                                          pen=pg.mkPen("#d9363e", width=1, style=Qt.DashLine)))
        if self.rows:
            dates = [d for r in self.rows for d in (r["baseline"], r["planned"], r["actual"]) if d]
            if dates:
                pad = 45 * 86400
                self.plot.setXRange(min(ts(min(dates)), ts(today)) - pad, max(ts(max(dates)), ts(today)) + pad)
            self.scroll.setValue(0)
            self._show_rows()
        else:  # say why it is empty, and show the year around today rather than a few hours
            if self.project_ids:
                self.title.setText(self.title.text() + self.tr("　—　还没有里程碑；在项目详情中新增里程碑后显示在这里。"))
            else:
                self.title.setText(self.tr("在项目台账中选择项目，再点“时间轴”查看其里程碑。"))
            self.plot.setXRange(ts(today) - 180 * 86400, ts(today) + 180 * 86400)
            self._show_rows()

    def visible_rows(self) -> int:
        """How many rows fit at ROW_HEIGHT in the plot's height now."""
        height = self.plot.getViewBox().height()
        return max(1, int(height // ROW_HEIGHT))

    def _show_rows(self, *_) -> None:
        """Show the rows from the scroll bar's position on, ROW_HEIGHT px each."""
        fit = self.visible_rows()
        self.scroll.blockSignals(True)
        self.scroll.setRange(0, max(0, len(self.rows) - fit))
        self.scroll.setPageStep(fit)
        self.scroll.blockSignals(False)
        self.scroll.setVisible(len(self.rows) > fit)
        top = self.scroll.value()
        self.plot.setYRange(top - 0.5, top + fit - 0.5, padding=0)

    def _label(self, r: dict, multi: bool, fm) -> str:
        """The row's label, elided to LABEL_WIDTH: with several projects the project's name takes at
        most half of it, so the milestone's name stays readable."""
        if not multi:
            return fm.elidedText(r["name"], Qt.ElideRight, LABEL_WIDTH - 16)
        project = fm.elidedText(r["project"], Qt.ElideRight, (LABEL_WIDTH - 16) // 2)
        return fm.elidedText(f"{project} · {r['name']}", Qt.ElideRight, LABEL_WIDTH - 16)

    def _draw_row(self, y: int, r: dict) -> None:
        colour = QColor(colours.HEX[r["colour"]])
        b, p, a = r["baseline"], r["planned"], r["actual"]
        if b and p and b != p:  # the slip: from the first commitment to the current plan
            self.plot.plot([ts(b), ts(p)], [y, y], pen=pg.mkPen(colour, width=3))
        if b:
            self.plot.addItem(pg.ScatterPlotItem([ts(b)], [y], symbol="d", size=11,
                                                 pen=pg.mkPen("#666"), brush=pg.mkBrush("w")))
        if p:
            spot = pg.ScatterPlotItem([ts(p)], [y], symbol="o", size=13, pen=pg.mkPen("#333"),
                                      brush=pg.mkBrush(colour), data=[r["id"]], hoverable=True,
                                      tip=lambda x, y_, data, r=r: f"{r['name']}\n{r['reason']}")
            spot.sigClicked.connect(lambda item, points, ev: self.milestone_clicked.emit(points[0].data()))
            self.plot.addItem(spot)
        if a:
            self.plot.addItem(pg.ScatterPlotItem([ts(a)], [y], symbol="t1", size=12,
                                                 pen=pg.mkPen("#1b5e20"), brush=pg.mkBrush("#2e9e44")))

    def retranslate(self) -> None:
        self.legend_label.setText(self.tr(
            "◇ 基线日期　● 计划日期（颜色 = 亮灯）　▲ 实际完成　— 基线到计划的调整　┆ 今天　"
            "（滚轮缩放日期，Shift+滚轮或右侧滚动条上下翻看，拖动平移，点击里程碑打开）"))
        self.refresh() if self.session.pf else None


class _WheelToScroll(QObject):
    """The wheel over the plot zooms the dates (pyqtgraph); with Shift it scrolls the rows."""

    def __init__(self, scroll: QScrollBar, parent=None):
        super().__init__(parent)
        self.scroll = scroll

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Wheel and event.modifiers() & Qt.ShiftModifier:
            steps = event.angleDelta().y() or event.angleDelta().x()
            self.scroll.setValue(self.scroll.value() - (3 if steps > 0 else -3))
            return True
        return False
