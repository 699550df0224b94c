"""A 附表 at city scale runs to thousands of rows, of which the PDF and the .docx print
APPENDIX_ROWS (issue #20): its rows are made when read (blocks.Rows), so a brief makes the rows
it prints and the XLSX still gets every row, the same rows a list would hold."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from test_brief import at

from db.documents.brief.blocks import APPENDIX_ROWS, Rows
from db.documents.brief.build import build_xlsx, compose
from db.documents.brief.options import resolve
from db.portfolio import Portfolio

TODAY = dt.date(2026, 11, 18)
WEEK = "2026-W47"


def test_rows_read_like_the_list_they_stand_for():
    made = []

    def make(k, item):
        made.append(k)
        return [k, item.upper()]
    items = [f"item{i}" for i in range(40)]
    rows = Rows(items, make)
    assert len(rows) == 40 and made == []
    assert rows[0] == (1, "ITEM0") and rows[-1] == (40, "ITEM39") and made == [1, 40]
    assert rows[:3] == [(1, "ITEM0"), (2, "ITEM1"), (3, "ITEM2")]
    assert rows[38:100] == [(39, "ITEM38"), (40, "ITEM39")]
    assert list(rows) == [(k, f"ITEM{k - 1}") for k in range(1, 41)]
    assert rows == [(k, f"ITEM{k - 1}") for k in range(1, 41)]
    with pytest.raises(IndexError):
        rows[40]


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "rows.sqlite", create=True, today=lambda: TODAY)
    yield p
    p.close()


def test_a_long_appendix_prints_its_first_rows_and_the_xlsx_keeps_them_all(pf):
    at(pf, dt.date(2026, 11, 1))
    unit, _ = pf.create("units", {"name": "责任单位甲"})
    for i in range(60):
        p, _ = pf.create("projects", {"name": f"滞后项目{i:02d}", "lead_unit_id": unit})
        pf.create("milestones", {"project_id": p, "name": "节点", "planned_date": (TODAY - dt.timedelta(days=20 + i)).isoformat()})
    content, _ = compose(pf, resolve(pf, week=WEEK))
    red = next(a for a in content.appendices if a.title == "红灯、黄灯项目清单")
    assert isinstance(red.rows, Rows) and len(red.rows) == 60
    printed = red.table()
    assert len(printed.rows) == APPENDIX_ROWS and list(printed.rows) == list(red.rows)[:APPENDIX_ROWS]
    assert [r[0] for r in red.rows] == list(range(1, 61))  # numbered in order, as when they were a list
    data, sheets = build_xlsx(pf, resolve(pf, week=WEEK))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = next(ws for ws in wb.worksheets if "红灯、黄灯项目清单" in ws.title)
    names = [row[1] for row in ws.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert names == [r[1] for r in red.rows] and len(names) == 60
