"""Bad input of every kind at the command line (issue 23): each case with its exit code and the
words its one line must hold, and the portfolio's bytes unchanged when it is refused.

The corpus covers what the second round of outside cases found and the classes behind them:
an output file named over the open portfolio, its side files or backups, or over a database in
use; values no document can render (control characters, dates past 2199, amounts past 10^15);
ids shared across kinds; a read-only working file; a file merged into itself. Commands run
in-process through `desktop.cli.main` (fast); tests/test_cli.py runs the real subprocess.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import builtin
from db.errors import ValidationError
from db.portfolio import Portfolio
from db.store.changes import Create
from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def cli(capfd, *args) -> tuple[int, str, str]:
    """Run `kechuang ARGS` in this process: (exit code, stdout, stderr)."""
    raising, hook = logging.raiseExceptions, sys.unraisablehook
    try:
        rc = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's usage errors
        rc = exc.code
    finally:  # what main() sets for its process
        logging.captureWarnings(False)
        logging.raiseExceptions, sys.unraisablehook = raising, hook
    out, err = capfd.readouterr()
    return rc, out, err


def files_of(path: Path) -> dict[str, str]:
    """sha256 of the portfolio and of its -wal / -journal (what "unchanged" means; the empty
    .lock a writable open leaves, the empty -wal a read-only one may leave and the -shm index
    are not content)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.is_file() and p.stat().st_size}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("bad-inputs") / "base.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
        project = pf.list("projects")[0]
        milestone = pf.list("milestones")[0]
        unit = pf.list("units")[0]
    return {"path": path, "project": project["id"], "milestone": milestone["id"], "unit": unit["id"],
            "unit_name": unit["name"]}


@pytest.fixture
def work(base, tmp_path) -> Path:
    target = tmp_path / "work.sqlite"
    shutil.copyfile(base["path"], target)
    return target


@dataclass
class Case:
    args: Callable[[Path, dict], list]  # (work file, base info) -> command line
    fragments: tuple[str, ...]
    rc: int = 2


def _wal_beside(folder: Path) -> Path:
    """Another database with its -wal still beside it (open elsewhere, or not closed cleanly):
    an export over it would leave that -wal to be replayed into the new file."""
    other = folder / "other.sqlite"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    wal = Path(f"{other}-wal").read_bytes()
    conn.close()  # (removes the -wal, which a killed writer would have left)
    Path(f"{other}-wal").write_bytes(wal)
    return other


def _hard_link(work: Path, name: str = "same-file.sqlite") -> Path:
    link = work.parent / name
    os.link(work, link)
    return link


def _attachment_file(folder: Path, name: str, make: Callable[[Path], object]) -> Path:
    """A file to attach (issue #18), made by `make(path)` beside the work file."""
    path = folder / name
    make(path)
    return path


def _zip_bomb(path: Path) -> None:
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
        zf.writestr("word/document.xml", b"\0" * (100 * 1024 * 1024))


def _pixel_bomb(path: Path) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def _closed_database(folder: Path, name: str = "closed.sqlite") -> Path:
    other = folder / name
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    return other


