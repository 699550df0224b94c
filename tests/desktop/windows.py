"""Helpers for GUI tests."""
from desktop.windows_cleanup import dispose as close_window  # noqa: F401


def when_modal(steps) -> None:
    """Run `steps(dialog)` once the next modal dialog is open (the call that opens it blocks in exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        steps(dialog)
    QTimer.singleShot(0, run)
