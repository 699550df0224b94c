"""A whole-file merge reads (validates, plans) only the rows the other side changed (issue #20):
SQLite compares the received file's clocks with ours (our file attached read-only), and a row
none of whose cells can win or conflict — each the very write we hold, or older than ours and
already seen by us — is left out. The merge decides exactly what the row-by-row reading decided."""
import shutil
import sqlite3

from test_changeset_merge_cost import acquainted

from db.exchange.export import export
from db.exchange.merge import local_watermarks, plan
from db.store.changes import Delete, Update
from db.store.received import read


def _diverged(offices, tmp_path):
    """Two acquainted replicas that then changed records apart: a 12 projects, b 10 others and 4
    of a's (concurrently); a deleted 2 that b edits later, b deleted 2 that a edited earlier."""
    a, b = acquainted(offices, "d", 60)
    ids = [p["id"] for p in a.pf.list("projects")]
    mine, theirs, both = ids[:12], ids[20:30], ids[8:12]
    gone_here, gone_there = ids[40:42], ids[44:46]
    a.pf.apply([Update("projects", i, {"notes": f"甲方{n}"}) for n, i in enumerate(mine + gone_there)])
    a.pf.apply([Delete("projects", i) for i in gone_here])
    b.pf.apply([Delete("projects", i) for i in gone_there])
    b.pf.apply([Update("projects", i, {"notes": f"乙方{n}", "annual_invested": 10.0 + n})
                for n, i in enumerate(theirs + both + gone_here)])
    sent = tmp_path / "b-whole.sqlite"
    export(b.pf, sent)
    return a, b, sent, set(theirs + both + gone_here + gone_there)


def _forged(sent, tmp_path, sql: str, *params):
    """A copy of the sent file with one statement run on it (no clock moved): a forgery."""
    forged = tmp_path / "forged.sqlite"
    shutil.copyfile(sent, forged)
    conn = sqlite3.connect(forged)
    conn.execute(sql, params)
    conn.commit()
    conn.close()
    return forged


def _decided(result) -> tuple:
    return (result.totals(), result.counts, sorted(map(repr, result.changes)), sorted(map(repr, result.conflicts)),
            sorted(result.resurrected), sorted(result.conflict_clocks.items()), result.rows, result.incoming.max_clock)


def _both_ways(pf, sent):
    """(incoming, plan) read with our file attached, and read row by row (what merges did before)."""
    fast = read(sent, local=pf.read, local_file=pf.path, seen=local_watermarks(pf))
    slow = read(sent, local=pf.read)
    return (fast, plan(pf, fast)), (slow, plan(pf, slow))


def test_only_the_rows_the_other_side_changed_are_read(offices, tmp_path):
    a, _b, sent, changed_there = _diverged(offices, tmp_path)
    (fast, fast_plan), (slow, slow_plan) = _both_ways(a.pf, sent)
    read_ids = {rid for rows in fast.rows.values() for rid in rows}
    # the other side's changes (our tombstones among them: a merge may bring those back, so they
    # are always read) — not the 8 projects only we changed, nor the built-in rows
    assert set(fast.rows["projects"]) == changed_there
    assert len({rid for rows in slow.rows.values() for rid in rows}) > len(read_ids)
    assert _decided(fast_plan) == _decided(slow_plan)
    assert fast_plan.totals()["conflicts"] == 4 and fast_plan.resurrected


def test_a_cell_with_our_clock_but_another_value_is_still_compared(offices, tmp_path):
    """A forged file: a project's name changed without its clock, in a row whose other clocks
    differ from ours. The values of cells of equal clocks are compared as before (not assumed)."""
    a, _b, sent, _changed = _diverged(offices, tmp_path)
    pid = a.pf.list("projects")[0]["id"]  # one only a changed (its notes): ours supersede the row
    forged = _forged(sent, tmp_path, "UPDATE projects SET name = name || '（改）' WHERE id=?", pid)
    (fast, fast_plan), (_slow, slow_plan) = _both_ways(a.pf, forged)
    assert pid in fast.rows["projects"]
    assert _decided(fast_plan) == _decided(slow_plan)
