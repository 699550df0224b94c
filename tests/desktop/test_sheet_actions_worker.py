"""Issue #21 finding 9: Excel and calendar exports run on the worker with progress and cancel;
the window is never frozen while they run."""
import threading

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from db.documents import ics
from db.sheets import export as sheet_export


def _blocking(monkeypatch, module, name):
    """Make module.name wait (on the worker) until the test lets it go; records its thread."""
    started, release, threads = threading.Event(), threading.Event(), []
    real = getattr(module, name)

    def slow(*args, **kwargs):
        threads.append(threading.current_thread())
        started.set()
        release.wait(20)
        return real(*args, **kwargs)
    monkeypatch.setattr(module, name, slow)
    return started, release, threads


def test_export_tables_runs_on_the_worker_with_progress(window, tmp_path, monkeypatch):
    started, release, threads = _blocking(monkeypatch, sheet_export, "write_tables")
    target = tmp_path / "t.xlsx"
    task = window.sheets.export_tables(target)
    assert started.wait(10)  # the job is running and the UI thread is free: we are here
    assert threads[0] is not threading.main_thread()
    assert isinstance(task.dialog, QProgressDialog) and task.dialog.labelText().startswith("正在导出表格")
    QApplication.processEvents()  # the window still handles events
    release.set()
    task.wait()
    assert target.exists() and "已导出表格" in window.statusBar().currentMessage()


def test_cancel_leaves_no_file(window, tmp_path, monkeypatch):
    gate = threading.Event()
    real = sheet_export.TABLES["projects"]

    def slow_table(pf):
        gate.wait(20)
        return real(pf)
    monkeypatch.setitem(sheet_export.TABLES, "projects", slow_table)
    target = tmp_path / "t.xlsx"
    task = window.sheets.export_tables(target)
    task.dialog.findChild(QPushButton).click()  # the user presses 取消 while the first table is read
    gate.set()
    task.wait()
    assert task.finished and not target.exists()
    assert not list(tmp_path.glob("*.xlsx*"))
    assert "已取消导出表格" in window.statusBar().currentMessage()


def test_calendar_and_template_also_run_on_the_worker(window, tmp_path, monkeypatch):
    started, release, threads = _blocking(monkeypatch, ics, "write")
    task = window.sheets.export_calendar(tmp_path / "m.ics")
    assert started.wait(10) and threads[0] is not threading.main_thread()
    release.set()
    task.wait()
    assert (tmp_path / "m.ics").exists()
    from db.sheets import template_export
    started, release, threads = _blocking(monkeypatch, template_export, "write_template")
    task = window.sheets.export_template("区科技局", tmp_path / "d.xlsx")
    assert started.wait(10) and threads[0] is not threading.main_thread()
    release.set()
    task.wait()
    assert (tmp_path / "d.xlsx").exists()


def test_large_ledger_is_read_on_the_worker_and_the_wizard_moves_on(window, tmp_path, monkeypatch):
    from test_import_wizard import ledger

    from desktop.dialogs import import_wizard
    monkeypatch.setattr(import_wizard, "ASYNC_ABOVE_BYTES", 0)  # every file counts as large
    started, release, threads = _blocking(monkeypatch, import_wizard.importer, "analyse")
    wizard = window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx"))
    wizard.next()
    assert started.wait(10) and threads[0] is not threading.main_thread()
    assert wizard.currentId() == import_wizard.FILE  # still reading: the page waits, the window is live
    assert wizard.task.dialog.labelText().startswith("正在读取")
    release.set()
    wizard.task.wait()
    assert wizard.currentId() == import_wizard.MAPPING and wizard.plan is not None
    wizard.reject()


def test_cancelled_ledger_read_stays_on_the_page(window, tmp_path, monkeypatch):
    from test_import_wizard import ledger

    from desktop.dialogs import import_wizard
    monkeypatch.setattr(import_wizard, "ASYNC_ABOVE_BYTES", 0)
    started, release, _ = _blocking(monkeypatch, import_wizard.importer, "analyse")
    wizard = window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx"))
    wizard.next()
    assert started.wait(10)
    wizard.task.dialog.findChild(QPushButton).click()
    assert not wizard.task.dialog.isVisible()
    release.set()
    wizard.task.wait()
    assert wizard.currentId() == import_wizard.FILE and wizard.plan is None
    wizard.reject()
