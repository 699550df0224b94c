"""A page of the main window whose screen is built the first time it is needed.

At city scale the secondary screens (timeline, 揭榜挂帅, 指标, 总览) and the chart library they
use cost more than the whole rest of start-up; building them when first shown or first asked for
lets the window paint as soon as the register is there."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[QWidget], QWidget], parent=None):
        super().__init__(parent)
        self._build = build
        self._screen: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._screen is not None

    def screen(self) -> QWidget:
        if self._screen is None:
            self._screen = self._build(self)
            self.layout().addWidget(self._screen)
            if self.isVisible():  # asked for while shown: show it now, not on the next event loop turn
                self._screen.show()
        return self._screen

    def showEvent(self, event) -> None:  # noqa: N802
        self.screen()
        super().showEvent(event)
