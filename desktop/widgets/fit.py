"""Sizes that fit the screen the window is on (a 1366×768 office laptop, a 1280×720 projector):
never larger than the available area, window sizes and splitter positions remembered."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QScrollArea, QSplitter, QWidget

# The window frame around a top-level widget (title bar, borders) is not part of its size.
FRAME = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen not taken by task bars (the primary screen before it is shown)."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.window() if parent else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def usable(widget: QWidget | None = None) -> QSize:
    """The largest size a top-level window can have with its frame still on the screen."""
    return available(widget).size() - FRAME


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or to what the screen allows, and keep the whole window on it."""
    room = usable(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
    if widget.isWindow() and not isinstance(widget, QDialog):  # dialogs are centred on their parent
        area = available(widget)
        widget.move(area.x() + max(0, (area.width() - widget.width() - FRAME.width()) // 2),
                    area.y() + max(0, (area.height() - widget.height() - FRAME.height()) // 2))


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a frameless scroll area: on a small screen it scrolls instead of pushing buttons off it."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # it scrolls up and down; the width is the area's
    area.setWidget(content)
    return area


def save_splitters(settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    for name, splitter in splitters.items():
        settings.setValue(f"splitters/{name}", splitter.saveState())


def restore_splitters(settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    for name, splitter in splitters.items():
        state = settings.value(f"splitters/{name}")
        if state is not None:
            splitter.restoreState(state)
