"""Closing a main window for good while Qt is still alive (pyqtgraph items left to interpreter
exit have crashed PySide6 in garbage collection)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from db.sheets import gcpause


def dispose(window) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    gcpause.collect_all()  # frozen objects too: the window's cycles were frozen alive (db/sheets/gcpause.py)
