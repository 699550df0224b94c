"""A problem's colour, from the one colour engine's colours and wording (db/colours.py):

- open (提出/交办/签收/办理中/退回) and past its 办理时限 → 红 (滞后督办);
- open and due within 3 days (threshold "problem_due_soon_days") → 黄 (超期预警);
- open with time left → 绿; 办结 by its 时限 → 蓝, 办结 after it → 绿 (DESIGN §3: 蓝 is done before
  the date, the issue's "blue/green by whether it met the 时限");
- 挂起, or open with no 时限 → 灰.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from db.colours import BLUE, GREEN, GREY, RED, YELLOW, Colour, thresholds
from db.i18n import QT_TRANSLATE_NOOP
from db.problems.rules import CLOSED, SUSPENDED
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

DUE_SOON_DAYS = 3
R = {
    "suspended": QT_TRANSLATE_NOOP("colour", "已挂起"),
    "no_due": QT_TRANSLATE_NOOP("colour", "未设定办理时限"),
    "overdue": QT_TRANSLATE_NOOP("colour", "超过办理时限 {days} 天，尚未办结"),
    "due_today": QT_TRANSLATE_NOOP("colour", "今天到期，尚未办结"),
    "due_soon": QT_TRANSLATE_NOOP("colour", "{days} 天后到期（{date}），尚未办结"),
    "in_time": QT_TRANSLATE_NOOP("colour", "距办理时限还有 {days} 天"),
    "closed_in_time": QT_TRANSLATE_NOOP("colour", "已在时限内办结（{date}）"),
    "closed_late": QT_TRANSLATE_NOOP("colour", "已办结，超过时限 {days} 天"),
    "closed": QT_TRANSLATE_NOOP("colour", "已办结"),
}


def _c(code: str, msg, **params) -> Colour:
    return Colour(code, msg=msg, params=params)


def problem_colour(p: dict, today: dt.date, soon_days: int = DUE_SOON_DAYS) -> Colour:
    status = p.get("status") or "提出"
    due = parse_date(p.get("due_date") or "")
    if status == CLOSED:
        closed = parse_date(p.get("closed_on") or "")
        if due is None or closed is None:
            return _c(GREEN, R["closed"])
        late = (closed - due).days
        return _c(GREEN, R["closed_late"], days=late) if late > 0 else _c(BLUE, R["closed_in_time"], date=closed)
    if status == SUSPENDED:
        return _c(GREY, R["suspended"])
    if due is None:
        return _c(GREY, R["no_due"])
    left = (due - today).days
    if left < 0:
        return _c(RED, R["overdue"], days=-left)
    if left == 0:
        return _c(YELLOW, R["due_today"])
    if left <= soon_days:
        return _c(YELLOW, R["due_soon"], days=left, date=due.isoformat())
    return _c(GREEN, R["in_time"], days=left)


def problem_colours(pf: Portfolio, today: dt.date | None = None, problems: list[dict] | None = None) -> dict[str, Colour]:
    """Colours of every live problem (or of `problems`), keyed by id."""
    today = today or pf.today()
    soon = int(thresholds(pf).get("problem_due_soon_days", DUE_SOON_DAYS))
    rows = problems if problems is not None else pf.list("problems")
    return {p["id"]: problem_colour(p, today, soon) for p in rows}
