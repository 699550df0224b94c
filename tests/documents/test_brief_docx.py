"""The brief as an editable Word file (issue #16), checked from the file itself: read back with
python-docx (named styles and their east-Asian fonts, text, tables with repeated header rows, page
setup, PAGE fields) and converted by LibreOffice (headless) — once for the module, the file as
written and a copy with a sentence edited — for page count and the text that survives (pdftotext).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from test_brief import ROOT, TODAY, WEEK, at, make_sample

from db.documents.brief.build import build, build_docx, build_xlsx, write_brief
from db.documents.brief.numbering import numbers
from db.documents.brief.options import resolve
from db.portfolio import Portfolio
from office import soffice, to_pdf

EDITED = "领导批示：请各责任单位于本周五前报送整改情况。"
STYLES = {"报头": "方正小标宋简体", "期号": "仿宋_GB2312", "标题": "方正小标宋简体", "一级标题": "黑体",
          "二级标题": "楷体_GB2312", "正文": "仿宋_GB2312", "表格": "仿宋_GB2312", "报尾": "仿宋_GB2312"}


def cli(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "brief", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    portfolio = folder / "p.sqlite"
    with Portfolio.open(portfolio, create=True, today=lambda: TODAY) as pf:
        at(pf, TODAY)
        make_sample(pf)
        out, fmt, pages = write_brief(pf, resolve(pf, week=WEEK), folder / "简报.docx")
    assert (fmt, pages) == ("docx", None)
    document = docx.Document(str(out))
    first_body = next(p for p in document.paragraphs if p.style.name == "正文")
    first_body.text = EDITED  # a leader's edit, as in WPS
    edited = folder / "改后.docx"
    document.save(str(edited))
    pdfs = None
    if soffice():
        pdfs = to_pdf(out, folder / "lo", edited)
    return {"folder": folder, "portfolio": portfolio, "docx": out, "edited": edited, "pdf": pdfs}


def paragraphs(path) -> list:
    return docx.Document(str(path)).paragraphs


def test_same_data_same_bytes(made):
    with Portfolio.open(made["portfolio"], readonly=True, today=lambda: TODAY) as pf:
        again = build_docx(pf, resolve(pf, week=WEEK))
    assert again == made["docx"].read_bytes()  # the same data, the same bytes (a reprint)


def test_cli_writes_word_or_the_lists_and_records_the_number(made, tmp_path):
    """The format follows the extension of --out; another process, the same bytes; an unknown
    extension is refused with one line (exit 2) and nothing written or recorded."""
    portfolio = tmp_path / "c.sqlite"
    shutil.copy(made["portfolio"], portfolio)
    out = tmp_path / "简报.docx"
    proc = cli(portfolio, "--week", WEEK, "--out", out, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["format"] == "docx" and report["number"] == 1 and report["pages"] is None
    assert report["file"] == str(out) and report["size"] == out.stat().st_size
    assert cli(portfolio, "--week", WEEK, "--out", tmp_path / "again.docx").returncode == 0
    assert (tmp_path / "again.docx").read_bytes() == out.read_bytes()
    lists = tmp_path / "附表.xlsx"
    proc = cli(portfolio, "--week", WEEK, "--out", lists, "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["format"] == "xlsx"
    assert openpyxl.load_workbook(lists).sheetnames[0].startswith("附表1")
    proc = cli(portfolio, "--week", "2026-W48", "--out", tmp_path / "简报.doc")
    assert proc.returncode == 2 and "简报.doc" in proc.stderr and ".docx" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not (tmp_path / "简报.doc").exists()
    with Portfolio.open(portfolio, readonly=True) as pf:
        assert numbers(pf) == {WEEK: 1}


def test_named_styles_with_customary_font_families(made):
    document = docx.Document(str(made["docx"]))
    used = {p.style.name for p in document.paragraphs}
    for name, family in STYLES.items():
        style = document.styles[name]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == family, name
    assert {"报头", "期号", "标题", "一级标题", "正文", "报尾"} <= used
    body = document.styles["正文"]
    assert body.font.size.pt == 16 and body.paragraph_format.line_spacing.pt == pytest.approx(28.98, abs=0.05)
    assert body.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert document.styles["报头"].font.color.rgb is not None  # red
    # the run-in （一） heading is a character style in 楷体
    run_ins = [r for p in document.paragraphs for r in p.runs if r.style.name == "小标题"]
    assert run_ins and run_ins[0].text == "（一）投资进度。"
    fonts = document.styles["小标题"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "楷体_GB2312"


def test_text_in_order_masthead_to_footer(made):
    texts = [p.text for p in paragraphs(made["docx"])]
    joined = "\n".join(texts)
    order = ["内部资料", "科创项目工作简报", "第1期", "科创项目办公室编\t2026年11月18日", "全区科创项目推进情况",
             "一、本期主要变化", "二、需协调解决的事项", "三、亮灯情况", "四、总体进度", "五、重大科技基础设施",
             "六、揭榜挂帅进展", "七、下周安排", "附表1", "报：区委", "送：", "发：各责任单位"]
    positions = [joined.index(t) for t in order]
    assert positions == sorted(positions)
    assert "与一周前（2026年11月11日）相比，新增红灯项目0个" in joined


def test_real_tables_with_repeated_header_rows(made):
    document = docx.Document(str(made["docx"]))
    tables = document.tables
    assert len(tables) >= 8
    for table in tables:
        header = table.rows[0]._tr
        assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
        assert all(c.paragraphs[0].style.name == "表头" for c in table.rows[0].cells)
        assert all(c.paragraphs[0].style.name == "表格" for row in table.rows[1:] for c in row.cells)
    actions = next(t for t in tables if t.rows[0].cells[-1].text == "说明" and t.rows[0].cells[4].text == "逾期")
    assert [c.text for c in actions.rows[2].cells][1:5] == ["智能网联汽车测试场", "场地平整", "西部科学城公司", "30天"]


def test_page_setup_grid_and_page_number_fields(made):
    document = docx.Document(str(made["docx"]))
    section = document.sections[0]
    def mm(length) -> float:
        return round(length / Mm(1), 1)
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)  # 天头, 订口
    assert mm(section.page_width - section.left_margin - section.right_margin) == 156  # 版心
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"  # 22 lines
    assert document.settings.odd_and_even_pages_header_footer
    for footer, align, indent in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        p = footer.paragraphs[0]
        assert p.style.name == "页码" and p.alignment.name.lower() == align
        assert getattr(p.paragraph_format, f"{indent}_indent").pt == 14  # one character in
        xml = p._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and p.text.startswith("— ")


def test_word_and_pdf_say_the_same(made):
    with Portfolio.open(made["portfolio"], readonly=True, today=lambda: TODAY) as pf:
        pdf = build(pf, resolve(pf, week=WEEK)).pdf
    path = made["folder"] / "b.pdf"
    path.write_bytes(pdf)
    pdf_text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                                 text=True).stdout) if shutil.which("pdftotext") else ""
    if not pdf_text:
        pytest.skip("pdftotext (poppler-utils) not installed")
    for p in paragraphs(made["docx"]):
        if p.style.name in ("正文", "一级标题") and p.text:
            assert re.sub(r"\s+", "", p.text) in pdf_text, p.text


def test_xlsx_lists_every_appendix_in_full(made, tmp_path):
    out = tmp_path / "附表.xlsx"
    with Portfolio.open(made["portfolio"], readonly=True, today=lambda: TODAY) as pf:
        write_brief(pf, resolve(pf, week=WEEK), out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0].startswith("附表1") and len(book.sheetnames) >= 8
    sheet = book[book.sheetnames[0]]
    assert sheet["A1"].value.startswith("科创项目工作简报第1期（2026-W47）附表1：")
    with Portfolio.open(made["portfolio"], readonly=True, today=lambda: TODAY) as pf:
        again, sheets = build_xlsx(pf, resolve(pf, week=WEEK))
    assert again == out.read_bytes() and sheets == len(book.sheetnames)
    red_yellow = next(book[n] for n in book.sheetnames if "红灯、黄灯" in n)
    assert red_yellow.max_row == 2 + 5  # title, header, every project


def _pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in out.split("\f") if page.strip()]


def test_libreoffice_opens_it_the_text_survives_and_the_body_is_short(made):
    if made["pdf"] is None:
        pytest.skip("LibreOffice (soffice) not installed")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    pages = _pdf_pages(made["pdf"])
    text = "".join(pages)
    for fragment in ("科创项目工作简报", "第1期", "一、本期主要变化", "（一）投资进度。", "智能网联汽车测试场",
                     "用地指标未落实", "附表1红灯、黄灯项目清单", "报：区委", "发：各责任单位"):
        assert fragment in text, fragment
    for n, page in enumerate(pages, start=1):  # PAGE fields evaluated: "— N —" on every page
        assert f"—{n}—" in page
    first_appendix = next(k for k, page in enumerate(pages) if "附表1红灯" in page)
    assert first_appendix <= 4  # the 正文 within four pages
    assert 4 <= len(pages) <= 12
    edited = _pdf_pages(made["pdf"].with_name("改后.pdf"))
    assert EDITED in "".join(edited) and len(edited) == len(pages)
    fonts = subprocess.run(["pdffonts", str(made["pdf"])], capture_output=True, text=True).stdout
    assert "FandolFang" in fonts and "FandolSong" in fonts  # the named families rendered by the installed faces


def test_portfolio_clock_dates_the_document(made):
    document = docx.Document(str(made["docx"]))
    core = document.core_properties
    assert core.created == core.modified and core.created.replace(tzinfo=None) == dt.datetime(2026, 11, 18)
    assert core.title == "科创项目工作简报　第1期" and core.author == "科创项目办公室"
