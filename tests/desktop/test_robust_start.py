"""Start-up states: first run, a locked, read-only, damaged or newer file, backups, unexpected errors."""
import os
import sqlite3
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from db.errors import NewerVersion, NotAPortfolio, PortfolioLocked, StorageError
from db.portfolio import Portfolio
from db.store import backups
from db.store.schema import SCHEMA_VERSION
from desktop import paths, portfolio_files
from desktop.dialogs import errors as errors_dialog


def test_first_run_creates_portfolio_in_data_dir(qtbot):
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(None, "zh", first_run_choice=True)
    try:
        assert w.pf.path == paths.default_portfolio() and w.pf.count("projects") > 250
        assert str(w.pf.path) in w.statusBar().currentMessage()
    finally:
        from windows import close_window
        close_window(w)


def test_first_run_blank_choice(qtbot):
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(None, "zh", first_run_choice=False)
    try:
        assert w.pf.count("projects") == 0
    finally:
        from windows import close_window
        close_window(w)


@pytest.mark.parametrize("answer", [True, False])
def test_first_run_asks_before_replacing_what_an_interrupted_first_run_left(qtbot, monkeypatch, answer):
    """Issue 24: an earlier version killed during the first start left an empty portfolio file."""
    from desktop.app import build_window, make_app
    make_app()
    path = paths.default_portfolio()
    path.parent.mkdir(parents=True)
    Portfolio.open(path, create=True).close()  # schema, no record: what the old first start left
    asked = []
    monkeypatch.setattr(portfolio_files, "ask_replace_partial",
                        lambda _parent, p, kind: asked.append((p, kind)) or answer)
    w = build_window(None, "zh", first_run_choice=True)
    try:
        assert asked == [(path, "shell")]
        assert w.pf.path == path
        assert (w.pf.count("projects") > 250) is answer  # replaced by the built-in portfolio, or opened
    finally:
        from windows import close_window
        close_window(w)
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(".portfolio.sqlite.")]


def test_first_run_does_not_ask_about_a_file_with_records(qtbot, monkeypatch):
    from desktop.app import build_window, make_app
    make_app()
    path = paths.default_portfolio()
    path.parent.mkdir(parents=True)
    with Portfolio.open(path, create=True) as pf:
        pf.create("projects", {"name": "已有的项目"})
    monkeypatch.setattr(portfolio_files, "ask_replace_partial", lambda *_a: pytest.fail("asked"))
    w = build_window(None, "zh")
    try:
        assert w.pf.count("projects") == 1
    finally:
        from windows import close_window
        close_window(w)


def decisions(*answers):
    asked = []

    def ask(_parent, exc, _path):
        asked.append(exc)
        return answers[len(asked) - 1]
    return ask, asked


def test_locked_file_offers_read_only(builtin_file):
    holder = Portfolio.open(builtin_file)
    try:
        ask, asked = decisions("readonly")
        pf = portfolio_files.open_interactive(None, builtin_file, ask=ask)
        assert isinstance(asked[0], PortfolioLocked) and pf.readonly
        pf.close()
    finally:
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_folder_offers_read_only(builtin_file):
    builtin_file.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        ask, asked = decisions("readonly")
        pf = portfolio_files.open_interactive(None, builtin_file, ask=ask)
        assert isinstance(asked[0], StorageError) and pf.readonly
        pf.close()
    finally:
        builtin_file.parent.chmod(stat.S_IRWXU)


