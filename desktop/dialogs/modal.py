"""Running a dialog the window owns, modally, once."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog


def exec_once(dialog: QDialog) -> int:
    """dialog.exec(), then the dialog deleted (its Python attributes stay readable until control
    returns to the event loop): a child of the window is otherwise kept, with its brief or plan,
    until the window closes — a long session grew by every closed dialog."""
    result = dialog.exec()
    dialog.deleteLater()
    return result
