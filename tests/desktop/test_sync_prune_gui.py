"""同步 in the window prunes the exchange folder like `kechuang sync --folder` (issue #19): the
office's own changesets go once the unit has merged them and they are a week old; a file that
fell behind a pruned gap says in the status bar to fetch a full copy."""
import datetime as dt

from db import clock
from db.builtin import builtin_id
from db.clock import WallClock
from db.exchange import sync_settings
from db.exchange.folder import sync_folder
from db.portfolio import Portfolio

FACILITY = builtin_id("000-p-5-1")


def run_sync(window, qtbot) -> str:
    window.sync.act_sync.trigger()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=60000)
    return window.sync.last_message


def a_week_later(pf):
    pf.wallclock = WallClock(now=lambda: clock.system_now() + dt.timedelta(days=8))
    return pf


def test_sync_prunes_the_offices_changesets_the_unit_has(window, qtbot, tmp_path, shots_dir):
    share = tmp_path / "share"
    share.mkdir()
    window.pf.save_as(tmp_path / "unit.sqlite")
    window.pf.save_as(tmp_path / "late.sqlite")  # a unit that joins after the pruning, from this copy
    unit = a_week_later(Portfolio.open(tmp_path / "unit.sqlite"))
    sync_folder(unit, share)  # the unit is in the folder
    sync_settings.set_where(window.pf, str(share), "")
    window.pf.update("projects", FACILITY, {"notes": "办公室本周"})
    assert "发出 1 个" in run_sync(window, qtbot)
    mine = share / window.pf.site_id
    assert len(list(mine.glob("*.sqlite"))) == 1
    sync_folder(unit, share)  # the unit merges it and says so in its receipts
    assert "清理" not in run_sync(window, qtbot)  # every site has it, but it is not a week old
    a_week_later(window.pf)
    message = run_sync(window, qtbot)
    assert "清理 1 个" in message, message
    assert not list(mine.glob("*.sqlite")) and (mine / "receipts.json").is_file()
    window.grab().save(str(shots_dir / "sync_pruned.png"))
    assert unit.get("projects", FACILITY)["notes"] == "办公室本周"
    unit.close()


def test_a_file_behind_a_pruned_gap_says_to_fetch_a_full_copy(window, qtbot, tmp_path, shots_dir):
    share = tmp_path / "share"
    share.mkdir()
    window.pf.save_as(tmp_path / "office.sqlite")
    office = a_week_later(Portfolio.open(tmp_path / "office.sqlite"))
    office.save_as(tmp_path / "unit.sqlite")
    unit = Portfolio.open(tmp_path / "unit.sqlite")
    office.update("projects", FACILITY, {"notes": "办公室本周"})
    for pf in (office, unit, office):
        sync_folder(pf, share)
    assert not list((share / office.site_id).glob("*.sqlite"))  # pruned: the unit had it
    # the window's file is an older copy that never joined the folder
    sync_settings.set_where(window.pf, str(share), "")
    message = run_sync(window, qtbot)
    assert message.startswith("本文件落后于交换文件夹") and "\n" not in message, message
    box = window.sync.stranded_box
    assert box is not None and box.isVisible() and "完整导出" in box.text() and office.site_id in box.text()
    assert window.pf.get("projects", FACILITY)["notes"] != "办公室本周"
    window.grab().save(str(shots_dir / "sync_stranded.png"))
    box.grab().save(str(shots_dir / "sync_stranded_box.png"))
    box.close()
    office.close()
    unit.close()
