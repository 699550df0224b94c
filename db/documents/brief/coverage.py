"""Which characters of a document's content its fonts cannot show.

A TrueType face has glyphs for what it covers; reportlab draws nothing for any other character,
so an emoji or a CJK Extension B character (𠀀, 𪚥) in a project's name would vanish from the
printed brief without a word. The brief (and the 榜单) report them instead: `missing()` lists
each such character once, in order of appearance, and the CLI and the preview say
"字符无法显示" with the list.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from db.i18n import QT_TRANSLATE_NOOP

MESSAGE = QT_TRANSLATE_NOOP("brief", "有 {count} 个字符无法显示（所用字体中没有，打印时会空缺）：{chars}")


def _shown_without_glyph(ch: str) -> bool:
    """Characters that need no glyph of their own: spacing, controls and joiners, variation
    selectors (the U+FE0F after an emoji)."""
    code = ord(ch)
    return (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")
            or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def strings(value) -> list[str]:
    """Every string inside nested dicts, lists, tuples and sets (a document's facts), in order.
    A loop over a stack, not nested generators: a city's facts hold some 100,000 strings."""
    out: list[str] = []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            stack.extend(reversed(v.values()))
        elif isinstance(v, (list, tuple)):
            stack.extend(reversed(v))
        elif isinstance(v, set):
            stack.extend(reversed(list(v)))
    return out


def missing(font_names: Iterable[str], texts: Iterable[str]) -> list[str]:
    """Characters of `texts` that none of the registered TrueType fonts `font_names` has (the
    brief sets a character a face lacks in its fallback face, so only these vanish)."""
    faces = tuple(pdfmetrics.getFont(name).face for name in dict.fromkeys(font_names))
    # one C scan for the characters outside every face, rather than a Python object per character
    # (a city brief's every fact held some 3 million)
    found = dict.fromkeys(_uncovered(faces).findall("".join(texts)))  # once each, in order of appearance
    return [ch for ch in found if not _shown_without_glyph(ch)]


@lru_cache(maxsize=8)
def _uncovered(faces: tuple) -> re.Pattern:
    """A pattern matching any one character none of `faces` has a glyph for."""
    codes = sorted({code for face in faces for code, glyph in face.charToGlyph.items() if glyph})
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    covered = "".join(re.escape(chr(a)) + ("" if a == b else "-" + re.escape(chr(b))) for a, b in ranges)
    return re.compile(f"[^{covered}]" if covered else "(?s:.)")
