"""The day's backup copied ahead of the first edit (issue #20: the GUI copies it on the worker lane
after opening, so the first edit does not wait for a copy of the whole file): put in place only
while the file is still exactly as the copy shows; otherwise copied afresh as before."""
from __future__ import annotations

import datetime as dt

from db.portfolio import Portfolio
from db.store import backups

DAY = dt.date(2031, 2, 14)


def _open(tmp_path) -> Portfolio:
    pf = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: DAY)
    pf.create("projects", {"name": "海上风电示范"})
    return pf


def _contents(path):
    with Portfolio.open(path, readonly=True) as pf:
        return pf.dump()


def test_copy_ahead_put_in_place_when_nothing_was_written(tmp_path):
    with _open(tmp_path) as pf:
        before = pf.dump()
        ahead = backups.daily_ahead(pf)
        assert ahead.path.exists() and backups.list_backups(pf.path) == []  # not a backup until in place
        made = backups.daily_backup(pf, ahead=ahead)
        assert made.exists() and not ahead.path.exists() and "daily20310214" in made.name
        assert _contents(made) == before
        assert backups.daily_ahead(pf) is None  # today's exists
        assert backups.daily_backup(pf) is None


def test_written_since_the_copy_the_backup_is_made_afresh(tmp_path):
    with _open(tmp_path) as pf:
        ahead = backups.daily_ahead(pf)
        pid = pf.list("projects")[0]["id"]
        pf.update("projects", pid, {"notes": "合并带来的修改"})  # e.g. a sync merged before the first edit
        now = pf.dump()
        made = backups.daily_backup(pf, ahead=ahead)
        assert not ahead.path.exists()
        assert _contents(made) == now  # the file as it was before the first edit, not as at the copy
        assert _contents(made)["projects"][0]["notes"] == "合并带来的修改"


def test_copy_of_another_day_is_not_used(tmp_path):
    with _open(tmp_path) as pf:
        ahead = backups.daily_ahead(pf, DAY - dt.timedelta(days=1))
        made = backups.daily_backup(pf, ahead=ahead)
        assert "daily20310214" in made.name and not ahead.path.exists()
        assert [b["reason"] for b in backups.list_backups(pf.path)] == ["daily20310214"]
