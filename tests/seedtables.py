"""A small, independent reader for the indicator tables of the seed documents.

The seed texts (resources/portfolio/seeds/NNN_*.txt) hold their tables in a flattened form:

    表  某某指标表            <- the title, a line of its own
    <TAB>序号                 <- every cell starts with a TAB
    <TAB>2015年               <- a cell may continue on following lines that have no TAB,
                              <- even after a blank line (header cells of 002)
    指标值
    <TAB>…                    <- (last header cell)
                              <- blank line(s) then a TAB line: a new row
    <TAB>1
    <TAB>科技进步贡献率（%）
    …

The table ends at the first line without a TAB that follows a complete row (a row with as many
cells as the header has), or at the end of the file. A row with a cell count other than the
header's is an error, so a table that is read wrong fails loudly instead of quietly.

This deliberately does not look at resources/portfolio/*.json: it is the independent side of
the comparison made by tests/builtin/test_builtin_seed_tables.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import resources

SEEDS_DIR = resources.SEEDS


class SeedTableError(ValueError):
    pass


@dataclass
class SeedTable:
    title: str
    title_line: int  # 1-based line number of the title in the seed
    header: list[str]  # header cells, verbatim (continuation lines joined with "\n")
    rows: list[list[str]]  # data rows, each a list of verbatim cells
    end_line: int  # 1-based line number of the first line after the table (len+1 at EOF)

    @property
    def header_keys(self) -> list[str]:
        """Header cells without any whitespace ("指 标 名 称" → "指标名称")."""
        return [squash(h) for h in self.header]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def seed_path(doc_id: str) -> Path:
    found = sorted(SEEDS_DIR.glob(f"{doc_id}_*.txt"))
    if len(found) != 1:
        raise SeedTableError(f"expected one seed file for document {doc_id}, found {found}")
    return found[0]


def seed_text(doc_id: str) -> str:
    return seed_path(doc_id).read_text(encoding="utf-8")


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_cell(line: str) -> bool:
    return line.startswith("\t")


def parse_table(text: str, title: str) -> SeedTable:
    """Read the table titled `title` (a line of its own in `text`) into header + rows."""
    lines = text.splitlines()
    at = [i for i, line in enumerate(lines) if line.strip() == title]
    if len(at) != 1:
        raise SeedTableError(f"title {title!r} found on {len(at)} lines, expected exactly 1")
    i = at[0] + 1
    while i < len(lines) and _is_blank(lines[i]):
        i += 1
    if i >= len(lines) or not _is_cell(lines[i]):
        raise SeedTableError(f"no TAB cell after title {title!r} (line {i + 1})")

    header: list[list[str]] | None = None  # cells as lists of line fragments
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    blank_seen = False

    def close_row(line_no: int) -> None:
        nonlocal header, row
        if header is None:
            header = row
        elif len(row) != len(header):
            raise SeedTableError(f"{title!r}: row ending before line {line_no} has {len(row)} "
                                 f"cells, header has {len(header)}: {row!r}")
        else:
            rows.append(row)
        row = []

    end = len(lines)
    while i < len(lines):
        line = lines[i]
        if _is_blank(line):
            blank_seen = True
        elif _is_cell(line):
            if blank_seen and row:
                close_row(i + 1)
            elif header is not None and len(row) == len(header):
                raise SeedTableError(f"{title!r}: line {i + 1} starts a cell beyond the header's "
                                     f"{len(header)} without a blank line before it")
            row.append([line[1:]])
            blank_seen = False
        else:  # a line without a TAB: continuation of the last cell, or the end of the table
            if header is not None and len(row) == len(header):
                end = i
                break
            if header is not None and not row:  # a blank line closed the last row
                end = i
                break
            row[-1].append(line)
            blank_seen = False
        i += 1
    if row:
        close_row(end + 1)
    if header is None:
        raise SeedTableError(f"{title!r}: no header")
    cell = lambda fragments: "\n".join(fragments)  # noqa: E731
    return SeedTable(title=title, title_line=at[0] + 1, header=[cell(c) for c in header],
                     rows=[[cell(c) for c in r] for r in rows], end_line=end + 1)
