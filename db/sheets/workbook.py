"""Opening a received workbook safely and reading a sheet as a plain grid of values.

The file is untrusted: size-capped, opened with openpyxl in read-only mode (values only, cached
formula results) and any failure becomes one clear message. A sheet is then read from its XML
part with its merged ranges in one pass (db.sheets.sheetxml), whatever its <dimension> tag says,
counting cells as they come. Merged cells are filled from their top-left cell, so a two-row
header or a 责任单位 merged over several project rows reads like written out. (A full load, used
before, took three times as long and built every merged cell of a hostile range.)
"""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP

MAX_BYTES = 40 * 1024 * 1024
MAX_UNPACKED = 400 * 1024 * 1024  # all parts unpacked: a zip bomb is refused before any is read
MAX_CELLS = 4_000_000
MAX_MERGED = 1_000_000  # merged cells in one sheet (each is filled with its range's value)
_READ_ERRORS = (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, IndexError,
                AttributeError, SyntaxError)  # SyntaxError covers xml.etree's ParseError on a mangled part

E_MISSING = QT_TRANSLATE_NOOP("sheets", "找不到文件“{path}”")
E_NOT_XLSX = QT_TRANSLATE_NOOP(
    "sheets", "“{name}”不是 Excel 工作簿（.xlsx）。如果是旧版 .xls 或 .et 文件，请先在 Excel/WPS 中另存为 .xlsx 再导入。")
E_BROKEN = QT_TRANSLATE_NOOP("sheets", "无法读取工作簿“{name}”：文件已损坏或不是有效的 .xlsx（{detail}）")
E_TOO_BIG = QT_TRANSLATE_NOOP("sheets", "工作簿“{name}”太大（{size} MB），最多可导入 {limit} MB")
E_TOO_BIG_UNPACKED = QT_TRANSLATE_NOOP("sheets", "工作簿“{name}”解压后太大（{size} MB），最多可导入 {limit} MB")
E_TOO_MANY = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」太大（{rows} 行 × {cols} 列），无法导入")


@dataclass
class Grid:
    """One sheet's values, 0-based; `merges` maps a cell inside a merged range to that range."""
    title: str
    values: list[list]
    merges: dict[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)

    @property
    def nrows(self) -> int:
        return len(self.values)

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.values), default=0)

    def get(self, r: int, c: int):
        row = self.values[r] if 0 <= r < len(self.values) else []
        return row[c] if 0 <= c < len(row) else None

    def merge(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        return self.merges.get((r, c))


def open_workbook(path):
    """Open an .xlsx read-only for reading values (close it when done: it keeps the file open);
    UserError for anything that is not a readable workbook."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    path = Path(path)
    if not path.is_file():
        raise UserError(E_MISSING, path=str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UserError(E_TOO_BIG, name=path.name, size=round(size / 1048576, 1), limit=MAX_BYTES // 1048576)
    if not zipfile.is_zipfile(path):
        raise UserError(E_NOT_XLSX, name=path.name)
    try:
        with zipfile.ZipFile(path) as archive:  # zipfile reads no part past its declared size
            unpacked = sum(i.file_size for i in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise UserError(E_TOO_BIG_UNPACKED, name=path.name, size=round(unpacked / 1048576),
                            limit=MAX_UNPACKED // 1048576)
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_READ_ERRORS) as exc:
        raise UserError(E_BROKEN, name=path.name, detail=type(exc).__name__) from exc


@contextmanager
def reading(name: str):
    """A damaged sheet found while reading it (read-only mode parses sheets only then) as the
    same one message as a workbook that does not open."""
    try:
        yield
    except _READ_ERRORS as exc:
        raise UserError(E_BROKEN, name=name, detail=type(exc).__name__) from exc


def read_rows(ws) -> list[list]:
    """A read-only sheet's values as written, row by row (0-based; a row ends at its last cell),
    whatever its <dimension> tag says or if it has none."""
    from db.sheets.sheetxml import SheetPart
    return _read(ws, SheetPart(ws))


def read_grid(ws) -> Grid:
    """A read-only sheet as a Grid, merged ranges filled from their top-left cell."""
    from db.sheets.sheetxml import SheetPart
    part = SheetPart(ws, merge_limit=MAX_MERGED)
    values = _read(ws, part)
    ranges = part.merges
    # A full load counts merged cells as cells: so do the size check and the filling here.
    rows = max([len(values)] + [r1 + 1 for _, _, r1, _ in ranges])
    cols = max([max((len(r) for r in values), default=0)] + [c1 + 1 for _, _, _, c1 in ranges])
    if rows * cols > MAX_CELLS or part.too_many_merged:
        _too_many(ws, rows, cols)
    values.extend([] for _ in range(rows - len(values)))
    grid = Grid(ws.title, values)
    for rng in ranges:
        r0, c0, r1, c1 = rng
        top = grid.get(r0, c0)
        for r in range(r0, r1 + 1):
            row = values[r]
            if len(row) <= c1:
                row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = top
                grid.merges[(r, c)] = rng
    while values and all(v is None or (isinstance(v, str) and not v.strip()) for v in values[-1]):
        values.pop()
    return grid


def _read(ws, part) -> list[list]:
    """The rows as openpyxl's read-only worksheet gives them without a <dimension> (a missing row
    reads as empty, a row out of order is dropped), counting cells as they come: refuses a sheet
    of more than MAX_CELLS (its rows × its widest row, as a full load counts them) there."""
    values: list[list] = []
    expected = 1  # the next row number
    width = empty = 0  # empty: rows without cells so far, kept only if a row with cells follows
    for number, row in part.rows():
        if number < expected:
            continue
        empty += number - expected
        expected = number + 1
        if not row:
            empty += 1
            if len(values) + empty > MAX_CELLS:
                _too_many(ws, len(values) + empty, width)
            continue
        rows, width = len(values) + empty + 1, max(width, len(row))
        if rows * width > MAX_CELLS:
            _too_many(ws, rows, width)
        if empty:
            values.extend([] for _ in range(empty))
            empty = 0
        values.append(row)
    return values


def _too_many(ws, rows: int, cols: int):
    """Refuse the sheet (rows and cols: as far as read; its <dimension> may say more)."""
    raise UserError(E_TOO_MANY, sheet=ws.title, rows=max(rows, ws.max_row or 0), cols=max(cols, ws.max_column or 0))


def visible_sheets(wb) -> list:
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
