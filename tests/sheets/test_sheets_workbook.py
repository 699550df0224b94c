"""Reading a received workbook (db.sheets.workbook, db.sheets.sheetxml): opened read-only for
speed, its values and merged ranges must read exactly as before (a full openpyxl load) and
as openpyxl's own read-only reading gives the values; a missing or wrong <dimension> tag loses
no row; oversized sheets and hostile merged ranges are refused with the one message, without
building them in memory; a damaged sheet is the usual "damaged file" message."""
from __future__ import annotations

import datetime as dt
import re
import tracemalloc
import warnings
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook

from db.errors import UserError
from db.portfolio import Portfolio
from db.sheets import importer, workbook
from db.sheets.workbook import open_workbook, read_grid, read_rows, visible_sheets

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: dt.date(2025, 6, 1))
    p.create("units", {"name": "重庆大学", "kind": "高校"})
    yield p
    p.close()


# -- workbooks ---------------------------------------------------------------------------------
def merged_ledger() -> Workbook:
    """The shapes that need merged cells: a merged title, a two-row header with merged parents,
    a section row merged across, a 责任单位 merged down over projects, a merge reaching past the
    last row and past the widest row, hidden and empty sheets."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["2025年重点项目推进台账"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "项目名称", "责任单位", "投资情况（亿元）", None, "建设周期", None, "备注"])
    ws.append([None, None, None, "总投资", "累计完成", "开工时间", "竣工时间", None])
    for rng in ("A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:H3"):
        ws.merge_cells(rng)
    ws.append(["一、重大科技基础设施"])
    ws.merge_cells("A4:H4")
    for i in range(5):
        ws.append([i + 1, f"项目{i + 1}", "重庆大学" if i % 3 == 0 else None, 1.5 * i, None,
                   dt.datetime(2025, 6, 30), "2026年6月", None])
    ws.merge_cells("C5:C7")
    ws.merge_cells("C8:C9")
    ws["K12"] = "落款"
    ws.merge_cells("K12:M14")  # past the last row with values and the widest row
    ws["A11"].number_format = "0.00"  # a styled empty cell
    hidden = wb.create_sheet("隐藏")
    hidden.append(["项目名称", "类别"])
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    return wb


def old_grid(path, title):
    """read_grid as it was: a full load, merged ranges filled from their top-left cell."""
    ws = openpyxl.load_workbook(path, data_only=True)[title]
    rows, cols = ws.max_row or 0, ws.max_column or 0
    values = [list(r) for r in ws.iter_rows(values_only=True)] if rows and cols else []
    merges = {}
    for rng in ws.merged_cells.ranges:
        r0, c0, r1, c1 = rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1
        if r0 >= len(values):
            continue
        top = values[r0][c0] if c0 < len(values[r0]) else None
        for r in range(r0, min(r1, len(values) - 1) + 1):
            row = values[r]
            row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = top
                merges[(r, c)] = (r0, c0, r1, c1)
    while values and all(v is None or (isinstance(v, str) and not v.strip()) for v in values[-1]):
        values.pop()
    return values, merges


def assert_same_grid(path):
    wb = open_workbook(path)
    try:
        assert [ws.title for ws in visible_sheets(wb)] == \
            [ws.title for ws in openpyxl.load_workbook(path).worksheets if ws.sheet_state == "visible"]
        for ws in wb.worksheets:
            grid = read_grid(ws)
            values, merges = old_grid(path, ws.title)
            assert grid.nrows == len(values), ws.title
            width = max([grid.ncols] + [len(r) for r in values])
            assert [[grid.get(r, c) for c in range(width)] for r in range(grid.nrows)] == \
                [r + [None] * (width - len(r)) for r in values], ws.title
            assert grid.merges == merges, ws.title
    finally:
        wb.close()


def raw_xlsx(path, sheet_xml: str, shared: tuple[str, ...] = (), date1904: bool = False):
    """A workbook written part by part, as Excel and WPS write them (shared strings, rich text,
    styles by number format), around the given sheet XML."""
    styles = (f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
              '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr date1904="{int(date1904)}"/>'
                           '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}" count="{len(shared)}">{"".join(shared)}</sst>',
        SHEET: sheet_xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    return path


def rewrite_sheet(path, edit):
    """Change the first sheet's XML of a saved workbook (edit: str → str)."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts[SHEET] = edit(parts[SHEET].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def with_merges(*refs: str):
    cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    return lambda xml: re.sub(r"(</sheetData>|<sheetData\s*/>)", rf'\1<mergeCells count="{len(refs)}">{cells}</mergeCells>',
                              re.sub(r"<mergeCells.*?</mergeCells>", "", xml, flags=re.S), count=1)


