"""Transport guarantees of the exchange folder and the PostgreSQL hub (issue #19): half-copied
files wait, hostile ones are refused and receipted, a replayed push is a no-op, a push killed
after the hub stored it loses nothing, a unit's role cannot write outside its slice, the hub
down is one clean line."""
import json
import subprocess
import sys

import pytest
from sites import Sites

from db.errors import UserError
from db.exchange import hub as hub_sync
from db.store import hub as door


@pytest.fixture
def folder_sites(tmp_path):
    s = Sites(tmp_path, "folder")
    yield s
    s.close()


@pytest.fixture
def hub_sites(tmp_path, hub):
    s = Sites(tmp_path, "hub", hub)
    yield s
    s.close()


def test_a_half_copied_changeset_waits_and_is_merged_once_complete(folder_sites):
    s = folder_sites
    pid = s.projects[s.unit_ids[0]][0]
    s.units[0].update("projects", pid, {"notes": "传输中"})
    s.sync(1)
    [path] = list((s.folder / s.units[0].site_id).glob("*.sqlite"))  # beside receipts.json
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])  # the sync tool is still copying it in
    r = s.sync(0)
    assert r.waiting and not r.merged and not r.refused
    assert s.office.get("projects", pid)["notes"] != "传输中"
    path.write_bytes(whole)
    r = s.sync(0)
    assert len(r.merged) == 1 and s.office.get("projects", pid)["notes"] == "传输中"
    assert not s.sync(0).merged  # receipted: not merged twice


def test_a_hostile_changeset_is_refused_receipted_and_the_portfolio_unchanged(folder_sites):
    s = folder_sites
    before = s.office.dump()
    bad = s.folder / ("ab" * 8)
    bad.mkdir()
    import sqlite3
    other = sqlite3.connect(bad / "00000001-1700000000000-0000-abababababababab.sqlite")
    other.execute("CREATE TABLE evil(x)")  # complete, but another program's database
    other.commit()
    other.close()
    r = s.sync(0)
    assert len(r.refused) == 1 and "00000001" in r.refused[0][0]
    assert s.office.dump() == before
    assert not s.sync(0).refused  # receipted: not tried again


def test_folder_round_twice_writes_nothing_new(folder_sites):
    s = folder_sites
    s.units[1].update("projects", s.projects[s.unit_ids[1]][0], {"notes": "一次"})
    s.settle()
    files = sorted(p for p in s.folder.rglob("*") if p.is_file())
    s.settle()
    assert sorted(p for p in s.folder.rglob("*") if p.is_file()) == files


def test_cli_sync_folder(folder_sites, tmp_path):
    s = folder_sites
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "命令行"})
    s.units[0].close()
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "sync", str(tmp_path / "unit0.sqlite"),
                           "--folder", str(s.folder), "--json"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["sent"]) == 1
    missing = subprocess.run([sys.executable, "-m", "desktop.cli", "sync", str(tmp_path / "unit0.sqlite"),
                              "--folder", str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


def hub_counts(s):
    with door.connect(s.server.url(db=s.db)) as conn:
        return conn.execute("SELECT (SELECT count(*) FROM kc_changesets), (SELECT count(*) FROM kc_rows)").fetchone()


def test_a_replayed_push_changes_nothing(hub_sites):
    s = hub_sites
    s.sync(0)
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "一次"})
    s.sync(1)
    before = hub_counts(s)
    # replay the unit's last push exactly as a retry after a lost reply would
    with door.connect(s.server.url(db=s.db)) as conn:
        site, seq, manifest = conn.execute("SELECT site_id, seq, manifest FROM kc_changesets ORDER BY cursor DESC "
                                           "LIMIT 1").fetchone()
        rows = conn.execute("SELECT kind, row_id, data FROM kc_rows WHERE cursor=(SELECT max(cursor) FROM "
                            "kc_changesets)").fetchall()
    with door.connect(s.url(1)) as conn:
        stored, _ = door.push(conn, site, seq, manifest, rows)
    assert not stored and hub_counts(s) == before


def test_a_push_killed_after_the_hub_stored_it_loses_nothing(hub_sites, monkeypatch):
    s = hub_sites
    s.sync(0)
    pid = s.projects[s.unit_ids[0]][0]
    s.units[0].update("projects", pid, {"notes": "已送达"})
    real = door.push

    def push_then_die(*args, **kw):
        real(*args, **kw)
        raise KeyboardInterrupt  # killed before the unit noted the push as done

    monkeypatch.setattr(door, "push", push_then_die)
    with pytest.raises(KeyboardInterrupt):
        s.sync(1)
    monkeypatch.setattr(door, "push", real)
    s.units[0].update("projects", pid, {"stage": "建设"})  # an edit made after the crash
    before = hub_counts(s)
    s.sync(1)  # the retried push finds it stored (no-op); the new edit goes in the next one
    s.sync(1)
    assert hub_counts(s)[0] == before[0] + 1
    s.settle()
    assert s.office.get("projects", pid)["notes"] == "已送达" and s.office.get("projects", pid)["stage"] == "建设"


def test_a_units_role_cannot_write_another_units_project(hub_sites):
    s = hub_sites
    s.sync(0)  # the office's first push: every record with its owners
    others = s.projects[s.unit_ids[1]][0]
    s.units[0].update("projects", others, {"notes": "越权"})
    with pytest.raises(UserError, match="row-level security"):
        s.sync(1)
    # and straight at the server, bypassing the app: refused by PostgreSQL itself
    import psycopg
    with psycopg.connect(s.url(1)) as conn:
        cur = conn.execute("INSERT INTO kc_changesets(site_id, seq, manifest) VALUES ('aaaaaaaaaaaaaaaa', 1, '{}') "
                           "RETURNING cursor").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO kc_rows(cursor, kind, row_id, data) VALUES (%s, 'projects', %s, %s)",
                         (cur, others, json.dumps({"values": {"lead_unit_id": s.unit_ids[0]}})))
    assert all(pf.get("projects", others)["notes"] != "越权" for pf in (s.office, s.units[1]))


def test_the_hub_down_is_one_clean_line_and_work_continues(tmp_path, folder_sites):
    s = folder_sites
    url = "postgresql://nobody@127.0.0.1:9/none"
    r = hub_sync.sync_hub(s.units[0], url)
    assert r.offline and "\n" not in r.offline
    s.units[0].update("projects", s.projects[s.unit_ids[0]][0], {"notes": "离线继续"})
    s.units[0].close()
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "sync", str(tmp_path / "unit0.sqlite"),
                           "--hub", url], capture_output=True, text=True)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
