"""Heavy libraries loaded on the worker lane the first time an action needs them, not on the UI
thread: the brief's reportlab pages (~0.5 s of imports), the charts' pyqtgraph and numpy (~0.4 s).

Python imports are thread-safe (per-module locks), and these modules create no Qt objects that
belong to a thread when imported; so the worker imports them and the action goes on, on the UI
thread, once they are there (a second request meanwhile waits for the same load)."""
from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from desktop.worker import Background

log = logging.getLogger(__name__)

BRIEF = "db.documents.brief.build"  # reportlab, fonts, the brief's layout
CHARTS = "pyqtgraph"  # and numpy: the 总览, 时间轴 and 指标 screens
WARM_UP_AFTER_MS = 1000  # after the register's first rows: the start's own work is done by then

_loading: dict[str, list[Callable[[], None]]] = {}  # module -> actions waiting for it
_lanes: list[Background] = []  # kept alive until their job is delivered


def loaded(module: str) -> bool:
    return module in sys.modules


def load_then(module: str, then: Callable[[], None], *, busy: bool = True) -> bool:
    """True when `module` is not loaded yet: it is being loaded on the worker and `then()` runs on
    the UI thread once it is (the caller returns now). False: loaded, go on at once. `busy`: a
    busy cursor meanwhile (the user asked for something)."""
    waiting = _loading.get(module)
    if waiting is not None:  # (already in sys.modules while the worker is importing it)
        if then not in waiting:  # asked twice meanwhile: done once
            waiting.append(then)
        return True
    if module in sys.modules:
        return False
    _loading[module] = [then]
    lane = Background()  # of no window: a window closed meanwhile leaves it be
    _lanes.append(lane)
    if busy:
        QGuiApplication.setOverrideCursor(Qt.BusyCursor)

    def finish(_result=None) -> None:
        if busy:
            QGuiApplication.restoreOverrideCursor()
        _lanes.remove(lane)
        for action in _loading.pop(module, []):
            action()

    def failed(exc: BaseException) -> None:
        log.warning("loading %s on the worker failed: %s", module, exc)
        finish()  # the action imports it itself and reports what fails

    lane.submit(lambda: importlib.import_module(module), finish, failed)
    return True


def warm_up(module: str) -> None:
    """Load `module` on the worker ahead of its first use (nothing runs after)."""
    load_then(module, _nothing, busy=False)


def _nothing() -> None:
    pass


def charts_after_rows(window: QObject, register) -> None:
    """Once the register's first rows are there and the window has settled (the start's own work
    done), the charts' library loads on the worker: the first 总览/时间轴/指标 builds only its screen."""
    model = register.list.model

    def shown() -> None:
        if register.rows():
            model.modelReset.disconnect(shown)
            QTimer.singleShot(WARM_UP_AFTER_MS, window, lambda: warm_up(CHARTS))
    model.modelReset.connect(shown)