SHARED = ("<si><t>共享文本</t></si>",
          "<si><r><t>富</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">文本 </t></r>"
          "<rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh><phoneticPr fontId=\"0\" type=\"noConversion\"/></si>",
          "<si><t xml:space=\"preserve\">  前后空格 </t></si>")

VARIED = (
    f'<x:worksheet xmlns:x="{MAIN}"><x:dimension ref="A1:C2"/><x:sheetData>'
    '<x:row r="1" spans="1:9"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
    '<x:c r="C1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c>'
    '<x:c r="D1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r></x:is></x:c>'
    '<x:c r="E1" t="inlineStr"><x:is><x:t>甲</x:t><x:t>乙</x:t></x:is></x:c>'
    '<x:c r="F1" t="inlineStr"><x:is/></x:c><x:c r="G1" t="inlineStr"/>'
    '<x:c r="H1" t="s"><x:v>2</x:v></x:c><x:c r="I1" t="inlineStr"><x:is><x:t>a &amp; &lt;b&gt;</x:t></x:is></x:c></x:row>'
    '<x:row r="2"><x:c r="A2"><x:v>42</x:v></x:c><x:c r="B2"><x:v>1.5</x:v></x:c><x:c r="C2"><x:v>1E3</x:v></x:c>'
    '<x:c r="D2" s="1"><x:v>45838</x:v></x:c><x:c r="E2" s="2"><x:v>1.25</x:v></x:c>'
    '<x:c r="F2" t="b"><x:v>1</x:v></x:c><x:c r="G2" t="e"><x:v>#N/A</x:v></x:c>'
    '<x:c r="H2" t="str"><x:f>A1&amp;B1</x:f><x:v>公式结果</x:v></x:c><x:c r="I2"><x:f>1+1</x:f><x:v>2</x:v></x:c>'
    '<x:c r="J2" s="1"><x:v>9999999999</x:v></x:c><x:c r="K2" t="d"><x:v>2025-06-30T08:30:00</x:v></x:c>'
    '<x:c r="L2" s="3"><x:v>7</x:v></x:c><x:c r="M2" t="n"><x:v></x:v></x:c></x:row>'
    '<x:row><x:c><x:v>7</x:v></x:c><x:c t="inlineStr"><x:is><x:t>无坐标</x:t></x:is></x:c></x:row>'
    '<x:row r="5" ht="20" customHeight="1"/>'
    '<x:row r="6"><x:c r="A6" s="3"/><x:c r="C6"><x:v>3</x:v></x:c></x:row>'
    '<x:row r="4"><x:c r="A4"><x:v>0</x:v></x:c></x:row>'
    '<x:row r="8.0"><x:c r="B8" t="s"><x:v>2</x:v></x:c></x:row>'
    '<x:row r="9"><x:c r="A9" s="3"/></x:row><x:row r="12"/>'
    '</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="b8:$D$10"/></x:mergeCells>'
    '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>')


