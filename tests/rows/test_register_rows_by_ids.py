"""An edit refreshes only the register rows (and colours) of the projects its Changes touch
(issue #20): those rows, merged into the rows shown before, equal a full reload — after every one
of many random edits, including milestones that move between projects and projects deleted."""
import datetime as dt
import random

import pytest

from db import builtin, colours
from db.portfolio import Portfolio
from db.rows import register
from refresh_edits import random_edit

TODAY = dt.date(2025, 9, 15)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: TODAY)
    builtin.load(p)
    yield p
    p.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rows_refreshed_by_ids_equal_a_full_reload(pf, seed):
    rng = random.Random(seed)
    shown = {r["id"]: r for r in register.project_rows(pf)}
    kinds_seen = set()
    for _ in range(40):
        changes = pf.apply(random_edit(pf, rng))
        kinds_seen |= {(r.kind, r.action) for r in changes.records}
        touched = register.projects_touched(pf, changes)
        fresh = {r["id"]: r for r in register.project_rows(pf, only=touched)}
        for pid in touched:
            shown.pop(pid, None)
        shown.update(fresh)
        assert shown == {r["id"]: r for r in register.project_rows(pf)}
        # the colours of the touched projects are the whole-portfolio colours of those projects
        everything = colours.all_colours(pf)["projects"]
        some = colours.all_colours(pf, project_ids=sorted(touched))["projects"]
        assert {k: (c.code, c.reason) for k, c in some.items()} == \
            {k: (everything[k].code, everything[k].reason) for k in touched if k in everything}
    # the edits really covered the ways a row can change
    assert {("milestones", "update"), ("replans", "create"), ("projects", "update")} <= kinds_seen
