"""Starting the GUI: application, bundled font, language, the portfolio to open, the window."""
from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import fonts, logs, paths, portfolio_files, translation
from desktop.main_window import MainWindow

log = logging.getLogger("kechuang.gui")


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("kechuang")
    app.setApplicationName("kechuang")
    app.setApplicationDisplayName("科创项目台账")
    fonts.install(app)
    return app


def settings() -> QSettings:
    """Per-user settings (an .ini file, so tests and KECHUANG_DATA_DIR can keep them apart)."""
    if os.environ.get("KECHUANG_DATA_DIR"):
        return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "kechuang", "kechuang")


def build_window(file: str | None, lang: str | None) -> MainWindow | None:
    """Create the main window on `file` (or the user's portfolio); None if nothing could open."""
    s = settings()
    lang = lang or s.value("language", "zh")
    translation.install(lang)
    window = MainWindow(s)

    def switch_language(code: str) -> None:
        s.setValue("language", code)
        translation.install(code)
        window.retranslate()

    window.language_requested.connect(switch_language)
    last = s.value("last_file")
    if file:
        path = Path(file)
    elif last and Path(last).exists():
        path = Path(last)
    else:
        path = paths.default_portfolio()
        if portfolio_files.ensure_default(path):
            log.info("created the user's portfolio from the built-in data at %s", path)
    pf = portfolio_files.open_interactive(window, path)
    if pf is None:
        window.deleteLater()
        return None
    window.set_portfolio(pf)
    window.restore_state()
    return window


def run_gui(file: str | None = None, lang: str | None = None) -> int:
    logs.setup()
    app = make_app()
    window = build_window(file, lang)
    if window is None:
        return 2
    window.show()
    code = app.exec()
    # Tear the window down while Qt is alive: leaving pyqtgraph items to interpreter exit has
    # crashed PySide6 6.12 in garbage collection.
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.DeferredDelete)
    del window
    gc.collect()
    return code
