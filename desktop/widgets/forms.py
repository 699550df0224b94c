"""A form for any kind of record, built from the core's field list (db/model.py).

It only collects what the user typed; checking is the core's job (db/store/values.py), so the form,
the CLI and a received file are held to the same rules and messages.
"""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from db.i18n import tr, tr_enum
from db.model import Field, Kind
from db.pinyin import sort_key
from desktop.widgets.date_edit import DateEdit
from desktop.widgets.unit_picker import UnitAdder, UnitPicker

LONG_TEXT = {"summary", "notes", "route", "pledge_text", "eligibility", "source_text", "note", "description",
             "request", "progress", "result"}
BOOKKEEPING_HIDDEN = {"builtin_key"}


class RecordForm(QWidget):
    def __init__(self, kind: Kind, units: list[dict], hidden: set[str] = frozenset(), parent=None):
        super().__init__(parent)
        self.kind = kind
        self.units = sorted(units, key=lambda u: sort_key(u["name"]))
        self.editors: dict[str, QWidget] = {}
        self.adders: dict[str, UnitAdder] = {}
        self.original: dict = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        layout.setLabelAlignment(Qt.AlignRight)
        for f in kind.fields:
            if f.name in hidden or f.name in BOOKKEEPING_HIDDEN:
                continue
            editor = self._editor(f)
            label = tr(f.label) + ("*" if f.required else "")
            layout.addRow(label, editor)
            self.editors[f.name] = editor
            if isinstance(editor, QListWidget) and f.ref == "units":
                self.adders[f.name] = UnitAdder(editor, self)
                layout.addRow("", self.adders[f.name])

    # -- building ------------------------------------------------------------------------
    def _editor(self, f: Field) -> QWidget:
        if f.readonly:
            w = QLabel(self)
            w.setWordWrap(True)
            w.setTextInteractionFlags(Qt.TextSelectableByMouse)
            w.setStyleSheet("color: #555")
            return w
        if f.type == "enum":
            w = QComboBox(self)
            if not f.required:
                w.addItem("", None)
            for choice in f.choices:
                w.addItem(tr_enum(choice), str(choice))
            return w
        if f.type == "bool":
            return QCheckBox(self)
        if f.type == "ref" and f.ref == "units":
            return UnitPicker(self.units, self)
        if f.type == "reflist" and f.ref == "units":
            w = QListWidget(self)
            w.setMaximumHeight(110)
            for u in self.units:
                item = QListWidgetItem(u["name"], w)
                item.setData(Qt.UserRole, u["id"])
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
            return w
        if f.name in LONG_TEXT:
            w = QPlainTextEdit(self)
            w.setMaximumHeight(70)
            return w
        if f.type == "date":
            return DateEdit(self)
        w = QLineEdit(self)
        if f.type in ("money", "number", "pct", "int"):
            w.setPlaceholderText("0")
        elif f.type == "strlist":
            w.setPlaceholderText(self.tr("多项用顿号分隔，如：甲、乙"))
        return w

    # -- values --------------------------------------------------------------------------
    def set_values(self, record: dict) -> None:
        self.original = dict(record)
        for name, w in self.editors.items():
            value = record.get(name)
            f = self.kind.field(name)
            if isinstance(w, QLabel):
                w.setText("" if value in (None, []) else str(value))
            elif isinstance(w, QComboBox):
                idx = w.findData(value)
                w.setCurrentIndex(max(idx, 0))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QListWidget):
                chosen = set(value or [])
                for i in range(w.count()):
                    item = w.item(i)
                    item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in chosen else Qt.Unchecked)
                for i in range(w.count()):  # chosen units first, so they are seen without scrolling
                    if w.item(i).checkState() == Qt.Checked:
                        w.insertItem(0, w.takeItem(i))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            else:
                w.setText(self._text(f, value))

    @staticmethod
    def _text(f: Field, value) -> str:
        if value is None:
            return ""
        if f.type == "strlist":
            return "、".join(value)
        if f.type == "json":
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def values(self) -> dict:
        """Every editable field as typed (strings where the user typed text)."""
        out = {}
        for name, w in self.editors.items():
            if isinstance(w, QLabel):
                continue
            if isinstance(w, UnitPicker):
                out[name] = w.value()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QListWidget):
                out[name] = [w.item(i).data(Qt.UserRole) for i in range(w.count())
                             if w.item(i).checkState() == Qt.Checked]
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            else:
                out[name] = w.text()
        return out

    def changed_values(self) -> dict:
        """Only the fields whose text differs from what was loaded."""
        out = {}
        for name, value in self.values().items():
            f = self.kind.field(name)
            before = self.original.get(name)
            if isinstance(value, str) and not isinstance(before, list):
                if value.strip() == self._text(f, before).strip():
                    continue
            elif value == before or (value in ("", None, []) and before in ("", None, [])):
                continue
            out[name] = value
        return out

    def focus_field(self, message: str) -> None:
        """Put the cursor on the field a message names, and only on it. Messages quote the field
        as 「label」 after the record's own name (里程碑「…」：「实际完成日期」…), so the quoted label
        decides; the longest match wins (「实际完成日期」 over 「日期」)."""
        for w in self.editors.values():
            w.setStyleSheet("")
        labels = {name: tr(self.kind.field(name).label) for name in self.editors}
        quoted = [n for n, label in labels.items() if f"「{label}」" in message]
        named = quoted or [n for n, label in labels.items() if label in message.split("：", 1)[-1]]
        if not named:
            return
        w = self.editors[max(named, key=lambda n: len(labels[n]))]
        w.setFocus()
        w.setStyleSheet("border: 1px solid #d9363e")
