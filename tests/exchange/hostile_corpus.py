"""The hostile-file corpus for test_hostile_files.py: each case damages a valid export.

A case's `build(base, out)` writes the damaged file (or makes a directory, or nothing) at `out`
and returns the path to merge; `fragments` are what the refusal message must contain besides
the file's name. The export comes from an office with one extra project and milestone (the ids
and names below), which most value cases damage.
"""
from __future__ import annotations

import json
import random
import shutil
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.model import KINDS
from db.store import hlc
from db.store.schema import SCHEMA_VERSION

PROJECT_ID = "5f0c1f5e-8a51-4c3b-9d0e-6a7b8c9d0e1f"
MILESTONE_ID = "7a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6"
PROJECT_NAME = "外来测试项目"
MILESTONE_NAME = "外来测试节点"
NOWHERE_ID = "00000000-0000-4000-8000-00000000dead"


def edited(base: Path, out: Path, *statements) -> Path:
    """A copy of `base` changed with sqlite3: strings run as scripts, tuples as (sql, params)."""
    shutil.copyfile(base, out)
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        for st in statements:
            if isinstance(st, tuple):
                conn.execute(*st)
            else:
                conn.executescript(st)
    finally:
        conn.close()
    return out


def future_clock(days: float) -> str:
    return hlc.fmt(hlc.wall_ms() + int(days * 86_400_000), 0, "0123456789abcdef")


