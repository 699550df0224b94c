"""Changesets (`export --since-last PEER`): only what a peer has not acknowledged, merged by the
same merge, the manifest saying what it covers (issue #19)."""
import json
import subprocess
import sys

import pytest
from replicas import state

from db.builtin import builtin_id
from db.errors import UserError
from db.exchange.changeset import export_since_last, own_since
from db.exchange.changeset import write as write_changeset
from db.exchange.merge import merge
from db.store import sync

FACILITY = builtin_id("000-p-5-1")


def peers_of(pf):
    with pf.read() as db:
        return sync.watermarks(db)


def send(src, dst, path):
    """src writes a changeset of what dst has not acknowledged; returns its path."""
    export_since_last(src.pf, path, dst.pf.site_id)
    return path


def acquainted(offices):
    """A and B, each having merged one full file of the other (so each knows what the other has)."""
    a, b = offices("a"), offices("b")
    b.receive(a.send())
    a.receive(b.send())
    return a, b


def test_changeset_holds_only_unacknowledged_records_and_merges_like_a_file(offices, tmp_path):
    a, b = acquainted(offices)
    pid = a.pf.list("projects")[3]["id"]
    a.pf.update("projects", pid, {"notes": "本周进展"})
    out = tmp_path / "cs.sqlite"
    manifest = export_since_last(a.pf, out, b.pf.site_id)
    cs = json.loads(manifest["changeset"])
    assert cs["peer"] == b.pf.site_id and cs["changed"] == 1
    assert cs["upto"][a.pf.site_id] == a.pf.clock.last
    counts = json.loads(manifest["counts"])
    assert counts["projects"] == 1 and counts["milestones"] == 0  # the project and the units it names
    assert out.stat().st_size < (tmp_path / "a-out-0.sqlite").stat().st_size / 2
    r = b.receive(out)
    assert r.totals()["updated"] == 1
    assert state(a.pf) == state(b.pf)
    again = b.receive(out)  # idempotent
    assert sum(again.totals().values()) == 0


def test_changeset_includes_tombstones_and_a_stale_changeset_cannot_resurrect(offices, tmp_path):
    a, b = acquainted(offices)
    pid = a.pf.list("projects")[5]["id"]
    old = tmp_path / "old.sqlite"
    a.pf.update("projects", pid, {"notes": "旧"})
    export_since_last(a.pf, old, b.pf.site_id)
    a.pf.delete("projects", pid)
    new = tmp_path / "new.sqlite"
    export_since_last(a.pf, new, b.pf.site_id)
    b.receive(new)
    assert b.pf.get("projects", pid) is None
    b.receive(old)  # the stale one arrives late
    assert b.pf.get("projects", pid) is None
    assert state(a.pf) == state(b.pf)


def test_acknowledgement_shrinks_the_next_changeset(offices, tmp_path):
    a, b = acquainted(offices)
    ids = [p["id"] for p in a.pf.list("projects")[:3]]
    for pid in ids:
        a.pf.update("projects", pid, {"notes": "一"})
    first = tmp_path / "1.sqlite"
    assert json.loads(export_since_last(a.pf, first, b.pf.site_id)["changeset"])["changed"] == 3
    b.receive(first)
    # not acknowledged yet: the next changeset still carries them
    assert json.loads(export_since_last(a.pf, tmp_path / "2.sqlite", b.pf.site_id)["changeset"])["changed"] == 3
    a.receive(send(b, a, tmp_path / "back.sqlite"))
    a.pf.update("projects", ids[0], {"notes": "二"})
    cs = json.loads(export_since_last(a.pf, tmp_path / "3.sqlite", b.pf.site_id)["changeset"])
    assert cs["changed"] == 1


def test_concurrent_edits_through_changesets_give_one_conflict(offices, tmp_path):
    a, b = acquainted(offices)
    a.pf.update("projects", FACILITY, {"zone": "科学谷"})
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})
    r = b.receive(send(a, b, tmp_path / "from-a.sqlite"))
    assert r.totals()["conflicts"] == 1
    a.receive(send(b, a, tmp_path / "from-b.sqlite"))
    assert state(a.pf) == state(b.pf)
    with b.pf.read() as db:
        assert db.execute("SELECT count(*) FROM merge_conflicts").fetchone()[0] == 1


def test_an_out_of_order_changeset_moves_no_watermark(offices, tmp_path):
    a, b = acquainted(offices)
    since0 = a.pf.clock.last
    a.pf.update("projects", FACILITY, {"notes": "一"})
    keep1, d1 = own_since(a.pf, since0)
    write_changeset(a.pf, tmp_path / "1.sqlite", keep1, d1)
    since1 = a.pf.clock.last
    a.pf.update("projects", FACILITY, {"zone": "二"})
    keep2, d2 = own_since(a.pf, since1)
    write_changeset(a.pf, tmp_path / "2.sqlite", keep2, d2)
    before = peers_of(b.pf)[a.pf.site_id]
    b.receive(tmp_path / "2.sqlite")  # the second before the first: b lacks a's cells up to since1
    assert peers_of(b.pf)[a.pf.site_id] == before
    b.receive(tmp_path / "1.sqlite")
    assert peers_of(b.pf)[a.pf.site_id] == since1
    assert state(a.pf) == state(b.pf)


def test_unknown_peer_is_one_clear_error(offices, tmp_path):
    a = offices("a")
    with pytest.raises(UserError, match="从未收到过站点"):
        export_since_last(a.pf, tmp_path / "x.sqlite", "0123456789abcdef")
    assert not (tmp_path / "x.sqlite").exists()


def test_cli_export_since_last(offices, tmp_path):
    a, b = acquainted(offices)
    a.pf.update("projects", FACILITY, {"notes": "命令行"})
    a.close()
    out = tmp_path / "cs.sqlite"
    run = [sys.executable, "-m", "desktop.cli", "export", str(a.pf.path), "--since-last", b.pf.site_id[:8],
           "--out", str(out), "--json"]
    proc = subprocess.run(run, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert json.loads(doc["manifest"]["changeset"])["changed"] == 1
    assert merge(b.pf, out).totals()["updated"] == 1
    bad = subprocess.run(run[:5] + ["ffffffffffffffff", "--out", str(tmp_path / "y.sqlite")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
