"""Every user-visible string exists in Chinese (the source) and English (the catalogue)."""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import resources
from db import i18n
from db.model import KINDS

ROOT = Path(__file__).resolve().parent.parent
TS = resources.TRANSLATIONS / "kechuang_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%\d|%n")


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def test_catalogue_is_complete_and_keeps_placeholders():
    problems = []
    for m in messages(TS):
        source = m.findtext("source")
        tr_el = m.find("translation")
        if tr_el.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"unfinished: {source}")
            continue
        forms = [f.text or "" for f in tr_el.iter("numerusform")] or [tr_el.text or ""]
        for text in forms:
            if not text.strip():
                problems.append(f"empty: {source}")
            if sorted(set(PLACEHOLDER.findall(source)) - {"%n"}) != sorted(set(PLACEHOLDER.findall(text)) - {"%n"}):
                problems.append(f"placeholders differ: {source} -> {text}")
    assert problems == []


def test_catalogue_covers_the_code(tmp_path):
    """Running lupdate on today's code finds no string missing from the committed catalogue."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for d in ("db", "desktop") for p in (ROOT / d).rglob("*.py"))
    subprocess.run([str(lupdate) if lupdate.exists() else "pyside6-lupdate", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    have = {(m.findtext("source")) for m in messages(TS)}
    missing = sorted({m.findtext("source") for m in messages(fresh)} - have)
    assert missing == [], "run: python packaging/i18n.py update, translate, then release"


def test_qm_is_compiled_and_current(tmp_path):
    """The committed .qm is what lrelease makes of the committed .ts."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert TS.with_suffix(".qm").read_bytes() == fresh.read_bytes(), "run: python packaging/i18n.py release"


def test_core_strings_translate():
    try:
        i18n.set_language("en")
        assert i18n.tr_enum("重大科技基础设施") != "重大科技基础设施"
        for kind in KINDS.values():
            for f in kind.fields:
                assert re.search(r"[A-Za-z]", i18n.tr(f.label)), (kind.name, f.name)
    finally:
        i18n.set_language("zh")