OUT = ("ics", "xlsx-export", "notice", "export")  # (brief refuses a name not ending .pdf/.docx/.xlsx first)
CASES = {
    # -- output files over the portfolio (the brief/ics/xlsx/notice of the first report) --
    **{f"{cmd} --out the portfolio itself": Case(lambda w, b, cmd=cmd: [cmd, w, "--out", w], ("正在使用的组合文件",))
       for cmd in OUT},
    **{f"brief --out the portfolio by another name ({ext})": Case(
        lambda w, b, ext=ext: ["brief", w, "--out", _hard_link(w, f"简报{ext}")], ("正在使用的组合文件",))
       for ext in (".pdf", ".docx", ".xlsx")},
    **{f"ics --out its {suffix}": Case(lambda w, b, s=suffix: ["ics", w, "--out", f"{w}{s}"], ("附属文件",))
       for suffix in ("-wal", "-shm", "-journal", ".lock")},
    "export --out its -wal": Case(lambda w, b: ["export", w, "--out", f"{w}-wal"], ("附属文件",)),
    "ics into its backups folder": Case(lambda w, b: ["ics", w, "--out", w.parent / f"{w.name}.backups" / "x.ics"],
                                        ("备份文件夹",)),
    "export into its backups folder": Case(
        lambda w, b: ["export", w, "--out", w.parent / f"{w.name}.backups" / "copy.sqlite"], ("备份文件夹",)),
    "export over a database with its -wal beside it": Case(
        lambda w, b: ["export", w, "--out", _wal_beside(w.parent)], ("other.sqlite-wal", "没写回的修改", "不会覆盖")),
    "a document over another database": Case(
        lambda w, b: ["brief", w, "--out", _closed_database(w.parent, "closed.pdf")], ("数据库文件",)),
    "xlsx over another database": Case(
        lambda w, b: ["xlsx-export", w, "--out", _closed_database(w.parent)], ("数据库文件",)),
    "an output path that is a folder": Case(lambda w, b: ["ics", w, "--out", w.parent], ("文件夹",)),
    "export into a missing folder": Case(lambda w, b: ["export", w, "--out", w.parent / "nowhere" / "x.sqlite"],
                                         ("导出文件", "x.sqlite")),
    # -- values no document can render --
    "a control character in a name": Case(lambda w, b: ["set", w, b["project"], "name=坏\x01名"],
                                          ("控制字符", "U+0001")),
    "a control character in a tag": Case(lambda w, b: ["set", w, b["project"], "tags=a,b\x1bc"], ("控制字符", "标签")),
    "a lone surrogate (undecodable argument)": Case(lambda w, b: ["set", w, b["project"], "name=a\udcffb"],
                                                    ("控制字符",)),
    "a control character in a new unit": Case(lambda w, b: ["add", w, "unit", "name=单位\x07"], ("控制字符",)),
    "a milestone dated 9999-12-31": Case(lambda w, b: ["set", w, b["milestone"], "planned_date=9999-12-31",
                                                       "--reason", "x"], ("9999-12-31", "超出可用范围")),
    "a start dated 1899": Case(lambda w, b: ["set", w, b["project"], "planned_start=1899-12-31"], ("超出可用范围",)),
    "a huge but finite amount": Case(lambda w, b: ["set", w, b["project"], "total_investment=1e308"],
                                     ("总投资", "超出可用范围")),
    "an amount past 10^15": Case(lambda w, b: ["set", w, b["project"], "annual_plan_investment=2e15"],
                                 ("超出可用范围",)),
    "infinity": Case(lambda w, b: ["set", w, b["project"], "total_investment=inf"], ("总投资",)),
    "a year of 10^12": Case(lambda w, b: ["add", w, "indicator_value", "indicator_id=" + b["indicator"],
                                          "year=1000000000000"], ("年份", "1950")),
    # -- attached files (issue #18): judged by content, size-capped before reading, bombs refused --
    "attach an executable named .jpg": Case(lambda w, b: ["attach", w, b["milestone"], _attachment_file(
        w.parent, "现场.jpg", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 200))], ("现场.jpg", "不是可接受的附件类型")),
    "attach a zip bomb named .docx": Case(lambda w, b: ["attach", w, b["milestone"], _attachment_file(
        w.parent, "任务书.docx", _zip_bomb)], ("任务书.docx", "压缩炸弹")),
    "attach a 10-gigapixel PNG": Case(lambda w, b: ["attach", w, b["milestone"], _attachment_file(
        w.parent, "bomb.png", _pixel_bomb)], ("bomb.png", "解压炸弹")),
    "attach a 21 MB file": Case(lambda w, b: ["attach", w, b["milestone"], _attachment_file(
        w.parent, "big.pdf", lambda p: os.truncate(p.write_bytes(b"%PDF-1.4\n") and p, 21 * 2**20))], ("big.pdf", "20 MB")),
    "attach a folder": Case(lambda w, b: ["attach", w, b["milestone"], w.parent], ("不是文件",)),
    "attach to a unit": Case(lambda w, b: ["attach", w, b["unit"], _attachment_file(
        w.parent, "a.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%%EOF\n"))], ("不能添加附件",)),
    "an attachment record naming no stored file": Case(lambda w, b: [
        "add", w, "attachment", f"milestone_id={b['milestone']}", "name=x.jpg", "sha256=" + "0" * 64,
        "media_type=image/jpeg", "size=5"], ("kechuang attach",)),
    # -- merge --
    "merge a file into itself": Case(lambda w, b: ["merge", w, "--from", w], ("合并到自己",)),
    "merge a hard link of itself": Case(lambda w, b: ["merge", w, "--from", _hard_link(w)], ("合并到自己",)),
}


@pytest.fixture(scope="module")
def indicator(base) -> str:
    with Portfolio.open(base["path"], readonly=True) as pf:
        return pf.list("indicators")[0]["id"]


