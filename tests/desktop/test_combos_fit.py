"""Drop-downs show their whole text (issue 22): the filter combos' "All categories" / "全部专项/领域"
and every choice of the inline status editor fit the field the combo draws them in."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.widgets.combo_fit import text_room


def cut(combo: QComboBox) -> list[str]:
    """The choices (among the first 30) whose text would not fit when chosen."""
    out = []
    keep = combo.currentIndex()
    try:
        for i in range(min(combo.count(), 30)):
            combo.setCurrentIndex(i)  # as a user's choice: the combo asks for the width it needs
            combo.resize(max(combo.width(), combo.minimumWidth()), combo.height())  # the layout grants it
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > text_room(combo):
                out.append(combo.currentText())
    finally:
        combo.setCurrentIndex(keep)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_filter_combos_and_status_editor_show_their_whole_text(window, lang, shots_dir):
    window.lang_actions[lang].trigger()
    try:
        window.resize(1366, 768)
        combos = {f"register {k}": c for k, c in window.register.filters.items()}
        combos["register grouping"] = window.register.group_combo
        window.nav.setCurrentRow(2)
        combos.update({f"challenges {k}": c for k, c in window.challenges.filters.items()})
        window.nav.setCurrentRow(4)
        combos["overview grouping"] = window.overview.group_by
        window.nav.setCurrentRow(5)
        combos.update({f"review {k}": c for k, c in window.review.filters.items()})
        window.nav.setCurrentRow(0)
        # the defaults as the window lays them out (no resizing by the test)
        shown = {name: c for name, c in combos.items()
                 if c.fontMetrics().horizontalAdvance(c.currentText()) > text_room(c)}
        assert shown == {}
        assert {name: cut(c) for name, c in combos.items() if cut(c)} == {}

        detail = window.detail
        window.register.search.setText("超瞬态实验装置")
        window.register.table.selectRow(0)
        window.pf.create("milestones", {"project_id": detail.project_id, "name": "设备安装", "status": "未开始"})
        detail.show_project(detail.project_id)
        column = [c.key for c in detail.milestones.columns].index("status_label")
        index = detail.milestones.index(0, column)
        detail.table.edit(index)
        editor = detail.table.indexWidget(index) or detail.table.findChild(QComboBox)
        assert editor is not None and editor.isVisible()
        assert editor.fontMetrics().horizontalAdvance(editor.currentText()) <= text_room(editor), editor.currentText()
        assert cut(editor) == []
        window.grab().save(str(shots_dir / f"status-editor-{lang}.png"))
        detail.table.closePersistentEditor(index)
        detail.table.setFocus(Qt.OtherFocusReason)
    finally:
        window.lang_actions["zh"].trigger()


def test_refill_measures_the_combo_as_adding_item_by_item_did(qtbot):
    """refill (300 unit names at city scale) measures once at the end — the same widths as a combo
    measured after every item added, and the choice kept."""
    from desktop.widgets.combo_fit import fit_combo
    from desktop.widgets.filter_combos import refill
    names = [(f"u{i}", "单位" * (1 + i % 7) + str(i)) for i in range(300)]
    filled, one_by_one = fit_combo(QComboBox()), fit_combo(QComboBox())
    qtbot.addWidget(filled)
    qtbot.addWidget(one_by_one)
    refill(filled, "全部责任单位", names[:10])
    filled.setCurrentIndex(4)
    refill(filled, "全部责任单位", names)
    one_by_one.addItem("全部责任单位", None)
    for value, text in names:
        one_by_one.addItem(text, value)
    one_by_one.setCurrentIndex(4)
    assert filled.currentData() == "u3" and filled.count() == 301
    assert filled.minimumWidth() == one_by_one.minimumWidth() > 0
    assert filled.view().minimumWidth() == one_by_one.view().minimumWidth() \
        == max(filled.fontMetrics().horizontalAdvance(t) for _v, t in names) + 32
