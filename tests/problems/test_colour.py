"""A problem's colour (db/problems/colour.py), from the one engine's colours: open and past its
时限 → 红, due within 3 days → 黄, 办结 within the 时限 → 蓝 and after it → 绿 (DESIGN §3), 挂起 → 灰."""
from __future__ import annotations

import datetime as dt

import pytest

from db import colours
from db.portfolio import Portfolio
from db.problems import ops
from db.problems.colour import problem_colour, problem_colours

TODAY = dt.date(2026, 6, 10)


def p(status="签收", due="2026-06-20", closed=None):
    return {"status": status, "due_date": due, "closed_on": closed}


@pytest.mark.parametrize("rec, code, reason", [
    (p(due="2026-06-09"), "red", "超过办理时限 1 天，尚未办结"),
    (p(status="退回", due="2026-05-31"), "red", "超过办理时限 10 天，尚未办结"),
    (p(due="2026-06-10"), "yellow", "今天到期，尚未办结"),
    (p(status="提出", due="2026-06-13"), "yellow", "3 天后到期（2026-06-13），尚未办结"),
    (p(due="2026-06-14"), "green", "距办理时限还有 4 天"),
    (p(status="办结", due="2026-06-14", closed="2026-06-14"), "blue", "已在时限内办结（2026-06-14）"),
    (p(status="办结", due="2026-06-01", closed="2026-06-05"), "green", "已办结，超过时限 4 天"),
    (p(status="挂起", due="2026-06-01"), "grey", "已挂起"),
    (p(due=None), "grey", "未设定办理时限"),
])
def test_problem_colour_rules(rec, code, reason):
    c = problem_colour(rec, TODAY)
    assert (c.code, c.reason) == (code, reason)
    assert c.hex == colours.HEX[code]


def test_colours_of_a_portfolio_follow_its_threshold(tmp_path):
    with Portfolio.open(tmp_path / "c.sqlite", create=True, today=lambda: TODAY) as pf:
        proj, _ = pf.create("projects", {"name": "项目"})
        unit, _ = pf.create("units", {"name": "管委会"})
        pid, _ = pf.create("problems", {"project_id": proj, "description": "资金未到位",
                                        "responsible_unit_id": unit, "due_date": "2026-06-15"})
        assert problem_colours(pf)[pid].code == "green"
        pf.apply(pf.setting_ops("colour_thresholds", {"problem_due_soon_days": 7}))
        assert problem_colours(pf)[pid].code == "yellow"
        pf.apply(ops.transition_ops(pf, pid, "交办"))
        pf.apply(ops.transition_ops(pf, pid, "签收"))
        pf.apply(ops.transition_ops(pf, pid, "办结", result="资金已拨付"))
        assert problem_colours(pf)[pid].code == "blue"
