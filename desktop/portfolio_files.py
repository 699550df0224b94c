"""Opening and creating portfolio files from the GUI. A file that cannot be opened normally —
locked by another window, read-only, damaged, from a newer version, not a portfolio — gets a
dialog that says what happened and offers what can be done: open read-only, restore a backup,
choose another file. Never a traceback."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db import backups, builtin
from db.errors import NewerVersion, NotAPortfolio, PortfolioLocked, StorageError, UserError
from db.portfolio import Portfolio


def _tr(text: str) -> str:
    return QCoreApplication.translate("PortfolioFiles", text)


def _choose_other(parent) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, _tr("打开组合文件"), "", _tr("组合文件 (*.sqlite *.db);;所有文件 (*)"))
    return Path(name) if name else None


def _ask(parent, exc: UserError, path: Path) -> str:
    """Show the problem; returns "readonly", "restore", "other" or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(_tr("无法打开组合文件"))
    box.setText(str(exc))
    choices = {}
    if isinstance(exc, (PortfolioLocked, StorageError)) and path.exists() and not isinstance(exc, NotAPortfolio):
        choices[box.addButton(_tr("以只读方式打开"), QMessageBox.AcceptRole)] = "readonly"
    if backups.list_backups(path) and not isinstance(exc, PortfolioLocked):
        choices[box.addButton(_tr("从备份恢复…"), QMessageBox.ActionRole)] = "restore"
    choices[box.addButton(_tr("选择其他文件…"), QMessageBox.ActionRole)] = "other"
    box.addButton(QMessageBox.Cancel)
    if isinstance(exc, NewerVersion):
        box.setInformativeText(_tr("请安装最新版本的科创项目台账后再打开这个文件。"))
    box.exec()
    return choices.get(box.clickedButton(), "cancel")


def open_interactive(parent: QWidget | None, path: Path, *, ask=None, pick_backup=None):
    """Open `path`, helping the user through any refusal. Returns a Portfolio or None.

    `ask` and `pick_backup` replace the dialogs (tests drive the same decisions without a screen).
    """
    ask = ask or _ask
    pick_backup = pick_backup or _pick_backup
    for _attempt in range(5):
        try:
            return Portfolio.open(path)
        except UserError as exc:
            choice = ask(parent, exc, path)
        if choice == "readonly":
            try:
                return Portfolio.open(path, readonly=True)
            except UserError as exc2:
                QMessageBox.warning(parent, _tr("无法打开"), str(exc2))
                return None
        elif choice == "restore":
            backup = pick_backup(parent, path)
            if backup is None:
                return None
            try:
                aside = backups.restore_file(path, backup)
            except UserError as exc2:
                QMessageBox.warning(parent, _tr("无法恢复"), str(exc2))
                return None
            if aside is not None:
                QMessageBox.information(parent, _tr("已从备份恢复"),
                                        _tr("已用备份恢复。原来的文件已保留为：%1").replace("%1", str(aside)))
        elif choice == "other":
            other = _choose_other(parent)
            if other is None:
                return None
            path = other
        else:
            return None
    return None


def _pick_backup(parent, path: Path) -> Path | None:
    from desktop.views.backups_dialog import BackupsDialog
    dialog = BackupsDialog(None, parent, path=path)
    return dialog.chosen if dialog.exec() else None


def create_interactive(parent: QWidget | None, path: Path, with_builtin: bool = True, plans=None):
    """A new portfolio file: the built-in data of `plans` (document ids; None: all), or blank."""
    if path.exists():
        path.unlink()  # the save dialog already asked to replace it
    try:
        pf = Portfolio.open(path, create=True)
        if with_builtin:
            builtin.load(pf, plans=plans)
        return pf
    except UserError as exc:
        QMessageBox.warning(parent, _tr("无法新建"), str(exc))
        return None


def ensure_default(path: Path, with_builtin: bool = True, plans=None) -> bool:
    """Create the user's portfolio (the built-in data of `plans`, None: all; or blank) on first
    run. True if created."""
    if path.exists():
        return False
    pf = Portfolio.open(path, create=True)
    try:
        if with_builtin:
            builtin.load(pf, plans=plans)
    finally:
        pf.close()
    return True
