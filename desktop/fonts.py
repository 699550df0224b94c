"""The bundled CJK font, so Chinese renders on machines without CJK fonts (DESIGN §4)."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.resources import FONT_FILE

_family: str | None = None


def install(app: QApplication, point_size: int = 10) -> str:
    """Register the bundled font and make it the application font; returns its family."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else QApplication.font().family()
    font = QFont(_family, point_size)
    app.setFont(font)
    return _family
