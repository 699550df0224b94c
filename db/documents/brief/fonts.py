"""The brief's fonts: TrueType, registered with reportlab, embedded and subset in every PDF.

By default every role uses the bundled 文泉驿微米黑, so a brief prints the same on any machine.
An office that has the GB/T 9704 fonts (仿宋/宋体/黑体/楷体, e.g. on Windows) can choose one as the
body font; headings then use 黑体 and the title 小标宋/宋体 where those are installed too.
KECHUANG_FONT_DIRS (folders separated by os.pathsep) adds folders to look in.
"""
from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

import resources
from db.i18n import QT_TRANSLATE_NOOP

BUNDLED_FILE = resources.FONT_FILE
BUNDLED = "bundled"
# Body-font choices offered in the GUI and the CLI (values are stored in the portfolio's settings).
CHOICES = (BUNDLED, "仿宋", "宋体", "黑体")
CHOICE_LABELS = {
    BUNDLED: QT_TRANSLATE_NOOP("brief", "内置字体（文泉驿微米黑）"),
    "仿宋": QT_TRANSLATE_NOOP("brief", "仿宋（系统字体）"),
    "宋体": QT_TRANSLATE_NOOP("brief", "宋体（系统字体）"),
    "黑体": QT_TRANSLATE_NOOP("brief", "黑体（系统字体）"),
}
# File names (lower case) of TrueType fonts per family, best first. OpenType/CFF fonts
# (e.g. Noto CJK .otf) cannot be embedded by reportlab and are not listed.
SYSTEM_FILES = {
    "仿宋": ("simfang.ttf", "仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "stfangso.ttf", "fzfsk.ttf"),
    "宋体": ("simsun.ttc", "simsun.ttf", "stsong.ttf", "fzssk.ttf"),
    "黑体": ("simhei.ttf", "stheiti.ttf", "fzhtk.ttf"),
    "楷体": ("simkai.ttf", "楷体_gb2312.ttf", "kaiti_gb2312.ttf", "stkaiti.ttf", "fzktk.ttf"),
    "小标宋": ("fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxbsk.ttf"),
}

_lock = threading.Lock()


@dataclass(frozen=True)
class FontSet:
    """reportlab font names for each role of the brief."""
    body: str
    heading: str
    title: str
    sub: str


def font_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("KECHUANG_FONT_DIRS", "").split(os.pathsep) if p]
    home = Path.home()
    if sys.platform.startswith("win"):
        dirs += [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                 Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        dirs += [home / ".fonts", home / ".local" / "share" / "fonts", Path("/usr/local/share/fonts"),
                 Path("/usr/share/fonts")]
    return dirs


@lru_cache(maxsize=8)
def _index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name → path of every font file in the folders (first found wins)."""
    found: dict[str, Path] = {}
    for d in dirs:
        if not d.is_dir():
            continue
        for root, _subdirs, files in os.walk(d):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _register(path: Path) -> str | None:
    """Register the first face of a TrueType file; its reportlab name, or None if unusable."""
    name = "KC-" + path.stem
    with _lock:
        try:
            pdfmetrics.getFont(name)
            return name
        except KeyError:
            pass
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        except (TTFError, OSError, ValueError):
            return None
    return name


def system_font(family: str) -> str | None:
    """The registered name of an installed system font of `family` (仿宋, 宋体 …), if any."""
    index = _index(tuple(font_dirs()))
    for file_name in SYSTEM_FILES.get(family, ()):
        path = index.get(file_name)
        if path is not None and (name := _register(path)):
            return name
    return None


def available() -> list[str]:
    """The body-font choices usable on this machine (the bundled font always is)."""
    return [BUNDLED] + [c for c in CHOICES[1:] if system_font(c)]


def bundled() -> str:
    name = _register(BUNDLED_FILE)
    if name is None:  # the bundled font is part of the product: missing means a broken install
        raise FileNotFoundError(BUNDLED_FILE)
    return name


def font_set(choice: str = BUNDLED) -> FontSet:
    base = bundled()
    if choice == BUNDLED or choice not in CHOICES:
        return FontSet(base, base, base, base)
    body = system_font(choice) or base
    if body == base:  # the chosen font is not installed: stay with the bundled one throughout
        return FontSet(base, base, base, base)
    heading = system_font("黑体") or body
    title = system_font("小标宋") or system_font("宋体") or heading
    sub = system_font("楷体") or body
    return FontSet(body, heading, title, sub)
