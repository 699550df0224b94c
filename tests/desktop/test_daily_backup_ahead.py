"""In the window the day's backup is copied on the worker lane after opening (issue #20) and the
day's first edit puts that copy in place: the backup holds the file as it was before the edit."""
from db.portfolio import Portfolio
from db.store import backups
from db.store.changes import Update


def test_first_edit_uses_the_copy_made_ahead(window, qtbot):
    pf, session = window.pf, window.session
    qtbot.waitUntil(lambda: session._ahead is not None, timeout=20000)
    ahead = session._ahead
    copied = ahead.path.stat().st_ino
    pid = pf.list("projects")[0]["id"]
    notes = pf.get("projects", pid)["notes"]
    session.do([Update("projects", pid, {"notes": "今天第一次修改"})], "edit")
    daily = [b for b in backups.list_backups(pf.path) if b["reason"].startswith("daily")]
    assert len(daily) == 1 and not ahead.path.exists() and session._ahead is None
    assert daily[0]["path"].stat().st_ino == copied  # that very copy, moved into place
    with Portfolio.open(daily[0]["path"], readonly=True) as copy:
        assert copy.get("projects", pid)["notes"] == notes


def test_background_edit_copies_the_day_backup_on_the_worker_before_writing(window, qtbot, monkeypatch):
    """An edit written on the worker lane (导入台账, 合并…) that is the day's first: the copy is made
    in the same job just before the write — not on the UI thread — and holds the file as before it."""
    import threading
    pf, session = window.pf, window.session
    qtbot.waitUntil(lambda: session._ahead is not None, timeout=20000)
    session._ahead = None  # as when the copy made ahead is stale: the backup is a full copy
    copied_on, real = [], backups.daily_backup

    def spy(*args, **kw):
        copied_on.append(threading.get_ident())
        return real(*args, **kw)
    monkeypatch.setattr(backups, "daily_backup", spy)
    pid = pf.list("projects")[0]["id"]
    notes = pf.get("projects", pid)["notes"]
    written = []
    session.op(lambda p: p.apply([Update("projects", pid, {"notes": "后台写入"})]), parent=window,
               undo_text="edit").success(written.append).run_in_background()
    ui = threading.get_ident()
    qtbot.waitUntil(lambda: bool(written), timeout=20000)
    assert len(copied_on) == 1 and copied_on[0] != ui  # copied once, on the worker
    daily = [b for b in backups.list_backups(pf.path) if b["reason"].startswith("daily")]
    assert len(daily) == 1
    with Portfolio.open(daily[0]["path"], readonly=True) as copy:
        assert copy.get("projects", pid)["notes"] == notes
    assert pf.get("projects", pid)["notes"] == "后台写入"
    session.do([Update("projects", pid, {"notes": "再改"})], "edit")  # the day's backup is made once
    assert len([b for b in backups.list_backups(pf.path) if b["reason"].startswith("daily")]) == 1
