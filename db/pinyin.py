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

import hashlib
import importlib.util
import json
import os
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

_SEP = "\x01"  # after each syllable: lower than any digit or letter, so "xi" + sep < "xian"
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}  # combining marks of ā á ǎ à


def _file(name: str) -> Path:
    spec = importlib.util.find_spec("pypinyin")  # without importing it: its __init__ loads the phrases
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed (pyproject: pypinyin>=0.50)")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _data(name: str):
    return json.loads(_file(name).read_text(encoding="utf-8"))


@cache
def _readings() -> tuple[dict[str, str], frozenset[str]]:
    """Character -> its first (most common) reading with tone marks ("zhòng"), and the characters
    with several readings — from one read of pypinyin's character table."""
    table, poly = {}, set()
    for k, v in _data("pinyin_dict.json").items():
        ch = chr(int(k))
        first, _, more = v.partition(",")
        table[ch] = first
        if more:
            poly.add(ch)
    return table, frozenset(poly)


def _table() -> dict[str, str]:
    return _readings()[0]


def _polyphones() -> frozenset[str]:
    return _readings()[1]


# a two-character entry of phrases_dict.json as pypinyin writes it, one value per line; only the
# first reading of each character is kept (as json.loads()[word][k][0] would)
_TWO = re.compile(r'^"(..)": \[\n\[\n"([^"\n]+)"(?:,\n"[^"\n]+")*\n\],\n\[\n"([^"\n]+)"(?:,\n"[^"\n]+")*\n\]\n\]',
                  re.M)


def _two_character_phrases() -> list[tuple[str, str, str]]:
    """(word, reading of its 1st, of its 2nd character) of every two-character phrase: picked out of
    the 2.5 MB file by a pattern (~20 ms) rather than parsed whole (~120 ms, at every start); if
    pypinyin ever writes the file otherwise and the pattern finds nothing, parsed whole."""
    text = _file("phrases_dict.json").read_text(encoding="utf-8")
    found = _TWO.findall(text)
    if found:
        return found
    return [(w, r[0][0], r[1][0]) for w, r in json.loads(text).items() if len(w) == 2 and len(r) == 2]


@cache
def _words() -> dict[str, tuple[str, str]]:
    """Two-character words in which a character with several readings is not read the common way."""
    table, poly = _readings()
    out = {}
    for word, first, second in _two_character_phrases():
        if (word[0] in poly or word[1] in poly) and (first, second) != (table.get(word[0]), table.get(word[1])):
            out[word] = (first, second)
    return out


def _reading(text: str, i: int) -> str | None:
    """The marked reading of text[i] in its context."""
    table, poly = _readings()
    ch = text[i]
    if ch in poly:
        words = _words()
        if i > 0 and text[i - 1:i + 1] in words:
            return words[text[i - 1:i + 1]][1]
        if text[i:i + 2] in words:
            return words[text[i:i + 2]][0]
    return table.get(ch)


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


@lru_cache(maxsize=1 << 17)
def _tokens(text: str) -> tuple[tuple[str, bool], ...]:
    """(token, is_han) per character of `text` that counts for order and search (one pass per name,
    shared by its sort key and its search forms)."""
    known = _known.get(text)
    if known is not None:
        return tuple(map(_pair, known.split(_KNOWN_SEP))) if known else ()
    out = []
    text = unicodedata.normalize("NFKC", text)
    table, poly = _readings()
    for i, ch in enumerate(text):
        marked = _reading(text, i) if ch in poly else table.get(ch)
        if marked is not None:
            out.append((_syllable(marked), True))
        elif ch.isalnum():
            out.append((ch.lower(), False))
    return tuple(out)


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


# -- the tokens of names seen before (issue #20: cold start) -----------------------------------
# A name's tokens depend only on its text, this module and pypinyin's tables, so they can be kept
# between sessions: the register's 10,000 names (30,000 in a province) cost ~0.2 s (0.6 s) of
# Python at every start, the kept ones a file read. The fingerprint covers the rest.
_known: dict[str, str] = {}  # text -> its tokens, each "1"/"0" (Han or not) + token, joined by _KNOWN_SEP
_KNOWN_SEP = " "  # never inside a token (a syllable, or one letter or digit)
_kept: dict[str, str] = {}  # file -> digest of the texts it holds (read or written in this process)


@cache
def _pair(code: str) -> tuple[str, bool]:
    """A kept token ("1chao1") as _tokens gives it, one object per distinct token (as _syllable's
    strings are shared: 10,000 names' tokens as new strings were 9 MB more)."""
    return code[1:], code[0] == "1"


def fingerprint() -> str:
    """What a text's tokens depend on besides the text: this module's code and pypinyin's tables."""
    digest = hashlib.sha1(Path(__file__).read_bytes())
    for name in ("pinyin_dict.json", "phrases_dict.json"):
        stat = _file(name).stat()
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _digest(texts) -> str:
    return hashlib.sha1("\n".join(sorted(texts)).encode()).hexdigest()


def load_known(path: Path) -> int:
    """Take the tokens kept in `path` by save_known into the cache (nothing if it is missing,
    unreadable or was written for another version of the rules or tables); the number of texts taken."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint():
            return 0
        tokens = data["tokens"]
        if not isinstance(tokens, dict) or not all(isinstance(v, str) for v in tokens.values()):
            return 0
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    _kept[str(path)] = _digest(tokens)
    _known.update(tokens)
    _tokens.cache_clear()  # a text asked for before now answers from what was kept, as computed
    for text in tokens:  # into the cache now, and the file's objects freed before the rows are made
        _tokens(text)
    _known.clear()
    return len(tokens)


def save_known(path: Path, texts) -> bool:
    """Keep the tokens of `texts` in `path` unless it holds exactly these already: written whole to
    a temporary file and then moved in place. True if written."""
    texts = {t for t in texts if isinstance(t, str)}
    digest = _digest(texts)
    if _kept.get(str(path)) == digest:
        return False
    tokens = {t: _KNOWN_SEP.join(("1" if han else "0") + tok for tok, han in _tokens(t)) for t in texts}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"fingerprint": fingerprint(), "tokens": tokens}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    _kept[str(path)] = digest
    return True
