"""A date field: type it as offices write it ("2026年6月30日", "2026/6/30", "2026-06-30"…; the
core reads it with the import's parser) or pick it from a calendar."""
from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle

from db.store.values import read_date


class DateEdit(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("如 2026-06-30 或 2026年6月30日"))
        self._picker: QCalendarWidget | None = None
        icon = self.style().standardIcon(QStyle.SP_FileDialogDetailedView)
        self.pick_action = self.addAction(icon, QLineEdit.TrailingPosition)
        self.pick_action.setToolTip(self.tr("选择日期"))
        self.pick_action.triggered.connect(self.show_picker)

    def picker(self) -> QCalendarWidget:
        """The calendar popup (built when first needed)."""
        if self._picker is None:
            self._picker = QCalendarWidget(self)
            self._picker.setWindowFlags(Qt.Popup)
            self._picker.setGridVisible(True)
            self._picker.clicked.connect(self._picked)
            self._picker.activated.connect(self._picked)
        return self._picker

    def show_picker(self) -> None:
        picker = self.picker()
        iso = read_date(self.text().strip()) if self.text().strip() else None
        if iso:
            picker.setSelectedDate(QDate.fromString(iso, "yyyy-MM-dd"))
        picker.move(self.mapToGlobal(QPoint(0, self.height())))
        picker.show()

    def _picked(self, day: QDate) -> None:
        self.setText(day.toString("yyyy-MM-dd"))
        self.picker().hide()
        self.setFocus()
