"""Figure 2: filter-as-you-type, per keystroke (p50, p95), in the project register of the real
main window and in the filtered table (the widget of the challenge list) fed every milestone (100,000 rows at city scale).

A keystroke is `QLineEdit.insert(ch)` (or `backspace()`) plus the event processing that
follows (filtering, relayout, repaint of the visible rows). Each query is typed one character
at a time and then deleted one character at a time. The baseline is a plain Python substring
scan, per keystroke, over the same rows' text (joined once beforehand). Each figure notes in how
many keystrokes the table's rows were repainted within the time measured.

`filter_repaint`: the register's rows repainted whole, against the same-run floor of Qt's own
painting — a bare QTableView of plain strings (trivial model) as large, with as many rows and columns.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from bench_stats import figure, percentile

REGISTER_QUERIES = ("量子", "人工智能", "滨江", "中心", "KC2024", "建设 研究院")
MILESTONE_QUERIES = ("主体结构", "江海", "2026-0", "进行中", "验收报告")
BUDGET_S = 90.0  # per table: a slow filter is measured on fewer keystrokes, not for an hour


def _keystrokes(queries, rounds: int):
    """(action, char) steps: type each query, then delete it, `rounds` times."""
    for _ in range(rounds):
        for q in queries:
            for ch in q:
                yield "type", ch
            for _ in q:
                yield "back", None


def _type(app, line_edit, queries, rounds: int, table=None) -> tuple[list[float], list[str], list[float], int]:
    """Per keystroke: the wall clock, the text then, and the UI thread's CPU time; and in how many
    keystrokes `table`'s rows were repainted within the time measured (the repaint is part of it)."""
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        count = 0

        def eventFilter(self, _obj, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Paint:
                self.count += 1
            return False
    painted, repainted = Painted(), 0
    if table is not None:
        table.viewport().installEventFilter(painted)
    lat, texts, cpu = [], [], []
    start = time.perf_counter()
    for action, ch in _keystrokes(queries, rounds):
        before = painted.count
        t0, c0 = time.perf_counter(), time.thread_time()
        line_edit.insert(ch) if action == "type" else line_edit.backspace()
        app.processEvents()
        lat.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        repainted += painted.count > before
        texts.append(line_edit.text())
        if time.perf_counter() - start > BUDGET_S and not line_edit.text():
            break
    if table is not None:
        table.viewport().removeEventFilter(painted)
    return lat, texts, cpu, repainted


def _scan(blobs: list[str], texts: list[str], split_terms: bool, clock=time.perf_counter) -> list[float]:
    lat = []
    for text in texts:
        t0 = clock()
        terms = text.lower().split() if split_terms else [text.strip().lower()]
        if len(terms) == 1 and terms[0]:
            term = terms[0]
            [b for b in blobs if term in b]
        elif any(terms):
            [b for b in blobs if all(t in b for t in terms)]
        lat.append(clock() - t0)
    return lat


def repaints(app, view, repeat: int = 60) -> tuple[list[float], list[float]]:
    """Wall and UI-thread CPU seconds per repaint of `view`'s rows (its viewport, and what lies over it)."""
    lat, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.thread_time()
        view.viewport().update()
        app.processEvents()
        lat.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    return lat, cpu


def bare_repaint(app, rows: int, columns: int, size, repeat: int = 60) -> tuple[list[float], list[float]]:
    """The physical floor of a keystroke's repaint: a QTableView (Qt's own item painting) of plain
    strings from a trivial model, as large and with as many rows and columns in view as the table
    measured, repainted whole (wall seconds, UI-thread CPU seconds per repaint)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QTableView

    cells = [[f"北湖创新中心 {r}-{c}" for c in range(columns)] for r in range(rows)]
    display = Qt.ItemDataRole.DisplayRole  # looked up once: PySide's enum lookups cost microseconds

    class Plain(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            return rows

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            return columns

        def data(self, index, role=display):
            return cells[index.row()][index.column()] if role == display else None

    view = QTableView()
    model = Plain(view)
    view.setModel(model)
    view.resize(size)
    view.verticalHeader().setDefaultSectionSize(max(view.viewport().height() // max(rows, 1), 1))
    view.horizontalHeader().setDefaultSectionSize(max(view.viewport().width() // max(columns, 1), 1))
    view.show()
    app.processEvents()
    lat, cpu = repaints(app, view, repeat)
    view.close()
    view.deleteLater()
    return lat, cpu


def _repaint_figure(app, table) -> dict:
    """The register's rows repainted (p50) against the same-run floor: a bare QTableView of plain
    strings of the same size, rows and columns in view (Qt's own painting, a trivial model)."""
    rows = max(table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1, 1)
    columns = sum(not table.isColumnHidden(c) for c in range(table.model().columnCount()))
    ours, ours_cpu = repaints(app, table)
    bare, bare_cpu = bare_repaint(app, rows, columns, table.size())
    ms = lambda xs: percentile([x * 1000 for x in xs], 50)  # noqa: E731
    return figure("filter_repaint", ms(ours), "ms", ms(bare), note=f"register rows repainted, {rows}×{columns} cells (p50)",
                  baseline_note="bare QTableView of plain strings, same size, rows and columns (Qt's painting)",
                  cpu=ms(ours_cpu), baseline_cpu=ms(bare_cpu))


def milestone_rows(pf) -> list[dict]:
    """Every milestone as the rows of a generic list: date, name, project/team, unit, status…"""
    projects = {p["id"]: p["name"] for p in pf.list("projects")}
    teams = {t["id"]: t["name"] for t in pf.list("teams")}
    units = {u["id"]: u["name"] for u in pf.list("units")}
    return [{"id": m["id"], "planned_date": m["planned_date"] or "", "name": m["name"],
             "owner": projects.get(m["project_id"]) or teams.get(m["team_id"]) or "",
             "unit": units.get(m["owner_unit_id"], ""), "status": m["status"] or "",
             "actual_date": m["actual_date"] or "", "deliverable": m["deliverable"] or ""}
            for m in pf.list("milestones")]


def _figures(name: str, lat: list[float], base: list[float], what: str, cpu: list[float],
             base_cpu: list[float]) -> list[dict]:
    """p50 and p95 of the wall clock, with the UI thread's CPU time beside them (`cpu`)."""
    ms, bms = [x * 1000 for x in lat], [x * 1000 for x in base]
    cms, bcms = [x * 1000 for x in cpu], [x * 1000 for x in base_cpu]
    note = f"{len(ms)} keystrokes, {what}"
    return [figure(f"{name}_p{q}", percentile(ms, q), "ms", percentile(bms, q), max_value=50.0, note=note,
                   baseline_note="plain Python substring scan of the same rows' text",
                   cpu=percentile(cms, q), baseline_cpu=percentile(bcms, q)) for q in (50, 95)]


def measure(path: Path, rounds: int, work: Path) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KECHUANG_DATA_DIR"] = str(work / "filter-data")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from db.rows.register import SEARCH_KEYS
    from desktop.app import build_window, make_app
    from desktop.widgets.filtered_table import FilteredTable
    from desktop.widgets.record_table import Column

    app = make_app()
    window = build_window(str(path), "zh")
    window.resize(1360, 820)
    window.show()
    deadline = time.perf_counter() + 300
    while len(window.register.rows()) == 0 and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.AllEvents, 20)
    app.processEvents()
    reg = window.register
    n_projects = len(reg.rows())
    lat, texts, cpu, repainted = _type(app, reg.search, REGISTER_QUERIES, rounds, reg.table)
    repaint = _repaint_figure(app, reg.table)
    blobs = [" ".join(str(r.get(k) or "") for k in SEARCH_KEYS).lower() for r in reg.rows()]
    out = _figures("filter_register", lat, _scan(blobs, texts, True),
                   f"{n_projects} projects, table repainted in {repainted} of them", cpu,
                   _scan(blobs, texts, True, time.thread_time))

    columns = [Column("planned_date", "计划日期", "date", width=90), Column("name", "里程碑", width=220),
               Column("owner", "所属项目/揭榜方", width=260), Column("unit", "责任单位", width=160),
               Column("status", "状态", width=70), Column("actual_date", "实际完成", "date", width=90),
               Column("deliverable", "交付成果", width=140)]
    rows = milestone_rows(window.pf)
    table = FilteredTable(columns, lambda _pf: rows, lambda n: f"{n} 个里程碑")
    table.resize(1360, 820)
    table.show()
    table.set_portfolio(window.pf)
    app.processEvents()
    lat, texts, cpu, repainted = _type(app, table.search, MILESTONE_QUERIES, rounds, table.table)
    blobs = [" ".join(str(r[c.key]) for c in columns).lower() for r in rows]
    out += _figures("filter_milestones", lat, _scan(blobs, texts, False),
                    f"{len(rows)} milestone rows, table repainted in {repainted} of them", cpu,
                    _scan(blobs, texts, False, time.thread_time))
    table.close()
    table.deleteLater()
    out.append(repaint)
    window.close()
    window.deleteLater()
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QApplication.processEvents()
    return out
