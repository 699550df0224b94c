"""Every way of changing the portfolio reaches the window through the session's one `changed`
signal: after a merge, after restoring a backup and after undoing a merge (the last two on the
worker lane, like the merge), the title bar's counts and the register follow."""
import time

from PySide6.QtWidgets import QMessageBox

from db import builtin
from db.builtin import builtin_id
from db.exchange.export import export
from db.portfolio import Portfolio
from db.store import records
from db.store.changes import Update
from desktop.dialogs.backups import BackupsDialog
from desktop.dialogs.exchange import HistoryDialog
from desktop.dialogs.merge import MergeDialog

FACILITY = builtin_id("000-p-5-1")


def received_file(tmp_path):
    path = tmp_path / "colleague.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
        pf.create("projects", {"name": "对方新增项目甲"})
        pf.create("projects", {"name": "对方新增项目乙"})
        pf.update("projects", FACILITY, {"name": "对方改名的装置"})
        out = tmp_path / "from-colleague.sqlite"
        export(pf, out)
    return out


def shown(window) -> tuple[str, str, list[str]]:
    return window.windowTitle(), window.statusBar().currentMessage(), sorted(r["name"] for r in window.register.rows())


def test_merge_and_restore_update_title_counts_and_register(window, tmp_path, qtbot, monkeypatch):
    n = window.pf.count("projects")
    title, status, names = shown(window)
    assert f"{n} 个项目" in status and window.pf.path.name in title
    window.session.do([Update("projects", FACILITY, {"notes": "合并前的修改"})], "edit")
    assert window.session.undo_stack.count() == 1
    heard = []
    window.session.changed.connect(heard.append)

    time.sleep(0.003)
    dialog = MergeDialog(window.session, received_file(tmp_path), window)
    assert dialog.preview()
    dialog.do_merge()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.result_plan is not None)
    assert heard and heard[-1].everything  # the merge said so on the one channel
    title, status, merged = shown(window)
    assert f"{n + 2} 个项目" in status and window.pf.path.name in title
    assert {"对方新增项目甲", "对方新增项目乙", "对方改名的装置"} <= set(merged)
    assert len(window.register.rows()) == n + 2
    assert window.session.undo_stack.count() == 0  # edits before a whole-file change are not replayable

    backups = BackupsDialog(window.session, window)
    row = next(i for i, r in enumerate(backups.model.rows) if r["path"] == dialog.result_plan.backup)
    backups.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    heard.clear()
    backups.restore_selected()
    # off the UI thread: nothing is heard until the worker is done and the event loop runs
    assert heard == [] and not backups.restore_button.isEnabled() and backups.busy
    backups.wait()
    qtbot.waitUntil(lambda: backups.chosen is not None)
    assert backups.restore_button.isEnabled() and not backups.busy
    assert len(heard) == 1 and heard[-1].everything
    title, status, restored = shown(window)
    assert f"{n} 个项目" in status and window.pf.path.name in title
    assert "对方新增项目甲" not in restored and "对方改名的装置" not in restored
    assert len(window.register.rows()) == n
    assert window.pf.get("projects", FACILITY)["notes"] == "合并前的修改"


def test_undo_merge_runs_in_the_background_and_the_window_follows(window, tmp_path, qtbot, monkeypatch):
    n = window.pf.count("projects")
    dialog = MergeDialog(window.session, received_file(tmp_path), window)
    assert dialog.preview()
    dialog.do_merge()
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.result_plan is not None)
    window.register.search.setText("对方新增项目")
    assert sorted(r["name"] for r in window.register.list.visible_rows()) == ["对方新增项目乙", "对方新增项目甲"]
    assert f"{n + 2} 个项目" in shown(window)[1]

    heard = []
    window.session.changed.connect(heard.append)
    history = HistoryDialog(window.session, window)
    assert history.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    history.undo_latest()
    assert heard == [] and not history.undo_button.isEnabled() and not history.close_box.isEnabled()
    history.reject()  # refused while the op is under way: the dialog waits for it
    assert history.busy
    history.wait()
    qtbot.waitUntil(lambda: history.undone)
    assert len(heard) == 1 and heard[0].everything
    title, status, names = shown(window)
    assert f"{n} 个项目" in status and window.pf.path.name in title
    assert "对方新增项目甲" not in names and len(names) == n
    assert window.register.list.visible_rows() == []  # the search still applies, to the file as restored
    assert window.register.count_label.text() == "0 个项目"
    assert history.model.rowCount() == 0  # the merge is no longer in the restored file's history


def test_an_edit_recomputes_only_the_rows_it_touches(window):
    rows_before = {r["id"]: r for r in window.register.rows()}
    target = window.pf.list("milestones", project_id=records.NOT_NULL)[0]
    window.session.do([Update("milestones", target["id"], {"name": "改名的节点"})], "edit")
    after = {r["id"]: r for r in window.register.rows()}
    assert after.keys() == rows_before.keys()
    changed = [pid for pid in after if after[pid] is not rows_before[pid]]
    assert changed == [target["project_id"]]  # the other rows are the very same objects: not computed again


def test_a_broken_backup_is_refused_and_the_dialog_stays_usable(window, qtbot, monkeypatch):
    """Restoring runs on the worker lane: a backup that is not a portfolio is one clear message,
    the portfolio is unchanged, nothing is heard, and the dialog's buttons work again."""
    folder = window.pf.path.with_name(window.pf.path.name + ".backups")
    folder.mkdir(exist_ok=True)
    broken = folder / f"{window.pf.path.stem}-before-merge-20260101-000000-000000.sqlite"
    broken.write_bytes(b"not a database " * 200)
    before = window.pf.dump()
    heard, warnings = [], []
    window.session.changed.connect(heard.append)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = BackupsDialog(window.session, window)
    dialog.table.selectRow(next(i for i, r in enumerate(dialog.model.rows) if r["path"] == broken))
    dialog.restore_selected(confirm=False)
    dialog.wait()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(warnings) == 1 and broken.name in warnings[0]
    assert heard == [] and dialog.chosen is None and window.pf.dump() == before
    assert dialog.restore_button.isEnabled() and dialog.close_box.isEnabled()
