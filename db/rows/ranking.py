"""Ranked search over names: the exact name first, then names starting with the text, then names
containing it, then matches by pinyin (initials such as "cstd" for 超瞬态…, or full pinyin), then
rows that match only in their other columns (units, zone, code…). No Qt: the register's filter and
the searchable tables call it for the rows their plain substring scan keeps.
"""
from __future__ import annotations

import copy
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from db.pinyin import search_forms

EXACT, PREFIX, CONTAINS, PINYIN_PREFIX, PINYIN_CONTAINS, ELSEWHERE = range(6)
NO_MATCH = 99


@lru_cache(maxsize=1 << 17)
def name_forms(name: str | None) -> str:
    """What a row's search text adds for its name: its pinyin initials and full pinyin."""
    initials, full = search_forms(name or "")
    return f"{initials} {full}"


def ranker(text: str):
    """rank_of(name, other) for the search `text` — its words split once, not once per row
    (100,000 rows a keystroke). Lower is better; NO_MATCH when some word is found nowhere; with
    several words, the worst word's rank, each word found somewhere."""
    text = " ".join(text.lower().split())
    words = text.split()
    single = len(words) == 1

    def rank_of(name: str | None, other: str = "") -> int:
        if not text:
            return ELSEWHERE
        lname = (name or "").lower()
        if text == lname:
            return EXACT
        if lname.startswith(text):
            return PREFIX
        if text in lname:
            return CONTAINS
        whole = _pinyin_rank(text, lname)
        if whole < ELSEWHERE or single:
            return whole if whole < ELSEWHERE or text in other else NO_MATCH
        worst = EXACT
        for w in words:
            r = _rank_word(w, lname)
            if r == ELSEWHERE and w not in other:
                return NO_MATCH
            worst = max(worst, r)
        return worst

    return rank_of


FULL_RANKING_UP_TO = 5_000  # more matches than this: only exact and starting names (or pinyin) move up


class NameIndex:
    """Rows' names for ranking, kept beside the search texts: each distinct lower-case name once
    (a city's 100,000 milestones share a few hundred names) and per row the number of its name. A
    query ranks only the distinct names of the rows found (a register's 10,000 names are all
    distinct: ranking every one per keystroke cost more than the search), then rows take their
    name's rank."""

    def __init__(self, names: list[str | None]):
        number: dict[str, int] = {}
        self.row_name = [number.setdefault((n or "").lower(), len(number)) for n in names]
        self.names = list(number)
        self._number = number
        self._pinyin: tuple[list[str], list[str]] | None = None
        self._sorted: list[tuple[list[str], list[int]]] | None = None  # names, initials, pinyin: sorted

    def permuted(self, order: Sequence[int]) -> NameIndex:
        """The same names for the rows put in this order (row i of the result is row order[i])."""
        out = copy.copy(self)
        out.row_name = [self.row_name[i] for i in order]
        return out

    def rename(self, row: int, name: str | None) -> None:
        """The row at `row` is now named `name` (a row edited in place: no index rebuilt)."""
        lname = (name or "").lower()
        k = self._number.get(lname)
        if k is None:
            k = self._number[lname] = len(self.names)
            self.names.append(lname)
            if self._pinyin is not None:
                initials, spelled = search_forms(lname)
                self._pinyin[0].append(initials)
                self._pinyin[1].append(spelled)
            self._sorted = None  # a new name: sorted again when next needed
        self.row_name[row] = k

    def prepare(self) -> list[tuple[list[str], list[int]]]:
        """Make now what the first keystrokes would otherwise make: the names, their initials and
        their pinyin, each sorted (with the name numbers in that order)."""
        if self._sorted is None:
            initials, spelled = self.pinyin()
            self._sorted = []
            for texts in (self.names, initials, spelled):
                order = sorted(range(len(texts)), key=texts.__getitem__)
                self._sorted.append(([texts[k] for k in order], order))
        return self._sorted

    def starting(self, text: str, spell: bool) -> dict[int, int]:
        """Name number -> EXACT, PREFIX or PINYIN_PREFIX for the names that are or start with `text`
        (or, when it can be pinyin and the name does not hold it, whose pinyin starts with it):
        found by bisection in the sorted names, not by looking at each."""
        out: dict[int, int] = {}
        for n, (texts, order) in enumerate(self.prepare()[:3 if spell else 1]):
            at = bisect_left(texts, text)
            while at < len(texts) and texts[at].startswith(text):
                k = order[at]
                if n == 0:
                    out[k] = EXACT if texts[at] == text else PREFIX
                elif k not in out and text not in self.names[k]:
                    out[k] = PINYIN_PREFIX
                at += 1
        return out

    def pinyin(self) -> tuple[list[str], list[str]]:
        """The distinct names' pinyin initials and full pinyin (made at the first Latin query)."""
        if self._pinyin is None:
            forms = [search_forms(n) for n in self.names]
            self._pinyin = [f[0] for f in forms], [f[1] for f in forms]
        return self._pinyin


