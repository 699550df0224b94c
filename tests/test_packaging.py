"""A package like any other: the wheel `python -m build` makes holds the whole app, and installed
(not editable) into a fresh virtual environment it runs from anywhere — `kechuang init` on the
built-in portfolio, the English catalogue, and `kechuang --smoke` (every screen, a brief, an export).

The wheel is built from a copy of the checkout (so no build/ or *.egg-info is left in it and no
stale build/lib can leak into the wheel); the venv and the working folder are outside the checkout,
and PYTHONPATH/VIRTUAL_ENV are dropped, so nothing can be imported from the source tree.
Dependencies come from pip's index/cache like for any user.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
# What the wheel ships at its top level; anything else (tests/, packaging/ — the latter would even
# shadow the `packaging` library) must stay out.
TOP_LEVEL = {"db", "desktop", "resources"}
GENERATED = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
             ".hypothesis", "tmp")

pytestmark = pytest.mark.slow


def shipped_files() -> set[str]:
    """What the checkout says the wheel must hold: every module of db/, desktop/ and resources/,
    the SQL migrations, and every file under resources/ (fonts with their licence, icons,
    translations, the built-in portfolio with its seed documents)."""
    want = set()
    for top in TOP_LEVEL:
        for p in (ROOT / top).rglob("*"):
            if not p.is_file() or "__pycache__" in p.parts or p.suffix == ".pyc":
                continue
            if top == "resources" or p.suffix == ".py" or p.match("db/store/migrations/*.sql"):
                want.add(p.relative_to(ROOT).as_posix())
    return want


def venv_tool(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if WINDOWS else "bin") / (f"{name}.exe" if WINDOWS else name)


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KECHUANG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", HOME=str(home),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")))
    return env


def call(cmd: list, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)
    assert proc.returncode == 0, (cmd, proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(*GENERATED))
    call([sys.executable, "-m", "build", "--wheel", "--outdir", base / "dist", src], cwd=base,
         env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    (found,) = (base / "dist").glob("kechuang-*.whl")
    return found


def test_wheel_holds_every_module_and_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {PurePosixPath(n).parts[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == TOP_LEVEL
    assert sorted(shipped_files() - names) == []
    for needed in ("db/exchange/__init__.py", "desktop/screens/__init__.py", "desktop/dialogs/__init__.py",
                   "db/store/migrations/v001.sql", "resources/__init__.py", "resources/portfolio/examples.json",
                   "resources/fonts/wqy-microhei.ttc", "resources/fonts/wqy-microhei.LICENSE.txt",
                   "resources/translations/kechuang_en.qm", "resources/translations/kechuang_en.ts"):
        assert needed in names, needed
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "kechuang = desktop.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    venv, work = tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    env = clean_env(tmp_path / "home")
    call([sys.executable, "-m", "venv", venv], cwd=work, env=env)
    py, kechuang = venv_tool(venv, "python"), venv_tool(venv, "kechuang")
    call([py, "-m", "pip", "install", "--disable-pip-version-check", "-q", wheel], cwd=work, env=env,
         timeout=1200)

    where = json.loads(call([py, "-c", "import json, db, desktop, resources; print(json.dumps("
                             "[db.__file__, desktop.__file__, str(resources.DIR)]))"], cwd=work, env=env).stdout)
    for path in where:  # the installed copy, not the checkout
        assert Path(path).resolve().is_relative_to(venv.resolve()), path

    init = call([kechuang, "init", "x.sqlite", "--json"], cwd=work, env=env)
    assert json.loads(init.stdout)["counts"]["projects"] > 250
    check = json.loads(call([kechuang, "check", "x.sqlite", "--json"], cwd=work, env=env).stdout)
    assert check["ok"] and check["counts"]["projects"] == json.loads(init.stdout)["counts"]["projects"]
    english = call([kechuang, "--lang", "en", "init", "y.sqlite"], cwd=work, env=env)
    assert english.stdout.startswith("Created portfolio file"), english.stdout

    smoke = call([kechuang, "--smoke"], cwd=work, env=env, timeout=300)
    report = json.loads(smoke.stdout.strip().splitlines()[-1])
    assert report["counts"]["projects"] > 250 and report["brief_pages"] >= 2
    assert len(report["screens"]) == 7 and all(  # 问题督办 is the seventh (issue #18)
        Path(s["png"]).stat().st_size > 5000 for s in report["screens"])
    assert Path(report["export"]).stat().st_size > 0
