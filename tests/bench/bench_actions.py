"""Long work never freezes the window (issue #20): every long action the issue lists, started in the
real main window as a user starts it, with a heartbeat on the UI thread (bench_heartbeat.py) until
its result is shown. One figure per action, `ui_blocked_<action>`, target ≤ BLOCKED_MAX_MS of
UI-thread CPU time between two heartbeats (the wall gap, which on this shared machine also holds
other people's processes, is in the note). 导出表格 and the edits are measured in bench_edit.py.

Actions: 打印简报 (the PDF preview) and 另存为 Word, 导出调度表 (the busiest unit), 导出日历,
导入台账 (the wizard through reading, the preview and the import), 合并 (the check, then the merge
of a replica that changed 10%), 同步 (one round through an exchange folder bringing a unit's week
of edits), 打开 another portfolio file of the same size, and the first 总览/时间轴/指标 of the session."""
from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

from bench_heartbeat import BLOCKED_MAX_MS, Heartbeat, run_until
from bench_stats import figure

TIMEOUT_S = 1800


def _settle(app, seconds: float = 1.5) -> None:
    """Let the window finish what the previous step left queued (the screens' reloads on the worker,
    the register's search texts after its rows arrived…), so each figure holds its own action's cost."""
    from desktop.worker import pool
    run_until(app, lambda: pool().activeThreadCount() == 0, timeout_s=TIMEOUT_S)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
        time.sleep(0.01)


def _blocked(app, name: str, start, done, what: str, extra=None) -> dict:
    """Run start(), spin the event loop until done(); the figure for the longest UI-thread block."""
    _settle(app)
    t0, c0 = time.perf_counter(), time.thread_time()
    with Heartbeat() as hb:
        start()
        run_until(app, done, timeout_s=TIMEOUT_S)
        _settle(app, 0.5)  # what the action set off counts too (the screens reloading after a merge)
    wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
    note = (f"{what}: {wall:.1f} s wall, UI thread {cpu:.2f} s CPU; longest block {hb.max_gap_ms:.0f} ms CPU "
            f"(wall {hb.max_wall_gap_ms:.0f} ms; {hb.gc_note})" + (f"; {extra()}" if extra else ""))
    return figure(f"ui_blocked_{name}", hb.max_gap_ms, "ms", None, max_value=BLOCKED_MAX_MS, note=note)


def _unit_replica(office, folder: Path, work: Path) -> int:
    """A unit's copy of the portfolio with a week of edits, its changeset left in the folder."""
    from bench_sync import units_by_size, week_of_edits

    from db.exchange.folder import sync_folder
    from db.portfolio import Portfolio
    office.save_as(work / "unit.sqlite")  # the open window's file (it holds the lock)
    unit = units_by_size(office)[0]
    with Portfolio.open(work / "unit.sqlite") as pf:
        edited = week_of_edits(pf, unit, random.Random(3))
        sync_folder(pf, folder)
    return edited


