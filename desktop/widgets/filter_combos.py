"""The drop-downs that filter a table (全部… first, then the values the rows hold), made and
refilled the same way on every screen that filters (register, challenge list, plan review, problems)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from db import colours
from db.i18n import tr
from desktop.widgets.combo_fit import fit_combo


def filter_combos(parent: QWidget, keys: Sequence[str], changed: Callable[[str], None],
                  min_chars: int) -> dict[str, QComboBox]:
    """One drop-down per key; `changed(key)` when its choice changes."""
    combos = {}
    for key in keys:
        combo = QComboBox(parent)
        combo.setMinimumContentsLength(min_chars)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _i, k=key: changed(k))
        combos[key] = fit_combo(combo)  # as wide as its current text, the popup as its widest
    return combos


def refill(combo: QComboBox, all_label: str, choices: Iterable[tuple[object, str]]) -> None:
    """`all_label` (no condition, data None), then the (value, text) choices; the value chosen
    stays chosen while it is offered. No change signal: the rows are filtered as before."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_label, None)
    for value, text in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def colour_choices() -> list[tuple[str, str]]:
    """The colour filter's choices: 红 · what red means, …"""
    return [(c, colours.Colour(c, "").name + " · " + tr(colours.MEANINGS[c])) for c in colours.COLOURS]
