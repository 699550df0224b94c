"""The one matching logic of the searchable tables (db/rows/search.py), Qt-free: what it lets
through is what a plain scan lets through, and narrowing from the rows shown changes nothing."""
from hypothesis import given, settings
from hypothesis import strategies as st

from db.rows import search

WORDS = ["量子", "中心", "Laser", "滨江", "KC01", "实验室", ""]
rows_st = st.lists(st.fixed_dictionaries({"name": st.sampled_from(WORDS), "unit": st.sampled_from(WORDS),
                                          "units": st.lists(st.sampled_from(["u1", "u2", "u3"]), max_size=2)}),
                   max_size=25)


def scan(rows, text, words, criteria):
    out = []
    for i, r in enumerate(rows):
        if any(v is not None and (v not in r[k] if isinstance(r[k], list) else r[k] != v) for k, v in criteria.items()):
            continue
        if words:
            blob = " ".join([r["name"], r["unit"]]).lower()
            if all(w in blob for w in text.lower().split()):
                out.append(i)
        elif not text.strip() or any(text.strip().lower() in c.lower() for c in (r["name"], r["unit"])):
            out.append(i)
    return out


@settings(max_examples=200, deadline=None)
@given(rows_st, st.sampled_from(["", "量", "量子 中心", "laser", " 滨江 ", "kc", "子中", "中心实", "x"]),
       st.booleans(), st.sampled_from([None, "u2"]), st.sampled_from([None, "中心", "量子"]))
def test_search_lets_through_what_a_scan_does(rows, text, words, unit, name):
    texts = [search.search_text((r["name"], r["unit"])) for r in rows]
    criteria = {"units": unit, "name": name}
    assert search.search(rows, texts, text, words=words, criteria=criteria) == scan(rows, text, words, criteria)


@settings(max_examples=200, deadline=None)
@given(rows_st, st.lists(st.sampled_from(["量", "子", " ", "中", "心", "l", "a"]), min_size=1, max_size=6))
def test_typing_on_narrows_from_the_rows_shown(rows, keys):
    texts = [search.search_text((r["name"], r["unit"])) for r in rows]
    text, terms, shown = "", [], list(range(len(rows)))
    for key in keys:
        text += key
        new = search.terms_of(text, words=True)
        shown = search.matching(shown if search.narrows(terms, new) else range(len(rows)), texts, new)
        terms = new
        assert shown == search.search(rows, texts, text, words=True)


def test_a_match_never_spans_two_columns_and_lists_hold_values():
    rows = [{"name": "量子", "unit": "中心", "units": ["u1"]}, {"name": "量子中心", "unit": "", "units": ["u2", "u3"]}]
    texts = [search.search_text((r["name"], r["unit"])) for r in rows]
    assert search.search(rows, texts, "子中", words=False) == [1]
    assert search.search(rows, texts, "", words=True, criteria={"units": "u3"}) == [1]
    assert search.meets({"units": ["u1"]}, {"units": None})
    assert not search.meets({"name": "量子"}, {"name": "量"})  # text is compared whole, not as a list


def test_a_query_that_cannot_be_pinyin_is_not_looked_for_in_the_pinyin():
    """The names' pinyin forms (initials, full) are looked at only for a query with Latin letters, as
    the ranking does: a Chinese word, a date or a number is looked for in what the columns show —
    from the texts cut before the pinyin (search.plain_texts, made once per table) or from the whole
    texts, the same rows either way, and a row tested alone (search.passes) agrees."""
    from db.rows.ranking import name_forms
    names = ["量子中心1号", "第1（2）期", "12号楼", "Laser 实验室", "人工智能2026", "滨江12", ""]
    rows = [{"name": n, "unit": u} for n in names for u in ("滨江", "KC01", "")]
    texts = [search.search_text((r["name"], r["unit"]), r["name"] or None) for r in rows]
    plain = search.plain_texts(texts)
    assert all(p == search.search_text((r["name"], r["unit"])) for p, r in zip(plain, rows, strict=True))
    for query in ("量子", "lz", "lzzx", "12", "1（2", "2026", "kc", "d1", "号", "l", "-"):
        pinyin = search.may_be_pinyin(query)
        expected = [i for i, r in enumerate(rows)
                    if query in r["name"].lower() or query in r["unit"].lower()
                    or (pinyin and bool(r["name"]) and query in name_forms(r["name"]))]
        assert search.matching(range(len(rows)), texts, [query], None, plain) == expected, query
        assert search.matching(range(len(rows)), texts, [query]) == expected, query
        assert [i for i, r in enumerate(rows) if search.passes(r, texts[i], [query], {})] == expected, query
    assert search.matching(range(len(rows)), texts, ["12"]) != [i for i, t in enumerate(texts) if "12" in t]
