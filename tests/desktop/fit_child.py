"""Run by test_fit_small_screens.py in its own process, on an offscreen screen of the size asked for
(QT_QPA_PLATFORM=offscreen:configfile=…): opens every screen and every dialog in Chinese and English,
measures each, saves its screenshot, and writes what it found to results.json.

    python fit_child.py OUT_DIR PORTFOLIO
"""
from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QMenu,
    QPushButton,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

import desktop.dialogs
import desktop.screens
from db.store.changes import Create
from desktop import translation
from desktop.app import build_window, make_app
from desktop.widgets.fit import usable
from desktop.windows_cleanup import dispose

STRAY_AMPERSAND = re.compile(r"&(?=\s|$)")  # "R & D": an "&" before a space is no mnemonic


def stray_ampersand(text: str) -> bool:
    """A lone "&" meant as text (it should be "&&"), e.g. "Pledges & funding" shown as "Pledges _funding"."""
    return bool(STRAY_AMPERSAND.search(text.replace("&&", "")))


def dialog_classes() -> dict[str, type]:
    """Every QDialog (and QWizard) class defined in desktop/dialogs/ and desktop/screens/."""
    found = {}
    for package in (desktop.dialogs, desktop.screens):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                    found[name] = cls
    return found


def _table_dialog(dialog):
    """The base of the table dialogs as its subclasses use it: a note, two actions, the table."""
    dialog.set_note("自动备份保存在：" + "很长的文件夹路径/" * 8)
    dialog.add_action("用所选备份恢复", lambda: None)
    dialog.add_action("撤销最近一次合并", lambda: None)
    return dialog


def openers(window, source_copy: Path) -> dict:
    """How to open each dialog class on the built-in portfolio (without executing it)."""
    from desktop.dialogs import (
        backups,
        brief_preview,
        exchange,
        first_run,
        import_wizard,
        merge,
        record,
        settings,
        slip_log,
        sync_settings,
        table_dialog,
        units,
    )
    from desktop.dialogs import problem as problem_dialogs
    from desktop.screens import plan_review
    from desktop.screens.challenges import editors, pledge_tab, reviews

    s, pf = window.session, window.pf
    project = max(pf.list("projects"), key=lambda p: sum(1 for v in p.values() if v not in (None, "", [])))
    milestone = pf.list("milestones")[0]
    challenge = pf.list("challenges")[0]
    if not pf.list("teams", challenge_id=challenge["id"]):  # the built-in data has no applicants yet
        s.do([Create("teams", {"challenge_id": challenge["id"], "name": "重大微电子团队", "leader": "李明"})],
             "新建揭榜方")
    teams = pf.list("teams", challenge_id=challenge["id"])
    if not pf.list("problems"):  # nor problems (督办)
        s.do([Create("problems", {"project_id": project["id"], "description": "用地指标未落实，影响主体工程开工"})],
             "提出问题")
    problem = pf.list("problems")[0]
    team = teams[0]
    return {
        "RecordDialog": lambda: record.RecordDialog(s, "projects", project, parent=window),
        "ReplanDialog": lambda: record.ReplanDialog(milestone["name"], "2026-03-31", "2026-06-30", window),
        "SlipLogDialog": lambda: slip_log.SlipLogDialog(pf, project_id=project["id"], parent=window),
        "BackupsDialog": lambda: backups.BackupsDialog(s, window),
        "TableDialog": lambda: _table_dialog(table_dialog.TableDialog(s, backups.COLUMNS, window)),
        "SettingsDialog": lambda: settings.SettingsDialog(s, translation_language(), window),
        "BriefPreview": lambda: brief_preview.BriefPreview(s, window),
        "MergeDialog": lambda: merge.MergeDialog(s, source_copy, window),
        "ImportWizard": lambda: import_wizard.ImportWizard(s, None, window),
        "ExportDialog": lambda: exchange.ExportDialog(s, window, [project["id"]]),
        "ConflictsDialog": lambda: exchange.ConflictsDialog(s, window),
        "HistoryDialog": lambda: exchange.HistoryDialog(s, window),
        "UnitsDialog": lambda: units.UnitsDialog(s, window),
        "SyncSettingsDialog": lambda: sync_settings.SyncSettingsDialog(s, window),
        "WelcomeDialog": lambda: first_run.WelcomeDialog(source_copy.parent / "new.sqlite", window),
        "AddPlansDialog": lambda: first_run.AddPlansDialog([], window),
        "TourDialog": lambda: first_run.TourDialog(window),
        "CarryDialog": lambda: plan_review.CarryDialog(pf, window),
        "ChallengeEditor": lambda: editors.ChallengeEditor(s, challenge, window),
        "TransitionDialog": lambda: editors.TransitionDialog(s, challenge["id"], window),
        "PledgeDialog": lambda: editors.PledgeDialog(s, team, window),
        "SelectTeamsDialog": lambda: editors.SelectTeamsDialog(s, challenge, teams, window),
        "TrancheDialog": lambda: pledge_tab.TrancheDialog(s, team, None, window),
        "ReviewDialog": lambda: reviews.ReviewDialog(s, challenge["id"], team["id"], False, window),
        "ProblemDialog": lambda: problem_dialogs.ProblemDialog(s, problem, None, window),
        "ProblemMoveDialog": lambda: problem_dialogs.ProblemMoveDialog(s, problem["id"], "办结", window),
    }


