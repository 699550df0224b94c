"""Closing a main window for good while Qt is still alive (pyqtgraph items left to interpreter
exit have crashed PySide6 in garbage collection)."""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent


def dispose(window) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
