"""db/sheets/rowxml.py writes a write-only sheet's rows as openpyxl does (issue #20: the 调度表
for one unit spent most of its time in openpyxl's per-cell writer): the same sheet XML, compared
in canonical form, for the kinds of cells the 调度表 writes and the awkward ones."""
import datetime as dt
import zipfile

import pytest
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font, PatternFill, Protection

from db.sheets import rowxml
from db.sheets.export import StyledCell

TEXTS = ["普通文本", "  前后有空格 ", "a & b < c > d \"引号\" 'x'", "第一行\r\n第二行\n第三行", "\t制表", "=SUM(A1)",
         "", "1e5", "#N/A"]
NUMBERS = [0, -3, 12.5, 1e-9, 123456789012345678, 3.141592653589793, True, False, float("nan")]


def _styled(ws, **look) -> StyledCell:
    cell = StyledCell(ws, row=1, column=1)
    for name, value in look.items():
        setattr(cell, name, value)
    cell._sid = Cell.style_id.fget(cell)
    return cell


def _book(path, fast: bool) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    ws.append(["标题", None, 3])  # written by openpyxl either way (before install)
    ws._values_to_row = rowxml.placed  # cells appended as the 调度表 appends them
    set_height = rowxml.install(ws) if fast else None
    plain = _styled(ws, font=Font(name="宋体", size=10))
    filled = _styled(ws, fill=PatternFill("solid", fgColor="FFC7CE"), protection=Protection(locked=False))
    dated = _styled(ws, number_format="yyyy-mm-dd")
    quoted = _styled(ws, quotePrefix=True)
    for n, value in enumerate([*TEXTS, *NUMBERS, None, dt.date(2026, 6, 30), dt.datetime(2026, 6, 30, 8, 5)], 1):
        row = []
        for cell in (plain, filled, dated, quoted):
            cell.value = value
            row.append(Cell(ws, value=cell.value) if cell is plain and n % 3 == 0 else cell)
        if fast:
            set_height(n + 1, 15.0 * (n % 4) + 3)
        else:
            ws.row_dimensions[n + 1].height = 15.0 * (n % 4) + 3
        ws.append([None, *row, None, Cell(ws, value=value if not isinstance(value, float) or value == value else 0)])
    ws.append([Cell(ws, value="=1+1"), Cell(ws, value="公式行交给 openpyxl")])
    rich = Cell(ws)
    rich.value = CellRichText(["富", TextBlock(InlineFont(b=True), "文本")])
    ws.append([rich])
    wb.save(path)


def _sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        return etree.tostring(etree.fromstring(z.read(name)), method="c14n")


def test_rows_are_the_xml_openpyxl_writes(tmp_path):
    _book(tmp_path / "openpyxl.xlsx", fast=False)
    _book(tmp_path / "rowxml.xlsx", fast=True)
    ours, theirs = _sheet_xml(tmp_path / "rowxml.xlsx"), _sheet_xml(tmp_path / "openpyxl.xlsx")
    assert b"xml:space=\"preserve\"" in ours and b"&#xD;" in ours and b'customHeight="1"' in ours
    assert ours == theirs
    with zipfile.ZipFile(tmp_path / "rowxml.xlsx") as x, zipfile.ZipFile(tmp_path / "openpyxl.xlsx") as y:
        assert x.namelist() == y.namelist()
        for name in x.namelist():  # the styles, shared parts and every other part byte for byte
            if "worksheets/sheet" not in name and name != "docProps/core.xml":
                assert x.read(name) == y.read(name), name
    a = load_workbook(tmp_path / "rowxml.xlsx")["表"]
    b = load_workbook(tmp_path / "openpyxl.xlsx")["表"]
    assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
    assert [[(c.style_id, c.number_format, c.quotePrefix) for c in r] for r in a.iter_rows()] == \
        [[(c.style_id, c.number_format, c.quotePrefix) for c in r] for r in b.iter_rows()]
    assert a["C4"].value == "a & b < c > d \"引号\" 'x'" and a["C5"].value == "第一行\r\n第二行\n第三行"
    assert a["C2"].fill.fgColor.rgb == "00FFC7CE" or a["C2"].fill.fgColor.rgb.endswith("FFC7CE")


