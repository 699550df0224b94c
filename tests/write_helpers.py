"""Fixtures and helpers shared by the write-path tests."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db.errors import ValidationError
from db.model import KINDS
from db.portfolio import Portfolio

TODAY = dt.date(2025, 6, 1)
UUID_RE = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


# -- fixtures and helpers ----------------------------------------------------------------

@pytest.fixture
def path(tmp_path):
    return tmp_path / "p.sqlite"


@pytest.fixture
def pf(path):
    p = Portfolio.open(path, create=True, today=lambda: TODAY)
    yield p
    p.close()


@pytest.fixture
def proj(pf):
    pid, _ = pf.create("projects", {"name": "超瞬态实验装置", "total_investment": 1000})
    return pid


@pytest.fixture
def ms(pf, proj):
    mid, _ = pf.create("milestones", {"project_id": proj, "name": "主体封顶",
                                      "planned_date": "2025-06-30"})
    return mid


def raw(pf, table, row_id):
    return pf._conn.execute(f"SELECT * FROM {table} WHERE id=?", (row_id,)).fetchone()


def clocks(pf, table, row_id) -> dict:
    return json.loads(raw(pf, table, row_id)["cell_clocks"])


def snapshot(pf) -> dict:
    """Every raw row of every synced table (tombstones and bookkeeping included) plus meta."""
    out = {}
    for kind in KINDS.values():
        out[kind.table] = sorted(tuple(r) for r in pf._conn.execute(f"SELECT * FROM {kind.table}"))
    out["meta"] = sorted(tuple(r) for r in pf._conn.execute("SELECT key, value FROM meta"))
    return out


def all_stamps(pf) -> list[str]:
    """Every clock stored anywhere in the file."""
    stamps = []
    for kind in KINDS.values():
        for r in pf._conn.execute(f"SELECT created_hlc, cell_clocks FROM {kind.table}"):
            stamps.append(r["created_hlc"])
            stamps.extend(json.loads(r["cell_clocks"]).values())
    return stamps


def assert_refused(pf, ops, *fragments, exc=ValidationError):
    """Applying ops raises exc whose message contains every fragment; nothing changes."""
    dump_before, snap_before, clock_before = pf.dump(), snapshot(pf), pf.clock.last
    with pytest.raises(exc) as info:
        pf.apply(ops)
    msg = str(info.value)
    for frag in fragments:
        assert frag in msg, f"{frag!r} not in message {msg!r}"
    assert pf.dump() == dump_before
    assert snapshot(pf) == snap_before
    assert pf.clock.last == clock_before
    return msg
