"""拼音 order and ranked search (issue 22): names sort as Excel/WPS users expect, quotes and
punctuation do not jump to the top, and search finds the exact name first and by pinyin initials."""
import pytest

from db import builtin
from db.pinyin import search_forms, sort_key
from db.portfolio import Portfolio
from db.rows import register
from db.rows.ranking import CONTAINS, EXACT, NO_MATCH, PINYIN_PREFIX, PREFIX, rank, ranked


@pytest.fixture
def builtin_pf(tmp_path):
    with Portfolio.open(tmp_path / "p.sqlite", create=True) as pf:
        builtin.load(pf)
        yield pf


def test_names_sort_by_pinyin_with_quotes_and_punctuation_ignored():
    names = ["银行大厦", "“国家”重点实验室", "超瞬态实验装置", "（北京）创新中心", "阿里研究院", "长江实验室",
             "3D打印中心", "重庆大学城", "西安分中心", "先进制造园", "ABC孵化器"]
    assert sorted(names, key=sort_key) == [
        "3D打印中心", "ABC孵化器", "阿里研究院", "（北京）创新中心", "长江实验室", "超瞬态实验装置",
        "重庆大学城", "“国家”重点实验室", "西安分中心", "先进制造园", "银行大厦"]


def test_search_forms_read_words_as_words():
    assert search_forms("超瞬态实验装置") == ("cstsyzz", "chaoshuntaishiyanzhuangzhi")
    assert search_forms("重庆大学") == ("cqdx", "chongqingdaxue")  # 重 in 重庆 is chong
    assert search_forms("绿色5G基站")[0] == "ls5gjz"


def test_rank_exact_prefix_contains_pinyin():
    assert rank("量子中心", "量子中心") == EXACT
    assert rank("量子", "量子中心") == PREFIX
    assert rank("中心", "量子中心") == CONTAINS
    assert rank("cstd", "超瞬态电磁实验装置") == PINYIN_PREFIX
    assert rank("chaoshun", "超瞬态电磁实验装置") == PINYIN_PREFIX
    assert rank("滨江", "量子中心", "滨江区") > CONTAINS
    assert rank("滨江 量子", "量子中心", "滨江区") != NO_MATCH
    assert rank("火星", "量子中心", "滨江区") == NO_MATCH


def test_ranked_puts_the_exact_name_first_among_many():
    rows = [{"name": f"人工智能{s}"} for s in ("研究院", "产业园", "创新中心", "")] + [{"name": "江北人工智能基地"}]
    rows += [{"name": f"其他{i}", "unit": "人工智能学院"} for i in range(40)]
    out = ranked(rows, "人工智能", lambda r: r["name"], lambda r: r.get("unit", "").lower())
    assert out[0]["name"] == "人工智能"
    assert [r["name"] for r in out[1:4]] == ["人工智能研究院", "人工智能产业园", "人工智能创新中心"]
    assert out[4]["name"] == "江北人工智能基地" and len(out) == 45


def test_register_rows_sort_by_pinyin_in_a_real_portfolio(builtin_pf):
    rows = register.project_rows(builtin_pf)
    names = [r["name"] for r in sorted(rows, key=lambda r: sort_key(r["name"]))]
    firsts = [sort_key(n)[0][:1] for n in names]
    assert firsts == sorted(firsts)
    quoted = [i for i, n in enumerate(names) if n.startswith(("“", "\"", "《", "（"))]
    assert quoted and quoted != list(range(len(quoted)))  # the quoted names sit among the others


def test_order_found_is_the_ranking_in_fewer_steps():
    """order_found (list comprehensions, per keystroke) orders as sorting by the ranker does."""
    from db.rows.ranking import NameIndex, order_found, ranker
    names = ["人工智能", "人工智能研究院", "江北人工智能基地", "超瞬态实验装置", "重庆大学", "RGZN中心", "其他",
             "CSTD平台", "长江实验室", "超算中心"] * 3
    index = NameIndex(names)
    lower = [n.lower() for n in names]
    for text in ("人工智能", "人工", "智能", "cs", "cstd", "chao", "rgzn", "zx", "c", "中心", "实验", "5g", "2026"):
        found = list(range(len(names)))
        rank_of = ranker(text)
        expected = sorted(found, key=lambda i, r=rank_of: (r(lower[i], ""), i))
        assert order_found(found, text, index) == expected, text


def test_two_character_phrases_picked_out_equal_the_whole_file_parsed():
    """The phrase table is read by a pattern (a whole json parse cost ~0.12 s CPU at every start):
    it finds every two-character phrase, with its first readings, that json.loads finds."""
    from db import pinyin
    parsed = pinyin._data("phrases_dict.json")
    whole = sorted((w, r[0][0], r[1][0]) for w, r in parsed.items() if len(w) == 2 and len(r) == 2)
    assert sorted(pinyin._two_character_phrases()) == whole
    assert len(whole) > 10_000
    assert pinyin._words()["重庆"] == ("chóng", "qìng")


def test_order_found_of_many_rows_moves_up_only_names_starting_with_the_text():
    """Over FULL_RANKING_UP_TO rows found (typing a first letter in a city's register), only the exact
    name and names or pinyin starting with the text move up — found by bisection in the sorted names;
    the same order as sorting by the ranker with the other ranks taken as ELSEWHERE. A renamed row
    (an edit in place) is ranked by its new name."""
    from db.rows.ranking import (
        ELSEWHERE,
        EXACT,
        FULL_RANKING_UP_TO,
        PINYIN_PREFIX,
        PREFIX,
        NameIndex,
        order_found,
        ranker,
    )
    base = ["人工智能", "人工智能研究院", "江北人工智能基地", "超瞬态实验装置", "重庆大学", "RGZN中心", "其他",
            "CSTD平台", "长江实验室", "超算中心", "cs实验", "实验cs", "Chao平台", "5G基站", "2026计划"]
    names = [f"{n}{i // len(base)}" if i % 3 else n for i, n in enumerate(base * 400)]
    index = NameIndex(names)
    lower = [n.lower() for n in names]
    for text in ("人工智能", "人工", "智能", "cs", "cstd", "chao", "rgzn", "c", "中心", "实验", "5g", "2026", "超",
                 "计划", "0"):  # the last two: no name starts with them (nothing moves up)
        found = list(range(len(names)))
        assert len(found) > FULL_RANKING_UP_TO
        rank_of = ranker(text)

        def kept(i, r=rank_of):
            rank = r(lower[i], "")
            return rank if rank in (EXACT, PREFIX, PINYIN_PREFIX) else ELSEWHERE
        expected = sorted(found, key=lambda i: (kept(i), i))
        assert order_found(found, text, index) == expected, text
    index.rename(1, "超算平台")
    lower[1] = "超算平台"
    for text in ("超算", "cs", "人工智能研究院"):
        rank_of = ranker(text)
        assert order_found(found, text, index) == sorted(found, key=lambda i: (kept(i, rank_of), i)), text