def _text_rows_book(path, as_text: bool) -> None:
    """Rows of styled cells (the 调度表's kinds of value) appended as cells, or as TextRow."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    ws.append(["标题"])  # before install: openpyxl's own row, ahead of the spliced ones
    set_height = rowxml.install(ws)
    looks = {"n": _styled(ws, font=Font(name="宋体", size=10)), "s": _styled(ws, fill=PatternFill("solid", fgColor="F2F2F2")),
             "d": _styled(ws, number_format="yyyy-mm-dd")}
    values = [(v, "s") for v in TEXTS if not v.startswith("=") and v != "#N/A"]
    values += [(v, "n") for v in (None, 0, -3, 12.5, 1e-9, 3.141592653589793, float("nan"))]
    values += [(dt.date(2026, 6, 30), "d"), (dt.date(1900, 3, 1), "d")]
    for n, (value, kind) in enumerate(values, start=2):
        set_height(n, 15.0 * (n % 3) + 3)
        if as_text:
            ws.append(rowxml.TextRow([("B", rowxml.cell_xml(looks[kind]._sid, kind, value, wb)),
                                      ("D", rowxml.cell_xml(0, "s", f"第{n}行", wb))]))
        else:
            cell = looks[kind]
            cell._value, cell.data_type = value, kind
            ws.append([None, cell, None, Cell(ws, value=f"第{n}行")])
    ws.append([Cell(ws, value="=1+1")])  # after them, a row openpyxl writes (a formula)
    wb.save(path)


def test_text_rows_are_the_rows_cells_make(tmp_path):
    """TextRow with cell_xml gives the sheet the cells would (in order with openpyxl's own rows
    before and after), and the file reads back the same."""
    _text_rows_book(tmp_path / "cells.xlsx", as_text=False)
    _text_rows_book(tmp_path / "text.xlsx", as_text=True)
    assert _sheet_xml(tmp_path / "text.xlsx") == _sheet_xml(tmp_path / "cells.xlsx")
    a = load_workbook(tmp_path / "text.xlsx")["表"]
    assert a["A1"].value == "标题" and a["B2"].value == "普通文本" and a["D3"].value == "第3行"
    assert a["A" + str(a.max_row)].value == "=1+1"
    assert [r for r in a.iter_rows(min_col=2, max_col=2, values_only=True)][-3][0] == dt.datetime(2026, 6, 30)


def test_a_character_xml_cannot_hold_is_refused_not_written(tmp_path):
    """A text row must come with the characters XML cannot hold dropped (the 调度表 drops them):
    one left is an error, never a file Excel refuses to open."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    rowxml.install(ws)
    with pytest.raises(ValueError):
        ws.append(rowxml.TextRow([("A", rowxml.cell_xml(0, "s", "坏\x01字符", wb))]))


def test_rows_as_text_without_lxml_s_writer(tmp_path):
    """openpyxl writes with et_xmlfile when told not to use lxml (OPENPYXL_LXML=False, read when it
    is imported): the rows still land in their place, before and after openpyxl's own."""
    import os
    import subprocess
    import sys
    from pathlib import Path
    script = (
        "import sys\n"
        "from openpyxl import Workbook\n"
        "from openpyxl.cell import Cell\n"
        "from db.sheets import rowxml\n"
        "wb = Workbook(write_only=True); ws = wb.create_sheet('表')\n"
        "ws.append(['标题'])\n"
        "rowxml.install(ws)\n"
        "ws.append(rowxml.TextRow([('A', rowxml.cell_xml(0, 's', '第二行', wb)), ('B', rowxml.cell_xml(0, 'n', 2, wb))]))\n"
        "ws.append([Cell(ws, value='=1+1')])\n"
        "wb.save(sys.argv[1])\n")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, OPENPYXL_LXML="False", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "et.xlsx")], env=env, capture_output=True,
                          text=True, cwd=root)
    assert done.returncode == 0, done.stderr
    ws = load_workbook(tmp_path / "et.xlsx")["表"]
    assert [[c.value for c in r] for r in ws.iter_rows()] == [["标题", None], ["第二行", 2], ["=1+1", None]]
