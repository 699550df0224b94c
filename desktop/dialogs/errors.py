"""Unexpected exceptions: logged with their traceback, shown in a dialog with "copy details";
the app keeps running."""
from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from db.errors import UserError

log = logging.getLogger("kechuang.crash")
_showing = False


def details(exc_type, exc, tb) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def show_unexpected(exc_type, exc, tb) -> None:
    global _showing
    text = details(exc_type, exc, tb)
    log.error("unexpected error\n%s", text)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Critical, QApplication.translate("Errors", "出现意外错误"),
                          QApplication.translate("Errors", "程序遇到了一个意外错误，已记录到日志。您的数据已保存，可以继续使用。"
                                                           "如需报告问题，请点“复制详情”并发给技术支持。"))
        box.setDetailedText(text)
        copy = box.addButton(QApplication.translate("Errors", "复制详情"), QMessageBox.ActionRole)
        box.addButton(QMessageBox.Close)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(text)
    finally:
        _showing = False


def excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, UserError):  # a refusal that slipped through: show it plainly
        if QApplication.instance() is not None:
            QMessageBox.warning(None, QApplication.translate("Errors", "无法完成操作"), str(exc))
        return
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    show_unexpected(exc_type, exc, tb)


def install() -> None:
    sys.excepthook = excepthook
