"""The one searchable, filterable, sortable read-only table of plain rows (100,000 stay fluid):
the project register, the challenge list, the plan review.

Searching, filtering and sorting happen in Python over all rows (db/rows/search.py decides which
rows match), and the model is handed the rows that match, in order. (A QSortFilterProxyModel over
a Python model calls data() from C++ for every cell of every row on each keystroke, and twice per
comparison when sorting: seconds at 100,000 rows.)

How the search matches:
- by default, case-insensitively, the typed text within the text shown in any one column;
- with `search_keys` (row keys, shown or not), every whitespace-separated word somewhere in
  those keys' values (the register: 名称、单位、片区…; the challenge list: 名称、编号、领域…).
Criteria (`set_criterion(key, value)`) keep the rows whose `key` equals `value`, or holds it when
the row's value is a list (None: any). Typing on narrows the search to the rows shown.
A row's name is found by pinyin too ("cstd" finds 超瞬态…), and while a search is typed the rows are
ranked (db/rows/search.matching: the exact name first, then prefix, contains, pinyin, other
columns); equal ranks keep the order of the clicked column.

An edit refreshes rows by id (`update_rows`): only those rows are replaced, get a new search text
and are tested again; the model is not reset, so selection and scroll stay (and the ranking too).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from db.rows import search
from db.rows.ranking import NameIndex
from db.rows.search_index import INDEX_FROM, SearchIndex
from db.sheets import gcpause
from desktop import first_use
from desktop.widgets.colour_column import keep_colour_names_whole
from desktop.widgets.keys import search_leads_to
from desktop.widgets.record_table import ROW_ROLE, SORT_ROLE, Column, RecordTableModel, cell_data, display_text
from desktop.widgets.sheet_view import SheetView
from desktop.widgets.table_menu import table_menu


def permutation(rows: list[dict], columns: list[Column], order: tuple[int, Qt.SortOrder]) -> list[int]:
    """Positions of `rows` sorted by a column's sort key (stable: equals keep their order)."""
    column, direction = order
    if not 0 <= column < len(columns):
        return list(range(len(rows)))
    col = columns[column]
    keys = [cell_data(r, col, SORT_ROLE) for r in rows]
    return sorted(range(len(rows)), key=keys.__getitem__, reverse=direction == Qt.DescendingOrder)


