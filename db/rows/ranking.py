"""Ranked search over names: the exact name first, then names starting with the text, then names
containing it, then matches by pinyin (initials such as "cstd" for 超瞬态…, or full pinyin), then
rows that match only in their other columns (units, zone, code…). No Qt: the register's filter and
the searchable tables call it for the rows their plain substring scan keeps.
"""
from __future__ import annotations

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
    (a city's 100,000 milestones share a few hundred names) with its pinyin forms, and per row the
    number of its name. A query is ranked against the distinct names, then rows take their name's rank."""

    def __init__(self, names: list[str | None]):
        number: dict[str, int] = {}
        self.row_name = [number.setdefault((n or "").lower(), len(number)) for n in names]
        self.names = list(number)
        self.forms = [search_forms(n) for n in self.names]


def order_found(found: list[int], text: str, index: NameIndex) -> list[int]:
    """`found` (row positions that the substring scan kept, in the shown order) best first: the
    order of sorting by ranker(text), then position. With more than FULL_RANKING_UP_TO matches only
    the exact name and names (or their pinyin) starting with the text move up; the rest keep their
    order. Pinyin is looked at only for a query of Latin letters."""
    text = " ".join(text.lower().split())
    names, forms, row_name = index.names, index.forms, index.row_name
    full = len(found) <= FULL_RANKING_UP_TO
    if " " in text:  # several words: the general ranking, per distinct name
        rank_of = ranker(text)
        rank = [rank_of(n, "") for n in names]
    elif text:
        rank = [ELSEWHERE] * len(names)
        for k, n in enumerate(names):  # distinct names: few, however many rows
            if text in n:
                rank[k] = EXACT if n == text else PREFIX if n.startswith(text) else CONTAINS
        if _spellable(text):
            for k, (initials, spelled) in enumerate(forms):
                if rank[k] == ELSEWHERE and (text in initials or text in spelled):
                    rank[k] = PINYIN_PREFIX if initials.startswith(text) or spelled.startswith(text) \
                        else PINYIN_CONTAINS
        if not full:
            rank = [r if r in (EXACT, PREFIX, PINYIN_PREFIX) else ELSEWHERE for r in rank]
    else:
        return found
    if all(r == ELSEWHERE for r in rank):
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
