"""Colour columns (亮灯) wide enough for their longest colour name in the language shown: 待核实 /
"Unverified" beside the chip are wider than the 52–64 px the column lists give, and a cut "待…" hides
the one colour that asks for action. Refitted when the view is shown (after a saved header state is
restored) and when the language changes."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from db import colours
from desktop.widgets.record_table import colour_chip


def needed_width(view: QAbstractItemView) -> int:
    """What the view's style asks for a cell showing the chip and the longest colour name."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.features |= QStyleOptionViewItem.HasDisplay | QStyleOptionViewItem.HasDecoration
    option.icon = colour_chip(colours.RED)
    metrics = view.fontMetrics()
    option.text = max((colours.Colour(code, "").name for code in colours.NAMES), key=metrics.horizontalAdvance)
    return view.style().sizeFromContents(QStyle.CT_ItemViewItem, option, QSize(), view).width()


def fit(view: QAbstractItemView) -> None:
    model = view.model()
    columns = [i for i, c in enumerate(getattr(model, "columns", [])) if c.kind == "colour"]
    if not columns:
        return
    width = needed_width(view)
    for i in columns:
        if view.columnWidth(i) < width:  # a column the user widened stays as wide
            view.setColumnWidth(i, width)


class _Refit(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Show, QEvent.LanguageChange):
            fit(obj)
        return False


def keep_colour_names_whole(view: QAbstractItemView) -> None:
    view.installEventFilter(_Refit(view))
    fit(view)
