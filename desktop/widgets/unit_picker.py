"""Choosing a 责任单位 where it is needed, including one the portfolio does not have yet (issue #21).

A unit field is an editable list: typing filters the existing units, and a name none of them has
is offered as "新建单位「…」（类型）". The unit is created only when the record is saved, in the
same undoable edit (desktop/views/record_dialog.py), after a near-duplicate check.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListWidget, QListWidgetItem

from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.sheets.units import guess_kind
from desktop.widgets.keys import keep_enter

OFFER = QT_TRANSLATE_NOOP("UnitPicker", "新建单位「{name}」（{kind}）")


@dataclass(frozen=True)
class NewUnit:
    """A unit typed in a form that does not exist yet."""
    name: str
    kind: str

    @classmethod
    def typed(cls, text: str) -> NewUnit:
        name = " ".join(text.split())
        return cls(name, guess_kind(name))

    def offer(self) -> str:
        return tr(OFFER, name=self.name, kind=tr_enum(self.kind))


class UnitPicker(QComboBox):
    def __init__(self, units: list[dict], parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.addItem("", None)
        for u in units:
            self.addItem(u["name"], u["id"])
        self._names = {u["name"] for u in units}
        completer = QCompleter([u["name"] for u in units], self)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("选择或输入单位名称"))
        self.lineEdit().textEdited.connect(self._offer)

    def _offer(self, text: str) -> None:
        """Keep one "新建单位「…」" entry for a typed name no unit has."""
        if isinstance(self.itemData(1), NewUnit):
            self.removeItem(1)
        name = " ".join(text.split())
        if name and name not in self._names:
            new = NewUnit.typed(name)
            self.insertItem(1, new.offer(), new)
        self.lineEdit().setText(text)

    def value(self):
        """A unit id, a NewUnit for a typed new name, or None."""
        text = " ".join(self.currentText().split())
        if not text:
            return None
        data = self.currentData()
        if isinstance(data, NewUnit):
            return data
        index = self.findText(text, Qt.MatchExactly)
        if index > 0 and not isinstance(self.itemData(index), NewUnit):
            return self.itemData(index)
        return NewUnit.typed(text)


class UnitAdder(QLineEdit):
    """Under a list of units: type a name and press Enter to tick it, or to add it as a new unit."""

    def __init__(self, target: QListWidget, parent=None):
        super().__init__(parent)
        self.target = target
        self.setPlaceholderText(self.tr("输入单位名称后回车加入；没有的单位将新建"))
        self.returnPressed.connect(self.add)
        keep_enter(self)  # Enter adds the unit; it does not press the dialog's OK

    def add(self) -> None:
        name = " ".join(self.text().split())
        if not name:
            return
        for i in range(self.target.count()):
            item = self.target.item(i)
            if item.text() == name or (isinstance(item.data(Qt.UserRole), NewUnit)
                                       and item.data(Qt.UserRole).name == name):
                item.setCheckState(Qt.Checked)
                break
        else:
            new = NewUnit.typed(name)
            item = QListWidgetItem(new.offer())
            item.setData(Qt.UserRole, new)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.target.insertItem(0, item)
        self.clear()
