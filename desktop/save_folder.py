"""Where save and open dialogs start: the folder the user last chose, else 文档 (Documents), else the
home folder — never the hidden folder where the app keeps its own portfolio and backups."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "dialogs/last_folder"


def _settings():
    from desktop.app import settings  # (the app module builds the main window, which imports this)
    return settings()


def documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def _hidden(folder: Path) -> bool:
    from desktop import paths
    try:
        folder.resolve().relative_to(paths.data_dir().resolve())
        return True
    except ValueError:
        return False


def start_folder() -> Path:
    last = _settings().value(KEY)
    if last and Path(last).is_dir() and not _hidden(Path(last)):
        return Path(last)
    return documents()


def remember(path: str | Path) -> None:
    folder = Path(path).parent
    if not _hidden(folder):
        _settings().setValue(KEY, str(folder))


def save_name(parent: QWidget | None, title: str, name: str, filters: str) -> str:
    """Ask where to save `name` (starting in start_folder()); "" if cancelled. The folder is remembered."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), filters)
    if path:
        remember(path)
    return path


def open_name(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if path:
        remember(path)
    return path


def open_names(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Several files to open (e.g. photos to attach), starting in start_folder(); the folder is remembered."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    if paths:
        remember(paths[0])
    return paths
