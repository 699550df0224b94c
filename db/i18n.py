"""Translation of the core's user-visible strings, without Qt.

Source strings are Chinese (the default language). They are marked with QT_TRANSLATE_NOOP or
tr(context, text) so that pyside6-lupdate collects them into resources/translations/*.ts along
with the GUI's strings; one catalogue serves both. At run time the GUI installs the compiled
.qm with QTranslator and calls set_language(); the core (and the CLI, which needs no Qt) reads
the same .ts file here.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

import resources

TRANSLATIONS_DIR = resources.TRANSLATIONS
LANGUAGES = ("zh", "en")

_language = "zh"


class Msg(str):
    """A source string that remembers its translation context."""

    context: str

    def __new__(cls, context: str, text: str) -> Msg:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj


def QT_TRANSLATE_NOOP(context: str, text: str) -> Msg:  # noqa: N802 - the name lupdate looks for
    return Msg(context, text)


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _language


@cache
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    path = TRANSLATIONS_DIR / f"kechuang_{lang}.ts"
    table: dict[tuple[str, str], str] = {}
    if not path.exists():
        return table
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr_el = msg.find("translation")
            if source is None or tr_el is None or not (tr_el.text or "").strip():
                continue
            if tr_el.get("type") in ("obsolete", "vanished"):
                continue
            table[(name, source)] = tr_el.text or ""
    return table


class EnumValue(str):
    """A stored choice value (淘汰) given to tr() as a parameter: filled in by its label in the
    language of the text ("Eliminated")."""


def tr(msg: str, lang: str | None = None, **params) -> str:
    """Translate a marked string (a Msg; plain strings pass through), then fill {params}."""
    lang = lang or _language
    text = str(msg)
    if lang != "zh" and isinstance(msg, Msg):
        text = _catalogue(lang).get((msg.context, text), text)
    if any(isinstance(v, EnumValue) for v in params.values()):
        params = {k: tr(Msg("enum", v), lang) if isinstance(v, EnumValue) else v for k, v in params.items()}
    return text.format(**params) if params else text


def tr_enum(value) -> str:
    """Label of a stored choice value (谋划, 已发榜, higher …) in the current language."""
    if value in (None, ""):
        return ""
    return tr(Msg("enum", str(value)))
