"""`kechuang hub compact` (issue #19): row versions every site has pulled past and a newer version
dominates are pruned; a site that has not pulled holds them back; a late replica still converges;
a replayed push is still a no-op."""
import json
import subprocess
import sys
import time

import pytest
from sites import Sites

from db.exchange.hub import compact_hub, sync_hub
from db.portfolio import Portfolio
from db.store import hub as door


@pytest.fixture
def sites(tmp_path, hub):
    s = Sites(tmp_path, "hub", hub)
    s.office.save_as(tmp_path / "late.sqlite")  # a site that joins later, from the office's file as it was
    yield s
    s.close()


def versions_of(s, pid) -> list[str]:
    """The notes of each version of a project on the hub, oldest first."""
    with door.connect(s.server.url(db=s.db)) as conn:
        return [r[0] for r in conn.execute("SELECT data->'values'->>'notes' FROM kc_rows WHERE kind='projects' "
                                           "AND row_id=%s ORDER BY cursor", (pid,))]


def versions(s) -> tuple[int, int]:
    with door.connect(s.server.url(db=s.db)) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT (kind, row_id)) FROM kc_rows").fetchone()


def test_compaction_prunes_what_every_site_has_and_a_late_replica_still_converges(sites, tmp_path):
    s = sites
    mine, other = s.projects[s.unit_ids[0]][0], s.projects[s.unit_ids[1]][0]
    s.sync(0)  # the office's snapshot
    s.units[0].update("projects", mine, {"notes": "一"})
    s.sync(1)
    s.units[0].update("projects", mine, {"notes": "二"})
    s.office.update("projects", mine, {"zone": "办公室片区"})  # concurrent with the unit's: not dominated
    s.sync(1)
    s.units[1].update("projects", other, {"stage": "建设"})
    time.sleep(0.003)
    s.sync(2)
    admin = s.server.url(db=s.db)
    pulled_by_all = compact_hub(admin)[0]  # the office's snapshot of the two projects: both units had it
    assert pulled_by_all == 2
    assert versions_of(s, mine) == ["一", "二"]  # the office has not pulled the unit's edits yet
    s.settle()
    before, records = versions(s)
    deleted, kept = compact_hub(admin)
    assert deleted >= 1 and kept == before - deleted
    assert versions(s) == (kept, records)  # the newest version of every record stays
    assert "一" not in versions_of(s, mine)
    assert compact_hub(admin)[0] == 0  # nothing more to prune
    with Portfolio.open(tmp_path / "late.sqlite") as late:
        report = sync_hub(late, s.server.url(user="unit_c", db=s.db))
        assert not report.refused and not report.offline
        assert late.dump() == s.office.dump()
        assert late.get("projects", mine)["notes"] == "二" and late.get("projects", mine)["zone"] == "办公室片区"


def test_a_replayed_push_is_still_a_no_op_after_compaction(sites):
    s = sites
    s.sync(0)
    pid = s.projects[s.unit_ids[0]][0]
    s.units[0].update("projects", pid, {"notes": "一"})
    s.settle()
    s.units[0].update("projects", pid, {"notes": "二"})
    s.settle()
    with door.connect(s.server.url(db=s.db)) as conn:
        site, seq, manifest = conn.execute("SELECT site_id, seq, manifest FROM kc_changesets WHERE site_id=%s "
                                           "ORDER BY seq LIMIT 1", (s.units[0].site_id,)).fetchone()
    assert compact_hub(s.server.url(db=s.db))[0] >= 1
    with door.connect(s.url(1)) as conn:
        stored, _ = door.push(conn, site, seq, manifest, [])
    assert not stored


def test_cli_hub_compact(sites):
    s = sites
    s.settle()
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "hub", "compact", s.server.url(db=s.db), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert set(json.loads(proc.stdout)) == {"deleted", "kept"}
    refused = subprocess.run([sys.executable, "-m", "desktop.cli", "hub", "compact", s.url(1)],
                             capture_output=True, text=True)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
