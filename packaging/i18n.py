#!/usr/bin/env python3
"""Keep the translation catalogue in step with the code.

    python packaging/i18n.py update    collect strings from db/ and desktop/ into resources/translations/*.ts
    python packaging/i18n.py release   compile the .ts files into .qm (loaded by the GUI)

Source strings are Chinese; kechuang_en.ts carries the English. Edit it with Qt Linguist
(pyside6-linguist) or by hand; tests/test_translations.py fails on anything left unfinished.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import resources  # noqa: E402 - the one locator of the bundled files, from this checkout

TS_DIR = resources.TRANSLATIONS
LANGS = ("en",)


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in ("db", "desktop") for p in (ROOT / d).rglob("*.py"))


def update() -> int:
    for lang in LANGS:
        ts = TS_DIR / f"kechuang_{lang}.ts"
        # No source locations: line numbers would make every branch's catalogue conflict.
        rc = subprocess.call([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                              "-source-language",
                              "zh_CN", "-target-language", lang, "-ts", str(ts)], cwd=ROOT)
        if rc:
            return rc
    return 0


def release() -> int:
    for lang in LANGS:
        ts = TS_DIR / f"kechuang_{lang}.ts"
        rc = subprocess.call([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))])
        if rc:
            return rc
    return 0


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    sys.exit(update() if action == "update" else release() if action == "release" else 2)
