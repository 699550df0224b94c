"""Which characters of a document's content its fonts cannot show.

A TrueType face has glyphs for what it covers; reportlab draws nothing for any other character,
so an emoji or a CJK Extension B character (𠀀, 𪚥) in a project's name would vanish from the
printed brief without a word. The brief (and the 榜单) report them instead: `missing()` lists
each such character once, in order of appearance, and the CLI and the preview say
"字符无法显示" with the list.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from reportlab.pdfbase import pdfmetrics

from db.i18n import QT_TRANSLATE_NOOP

MESSAGE = QT_TRANSLATE_NOOP("brief", "有 {count} 个字符无法显示（所用字体中没有，打印时会空缺）：{chars}")


def _shown_without_glyph(ch: str) -> bool:
    """Characters that need no glyph of their own: spacing, controls and joiners, variation
    selectors (the U+FE0F after an emoji)."""
    code = ord(ch)
    return (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")
            or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def strings(value) -> Iterable[str]:
    """Every string inside nested dicts, lists and tuples (a document's facts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            yield from strings(v)


def missing(font_names: Iterable[str], texts: Iterable[str]) -> list[str]:
    """Characters of `texts` that none of the registered TrueType fonts `font_names` has (the
    brief sets a character a face lacks in its fallback face, so only these vanish)."""
    covered = [pdfmetrics.getFont(name).face.charToGlyph for name in dict.fromkeys(font_names)]
    seen: dict[str, None] = {}
    checked: set[str] = set()
    for text in texts:
        for ch in text:
            if ch in checked:
                continue
            checked.add(ch)
            if not _shown_without_glyph(ch) and not any(glyphs.get(ord(ch)) for glyphs in covered):
                seen[ch] = None
    return list(seen)
