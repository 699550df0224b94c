"""Filter for the project register: type-to-search plus category/stage/unit/zone/colour.

A QSortFilterProxyModel asks Python once per source row on every keystroke (≈5 µs × 10,000
projects, over the 50 ms budget). This proxy decides in one Python pass which source rows match
and maps only those; Qt then asks only about the rows it paints.

While a search is typed the rows are ranked (db/search.py): the exact name first, then names
starting with the text, containing it, found by pinyin ("cstd" finds 超瞬态…), then the rest; equal
ranks keep the source's order (the column the user sorted by).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, Qt, QTimer

from db.search import NameIndex, name_forms, order_found

SEARCH_KEYS = ("name", "code", "units", "partners", "zone", "domain", "category", "category_label", "stage",
               "stage_label", "tags", "source", "next_milestone", "entry_type_label")


class ProjectFilterProxy(QAbstractProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._terms: list[str] = []
        self.criteria: dict[str, str | None] = {"entry_type": None, "category": None, "stage": None,
                                                "zone": None, "colour": None, "unit_id": None}
        self._blobs: dict[str, str] = {}  # record id -> searchable text
        self._texts: list[str] | None = None  # per source row, built when first searched
        self._names = NameIndex([])
        self._warm_timer = QTimer(self)  # a timer of ours stops when we are deleted
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm)
        self._visible: list[int] = []  # source rows shown, in the source's order
        self._position: dict[int, int] = {}  # source row -> proxy row
        self._moving: list = []  # (persistent index, record id) across a move of the source's rows

    # -- source wiring ---------------------------------------------------------------------
    def setSourceModel(self, model) -> None:  # noqa: N802
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        super().setSourceModel(model)
        for signal, slot in self._connections(model):
            signal.connect(slot)
        self._rebuild()

    def _connections(self, model):
        return [(model.modelReset, self._rebuild),
                (model.layoutAboutToBeChanged, self._before_rows_move), (model.layoutChanged, self._after_rows_move),
                (model.dataChanged, self._source_data_changed),
                (model.rowsAboutToBeInserted, self._before_rows_move), (model.rowsInserted, self._after_rows_move),
                (model.rowsAboutToBeRemoved, self._before_rows_move), (model.rowsRemoved, self._after_rows_move)]

    def _rebuild(self, *_) -> None:
        self._texts = None  # the source's rows or their order may have changed
        self.beginResetModel()
        self._compute()
        self.endResetModel()
        self._warm_timer.start()  # the first keystroke need not build 10,000 texts

    # the source re-sorted its rows, or inserted or removed one by id (RecordTableModel.update_rows):
    # the view keeps its selection on the same records and its scroll position (a reset drops both)
    def _before_rows_move(self, *_) -> None:
        self.layoutAboutToBeChanged.emit()
        self._moving = [(i, self._row_id(i.row())) for i in self.persistentIndexList()]

    def _after_rows_move(self, *_) -> None:
        moving, self._moving = self._moving, []
        self._texts = None
        self._compute()
        by_id = {self._row_id(r): r for r in range(len(self._visible))}
        for old, rid in moving:
            new_row = by_id.get(rid, -1)
            self.changePersistentIndex(old, self.index(new_row, old.column()) if new_row >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def _row_id(self, proxy_row: int):
        rows = self.sourceModel().rows
        return rows[self._visible[proxy_row]]["id"] if 0 <= proxy_row < len(self._visible) else None

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        """Rows refreshed in place: their search texts are made again, and a row the filters now
        let through (or no longer do) is shown (or hidden) by a layout change."""
        changed = range(top_left.row(), bottom_right.row() + 1)
        source = self.sourceModel().rows
        for r in changed:
            self._blobs.pop(source[r].get("id"), None)
            if self._texts is not None and r < len(self._texts):
                self._texts[r] = self._blob(source[r])
        # a row now let through or held back, or (while a search ranks the rows) a row whose name
        # may have changed its rank: the visible rows are computed again
        if self._terms or any((r in self._position) != self._accepts(r) for r in changed):
            self._before_rows_move()
            self._after_rows_move()
            return
        rows = [self._position[r] for r in changed if r in self._position]
        if rows:
            self.dataChanged.emit(self.index(min(rows), top_left.column()),
                                  self.index(max(rows), bottom_right.column()), roles)

    def _compute(self, within: list[int] | None = None) -> None:
        """The visible source rows: all rows, or only those of `within` (a narrower search)."""
        model = self.sourceModel()
        rows = model.rows if model is not None else []
        keep = range(len(rows)) if within is None else within
        criteria = {k: v for k, v in self.criteria.items() if v}
        if criteria:
            keep = [i for i in keep if self._meets(rows[i], criteria)]
        if self._terms:
            # one comprehension over the rows' lower-case texts: a call per row cost ~15 ms a keystroke
            texts, terms = self._search_texts(rows), self._terms
            every = isinstance(keep, range)  # all rows: enumerate, no indexing per row
            if len(terms) == 1:
                t = terms[0]
                keep = [i for i, x in enumerate(texts) if t in x] if every else [i for i in keep if t in texts[i]]
            else:
                keep = [i for i in keep if all(t in texts[i] for t in terms)]
            keep = order_found(list(keep), " ".join(terms), self._names)
        self._visible = list(keep)
        self._position = {src: pos for pos, src in enumerate(self._visible)}

    def _accepts(self, source_row: int) -> bool:
        row = self.sourceModel().rows[source_row]
        criteria = {k: v for k, v in self.criteria.items() if v}
        if criteria and not self._meets(row, criteria):
            return False
        text = self._blob(row)
        return all(t in text for t in self._terms)

    # -- filtering -------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        terms = [t.lower() for t in text.split() if t]
        # typing on narrows the search: only the rows shown now can still match
        narrower = (bool(self._terms) and len(terms) == len(self._terms)
                    and all(old in new for old, new in zip(self._terms, terms, strict=True)))
        self._terms = terms
        self.beginResetModel()
        self._compute(self._visible if narrower else None)
        self.endResetModel()

    def set_criterion(self, key: str, value: str | None) -> None:
        self.criteria[key] = value or None
        self._rebuild()

    def invalidate_cache(self) -> None:
        self._blobs.clear()
        self._texts = None

    def _search_texts(self, rows: list[dict]) -> list[str]:
        """The searchable text of each source row, in the source's order (kept until it changes)."""
        if self._texts is None or len(self._texts) != len(rows):
            self._texts = [self._blob(r) for r in rows]
            self._names = NameIndex([r.get("name") for r in rows])  # for ranking (db/search.py)
        return self._texts

    def _warm(self) -> None:
        model = self.sourceModel()
        if model is not None and model.rows:
            self._search_texts(model.rows)

    def _blob(self, row: dict) -> str:
        blob = self._blobs.get(row["id"])
        if blob is None:
            pinyin = row.get("name_pinyin")  # computed with the row (off the UI thread at city scale)
            if pinyin is None:
                pinyin = name_forms(row.get("name"))
            blob = " ".join([*(str(row.get(k) or "") for k in SEARCH_KEYS), pinyin]).lower()
            self._blobs[row["id"]] = blob
        return blob

    @staticmethod
    def _meets(row: dict, criteria: dict[str, str]) -> bool:
        for key, value in criteria.items():
            if key == "unit_id":
                if value not in row["unit_ids"]:
                    return False
            elif row[key] != value:
                return False
        return True

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """The source sorts its rows in Python (RecordTableModel.sort); we follow its order."""
        self.sourceModel().sort(column, order)

    # -- the proxy's own structure: a flat table of the visible rows -------------------------
    def index(self, row, column, parent=QModelIndex()):
        if parent.isValid() or not (0 <= row < len(self._visible)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index=QModelIndex()):
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def mapToSource(self, proxy_index):  # noqa: N802
        if not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._visible)):
            return QModelIndex()
        return self.sourceModel().index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index):  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        row = self._position.get(source_index.row())
        return QModelIndex() if row is None else self.index(row, source_index.column())

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        return self.sourceModel().headerData(section, orientation, role)
