"""Every value the portfolio accepts is one its documents can render (issue 23).

The edges of what db/values.py accepts — the first and last day, the largest amount and
number, the first and last year, text beginning like a spreadsheet formula, characters the
brief's fonts lack — go into every record that can hold them, and every document is made:
the brief, the overview's JSON, the calendar, the tables, the 调度表 (and back), the 榜单.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db import builtin
from db.documents import ics
from db.documents.brief.build import build
from db.documents.brief.options import resolve
from db.documents.notice_xlsx import write_notice_xlsx
from db.model import KINDS, YEARS
from db.portfolio import Portfolio
from db.rows.overview import overview
from db.sheets.export import write_tables
from db.sheets.importer import analyse
from db.sheets.template_export import write_template
from db.store.values import DATE_MAX, DATE_MIN, MAX_NUMBER

TODAY = dt.date(2026, 11, 18)
FORMULA = '=HYPERLINK("http://example.invalid","点我")'


@pytest.fixture(scope="module")
def edges(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("limits") / "edges.sqlite"
    with Portfolio.open(path, create=True, today=lambda: TODAY) as pf:
        builtin.load(pf)
        for p in pf.list("projects")[:40]:
            pf.update("projects", p["id"], {f.name: MAX_NUMBER for f in KINDS["projects"].fields
                                            if f.type == "money"} | {"planned_start": DATE_MIN.isoformat(),
                                                                     "planned_finish": DATE_MAX.isoformat()})
        for i, m in enumerate(pf.list("milestones")[:30]):
            day = (DATE_MAX if i % 2 else DATE_MIN).isoformat()
            pf.update("milestones", m["id"], {"planned_date": day, "weight": MAX_NUMBER}, reason="边界")
        ind = pf.list("indicators")[0]
        pf.update("indicators", ind["id"], {"baseline_year": YEARS[0], "target_year": YEARS[1],
                                            "baseline_value": -MAX_NUMBER, "target_value": MAX_NUMBER,
                                            "baseline_text": None, "target_text": None})
        pf.create("indicator_values", {"indicator_id": ind["id"], "year": YEARS[1], "value": MAX_NUMBER})
        first = pf.list("projects")[0]
        pf.update("projects", first["id"], {"name": FORMULA, "notes": "-2+3", "zone": "@片区"})
    return path


@pytest.fixture
def pf(edges):
    with Portfolio.open(edges, readonly=True, today=lambda: TODAY) as portfolio:
        yield portfolio


def test_overview_json_is_finite(pf):
    text = json.dumps(overview(pf, None), ensure_ascii=False, allow_nan=False)  # raises on NaN/Infinity
    assert "Infinity" not in text


def test_brief_builds(pf):
    brief = build(pf, resolve(pf))
    assert brief.pages > 0 and brief.pdf.startswith(b"%PDF")


def test_calendar_holds_the_last_day(pf, tmp_path):
    text = ics.render(pf)
    assert f"DTSTART;VALUE=DATE:{DATE_MAX:%Y%m%d}" in text
    assert f"DTSTART;VALUE=DATE:{DATE_MIN:%Y%m%d}" in text
    ics.write(pf, tmp_path / "m.ics")


def _sheets_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_tables_hold_every_edge_and_no_formula(pf, tmp_path):
    out = tmp_path / "t.xlsx"
    write_tables(pf, out)
    xml = _sheets_xml(out)
    assert "<f>" not in xml  # a name beginning with = is text, never a formula
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert cells[FORMULA].data_type == "s" and cells[FORMULA].quotePrefix
    assert cells["-2+3"].data_type == "s" and cells["@片区"].quotePrefix
    numbers = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert MAX_NUMBER in numbers  # amounts stay numbers


def test_negative_numbers_stay_numbers(pf, tmp_path):
    out = tmp_path / "t.xlsx"
    write_tables(pf, out, ["indicators"])
    ws = load_workbook(out).worksheets[0]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert -MAX_NUMBER in values


def test_a_project_named_like_a_formula_survives_the_dispatch_sheet(edges, tmp_path):
    """The unit fills in its 调度表 and sends it back: the "=…" project still imports (its
    identity cell came back as the text it was, not as an uncomputed formula)."""
    out = tmp_path / "调度表.xlsx"
    with Portfolio.open(edges, today=lambda: TODAY) as pf:
        write_template(pf, out)
        assert "<f>" not in _sheets_xml(out)
        wb = load_workbook(out)
        assert FORMULA in [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        plan = analyse(pf, out)
        assert not plan.problems, plan.report()


def test_notice_sheet_with_a_title_excel_would_refuse(pf, tmp_path):
    out = tmp_path / "榜单.xlsx"
    write_notice_xlsx(pf, out, title="榜单/第1批:[试行]*?")
    assert load_workbook(out).worksheets[0].title == "榜单_第1批__试行___"


def test_control_characters_an_earlier_version_let_in_are_dropped(edges, tmp_path):
    """db/values.py refuses them now; a portfolio written before may hold them. The tables and
    the calendar are still made (the characters dropped), not a crash."""
    old = tmp_path / "old.sqlite"
    old.write_bytes(edges.read_bytes())
    from db.sheets.tables import TABLES
    with Portfolio.open(old, readonly=True, today=lambda: TODAY) as pf:
        pid = TABLES["projects"](pf)[1][3]["id"]  # a project the table lists
    conn = sqlite3.connect(old)
    conn.execute("UPDATE projects SET name='旧\x01名称\x0b' WHERE id=?", (pid,))
    conn.execute("UPDATE milestones SET name='节点\x1f' WHERE project_id=?", (pid,))
    conn.commit()
    conn.close()
    with Portfolio.open(old, readonly=True, today=lambda: TODAY) as pf:
        write_tables(pf, tmp_path / "t.xlsx")
        text = ics.render(pf)
    values = [c.value for ws in load_workbook(tmp_path / "t.xlsx").worksheets for row in ws.iter_rows() for c in row]
    assert "旧名称" in values
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)


def test_the_brief_names_characters_its_fonts_cannot_show(tmp_path):
    path = tmp_path / "emoji.sqlite"
    with Portfolio.open(path, create=True, today=lambda: TODAY) as pf:
        builtin.load(pf)
        # the built-in targets of ended plans are 待核实, not overdue: make one overdue of our own
        pid, _ = pf.create("projects", {"name": "字符项目", "category": "孵化载体"})
        pf.create("milestones", {"project_id": pid, "name": "节点😀️𠀀𪚥",
                                 "planned_date": (TODAY - dt.timedelta(days=10)).isoformat()})
        assert overview(pf, None)["due"]["overdue"]
        brief = build(pf, resolve(pf))
    assert brief.missing == ("😀", "𠀀", "𪚥")  # the variation selector U+FE0F needs no glyph
