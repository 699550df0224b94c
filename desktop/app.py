"""Starting the GUI: application, bundled font, language, the portfolio to open, the window."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from db.errors import UserError
from desktop import fonts, logs, paths, start_phase, translation
from desktop.dialogs import errors as errors_dialog
from desktop.main_window import MainWindow
from desktop.resources import ICON_FILE
from desktop.window_panes import restore_size
from desktop.windows_cleanup import dispose

log = logging.getLogger("kechuang.gui")
START_AT_MOST_MS = 60_000  # the start phase ends by then even if the register never gets its rows


def make_app(argv: list[str] | None = None) -> QApplication:
    # Qt splits a fill of more than ~100 lines (a scroll bar, a table's background) among threads and
    # waits for them: for a widget's small fills the hand-over costs the UI thread more than the fill
    # (a third of a filter keystroke at city scale), and on a busy machine the wait is far longer
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("kechuang")
    app.setApplicationName("kechuang")
    app.setApplicationDisplayName("科创项目台账")
    app.setWindowIcon(QIcon(str(ICON_FILE)))
    fonts.install(app)
    return app


def settings() -> QSettings:
    """Per-user settings (an .ini file, so tests and KECHUANG_DATA_DIR can keep them apart)."""
    if os.environ.get("KECHUANG_DATA_DIR"):
        return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "kechuang", "kechuang")


def build_window(file: str | None, lang: str | None, first_run_choice=None,
                 replace_partial_choice=None, frame_first: bool = False) -> MainWindow | None:
    """Create the main window on `file` (or the user's portfolio); None if nothing could open.

    On the very first start the user chooses the plans of the built-in data, or 空白
    (`first_run_choice` answers for tests and the smoke run: True = every built-in plan, a list
    of document ids = those plans, False = blank). If an interrupted first start left a file
    with nothing in it, the user is asked whether to start over (`replace_partial_choice`
    answers for tests).

    `frame_first` (run_gui): the window's frame is shown and painted before the file is opened and
    the screens' modules are imported, and the register's rows start on the worker as soon as the
    file is open, while the screens are built (issue #20: cold start)."""
    s = settings()
    lang = lang or s.value("language", "zh")
    translation.install(lang)
    window = MainWindow(s, build=not frame_first)

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
    if frame_first:
        window.show_opening(path)
        restore_size(window, s)
        show_painted(window)
    from db.store import creation, scratch  # the core: imported once the frame is on screen
    from desktop import portfolio_files
    if not file and not (last and Path(last).exists()):
        # never opened yet: a file there may be what an interrupted first start of an earlier
        # version left (0 bytes, or no record at all) — replaced only if the user says so
        kind = creation.leftover(path) if path.exists() else None
        replace = False
        if kind is not None:
            replace = replace_partial_choice
            if replace is None:
                replace = portfolio_files.ask_replace_partial(window, path, kind)
        if not path.exists() or replace:
            with_builtin = first_run_choice
            chosen = list(with_builtin) if isinstance(with_builtin, (list, tuple)) else None
            if with_builtin is None:
                from desktop.dialogs.first_run import WelcomeDialog
                welcome = WelcomeDialog(path, window)
                welcome.exec()
                with_builtin, chosen = welcome.with_builtin(), welcome.plans()
            try:
                portfolio_files.ensure_default(path, bool(with_builtin), replace_partial=replace, plans=chosen)
                window.first_run = True
                log.info("created the user's portfolio at %s (built-in data: %s)", path, chosen or with_builtin)
            except UserError as exc:  # e.g. open in another window meanwhile: opening says what to do
                log.warning("could not create the user's portfolio at %s: %s", path, exc)
    pf = portfolio_files.open_interactive(window, path)
    if pf is None:
        window.deleteLater()
        return None
    if frame_first:
        from desktop.screens.register import ProjectRegister
        ProjectRegister.start_early(pf)  # on the worker while the screens are built
        window.build()
    scratch.remove_stale(pf.path.parent)  # work folders of exports killed meanwhile (issue 24)
    window.set_portfolio(pf)
    window.restore_state()
    if getattr(window, "first_run", False):
        window.statusBar().showMessage(window.tr("已创建您的组合文件：%1").replace("%1", str(pf.path)), 15000)
    return window


def show_painted(window, wait_ms: int = 1000) -> None:
    """Show the window and paint it now, not on the event loop's next turn (after the start's work):
    on X11/Wayland it can be painted once the display server has mapped it (waited for up to wait_ms)."""
    window.show()
    clock = QElapsedTimer()
    clock.start()
    handle = window.windowHandle()
    while (handle is None or not handle.isExposed()) and clock.elapsed() < wait_ms:
        QApplication.processEvents(QEventLoop.AllEvents, 20)
        handle = window.windowHandle()
    window.repaint()
    QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)


def run_gui(file: str | None = None, lang: str | None = None) -> int:
    logs.setup()
    app = make_app()
    errors_dialog.install()
    start_phase.begin()  # until the register's rows are shown (desktop/start_phase.py)
    window = build_window(file, lang, frame_first=True)
    if window is None:
        start_phase.done()
        return 2
    QTimer.singleShot(START_AT_MOST_MS, start_phase.done)  # rows that never come (a failed read) end it too
    window.show()
    window.show_tour_once()
    code = app.exec()
    dispose(window)
    return code
