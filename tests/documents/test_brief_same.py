"""The brief of a generated portfolio says what it said before its facts were computed faster.

The facts of a city's brief and of the overview are computed in fewer passes over the records
(issue #20): what the PDF and the .docx say, and the overview's figures, must not change. The
expected text in golden/ was recorded from main before that work (commit 0a3ebf1) on the portfolio
made here — the benchmarks' generator, small, with every record created long before the brief's
week so that "what changed since" goes over every project. After an intended change to the brief
or the generator, record it again: KECHUANG_RECORD_GOLDEN=1 pytest tests/documents/test_brief_same.py
"""
from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from db.documents.brief.build import build, build_docx
from db.documents.brief.options import resolve
from db.portfolio import Portfolio
from db.rows.overview import overview

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import generate  # noqa: E402  (tests/bench/generate.py)

GOLDEN = Path(__file__).parent / "golden"
WEEK = "{}-W{:02d}".format(*generate.REFERENCE.isocalendar()[:2])
TABLES = ("units", "projects", "milestones", "replans", "challenges", "challenge_events", "teams", "reviews",
          "tranches", "indicators", "indicator_values")
LONG_AGO = "1700000000000"  # a creation clock's milliseconds: November 2023


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = generate.generate(tmp_path_factory.mktemp("gen") / "g.sqlite", projects=300, milestones=3000,
                             challenges=40, teams=200, indicators=12, seed=7)
    conn = sqlite3.connect(path)
    for table in TABLES:  # created long ago, not at generation time (the system clock)
        conn.execute(f"UPDATE {table} SET created_hlc = ? || substr(created_hlc, 14)", (LONG_AGO,))
    conn.commit()
    conn.close()
    with Portfolio.open(path, today=lambda: generate.REFERENCE) as pf:
        yield pf


def same_as_recorded(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("KECHUANG_RECORD_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_the_pdf_says_what_it_said(generated):
    brief = build(generated, resolve(generated, week=WEEK))
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(brief.pdf)).pages]
    assert len(pages) == brief.pages > 4 and brief.missing == ()
    same_as_recorded("brief_generated_pdf.txt", "\n\f\n".join(pages))


def test_the_docx_says_what_it_said(generated):
    document = docx.Document(io.BytesIO(build_docx(generated, resolve(generated, week=WEEK))))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    assert len(document.tables) > 5
    same_as_recorded("brief_generated_docx.txt", "\n".join(lines))


def test_the_overview_figures_are_what_they_were(generated):
    figures = overview(generated, WEEK)
    assert figures["counts"]["projects"] > 0 and figures["due"]["overdue"]
    same_as_recorded("overview_generated.json", json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=False))
