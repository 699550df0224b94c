"""Issue #21 finding 5: one definition of a unit's slice, the same in the exported file and the 调度表."""
from __future__ import annotations

import datetime as dt

import pytest

from db import builtin
from db.exchange.export import export
from db.portfolio import Portfolio
from db.sheets.template_export import template_rows
from db.unit_slice import unit_slice

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True, today=lambda: TODAY)
    builtin.load(p)
    yield p
    p.close()


def _unit(pf, name):
    return next(u for u in pf.list("units") if u["name"] == name)


def test_export_and_template_carry_the_same_slice(pf, tmp_path):
    cqu = _unit(pf, "重庆大学")
    other = next(p for p in pf.list("projects")
                 if cqu["id"] not in [p["lead_unit_id"], *p["responsible_unit_ids"]])
    owned, _ = pf.create("milestones", {"project_id": other["id"], "name": "完成核心部件联调",
                                        "owner_unit_id": cqu["id"], "planned_date": "2026-09-30"})
    foreign, _ = pf.create("milestones", {"project_id": other["id"], "name": "别家的节点",
                                          "planned_date": "2026-10-31"})
    s = unit_slice(pf, {cqu["id"]})
    assert owned in s["milestones"] and other["id"] in s["context_projects"]

    # the 调度表 has it
    rows = template_rows(pf, cqu["id"])
    template_ms = {m["id"] for m in rows["milestones"]}
    assert owned in template_ms and foreign not in template_ms

    # and so does the exported file, with its project, but not the project's other milestones
    out = tmp_path / "cqu.sqlite"
    export(pf, out, units=["重庆大学"])
    with Portfolio.open(out, readonly=True) as sliced:
        exported = {m["id"] for m in sliced.list("milestones")}
        assert owned in exported and foreign not in exported
        assert sliced.get("projects", other["id"]) is not None
        # every open milestone of the template is in the file: one slice
        assert template_ms <= exported
        assert {p["id"] for p in sliced.list("projects")} >= s["projects"]
