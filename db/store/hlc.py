"""Hybrid logical clocks (DESIGN §5): wall ms, counter, site — as sortable strings.

Format "WWWWWWWWWWWWW-CCCC-SSSSSSSSSSSSSSSS": 13 decimal digits of wall-clock milliseconds,
4 hex digits of counter, 16 hex digits of site id. String order is clock order.
"""
from __future__ import annotations

import re
import secrets
from typing import Protocol

from db import clock

# ASCII digits only, and \Z: `\d` took any script's digits and `$` a final newline (clocks that
# sort apart from every real one, accepted from received files)
HLC_RE = re.compile(r"^([0-9]{13})-([0-9a-f]{4})-([0-9a-f]{16})\Z")
SITE_RE = re.compile(r"^[0-9a-f]{16}\Z")
BUILTIN_SITE = "0" * 16
# Clock of the built-in portfolio's cells: older than any edit, the same on every machine.
BUILTIN_HLC = f"{0:013d}-0000-{BUILTIN_SITE}"
MAX_COUNTER = 0xFFFF


def new_site_id() -> str:
    return secrets.token_hex(8)


def parse(h: str) -> tuple[int, int, str]:
    m = HLC_RE.match(h) if isinstance(h, str) else None
    if not m:
        raise ValueError(f"not a clock: {h!r}")
    return int(m.group(1)), int(m.group(2), 16), m.group(3)


def fmt(wall: int, counter: int, site: str) -> str:
    return f"{wall:013d}-{counter:04x}-{site}"


def is_valid(h) -> bool:
    return isinstance(h, str) and bool(HLC_RE.match(h))


def wall_ms() -> int:
    return clock.wall_ms()


class Ticker(Protocol):
    """What the writer stamps cells with: a Clock, or the built-in portfolio's fixed clock."""

    @property
    def last(self) -> str: ...

    def tick(self) -> str: ...


class Clock:
    """The local clock of one portfolio file: never goes backwards, absorbs remote clocks."""

    def __init__(self, site: str, last: str | None = None, now=wall_ms):
        self.site = site
        self._now = now
        self.wall, self.counter = 0, 0
        if last:
            self.wall, self.counter, _ = parse(last)

    @property
    def last(self) -> str:
        return fmt(self.wall, self.counter, self.site)

    def tick(self) -> str:
        now = self._now()
        if now > self.wall:
            self.wall, self.counter = now, 0
        elif self.counter < MAX_COUNTER:
            self.counter += 1
        else:
            self.wall, self.counter = self.wall + 1, 0
        return self.last

    def observe(self, remote: str) -> None:
        """Move forward past a clock seen in a received file (so later local edits win)."""
        wall, counter, _ = parse(remote)
        if (wall, counter) > (self.wall, self.counter):
            self.wall, self.counter = wall, counter
