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


def order_found(found: list[int], text: str, names: list[str], forms: list[tuple[str, str]]) -> list[int]:
    """`found` (row positions that the substring scan kept, in the shown order) best first.

    The same order as sorting by ranker(text) (then position), in one or two passes over `found`
    instead of a Python call per row: a short query keeps tens of thousands of rows at every
    keystroke. Only the rows whose name holds the text (usually few) are sorted; pinyin is looked
    at only for a query of Latin letters. `names[i]` is row i's lower-case name, `forms[i]` its
    (initials, full pinyin)."""
    text = " ".join(text.lower().split())
    if not text or " " in text:  # several words: the general ranking
        rank_of = ranker(text)
        return [i for _r, _p, i in sorted((rank_of(names[i], ""), p, i) for p, i in enumerate(found))]
    hits = [i for i in found if text in names[i]]
    latin = _spellable(text)
    if not hits and not latin:
        return found
    chosen = set(hits)
    rest = [i for i in found if i not in chosen] if hits else found
    ordered = [i for _g, _p, i in sorted(
        (0 if names[i] == text else 1 if names[i].startswith(text) else 2, p, i) for p, i in enumerate(hits))]
    if latin:
        spelled = [i for i in rest if text in forms[i][0] or text in forms[i][1]]
        if spelled:
            ordered += [i for _g, _p, i in sorted(
                (0 if forms[i][0].startswith(text) or forms[i][1].startswith(text) else 1, p, i)
                for p, i in enumerate(spelled))]
            chosen = set(spelled)
            rest = [i for i in rest if i not in chosen]
    return ordered + rest


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
