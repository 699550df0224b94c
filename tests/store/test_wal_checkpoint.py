"""A large write leaves its pages in the write-ahead log: the copy into the file is not paid inside
the COMMIT (db/store/connection.py WAL_CHECKPOINT_PAGES) but by the idle checkpoint or the close —
and a long run of writes still has its log copied in once it passes the bound."""
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bulk_projects import bulk_project_ops  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402
from db.store import connection  # noqa: E402
from db.store.changes import Update  # noqa: E402


def wal_pages(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


MARK = "本周标记".encode()


def mark_every_project(pf: Portfolio, projects: int, seed: int) -> None:
    """`projects` new projects, the log copied in, then one write marking every one of them (about
    a page each)."""
    unit = pf.create("units", {"name": "某单位", "kind": "政府部门"})[0]
    pf.apply(bulk_project_ops(random.Random(seed), [unit], projects))
    pf.checkpoint()
    pf.apply([Update("projects", p["id"], {"notes": MARK.decode() * 300}) for p in pf.list("projects")])


def test_a_write_of_thousands_of_pages_is_not_checkpointed_in_its_commit(tmp_path):
    path = tmp_path / "p.sqlite"
    with Portfolio.open(path, create=True) as pf:
        mark_every_project(pf, 1500, seed=1)
        assert wal_pages(path) > 1000  # SQLite's own bound: the commit would have copied it in
        assert MARK not in path.read_bytes()  # the file does not hold it yet
        pf.checkpoint()  # what the GUI runs when idle
        assert MARK in path.read_bytes()
    assert not Path(f"{path}-wal").exists()  # and the close leaves the file whole


def test_a_long_run_of_writes_is_checkpointed_past_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(connection, "WAL_CHECKPOINT_PAGES", 200)
    path = tmp_path / "p.sqlite"
    with Portfolio.open(path, create=True) as pf:
        mark_every_project(pf, 400, seed=2)
        assert wal_pages(path) > 200
        assert MARK in path.read_bytes()  # copied in at the commit that passed the bound