class FilteredTable(QWidget):
    def __init__(self, columns: list[Column], rows_of: Callable | None, count_text: Callable[[int], str],
                 parent=None, *, search_keys: Sequence[str] | None = None, single: bool = False,
                 search_bar: bool = True, order: tuple[int, Qt.SortOrder] = (-1, Qt.AscendingOrder)):
        super().__init__(parent)
        self.rows_of = rows_of
        self.count_text = count_text
        self.search_keys = tuple(search_keys) if search_keys else None
        self.pf = None
        self.columns = columns
        self.all_rows: list[dict] = []
        self.criteria: dict[str, object] = {}
        self._texts: list[str] | None = None  # per row, built on the first search
        self._plain: list[str] | None = None  # the same without the names' pinyin (search.plain_texts)
        self._names: NameIndex | None = None  # the rows' names for ranking, built with a search
        self._index: SearchIndex | None = None  # the texts' distinct values (INDEX_FROM rows or more)
        self._model_from: tuple | None = None  # (all_rows, shown, model rows) the model was last given
        self._order = order  # (column, order); column -1: as given
        self._terms: list[str] = []
        # positions in all_rows of the rows shown (None: to be found; a range: every row, 300,000 ints not made)
        self._shown: list[int] | range | None = []
        self._at: dict | None = None  # id -> position in all_rows, kept while an edit replaces rows in place
        # what recent searches found (positions, ranked), until the rows, order or criteria change:
        # deleting what was typed goes back through texts just searched
        self._found: dict[tuple[str, ...], list[int]] = {}
        self.model = RecordTableModel(columns, self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count_label = QLabel(self)
        self.table = SheetView(self)  # F2 → edit_requested (the owner's dialog), not the window's F2
        self.table.setModel(self.model)
        self.view_for_search: Callable[[], QTableView] = lambda: self.table  # an owner may lead elsewhere
        search_leads_to(self.search, lambda: self.view_for_search())
        table_menu(self.table)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(*order)  # column -1: keep the given order until a header is clicked
        header.sortIndicatorChanged.connect(self._sort)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        if single:
            self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header.setStretchLastSection(True)
        for i, col in enumerate(columns):
            self.table.setColumnWidth(i, col.width)
        keep_colour_names_whole(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        if search_bar:  # otherwise the owner places search and count_label itself
            bar = QHBoxLayout()
            bar.addWidget(self.search, 1)
            bar.addWidget(self.count_label)
            layout.addLayout(bar)
        layout.addWidget(self.table)

    # -- feeding -----------------------------------------------------------------------------
    def set_portfolio(self, pf) -> None:
        self.pf = pf
        self.reload()

    def reload(self) -> None:
        if self.pf is not None and self.rows_of is not None:
            self.set_rows(self.rows_of(self.pf))

    def set_rows(self, rows: list[dict], prepared: tuple[list[str], NameIndex] | None = None,
                 sorted_by: tuple[int, Qt.SortOrder] | None = None) -> None:
        """All the rows (the search, criteria and order chosen so far apply to them). `prepared`:
        their search texts and names' index, made with them (db/rows/search.prepared, with this
        table's search_keys) — otherwise made here once they are shown. `sorted_by`: the order the
        rows come in (`sort_order()`, sorted on the worker by `in_order`): kept if it is still the
        table's, without sorting them again here."""
        order = None if sorted_by == self._order else self._permutation(rows)
        self.all_rows = list(rows) if order is None else [rows[i] for i in order]
        self._at = None
        self._found.clear()
        self._texts = self._plain = None
        self._names = self._index = None
        if prepared is not None and self.search_keys:
            texts, names = prepared
            self._texts, self._names = (list(texts), names) if order is None else \
                ([texts[i] for i in order], names.permuted(order))
        self._show()
        QTimer.singleShot(0, self._prepare_search)  # before the first keystroke, once shown

    @staticmethod
    def prepare(rows: list[dict], search_keys: Sequence[str]) -> tuple[list[str], NameIndex]:
        """What set_rows(rows, prepared) takes for a table searched in `search_keys`: plain Python,
        to be made on a worker thread with the rows."""
        return search.prepared(rows, search_keys)

    def _prepare_search(self) -> None:
        """The rows' search texts (and names for ranking) — made once the rows are shown, before the
        first keystroke, not in it."""
        if self._texts is None:
            self._texts = [self._row_text(r) for r in self.all_rows]
        if self._plain is None:
            self._plain = search.plain_texts(self._texts)
        self._ranking().prepare()
        if self._index is None and len(self._texts) >= INDEX_FROM:
            self._make_index(self._texts)

    def _make_index(self, texts: list[str]) -> None:
        """The texts' SearchIndex (many rows), made here with the texts, before the first keystroke
        (~0.4 s at 100,000 rows, CPU, on a loaded machine). Made on a worker it competed for the GIL
        with the first keystrokes (p95 76 ms). numpy is imported on the worker (first_use): until it
        is there, and this runs again, a keystroke scans the texts."""
        if first_use.load_then("numpy", self._prepare_search, busy=False):
            return
        with gcpause.paused():  # ~800,000 strings numbered: nothing for the collector to free
            self._index = SearchIndex(texts)

    def _ranking(self) -> NameIndex:
        if self._names is None:
            self._names = search.names_of(self.all_rows)
        return self._names

    # -- search, criteria and sort -------------------------------------------------------------
    def _search(self, text: str) -> None:
        terms = search.terms_of(text, words=bool(self.search_keys))
        # typing on: look only at the rows shown, in all_rows' order (matching ranks them again)
        within = None
        if search.narrows(self._terms, terms):
            shown = self._shown_positions()
            # every row shown (a first digit in 100,000 dated rows): the plain scan of all is faster
            within = None if len(shown) == len(self.all_rows) and not self.criteria_set() else sorted(shown)
        self._terms = terms
        self._show(within)

    def set_criterion(self, key: str, value) -> None:
        """Keep only rows whose `key` is (or, for a list, holds) `value` (None or "": no condition)."""
        self.set_criteria({key: value})

    def set_criteria(self, criteria: dict) -> None:
        """Several criteria at once (one pass over the rows)."""
        self.criteria.update({k: v or None for k, v in criteria.items()})
        self._found.clear()
        self._show()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (column, order)
        self._found.clear()
        perm = self._permutation(self.all_rows)
        self.all_rows = [self.all_rows[i] for i in perm]
        self._at = None
        if self._texts is not None:
            self._texts = [self._texts[i] for i in perm]
        self._index = None if self._index is None else self._index.permuted(perm)
        self._plain = None  # made again before the next keystroke
        self._names = None
        self._show()
        QTimer.singleShot(0, self._prepare_search)  # the names' index, before the next keystroke

    def _permutation(self, rows: list[dict]) -> list[int]:
        return permutation(rows, self.columns, self._order)

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """(column, order) the rows are shown in; column -1: as given."""
        return self._order

    def in_order(self, rows: list[dict], order: tuple[int, Qt.SortOrder]) -> list[dict]:
        """`rows` sorted as set_rows(rows, sorted_by=order) keeps them: plain Python over this
        table's columns, to be run on a worker thread with a reload (`order`: sort_order() taken
        on the UI thread when the reload was asked for)."""
        return [rows[i] for i in permutation(rows, self.columns, order)]

    def _row_text(self, row: dict) -> str:
        name, pinyin = row.get("name"), row.get("name_pinyin")  # name_pinyin: computed with the row
        name = name if isinstance(name, str) else None
        pinyin = pinyin if isinstance(pinyin, str) else None
        if self.search_keys:
            return search.keyed_text(row, self.search_keys)
        return search.search_text((display_text(row, c) for c in self.columns), name, pinyin)

    def _show(self, within: list[int] | None = None) -> None:
        """Hand the model the rows that match (looking only at `within`, positions in all_rows,
        when the search narrowed), keeping the selected row selected if it still shows."""
        selected = self.selected_row()
        candidates = range(len(self.all_rows)) if within is None else within
        wanted = {k: v for k, v in self.criteria.items() if v is not None}
        if wanted and within is None:
            rows = self.all_rows
            candidates = [i for i in candidates if search.meets(rows[i], wanted)]
        if self._terms:
            found = self._found.get(tuple(self._terms))
            if found is None:
                if self._texts is None:
                    self._prepare_search()
                assert self._texts is not None
                found = search.matching(candidates, self._texts, self._terms, self._ranking(), self._plain,
                                        self._index)
                self._found[tuple(self._terms)] = found
                if len(self._found) > 32:
                    del self._found[next(iter(self._found))]
            candidates = found
        self._shown = candidates if isinstance(candidates, (list, range)) else list(candidates)  # found: a new list
        last = self._model_from  # the same rows as shown now (typing on found no fewer): no reset
        if last is None or last[0] is not self.all_rows or last[2] is not self.model.rows or last[1] != self._shown:
            # never all_rows itself (update_rows makes new lists); map: C-speed over 100,000 rows
            self.model.set_rows(list(self.all_rows) if isinstance(candidates, range)
                                else list(map(self.all_rows.__getitem__, self._shown)))
            self._model_from = (self.all_rows, self._shown, self.model.rows)
        row = self.model.row_of(selected["id"]) if selected is not None and "id" in selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_count()

    def criteria_set(self) -> bool:
        return any(v is not None for v in self.criteria.values())

    def _shown_positions(self) -> list[int] | range:
        if self._shown is None:
            at = {id(r): i for i, r in enumerate(self.all_rows)}
            self._shown = [at[id(r)] for r in self.model.rows]
        return self._shown

    # -- refresh by ids ------------------------------------------------------------------------
    def update_rows(self, fresh: list[dict], removed: Iterable[str] = ()) -> None:
        """Refresh the rows of some ids, the others untouched (an edit's Changes name its records),
        without resetting the model, so the selection and scroll stay: a row of `fresh` replaces the
        row of its id (or, new or with a new sort key, goes where the order puts it: after its
        equals; last when the rows keep the given order) and the rows of `removed` ids go. Only these
        rows get a new search text and are tested again against the search and the criteria. What
        is shown then equals a set_rows() of all the rows, up to the order among equal sort keys.
        While a search is typed the rows shown are ranked again (a changed name may change its rank)."""
        rows = list(self.all_rows)  # new lists: the model's rows must not change before it says so
        texts = None if self._texts is None else list(self._texts)
        if self._at is None:  # made once, then kept through edits that move no row (most edits)
            self._at = {r.get("id"): i for i, r in enumerate(rows)}
        at = self._at
        key = self._sort_key()
        gone = {rid for rid in removed if rid in at}
        changed: dict = {}  # id -> (fresh row, its search text)
        placed: list[dict] = []  # new rows, and rows whose place in the order moved
        in_place: list[int] = []  # positions of rows replaced where they were
        for new in fresh:
            rid = new.get("id")
            text = self._row_text(new) if texts is not None or self._terms else ""
            changed[rid] = (new, text)
            i = at.get(rid)
            if i is not None and (key is None or key(rows[i]) == key(new)):
                rows[i] = new
                in_place.append(i)
                if texts is not None:
                    texts[i] = text
                continue
            if i is not None:
                gone.add(rid)
            placed.append(new)
        if gone:
            keep = [i for i, r in enumerate(rows) if r.get("id") not in gone]
            rows = [rows[i] for i in keep]
            texts = None if texts is None else [texts[i] for i in keep]
        for new in placed:
            i = self._place(rows, new, key)
            rows.insert(i, new)
            if texts is not None:
                texts.insert(i, changed[new.get("id")][1])
        self.all_rows, self._texts = rows, texts
        self._plain = None
        if self._index is not None and (texts is None or gone or placed
                                        or not all(self._index.replace(i, texts[i]) for i in in_place)):
            self._index = None  # rows moved: made again with the texts (a keystroke scans meanwhile)
        if texts is not None:  # the cut texts made again before the next keystroke
            QTimer.singleShot(0, self._prepare_search)
        self._found.clear()
        if gone or placed:  # positions moved: the names' index is made again at the next search
            self._names = None
            self._at = None
        elif self._names is not None:
            for i in in_place:
                self._names.rename(i, rows[i].get("name") if isinstance(rows[i].get("name"), str) else None)

        wanted = {k: v for k, v in self.criteria.items() if v is not None}
        shows = {rid: search.passes(new, text, self._terms, wanted) for rid, (new, text) in changed.items()}
        model = self.model
        was_shown = {rid for rid in gone | changed.keys() if model.row_of(rid) >= 0}
        if any(shows.get(rid, False) != (rid in was_shown) for rid in gone | changed.keys()) \
                or any(shows[r.get("id")] for r in placed):
            visible = {r.get("id") for r in model.rows} - gone - changed.keys()
            visible.update(rid for rid, ok in shows.items() if ok)
            self._shown = [i for i, r in enumerate(rows) if r.get("id") in visible]
            self._relayout()
        elif self._terms and (gone or placed or was_shown):  # the ranking may change
            self._shown = [i for i, r in enumerate(rows) if model.row_of(r.get("id")) >= 0]
            self._relayout()
        else:  # the same rows shown, in the same order: repaint the changed ones
            model.replace_rows({model.row_of(rid): new for rid, (new, _t) in changed.items() if rid in was_shown})
            self._shown = None if gone or placed else self._shown
        self._update_count()

    def _relayout(self) -> None:
        """Show the rows at self._shown (in all_rows' order), ranked while a search is typed."""
        assert self._shown is not None
        if self._terms and self._texts is not None:
            self._shown = search.matching(self._shown, self._texts, self._terms, self._ranking(), self._plain,
                                          self._index)
        rows = [self.all_rows[i] for i in self._shown]
        model = self.model
        if [r.get("id") for r in rows] == [r.get("id") for r in model.rows]:
            model.replace_rows({k: r for k, r in enumerate(rows) if r is not model.rows[k]})
        else:
            model.relayout(rows)

    def _sort_key(self) -> Callable[[dict], object] | None:
        column = self._order[0]
        if not 0 <= column < len(self.columns):
            return None
        col = self.columns[column]
        return lambda row: cell_data(row, col, SORT_ROLE)

    def _place(self, rows: list[dict], row: dict, key) -> int:
        """Where `row` goes among the sorted `rows`: after those of an equal key (where a stable sort
        of a reload puts the newest); at the end when the rows keep the given order."""
        if key is None:
            return len(rows)
        k = key(row)
        descending = self._order[1] == Qt.DescendingOrder
        lo, hi = 0, len(rows)
        while lo < hi:  # bisect: the sort key of ~17 rows at 100,000
            mid = (lo + hi) // 2
            there = key(rows[mid])
            if (there < k) if descending else (k < there):
                hi = mid
            else:
                lo = mid + 1
        return lo

    # -- selection -----------------------------------------------------------------------------
    def selected_row(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.data(rows[0], ROW_ROLE) if rows else None

    def select(self, record_id: str | None) -> bool:
        """Select (and show) the row of `record_id` if it is among the shown rows."""
        row = self.model.row_of(record_id) if record_id else -1
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def visible_rows(self) -> list[dict]:
        return self.model.rows

    def row(self, record_id: str) -> dict | None:
        """The row of `record_id` among all rows, shown or not."""
        if self._at is None:
            self._at = {r.get("id"): i for i, r in enumerate(self.all_rows)}
        i = self._at.get(record_id)
        return None if i is None else self.all_rows[i]

    def shows(self, record_id: str) -> bool:
        return self.model.row_of(record_id) >= 0

    def _update_count(self) -> None:
        label, text = self.count_label, self.count_text(self.model.rowCount())
        label.setText(text)
        # as wide as the widest count so far, and of a fixed size: a new count must not re-lay the bar
        # (and repaint the search field and filters) at each keystroke
        width = label.fontMetrics().horizontalAdvance(text) + 2 * label.margin()
        if width > label.minimumWidth() or label.maximumHeight() != label.sizeHint().height():
            label.setFixedSize(max(width, label.minimumWidth()), label.sizeHint().height())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def retranslate(self, placeholder: str) -> None:
        self.search.setPlaceholderText(placeholder)
        self.model.headerDataChanged.emit(Qt.Horizontal, 0, self.model.columnCount() - 1)
        self._texts = self._plain = None  # shown texts (enum labels) may have changed language
        self._index = None
        self._found.clear()
        QTimer.singleShot(0, self._prepare_search)
        self._update_count()
