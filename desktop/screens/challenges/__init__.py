"""The 揭榜挂帅 screen: challenge list, detail with teams, pledge, reviews and the 赛马 standings."""
from __future__ import annotations

__all__ = ["ChallengeScreen"]


def __getattr__(name: str):
    # imported when asked for: the project detail's problem list uses .common at start-up, and the
    # screen itself (with its dialogs) is built only when first shown
    if name == "ChallengeScreen":
        from desktop.screens.challenges.screen import ChallengeScreen
        return ChallengeScreen
    raise AttributeError(name)
