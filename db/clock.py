"""The one place the core reads the system's date and time.

Every date and time the core writes or compares — re-plans' recorded_at, backups' names, export
manifests, merge history, peers' times, brief dates, colours — comes from a portfolio's
`WallClock` (`pf.today()`, `pf.now()`), which a test or script can pin. Code outside this module
does not call date.today() / datetime.now() / time.time() (tests/test_clock.py enforces it).
The hybrid logical clocks of the merge take their wall milliseconds from `wall_ms()` here too.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable


def system_now() -> dt.datetime:
    """The machine's local time, naive, to the microsecond."""
    return dt.datetime.now()


def system_today() -> dt.date:
    return system_now().date()


def wall_ms() -> int:
    """Milliseconds since the epoch, for hybrid logical clocks (db/store/hlc.py)."""
    return time.time_ns() // 1_000_000


def stamp(moment: dt.datetime) -> str:
    """The form stored in the file: 2026-11-18T09:30:00."""
    return moment.isoformat(timespec="seconds")


class WallClock:
    """A portfolio's today() and now().

    With nothing pinned both follow the system. `today` (a callable returning a date) pins the
    date — times written are then that date at the system's time of day, so a pinned portfolio
    stays self-consistent (a re-plan recorded "today" falls in today's week). `now` (a callable
    returning a datetime) pins both.
    """

    def __init__(self, today: Callable[[], dt.date] | None = None,
                 now: Callable[[], dt.datetime] | None = None):
        self._today = today
        self._now = now

    def now(self) -> dt.datetime:
        if self._now is not None:
            return self._now()
        moment = system_now()
        if self._today is not None:
            return dt.datetime.combine(self._today(), moment.time())
        return moment

    def today(self) -> dt.date:
        if self._today is not None:
            return self._today()
        return self.now().date()

    def stamp(self) -> str:
        return stamp(self.now())
