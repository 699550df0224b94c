"""同步 in the window (issue #19): settings per portfolio (no password stored), a round on the
worker lane through the exchange folder, conflicts → the conflict list, the hub down → one line
and work goes on, and the export dialog's changeset option."""
import json
import sqlite3
import time

from PySide6.QtWidgets import QDialog

from db.builtin import builtin_id
from db.exchange import sync_settings
from db.exchange.folder import sync_folder
from db.portfolio import Portfolio

FACILITY = builtin_id("000-p-5-1")


def a_unit(window, tmp_path) -> Portfolio:
    """A unit's replica of the window's portfolio (its own site id)."""
    window.pf.save_as(tmp_path / "unit.sqlite")
    return Portfolio.open(tmp_path / "unit.sqlite")


def run_sync(window, qtbot) -> str:
    window.sync.act_sync.trigger()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    return window.sync.last_message


def settings_dialog(window):
    from desktop.dialogs.sync_settings import SyncSettingsDialog
    return SyncSettingsDialog(window.session, window)


def test_sync_settings_refuse_a_password_and_stay_home(window, tmp_path, shots_dir):
    dialog = settings_dialog(window)
    dialog.hub.setText("postgresql://unit_a:secret@hub.example/kechuang")
    dialog.save()
    assert not dialog.error.isHidden() and "密码" in dialog.error.text()
    assert sync_settings.where(window.pf) == {"folder": "", "hub": ""}
    dialog.folder.setText(str(tmp_path / "share"))
    dialog.hub.setText("postgresql://unit_a@hub.example/kechuang")
    dialog.show()
    dialog.grab().save(str(shots_dir / "sync_settings.png"))
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    assert sync_settings.where(window.pf) == {"folder": str(tmp_path / "share"),
                                              "hub": "postgresql://unit_a@hub.example/kechuang"}
    from db.exchange.export import export
    export(window.pf, tmp_path / "out.sqlite")  # the settings never travel
    conn = sqlite3.connect(tmp_path / "out.sqlite")
    assert conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'sync.%'").fetchone()[0] == 0
    conn.close()


def test_sync_through_the_folder_merges_in_the_background_and_refreshes(window, qtbot, tmp_path, shots_dir):
    share = tmp_path / "share"
    share.mkdir()
    unit = a_unit(window, tmp_path)
    unit.update("projects", FACILITY, {"notes": "单位本周进展"})
    sync_folder(unit, share)
    sync_settings.set_where(window.pf, str(share), "")
    assert window.sync.act_sync in window.toolbar.actions()
    assert window.sync.act_sync.shortcut().toString() == "F9"
    heard = []
    window.session.changed.connect(heard.append)
    message = run_sync(window, qtbot)
    assert "合并 1 个" in message and "更新 1" in message, message
    assert window.pf.get("projects", FACILITY)["notes"] == "单位本周进展"
    assert heard and heard[-1].everything  # the window and every screen refreshed
    window.grab().save(str(shots_dir / "sync_done.png"))
    sync_folder(unit, share)  # the unit gets nothing new: it had everything
    assert "合并 0 个" in run_sync(window, qtbot)  # and a second round merges nothing
    unit.close()


def test_concurrent_edits_open_the_conflict_list(window, qtbot, tmp_path, shots_dir):
    share = tmp_path / "share"
    share.mkdir()
    unit = a_unit(window, tmp_path)
    window.pf.update("projects", FACILITY, {"zone": "办公室片区"})
    time.sleep(0.003)
    unit.update("projects", FACILITY, {"zone": "单位片区"})
    sync_folder(unit, share)
    sync_settings.set_where(window.pf, str(share), "")
    assert "冲突 1" in run_sync(window, qtbot)
    qtbot.waitUntil(lambda: window.sync.conflicts_dialog is not None)  # the list is read on the worker
    dialog = window.sync.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert [(r["winner"], r["loser"]) for r in dialog.model.rows] == [("单位片区", "办公室片区")]
    dialog.grab().save(str(shots_dir / "sync_conflicts.png"))
    dialog.close()
    unit.close()


def test_the_hub_down_is_one_line_and_work_goes_on(window, qtbot):
    sync_settings.set_where(window.pf, "", "postgresql://nobody@127.0.0.1:9/none")
    message = run_sync(window, qtbot)
    assert "同步中心暂时无法连接" in message and "\n" not in message
    assert window.sync.act_sync.isEnabled()
    window.session.do(window.pf.setting_ops("colour_thresholds", {"due_soon_days": 9}), "离线修改", window)
    assert window.pf.setting("colour_thresholds")["due_soon_days"] == 9


def test_a_missing_folder_is_one_line(window, qtbot, tmp_path):
    sync_settings.set_where(window.pf, str(tmp_path / "nowhere"), "")
    message = run_sync(window, qtbot)
    assert "同步未完成" in message and "nowhere" in message


def test_export_dialog_writes_only_what_the_peer_has_not_confirmed(window, tmp_path):
    from db.exchange.export import export
    from db.exchange.merge import merge
    from desktop.dialogs.exchange import ExportDialog
    unit = a_unit(window, tmp_path)
    export(unit, tmp_path / "from-unit.sqlite")
    unit.close()
    merge(window.pf, tmp_path / "from-unit.sqlite")  # now the window knows what the unit has
    window.pf.update("projects", FACILITY, {"notes": "只发变更"})
    dialog = ExportDialog(window.session, window)
    assert dialog.by_peer.isEnabled() and dialog.peer.count() == 1
    assert "from-unit.sqlite" in dialog.peer.currentText()
    dialog.by_peer.setChecked(True)
    dialog.save(tmp_path / "changes.sqlite")
    whole = tmp_path / "whole.sqlite"
    export(window.pf, whole)
    conn = sqlite3.connect(tmp_path / "changes.sqlite")
    manifest = dict(conn.execute("SELECT key, value FROM manifest"))
    conn.close()
    assert json.loads(manifest["changeset"])["changed"] == 1
    assert (tmp_path / "changes.sqlite").stat().st_size < whole.stat().st_size / 2


def test_sync_through_a_real_hub(window, qtbot, tmp_path):
    """The office's window and a unit through a real PostgreSQL hub (the URL from 同步设置)."""
    import sys
    from pathlib import Path

    import pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "exchange"))
    from pg_server import Server, binaries

    from db.exchange.hub import grant_hub, init_hub, sync_hub
    if binaries() is None:
        pytest.skip("PostgreSQL is not installed on this machine (apt-get install postgresql)")
    server = Server().start()
    try:
        for role in ("office", "unit_a"):
            server.sql(f"CREATE ROLE {role} LOGIN")
        admin = server.url()
        init_hub(admin)
        unit = a_unit(window, tmp_path)
        led = next(p for p in window.pf.list("projects") if p["lead_unit_id"])
        grant_hub(admin, "office", [], True)
        grant_hub(admin, "unit_a", [led["lead_unit_id"]], False)
        sync_settings.set_where(window.pf, "", server.url(user="office"))
        assert "同步完成" in run_sync(window, qtbot)  # the office's first push: its whole portfolio
        unit.update("projects", led["id"], {"notes": "经同步中心"})
        assert sync_hub(unit, server.url(user="unit_a")).sent
        message = run_sync(window, qtbot)
        assert "合并 1 个" in message, message
        assert window.pf.get("projects", led["id"])["notes"] == "经同步中心"
        unit.close()
    finally:
        server.cleanup()
