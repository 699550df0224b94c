"""A sync round's backup (issue #19): one full copy a day before the day's first round that
merges anything — not one per round (57 MB and most of a unit's round at city scale) — and every
merge of the day's rounds names it, so undoing a sync (合并记录 → 撤销最近一次合并) still restores
the file as it was before syncing."""
import datetime as dt
from pathlib import Path

import pytest

from db import builtin
from db.exchange import conflicts
from db.exchange.folder import sync_folder
from db.exchange.hub import grant_hub, sync_hub
from db.portfolio import Portfolio
from db.store import backups


class Pair:
    """An office and one unit (a replica of the office's file), their dates pinned to `day`."""

    def __init__(self, tmp: Path, transport: str, hub=None):
        self.day = [dt.date(2031, 3, 3)]
        self.office = Portfolio.open(tmp / "office.sqlite", create=True, today=lambda: self.day[0])
        builtin.load(self.office)
        self.unit_id = next(p["lead_unit_id"] for p in self.office.list("projects") if p["lead_unit_id"])
        self.project = next(p["id"] for p in self.office.list("projects") if p["lead_unit_id"] == self.unit_id)
        self.transport = transport
        if transport == "hub":
            server, name = hub
            grant_hub(server.url(db=name), "office", [], True)
            grant_hub(server.url(db=name), "unit_a", [self.unit_id], False)
            self.urls = [server.url(user="office", db=name), server.url(user="unit_a", db=name)]
        self.share = tmp / "share"
        self.share.mkdir()
        self.sync(self.office)  # the office's own first round (its snapshot, on a hub)
        self.office.save_as(tmp / "unit.sqlite")
        self.unit = Portfolio.open(tmp / "unit.sqlite", today=lambda: self.day[0])

    def sync(self, pf):
        if self.transport == "folder":  # (no pruning: the dates here are pinned years ahead of the
            return sync_folder(pf, self.share, prune=False)  # changesets' clocks, so every file looks old)
        report = sync_hub(pf, self.urls[0 if pf is self.office else 1])
        assert not report.offline and not report.refused and not report.failed, report
        return report

    def unit_edits(self, notes: str):
        self.unit.update("projects", self.project, {"notes": notes})
        self.sync(self.unit)

    def sync_backups(self) -> list[Path]:
        return sorted(b["path"] for b in backups.list_backups(self.office.path) if b["reason"] == "before-sync")

    def close(self):
        self.office.close()
        self.unit.close()


@pytest.fixture
def folder_pair(tmp_path):
    p = Pair(tmp_path, "folder")
    yield p
    p.close()


@pytest.fixture
def hub_pair(tmp_path, hub):
    p = Pair(tmp_path, "hub", hub)
    yield p
    p.close()


@pytest.mark.parametrize("which", ["folder_pair", "hub_pair"])
def test_one_before_sync_backup_a_day_and_undo_of_a_sync_restores_it(which, request):
    p = request.getfixturevalue(which)
    before = p.office.dump()
    notes_before = p.office.get("projects", p.project)["notes"]
    assert p.sync_backups() == []
    p.unit_edits("第一轮进展")
    assert p.sync(p.office).merged
    assert p.office.get("projects", p.project)["notes"] == "第一轮进展"
    first = p.sync_backups()
    assert len(first) == 1

    p.unit_edits("第二轮进展")  # a second round the same day: merges, but makes no new full copy
    assert p.sync(p.office).merged
    assert p.office.get("projects", p.project)["notes"] == "第二轮进展"
    assert p.sync_backups() == first
    history = conflicts.merge_history(p.office)
    sync_merges = [h for h in history if h["source_site"] == p.unit.site_id]
    assert len(sync_merges) == 2 and {h["backup_file"] for h in sync_merges} == {str(first[0])}

    # undo the latest merge as 合并记录 does: restore the backup it names
    latest = history[0]
    assert latest["source_site"] == p.unit.site_id
    p.office.restore_from(Path(latest["backup_file"]))
    assert p.office.get("projects", p.project)["notes"] == notes_before
    assert p.office.dump() == before

    p.day[0] += dt.timedelta(days=1)  # the next day's first round takes that day's copy
    p.unit_edits("次日进展")
    assert p.sync(p.office).merged
    assert p.office.get("projects", p.project)["notes"] == "次日进展"
    later = p.sync_backups()
    assert len(later) == 2 and first[0] in later and "-20310304-" in later[1].name


def test_a_round_that_merges_nothing_makes_no_backup(folder_pair):
    p = folder_pair
    assert not p.sync(p.office).merged
    assert p.sync_backups() == []


def test_only_the_last_days_before_sync_backups_are_kept(folder_pair):
    p = folder_pair
    for i in range(backups.KEEP_DAILY + 2):
        p.unit_edits(f"第{i}天进展")
        assert p.sync(p.office).merged
        p.day[0] += dt.timedelta(days=1)
    kept = p.sync_backups()
    assert len(kept) == backups.KEEP_DAILY
    days = sorted(b.name.rsplit("-", 3)[1] for b in kept)
    assert days[0] == (dt.date(2031, 3, 3) + dt.timedelta(days=2)).strftime("%Y%m%d")
