"""Checking planned ops against the real write path without keeping anything.

Each row's ops run through the portfolio's own Writer inside one transaction, each row in a
savepoint rolled back right after, and the whole transaction is rolled back at the end. So the
preview rejects exactly what `apply()` would refuse (references, milestone rules, re-plans
without a reason) with the write path's own message, and nothing is written.
"""
from __future__ import annotations

import sqlite3

from db.store.changes import Op
from db.errors import UserError, raise_sqlite


def trial(pf, setup: list[Op], rows: list[tuple[object, list[Op]]]) -> dict[object, UserError]:
    """Errors by row key for rows whose ops the write path refuses ({} when all pass).

    `setup` (e.g. new units) is applied first and stays visible to every row. Needs a portfolio
    opened for writing; a read-only one is not checked (nothing is returned)."""
    if pf.readonly or not rows:
        return {}
    errors: dict[object, UserError] = {}
    conn, clock = pf.conn, pf.clock
    with pf._mutex:
        saved = (clock.wall, clock.counter)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise_sqlite(exc)
        try:
            if setup:
                pf.writer.apply(setup)
            for key, ops in rows:
                conn.execute("SAVEPOINT sheet_row")
                try:
                    pf.writer.apply(ops)
                except UserError as exc:
                    errors[key] = exc
                finally:
                    conn.execute("ROLLBACK TO sheet_row")
                    conn.execute("RELEASE sheet_row")
        finally:
            conn.execute("ROLLBACK")
            clock.wall, clock.counter = saved
    return errors