def openpyxl_read_only(path):
    """openpyxl's own read-only values, every row whatever the <dimension> says (trailing rows
    without cells dropped, as read_rows does)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    wb.close()
    while rows and not rows[-1]:
        rows.pop()
    return rows


# -- values and merged ranges as before ------------------------------------------------------
def test_merged_cells_read_from_read_only_workbook_as_a_full_load_read_them(tmp_path):
    path = tmp_path / "台账.xlsx"
    merged_ledger().save(path)
    assert_same_grid(path)
    wb = open_workbook(path)
    grid = read_grid(wb["台账"])
    wb.close()
    assert [grid.get(r, 2) for r in range(4, 9)] == ["重庆大学", "重庆大学", "重庆大学", "重庆大学", "重庆大学"]
    assert grid.merge(6, 2) == (4, 2, 6, 2) and grid.merge(3, 7) == (3, 0, 3, 7)
    assert grid.get(2, 4) == "累计完成" and grid.get(1, 4) == "投资情况（亿元）"
    assert grid.get(13, 12) == "落款" and grid.nrows == 14


def test_a_sheet_of_every_cell_kind_reads_as_openpyxl_reads_it(tmp_path):
    path = raw_xlsx(tmp_path / "excel.xlsx", VARIED, SHARED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of the date serial out of range (J2)
        expected = openpyxl_read_only(path)
        wb = open_workbook(path)
        rows = read_rows(wb.worksheets[0])
        grid = read_grid(wb.worksheets[0])
    wb.close()
    assert rows == expected
    assert rows[0][:9] == ["共享文本", "富文本 ", "内联", "富文本", "乙", "", None, "  前后空格 ", "a & <b>"]
    assert rows[1] == [42, 1.5, 1000.0, dt.datetime(2025, 6, 30), dt.timedelta(hours=30), True, "#N/A", "公式结果",
                       2, "#VALUE!", dt.datetime(2025, 6, 30, 8, 30), 7, None]
    assert rows[2] == [7, "无坐标"] and rows[3] == [] and rows[4] == []   # rows 3, 4 (out of order) and 5
    assert rows[5] == [None, None, 3] and rows[7] == [None, "  前后空格 "] and rows[8] == [None]
    assert len(rows) == 9  # row 12 has no cells
    # The merged ranges (any case, $ signs, namespace prefix) as a full load finds them.
    assert grid.merge(0, 1) == (0, 0, 0, 1) and grid.get(0, 1) == "共享文本"
    assert grid.merge(9, 3) == (7, 1, 9, 3) and grid.get(9, 3) == "  前后空格 " and grid.nrows == 10
    assert_same_grid(rewrite_sheet(path, lambda xml: xml.replace('<x:row r="4"><x:c r="A4"><x:v>0</x:v></x:c></x:row>', "")
                                   .replace('<x:c r="J2" s="1"><x:v>9999999999</x:v></x:c>', "")))


def test_dates_of_a_1904_workbook(tmp_path):
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>44376</v></c></row></sheetData>'
             '</worksheet>')
    path = raw_xlsx(tmp_path / "mac.xlsx", sheet, date1904=True)
    wb = open_workbook(path)
    assert read_rows(wb.worksheets[0]) == openpyxl_read_only(path) == [[dt.datetime(2025, 6, 30)]]
    wb.close()


@pytest.mark.parametrize("dimension", ["", '<dimension ref="A1:B2"/>', '<dimension ref="A1"/>'])
def test_no_row_is_lost_to_a_missing_or_wrong_dimension_tag(pf, tmp_path, dimension):
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "责任单位", "总投资（万元）"])
    for i in range(30):
        ws.append([f"项目{i + 1}", "重庆大学", 100 + i])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    rewrite_sheet(path, lambda xml: re.sub(r"<dimension[^>]*/>", dimension, xml))
    plan = importer.analyse(pf, path)
    assert plan.ok and [r.name for r in plan.adds] == [f"项目{i + 1}" for i in range(30)]
    assert plan.adds[-1].changes[-1].new == "129"


def test_the_workbook_is_closed_after_reading(pf, tmp_path, monkeypatch):
    closed = []
    real = workbook.open_workbook

    def tracking(path):
        wb = real(path)
        monkeypatch.setattr(wb, "close", lambda: closed.append(wb._archive.close()))
        return wb
    monkeypatch.setattr(importer, "open_workbook", tracking)
    path = tmp_path / "台账.xlsx"
    merged_ledger().save(path)
    importer.analyse(pf, path)
    assert closed == [None]


# -- refusals --------------------------------------------------------------------------------
def ledger_file(tmp_path, rows: int = 30) -> str:
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["项目名称", "责任单位", "总投资（万元）"])
    for i in range(rows):
        ws.append([f"项目{i + 1}", "重庆大学", 100 + i])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("refs, words", [
    (("A1:XFD1048576",), "工作表「台账」太大（1048576 行 × 16384 列），无法导入"),
    (("A1:C1", "B2:B1048576"), "工作表「台账」太大（1048576 行 × 3 列），无法导入"),
    (("A1:A2",) * 30_000, "工作表「台账」太大"),  # overlapping, 60,000 cells: more than MAX_MERGED once patched
])
def test_hostile_merged_ranges_are_refused_without_building_them(pf, tmp_path, monkeypatch, refs, words):
    monkeypatch.setattr(workbook, "MAX_MERGED", 10_000)
    path = rewrite_sheet(ledger_file(tmp_path), with_merges(*refs))
    tracemalloc.start()
    try:
        with pytest.raises(UserError, match=re.escape(words)):
            importer.analyse(pf, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024


@pytest.mark.parametrize("ref", ["B2:A1", "A:B", "1:2", "A1:B", "", "A0:B2", "ZZZZ1:ZZZZ2"])
def test_a_merged_range_openpyxl_would_refuse_is_a_damaged_file(pf, tmp_path, ref):
    path = rewrite_sheet(ledger_file(tmp_path), with_merges("A1:C1", ref))
    with pytest.raises(UserError, match="文件已损坏或不是有效的 .xlsx"):
        importer.analyse(pf, path)


def test_too_many_cells_are_counted_while_reading_whatever_the_dimension_says(pf, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_CELLS", 60)
    path = rewrite_sheet(ledger_file(tmp_path, rows=30), lambda xml: re.sub(r"<dimension[^>]*/>",
                                                                           '<dimension ref="A1"/>', xml))
    with pytest.raises(UserError, match=re.escape("工作表「台账」太大（21 行 × 3 列），无法导入")):
        importer.analyse(pf, path)
    far = rewrite_sheet(ledger_file(tmp_path, rows=2), lambda xml: xml.replace(
        "</sheetData>", '<row r="99999"><c r="C99999"><v>1</v></c></row></sheetData>'))
    with pytest.raises(UserError, match=re.escape("太大（99999 行 × 3 列）")):
        importer.analyse(pf, far)
    monkeypatch.setattr(workbook, "MAX_CELLS", 4_000_000)
    plan = importer.analyse(pf, far)  # a row far down is fine while the sheet stays in bounds
    assert len(plan.adds) == 2 and plan.skipped == {"blank": 99995, "section": 1}


def test_a_damaged_sheet_is_a_damaged_file(pf, tmp_path):
    path = rewrite_sheet(ledger_file(tmp_path), lambda xml: xml.replace("</sheetData>", "<row></sheetData>"))
    with pytest.raises(UserError, match="无法读取工作簿“台账.xlsx”：文件已损坏或不是有效的 .xlsx（ParseError）"):
        importer.analyse(pf, path)
    path = rewrite_sheet(ledger_file(tmp_path), lambda xml: xml.replace('r="B3"', 'r="3B"'))
    with pytest.raises(UserError, match="文件已损坏或不是有效的 .xlsx"):
        importer.analyse(pf, path)


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_anything_is_read(pf, tmp_path, monkeypatch):
    path = ledger_file(tmp_path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/padding.bin", b"\0" * 3_000_000)  # compresses to a few KB
    assert path.stat().st_size < 200_000
    monkeypatch.setattr(workbook, "MAX_UNPACKED", 2 * 1024 * 1024)
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("opened a zip bomb"))
    with pytest.raises(UserError, match=re.escape("工作簿“台账.xlsx”解压后太大（3 MB），最多可导入 2 MB")):
        importer.analyse(pf, path)
