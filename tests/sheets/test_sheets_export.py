"""XLSX export of the app's tables (db.sheets.export), reopened with openpyxl, and the
spreadsheet/calendar commands of the CLI (xlsx-export, xlsx-import, ics) run as scripts do."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from db.portfolio import Portfolio
from db.sheets.export import write_tables

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2025, 6, 25)


def make_portfolio(path: Path) -> dict:
    with Portfolio.open(path, create=True, today=lambda: TODAY) as p:
        ids = {}
        ids["U"], _ = p.create("units", {"name": "重庆高新区科技创新局"})
        ids["P"], _ = p.create("projects", {"name": "超瞬态实验装置", "responsible_unit_ids": [ids["U"]],
                                             "total_investment": 120000.5, "invested_to_date": 30000,
                                             "planned_start": "2024-03-01", "stage": "建设"})
        ids["m"], _ = p.create("milestones", {"project_id": ids["P"], "name": "主体封顶", "planned_date": "2025-06-30",
                                               "owner_unit_id": ids["U"]})
        ids["C"], _ = p.create("challenges", {"title": "高端芯片封装揭榜", "budget_fiscal": 500, "deadline": "2025-08-01"})
        ids["T"], _ = p.create("teams", {"challenge_id": ids["C"], "name": "攻关一队", "requested_funds": 300})
        ids["I"], _ = p.create("indicators", {"name": "研发投入强度", "plan": "十四五规划", "unit": "%",
                                               "baseline_year": 2020, "baseline_value": 2.1, "target_year": 2025,
                                               "target_value": 3.0})
        p.create("indicator_values", {"indicator_id": ids["I"], "year": 2023, "value": 2.6})
    return ids


def test_tables_reopen_with_headers_formats_and_widths(tmp_path):
    db = tmp_path / "p.sqlite"
    ids = make_portfolio(db)
    out = tmp_path / "tables.xlsx"
    with Portfolio.open(db, readonly=True, today=lambda: TODAY) as pf:
        counts = write_tables(pf, out)
    assert counts == {"projects": 1, "milestones": 1, "challenges": 1, "teams": 1, "indicators": 1}
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["项目", "里程碑", "揭榜挂帅榜单", "揭榜方", "指标"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
        assert ws.cell(row=1, column=1).font.bold
        assert ws.cell(row=1, column=ws.max_column).value == "系统编号（UUID）"
        assert all(ws.column_dimensions[c].width >= 6 for c in "ABC")
    ws = wb["项目"]
    head = {c.value: c.column for c in ws[1]}
    assert ws.cell(row=2, column=head["项目名称"]).value == "超瞬态实验装置"
    money = ws.cell(row=2, column=head["总投资（万元）"])
    assert money.value == 120000.5 and money.number_format == "#,##0.00"
    start = ws.cell(row=2, column=head["计划开工"])
    assert start.value == dt.datetime(2024, 3, 1) and start.number_format == "yyyy-mm-dd"
    assert ws.cell(row=2, column=head["投资完成率（%）"]).value == 25.0
    assert ws.cell(row=2, column=head["责任单位"]).value == "重庆高新区科技创新局"
    assert ws.cell(row=2, column=head["系统编号（UUID）"]).value == ids["P"]
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(head["项目名称"])].width >= 30
    colour = ws.cell(row=2, column=head["亮灯"])
    assert colour.value == "黄" and colour.fill.fgColor.rgb.endswith("F2B705")
    ms = wb["里程碑"]
    mhead = {c.value: c.column for c in ms[1]}
    assert ms.cell(row=2, column=mhead["所属项目/揭榜方"]).value == "超瞬态实验装置"
    assert ms.cell(row=2, column=mhead["计划日期"]).value == dt.datetime(2025, 6, 30)
    ind = wb["指标"]
    ihead = {c.value: c.column for c in ind[1]}
    assert ind.cell(row=2, column=ihead["2023"]).value == 2.6 and ind.cell(row=2, column=ihead["目标值"]).value == 3.0
    assert wb["揭榜方"].cell(row=2, column=1).value == "高端芯片封装揭榜"


def run(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def cli_file(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("sheets_cli") / "p.sqlite"
    make_portfolio(db)
    return db


def ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["2025年项目台账"])
    ws.append(["项目名称", "责任单位", "总投资（亿元）", "计划完工"])
    ws.append(["超瞬态实验装置", "重庆高新区科技创新局", "12", "2027年二季度"])
    ws.append(["新建平台", "新单位公司", "0.5", "2026年6月"])
    ws.append(["坏行", None, "-1", "2026年13月"])
    wb.save(path)
    return path


def test_cli_import_dry_run_refusal_and_partial(cli_file, tmp_path):
    xlsx = ledger(tmp_path / "台账.xlsx")
    before = cli_file.read_bytes()
    proc = run("xlsx-import", cli_file, xlsx, "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["dry_run"] and not out["written"] and not out["ok"]
    assert [a["name"] for a in out["add"]] == ["新建平台"]
    assert out["update"][0]["changes"][0] == {"field": "total_investment", "label": "总投资（万元）",
                                             "old": "120,000.5", "new": "120,000", "note": ""}
    messages = [r["message"] for r in out["rejected"]]
    assert messages == ["工作表「台账」第 5 行 C 列「总投资（亿元）」：金额不能为负数（“-1”）",
                        "工作表「台账」第 5 行 D 列「计划完工」：“2026年13月”不是有效日期（月份应为 1–12）"]
    assert out["new_units"] == [{"name": "新单位公司", "kind": "企业", "rows": ["「台账」第 4 行"]}]
    assert any("按该季度最后一天 2027-06-30" in r["reading"] for r in out["readings"])
    assert cli_file.read_bytes() == before

    proc = run("xlsx-import", cli_file, xlsx)  # invalid rows: refused, nothing written
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "有 1 行无效，未写入任何数据" in proc.stderr
    assert "无效 1 行（不会导入）" in proc.stdout and "Traceback" not in proc.stderr
    dump = json.loads(run("dump", cli_file, "--json").stdout)
    assert [p["name"] for p in dump["projects"]] == ["超瞬态实验装置"]

    proc = run("xlsx-import", cli_file, xlsx, "--partial")
    assert proc.returncode == 0, proc.stderr
    assert "已导入：新增 1 条，更新 1 条，新建单位 1 个。" in proc.stdout
    dump = json.loads(run("dump", cli_file, "--json").stdout)
    names = {p["name"]: p for p in dump["projects"]}
    assert set(names) == {"超瞬态实验装置", "新建平台"}
    assert names["新建平台"]["total_investment"] == 5000.0 and names["新建平台"]["planned_finish"] == "2026-06-30"
    assert "新单位公司" in {u["name"] for u in dump["units"]}


def test_cli_exports(cli_file, tmp_path):
    proc = run("xlsx-export", cli_file, "--out", tmp_path / "t.xlsx")
    assert proc.returncode == 0 and "已导出表格" in proc.stdout
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "项目"
    proc = run("xlsx-export", cli_file, "--out", tmp_path / "d.xlsx", "--template", "--unit", "重庆高新区科技创新局")
    assert proc.returncode == 0, proc.stderr
    assert "已导出调度表" in proc.stdout and "1 个里程碑" in proc.stdout
    proc = run("xlsx-import", cli_file, tmp_path / "d.xlsx", "--dry-run")
    assert proc.returncode == 0 and "调度表：重庆高新区科技创新局" in proc.stdout
    proc = run("xlsx-export", cli_file, "--out", tmp_path / "x.xlsx", "--template", "--unit", "不存在的单位")
    assert proc.returncode == 2 and "找不到单位“不存在的单位”" in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "x.xlsx").exists()
    proc = run("xlsx-export", cli_file, "--out", tmp_path / "y.xlsx", "--unit", "重庆高新区科技创新局")
    assert proc.returncode == 2 and "--template" in proc.stderr
    proc = run("ics", cli_file, "--out", tmp_path / "m.ics")
    assert proc.returncode == 0 and "已导出日历" in proc.stdout
    assert (tmp_path / "m.ics").read_bytes().count(b"BEGIN:VEVENT") == 1
    proc = run("xlsx-import", cli_file, tmp_path / "m.ics", "--dry-run")
    assert proc.returncode == 2 and "不是 Excel 工作簿" in proc.stderr


def test_rows_as_text_are_the_rows_openpyxl_binds(tmp_path, monkeypatch):
    """write_sheet writes each row as XML text (rowxml.TextRow, issue #20); the sheets are those of
    every value bound by openpyxl's setter (_cells_row, what it did before), tricky texts included."""
    import io
    import zipfile

    from lxml import etree

    from db.sheets import export

    sys.path.insert(0, str(ROOT / "tests" / "bench"))
    import generate  # (tests/bench/generate.py)
    path = generate.generate(tmp_path / "g.sqlite", projects=60, milestones=400, challenges=8, teams=30,
                             indicators=6, seed=3)
    with Portfolio.open(path, today=lambda: TODAY) as p:
        for name in ("=HYPERLINK(\"x\")", "#N/A", "  前后空格 ", "a<b&c>d\r\n第二行", "-5", "@人", "\t制表"):
            pid, _ = p.create("projects", {"name": name, "total_investment": 1.5, "planned_start": "2024-02-29"})
            p.create("milestones", {"project_id": pid, "name": name, "planned_date": "2025-06-30"})
        write_tables(p, tmp_path / "text.xlsx")
        monkeypatch.setattr(export, "_cell_xml", lambda *a: None)  # every row bound cell by cell
        write_tables(p, tmp_path / "cells.xlsx")

    def sheets(name):
        with zipfile.ZipFile(tmp_path / name) as z:
            return {n: etree.tostring(etree.parse(io.BytesIO(z.read(n))), method="c14n")
                    for n in z.namelist() if n.startswith("xl/worksheets/")}
    text, cells = sheets("text.xlsx"), sheets("cells.xlsx")
    assert len(text) == 5 and text == cells
    ws = openpyxl.load_workbook(tmp_path / "text.xlsx")["项目"]
    values = {v for r in ws.iter_rows(min_row=2, values_only=True) for v in r}
    assert {"=HYPERLINK(\"x\")", "#N/A", "a<b&c>d\r\n第二行", "-5", "前后空格", dt.datetime(2024, 2, 29)} <= values
