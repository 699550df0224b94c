"""Installs the interface language: Qt's translator for the GUI strings, db.i18n for the core's."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db import i18n
from desktop.resources import TRANSLATIONS

_installed: list[QTranslator] = []
APP_NAME = i18n.QT_TRANSLATE_NOOP("app", "科创项目台账")


def install(lang: str) -> None:
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Chinese if lang == "zh" else QLocale.English))
    if lang != "zh":
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / f"kechuang_{lang}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
    if hasattr(app, "setApplicationDisplayName"):  # Qt appends it to dialog titles: "— 科创项目台账"
        app.setApplicationDisplayName(i18n.tr(APP_NAME))
    qt = QTranslator(app)  # Qt's own dialogs (buttons, file dialogs)
    qt_name = "qtbase_zh_CN" if lang == "zh" else "qtbase_en"
    if qt.load(qt_name, QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
