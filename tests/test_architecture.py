"""Layering rules of DESIGN §4: db/ is Qt-free; desktop/ runs no SQL of its own."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


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


def test_core_imports_without_qt_installed(tmp_path):
    """Importing the whole core in a fresh interpreter does not pull in Qt."""
    import subprocess
    import sys
    code = ("import sys, pkgutil, importlib, db\n"
            "for m in pkgutil.walk_packages(db.__path__, 'db.'): importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_files_stay_small():
    big = {str(p.relative_to(ROOT)): n for p in list((ROOT / "db").rglob("*.py")) + list((ROOT / "desktop").rglob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert big == {}