def translation_language() -> str:
    from db.i18n import language
    return language()


def problems(top: QWidget, room) -> list[str]:
    """What does not fit: the minimum size or the size beyond the room; a visible button outside the
    window or cut off by its container (content of a scroll area may scroll, so it counts as inside)."""
    found = []
    minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
    if minimum.width() > room.width() or minimum.height() > room.height():
        found.append(f"minimum size {minimum.width()}×{minimum.height()} > {room.width()}×{room.height()}")
    if top.width() > room.width() or top.height() > room.height():
        found.append(f"opens at {top.width()}×{top.height()} > {room.width()}×{room.height()}")
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not top:
            continue
        anchor = scroll_area_of(button, top) or button  # scrolled content: its scroll area must show
        rect = QRect(anchor.mapTo(top, QPoint(0, 0)), anchor.size())
        label = button.text() or type(button).__name__
        if isinstance(button, QPushButton) and button.text() and button.width() < button.sizeHint().width():
            found.append(f"button {label!r} cut off: {button.width()} wide, its text needs "
                         f"{button.sizeHint().width()}")
        if not top.rect().contains(rect):
            found.append(f"button {label!r} at {rect.getRect()} outside {top.width()}×{top.height()}")
            continue
        widget = anchor.parentWidget()
        while widget is not None and widget is not top:
            clip = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
            if not clip.contains(rect):
                found.append(f"button {label!r} cut off by {type(widget).__name__} {clip.getRect()}")
                break
            widget = widget.parentWidget()
    for view in top.findChildren(QAbstractItemView):
        if view.isVisible() and view.window() is top and isinstance(view, (QTableView, QTreeView)) \
                and view.contextMenuPolicy() not in (Qt.CustomContextMenu, Qt.ActionsContextMenu):
            found.append(f"table {type(view).__name__} {view.objectName()} without a context menu")
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        if isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        else:
            continue
        found += [f"{text!r}: a single & shows as an underline" for text in texts if stray_ampersand(text)]
    return found


def scroll_area_of(widget: QWidget, top: QWidget) -> QAbstractScrollArea | None:
    """The outermost scroll area `widget` sits in (below `top`), if any."""
    found = None
    while widget is not None and widget is not top:
        if isinstance(widget, QAbstractScrollArea):
            found = widget
        widget = widget.parentWidget()
    return found


def menu_problems(window) -> list[str]:
    """Menu items with a stray & (shown as a mnemonic underline instead of "&")."""
    found = []
    for menu in window.menuBar().findChildren(QMenu) + [window.menuBar()]:
        found += [f"menu {a.text()!r}: a single & shows as an underline" for a in menu.actions()
                  if stray_ampersand(a.text())]
    return found


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def main(out: Path, portfolio: Path) -> None:
    app = make_app()
    room = usable(None)
    screen = app.primaryScreen().geometry()
    results = {"screen": [screen.width(), screen.height()], "room": [room.width(), room.height()], "screens": 0,
               "checked": [], "problems": [], "dialog_classes": sorted(dialog_classes())}
    source_copy = out / "other.sqlite"
    shutil.copy(portfolio, source_copy)
    for lang in ("zh", "en"):
        window = build_window(str(portfolio), lang)
        window.show()
        settle(app)

        def check(name: str, top: QWidget, lang=lang) -> None:
            settle(app)
            tag = f"{lang}/{name}"
            results["checked"].append(tag)
            results["problems"] += [f"{tag}: {p}" for p in problems(top, room)]
            top.grab().save(str(out / f"{lang}-{name}.png"))

        results["screens"] = window.nav.count()
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            if row == 0:
                window.register.table.selectRow(0)
            if row == 2:
                window.challenges.table.selectRow(0)
            check(f"screen{row}", window)
            if row == 2:  # the 榜单 detail's tabs
                tabs = window.challenges.detail.tabs
                for i in range(1, tabs.count()):
                    tabs.setCurrentIndex(i)
                    check(f"screen2-tab{i}", window)
        results["problems"] += [f"{lang}/menus: {p}" for p in menu_problems(window)]
        window.nav.setCurrentRow(0)
        known = openers(window, source_copy)
        for name in results["dialog_classes"]:
            if name not in known:
                results["problems"].append(f"{lang}/{name}: the test does not know how to open this dialog")
                continue
            dialog = known[name]()
            dialog.show()
            check(name, dialog)
            dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
            dialog.deleteLater()
            settle(app)
        dispose(window)
        translation.install("zh")
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    QApplication.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
