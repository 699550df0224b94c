"""The brief's fonts: TrueType, registered with reportlab, embedded and subset in every PDF.

By default the brief uses the GB/T 9704 faces bundled under resources/fonts/ (freely licensed,
licences beside them), so it looks like a 公文 on any machine: 仿宋 (Fandol Fang) for the body,
黑体 (文泉驿微米黑) for 一、 headings and table heads, 楷体 (AR PL KaitiM GB) for （一） headings, and a
bold 宋体 (Fandol Song Bold) for the red 报头, the title (the closest free face to 小标宋) and the
page numbers. A character a face lacks is set in 文泉驿微米黑 (it covers far more than GB 2312).

An office that has the system fonts (仿宋/宋体/黑体/楷体/小标宋, e.g. on Windows) can choose one as
the body font; headings then use the installed 黑体, 楷体 and 小标宋 where present, else the bundled
faces. KECHUANG_FONT_DIRS (folders separated by os.pathsep) adds folders to look in.
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

BUNDLED_FILE = resources.FONT_FILE  # 文泉驿微米黑: 黑体 and the fallback for missing glyphs
BUNDLED_FACES = {"仿宋": resources.FONT_FANGSONG, "黑体": resources.FONT_FILE, "楷体": resources.FONT_KAI,
                 "宋体": resources.FONT_SONG}
BUNDLED = "bundled"
# Body-font choices offered in the GUI and the CLI (values are stored in the portfolio's settings).
CHOICES = (BUNDLED, "仿宋", "宋体", "黑体")
CHOICE_LABELS = {
    BUNDLED: QT_TRANSLATE_NOOP("brief", "内置公文字体（仿宋、黑体、楷体、宋体）"),
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
    """reportlab font names for each role of the brief: body 仿宋, heading 黑体, title 小标宋 (or a
    bold 宋体), sub 楷体, number 宋体 (page numbers); fallback sets what a face lacks."""
    body: str
    heading: str
    title: str
    sub: str
    number: str = ""
    fallback: str = ""


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


def _bundled(role: str) -> str:
    name = _register(BUNDLED_FACES[role])
    if name is None:  # the bundled fonts are part of the product: missing means a broken install
        raise FileNotFoundError(BUNDLED_FACES[role])
    return name


def bundled() -> str:
    """The bundled 黑体 (文泉驿微米黑), also the fallback for characters another face lacks."""
    return _bundled("黑体")


def bundled_set() -> FontSet:
    song = _bundled("宋体")
    return FontSet(body=_bundled("仿宋"), heading=bundled(), title=song, sub=_bundled("楷体"), number=song,
                   fallback=bundled())


def font_set(choice: str = BUNDLED) -> FontSet:
    base = bundled_set()
    if choice == BUNDLED or choice not in CHOICES:
        return base
    body = system_font(choice)
    if body is None:  # the chosen font is not installed: the bundled faces throughout
        return base
    return FontSet(body=body, heading=system_font("黑体") or base.heading,
                   title=system_font("小标宋") or base.title, sub=system_font("楷体") or base.sub,
                   number=system_font("宋体") or base.number, fallback=base.fallback)


def has_glyphs(font: str):
    """A test `ch -> bool`: whether the registered font `font` has a glyph for the character."""
    return _cmap(font).__contains__


@lru_cache(maxsize=32)
def _cmap(font: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font).face
    return frozenset(code for code, glyph in face.charToGlyph.items() if glyph)


def fill_gaps(text: str, font: str, fallback: str) -> list[tuple[str, str]]:
    """`text` cut into (run, font) pieces: characters `font` lacks go to `fallback` (blanks stay)."""
    if not text or font == fallback or not fallback:
        return [(text, font)]
    cmap = _cmap(font)
    out: list[tuple[str, str]] = []
    for ch in text:
        f = font if ord(ch) in cmap or ch.isspace() else fallback
        if out and out[-1][1] == f:
            out[-1] = (out[-1][0] + ch, f)
        else:
            out.append((ch, f))
    return out