def test_damaged_file_restored_from_backup(builtin_file, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    with Portfolio.open(builtin_file) as pf:
        backup = backups.daily_backup(pf)
        projects = pf.count("projects")
    data = bytearray(builtin_file.read_bytes())
    data[:100] = b"\x00" * 100  # header destroyed
    builtin_file.write_bytes(bytes(data))
    ask, asked = decisions("restore")
    pf = portfolio_files.open_interactive(None, builtin_file, ask=ask, pick_backup=lambda _p, _path: backup)
    try:
        assert isinstance(asked[0], NotAPortfolio)
        assert pf.count("projects") == projects and pf.integrity() == []
        assert list(builtin_file.parent.glob("portfolio.sqlite.damaged-*"))  # the damaged file is kept
        assert "damaged" in told[0]
    finally:
        pf.close()


def test_newer_file_is_explained_and_nothing_opens(tmp_path, monkeypatch):
    path = tmp_path / "newer.sqlite"
    with Portfolio.open(path, create=True):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    ask, asked = decisions("cancel")
    assert portfolio_files.open_interactive(None, path, ask=ask) is None
    assert isinstance(asked[0], NewerVersion) and "升级" in str(asked[0])


def test_daily_backup_once_per_day_and_restore(window):
    pf = window.pf
    pid = pf.list("projects")[0]["id"]
    from db.store.changes import Update
    window.session.do([Update("projects", pid, {"notes": "第一次修改"})], "edit")
    window.session.do([Update("projects", pid, {"notes": "第二次修改"})], "edit")
    daily = [b for b in backups.list_backups(pf.path) if b["reason"].startswith("daily")]
    assert len(daily) == 1
    from desktop.dialogs.backups import BackupsDialog
    dialog = BackupsDialog(window.session, window)
    assert dialog.model.rowCount() == 1
    dialog.restore_selected(confirm=False)
    dialog.wait()
    assert dialog.chosen is not None
    assert pf.get("projects", pid)["notes"] != "第二次修改"


def test_unexpected_exception_dialog_keeps_app_running(qapp, monkeypatch, tmp_path, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    try:
        raise ValueError("示例错误")
    except ValueError as exc:
        errors_dialog.excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "ValueError: 示例错误" in shown[0]
    assert "示例错误" in caplog.text


def test_unwritable_location_offers_read_only_even_as_root(builtin_file, monkeypatch):
    """What a read-only medium does (the OS check above is skipped for root): opening for writing
    fails with a StorageError naming the folder, and read-only opening still works."""
    from db.store import connection

    def refuse(self):
        raise StorageError(connection.QT_TRANSLATE_NOOP("errors", "无法写入组合文件所在的文件夹“{path}”：{detail}"),
                           path=str(self.path.parent), detail="Read-only file system")
    monkeypatch.setattr(connection.FileLock, "acquire", refuse)
    ask, asked = decisions("readonly")
    pf = portfolio_files.open_interactive(None, builtin_file, ask=ask)
    assert isinstance(asked[0], StorageError) and str(builtin_file.parent) in str(asked[0])
    assert pf.readonly
    pf.close()


def test_new_file_replaces_the_chosen_file_whole_and_never_one_open_elsewhere(qtbot, tmp_path, monkeypatch):
    """新建 over a file the save dialog confirmed: built beside it, then renamed over it."""
    path = tmp_path / "old.sqlite"
    with Portfolio.open(path, create=True) as pf:
        pf.create("projects", {"name": "旧项目"})
    warnings = []
    monkeypatch.setattr(portfolio_files.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    holder = Portfolio.open(path)
    try:
        assert portfolio_files.create_interactive(None, path, with_builtin=False) is None
        assert isinstance(warnings[0], str) and holder.count("projects") == 1  # open in a window: kept
    finally:
        holder.close()
    pf = portfolio_files.create_interactive(None, path, with_builtin=False)
    try:
        assert pf.count("projects") == 0 and pf.integrity() == []
    finally:
        pf.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite"]  # a clean close removes its .lock (issue #21)


def test_start_takes_away_work_folders_of_exports_killed_meanwhile(qtbot, builtin_file):
    from desktop.app import build_window, make_app
    make_app()
    stale = builtin_file.parent / ".kechuang-work-killed"
    stale.mkdir(mode=0o700)
    (stale / "owner.lock").write_bytes(b"")
    (stale / "export.sqlite").write_bytes(b"the whole portfolio")
    w = build_window(str(builtin_file), "zh")
    try:
        assert not stale.exists()
    finally:
        from windows import close_window
        close_window(w)
