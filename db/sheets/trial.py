"""Checking planned ops against the real write path without keeping anything.

Each row's ops run through the portfolio's own Writer inside one transaction, each row in a
savepoint rolled back right after, and the whole transaction is rolled back at the end. So the
preview rejects exactly what `apply()` would refuse (references, milestone rules, re-plans
without a reason) with the write path's own message, and nothing is written.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from db.errors import UserError
from db.store.changes import Op
from db.store.connection import savepoint_rolled_back

if TYPE_CHECKING:
    from db.portfolio import Portfolio


K = TypeVar("K")  # a row's key: its index in the sheet's plan


def trial(pf: Portfolio, setup: Sequence[Op], rows: Sequence[tuple[K, Sequence[Op]]]) -> dict[K, UserError]:
    """Errors by row key for rows whose ops the write path refuses ({} when all pass).

    `setup` (e.g. new units) is applied first and stays visible to every row. Needs a portfolio
    opened for writing; a read-only one is not checked (nothing is returned)."""
    if pf.readonly or not rows:
        return {}
    errors: dict[K, UserError] = {}
    with pf.write("import trial", keep=False) as db:
        if setup:
            pf.writer.apply(setup)
        for key, ops in rows:
            with savepoint_rolled_back(db):
                try:
                    pf.writer.apply(ops)
                except UserError as exc:
                    errors[key] = exc
    return errors