@pytest.mark.parametrize("name", list(CASES))
def test_refused_with_one_line_and_nothing_changed(name, base, indicator, work, capfd):
    case = CASES[name]
    info = {**base, "indicator": indicator}
    args = case.args(work, info)
    before = files_of(work)
    others = {p.name: p.stat().st_mtime_ns for p in work.parent.iterdir() if p.is_file()}
    rc, out, err = cli(capfd, *args)
    assert rc == case.rc, (rc, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kechuang: "), err
    assert "Traceback" not in err and "Error" not in lines[0], err
    for fragment in case.fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert out == ""
    assert files_of(work) == before
    # nothing else in the folder was replaced either (the target of the refused write)
    assert {n: t for n, t in others.items() if (work.parent / n).exists()} == \
        {p.name: p.stat().st_mtime_ns for p in work.parent.iterdir() if p.is_file() and p.name in others}


def test_a_new_record_cannot_take_the_id_of_another_kind(work, base):
    """Ids are unique across kinds: `set`/`delete` find a record by its id alone, so a second
    record of another kind under that id would be the one they never reach."""
    with Portfolio.open(work) as pf:
        before = pf.dump()
        with pytest.raises(ValidationError, match="已被一条项目记录使用"):
            pf.apply([Create("units", {"name": "冒名单位"}, base["project"])])
        assert pf.dump() == before


def test_quote_unquote_formula_text_is_accepted_and_stays_text(work, base, capfd, tmp_path):
    """Text beginning with = + - @ is ordinary text in the portfolio; the spreadsheets keep it text."""
    rc, out, err = cli(capfd, "set", work, base["project"], "name==HYPERLINK(\"http://x\",\"点我\")", "notes=-2+3")
    assert rc == 0, err
    rc, out, err = cli(capfd, "xlsx-export", work, "--out", tmp_path / "t.xlsx")
    assert rc == 0, err
    import zipfile
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "HYPERLINK" in xml


# -- a read-only working file --------------------------------------------------------------
def _make_read_only(path: Path) -> Callable[[], None]:
    """Make `path` unwritable even for root (chattr +i); as another user chmod suffices."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("no way to make a file read-only for root here (chattr)")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def read_only(work):
    undo = _make_read_only(work)
    yield work
    undo()


def test_merge_into_a_read_only_file_is_refused_before_any_backup(read_only, base, tmp_path, capfd):
    source = tmp_path / "in" / "received.sqlite"
    source.parent.mkdir()
    assert cli(capfd, "export", base["path"], "--out", source)[0] == 0
    before = files_of(read_only)
    rc, out, err = cli(capfd, "merge", read_only, "--from", source)
    assert rc == 2 and len(err.strip().splitlines()) == 1 and "只读" in err, err
    assert not Path(f"{read_only}.backups").exists()
    assert files_of(read_only) == before


def test_previews_of_a_read_only_file_work(read_only, base, tmp_path, capfd):
    """A preview needs no write access: merge --dry-run and xlsx-import --dry-run read it."""
    source = tmp_path / "in" / "received.sqlite"
    source.parent.mkdir()
    assert cli(capfd, "export", base["path"], "--out", source)[0] == 0
    sheet = tmp_path / "in" / "table.xlsx"
    assert cli(capfd, "xlsx-export", base["path"], "--out", sheet)[0] == 0
    before = files_of(read_only)
    rc, out, err = cli(capfd, "merge", read_only, "--from", source, "--dry-run")
    assert rc == 0 and "未写入" in out, (out, err)
    rc, out, err = cli(capfd, "xlsx-import", read_only, sheet, "--dry-run")
    assert rc == 0 and err == "", (out, err)
    assert files_of(read_only) == before


# -- what stderr carries: one line, never a warning or logging's own traceback ---------------
def run_cli(*args, env=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_log_that_cannot_be_written_prints_no_traceback(base, tmp_path):
    """A failure that is not the user's (here a portfolio of an earlier version holding a date
    no calendar can carry) logs its traceback; when the log cannot be written (its disk full:
    /dev/full) stderr still holds the one line, not logging's own traceback."""
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    (data / "logs" / "kechuang.log").symlink_to("/dev/full")
    work = tmp_path / "w.sqlite"
    shutil.copyfile(base["path"], work)
    conn = sqlite3.connect(work)  # as an earlier version let it in
    conn.execute("UPDATE milestones SET planned_date='9999-12-31' WHERE id=?", (base["milestone"],))
    conn.commit()
    conn.close()
    proc = run_cli("ics", work, "--out", tmp_path / "m.ics", env={"KECHUANG_DATA_DIR": str(data)})
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "m.ics").exists()


def test_library_warnings_go_to_the_log_not_stderr(base, tmp_path):
    """Reading a workbook warns on a date cell whose serial no calendar has (openpyxl's reading,
    restated in db/sheets/sheetxml.py); the CLI's stderr carries its own lines only."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["项目名称", "计划开工"])
    ws.append(["某项目", 99999999])
    ws["B2"].number_format = "yyyy-mm-dd"
    book = tmp_path / "odd.xlsx"
    wb.save(book)
    work = tmp_path / "w.sqlite"
    shutil.copyfile(base["path"], work)
    proc = run_cli("xlsx-import", work, book, "--dry-run", env={"KECHUANG_DATA_DIR": str(tmp_path / "data")})
    assert "Warning" not in proc.stderr and "warn(" not in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 1, proc.stderr


def test_an_export_over_a_portfolio_open_in_another_program_is_refused(base, tmp_path, capfd):
    """Its .lock is held there: replacing the file under that program would lose what it writes
    next (into a -wal that then belongs to another file)."""
    other = tmp_path / "theirs.sqlite"
    shutil.copyfile(base["path"], other)
    child = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom db.portfolio import Portfolio\n"
                              f"pf = Portfolio.open({str(other)!r})\nprint('open', flush=True)\ntime.sleep(60)"],
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "open"
        before = files_of(other)
        rc, out, err = cli(capfd, "export", base["path"], "--out", other)
        assert rc == 2 and "另一个窗口或程序" in err, (out, err)
        assert files_of(other) == before
    finally:
        child.kill()
        child.wait()
