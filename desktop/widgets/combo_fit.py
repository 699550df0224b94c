"""Drop-downs wide enough for what they show: "All categories", not "All categorie".

A combo's size policy (AdjustToMinimumContentsLength…) counts characters of an average Latin
width: CJK labels and long English ones come out cut. `fit_combo` gives the combo the minimum width
its current text needs (measured with its own font and style, up to `cap` px: a long unit name
chosen may still elide) and its pop-up list the width of its widest item. A combo refilled
`with filling(combo):` is measured once at the end, not at each item added (300 unit names each
measuring every item so far: seconds at start-up).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


def text_room(combo: QComboBox) -> int:
    """The width (px) of the field where the combo draws its current text."""
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    return combo.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, combo).width()


def needed_width(combo: QComboBox, text: str) -> int:
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    fm = combo.fontMetrics()
    size = QSize(fm.horizontalAdvance(text) + 4, fm.height())
    return combo.style().sizeFromContents(QStyle.CT_ComboBox, opt, size, combo).width()


_CAP, _PAUSED = "fit_cap", "fit_paused"


def fit(combo: QComboBox) -> None:
    """Size a fitted combo (fit_combo) to its current text and its pop-up to its widest item."""
    cap = combo.property(_CAP)
    if cap is None or combo.property(_PAUSED):
        return
    combo.setMinimumWidth(min(needed_width(combo, combo.currentText()), cap))
    fm = combo.fontMetrics()
    widest = max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    combo.view().setMinimumWidth(widest + 32)


@contextmanager
def filling(combo: QComboBox) -> Iterator[QComboBox]:
    """Items added one by one inside: the combo is measured once, when they are all in."""
    combo.setProperty(_PAUSED, True)
    try:
        yield combo
    finally:
        combo.setProperty(_PAUSED, False)
        fit(combo)


def fit_combo(combo: QComboBox, cap: int = 320) -> QComboBox:
    combo.setProperty(_CAP, cap)

    def update(*_):
        fit(combo)

    combo.currentIndexChanged.connect(update)
    combo.model().modelReset.connect(update)
    combo.model().rowsInserted.connect(update)
    combo.model().dataChanged.connect(update)
    update()
    return combo
