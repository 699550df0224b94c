"""The app's bundled files, and the one place that says where they are.

This folder is shipped as package data: in a source checkout, an installed wheel (pip, pipx) and
the PyInstaller bundle alike the files sit beside this module — in the bundle under
sys._MEIPASS/resources, where packaging/kechuang.spec collects this package's data files. Every
caller (db/ and desktop/, packaging/) asks here; nobody spells the path itself. Plain pathlib, no
Qt: the core uses it too.
"""
from __future__ import annotations

import sys
from pathlib import Path


def _locate() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "resources" if frozen else Path(__file__).resolve().parent


DIR = _locate()
FONTS = DIR / "fonts"
ICONS = DIR / "icons"
TRANSLATIONS = DIR / "translations"   # kechuang_<lang>.ts (read by db.i18n) and .qm (Qt)
PORTFOLIO = DIR / "portfolio"         # the built-in portfolio data (FORMAT.md)
SEEDS = PORTFOLIO / "seeds"           # the seed documents it was extracted from

FONT_FILE = FONTS / "wqy-microhei.ttc"  # 文泉驿微米黑: the UI font, the brief's 黑体 and its fallback
# The brief's GB/T 9704 faces (licences beside them): 仿宋 body, 楷体 sub-headings, bold 宋体 for the
# 报头, title and page numbers (the closest free face to 小标宋).
FONT_FANGSONG = FONTS / "FandolFang-Regular.ttf"
FONT_KAI = FONTS / "gkai00mp.ttf"
FONT_SONG = FONTS / "FandolSong-Bold.ttf"
ICON_FILE = ICONS / "kechuang.png"
ICON_FILE_WINDOWS = ICONS / "kechuang.ico"
