"""Drop-downs wide enough for what they show: "All categories", not "All categorie".

A combo's size policy (AdjustToMinimumContentsLength…) counts characters of an average Latin
width: CJK labels and long English ones come out cut. `fit_combo` gives the combo the minimum width
its current text needs (measured with its own font and style, up to `cap` px: a long unit name
chosen may still elide) and its pop-up list the width of its widest item.
"""
from __future__ import annotations

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


def fit_combo(combo: QComboBox, cap: int = 320) -> QComboBox:
    def update(*_):
        combo.setMinimumWidth(min(needed_width(combo, combo.currentText()), cap))
        fm = combo.fontMetrics()
        widest = max((fm.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        combo.view().setMinimumWidth(widest + 32)

    combo.currentIndexChanged.connect(update)
    combo.model().modelReset.connect(update)
    combo.model().rowsInserted.connect(update)
    combo.model().dataChanged.connect(update)
    update()
    return combo
