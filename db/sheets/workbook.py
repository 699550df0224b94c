"""Opening a received workbook safely and reading a sheet as a plain grid of values.

The file is untrusted: size-capped, opened with openpyxl (values only, cached formula results),
and any failure becomes one clear message. Merged cells are filled from their top-left cell,
so a two-row header or a 责任单位 merged over several project rows reads like written out.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP

MAX_BYTES = 40 * 1024 * 1024
MAX_CELLS = 4_000_000

E_MISSING = QT_TRANSLATE_NOOP("sheets", "找不到文件“{path}”")
E_NOT_XLSX = QT_TRANSLATE_NOOP("sheets", "“{name}”不是 Excel 工作簿（.xlsx）。如果是旧版 .xls 或 .et 文件，请先在 Excel/WPS 中另存为 .xlsx 再导入。")
E_BROKEN = QT_TRANSLATE_NOOP("sheets", "无法读取工作簿“{name}”：文件已损坏或不是有效的 .xlsx（{detail}）")
E_TOO_BIG = QT_TRANSLATE_NOOP("sheets", "工作簿“{name}”太大（{size} MB），最多可导入 {limit} MB")
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
    """Load an .xlsx for reading values; UserError for anything that is not a readable workbook."""
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
        return openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError,
            EOFError, IndexError, AttributeError, SyntaxError) as exc:
        # SyntaxError covers xml.etree's ParseError on a mangled part.
        raise UserError(E_BROKEN, name=path.name, detail=type(exc).__name__) from exc


def read_grid(ws) -> Grid:
    rows, cols = ws.max_row or 0, ws.max_column or 0
    if rows * cols > MAX_CELLS:
        raise UserError(E_TOO_MANY, sheet=ws.title, rows=rows, cols=cols)
    values = [list(r) for r in ws.iter_rows(values_only=True)] if rows and cols else []
    grid = Grid(ws.title, values)
    for rng in ws.merged_cells.ranges:
        r0, c0, r1, c1 = rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1
        if r0 >= len(values):
            continue
        top = grid.get(r0, c0)
        for r in range(r0, min(r1, len(values) - 1) + 1):
            row = values[r]
            if len(row) <= c1:
                row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = top
                grid.merges[(r, c)] = (r0, c0, r1, c1)
    while values and all(v is None or (isinstance(v, str) and not v.strip()) for v in values[-1]):
        values.pop()
    return grid


def visible_sheets(wb) -> list:
    return [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
