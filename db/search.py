"""Ranked search over names: the exact name first, then names starting with the text, then names
containing it, then matches by pinyin (initials such as "cstd" for 超瞬态…, or full pinyin), then
rows that match only in their other columns (units, zone, code…). No Qt: the register's filter and
the searchable tables call it for the rows their plain substring scan keeps.
"""
from __future__ import annotations

from db.pinyin import search_forms

EXACT, PREFIX, CONTAINS, PINYIN_PREFIX, PINYIN_CONTAINS, ELSEWHERE = range(6)
NO_MATCH = 99


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

    The same order as sorting by ranker(text) (then position), but in a few list comprehensions
    instead of a Python call per row: a one-letter query keeps thousands of rows at every keystroke.
    `names[i]` is row i's lower-case name, `forms[i]` its (initials, full pinyin)."""
    text = " ".join(text.lower().split())
    if not text or " " in text:  # several words: the general ranking
        rank_of = ranker(text)
        return sorted(found, key=lambda i: (rank_of(names[i], ""), i))
    exact = [i for i in found if names[i] == text]
    prefix = [i for i in found if names[i].startswith(text) and names[i] != text]
    contains = [i for i in found if text in names[i] and not names[i].startswith(text)]
    rest = [i for i in found if text not in names[i]]
    if not text.isascii():
        return exact + prefix + contains + rest
    py_prefix = [i for i in rest if forms[i][0].startswith(text) or forms[i][1].startswith(text)]
    taken = set(py_prefix)
    py_contains = [i for i in rest if i not in taken and (text in forms[i][0] or text in forms[i][1])]
    taken.update(py_contains)
    return exact + prefix + contains + py_prefix + py_contains + [i for i in rest if i not in taken]


def rank(text: str, name: str | None, other: str = "") -> int:
    """How well `text` finds the row named `name` whose other searchable text is `other` (lower case)."""
    return ranker(text)(name, other)


def _pinyin_rank(word: str, lname: str) -> int:
    if word.isascii():
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
