"""Which kinds of record each screen shows — the one place that says so.

Every screen hears the session's one `changed` signal through `watch()`: its slot runs only when
the Changes touch a kind it declared here (a whole-file change — another file opened, a merge, a
restore, an undone merge — touches every kind). A screen that needs the record ids (the register
refreshes only its changed rows) reads them from the Changes it is given.
"""
from __future__ import annotations

from collections.abc import Callable

from db.model import KINDS
from db.store.changes import Changes

WATCHED: dict[str, frozenset[str]] = {
    "window": frozenset({"projects", "milestones", "challenges", "indicators"}),  # title bar counts
    "register": frozenset({"projects", "milestones", "units", "settings"}),
    "project_detail": frozenset({"projects", "milestones", "replans", "units", "settings", "problems"}),
    "timeline": frozenset({"milestones", "projects", "replans"}),
    "overview": frozenset(KINDS),  # its figures draw on every kind
    "indicators": frozenset({"indicators", "indicator_values", "settings"}),
    "challenges": frozenset({"challenges", "teams", "milestones", "units", "settings"}),
    "challenge_detail": frozenset({"challenges", "challenge_events", "teams", "milestones", "replans",
                                   "reviews", "tranches", "units", "settings"}),
    "problems": frozenset({"problems", "problem_events", "projects", "units", "settings"}),
    "units": frozenset({"units"} | {k.name for k in KINDS.values()  # and every kind that names a unit
                                     if any(f.ref == "units" for f in k.fields)}),
    "attachments": frozenset({"attachments", "projects", "milestones", "problems", "reviews", "teams"}),
    "file_actions": frozenset(),  # menus enabled by the file (read-only or not): whole-file changes only
}


def concerns(screen: str, changes: Changes) -> bool:
    return changes.everything or bool(changes.kinds() & WATCHED[screen])


def watch(session, screen: str, slot: Callable[[Changes], None]) -> None:
    """Call `slot(changes)` on every change of the portfolio that concerns `screen`."""
    session.changed.connect(lambda changes: slot(changes) if concerns(screen, changes) else None)
