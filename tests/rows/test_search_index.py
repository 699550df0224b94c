"""The search index (db/rows/search_index.py) lets through exactly what the plain scan of the
search texts does (db/rows/search.matching without an index): every term, pinyin or not, several
words, typing on and deleting, after rows are edited in place or put in another order."""
from hypothesis import given, settings
from hypothesis import strategies as st

from db.rows import search
from db.rows.search_index import SearchIndex

WORDS = ["量子", "中心", "Laser", "滨江", "KC01", "实验室", "2026-03-01", "超瞬态", "Σσς", "İi", "a\x00", ""]
row_st = st.tuples(st.sampled_from(WORDS) | st.text(max_size=6), st.sampled_from(WORDS),
                   st.sampled_from(WORDS) | st.text(max_size=4))
term_st = st.sampled_from(["量", "量子 中心", "laser", "kc", "子中", "lz", "lzzx", "cstd", "chao", "2026", "-0",
                           "σ", "ς", "i̇", "\x00", "a\x00", "x", "1"]) | st.text(min_size=1, max_size=3)


def texts_of(rows, pinyin: bool) -> list[str]:
    return [search.search_text(r, r[0] if pinyin else None) for r in rows]


def scan(texts, terms) -> list[int]:
    return search.matching(range(len(texts)), texts, terms)


def indexed(texts, terms, index, candidates=None) -> list[int]:
    cands = range(len(texts)) if candidates is None else candidates
    return search.matching(cands, texts, terms, None, search.plain_texts(texts), index)


@settings(max_examples=300, deadline=None)
@given(st.lists(row_st, max_size=30), st.lists(term_st, min_size=1, max_size=3), st.booleans())
def test_the_index_finds_what_the_scan_finds(rows, words, pinyin):
    texts = texts_of(rows, pinyin)
    index = SearchIndex(texts)
    terms = search.terms_of(" ".join(words), words=True) or [words[0]]
    assert indexed(texts, terms, index) == scan(texts, terms)
    term = [words[0].strip().lower() or "x"]
    assert indexed(texts, term, index) == scan(texts, term)
    mask = index.rows_with(term)
    if mask is not None:
        assert mask.nonzero()[0].tolist() == scan(texts, term)


@settings(max_examples=150, deadline=None)
@given(st.lists(row_st, min_size=1, max_size=30), st.text(alphabet="量子中心lzkc2026-σ", min_size=1, max_size=6))
def test_typing_on_and_deleting_finds_what_the_scan_finds(rows, typed):
    texts = texts_of(rows, True)
    index = SearchIndex(texts)
    steps = [typed[:n] for n in range(1, len(typed) + 1)]
    for text in steps + steps[::-1]:  # recent terms' values are searched again when typing on
        terms = search.terms_of(text, words=False)
        if terms:
            assert indexed(texts, terms, index) == scan(texts, terms), text
            everyone = list(range(len(texts)))  # a list of candidates, in another order too
            assert indexed(texts, terms, index, everyone[::-1]) == scan(texts, terms)[::-1]


@settings(max_examples=150, deadline=None)
@given(st.lists(row_st, min_size=2, max_size=30), st.lists(st.tuples(st.integers(0, 29), row_st), max_size=5),
       st.permutations(range(30)), term_st)
def test_edited_and_reordered_rows_are_found_as_the_scan_finds_them(rows, edits, order, term):
    texts = texts_of(rows, True)
    index = SearchIndex(texts)
    terms = search.terms_of(term, words=False) or ["x"]
    indexed(texts, terms, index)  # recent terms remembered before the edits
    for at, row in edits:
        at %= len(rows)
        texts[at] = search.search_text(row, row[0])
        if not index.replace(at, texts[at]):  # a value holding SEP: more parts than the index holds
            assert len(texts[at].partition(search.PINYIN)[0].split(search.SEP)) > 3
            index = SearchIndex(texts)  # (the table makes it again)
        assert indexed(texts, terms, index) == scan(texts, terms)
    order = [i for i in order if i < len(texts)]
    moved, texts = index.permuted(order), [texts[i] for i in order]
    assert indexed(texts, terms, moved) == scan(texts, terms)
    assert not moved.replace(0, search.SEP.join(["a"] * 9))  # more columns than the index holds


def test_a_term_holding_a_separator_is_left_to_the_scan():
    texts = texts_of([("量子", "中心", "")], True)
    index = SearchIndex(texts)
    assert index.rows_with(["子" + search.SEP + "中"]) is None
    assert indexed(texts, ["子" + search.SEP + "中"], index) == scan(texts, ["子" + search.SEP + "中"]) == [0]
    assert index.rows_with(["子中"]).tolist() == [False]  # never across two columns


def test_many_rows_share_few_values():
    rows = [(f"里程碑{i % 50}", ["滨江", "江海"][i % 2], f"2026-{i % 12 + 1:02}-01") for i in range(3000)]
    texts = texts_of(rows, True)
    index = SearchIndex(texts)
    assert len(index.values) < 200  # each distinct value once (and its pinyin)
    for term in ("江", "滨江", "2026-1", "lcb", "lichengbei4", "里程碑4"):
        assert indexed(texts, [term], index) == scan(texts, [term]), term
