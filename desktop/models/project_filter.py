"""Filter for the project register: type-to-search plus category/stage/unit/zone/colour."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from desktop.models.record_table import SORT_ROLE

SEARCH_KEYS = ("name", "code", "units", "zone", "domain", "category", "category_label", "stage",
               "stage_label", "tags", "source", "next_milestone")


class ProjectFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._terms: list[str] = []
        self.criteria: dict[str, str | None] = {"category": None, "stage": None, "zone": None,
                                                "colour": None, "unit_id": None}
        self._blobs: dict[str, str] = {}

    def _refilter(self, change) -> None:
        if hasattr(self, "endFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """The source model sorts its rows in Python (RecordTableModel.sort); this proxy only
        filters and keeps the source's order (sorting here would call data() per comparison)."""
        self.sourceModel().sort(column, order)

    def set_search(self, text: str) -> None:
        terms = [t.lower() for t in text.split() if t]
        self._refilter(lambda: setattr(self, "_terms", terms))

    def set_criterion(self, key: str, value: str | None) -> None:
        self._refilter(lambda: self.criteria.__setitem__(key, value or None))

    def invalidate_cache(self) -> None:
        self._blobs.clear()

    def _blob(self, row: dict) -> str:
        blob = self._blobs.get(row["id"])
        if blob is None:
            blob = " ".join(str(row.get(k) or "") for k in SEARCH_KEYS).lower()
            self._blobs[row["id"]] = blob
        return blob

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        rows = self.sourceModel().rows
        if source_row >= len(rows):
            return False
        row = rows[source_row]
        c = self.criteria
        if c["category"] and row["category"] != c["category"]:
            return False
        if c["stage"] and row["stage"] != c["stage"]:
            return False
        if c["zone"] and row["zone"] != c["zone"]:
            return False
        if c["colour"] and row["colour"] != c["colour"]:
            return False
        if c["unit_id"] and c["unit_id"] not in row["unit_ids"]:
            return False
        if self._terms:
            blob = self._blob(row)
            return all(t in blob for t in self._terms)
        return True