def measure(base: Path, scale: str, work: Path, cache: Path, ledger_rows: int) -> list[dict]:
    """`base`: the generated portfolio in the cache (its merge replicas and ledger are cached beside it)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["KECHUANG_DATA_DIR"] = str(work / "actions-data")
    import bench_core
    import bench_docs

    from db.portfolio import Portfolio
    from desktop.app import build_window, make_app

    ours, theirs = bench_core.merge_pair(base, cache)  # two replicas that each changed 10% (cached)
    mine = work / "actions.sqlite"
    shutil.copyfile(ours, mine)
    other = work / "other.sqlite"
    shutil.copyfile(base, other)
    ledger = cache / f"{base.stem}-ledger-{ledger_rows}.xlsx"
    if not ledger.exists():
        with Portfolio.open(base, readonly=True) as pf:
            bench_docs.write_ledger(pf, ledger.with_suffix(".tmp.xlsx"), ledger_rows)
        ledger.with_suffix(".tmp.xlsx").replace(ledger)
    folder = work / "exchange"
    folder.mkdir()

    app = make_app()
    window = build_window(str(mine), "zh")
    window.resize(1360, 820)
    window.show()
    run_until(app, lambda: window.register.list.model.rowCount() > 0, timeout_s=TIMEOUT_S)
    edited = _unit_replica(window.pf, folder, work)  # the unit's copy starts from this very file
    pf = window.pf
    figures = []

    # 打印简报: the preview dialog builds the PDF on the worker; then 另存为 Word
    box: dict = {}

    def open_brief():  # as window.print_brief does (its libraries loaded on the worker first), shown modeless
        from desktop import first_use
        if first_use.load_then(first_use.BRIEF, open_brief):
            return
        from desktop.dialogs.brief_preview import BriefPreview
        box["brief"] = BriefPreview(window.session, window)
        box["brief"].show()
    figures.append(_blocked(app, "brief_pdf", open_brief, lambda: "brief" in box and box["brief"].brief is not None,
                            "打印简报 (preview built)", lambda: f"{box['brief'].brief.pages} pages"))
    docx = work / "brief.docx"
    figures.append(_blocked(app, "brief_docx", lambda: box["brief"].save_file(docx, "docx"),
                            lambda: docx.exists() and not box["brief"].saver._jobs, "另存为 Word",
                            lambda: f"{docx.stat().st_size // 1024} KB"))
    box["brief"].close()
    box["brief"].deleteLater()

    # 导出调度表 (the busiest unit), 导出日历: on the worker lane with a progress dialog
    unit_name = bench_core.busiest_unit(pf)[0]
    template = work / "template.xlsx"
    figures.append(_blocked(app, "template", lambda: window.sheets.export_template(unit_name, template),
                            lambda: window.sheets.task.finished, f"导出调度表 ({unit_name})"))
    ics = work / "calendar.ics"
    figures.append(_blocked(app, "ics", lambda: window.sheets.export_calendar(ics),
                            lambda: window.sheets.task.finished, "导出日历",
                            lambda: f"{ics.stat().st_size // 1024} KB"))

    # 导入台账: the wizard reads the ledger, maps, previews and imports (each page as the user clicks 下一步)
    from PySide6.QtWidgets import QWizard

    from desktop.dialogs import import_wizard as iw

    def open_wizard():
        box["wizard"] = window.sheets.import_ledger(ledger)

    def wizard_at(page):
        wiz = box["wizard"]
        if wiz.currentId() == page:
            return True
        if (wiz.task is None or wiz.task.finished) and wiz.button(QWizard.NextButton).isEnabled():
            wiz.next()
        return wiz.currentId() == page
    figures.append(_blocked(app, "import_read", open_wizard, lambda: wizard_at(iw.PREVIEW),
                            f"导入台账 ({ledger_rows} rows) read, mapped, preview shown"))
    figures.append(_blocked(app, "import_apply", lambda: None, lambda: wizard_at(iw.DONE), "导入台账 imported",
                            lambda: f"{len(box['wizard'].plan.adds)} added, {len(box['wizard'].plan.updates)} updated"))
    box["wizard"].close()
    box["wizard"].deleteLater()

    # 合并: the check, then the merge, of a replica that changed 10% (on the worker)
    from desktop.dialogs.merge import MergeDialog

    def open_merge():
        box["merge"] = MergeDialog(window.session, theirs, window)
        box["merge"].start()
        box["merge"].show()
    figures.append(_blocked(app, "merge_check", open_merge, lambda: box["merge"].merge_button.isEnabled(),
                            "合并 checked (what would change shown)"))
    figures.append(_blocked(app, "merge", lambda: box["merge"].do_merge(),
                            lambda: getattr(box["merge"], "result_plan", None) is not None, "合并 written and shown",
                            lambda: str(box["merge"].result_plan.totals())))
    box["merge"].close()
    box["merge"].deleteLater()

    # 同步: one round through an exchange folder holding a unit's week of edits
    from db.exchange import sync_settings
    window.session.op(lambda p: sync_settings.set_where(p, str(folder), ""), parent=window).run()
    def synced():  # and the conflict list shown, when the round brought conflicts
        report = window.sync.last_report
        return not window.sync.running and (
            report is None or not report.conflicts or window.sync.conflicts_dialog is not None)
    figures.append(_blocked(app, "sync", window.sync.sync, synced,
                            f"同步 (a unit's {edited} edits merged)", lambda: window.sync.last_message[:80]))

    # 打开 another file of the same size: its rows shown in the register
    def reopen():
        box["rows"] = window.register.list.all_rows
        window.open_path(other)
    figures.append(_blocked(app, "open", reopen, lambda: window.pf.path == other and bool(window.register.list.all_rows)
                            and window.register.list.all_rows is not box["rows"], "打开 a portfolio of the same size",
                            lambda: f"{len(window.register.list.all_rows)} rows"))

    # the first 总览, 时间轴 and 指标 of the session: each screen built when first shown (its chart library
    # loaded on the worker after the start), the 总览 until its figures are shown
    order = [window.screens.index(window.pages[name]) for name in ("overview", "timeline", "indicators")]

    def charts_shown():
        row = window.nav.currentRow()
        if row == order[0] and (window.overview.figures is None or getattr(window.overview, "applying", False)):
            return False
        if row != order[-1]:
            window.nav.setCurrentRow(order[order.index(row) + 1])
            return False
        return True
    figures.append(_blocked(app, "charts", lambda: window.nav.setCurrentRow(order[0]), charts_shown,
                            "first 总览, 时间轴, 指标 shown"))
    window.close()
    window.deleteLater()
    app.processEvents()
    return figures
