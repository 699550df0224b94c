"""拼音 order and pinyin search forms of names — as Excel/WPS users expect them (no Qt here).

A name's sort key spells each Han character as its pinyin with the tone number (超 -> chao1), keeps
letters (lower-cased) and digits, and drops punctuation, quotes and spaces, so that “国家”… sorts
under G and not before every other name. Digits come before letters, and a shorter syllable before
a longer one (西安 xi1·an1 before 先 xian1). Ties fall back to the text itself.

Each character is read by its most common reading (pypinyin's character table, read straight from
its JSON file), except where a two-character word of pypinyin's phrase table reads it otherwise
(重庆 chong·qing, 银行 yin·hang). pypinyin's own segmenter costs ~1 ms a name and seconds to load:
too slow for 100,000 rows. Keys and search forms are cached by name and computed once per row.
"""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

_SEP = "\x01"  # after each syllable: lower than any digit or letter, so "xi" + sep < "xian"
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}  # combining marks of ā á ǎ à


def _data(name: str):
    spec = importlib.util.find_spec("pypinyin")  # without importing it: its __init__ loads the phrases
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed (pyproject: pypinyin>=0.50)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / name).read_text(encoding="utf-8"))


@cache
def _table() -> dict[str, str]:
    """Character -> the first (most common) reading, with tone marks ("zhòng")."""
    return {chr(int(k)): v.split(",", 1)[0] for k, v in _data("pinyin_dict.json").items()}


@cache
def _polyphones() -> set[str]:
    return {chr(int(k)) for k, v in _data("pinyin_dict.json").items() if "," in v}


@cache
def _words() -> dict[str, tuple[str, str]]:
    """Two-character words in which a character with several readings is not read the common way."""
    table, poly = _table(), _polyphones()
    out = {}
    for word, readings in _data("phrases_dict.json").items():
        if len(word) == 2 and len(readings) == 2 and (word[0] in poly or word[1] in poly):
            pair = (readings[0][0], readings[1][0])
            if pair != (table.get(word[0]), table.get(word[1])):
                out[word] = pair
    return out


def _reading(text: str, i: int) -> str | None:
    """The marked reading of text[i] in its context."""
    ch = text[i]
    if ch in _polyphones():
        words = _words()
        if i > 0 and text[i - 1:i + 1] in words:
            return words[text[i - 1:i + 1]][1]
        if text[i:i + 2] in words:
            return words[text[i:i + 2]][0]
    return _table().get(ch)


@lru_cache(maxsize=4096)
def _syllable(marked: str) -> str:
    """"chāo" -> "chao1" (ü as v, the neutral tone 5)."""
    tone = "5"
    letters: list[str] = []
    for c in unicodedata.normalize("NFD", marked):
        if c in _TONES:
            tone = _TONES[c]
        elif c == "\u0308":  # the diaeresis of ü
            letters[-1] = "v"
        elif c.isascii() and c.isalpha():
            letters.append(c)
    return "".join(letters) + tone


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(token, is_han) per character of `text` that counts for order and search."""
    out = []
    text = unicodedata.normalize("NFKC", text)
    for i, ch in enumerate(text):
        marked = _reading(text, i)
        if marked is not None:
            out.append((_syllable(marked), True))
        elif ch.isalnum():
            out.append((ch.lower(), False))
    return out


@lru_cache(maxsize=1 << 17)
def sort_key(text: str | None) -> tuple[str, str]:
    """The 拼音 order of a name (compare keys with <)."""
    text = text or ""
    return _SEP.join(t for t, _han in _tokens(text)), text


@lru_cache(maxsize=1 << 17)
def search_forms(text: str | None) -> tuple[str, str]:
    """(initials, full pinyin) of a name, lower case without tones or spaces: 超瞬态 -> ("cst",
    "chaoshuntai"). Letters and digits in the name stay in both forms."""
    initials, full = [], []
    for tok, han in _tokens(text or ""):
        bare = tok[:-1] if han else tok
        initials.append(bare[:1])
        full.append(bare)
    return "".join(initials), "".join(full)
