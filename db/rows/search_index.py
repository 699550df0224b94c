"""The rows' search texts (db/rows/search.py) split into their distinct field values, for a
keystroke over ~100,000 rows: a city's milestones share a few hundred names, units and dates, so
a term is looked for once in each distinct value (~22,000 at city, not 100,000 joined texts), and
the values found are mapped to rows with numpy (a gather per column, in C).

What it lets through equals the plain scan (`term in text`, or in the text before its names'
pinyin for a term that cannot be pinyin) for every term holding neither separator (SEP, PINYIN),
since such a term is within a text exactly when it is within one of its parts: the parts between
SEPs before the first PINYIN, and — for a term that may be pinyin — the whole rest after it.
A term holding a separator is not answered here (`rows_with` returns None): the caller scans.

numpy is imported when an index is made: made on a worker thread (desktop/widgets/filtered_table.py),
so the UI thread never pays numpy's import, and only for tables large enough to need it.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

from db.rows.search import PINYIN, SEP, may_be_pinyin

INDEX_FROM = 50_000  # rows: below, the plain scan costs a few ms a keystroke, less than making an index
# (~0.45 s CPU at 100,000 rows, once per load, on the UI thread): the register (10,000 rows at city,
# 30,000 at province) and the challenge list scan; a list of every milestone is indexed


class SearchIndex:
    """Per row, the number of each of its parts (a column's shown text) and of its pinyin rest,
    among the distinct parts of all rows (`values`)."""

    def __init__(self, texts: Sequence[str]):
        import numpy as np

        self._np = np
        self._hits: dict[str, Any] = {}  # term -> numbers of the values holding it (recent terms)
        self._number: dict[str, int] = {"": 0}
        self.values: list[str] = [""]
        split = [self._parts(t) for t in texts]
        width = max((len(p) for p, _rest in split), default=1)
        numbers = self._numbers(list(chain.from_iterable(self._row(p, rest, width) for p, rest in split)))
        table = np.array(numbers, dtype=np.int32).reshape(len(split), width + 1).T
        self.codes: Any = table[:width].copy()  # (column, row): the numbers of each column's text
        self.rest: Any = table[width].copy()  # per row: the number of its pinyin rest
        self._lookup: tuple | None = None  # the values as numpy arrays, and the columns of each value
        self._tables()  # now, before the first keystroke

    def __len__(self) -> int:
        return int(self.rest.shape[0])

    # -- texts -> numbers: the only place a text is cut and its parts numbered ----------------------
    @staticmethod
    def _parts(text: str) -> tuple[list[str], str]:
        plain, _sep, rest = text.partition(PINYIN)
        return plain.split(SEP), rest

    @staticmethod
    def _row(parts: list[str], rest: str, width: int) -> list[str]:
        """A row's strings to number: its `width` columns (missing ones empty), then its rest."""
        return parts + [""] * (width - len(parts)) + [rest]

    def _numbers(self, strings: list[str]) -> list[int]:
        """The numbers of these strings, new ones numbered on (C-speed maps: 800,000 at city)."""
        number = self._number
        new = [v for v in dict.fromkeys(strings) if v not in number]
        if new:
            number.update(zip(new, range(len(self.values), len(self.values) + len(new)), strict=True))
            self.values.extend(new)
            self._hits.clear()  # what recent terms found misses the new values
        return list(map(number.__getitem__, strings))

    # -- edits ------------------------------------------------------------------------------------
    def replace(self, row: int, text: str) -> bool:
        """Row `row` now has this search text; False when it has more parts than the index holds
        (the caller makes the index again)."""
        parts, rest = self._parts(text)
        width = self.codes.shape[0]
        if len(parts) > width:
            return False
        numbers = self._numbers(self._row(parts, rest, width))
        self.codes[:, row], self.rest[row] = numbers[:width], numbers[width]
        groups, columns, grouped = self._tables()
        if len(columns) < len(self.values):  # new values: scanned in Python until the next make
            columns = self._np.concatenate([columns, self._np.zeros(len(self.values) - len(columns), columns.dtype)])
            self._lookup = groups, columns, grouped
        for c, k in enumerate(numbers):  # a column bit too many only costs a gather, never a row
            columns[k] |= self._np.uint64(_bit(c))
        return True

    def permuted(self, order: Sequence[int]) -> SearchIndex:
        """The same index for the rows put in this order (row i of the result is row order[i])."""
        out = object.__new__(SearchIndex)
        out.__dict__.update(self.__dict__)
        at = self._np.asarray(order, dtype=self._np.intp)
        out.codes, out.rest = self.codes[:, at], self.rest[at]
        out._hits = dict(self._hits)
        return out

    # -- a keystroke ------------------------------------------------------------------------------
    def rows_with(self, terms: Sequence[str]) -> Any | None:
        """A boolean array over the rows: those whose text holds every term (as search.matching's
        scan decides); None when some term holds a separator (not answerable here)."""
        np = self._np
        mask = None
        for term in terms:
            if SEP in term or PINYIN in term:
                return None
            found = self._values_with(term)
            hit = np.zeros(len(self.values), dtype=bool)
            hit[found] = True
            columns = int(np.bitwise_or.reduce(self._tables()[1][found])) if len(found) else 0
            has = np.zeros(len(self), dtype=bool)
            for c, column in enumerate(self.codes):  # only the columns where a value found is
                if columns & _bit(c):
                    has |= hit[column]
            if columns & _bit(len(self.codes)) and may_be_pinyin(term):
                has |= hit[self.rest]
            mask = has if mask is None else mask & has
        return mask

    def _tables(self) -> tuple:
        """(groups, columns, grouped): the first `grouped` values as fixed-width numpy string arrays,
        a group per length class (a few long values must not widen every entry), with their
        numbers; and per value a bit per column (the pinyin rest last) it appears in."""
        if self._lookup is None:
            np = self._np
            values = self.values
            groups = []
            for fits in ((lambda n: n <= 24), (lambda n: 24 < n <= 96), (lambda n: n > 96)):
                numbers = [k for k, v in enumerate(values) if fits(len(v))]
                if numbers:
                    groups.append((np.array(numbers, dtype=np.intp), np.array([values[k] for k in numbers])))
            columns = np.zeros(len(values), dtype=np.uint64)
            for c, column in enumerate([*self.codes, self.rest]):
                columns[column] |= np.uint64(_bit(c))
            self._lookup = groups, columns, len(values)
        return self._lookup

    def _values_with(self, term: str) -> Any:
        """Numbers of the distinct values holding `term`: among what a shorter recent term found
        when there is one (typing on), else among all values (numpy's find over the values, in C;
        a term with NUL in Python: numpy's strings drop trailing NULs)."""
        found = self._hits.get(term)
        if found is not None:
            return found
        within = None
        for old, numbers in self._hits.items():
            if old in term and (within is None or len(numbers) < len(within)):
                within = numbers
        values, np = self.values, self._np
        if within is not None and len(within) < 2_000 or "\0" in term:
            candidates = range(len(values)) if within is None else within
            found = np.array([k for k in candidates if term in values[k]], dtype=np.intp)
        else:
            groups, _columns, grouped = self._tables()
            later = [k for k in range(grouped, len(values)) if term in values[k]]  # new since made
            found = np.concatenate([numbers[np.strings.find(texts, term) >= 0] for numbers, texts in groups]
                                   + [np.array(later, dtype=np.intp)])
        if len(self._hits) >= 64:
            del self._hits[next(iter(self._hits))]
        self._hits[term] = found
        return found


def _bit(column: int) -> int:
    """A column's bit among a value's columns (the 64th and later columns share the last bit)."""
    return 1 << min(column, 63)
