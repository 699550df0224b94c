"""One clock (DESIGN §4): the core and the app read the system's date and time only in db/clock.py,
so a portfolio pinned to a date writes and judges everything by that date."""
import ast
import datetime as dt
import sqlite3
from pathlib import Path

from db.exchange import export
from db.portfolio import Portfolio
from db.store import backups

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {Path("db/clock.py")}
# Calls that read the system clock (attribute chains ending in these names).
READERS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
           ("time", "time"), ("time", "time_ns"), ("QDate", "currentDate"),
           ("QDateTime", "currentDateTime"), ("QDateTime", "currentMSecsSinceEpoch")}


def clock_reads(path: Path) -> list[str]:
    """Every use of a system-clock reader, called or passed along (today=dt.date.today)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            owner = node.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if (owner_name, node.attr) in READERS:
                found.append(f"{path.name}:{node.lineno} {owner_name}.{node.attr}")
    return sorted(found)


def test_only_db_clock_reads_the_system_clock():
    offenders = []
    for top in ("db", "desktop"):
        for p in sorted((ROOT / top).rglob("*.py")):
            if p.relative_to(ROOT) not in ALLOWED:
                offenders += [f"{p.relative_to(ROOT)}: {hit}" for hit in clock_reads(p)]
    assert offenders == []


def test_the_checker_sees_a_clock_read(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import datetime as dt\nimport time\nx = dt.date.today()\ny = dt.datetime.now\n"
                     "z = time.time()\nok = time.monotonic()\n", encoding="utf-8")
    assert sorted(clock_reads(probe)) == ["probe.py:3 date.today", "probe.py:4 datetime.now", "probe.py:5 time.time"]


def test_a_pinned_portfolio_writes_its_own_dates(tmp_path):
    day = dt.date(2031, 2, 14)
    with Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: day) as pf:
        pid, _ = pf.create("projects", {"name": "钟表项目", "category": "孵化载体"})
        mid, _ = pf.create("milestones", {"project_id": pid, "name": "节点", "planned_date": "2031-03-01"})
        pf.update("milestones", mid, {"planned_date": "2031-04-01"}, reason="设备到货延期")
        replan = pf.list("replans")[0]
        assert replan["recorded_at"].startswith("2031-02-14T")
        assert pf.meta("created_at").startswith("2031-02-14T")
        assert pf.today() == day and pf.now().date() == day
        copy = pf.save_as(tmp_path / "copy.sqlite")
        daily = backups.daily_backup(pf)
        assert "daily20310214" in daily.name and "-20310214-" in daily.name
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT last_merged_at FROM peers").fetchone()[0].startswith("2031-02-14T")
    finally:
        conn.close()
    with Portfolio.open(copy, now=lambda: dt.datetime(2031, 2, 15, 9, 30)) as other:
        assert other.today() == dt.date(2031, 2, 15)
        assert other.stamp() == "2031-02-15T09:30:00"
        manifest = export.export(other, tmp_path / "out.sqlite")
        assert manifest["exported_at"] == "2031-02-15T09:30:00"
