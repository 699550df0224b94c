"""An id twice in a received file is found from the comparison with our file (issue #20,
db/store/received_diff._duplicate_id), not from a separate grouping of every id of the file: the
rows at the same place as ours (same rowid, same id) hold ids our file holds once, so only the
rows elsewhere are looked up — against each other, and through our index against the file's rows
at the same place. Each case is refused with one clear line naming the id (test_hostile_files.refuse). Within one
table (a new row taking a held record's id): test_received_second_round's id hidden from the index.
"""
from __future__ import annotations

import sqlite3

from hostile_corpus import MILESTONE_ID, PROJECT_ID, edited
from test_hostile_files import mine, refuse, world  # noqa: F401 (fixtures)

from db.store import received_diff


def _same_place(received, pf, table: str, rid: str) -> bool:
    conn = sqlite3.connect(f"{received.resolve().as_uri()}?mode=ro", uri=True)
    theirs = conn.execute(f"SELECT rowid FROM {table} NOT INDEXED WHERE id=?", (rid,)).fetchone()
    conn.close()
    ours = pf._conn.execute(f"SELECT rowid FROM {table} WHERE id=?", (rid,)).fetchone()
    return theirs is not None and ours is not None and theirs[0] == ours[0]


def _found_from_the_comparison(received, pf) -> bool:
    """The comparison with our file alone says "an id twice" (wanted() is None with no id of ours
    of another kind reported: not the row-by-row reading's own check)."""
    conn = sqlite3.connect(f"{received.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert received_diff.attach(conn, pf.path)
        return received_diff.wanted(conn, None, 0, 0, lambda ids: {}) is None
    finally:
        conn.close()


def test_a_new_record_with_the_id_of_one_at_the_same_place_is_refused(world, mine, tmp_path):
    """The new milestone (ours lacks it) takes the id of a project both files hold at the same
    place: found through our index, then the file's row at that rowid."""
    held = mine.list("projects")[0]["id"]
    path = edited(world["base"], tmp_path / "received.sqlite",
                  ("UPDATE milestones SET id=? WHERE id=?", (held, MILESTONE_ID)))
    assert _same_place(path, mine, "projects", held)
    assert _found_from_the_comparison(path, mine)
    refuse(mine, path, held, "同一个编号")


def test_two_new_records_with_one_id_are_refused(world, mine, tmp_path):
    """Both rows elsewhere (ours lacks both): found among the rows elsewhere themselves."""
    path = edited(world["base"], tmp_path / "received.sqlite",
                  ("UPDATE milestones SET id=? WHERE id=?", (PROJECT_ID, MILESTONE_ID)))
    assert not _same_place(path, mine, "projects", PROJECT_ID)
    assert _found_from_the_comparison(path, mine)
    refuse(mine, path, PROJECT_ID, "同一个编号")
