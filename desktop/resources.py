"""The bundled files the GUI loads itself (font, translations, icon) — located by `resources`."""
from __future__ import annotations

from resources import FONT_FILE, ICON_FILE, TRANSLATIONS

__all__ = ["FONT_FILE", "ICON_FILE", "TRANSLATIONS"]
