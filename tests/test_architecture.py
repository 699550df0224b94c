"""Layering rules of DESIGN §4, enforced: db/ is Qt-free; every transaction, lock and SQL
statement lives in db/store/ (and the Portfolio's own read()/write() in db/portfolio.py);
desktop/ passes no SQL text; the writer names no kind; the CLI's display-free commands run
without Qt."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOOR = {ROOT / "db" / "portfolio.py"}  # besides db/store/


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def sources(*tops: str) -> list[Path]:
    return [p for top in tops for p in (ROOT / top).rglob("*.py")]


def outside_the_door(path: Path) -> bool:
    return (ROOT / "db" / "store") not in path.parents and path not in DOOR


def test_core_imports_no_qt():
    offenders = {str(p.relative_to(ROOT)): sorted(imported_modules(p) & {"PySide6", "pyqtgraph", "desktop"})
                 for p in (ROOT / "db").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_desktop_runs_no_sql():
    offenders = []
    for p in (ROOT / "desktop").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        if "sqlite3" in imported_modules(p) or ".execute(" in text or "sqlite3.connect" in text:
            offenders.append(str(p.relative_to(ROOT)))
    assert offenders == []


# what only the door may touch: the connection, the lock, statements, the sqlite3 module
DOOR_ONLY = re.compile(r"\.conn\b|\._conn\b|\._mutex\b|\bFileLock\b|\.execute(many|script)?\(|"
                       r"\.cursor\(|\bsqlite3\.connect\b|\btransaction\(|\bBEGIN\b(?!:)|\bSAVEPOINT\b|"
                       r"^(import sqlite3|from sqlite3 )", re.M)  # (a type-only import is indented)


def test_only_the_store_touches_sqlite():
    """A newcomer finds every transaction, lock and SQL statement in db/store/ (+ Portfolio's door)."""
    offenders = {}
    for p in sources("db", "desktop"):
        if not outside_the_door(p):
            continue
        text = p.read_text(encoding="utf-8")
        hits = sorted({m.group(0) for m in DOOR_ONLY.finditer(text)})
        if hits:
            offenders[str(p.relative_to(ROOT))] = hits
    assert offenders == {}


SQL_TEXT = re.compile(r"\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WHERE\s|IS\s+(NOT\s+)?NULL|"
                      r"PRAGMA\s|CREATE\s+(TABLE|INDEX|VIEW)|JOIN\s|json_each|\sIN\s*\()")


def test_desktop_passes_no_sql_text():
    """Screens filter with keyword arguments (pf.list("teams", challenge_id=cid)), never SQL text."""
    offenders = []
    for p in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.search(node.value):
                offenders.append(f"{p.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
            elif isinstance(node, ast.keyword) and node.arg in ("where", "params"):
                offenders.append(f"{p.relative_to(ROOT)}:{node.value.lineno}: {node.arg}=")
    assert offenders == []


def test_no_sql_text_reaches_the_store_from_outside():
    """Reading records takes keyword filters only (Portfolio.list/rows/count have no `where`):
    no caller in db/, desktop/ or tests/ outside db/store/ passes an SQL condition."""
    offenders = []
    for p in sources("db", "desktop", "tests"):
        if not outside_the_door(p) or p == Path(__file__).resolve():
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("list", "rows", "count") \
                    and any(k.arg in ("where", "params") for k in node.keywords):
                offenders.append(f"{p.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
    import inspect

    from db.portfolio import Portfolio
    for name in ("list", "rows", "count"):
        assert not {"where", "params"} & set(inspect.signature(getattr(Portfolio, name)).parameters)


def test_one_searchable_table():
    """A table of plain rows is searched and filtered in one place: desktop/widgets/filtered_table.py
    over db/rows/search.py — no proxy model of its own anywhere else in desktop/."""
    proxy = {"QSortFilterProxyModel", "QAbstractProxyModel", "QIdentityProxyModel"}
    proxies = []
    for p in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.ImportFrom) else \
                [node.id] if isinstance(node, ast.Name) else [node.attr] if isinstance(node, ast.Attribute) else []
            if proxy & set(names):
                proxies.append(str(p.relative_to(ROOT)))
    assert proxies == []
    users = {str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py")
             for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
             if isinstance(node, ast.ImportFrom) and (node.module == "db.rows.search" or node.module == "db.rows"
                                                      and "search" in {a.name for a in node.names})}
    assert users == {"desktop/widgets/filtered_table.py", "desktop/screens/indicators.py"}


def test_the_writer_names_no_kind():
    """Per-kind rules are hooks (db/rules.py); the generic writer knows no kind by name."""
    from db.model import KINDS
    text = (ROOT / "db" / "store" / "writer.py").read_text(encoding="utf-8")
    named = sorted({node.value for node in ast.walk(ast.parse(text))
                    if isinstance(node, ast.Constant) and node.value in KINDS})
    assert named == []


def test_core_imports_without_qt_installed(tmp_path):
    """Importing the whole core in a fresh interpreter does not pull in Qt."""
    code = ("import sys, pkgutil, importlib, db\n"
            "for m in pkgutil.walk_packages(db.__path__, 'db.'): importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_display_free_commands_run_without_qt(tmp_path):
    """Every CLI command but `gui` runs in a fresh interpreter without importing Qt."""
    f, out = tmp_path / "p.sqlite", tmp_path
    code = f"""
import contextlib, io, json, sys
from desktop.cli import build_parser, main
commands = set(build_parser()._subparsers._group_actions[0].choices) - {{"gui"}}
f, out = {str(f)!r}, {str(out)!r}
def run(*args):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(list(args))
    if code not in (0, None):
        sys.exit(f"{{args}} exited {{code}}")
    return buf.getvalue()
run("init", f)
pid = json.loads(run("add", f, "project", "name=架构检查"))["id"]
qid = json.loads(run("add", f, "problem", "project_id=" + pid, "description=架构检查问题"))["id"]
ran = {{"init", "add"}}
holder = json.loads(run("add", f, "project", "name=附件检查"))["id"]
open(out + "/photo.pdf", "wb").write(b"%PDF-1.4 %%EOF")
for args in [("check", f), ("dump", f, "--json"), ("colours", f, "--json"), ("overview", f, "--json"),
             ("export", f, "--out", out + "/slice.sqlite"), ("merge", f, "--from", out + "/slice.sqlite"),
             ("notice", f, "--out", out + "/notice.pdf"), ("brief", f, "--week", "2026-W47", "--out", out + "/b.pdf"),
             ("dubandan", f, qid, "--out", out + "/d.pdf"),
             ("set", f, pid, "notes=x"), ("delete", f, pid), ("xlsx-export", f, "--out", out + "/t.xlsx"),
             ("xlsx-import", f, out + "/t.xlsx", "--dry-run"), ("ics", f, "--out", out + "/m.ics"),
             ("sync", f, "--folder", out), ("plans", f, "--json"),
             ("attach", f, holder, out + "/photo.pdf"), ("attachments", f, holder, "--json")]:
    run(*args)
    ran.add(args[0])
with contextlib.redirect_stderr(io.StringIO()):  # no hub here: the one-line refusal, still without Qt
    assert main(["hub", "init", "postgresql://nobody@127.0.0.1:9/none"]) == 2
ran.add("hub")
aid = json.loads(run("attachments", f, holder, "--json"))["attachments"][0]["id"]
run("attachment-save", f, aid, "--out", out + "/saved.pdf")
ran.add("attachment-save")
assert ran == commands, sorted(commands - ran)
bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph")))
print(bad)
sys.exit(1 if bad else 0)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_python_files_stay_small():
    big = {str(p.relative_to(ROOT)): n for p in list((ROOT / "db").rglob("*.py")) + list((ROOT / "desktop").rglob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert big == {}
