"""The tokens of names kept between sessions (db/pinyin.load_known/save_known, issue #20): what a
later session reads from the file gives exactly the keys and search forms computed from scratch,
and a file written for other rules or tables, or damaged, is not used."""
import json

import pytest

from db import pinyin

NAMES = ["重庆银行数字化中心", "超瞬态实验装置", "西安先进制造", "“国家”级孵化器（二期）", "5G+工业互联网", "ABC实验室",
         "长沙长大", "", "İstanbul合作站", "行长银行行"]


def _fresh() -> None:
    """As in a new process: nothing kept, nothing cached."""
    pinyin._known.clear()
    pinyin._kept.clear()
    for f in (pinyin._tokens, pinyin.sort_key, pinyin.search_forms, pinyin._readings, pinyin._words):
        f.cache_clear()


@pytest.fixture
def computed():
    _fresh()
    yield {n: (pinyin.sort_key(n), pinyin.search_forms(n)) for n in NAMES}
    _fresh()


def test_kept_tokens_give_the_computed_keys_and_forms(tmp_path, computed):
    path = tmp_path / "names.json"
    assert pinyin.save_known(path, NAMES) and not pinyin.save_known(path, NAMES)  # the same names: not written again
    _fresh()
    assert pinyin.load_known(path) == len(NAMES)
    got = {n: (pinyin.sort_key(n), pinyin.search_forms(n)) for n in NAMES}
    assert got == computed
    assert pinyin._readings.cache_info().currsize == 0  # answered from the file: pypinyin's tables not read
    assert not pinyin._known  # the file's texts are in the cache, not kept twice
    assert not pinyin.save_known(path, reversed(NAMES))  # the file holds these names already
    assert pinyin.save_known(path, NAMES[1:])  # one gone: written again, with the others
    _fresh()
    assert pinyin.load_known(path) == len(NAMES) - 1
    assert sorted(NAMES, key=pinyin.sort_key) == sorted(computed, key=lambda n: computed[n][0])
    new = "北湖低空经济孵化器"  # a name not kept yet is worked out as before
    assert pinyin.search_forms(new) == ("bhdkjjfhq", "beihudikongjingjifuhuaqi")


def test_a_file_of_other_rules_or_damaged_is_not_used(tmp_path, computed):
    path = tmp_path / "names.json"
    pinyin.save_known(path, NAMES)
    data = json.loads(path.read_text(encoding="utf-8"))
    wrong = dict(data, tokens={n: "1zzz9" for n in NAMES})
    for bad in (json.dumps(dict(wrong, fingerprint="another version")), "{not json", json.dumps([1, 2]),
                json.dumps({"fingerprint": data["fingerprint"], "tokens": {"重庆": 5}}), ""):
        path.write_text(bad, encoding="utf-8")
        _fresh()
        assert pinyin.load_known(path) == 0
        assert {n: (pinyin.sort_key(n), pinyin.search_forms(n)) for n in NAMES} == computed
    _fresh()
    assert pinyin.load_known(tmp_path / "missing.json") == 0
    path.write_text(json.dumps(wrong), encoding="utf-8")  # the right fingerprint is what makes it trusted
    _fresh()
    assert pinyin.load_known(path) == len(NAMES) and pinyin.sort_key(NAMES[0])[0] == "zzz9"


def test_the_fingerprint_follows_the_rules_module(tmp_path, monkeypatch):
    before = pinyin.fingerprint()
    copy = tmp_path / "pinyin.py"
    copy.write_bytes(open(pinyin.__file__, "rb").read() + b"\n# changed\n")
    monkeypatch.setattr(pinyin, "__file__", str(copy))
    assert pinyin.fingerprint() != before
