"""The hub's password asked at 同步 (issue #19): a role the real PostgreSQL server checks with
SCRAM, no pass file entry, no PGPASSWORD. The GUI asks in a small masked dialog, keeps the answer
in memory for the session only and runs the round again; a wrong password is one status-bar line;
Cancel is no sync and no error dialog. The CLI never asks: one line, exit 2."""
import json
import subprocess
import sys
import uuid

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from db.exchange import sync_settings
from db.exchange.hub import grant_hub, init_hub
from db.store import hub as door


@pytest.fixture
def pw_hub(pg_server, tmp_path, monkeypatch):
    """(server, database, role, password): a fresh hub and an office role that must log in with
    a password (pg_hba: scram-sha-256 for that role alone), and no password file to find it in."""
    tag = uuid.uuid4().hex[:10]
    name, role, password = f"hub_{tag}", f"pw_{tag}", f"pw-{tag}-秘密"
    pg_server.sql(f"CREATE DATABASE {name}")
    pg_server.sql(f"GRANT CONNECT, TEMP ON DATABASE {name} TO PUBLIC")
    pg_server.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    hba = pg_server.data / "pg_hba.conf"
    hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
    pg_server.sql("SELECT pg_reload_conf()")
    admin = pg_server.url(db=name)
    init_hub(admin)
    grant_hub(admin, role, [], True)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return pg_server, name, role, password


def hub_changesets(server, name) -> int:
    with door.connect(server.url(db=name)) as conn:
        return conn.execute("SELECT count(*) FROM kc_changesets").fetchone()[0]


def start_sync(window, qtbot):
    window.sync.act_sync.trigger()
    qtbot.waitUntil(lambda: window.sync.password_dialog is not None or not window.sync.running, timeout=60000)
    return window.sync.password_dialog


def answer(dialog, text: str | None) -> None:
    if text is None:
        dialog.buttons.button(QDialogButtonBox.Cancel).click()
        return
    dialog.password.setText(text)
    dialog.buttons.button(QDialogButtonBox.Ok).click()


def no_message_box() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_the_password_is_asked_kept_for_the_session_only_and_the_round_runs(window, qtbot, pw_hub, shots_dir):
    server, name, role, password = pw_hub
    url = server.url(user=role, db=name)
    sync_settings.set_where(window.pf, "", url)
    dialog = start_sync(window, qtbot)
    assert dialog is not None and dialog.isVisible() and window.sync.running
    assert dialog.password.echoMode() == QLineEdit.Password
    assert role in dialog.label.text() and "127.0.0.1" in dialog.label.text()
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # nothing typed yet
    dialog.password.setText(password)
    dialog.grab().save(str(shots_dir / "hub_password.png"))
    answer(dialog, password)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    assert "同步完成" in window.sync.last_message and "发出 1 个" in window.sync.last_message
    assert hub_changesets(server, name) == 1  # the office's first push reached the hub
    # a second round this session does not ask again
    window.pf.update("projects", window.pf.list("projects")[0]["id"], {"notes": "第二次"})
    assert start_sync(window, qtbot) is None
    assert "发出 1 个" in window.sync.last_message and hub_changesets(server, name) == 2
    # never written anywhere: not in the settings, not in the portfolio file (nor its WAL)
    assert sync_settings.where(window.pf)["hub"] == url
    for path in window.pf.path.parent.glob(window.pf.path.name + "*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def test_cancel_is_no_sync_and_no_error_dialog(window, qtbot, pw_hub):
    server, name, role, _password = pw_hub
    sync_settings.set_where(window.pf, "", server.url(user=role, db=name))
    answer(start_sync(window, qtbot), None)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=10000)
    assert "未输入同步中心密码" in window.sync.last_message and "\n" not in window.sync.last_message
    assert no_message_box() and window.sync.act_sync.isEnabled()
    assert hub_changesets(server, name) == 0 and not window.sync.passwords


def test_a_wrong_password_is_one_line_and_asked_again_next_time(window, qtbot, pw_hub):
    server, name, role, password = pw_hub
    sync_settings.set_where(window.pf, "", server.url(user=role, db=name))
    answer(start_sync(window, qtbot), "not-" + password)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    message = window.sync.last_message
    assert "拒绝" in message and role in message and "\n" not in message, message
    assert no_message_box() and hub_changesets(server, name) == 0
    assert not window.sync.passwords  # the wrong one is forgotten
    dialog = start_sync(window, qtbot)  # so the next 同步 asks again
    assert dialog is not None
    answer(dialog, password)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    assert "同步完成" in window.sync.last_message and hub_changesets(server, name) == 1


def test_the_dialog_speaks_english(qtbot, pw_hub):
    from desktop import translation
    from desktop.dialogs.hub_password import HubPasswordDialog
    server, name, role, _password = pw_hub
    translation.install("en")
    try:
        dialog = HubPasswordDialog(server.url(user=role, db=name))
        qtbot.addWidget(dialog)
        texts = [dialog.windowTitle(), dialog.password.placeholderText(),
                 *(label.text() for label in dialog.findChildren(QLabel)),
                 *(b.text() for b in dialog.buttons.buttons())]
        assert dialog.windowTitle() == "Hub password"
        assert not any("\u4e00" <= ch <= "\u9fff" for t in texts for ch in t), texts
    finally:
        translation.install("zh")


def test_the_cli_never_asks(pw_hub, tmp_path):
    from db import builtin
    from db.portfolio import Portfolio
    server, name, role, password = pw_hub
    path = tmp_path / "office.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
    cli = [sys.executable, "-m", "desktop.cli", "sync", str(path), "--hub", server.url(user=role, db=name)]
    proc = subprocess.run(cli, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "PGPASSWORD" in proc.stderr and ".pgpass" in proc.stderr
    import os
    env = {**os.environ, "PGPASSWORD": "not-" + password}
    proc = subprocess.run(cli, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "拒绝" in proc.stderr
    env["PGPASSWORD"] = password
    proc = subprocess.run([*cli, "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["sent"]) == 1


def test_the_admin_commands_say_so_too(pw_hub):
    server, name, role, _password = pw_hub
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "hub", "compact", server.url(user=role, db=name)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "PGPASSWORD" in proc.stderr


def test_folder_and_hub_the_folders_merge_is_reported_after_the_password(window, qtbot, pw_hub, tmp_path):
    from db.builtin import builtin_id
    from db.exchange.folder import sync_folder
    from db.portfolio import Portfolio
    server, name, role, password = pw_hub
    facility = builtin_id("000-p-5-1")
    share = tmp_path / "share"
    share.mkdir()
    window.pf.save_as(tmp_path / "unit.sqlite")
    with Portfolio.open(tmp_path / "unit.sqlite") as unit:
        unit.update("projects", facility, {"notes": "经交换文件夹"})
        sync_folder(unit, share)
    sync_settings.set_where(window.pf, str(share), server.url(user=role, db=name))
    heard = []
    window.session.changed.connect(heard.append)
    dialog = start_sync(window, qtbot)
    assert dialog is not None
    assert window.pf.get("projects", facility)["notes"] == "经交换文件夹"  # the folder's part is done
    assert heard and heard[-1].everything  # and the window heard of it already
    answer(dialog, password)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    message = window.sync.last_message
    # the merge of the first try (folder) and the push of the retry (hub), in one line
    assert "合并 1 个" in message and "发出 1 个" in message, message
    assert hub_changesets(server, name) == 1
