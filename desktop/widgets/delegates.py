"""Cell editors: a drop-down of the allowed values for choice fields."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from db.i18n import tr_enum
from desktop.widgets.combo_fit import fit_combo


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices, parent=None):
        super().__init__(parent)
        self.choices = [str(c) for c in choices]

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for c in self.choices:
            combo.addItem(tr_enum(c), c)
        return fit_combo(combo)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        """The cell's place, widened to what the editor needs: "未开始", never "未开如…"."""
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.minimumWidth()))
        editor.setGeometry(rect)

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole)), 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.EditRole)
