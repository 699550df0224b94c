"""Pruning the exchange folder (issue #19): each site publishes its receipts beside its changesets
and deletes its own files once every site in the folder has them; a late joiner from an old copy
converges or is told to fetch a full copy; a malformed receipts file is ignored; idempotent."""
import datetime as dt
import json
import logging
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sites import Sites

from db import clock
from db.clock import WallClock
from db.exchange import folder_receipts
from db.exchange.export import export
from db.exchange.folder import sync_folder
from db.exchange.merge import merge
from db.portfolio import Portfolio


def a_week_later(pf):
    """Judge the age of changesets as if a week and a day had passed (the wall clock of the
    portfolio only: its edits' clocks stay real)."""
    pf.wallclock = WallClock(now=lambda: clock.system_now() + dt.timedelta(days=8))
    return pf


@pytest.fixture
def sites(tmp_path):
    """Office + 3 units whose changesets are old enough to prune once every site has them."""
    s = Sites(tmp_path, "folder")
    for pf in s.all:
        a_week_later(pf)
    yield s
    s.close()


@pytest.fixture
def sites_this_week(tmp_path):
    s = Sites(tmp_path, "folder")
    yield s
    s.close()


def changesets(s, pf) -> list[str]:
    return sorted(p.name for p in (s.folder / pf.site_id).glob("*.sqlite"))