def table_pages(data: bytes) -> tuple[int, list[int]]:
    """(page size, numbers of table b-tree pages: interior 0x05 or leaf 0x0d; page 0 = page 1)."""
    size = struct.unpack(">H", data[16:18])[0]
    size = 65536 if size == 1 else size
    pages = [n for n in range(len(data) // size) if data[n * size + (100 if n == 0 else 0)] in (0x05, 0x0D)]
    return size, pages


def swapped_cells(base: Path, out: Path) -> Path:
    """Swap the first two cell pointers of a table leaf page: rowids out of order."""
    data = bytearray(base.read_bytes())
    size, pages = table_pages(bytes(data))
    for n in pages[1:]:
        at = n * size
        if data[at] == 0x0D and struct.unpack(">H", data[at + 3:at + 5])[0] >= 2:
            data[at + 8:at + 10], data[at + 10:at + 12] = data[at + 10:at + 12], data[at + 8:at + 10]
            out.write_bytes(bytes(data))
            return out
    raise AssertionError("no table leaf page with two cells")


def with_generated_column(base: Path, out: Path) -> Path:
    """Rebuild `units` with a hidden (virtual generated) column that would allocate 900 MB."""
    sql = sqlite3.connect(base).execute("SELECT sql FROM sqlite_schema WHERE name='units'").fetchone()[0]
    cols = [r[1] for r in sqlite3.connect(base).execute("PRAGMA table_info(units)")]
    evil = sql.rstrip().rstrip(")") + ",\n  evil BLOB GENERATED ALWAYS AS (zeroblob(900000000)) VIRTUAL\n)"
    return edited(base, out, f"""
        CREATE TABLE units_copy AS SELECT * FROM units;
        DROP TABLE units;
        {evil};
        INSERT INTO units({', '.join(cols)}) SELECT * FROM units_copy;
        DROP TABLE units_copy;
        CREATE INDEX idx_units_parent_id ON units(parent_id);
        VACUUM;""")


def wal_pair(base: Path, out: Path, main_sql: str, wal_sql: str) -> Path:
    """`out` in WAL mode with main_sql applied, and an `out`-wal beside it holding wal_sql."""
    work = out.with_name("work-" + out.name)
    edited(base, work, main_sql)
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.executescript(wal_sql)
        shutil.copyfile(work, out)  # the main file without the -wal's content
        shutil.copyfile(str(work) + "-wal", str(out) + "-wal")
    finally:
        conn.close()
    assert out.read_bytes()[18:20] == b"\x02\x02" and Path(str(out) + "-wal").stat().st_size > 0
    return out


def other_application(out: Path) -> Path:
    conn = sqlite3.connect(out)
    conn.executescript("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);"
                       "INSERT INTO notes(text) VALUES ('买菜');")
    conn.close()
    return out


def damaged_bytes(base: Path, out: Path, change: Callable[[bytes], bytes]) -> Path:
    out.write_bytes(change(base.read_bytes()))
    return out


def directory(out: Path) -> Path:
    out.mkdir()
    return out


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
P = f"id='{PROJECT_ID}'"
M = f"id='{MILESTONE_ID}'"
PROJECT = f"项目「{PROJECT_NAME}」"
MILESTONE = f"里程碑「{MILESTONE_NAME}」"
ALL_PROJECT_CELLS = json.dumps({n: "1700000000000-0000-0123456789abcdef" for n in
                                [f.name for f in KINDS["projects"].fields] + ["deleted"]})


@dataclass
class Case:
    build: Callable[[Path, Path], Path]  # (valid export, where to write) -> file to merge
    fragments: tuple[str, ...] = ()  # besides the file name, the message must contain these


CASES = {
    "text file": Case(lambda b, o: damaged_bytes(b, o, lambda d: "这不是数据库，是一份会议纪要。\n".encode() * 50),
                      ("不是组合文件",)),
    "empty file": Case(lambda b, o: damaged_bytes(b, o, lambda d: b""), ("不是组合文件",)),
    "PNG header": Case(lambda b, o: damaged_bytes(b, o, lambda d: PNG + d[len(PNG):]), ("不是组合文件",)),
    "truncated to half": Case(lambda b, o: damaged_bytes(b, o, lambda d: d[:len(d) // 2]), ("不完整",)),
    "truncated mid-page": Case(lambda b, o: damaged_bytes(b, o, lambda d: d[:len(d) // 2 + 777]), ("不完整",)),
    "another application's database": Case(lambda b, o: other_application(o), ("其他程序",)),
    "application_id 0": Case(lambda b, o: edited(b, o, "PRAGMA application_id=0"), ("其他程序",)),
    "extra trigger": Case(lambda b, o: edited(b, o, "CREATE TRIGGER spy AFTER INSERT ON projects "
                                                    "BEGIN DELETE FROM units; END"), ("数据结构", "trigger spy")),
    "view posing as a table": Case(lambda b, o: edited(b, o, """
        DROP TABLE settings;
        CREATE VIEW settings(id, key, value, deleted, created_hlc, cell_clocks) AS
            SELECT id, name, NULL, 0, created_hlc, cell_clocks FROM units"""), ("数据结构", "view settings")),
    "extra table": Case(lambda b, o: edited(b, o, "CREATE TABLE payload(x BLOB)"), ("数据结构", "table payload")),
    "extra index": Case(lambda b, o: edited(b, o, "CREATE INDEX idx_sneaky ON projects(name)"),
                        ("数据结构", "index idx_sneaky")),
    "hidden generated column": Case(lambda b, o: with_generated_column(b, o), ("数据结构",)),
    "20 MB text cell": Case(lambda b, o: edited(b, o, (f"UPDATE projects SET notes=? WHERE {P}", ("x" * 20_000_000,)))),
    "newer user_version": Case(lambda b, o: edited(b, o, f"PRAGMA user_version={SCHEMA_VERSION + 1}"),
                               ("更新版本", str(SCHEMA_VERSION + 1))),
    "created clock two days ahead": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET created_hlc=? WHERE {P}", (future_clock(2),))), ("晚一天以上",)),
    "cell clock two days ahead": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET cell_clocks=? WHERE {P}", (json.dumps({"notes": future_clock(2)}),))),
        ("晚一天以上",)),
    "dangling project_id": Case(lambda b, o: edited(b, o, f"UPDATE milestones SET project_id='{NOWHERE_ID}' WHERE {M}"),
                                (MILESTONE, NOWHERE_ID)),
    "bad date 2025年6月": Case(lambda b, o: edited(b, o, f"UPDATE milestones SET planned_date='2025年6月' WHERE {M}"),
                             (MILESTONE, "计划日期", "2025年6月")),
    "negative amount": Case(lambda b, o: edited(b, o, f"UPDATE projects SET total_investment=-1200 WHERE {P}"),
                            (PROJECT, "总投资", "负数")),
    "unknown enum": Case(lambda b, o: edited(b, o, f"UPDATE projects SET stage='烂尾' WHERE {P}"),
                         (PROJECT, "阶段", "烂尾")),
    "non-UUID id": Case(lambda b, o: edited(b, o, f"UPDATE projects SET id='XM-2025-001' WHERE {P}"), (PROJECT,)),
    "malformed cell_clocks JSON": Case(lambda b, o: edited(b, o, f"UPDATE projects SET cell_clocks='{{\"name\": ' WHERE {P}"),
                                       (PROJECT, "时间戳")),
    "cell_clocks not an object": Case(lambda b, o: edited(b, o, f"UPDATE projects SET cell_clocks='[1, 2]' WHERE {P}"),
                                      (PROJECT, "时间戳")),
    "bad HLC string": Case(lambda b, o: edited(b, o, f"UPDATE projects SET created_hlc='2025-06-30 12:00' WHERE {P}"),
                           (PROJECT, "时间戳")),
    "bad HLC in cell_clocks": Case(lambda b, o: edited(
        b, o, f"UPDATE projects SET cell_clocks='{{\"stage\": \"1750000000000-0-zz\"}}' WHERE {P}"), (PROJECT, "时间戳")),
    # clocks the old pattern let through (`$` before a final newline, `\\d` any script's digits):
    # they sort apart from every real clock and win or lose cells by accident
    "HLC with a newline after it": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET cell_clocks=? WHERE {P}", (json.dumps({"stage": future_clock(0) + "\n"}),))),
        (PROJECT, "时间戳")),
    "HLC of full-width digits": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET created_hlc=? WHERE {P}",
               (future_clock(0)[:13].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + future_clock(0)[13:],))),
        (PROJECT, "时间戳")),
    "deleted=7": Case(lambda b, o: edited(b, o, f"UPDATE projects SET deleted=7 WHERE {P}"), (PROJECT,)),
    "WAL file whose -wal would repair it": Case(lambda b, o: wal_pair(
        b, o, f"UPDATE milestones SET planned_date='2025年6月' WHERE {M}",
        f"UPDATE milestones SET planned_date='2026-06-30' WHERE {M}"), ("-wal", "打开它再关闭")),
    # (refused for the -wal itself since issue 24: it is never read, and the file alone would
    # give an earlier state — here an invalid date, elsewhere an edit its writer had acknowledged)
    "a directory": Case(lambda b, o: directory(o), ("文件夹",)),
    "a missing file": Case(lambda b, o: o, ("找不到",)),
    # Each case below broke the reader when these tests were written (a TypeError or RecursionError
    # instead of RefusedFile, a multi-line or garbled message, a far-future clock accepted).
    "BLOB created_hlc": Case(lambda b, o: edited(b, o, f"UPDATE projects SET created_hlc=X'41' WHERE {P}"),
                             (PROJECT, "时间戳")),
    "BLOB peers.last_hlc": Case(lambda b, o: edited(
        b, o, "INSERT INTO peers(site_id, last_hlc) VALUES ('0123456789abcdef', X'41')")),
    "BLOB site_id": Case(lambda b, o: edited(b, o, "INSERT OR REPLACE INTO meta(key, value) VALUES('site_id', X'41')")),
    "rowids out of order (quick_check)": Case(swapped_cells, ("已损坏",)),
    "invalid UTF-8 with a newline": Case(lambda b, o: edited(
        b, o, f"UPDATE projects SET notes=CAST(X'E4BD0A41FF' AS TEXT) WHERE {P}"), ("已损坏",)),
    "newline in the record title": Case(lambda b, o: edited(
        b, o, (f"UPDATE milestones SET name=?, planned_date='2025年6月' WHERE {M}",
               (MILESTONE_NAME + "\n已安全合并，无需处理",))), ("2025年6月",)),
    "BLOB record title": Case(lambda b, o: edited(
        b, o, f"UPDATE projects SET name=CAST('外来' AS BLOB) WHERE {P}"), ("项目名称",)),
    "created_hlc years ahead behind explicit cell clocks": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET created_hlc=?, cell_clocks=? WHERE {P}", (future_clock(3650), ALL_PROJECT_CELLS))),
        ("晚一天以上",)),
    "peers.last_hlc years ahead": Case(lambda b, o: edited(
        b, o, ("INSERT INTO peers(site_id, last_hlc) VALUES ('0123456789abcdef', ?)", (future_clock(3650),))),
        ("晚一天以上",)),
    "deeply nested JSON in a list field": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET tags=? WHERE {P}", ("[" * 5000 + "]" * 5000,))), (PROJECT,)),
    "deeply nested JSON in cell_clocks": Case(lambda b, o: edited(
        b, o, (f"UPDATE projects SET cell_clocks=? WHERE {P}", ('{"name": ' + "[" * 5000 + "]" * 5000 + "}",))),
        (PROJECT, "时间戳")),
}


FLIP_SEED = 20250630


def flipped(base: Path, out: Path, seed: int) -> Path:
    """Flip 1-4 bytes at random offsets inside table b-tree pages (fixed seed)."""
    rng = random.Random(FLIP_SEED + seed)
    data = bytearray(base.read_bytes())
    size, pages = table_pages(bytes(data))
    for _ in range(rng.randint(1, 4)):
        n = rng.choice(pages)
        data[n * size + rng.randrange(100 if n == 0 else 0, size)] ^= rng.randrange(1, 256)
    out.write_bytes(bytes(data))
    return out
