"""Every live milestone with one integer that packs what its colour depends on (db/colours.py).

Reading 100,000 milestones for their colours costs mostly the text cells Python has to build
(a status, three dates and a plan name per row), not the rules: here SQLite reads the dates
as day numbers and packs them with the status into one integer, and db/colours.py computes one
colour per distinct key (a city has a few thousand among 100,000 milestones). Only facts are
packed — which rule applies stays in db/colours.py.

A key is `value << 3 | tag` (Python: tag = key & 7, value = key >> 3):
  CANCELLED, NOT_ACHIEVED, CARRIED: the status closes it; value 0.
  DONE: value = planned - actual in days (actual missing: today; planned missing: 0), signed.
  OPEN: any other status (none too); value = ((planned * DAY_SPAN + baseline) * 2 + blocked)
        * (len(plans) + 1) + plan, with day numbers (date.toordinal(), 0 = no date), blocked
        1 for 受阻, plan the 1-based position in `plans` of its source_doc (0: not one of them).
A date is a date exactly when db.store.values.parse_date reads one: YYYY-MM-DD, a real day,
year 0001 on.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

CANCELLED, NOT_ACHIEVED, CARRIED, DONE, OPEN = 0, 1, 2, 3, 4
DAY_SPAN = 1 << 22  # > date(9999, 12, 31).toordinal()
_JULIAN_OFFSET = 1721424  # int(julianday(d)) - d.toordinal()
_CLOSING = {"取消": CANCELLED, "未完成": NOT_ACHIEVED, "转入新规划": CARRIED}


def _day(column: str) -> str:
    """SQL: the day number of a date column, NULL where parse_date finds no date."""
    # date(x, '+0 days') is the canonical YYYY-MM-DD of whatever SQLite reads as a day (a 2月30日
    # rolls over, a time or a day number reads as some day): equal to x only for a real day in
    # that form; parse_date refuses year 0000, SQLite does not.
    return (f"(CASE WHEN {column} >= '0001' AND date({column}, '+0 days') = {column}"
            f" THEN CAST(julianday({column}) AS INTEGER) - {_JULIAN_OFFSET} END)")


def unpack_open(value: int, plans: int) -> tuple[int | None, int | None, bool, int]:
    """(planned, baseline, blocked, plan) of an OPEN key's value; `plans`: len(plans) given."""
    rest, plan = divmod(value, plans + 1)
    rest, blocked = divmod(rest, 2)
    planned, baseline = divmod(rest, DAY_SPAN)
    return planned or None, baseline or None, bool(blocked), plan


def _key(plans: Sequence[str]) -> str:
    """SQL: a milestone's key (parameters: `_params`)."""
    closing = " ".join(f"WHEN ?{i} THEN {_CLOSING[s]}" for i, s in enumerate(_CLOSING, start=2))
    plan = " ".join(f"WHEN ?{i} THEN {n}" for n, i in enumerate(range(7, 7 + len(plans)), start=1))
    plan = f"(CASE source_doc {plan} ELSE 0 END)" if plans else "0"
    planned, baseline = _day("planned_date"), _day("baseline_date")
    return (f"CASE status {closing}"
            f" WHEN ?5 THEN coalesce({planned} - coalesce({_day('actual_date')}, ?1), 0) * 8 + {DONE}"
            f" ELSE (((coalesce({planned}, 0) * {DAY_SPAN} + coalesce({baseline}, 0)) * 2 + (status IS ?6))"
            f" * {len(plans) + 1} + {plan}) * 8 + {OPEN} END")


def _params(today: int, plans: Sequence[str]) -> list:
    return [today, *_CLOSING, "已完成", "受阻", *plans]


_OPEN_NAME = "CASE WHEN status IN (?2, ?3, ?4, ?5) THEN NULL ELSE name END"


def _read(conn: sqlite3.Connection, columns: str, where: str, params: list,
          project_ids: Sequence[str] | None) -> Iterator[tuple]:
    if project_ids is not None:
        where += f" AND project_id IN ({', '.join('?' * len(project_ids))})"
        params += list(project_ids)
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(f"SELECT {columns} FROM milestones WHERE {where} ORDER BY rowid", params)


def milestone_keys(conn: sqlite3.Connection, today: int, plans: Sequence[str],
                   project_ids: Sequence[str] | None = None) -> Iterator[tuple]:
    """(id, project_id, team_id, name unless its status closes it, key) of every live milestone
    in rowid order, as plain tuples, one at a time (a list of them all is ~30 MB at city scale);
    read them while holding the connection. `today` a day number, `plans` the plan names worth
    telling apart (the ended ones). With `project_ids`, only those projects' milestones."""
    return _read(conn, f"id, project_id, team_id, {_OPEN_NAME}, {_key(plans)}", "deleted=0",
                 _params(today, plans), project_ids)


def milestone_keys_and(conn: sqlite3.Connection, today: int, plans: Sequence[str],
                       fields: Sequence[str]) -> Iterator[tuple]:
    """milestone_keys, each tuple followed by these further columns of the milestone (trusted
    names, db/rows/snapshot.py's), its name given whatever its status (db/colours.py reads a
    name only with an OPEN key): one read of every milestone for both the colours and the
    records a caller keeps."""
    return _read(conn, f"id, project_id, team_id, name, {_key(plans)}, {', '.join(fields)}", "deleted=0",
                 _params(today, plans), None)


def project_milestone_keys(conn: sqlite3.Connection, today: int, plans: Sequence[str],
                           project_ids: Sequence[str] | None = None) -> Iterator[tuple]:
    """milestone_keys of the projects' milestones without their ids and teams: (project_id, name
    unless its status closes it, key), for the projects' colours alone."""
    return _read(conn, f"project_id, {_OPEN_NAME}, {_key(plans)}", "deleted=0 AND project_id IS NOT NULL",
                 _params(today, plans), project_ids)
