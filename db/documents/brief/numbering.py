"""期号: one number per ISO week, fixed when the week's brief is first issued.

Each issued week has a synced setting of its own, key "brief_number:2026-W47", value the number.
Being separate records, they merge sanely: weeks issued at different sites both survive a merge;
the same week numbered differently at two sites is an ordinary per-cell conflict (one value
wins, the other is kept for review). A reprint or a corrected brief of a week keeps its number;
a week issued for the first time gets the highest number so far plus one.

Files issued by earlier versions kept only the last issued number (setting "brief", field
"last_number"); it still counts as used, so the next new week continues after it.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeGuard

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.portfolio import setting_id
from db.rows.overview import week_bounds
from db.store import records

if TYPE_CHECKING:
    from db.portfolio import Portfolio

PREFIX = "brief_number:"
LEGACY_KEY = "brief"  # the office's brief choices; "last_number" in it is the old counter
MAX_NUMBER = 1_000_000
MSG_TAKEN = QT_TRANSLATE_NOOP("errors", "期号第{number}期已用于 {week} 的简报，请换一个期号")


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def canonical_week(pf: Portfolio, week: str | None) -> str:
    """"2026-W47" as written (checked), or the portfolio's current week for None."""
    monday, _sunday, _as_of = week_bounds(week, pf.today())
    return iso_week(monday)


def _valid(n: object) -> TypeGuard[int]:
    return isinstance(n, int) and not isinstance(n, bool) and 0 < n < MAX_NUMBER


def numbers(pf: Portfolio) -> dict[str, int]:
    """{week: 期号} of every issued week."""
    out = {}
    for rec in pf.list("settings", key=records.Prefix(PREFIX)):
        if _valid(rec["value"]) and rec["id"] == setting_id(rec["key"]):
            out[rec["key"][len(PREFIX):]] = rec["value"]
    return dict(sorted(out.items()))


def number_of(pf: Portfolio, week: str) -> int | None:
    """The 期号 week `week` (canonical) was issued with, None when it never was."""
    n = pf.setting(PREFIX + week)
    return n if _valid(n) else None


def _legacy(pf: Portfolio) -> int:
    stored = pf.setting(LEGACY_KEY)
    n = stored.get("last_number") if isinstance(stored, dict) else None
    return n if _valid(n) else 0


def highest(pf: Portfolio) -> int:
    """The highest 期号 issued so far (0 when none was)."""
    return max([_legacy(pf), *numbers(pf).values()])


def next_number(pf: Portfolio) -> int:
    return highest(pf) + 1


def number_for(pf: Portfolio, week: str) -> int:
    """The 期号 a brief of `week` gets unless told otherwise: its own, or the next one."""
    return number_of(pf, week) or next_number(pf)


def check_free(pf: Portfolio, week: str, number: int) -> None:
    """Refuse giving `week` a 期号 another week was issued with (a reprint keeps its own)."""
    if number_of(pf, week) == number:
        return
    for other, n in numbers(pf).items():
        if n == number and other != week:
            raise UserError(MSG_TAKEN, number=number, week=other)


def number_ops(pf: Portfolio, week: str, number: int) -> list:
    """Ops that record `number` as the 期号 of `week` (none when it already is)."""
    if number_of(pf, week) == number:
        return []
    return pf.setting_ops(PREFIX + week, number)
