"""Figures 4 and 6: the weekly brief, PDF and .docx (db.documents.brief), and the XLSX 台账 import
(db.sheets), each against the library doing the bare job (reportlab laying out as many pages of
plain text; python-docx writing as many paragraphs and table cells of plain text; openpyxl reading
the same workbook). Either figure reports "not available" when the public
entry point cannot be imported."""
from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import time
from pathlib import Path

from bench_stats import alternated, figure, median, timed, unavailable

from db.portfolio import Portfolio

XLSX_ROWS = 10_000
HEADER = ("序号", "项目名称", "项目编号", "类别", "级别", "牵头单位", "责任单位", "所在区县", "产业方向", "项目阶段",
          "总投资（万元）", "累计完成投资（万元）", "年度计划投资（万元）", "年度完成投资（万元）", "计划开工时间",
          "计划竣工时间", "主要建设内容", "备注")


# -- the weekly brief ---------------------------------------------------------------------------
def plain_pdf(pages: int) -> int:
    """reportlab building `pages` A4 pages of plain text; returns the page count it made."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    style = getSampleStyleSheet()["BodyText"]
    line = "The quick brown fox jumps over the lazy dog; pack my box with five dozen liquor jugs."
    story = []
    for p in range(pages):
        story += [Paragraph(f"{p + 1}.{i + 1} {line}", style) for i in range(36)]
        if p < pages - 1:
            story.append(PageBreak())
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    doc.build(story)
    return doc.page


def docx_shape(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """(paragraphs outside tables, [(rows, columns) of each table]) of a .docx."""
    from docx import Document
    doc = Document(io.BytesIO(data))
    return len(doc.paragraphs), [(len(t.rows), len(t.columns)) for t in doc.tables]


def plain_docx(paragraphs: int, tables: list[tuple[int, int]]) -> int:
    """python-docx writing `paragraphs` paragraphs and tables of these shapes, plain text in every
    cell, to bytes; returns the size."""
    from docx import Document
    doc = Document()
    line = "本周全区科创项目推进总体平稳，重点项目按计划推进。"
    for i in range(paragraphs):
        doc.add_paragraph(f"{i + 1}．{line}")
    for rows, cols in tables:
        t = doc.add_table(rows=rows, cols=cols)
        for row in t.rows:
            for cell in row.cells:
                cell.paragraphs[0].add_run(line[:8])
    buf = io.BytesIO()
    doc.save(buf)
    return len(buf.getvalue())


def brief_docx_figure(pf, repeat: int, week: str) -> dict:
    try:
        from db.documents.brief.build import build_docx
        from db.documents.brief.options import resolve
    except ImportError as exc:
        return unavailable("brief_docx", "s", f"not available ({exc})", max_value=5.0)
    made, cpu = {}, []

    def run():
        c0 = time.process_time()
        made["docx"] = build_docx(pf, resolve(pf, week=week))
        cpu.append(time.process_time() - c0)
    try:
        samples = timed(run, repeat)
    except Exception as exc:  # report, do not hide the other figures
        return unavailable("brief_docx", "s", f"brief failed: {type(exc).__name__}: {exc}"[:300], max_value=5.0)
    paragraphs, tables = docx_shape(made["docx"])
    base = timed(lambda: plain_docx(paragraphs, tables), repeat)
    cells = sum(r * c for r, c in tables)
    return figure("brief_docx", median(samples), "s", median(base), max_value=5.0, samples=samples,
                  note=f"week {week}, {len(made['docx']) // 1024} KB, {paragraphs} paragraphs, {len(tables)} tables; "
                       f"CPU {median(cpu):.2f} s",
                  baseline_note=f"python-docx writing {paragraphs} paragraphs and {cells} table cells of plain text")


def brief_figures(pf, repeat: int, week: str) -> list[dict]:
    try:
        from db.documents.brief.build import build
        from db.documents.brief.options import resolve
    except ImportError as exc:
        return [unavailable("brief_pdf", "s", f"not available ({exc})", max_value=5.0),
                unavailable("brief_docx", "s", f"not available ({exc})", max_value=5.0)]
    made, cpu = {}, []

    def run():
        c0 = time.process_time()
        made["brief"] = build(pf, resolve(pf, week=week))
        cpu.append(time.process_time() - c0)
    try:
        samples = timed(run, repeat)
    except Exception as exc:  # the brief is young: report, do not hide the other figures
        return [unavailable("brief_pdf", "s", f"brief failed: {type(exc).__name__}: {exc}"[:300], max_value=5.0),
                brief_docx_figure(pf, repeat, week)]
    pages = made["brief"].pages
    base = timed(lambda: plain_pdf(pages), repeat)
    return [figure("brief_pdf", median(samples), "s", median(base), max_value=5.0, samples=samples,
                   note=f"week {week}, {pages} pages, {len(made['brief'].pdf) // 1024} KB; CPU {median(cpu):.2f} s",
                   baseline_note=f"reportlab laying out {plain_pdf(pages)} pages of plain text"),
            brief_docx_figure(pf, repeat, week)]


# -- XLSX import ----------------------------------------------------------------------------------
def write_ledger(pf, path: Path, rows: int = XLSX_ROWS, seed: int = 5) -> Path:
    """An office's 台账 as offices keep it: a title row, a header, 10,000 projects (from the
    generated portfolio), amounts in 万元, dates mostly as date cells and some as "2025年6月"."""
    from openpyxl import Workbook
    rng = random.Random(seed)
    units = {u["id"]: u["name"] for u in pf.list("units")}
    projects = pf.list("projects")
    wb = Workbook()
    ws = wb.active
    ws.title = "项目台账"
    ws.append(["江海市科创项目台账（截至2026年11月）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(list(HEADER))

    def when(text):
        if not text:
            return None
        d = dt.date.fromisoformat(text)
        return f"{d.year}年{d.month}月" if rng.random() < 0.1 else dt.datetime(d.year, d.month, d.day)
    for i in range(rows):
        p = projects[i % len(projects)]
        suffix = "" if i < len(projects) else f"（{i // len(projects) + 1}）"
        ws.append([i + 1, p["name"] + suffix, p["code"], p["category"], p["level"], units.get(p["lead_unit_id"], ""),
                   "、".join(units[u] for u in p["responsible_unit_ids"]), p["zone"], p["domain"], p["stage"],
                   p["total_investment"], p["invested_to_date"], p["annual_plan_investment"], p["annual_invested"],
                   when(p["planned_start"]), when(p["planned_finish"]), p["summary"], p["notes"]])
    wb.save(path)
    return path


def openpyxl_read(path: Path) -> int:
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))
    wb.close()
    return n


def xlsx_figures(pf, repeat: int, work: Path, cache: Path, rows: int = XLSX_ROWS) -> list[dict]:
    try:
        from db.sheets.importer import analyse
    except ImportError as exc:
        return [unavailable("xlsx_import_10k", "s", f"not available ({exc})", max_ratio=3.0)]
    ledger = cache / f"{pf.path.stem}-ledger-{rows}.xlsx"
    if not ledger.exists():
        write_ledger(pf, ledger.with_suffix(".tmp.xlsx"), rows)
        ledger.with_suffix(".tmp.xlsx").replace(ledger)
    target = work / "import"
    result = {}

    def setup():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
        return Portfolio.open(target / "empty.sqlite", create=True)

    def run(into):
        plan = analyse(into, ledger)
        result["problems"] = len(plan.rejected_rows)
        result["changes"] = len(into.apply(plan.ops(partial=True)).records)

    try:
        (samples, walls), (base, base_walls) = alternated(run, lambda: openpyxl_read(ledger), repeat,
                                                          setup=setup, teardown=lambda p: p.close())
    except Exception as exc:  # the importer is young: report, do not hide the other figures
        return [unavailable("xlsx_import_10k", "s", f"import failed: {type(exc).__name__}: {exc}"[:300],
                            max_ratio=3.0)]
    finally:
        shutil.rmtree(target, ignore_errors=True)
    return [figure("xlsx_import_10k", median(samples), "s", median(base), max_ratio=3.0, samples=samples,
                   note=f"{rows} rows into an empty portfolio: {result['changes']} records written, "
                        f"{result['problems']} rows refused (analyse with its trial of every row + apply); "
                        f"CPU time; wall {median(walls):.1f} s vs {median(base_walls):.1f} s",
                   baseline_note="openpyxl reading the same file (read-only, values; CPU time)")]