def snapshot(folder, but=None) -> dict:
    """Every file's bytes under the folder (but one site's subfolder)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and (but is None or p.parent.name != but)}


def week(s, n: int) -> list:
    """Round n: every site edits a record of its own, then every site syncs, twice over."""
    s.office.update("projects", s.projects[s.unit_ids[1]][1], {"notes": f"办公室第{n}轮"})
    for i, unit in enumerate(s.units):
        unit.update("projects", s.projects[s.unit_ids[i]][0], {"notes": f"单位{i}第{n}轮"})
    return [s.sync(i) for _ in range(2) for i in range(4)]


def converged(pfs) -> bool:
    dumps = [pf.dump() for pf in pfs]
    return all(d == dumps[0] for d in dumps)


def test_several_rounds_prune_old_changesets_and_every_site_converges(sites):
    s = sites
    sent, pruned = [], []
    for n in range(1, 5):
        for r in week(s, n):
            sent += r.sent
            pruned += r.pruned
    assert converged(s.all)
    assert len(sent) >= 16 and set(pruned) <= set(sent)  # each site, each round; only own files
    for pf in s.all:
        written = sorted(n for n in sent if n.startswith(pf.site_id + "/"))
        assert len(written) >= 4
        left = changesets(s, pf)
        # every round's changeset but at most the last one is gone from the folder
        assert len(left) <= 1 and {n.split("/")[1] for n in written[:-1]}.isdisjoint(left)
        assert sorted(n for n in pruned if n.startswith(pf.site_id + "/")) == written[:len(written) - len(left)]
        receipts = json.loads((s.folder / pf.site_id / "receipts.json").read_text(encoding="utf-8"))
        assert receipts["site"] == pf.site_id and receipts["pruned"]["through"] >= len(written) - 1
        assert set(receipts["received"]) == {o.site_id for o in s.all} - {pf.site_id}
    # and one more round changes nothing, in the folder or the files
    before, dumps = snapshot(s.folder), [pf.dump() for pf in s.all]
    reports = [s.sync(i) for i in range(4)]
    assert all(not r.sent and not r.merged and not r.pruned and not r.stranded for r in reports)
    assert snapshot(s.folder) == before and [pf.dump() for pf in s.all] == dumps


def test_a_round_touches_no_other_sites_files(sites):
    s = sites
    week(s, 1)
    s.units[1].update("projects", s.projects[s.unit_ids[1]][0], {"notes": "未同步的修改"})
    s.sync(2)
    before = snapshot(s.folder, but=s.office.site_id)
    report = s.sync(0)
    assert report.merged  # it did take unit 1's new changeset in
    assert snapshot(s.folder, but=s.office.site_id) == before


def test_nothing_is_pruned_until_every_site_in_the_folder_has_it(sites):
    s = sites
    for i in range(4):
        s.sync(i)  # every site has joined the folder (a site not in it yet is not waited for)
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "第一份"})
    s.sync(1)
    first = changesets(s, s.units[0])
    s.sync(0)
    s.sync(2)  # office and unit 1 have it; unit 2 has not synced since
    assert not s.sync(1).pruned and changesets(s, s.units[0]) == first
    s.sync(3)
    assert s.sync(1).pruned == [f"{s.units[0].site_id}/{first[0]}"] and not changesets(s, s.units[0])


def test_a_late_joiner_from_an_old_copy_is_told_to_fetch_a_full_copy_then_converges(sites, tmp_path):
    s = sites
    s.office.save_as(tmp_path / "late.sqlite")  # a unit that will join months later, from this copy
    for n in range(1, 4):
        week(s, n)
    assert all(len(changesets(s, pf)) <= 1 for pf in s.all)  # the early rounds are pruned

    late = a_week_later(Portfolio.open(tmp_path / "late.sqlite"))
    try:
        before = late.dump()
        report = sync_folder(late, s.folder)
        stranded = dict(report.stranded)
        assert set(stranded) == {pf.site_id for pf in s.all}  # each pruned edits it never had
        assert all("完整导出" in m and site in m for site, m in stranded.items())
        assert not report.merged and late.dump() == before  # nothing merged past a gap
        assert len(sync_folder(late, s.folder).stranded) == 4  # said again each round, still nothing lost

        # the office hands it a full copy; merged, the late joiner's watermarks cover the pruned files
        export(s.office, tmp_path / "full.sqlite")
        merge(late, tmp_path / "full.sqlite")
        report = sync_folder(late, s.folder)
        assert not report.stranded
        for n in (4, 5):
            week(s, n)
            late.update("projects", s.projects[s.unit_ids[1]][2], {"notes": f"新单位第{n}轮"})
            for _ in range(2):
                sync_folder(late, s.folder)
                for i in range(4):
                    s.sync(i)
        sync_folder(late, s.folder)
        assert converged([*s.all, late])
        assert any(p.get("notes") == "新单位第5轮" for p in s.office.dump()["projects"])
    finally:
        late.close()


def test_a_late_joiner_whose_copy_covers_the_pruned_files_skips_the_gap(sites, tmp_path):
    s = sites
    week(s, 1)
    week(s, 2)
    # a copy of unit 0 (another person in that unit): it holds everything unit 0 has merged
    s.units[0].save_as(tmp_path / "copy.sqlite")
    copy = a_week_later(Portfolio.open(tmp_path / "copy.sqlite"))
    try:
        # its receipts of unit 1 lag behind (say it was merged in from a full file, not the folder)
        from db.store import sync_state
        with copy.write("test: older receipts") as db:
            received = sync_state.get(db, "folder.received")
            received[s.units[1].site_id]["seq"] = 0
            sync_state.put(db, "folder.received", received)
        pruned = folder_receipts.read(s.folder, s.units[1].site_id).pruned_through
        assert pruned >= 1
        report = sync_folder(copy, s.folder)
        assert not report.stranded and not report.merged  # it has those edits: no message
        week(s, 3)
        copy.update("projects", s.projects[s.unit_ids[0]][1], {"notes": "同单位另一人"})
        for _ in range(2):
            sync_folder(copy, s.folder)
            for i in range(4):
                s.sync(i)
        sync_folder(copy, s.folder)
        assert converged([*s.all, copy])
        with copy.read() as db:  # it went on after the gap, from unit 1's first file still there
            assert sync_state.get(db, "folder.received")[s.units[1].site_id]["seq"] > pruned
    finally:
        copy.close()


@pytest.mark.parametrize("garbage", [
    b"{not json", b"\xff\xfe", json.dumps({"format": "kechuang-folder-receipts"}).encode(),
    json.dumps([1, 2, 3]).encode(), b"[" * 100000 + b"]" * 100000, b" " * (2 << 20),
    json.dumps({"format": "kechuang-folder-receipts", "site": "0" * 16, "received": {},
                "pruned": {"through": 0, "upto": ""}}).encode(),  # another site's name
    json.dumps({"format": "kechuang-folder-receipts", "site": "SITE", "received": {"x": "many"},
                "pruned": {"through": 0, "upto": ""}}).encode(),
    json.dumps({"format": "kechuang-folder-receipts", "site": "SITE", "received": {},
                "pruned": {"through": 3, "upto": "yesterday"}}).encode(),
    b"FIFO",
])
def test_a_malformed_receipts_file_is_ignored_with_a_logged_reason(sites, caplog, garbage):
    s = sites
    week(s, 1)
    unit1 = s.units[1].site_id
    s.office.update("projects", s.projects[s.unit_ids[1]][1], {"notes": "办公室再改"})
    s.sync(0)
    office_files = changesets(s, s.office)
    bad = s.folder / unit1 / "receipts.json"
    if garbage == b"FIFO":
        bad.unlink()
        os.mkfifo(bad)  # nobody writes to it: opening it would wait forever
    else:
        bad.write_bytes(garbage.replace(b"SITE", unit1.encode()))
    for i in (1, 3):
        s.sync(i)
    with caplog.at_level(logging.WARNING, logger="db.exchange.folder_receipts"):
        report = s.sync(0)
    assert not report.pruned and changesets(s, s.office) == office_files  # unit 1 acknowledged nothing
    assert any("receipts.json" in r.getMessage() and "ignoring" in r.getMessage() for r in caplog.records)
    assert folder_receipts.read(s.folder, unit1) is None
    s.sync(2)  # unit 1's next round rewrites its receipts
    assert folder_receipts.read(s.folder, unit1) is not None
    assert s.sync(0).pruned and not changesets(s, s.office)
    s.settle()
    assert converged(s.all)


def test_cli_sync_prunes_and_keep_changesets_does_not(sites, tmp_path):
    s = sites
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "命令行"})
    s.settle()
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "命令行二"})
    s.sync(1)
    for i in (0, 2, 3):
        s.sync(i)
    mine = changesets(s, s.units[0])
    s.units[0].close()
    path = str(tmp_path / "unit0.sqlite")
    cli = [sys.executable, "-m", "desktop.cli", "sync", path, "--folder", str(s.folder), "--keep-days", "0"]
    kept = subprocess.run([*cli, "--keep-changesets", "--json"], capture_output=True, text=True)
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout)["pruned"] == [] and changesets(s, s.units[0]) == mine
    pruned = subprocess.run(cli, capture_output=True, text=True)
    assert pruned.returncode == 0, pruned.stderr
    assert "清理" in pruned.stdout and not list((s.folder / s.units[0].site_id).glob("*.sqlite"))
    s.units[0] = a_week_later(Portfolio.open(tmp_path / "unit0.sqlite"))
    s.settle()
    for pf in s.all:
        pf.checkpoint()
    dumps = [subprocess.run([sys.executable, "-m", "desktop.cli", "dump", str(pf.path), "--json"],
                            capture_output=True, text=True, check=True).stdout for pf in s.all]
    assert all(d == dumps[0] for d in dumps) and "命令行二" in dumps[0]


def test_cli_sync_says_when_a_late_joiner_needs_a_full_copy(sites, tmp_path):
    s = sites
    s.office.save_as(tmp_path / "late.sqlite")
    for n in (1, 2):
        week(s, n)
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "sync", str(tmp_path / "late.sqlite"),
                           "--folder", str(s.folder)], capture_output=True, text=True)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4 and all("完整导出" in line for line in lines)


def test_a_forged_receipts_file_cannot_make_a_site_skip_changesets_that_are_there(sites, tmp_path):
    s = sites
    for i in range(4):
        s.sync(i)
    pid = s.projects[s.unit_ids[1]][0]
    unit1 = s.units[1].site_id
    s.units[1].update("projects", pid, {"notes": "第零次"})
    s.sync(2)
    s.sync(0)  # the office has unit 1's first changeset: its watermark of unit 1 is that file's clock
    [seen] = [p.name[9:-7] for p in (s.folder / unit1).glob("*.sqlite")]
    for text in ("第一次", "第二次"):
        s.units[1].update("projects", pid, {"notes": text})
        s.sync(2)
    *gone, first, second = sorted((s.folder / unit1).glob("*.sqlite"))
    for path in (*gone, first):  # the first one as if pruned, the next one still on its way
        path.rename(tmp_path / path.name)
    (s.folder / unit1 / "receipts.json").write_text(json.dumps({  # claims far more was pruned
        "format": "kechuang-folder-receipts", "site": unit1, "received": {},
        "pruned": {"through": 100, "upto": seen}}), encoding="utf-8")
    report = s.sync(0)
    assert report.merged == [f"{unit1}/{second.name}"], report  # not skipped past a file that is there
    assert s.office.get("projects", pid)["notes"] == "第二次"
    for path in (*gone, first):
        (tmp_path / path.name).rename(path)
    s.units[1].update("projects", pid, {"notes": "第三次"})
    s.settle()
    assert converged(s.all) and s.office.get("projects", pid)["notes"] == "第三次"


def test_changesets_younger_than_a_week_stay_though_every_site_has_them(sites_this_week):
    s = sites_this_week
    for n in (1, 2):
        reports = week(s, n)
        assert not any(r.pruned for r in reports)
    assert all(len(changesets(s, pf)) == 2 for pf in s.all) and converged(s.all)
    a_week_later(s.office)
    assert len(s.sync(0).pruned) == 2 and not changesets(s, s.office)


def test_a_site_restored_from_a_backup_within_the_week_merges_again_and_reuses_no_number(sites_this_week):
    s = sites_this_week
    week(s, 1)
    backup = s.units[0].backup("test")
    week(s, 2)  # unit 0's numbers go on and are merged everywhere
    s.units[0].restore_from(backup)  # its own record of its numbering goes back with the file
    pid = s.projects[s.unit_ids[0]][1]
    s.units[0].update("projects", pid, {"notes": "恢复备份后的修改"})
    s.settle()
    assert all(pf.get("projects", pid)["notes"] == "恢复备份后的修改" for pf in s.all)
    # the others' week-2 changesets are still there: the restored file merges them again
    u = s.units[0]
    assert u.get("projects", s.projects[s.unit_ids[1]][0])["notes"] == "单位1第2轮"
    assert u.get("projects", s.projects[s.unit_ids[1]][1])["notes"] == "办公室第2轮"


def test_a_site_restored_from_an_old_backup_is_told_to_fetch_a_full_copy(sites, tmp_path):
    s = sites
    week(s, 1)
    backup = s.units[0].backup("test")
    week(s, 2)
    week(s, 3)  # everyone's changesets of weeks 2 and 3 are pruned
    s.units[0].restore_from(backup)
    pid = s.projects[s.unit_ids[0]][1]
    s.units[0].update("projects", pid, {"notes": "恢复备份后的修改"})
    report = s.sync(1)
    assert {site for site, _m in report.stranded} == {s.office.site_id, s.units[1].site_id, s.units[2].site_id}
    assert report.sent  # its own edit still goes out, under a number nobody has merged
    for i in (0, 2, 3):
        s.sync(i)
    assert all(pf.get("projects", pid)["notes"] == "恢复备份后的修改" for pf in s.all if pf is not s.units[0])
    export(s.office, tmp_path / "full.sqlite")
    merge(s.units[0], tmp_path / "full.sqlite")
    s.settle()
    assert not any(s.sync(i).stranded for i in range(4)) and converged(s.all)


EDITS = st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["edit", "delete", "sync", "sync"]), st.integers(0, 2)),
                 min_size=1, max_size=16)


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=EDITS)
def test_random_edit_and_sync_interleavings_converge_with_pruning(steps, tmp_path_factory):
    s = Sites(tmp_path_factory.mktemp("sites"), "folder")
    try:
        for pf in s.all:
            a_week_later(pf)
        reports = [s.sync(i) for i in range(4)]  # every site joins the folder
        for n, (who, action, which) in enumerate(steps):
            pf = s.all[who]
            unit = s.unit_ids[0 if who == 0 else who - 1]
            pid = s.projects[unit][which % len(s.projects[unit])]
            if action == "sync":
                reports.append(s.sync(who))
            elif pf.get("projects", pid) is None:
                continue
            elif action == "edit":
                pf.update("projects", pid, {"notes": f"{who}-{n}"})
            else:
                pf.delete("projects", pid)
        for _ in range(3):
            reports += [s.sync(i) for i in range(4)]
        assert not any(r.stranded or r.refused or r.waiting for r in reports)
        assert converged(s.all)
        # everything every site has merged is gone but, per site, its last changeset at most
        assert all(len(changesets(s, pf)) <= 1 for pf in s.all)
    finally:
        s.close()


def test_a_clock_set_back_does_not_keep_a_sites_own_changesets_forever(sites_this_week):
    """Age is judged on the file's hybrid clock when the system clock runs behind it (set back, or a
    process restarted under a moved clock — the CLI under faketime met this): changesets every site
    has, and as old as asked, go."""
    s = sites_this_week
    week(s, 1)
    assert changesets(s, s.office)
    s.office.wallclock = WallClock(now=lambda: clock.system_now() - dt.timedelta(days=1))
    report = sync_folder(s.office, s.folder, keep_days=0)
    assert report.pruned and not changesets(s, s.office)
    s.settle()
    assert converged(s.all)
