"""Small pyqtgraph helpers shared by the charts."""
from __future__ import annotations

import pyqtgraph as pg


class LabelAxis(pg.AxisItem):
    """A category axis: fixed text labels at integer positions (works on inverted views too)."""

    def __init__(self, orientation: str = "left"):
        super().__init__(orientation)
        self.labels: dict[int, str] = {}

    def set_labels(self, labels: list[str] | dict[int, str], font_metrics=None) -> None:
        self.labels = dict(enumerate(labels)) if isinstance(labels, list) else dict(labels)
        if font_metrics is not None and self.orientation in ("left", "right"):
            widest = max((font_metrics.horizontalAdvance(t) for t in self.labels.values()), default=40)
            self.setWidth(min(widest + 16, 420))
        self.picture = None
        self.update()

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [self.labels.get(int(round(v)), "") for v in values]

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803
        lo, hi = sorted((minVal, maxVal))
        return [(1, [i for i in self.labels if lo <= i <= hi])]


def bar_chart() -> tuple[pg.PlotWidget, LabelAxis]:
    """A horizontal bar chart: categories down the left, values along the bottom."""
    axis = LabelAxis("left")
    plot = pg.PlotWidget(axisItems={"left": axis})
    plot.showGrid(x=True, y=False, alpha=0.2)
    plot.getViewBox().invertY(True)
    plot.setMouseEnabled(x=False, y=False)
    return plot, axis