def order_found(found: list[int], text: str, index: NameIndex) -> list[int]:
    """`found` (row positions that the substring scan kept, in the shown order) best first: the
    order of sorting by ranker(text), then position. With more than FULL_RANKING_UP_TO matches only
    the exact name and names (or their pinyin) starting with the text move up; the rest keep their
    order. Pinyin is looked at only for a query of Latin letters."""
    text = " ".join(text.lower().split())
    if not text or not found:
        return found
    names, row_name = index.names, index.row_name
    full = len(found) <= FULL_RANKING_UP_TO
    if not full and " " not in text:  # many found: only the names (or pinyin) starting with the text move up
        starting = index.starting(text, _spellable(text))
        if not starting:  # no name starts with it ("2026-0" in 100,000 milestones): nothing moves up
            return found
        up = [i for i in found if row_name[i] in starting]
        if not up:
            return found
        keys = [starting[row_name[i]] for i in up]
        up = [up[k] for k in sorted(range(len(up)), key=keys.__getitem__)]
        return up + [i for i in found if row_name[i] not in starting]
    of_found = set(map(row_name.__getitem__, found))  # the distinct names among the rows found
    if " " in text:  # several words: the general ranking
        rank_of = ranker(text)
        rank = {k: rank_of(names[k], "") for k in of_found}
    else:  # inline: a function call per name found costs as much as the search itself
        keys = list(of_found)
        found_names = [names[k] for k in keys]
        inside = [(EXACT if n == text else PREFIX if n.startswith(text) else CONTAINS) if text in n else ELSEWHERE
                  for n in found_names]
        if _spellable(text):
            initials, spelled = index.pinyin()
            inside = [r if r < ELSEWHERE
                      else PINYIN_PREFIX if initials[k].startswith(text) or spelled[k].startswith(text)
                      else PINYIN_CONTAINS if text in initials[k] or text in spelled[k] else ELSEWHERE
                      for r, k in zip(inside, keys, strict=True)]
        rank = dict(zip(keys, inside, strict=True))
    if min(rank.values()) >= ELSEWHERE:
        return found
    up = [i for i in found if rank[row_name[i]] < ELSEWHERE]
    keys = [rank[row_name[i]] for i in up]
    up = [up[k] for k in sorted(range(len(up)), key=keys.__getitem__)]  # stable: shown order within a rank
    if len(up) == len(found):
        return up
    return up + [i for i in found if rank[row_name[i]] >= ELSEWHERE]


def rank(text: str, name: str | None, other: str = "") -> int:
    """How well `text` finds the row named `name` whose other searchable text is `other` (lower case)."""
    return ranker(text)(name, other)


def _spellable(word: str) -> bool:
    """A query that can be pinyin: Latin letters (and digits, as in 5G), at least one letter."""
    return word.isascii() and any(c.isalpha() for c in word)


def _pinyin_rank(word: str, lname: str) -> int:
    if _spellable(word):
        initials, full = search_forms(lname)
        if initials.startswith(word) or full.startswith(word):
            return PINYIN_PREFIX
        if word in initials or word in full:
            return PINYIN_CONTAINS
    return ELSEWHERE


def _rank_word(word: str, lname: str) -> int:
    if word == lname:
        return EXACT
    if lname.startswith(word):
        return PREFIX
    if word in lname:
        return CONTAINS
    return _pinyin_rank(word, lname)


def ranked(rows: list, text: str, name_of, other_of) -> list:
    """`rows` that `text` finds, best first; equal ranks keep their given order."""
    rank_of = ranker(text)
    scored = [(rank_of(name_of(r), other_of(r)), i) for i, r in enumerate(rows)]
    return [rows[i] for r, i in sorted(s for s in scored if s[0] != NO_MATCH)]
