"""The main window: navigation between screens, the File menu, language, title and status."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from db.errors import UserError
from desktop import first_use, save_folder, status_counts, window_screens
from desktop.widgets.lazy_page import LazyPage
from desktop.window_panes import Panes, undo_actions
from desktop.worker import wait_all

MAX_RECENT = 8
SCREENS = 7  # 项目, 时间轴, 揭榜挂帅, 指标, 总览, 规划核实, 问题督办 (the navigation's rows)


def _screen(name: str) -> property:
    """A screen of the window, built the first time it is asked for."""
    return property(lambda self: self.pages[name].screen())


class MainWindow(QMainWindow):
    language_requested = Signal(str)

    def __init__(self, settings: QSettings, parent=None, build: bool = True):
        """The window's frame (navigation, menu titles, toolbar, status bar), then its screens unless
        `build` is False: run_gui paints the frame first and calls build() after (issue #20: the
        screens' modules and widgets were most of the time before the first paint)."""
        super().__init__(parent)
        self.settings = settings
        self.built = False
        self.stack = QStackedWidget(self)
        self.opening = QLabel(self.stack)  # what the frame shows until the screens are built
        self.opening.setAlignment(Qt.AlignCenter)
        self.opening.setStyleSheet("color: #1f6fd1; font-size: 15px")
        self.stack.addWidget(self.opening)
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 10px 8px; }")
        for _ in range(SCREENS):
            self.nav.addItem(QListWidgetItem())
        self.nav.setCurrentRow(0)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.toolbar = self.addToolBar("")  # the window's toolbar: 同步 (sync_actions) is its first action
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.addAction(QCoreApplication.translate("SyncActions", "同步")).setEnabled(False)  # its place, until built
        bar = self.menuBar()
        self.file_menu, self.edit_menu, self.view_menu, self.help_menu = (bar.addMenu("") for _ in range(4))
        self.retranslate()
        if build:
            self.build()

    def show_opening(self, path) -> None:
        """The frame's text while the file opens and the screens are built."""
        self.opening.setText(self.tr("正在打开 %1…").replace("%1", str(path)))

    def build(self) -> None:
        """The screens, the menus' actions and the session (their modules are imported here)."""
        from desktop.checkpoint import Checkpointer
        from desktop.screens.project_detail import ProjectDetail
        from desktop.screens.register import ProjectRegister
        from desktop.session import Session
        from desktop.watch import watch

        self.session = Session(self)
        self._counts: dict[str, int] | None = None  # the status bar's, kept by the Changes
        self.checkpointer = Checkpointer(self.session, self)  # the file on disk stays current
        self.register = ProjectRegister(self.session, self)
        self.detail = ProjectDetail(self.session, self)
        # the other screens are built when first shown or asked for (see lazy_page.py)
        self.pages = window_screens.lazy_pages(self)
        projects_page = QSplitter(Qt.Horizontal, self)
        projects_page.addWidget(self.register)
        projects_page.addWidget(self.detail)
        projects_page.setStretchFactor(0, 3)
        projects_page.setStretchFactor(1, 2)
        projects_page.setCollapsible(0, False)
        projects_page.setCollapsible(1, True)  # the detail pane folds away (视图 → 详情窗格)
        self.projects_split = projects_page
        self.panes = Panes(self, projects_page)
        self.screens: list[QWidget] = [projects_page] + list(self.pages.values())
        for w in self.screens:
            self.stack.addWidget(w)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self._timeline_given = False  # the timeline is being shown with projects of its own
        self.nav.currentRowChanged.connect(self._go)
        self.setAcceptDrops(True)
        self.register.current_changed.connect(self.detail.show_project)
        first_use.charts_after_rows(self, self.register)  # pyqtgraph loads on the worker, not at the first 总览
        self.register.project_activated.connect(lambda _pid: self.edit_project())
        self.detail.timeline_requested.connect(self.show_timeline)
        watch(self.session, "window", self._on_changes)
        self.toolbar.clear()  # the frame's stand-in for 同步
        self._build_menus()
        self.built = True
        self.nav.setCurrentRow(0)
        self._go(0)
        self.retranslate()

    problems = _screen("problems")
    review = _screen("review")
    timeline = _screen("timeline")
    challenges = _screen("challenges")
    indicators = _screen("indicators")
    overview = _screen("overview")

    def _go(self, index: int) -> None:
        page = self.screens[index]
        if isinstance(page, LazyPage):
            page.screen()
        if page is self.pages["timeline"] and not self._timeline_given and (chosen := self.register.selected_ids()):
            self.timeline.show_projects(chosen)  # chosen in the sidebar: the register's selection now
        self.stack.setCurrentIndex(index)

    def current_screen(self) -> QWidget:
        """The screen shown now (the projects page for the register and its detail)."""
        page = self.stack.currentWidget()
        return page.screen() if isinstance(page, LazyPage) else page

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        """The menus' actions (the menus themselves are the frame's)."""
        from desktop.exchange_actions import ExchangeActions
        from desktop.sheet_actions import SheetActions
        from desktop.sync_actions import SyncActions
        from desktop.widgets.table_menu import add_to_menu
        self.act_new = self.file_menu.addAction("", self.new_file, QKeySequence("Ctrl+Shift+N"))
        self.act_open = self.file_menu.addAction("", self.open_file_dialog, QKeySequence.Open)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.act_save_as = self.file_menu.addAction("", self.save_as, QKeySequence.SaveAs)
        self.act_brief = self.file_menu.addAction("", self.print_brief, QKeySequence.Print)
        self.act_add_plans = self.file_menu.addAction("", self.add_plans)
        self.file_menu.addSeparator()
        self.exchange = ExchangeActions(self, self.session, self.file_menu)
        self.sync = SyncActions(self, self.session, self.file_menu)
        self.file_menu.addSeparator()
        self.sheets = SheetActions(self, self.session, self.file_menu)
        self.file_menu.addSeparator()
        self.act_backups = self.file_menu.addAction("", self.show_backups)
        self.file_menu.addSeparator()
        self.act_quit = self.file_menu.addAction("", self.close, QKeySequence.Quit)
        self.act_undo, self.act_redo = undo_actions(self, self.session.undo_stack)
        self.edit_menu.addAction(self.act_undo)
        self.edit_menu.addAction(self.act_redo)
        self.edit_menu.addSeparator()
        self.act_new_project = self.edit_menu.addAction("", self.new_project, QKeySequence.New)
        self.act_edit_project = self.edit_menu.addAction("", self.edit_project, QKeySequence("F2"))
        self.act_delete_project = self.edit_menu.addAction("", self.delete_projects, QKeySequence.Delete)
        self.act_delete_project.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.register.table.addAction(self.act_delete_project)
        for view in (self.register.table, self.register.tree):
            add_to_menu(view, self.act_edit_project, self.detail.act_add_ms, self.detail.buttons["timeline"], None,
                        self.act_new_project, self.act_delete_project)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.detail.act_add_ms)
        self.edit_menu.addAction(self.detail.act_edit_ms)
        self.edit_menu.addSeparator()
        self.act_units = self.edit_menu.addAction("", self.show_units)
        self.edit_menu.addSeparator()
        self.act_find = self.edit_menu.addAction("", self._find, QKeySequence.Find)
        self.act_timeline_filtered = self.view_menu.addAction("", self.timeline_of_filtered)
        self.view_menu.addAction(self.panes.act_detail_pane)
        self.view_menu.addAction(self.panes.act_next_pane)
        self.act_settings = self.view_menu.addAction("", self.open_settings, QKeySequence.Preferences)
        self.lang_menu = QMenu(self)
        self.view_menu.addMenu(self.lang_menu)
        group = QActionGroup(self)
        self.lang_actions = {}
        for code, label in (("zh", "中文"), ("en", "English")):
            act = QAction(label, self, checkable=True)
            act.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            group.addAction(act)
            self.lang_menu.addAction(act)
            self.lang_actions[code] = act
        self.act_tour = self.help_menu.addAction("", self.show_tour)
        self.act_logs = self.help_menu.addAction("", self.open_logs)
        self.help_menu.addSeparator()
        self.act_about = self.help_menu.addAction("", self.about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(path, lambda p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", []) or []
        return [value] if isinstance(value, str) else list(value)

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_file", str(path))
        self._fill_recent()

    # -- portfolio -----------------------------------------------------------------------
    @property
    def pf(self):
        return self.session.pf

    def set_portfolio(self, pf) -> None:
        if self.pf is not None and self.pf is not pf:
            wait_all()  # background reads of the old file finish first
            self.pf.close()
        self.session.set_portfolio(pf)  # every screen hears it (changed: everything)
        for act in (self.act_new_project, self.act_edit_project, self.act_delete_project, self.act_add_plans):
            act.setEnabled(not pf.readonly)
        if not pf.readonly:
            self._remember(pf.path)
        self._update_title()

    def _update_title(self) -> None:
        if self.pf is None:
            self.setWindowTitle(self.tr("科创项目台账"))
            return
        ro = self.tr("（只读）") if self.pf.readonly else ""
        self.setWindowTitle(f"{self.pf.path.name}{ro} — {self.pf.path.parent} — " + self.tr("科创项目台账"))
        if self._counts is None:  # counted once per file (100,000 milestones), then kept by the Changes
            status_counts.count(self, self.pf)  # a large file's on the worker, after a start's rows
        else:
            self._show_counts()

    def _show_counts(self) -> None:
        template = self.tr("%1 · %2 个项目 · %3 个里程碑 · %4 个榜单 · %5 个指标")
        self.statusBar().showMessage(status_counts.status_text(template, self.pf.path, self._counts))

    def _on_changes(self, changes) -> None:
        if changes.everything or self._counts is None:
            self._counts = None
            self._update_title()
        elif status_counts.follow(self._counts, changes):
            self._show_counts()

    # -- project actions -----------------------------------------------------------------
    def new_project(self) -> None:
        from desktop.dialogs.record import RecordDialog  # dialogs load when first opened, not at start-up
        dialog = RecordDialog(self.session, "projects", None, parent=self)
        if dialog.exec() and dialog.result_changes:
            new_id = dialog.created_id
            self.nav.setCurrentRow(0)
            self.register.select(new_id)

    def edit_project(self) -> None:
        ids = self.register.selected_ids()
        if ids:
            from desktop.dialogs.record import RecordDialog
            RecordDialog(self.session, "projects", self.pf.get("projects", ids[0]), parent=self).exec()

    def delete_projects(self) -> None:
        ids = self.register.selected_ids()
        if not ids or self.pf.readonly:
            return
        names = [self.pf.get("projects", i)["name"] for i in ids]
        text = self.tr("删除 %n 个项目（及其里程碑）？可以撤销。", "", len(ids)) + "\n" + "\n".join(names[:10])
        if QMessageBox.question(self, self.tr("删除项目"), text, QMessageBox.Yes | QMessageBox.No,
                                QMessageBox.No) == QMessageBox.Yes:
            from db.store.changes import Delete
            self.session.try_do([Delete("projects", i) for i in ids],
                                self.tr("删除项目：%1").replace("%1", "、".join(names[:3])), self)

    def show_project(self, project_id: str) -> None:
        """Go to the register with this project selected (clearing filters that would hide it)."""
        self.nav.setCurrentRow(0)
        if self.register.row(project_id) is not None and not self.register.list.shows(project_id):
            self.register.search.clear()
            for combo in self.register.filters.values():
                combo.setCurrentIndex(0)
        self.register.select(project_id)
        self.detail.show_project(project_id)

    def show_timeline(self, project_ids: list[str]) -> None:
        self.timeline.show_projects(project_ids)
        self._timeline_given = True
        self.nav.setCurrentRow(1)
        self._timeline_given = False

    def timeline_of_filtered(self) -> None:
        """The timeline of the projects the register currently shows (selection first, if any)."""
        ids = self.register.selected_ids() if len(self.register.selected_ids()) > 1 else self.register.visible_ids()
        self.show_timeline(ids[:200])

    def open_settings(self) -> None:
        from db.i18n import language
        from desktop.dialogs.settings import SettingsDialog
        dialog = SettingsDialog(self.session, language(), self)
        if dialog.exec() and dialog.chosen_language() != language():
            self.language_requested.emit(dialog.chosen_language())

    def _open_milestone(self, milestone_id: str) -> None:
        m = self.pf.get("milestones", milestone_id)
        if m is not None:
            from desktop.dialogs.record import RecordDialog
            RecordDialog(self.session, "milestones", m, hidden={"project_id", "team_id"}, parent=self).exec()

    def open_path(self, path: Path) -> None:
        from desktop import portfolio_files
        pf = portfolio_files.open_interactive(self, path)
        if pf is not None:
            self.set_portfolio(pf)

    def open_file_dialog(self) -> None:
        path = save_folder.open_name(self, self.tr("打开组合文件"), self.tr("组合文件 (*.sqlite *.db);;所有文件 (*)"))
        if path:
            self.open_path(Path(path))

    def new_file(self) -> None:
        path = save_folder.save_name(self, self.tr("新建组合文件"), "portfolio.sqlite", self.tr("组合文件 (*.sqlite)"))
        if not path:
            return
        from desktop.dialogs.first_run import WelcomeDialog
        choice = WelcomeDialog(Path(path), self, title=self.tr("新建组合文件"), can_cancel=True)
        if not choice.exec():
            return
        from desktop import portfolio_files
        pf = portfolio_files.create_interactive(self, Path(path), with_builtin=choice.with_builtin(),
                                                plans=choice.plans())
        if pf is not None:
            self.set_portfolio(pf)

    def add_plans(self) -> None:
        """文件 → 添加内置规划: more plans of the built-in data, none of its records twice."""
        from db import builtin
        from desktop.dialogs.first_run import AddPlansDialog
        if self.pf is None or self.pf.readonly:
            return
        dialog = AddPlansDialog(builtin.loaded_plans(self.pf), self)
        chosen = dialog.chooser.chosen() if dialog.exec() else []
        if chosen:  # written with the built-in clock like the first load; undoable as one edit
            self.session.op(lambda pf: builtin.add_plans(pf, chosen), parent=self,
                            title=self.tr("添加内置规划"), undo_text=self.tr("添加内置规划")).run()

    def print_brief(self) -> None:
        """打印简报: the weekly brief's preview, options, save and print. The first time, the brief's
        libraries load on the worker, then the preview opens."""
        if self.pf is None or first_use.load_then(first_use.BRIEF, self.print_brief):
            return
        from desktop.dialogs.brief_preview import BriefPreview
        from desktop.dialogs.modal import exec_once
        exec_once(BriefPreview(self.session, self))

    def save_as(self) -> None:
        if self.pf is None:
            return
        path = save_folder.save_name(self, self.tr("另存为"), self.pf.path.name, self.tr("组合文件 (*.sqlite)"))
        if not path:
            return
        try:
            self.pf.save_as(Path(path))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("另存为"), str(exc))
            return
        self.open_path(Path(path))

    def _find(self) -> None:
        self.nav.setCurrentRow(0) if self.stack.currentIndex() == 0 else None
        screen = self.current_screen()
        screen = self.register if screen is self.screens[0] else screen
        if hasattr(screen, "focus_search"):  # the timeline and 总览 have no search field
            screen.focus_search()

    def about(self) -> None:
        from desktop.dialogs.about import about_html
        QMessageBox.about(self, self.tr("关于科创项目台账"), about_html(self.pf))

    def show_tour(self) -> None:
        """使用指引; whether it comes back at the next start is the "不再显示" box (ticked unless unticked)."""
        from desktop.dialogs.first_run import TourDialog
        tour = TourDialog(self)
        tour.exec()
        self.settings.setValue("tour_done", tour.dont_show.isChecked())

    def show_tour_once(self) -> bool:
        """At start: the guide, unless it was shown before and not asked for again. True if shown."""
        if self.settings.value("tour_done", False, type=bool):
            return False
        self.show_tour()
        return True

    def show_units(self) -> None:
        """单位: list, edit, add and merge duplicate units (issue #21)."""
        from desktop.dialogs.units import UnitsDialog
        if self.pf is not None:
            UnitsDialog(self.session, self).exec()

    def show_backups(self) -> None:
        from desktop.dialogs.backups import BackupsDialog
        if self.pf is not None:
            BackupsDialog(self.session, self).exec()

    def open_logs(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop import paths
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        from db.i18n import language
        nav_names = [self.tr("项目"), self.tr("时间轴"), self.tr("揭榜挂帅"), self.tr("指标"), self.tr("总览"),
                     self.tr("规划核实"), self.tr("问题督办")]
        for i, name in enumerate(nav_names):
            self.nav.item(i).setText(name)
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.edit_menu.setTitle(self.tr("编辑(&E)"))
        self.view_menu.setTitle(self.tr("视图(&V)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        if not self.built:  # the frame only
            self.setWindowTitle(self.tr("科创项目台账"))
            return
        self.act_new.setText(self.tr("新建(&N)…"))
        self.act_open.setText(self.tr("打开(&O)…"))
        self.recent_menu.setTitle(self.tr("最近打开(&R)"))
        self.act_save_as.setText(self.tr("另存为(&A)…"))
        self.act_brief.setText(self.tr("打印简报(&P)…"))
        self.act_add_plans.setText(self.tr("添加内置规划…"))
        self.exchange.retranslate()
        self.sync.retranslate()
        self.sheets.retranslate()
        self.act_quit.setText(self.tr("退出(&X)"))
        self.act_backups.setText(self.tr("备份(&B)…"))
        self.act_find.setText(self.tr("查找(&F)"))
        self.act_new_project.setText(self.tr("新建项目(&N)…"))
        self.act_edit_project.setText(self.tr("编辑项目(&E)…"))
        self.act_delete_project.setText(self.tr("删除项目(&D)"))
        self.act_units.setText(self.tr("单位(&U)…"))
        self.lang_menu.setTitle(self.tr("语言 / Language(&L)"))
        self.act_timeline_filtered.setText(self.tr("筛选结果的时间轴(&T)"))
        self.panes.retranslate()
        self.act_settings.setText(self.tr("设置(&S)…"))
        self.lang_actions[language()].setChecked(True)
        self.act_about.setText(self.tr("关于(&A)"))
        self.act_tour.setText(self.tr("使用指引(&G)"))
        self.act_logs.setText(self.tr("打开日志文件夹(&L)"))
        self.register.retranslate()
        self.detail.retranslate()
        for name, page in self.pages.items():
            if page.built:
                page.screen().retranslate()
                if name == "challenges":
                    page.screen().reload()
        self._fill_recent()
        self._update_title()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        """A portfolio file dropped on the window is offered for merging (preview first)."""
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.exchange.merge_dialog(Path(urls[0].toLocalFile()))

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.built:
            super().closeEvent(event)
            return
        self.panes.save(self.settings)
        self.register.save_layout(self.settings)
        if self.pf is not None:
            wait_all()
            self.pf.close()
            self.session.pf = None
        super().closeEvent(event)

    def restore_state(self) -> None:
        self.panes.restore(self.settings)
        self.register.restore_layout(self.settings)
