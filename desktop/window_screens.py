"""The main window's secondary screens, each built the first time it is shown or asked for
(see widgets/lazy_page.py): their modules and the chart library load then, not at start-up."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.widgets.fit import restore_splitters
from desktop.widgets.lazy_page import LazyPage

NAMES = ("timeline", "challenges", "indicators", "overview", "review", "problems")


def lazy_pages(w) -> dict[str, LazyPage]:
    """The pages of the window `w`, in the navigation's order after 项目."""
    builders = {"timeline": timeline, "challenges": challenges, "indicators": indicators, "overview": overview,
                "review": review, "problems": problems}
    return {name: LazyPage(lambda page, build=builders[name]: build(w, page), w) for name in NAMES}


def timeline(w, page: QWidget) -> QWidget:
    from desktop.screens.timeline import TimelineView
    screen = TimelineView(w.session, page)
    screen.milestone_clicked.connect(w._open_milestone)
    return screen


def challenges(w, page: QWidget) -> QWidget:
    from desktop.screens.challenges import ChallengeScreen
    screen = ChallengeScreen(w.session, page)
    restore_splitters(w.settings, {"challenges": screen.split})
    if w.pf is not None:
        screen.reload()
    return screen


def indicators(w, page: QWidget) -> QWidget:
    from desktop.screens.indicators import IndicatorScreen
    screen = IndicatorScreen(w.session, page)
    if w.pf is not None:
        screen.refill_plans(background=True)  # a province's on the worker
    return screen


def overview(w, page: QWidget) -> QWidget:
    from desktop.screens.overview import OverviewScreen
    screen = OverviewScreen(w.session, page)  # computes its figures when shown
    screen.project_clicked.connect(w.show_project)
    return screen


def review(w, page: QWidget) -> QWidget:
    from desktop.screens.plan_review import PlanReviewScreen
    return PlanReviewScreen(w.session, page)


def problems(w, page: QWidget) -> QWidget:
    from desktop.screens.problems import ProblemScreen
    screen = ProblemScreen(w.session, page)
    if w.session.pf is not None:
        screen.reload()
    return screen
