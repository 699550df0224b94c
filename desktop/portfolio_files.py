"""Opening and creating portfolio files from the GUI. A file that cannot be opened normally —
locked by another window, read-only, damaged, from a newer version, not a portfolio — gets a
dialog that says what happened and offers what can be done: open read-only, restore a backup,
choose another file. Never a traceback."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.errors import NewerVersion, NotAPortfolio, PortfolioLocked, StorageError, UserError
from db.portfolio import Portfolio
from db.store import backups, creation


def _choose_other(parent) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("PortfolioFiles", "打开组合文件"), "",
        QCoreApplication.translate("PortfolioFiles", "组合文件 (*.sqlite *.db);;所有文件 (*)"))
    return Path(name) if name else None


def _ask(parent, exc: UserError, path: Path) -> str:
    """Show the problem; returns "readonly", "restore", "other" or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(QCoreApplication.translate("PortfolioFiles", "无法打开组合文件"))
    box.setText(str(exc))
    choices = {}
    if isinstance(exc, (PortfolioLocked, StorageError)) and path.exists() and not isinstance(exc, NotAPortfolio):
        choices[box.addButton(QCoreApplication.translate("PortfolioFiles", "以只读方式打开"),
                              QMessageBox.AcceptRole)] = "readonly"
    if backups.list_backups(path) and not isinstance(exc, PortfolioLocked):
        choices[box.addButton(QCoreApplication.translate("PortfolioFiles", "从备份恢复…"),
                              QMessageBox.ActionRole)] = "restore"
    choices[box.addButton(QCoreApplication.translate("PortfolioFiles", "选择其他文件…"),
                          QMessageBox.ActionRole)] = "other"
    box.addButton(QMessageBox.Cancel)
    if isinstance(exc, NewerVersion):
        box.setInformativeText(QCoreApplication.translate("PortfolioFiles",
                                                          "请安装最新版本的科创项目台账后再打开这个文件。"))
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
                QMessageBox.warning(parent, QCoreApplication.translate("PortfolioFiles", "无法打开"), str(exc2))
                return None
        elif choice == "restore":
            backup = pick_backup(parent, path)
            if backup is None:
                return None
            try:
                aside = backups.restore_file(path, backup)
            except UserError as exc2:
                QMessageBox.warning(parent, QCoreApplication.translate("PortfolioFiles", "无法恢复"), str(exc2))
                return None
            if aside is not None:
                QMessageBox.information(
                    parent, QCoreApplication.translate("PortfolioFiles", "已从备份恢复"),
                    QCoreApplication.translate("PortfolioFiles", "已用备份恢复。原来的文件已保留为：%1")
                    .replace("%1", str(aside)))
        elif choice == "other":
            other = _choose_other(parent)
            if other is None:
                return None
            path = other
        else:
            return None
    return None


def _pick_backup(parent, path: Path) -> Path | None:
    from desktop.dialogs.backups import BackupsDialog
    dialog = BackupsDialog(None, parent, path=path)
    return dialog.chosen if dialog.exec() else None


def create_interactive(parent: QWidget | None, path: Path, with_builtin: bool = True, plans=None):
    """A new portfolio at `path` (the save dialog already asked whether to replace a file there),
    built beside it and renamed into place: the old file stays whole until the new one is. With
    the built-in data, `plans` (document ids; None: all) are the plans it is built from."""
    try:
        creation.create(path, with_builtin=with_builtin, replace="any", plans=plans)
        return Portfolio.open(path)
    except UserError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("PortfolioFiles", "无法新建"), str(exc))
        return None


def ask_replace_partial(parent, path: Path, kind: str) -> bool:
    """The first start found what an interrupted first start left: start over with a new one?"""
    if kind == creation.EMPTY:
        what = QCoreApplication.translate("PortfolioFiles", "0 字节的空文件")
    else:
        what = QCoreApplication.translate("PortfolioFiles", "只有空的组合文件结构")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(QCoreApplication.translate("PortfolioFiles", "组合文件不完整"))
    text = QCoreApplication.translate(
        "PortfolioFiles", "上次新建组合文件时程序被中断，留下了一个没有任何记录的文件（%1）：\n%2")
    box.setText(text.replace("%1", what).replace("%2", str(path)))
    box.setInformativeText(QCoreApplication.translate(
        "PortfolioFiles", "重新新建会用新的组合文件替换它；它里面没有任何记录，不会丢失数据。"))
    again = box.addButton(QCoreApplication.translate("PortfolioFiles", "重新新建"), QMessageBox.AcceptRole)
    box.addButton(QCoreApplication.translate("PortfolioFiles", "打开这个文件"), QMessageBox.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def ensure_default(path: Path, with_builtin: bool = True, replace_partial: bool = False, plans=None) -> bool:
    """Create the user's portfolio (the built-in data of `plans`, None: all; or blank) on first
    run. True if created. With `replace_partial`, a leftover of an interrupted first start is
    replaced."""
    if path.exists() and not replace_partial:
        return False
    creation.create(path, with_builtin=with_builtin, replace="partial" if replace_partial else "never", plans=plans)
    return True
