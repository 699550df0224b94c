"""A received row's cells that are byte for byte ours (same value, same storage class, found by
SQLite with our file attached) are decoded as ours, not validated again (issue #20,
db/store/received_rows.py); the merge decides exactly what validating every cell decided."""

import pytest
from test_merge_reads_their_changes import _both_ways, _decided, _diverged, _forged

from db.exchange.merge import local_watermarks
from db.store import received_rows
from db.store.received import RefusedFile, read


def test_only_the_cells_that_differ_from_ours_are_validated(offices, tmp_path, monkeypatch):
    a, _b, sent, _changed = _diverged(offices, tmp_path)
    (_fast, fast_plan), (_slow, slow_plan) = _both_ways(a.pf, sent)
    assert _decided(fast_plan) == _decided(slow_plan)
    checked = []
    real = received_rows.check

    def check(kind, f, value, record="", *, stored=False):
        checked.append((kind.name, f.name))
        return real(kind, f, value, record, stored=stored)
    monkeypatch.setattr(received_rows, "check", check)
    fast = read(sent, local=a.pf.read, local_file=a.pf.path, seen=local_watermarks(a.pf))
    # the other side changed the notes and annual_invested of projects we hold (and deleted some we
    # hold: those rows' field cells are ours) — no other field of those rows is validated again
    held = [rid for rid in fast.rows["projects"] if a.pf.get("projects", rid, include_deleted=True)]
    assert held
    assert {f for k, f in checked if k == "projects"} <= {"notes", "annual_invested"}


def test_a_changed_cell_is_still_validated(offices, tmp_path):
    """A forged file: a project's name, in a row the other side changed, made invalid (a control
    character) without its clock: it differs from ours, so it is validated and refused."""
    a, _b, sent, changed = _diverged(offices, tmp_path)
    pid = sorted(changed)[0]
    forged = _forged(sent, tmp_path, "UPDATE projects SET name = name || char(7) WHERE id=?", pid)
    with pytest.raises(RefusedFile):
        read(forged, local=a.pf.read, local_file=a.pf.path, seen=local_watermarks(a.pf))
