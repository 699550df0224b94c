"""Cold start (issue #20): the window's frame is painted before the core, the screens and the heavy
libraries are imported, through the app's own entry point; the register's rows are started on the
worker before the register exists, and the register takes them instead of computing them again."""
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from db import colours
from db.rows import register as register_rows
from desktop import known_names, worker
from desktop.screens import register as project_register

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "bench" / "bench_gui_child.py"  # the cold-start benchmark's own child


def _colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}


def test_first_paint_comes_before_the_core_screens_and_heavy_libraries(builtin_file, tmp_path):
    """`python -m desktop.cli gui FILE` (what packaging/dev.py run starts): at the first paint none of
    the chart, PDF, Word, Excel libraries, the portfolio core or the register is imported yet; the
    frame says what it is opening; then the register shows the file's projects."""
    data, shots = tmp_path / "data", tmp_path / "shots"
    data.mkdir()
    shots.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KECHUANG_DATA_DIR=str(data), KECHUANG_ROOT=str(ROOT),
               KECHUANG_BENCH_SHOTS=str(shots))
    done = subprocess.run([sys.executable, str(CHILD), "app", str(builtin_file)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["modules_at_paint"] == []
    assert out["rows"] > out["painted"] and out["row_count"] > 0
    first, rows = QImage(str(shots / "first_paint.png")), QImage(str(shots / "rows.png"))
    assert not first.isNull() and first.size() == rows.size()
    assert len(_colours(first)) > 3  # the navigation and the text of the frame, not an empty window
    assert first != rows  # the register and the detail replaced the frame's 正在打开…
    assert len(_colours(rows)) > len(_colours(first))  # the 亮灯 colours of the rows among them


def test_register_takes_the_rows_started_early(qtbot, tmp_path, monkeypatch):
    """run_gui's order: frame painted, file opened, rows started on the worker, screens built; the
    register's first load is the early result (taken once), equal to the rows computed now."""
    monkeypatch.setattr(project_register, "ASYNC_ABOVE", 50)
    from db.portfolio import Portfolio
    from db.store.changes import Create
    path = tmp_path / "big.sqlite"
    with Portfolio.open(path, create=True) as pf:
        pf.apply([Create("projects", {"name": f"项目{i:03d}", "category": "孵化载体"}) for i in range(120)])
        pid = pf.list("projects", fields=("name",))[5]["id"]
        pf.apply([Create("milestones", {"project_id": pid, "name": "节点", "planned_date": "2020-01-01"})])
    from desktop.app import build_window, make_app
    make_app()
    started = []
    real_start = project_register.start_early
    monkeypatch.setattr(project_register, "start_early", lambda *a: (started.append(a[0]), real_start(*a)))
    w = build_window(str(path), "zh", frame_first=True)
    assert w.isVisible() and started == ["register"]
    qtbot.waitUntil(lambda: len(w.register.rows()) == 120, timeout=10000)
    assert w.register.busy.text() == ""
    assert worker.take_early("register", w.pf) is None  # taken by the register's first load
    fresh = {r["id"]: r for r in register_rows.project_rows(w.pf)}
    assert {r["id"]: r for r in w.register.rows()} == fresh
    assert w.register.row(pid)["colour"] == colours.RED  # its milestone is overdue: coloured on the worker
    w.register.search.setText("项目11")  # the search texts came with the early rows
    assert w.register.list.model.rowCount() == 10
    kept = known_names.file()  # the names' 拼音 kept for the next start, written on the worker after the rows
    qtbot.waitUntil(kept.exists, timeout=10000)
    assert worker.wait_all(10000)
    assert {f"项目{i:03d}" for i in range(120)} <= set(json.loads(kept.read_text(encoding="utf-8"))["tokens"])
    from windows import close_window
    close_window(w)


def test_an_early_result_is_only_for_its_own_portfolio(qtbot):
    """A result started for one file is never given to another (nor twice)."""
    a, b = object(), object()
    worker.start_early("k", a, lambda: ["rows of a"])
    assert worker.take_early("k", b) is None  # another file: dropped, not kept for later
    assert worker.take_early("k", a) is None
    worker.start_early("k", a, lambda: ["rows of a"])
    taken = worker.take_early("k", a)
    assert worker.wait_all(5000) and taken() == ["rows of a"]
    assert worker.take_early("k", a) is None


def test_starting_the_window_parses_without_the_other_commands():
    """`kechuang`, `kechuang gui FILE` (with --lang anywhere) take the short parser; everything else, help
    included, the whole one — and the short one imports none of the other commands' modules."""
    from desktop import cli
    for argv in ([], ["gui"], ["gui", "f.sqlite"], ["--lang", "en"], ["--lang=en", "gui", "f"], ["gui", "--lang", "en"]):
        assert cli._starts_gui(argv), argv
    for argv in (["--help"], ["-h"], ["--smoke"], ["colours", "f"], ["--lang", "en", "dump", "f"], ["f.sqlite"]):
        assert not cli._starts_gui(argv), argv
    code = ("import sys; from desktop import cli; p = cli.build_parser(commands=False); "
            "a = p.parse_args(['--lang', 'en', 'gui', 'f.sqlite']); "
            "print(a.command, a.file, a.lang, sorted(m for m in sys.modules if m.startswith('desktop.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["gui", "f.sqlite", "en", "[]"]
    bad = subprocess.run([sys.executable, "-m", "desktop.cli", "gui", "a", "b"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1  # a usage error is still one line
