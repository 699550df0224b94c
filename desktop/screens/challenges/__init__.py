"""The 揭榜挂帅 screen: challenge list, detail with teams, pledge, reviews and the 赛马 standings."""
from desktop.screens.challenges.screen import ChallengeScreen

__all__ = ["ChallengeScreen"]
