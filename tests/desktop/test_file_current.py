"""Issue #21 finding 6: the .sqlite file on disk holds every saved edit while the app is open
(checkpointed off the UI thread when idle), and a clean exit leaves no .lock behind."""
import shutil
from pathlib import Path

from windows import close_window

from db.portfolio import Portfolio
from db.store.changes import Create
from desktop.worker import wait_all


def test_copied_file_has_every_saved_edit(window, qtbot, tmp_path):
    pf, session = window.pf, window.session
    pid = pf.list("projects")[0]["id"]
    mid = session.do([Create("milestones", {"project_id": pid, "name": "复制文件也带着的节点",
                                            "planned_date": "2030-06-30"})], "add").records[0].id
    wal = Path(str(pf.path) + "-wal")

    def checkpointed():
        wait_all()
        assert not wal.exists() or wal.stat().st_size == 0
    qtbot.waitUntil(checkpointed, timeout=10000)
    copy = tmp_path / "copied" / "portfolio.sqlite"  # only the main file, as a user copies it
    copy.parent.mkdir()
    shutil.copyfile(pf.path, copy)
    with Portfolio.open(copy, readonly=True) as sent:
        assert sent.get("milestones", mid) is not None


def test_checkpoint_runs_on_the_worker_not_the_ui_thread(window, qtbot, monkeypatch):
    import threading
    threads = []
    original = type(window.pf).checkpoint
    monkeypatch.setattr(type(window.pf), "checkpoint",
                        lambda self: threads.append(threading.current_thread()) or original(self))
    pid = window.pf.list("projects")[0]["id"]
    window.session.do([Create("milestones", {"project_id": pid, "name": "节点", "planned_date": "2030-06-30"})], "add")
    qtbot.waitUntil(lambda: bool(threads), timeout=10000)
    assert threads[0] is not threading.main_thread()


def test_clean_exit_removes_the_lock_file(qtbot, builtin_file):
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(str(builtin_file), "zh")
    lock = Path(str(builtin_file) + ".lock")
    assert lock.exists()
    close_window(w)
    assert not lock.exists()
    with Portfolio.open(builtin_file) as pf:  # and the file opens again for writing
        assert not pf.readonly
    assert not lock.exists()
