"""Issue #20 figures of the spreadsheet and calendar exports, each against the library doing the
bare job on the same content, timed as CPU time of this process (on a shared 2-core machine the
wall clock mostly measures the neighbours; both are single-threaded, so CPU time is their work):

- xlsx_export_all: 文件 → 导出表格 (db.sheets.export.write_tables, every table, reading included)
  vs openpyxl write-only writing the same typed cells (values converted beforehand, no styles);
- template_one_unit: 导出调度表 for the busiest unit (wall clock, target ≤ 1 s);
- ics_all: 导出日历 (db.documents.ics.write, every milestone) vs the icalendar library writing the
  same events (the events' properties computed beforehand).
"""
from __future__ import annotations

import time
from pathlib import Path

from bench_stats import figure, median


def cpu(fn, repeat: int) -> tuple[list[float], list[float]]:
    """(CPU seconds, wall seconds) per run."""
    import gc
    c, w = [], []
    for _ in range(max(repeat, 1)):
        gc.collect()
        t0, w0 = time.process_time(), time.perf_counter()
        fn()
        c.append(time.process_time() - t0)
        w.append(time.perf_counter() - w0)
    return c, w


def openpyxl_plain(tables: dict, path: Path) -> None:
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    for name, rows in tables.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def export_figures(pf, repeat: int, work: Path) -> list[dict]:
    from db import colours
    from db.sheets import style
    from db.sheets.export import write_tables
    from db.sheets.tables import TABLES
    cs = colours.all_colours(pf)
    typed, cells = {}, 0
    for kind, fn in TABLES.items():
        cols, rows = fn(pf, cs)
        typed[kind] = [[c.header] for c in cols[:1]] + [
            [style.cell_value(c.type, None if (v := r.get(c.key)) in ([], "") else v) for c in cols] for r in rows]
        cells += sum(1 for r in typed[kind] for v in r if v is not None)
    ours, ours_wall = cpu(lambda: write_tables(pf, work / "tables.xlsx"), repeat)
    base, base_wall = cpu(lambda: openpyxl_plain(typed, work / "plain.xlsx"), repeat)
    n_rows = sum(len(r) - 1 for r in typed.values())
    return [figure("xlsx_export_all", median(ours), "s", median(base), max_ratio=1.5, samples=ours,
                   note=f"{n_rows} rows, {cells} non-empty cells, CPU time; wall {median(ours_wall):.1f} s "
                        f"vs {median(base_wall):.1f} s",
                   baseline_note="openpyxl write-only, the same typed cells, no styles (CPU time)")]


def template_figures(pf, repeat: int, work: Path, unit_name: str) -> list[dict]:
    from db.sheets.template_export import write_template
    info = {}

    def run():
        info.update(write_template(pf, work / "template.xlsx", unit_name))
    ours, wall = cpu(run, repeat)
    from openpyxl import load_workbook
    wb = load_workbook(work / "template.xlsx", read_only=True)
    grid = [list(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]
    wb.close()
    base, _ = cpu(lambda: openpyxl_plain({"t": grid}, work / "plain-template.xlsx"), repeat)
    return [figure("template_one_unit", median(wall), "s", median(base), max_value=1.0, samples=wall,
                   note=f"{unit_name}: {info.get('projects')} projects, {info.get('milestones')} milestones "
                        f"(wall clock; CPU {median(ours):.2f} s)",
                   baseline_note="openpyxl write-only of the same grid of values (CPU time)")]


def ics_figures(pf, repeat: int, work: Path) -> list[dict]:
    from db.documents import ics
    events = ics.events(pf)

    def with_icalendar() -> None:
        import icalendar
        cal = icalendar.Calendar()
        cal.add("prodid", ics.PRODID)
        cal.add("version", "2.0")
        for e in events:
            ev = icalendar.Event()
            ev.add("uid", e["uid"])
            ev.add("dtstart", e["start"])
            ev.add("dtend", e["end"])
            ev.add("sequence", e["sequence"])
            ev.add("summary", e["summary"])
            ev.add("description", e["description"])
            ev.add("categories", e["categories"])
            ev.add("color", e["colour"])
            ev.add("status", "CANCELLED" if e["cancelled"] else "CONFIRMED")
            cal.add_component(ev)
        (work / "plain.ics").write_bytes(cal.to_ical())
    try:
        import icalendar  # noqa: F401
    except ImportError as exc:
        from bench_stats import unavailable
        return [unavailable("ics_all", "s", f"not available ({exc})", max_ratio=1.5)]
    ours, wall = cpu(lambda: ics.write(pf, work / "all.ics"), repeat)
    base, _ = cpu(with_icalendar, repeat)
    return [figure("ics_all", median(ours), "s", median(base), max_ratio=1.5, samples=ours,
                   note=f"{len(events)} events, CPU time (wall {median(wall):.1f} s), reading and colours included",
                   baseline_note="icalendar library writing the same events, computed beforehand (CPU time)")]
