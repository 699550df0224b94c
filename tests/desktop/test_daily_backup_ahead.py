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
