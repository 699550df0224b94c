"""Which plain rows a type-to-search and the filter drop-downs let through — the one matching
logic of every searchable table (desktop/widgets/filtered_table.py shows the result), Qt-free.

A row's search text is built once (`search_text`) and kept beside the row; each keystroke then
runs one comprehension over those texts (a Python call per row would cost ~15 ms a keystroke at
10,000 rows):
- `words=False`: the typed text, case-insensitively, within the text of any one column (the
  columns' texts are joined by SEP, which nobody types, so a match never spans two columns);
- `words=True`: every whitespace-separated word somewhere in the row's text.
A row's name is found by pinyin too (`search_text(..., name=)` adds its initials and full pinyin:
"cstd" finds 超瞬态…), and given the rows' NameIndex, `matching` ranks what it finds
(db/rows/ranking.py: exact name > prefix > contains > pinyin > other columns; equal ranks keep the
candidates' order, i.e. the clicked column's).
Criteria keep the rows whose value under a key equals the chosen one, or — for a list value
(a project's unit_ids) — contains it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from db.rows.ranking import NameIndex, name_forms, order_found

if TYPE_CHECKING:  # imported by search_index (which imports numpy when an index is made)
    from db.rows.search_index import SearchIndex

SEP = "\x1f"
PINYIN = "\x1e"  # before a name's pinyin forms: a query that cannot be pinyin never looks past it


def search_text(values: Iterable[object], name: str | None = None, pinyin: str | None = None) -> str:
    """The lower-case text a row is searched in, from the values (or shown texts) it offers, plus
    the pinyin forms of its `name` (`pinyin`: those forms when already computed with the row)."""
    text = SEP.join("" if v is None else str(v) for v in values).lower()
    if pinyin is None and name:
        pinyin = name_forms(name)
    return text + PINYIN + pinyin if pinyin else text


def plain_texts(texts: Sequence[str]) -> list[str]:
    """The search texts without their names' pinyin forms: what a query that cannot be pinyin (no
    Latin letter: Chinese, a date, a number) is looked for in — ~40 % less text to scan."""
    return [t.partition(PINYIN)[0] for t in texts]


def may_be_pinyin(term: str) -> bool:
    """Whether a term can be (part of) a name's pinyin: Latin letters, maybe digits (as the ranking
    decides when to look at pinyin)."""
    return term.isascii() and any(c.isalpha() for c in term)


def keyed_text(row: Mapping[str, object], keys: Sequence[str]) -> str:
    """The search text of a row searched in these keys (with its name's pinyin forms; `name_pinyin`:
    those forms when computed with the row)."""
    name, pinyin = row.get("name"), row.get("name_pinyin")
    return search_text((row.get(k) for k in keys), name if isinstance(name, str) else None,
                       pinyin if isinstance(pinyin, str) else None)


def prepared(rows: Sequence[Mapping[str, object]], keys: Sequence[str]) -> tuple[list[str], NameIndex]:
    """The rows' search texts and their names' index, ready for the first keystroke: made where the
    rows are made (on a worker thread for a large register), not on the UI thread after them."""
    names = names_of(rows)
    names.prepare()
    return [keyed_text(r, keys) for r in rows], names


def names_of(rows: Sequence[Mapping[str, object]]) -> NameIndex:
    """The rows' names for ranking (positions as in `rows`)."""
    return NameIndex([n if isinstance(n := r.get("name"), str) else None for r in rows])


def terms_of(text: str, words: bool) -> list[str]:
    """What to look for: the typed text (words=False) or its words, lower-case; [] for nothing."""
    text = text.strip().lower()
    if not text:
        return []
    return text.split() if words else [text]


def narrows(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether every row `new` lets through is also let through by `old` (typing on): the search
    may then start from the rows shown now."""
    return bool(old) and len(old) == len(new) and all(o in n for o, n in zip(old, new, strict=True))


def meets(row: Mapping[str, object], criteria: Mapping[str, object]) -> bool:
    """Whether a row has every chosen value (criteria with value None are no condition)."""
    for key, value in criteria.items():
        if value is None:
            continue
        have = row.get(key)
        if isinstance(have, (list, tuple, set, frozenset)):
            if value not in have:
                return False
        elif have != value:
            return False
    return True


def passes(row: Mapping[str, object], text: str, terms: Sequence[str], criteria: Mapping[str, object]) -> bool:
    """Whether one row (with its search text) is let through: a row refreshed by id is tested alone."""
    plain = text.partition(PINYIN)[0]
    return meets(row, criteria) and all(t in (text if may_be_pinyin(t) else plain) for t in terms)


def matching(candidates: Iterable[int], texts: Sequence[str], terms: Sequence[str],
             names: NameIndex | None = None, plain: Sequence[str] | None = None,
             index: SearchIndex | None = None) -> list[int]:
    """The candidates (positions in `texts`) whose text holds every term — ranked best first when
    the rows' `names` are given (equal ranks in the candidates' order), else in the given order.
    The filtered table shows the rows in the order returned here. A term that cannot be pinyin is
    looked for before the names' pinyin only: in `plain` (plain_texts(texts), kept by the caller:
    ~40 % less text to scan per keystroke), or cut from each text when not given. `index`: the
    texts' SearchIndex (db/rows/search_index.py), used when the candidates are many."""
    if not terms:
        return list(candidates)
    found, scan = candidates, terms
    if index is not None and len(index) == len(texts) and _many(candidates, len(texts)):
        mask = index.rows_with(terms)
        if mask is not None:
            found, scan = _kept(candidates, mask), ()
    for term in scan:  # a comprehension per word (all() with a generator per row costs 4× more)
        if may_be_pinyin(term):
            found = [i for i in found if term in texts[i]]  # kept tight: 100,000 rows per keystroke
        elif plain is not None:
            found = [i for i in found if term in plain[i]]
        else:
            found = [i for i in found if term in texts[i].partition(PINYIN)[0]]
    assert isinstance(found, list)
    return found if names is None else order_found(found, " ".join(terms), names)


def _many(candidates: Iterable[int], n: int) -> bool:
    """Whether the candidates are enough for the index to beat scanning their texts."""
    return isinstance(candidates, range) or isinstance(candidates, list) and len(candidates) * 4 > n


def _kept(candidates: Iterable[int], mask) -> list[int]:
    """The candidates (in their order) that the boolean array `mask` over all rows keeps."""
    if isinstance(candidates, range) and candidates.start == 0 and candidates.step == 1 \
            and len(candidates) == len(mask):
        return mask.nonzero()[0].tolist()
    keep = mask.tolist()
    return list(compress(candidates, map(keep.__getitem__, candidates)))


def search(rows: Sequence[Mapping[str, object]], texts: Sequence[str], text: str, *, words: bool,
           criteria: Mapping[str, object] | None = None, names: NameIndex | None = None,
           index: SearchIndex | None = None) -> list[int]:
    """Positions of the rows (with their search texts) that the typed text and criteria let
    through, ranked when the rows' `names` are given (`index`: the texts' SearchIndex)."""
    wanted = {k: v for k, v in (criteria or {}).items() if v is not None}
    candidates: Iterable[int] = range(len(rows))
    if wanted:
        candidates = [i for i in candidates if meets(rows[i], wanted)]
    return matching(candidates, texts, terms_of(text, words), names, index=index)
