"""Opening and creating portfolio files from the GUI, turning refusals into clear dialogs."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from db import builtin
from db.errors import PortfolioLocked, UserError
from db.portfolio import Portfolio


def _tr(text: str) -> str:
    return QCoreApplication.translate("PortfolioFiles", text)


def open_interactive(parent: QWidget | None, path: Path):
    """Open `path`; on a lock offer read-only; on any refusal explain. Returns Portfolio or None."""
    try:
        return Portfolio.open(path)
    except PortfolioLocked as exc:
        answer = QMessageBox.question(parent, _tr("文件已被打开"),
                                      str(exc) + "\n\n" + _tr("是否以只读方式打开？"),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer == QMessageBox.Yes:
            try:
                return Portfolio.open(path, readonly=True)
            except UserError as exc2:
                QMessageBox.warning(parent, _tr("无法打开"), str(exc2))
        return None
    except UserError as exc:
        QMessageBox.warning(parent, _tr("无法打开"), str(exc))
        return None


def create_interactive(parent: QWidget | None, path: Path, with_builtin: bool = True):
    if path.exists():
        path.unlink()  # the save dialog already asked to replace it
    try:
        pf = Portfolio.open(path, create=True)
        if with_builtin:
            builtin.load(pf)
        return pf
    except UserError as exc:
        QMessageBox.warning(parent, _tr("无法新建"), str(exc))
        return None


def ensure_default(path: Path) -> bool:
    """Create the user's portfolio from the built-in data on first run. True if created."""
    if path.exists():
        return False
    pf = Portfolio.open(path, create=True)
    try:
        builtin.load(pf)
    finally:
        pf.close()
    return True
