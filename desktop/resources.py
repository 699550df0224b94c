"""Where the bundled resources live (source checkout or a frozen bundle)."""
from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


RESOURCES = root() / "resources"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
TRANSLATIONS = RESOURCES / "translations"
ICON_FILE = RESOURCES / "icons" / "kechuang.png"
