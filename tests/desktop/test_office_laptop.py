"""Issue 22 on the office laptop: the window and its panes remember how the user left them, the detail
pane folds away, shortcuts are shown where the actions are, tables have their menus and Excel keys,
the guide is shown once, and save dialogs start in 文档 (or the folder last used)."""
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from windows import close_window, when_modal

from desktop import paths, save_folder
from desktop.app import build_window, make_app, settings
from desktop.dialogs.record import RecordDialog
from desktop.widgets.table_menu import table_menu


def _project_with_milestones(window) -> str:
    pid = next(p["id"] for p in window.pf.list("projects") if p["name"] == "南川高新技术产业开发区")
    window.show_project(pid)
    return pid


def test_size_and_splitters_are_remembered(builtin_file, qtbot):
    make_app()
    assert paths.data_dir() in Path(settings().fileName()).parents  # the test's own settings, not the user's
    first = build_window(str(builtin_file), "zh")
    first.show()
    qtbot.waitExposed(first)
    first.resize(720, 560)  # (the offscreen screen is 800×800)
    first.projects_split.setSizes([500, 200])
    first.detail.split.setSizes([200, 300])
    sizes, inner = first.projects_split.sizes(), first.detail.split.sizes()
    first.close()  # saves them
    close_window(first)
    again = build_window(str(builtin_file), "zh")
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (720, 560)
    assert again.projects_split.sizes() == sizes and again.detail.split.sizes() == inner
    close_window(again)


def test_first_window_fits_the_screen(window):
    QSettings(settings().fileName(), QSettings.IniFormat).remove("window/geometry")
    window.restore_state()
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()


def test_detail_pane_folds_away_and_back(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.register.table.setFocus()
    assert window.projects_split.sizes()[1] > 0
    QTest.keyClick(window.register.table, Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.projects_split.sizes()[1] == 0 and not window.panes.act_detail_pane.isChecked()
    assert window.register.width() > 1000
    QTest.keyClick(window.register.table, Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.projects_split.sizes()[1] > 200 and window.panes.act_detail_pane.isChecked()


def test_shortcuts_are_shown_in_menus_and_tooltips(window):
    edit_actions = window.edit_menu.actions()
    assert window.detail.act_add_ms in edit_actions and window.detail.act_edit_ms in edit_actions
    assert window.detail.act_add_ms.shortcut() == QKeySequence("Ctrl+M")
    assert "Ctrl+M" in window.detail.buttons["add"].toolTip()
    assert "Ctrl+E" in window.detail.buttons["edit_ms"].toolTip()
    assert window.act_redo.shortcut() == QKeySequence("Ctrl+Y")  # the one a menu shows
    assert window.act_backups in window.file_menu.actions()
    assert window.act_backups not in window.help_menu.actions()
    titles = [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    for menu in (window.file_menu, window.edit_menu, window.help_menu):
        mine = [a.text() for a in menu.actions() if a.text() and not a.isSeparator()]
        keys = [t.split("(&")[1][0] for t in mine if "(&" in t]
        assert len(keys) == len(set(keys)), mine  # no mnemonic twice in one menu


def test_every_table_menu_offers_its_frequent_actions(window, qtbot):
    _project_with_milestones(window)
    register = [a.text() for a in table_menu(window.register.table).build().actions() if a.text()]
    assert register[:2] == ["编辑项目(&E)…", "新增里程碑(&M)…"] and "复制" in register
    milestones = table_menu(window.detail.table).build().actions()
    texts = [a.text() for a in milestones if a.text()]
    assert texts[:3] == ["编辑单元格", "编辑里程碑(&I)…", "新增里程碑(&M)…"] and "删除里程碑" in texts
    assert milestones[0].shortcut() == QKeySequence("F2")
    table = window.detail.table
    table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    table_menu(table).copy()
    first = window.detail.milestones.rows[0]
    assert first["name"] in QApplication.clipboard().text().split("\t")
    window.nav.setCurrentRow(2)
    challenges = [a.text() for a in table_menu(window.challenges.table).build().actions() if a.text()]
    assert challenges[:2] == ["编辑榜单", "推进阶段…"]


def test_f2_on_a_plain_milestone_cell_opens_the_milestone_not_the_project(window, qtbot):
    _project_with_milestones(window)
    table = window.detail.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 2))  # 责任单位: edited in the dialog
    seen = []

    def look(dialog):
        seen.append((type(dialog), getattr(dialog, "kind", None) and dialog.kind.name))
        dialog.reject()
    when_modal(look)
    QTest.keyClick(table, Qt.Key_F2)
    assert seen == [(RecordDialog, "milestones")]


def test_the_guide_is_shown_once(window, qtbot):
    closed = []

    def close(dialog):
        closed.append(type(dialog).__name__)
        QTest.keyClick(dialog, Qt.Key_Escape)
    when_modal(close)
    assert window.show_tour_once() is True and closed == ["TourDialog"]
    assert window.show_tour_once() is False and closed == ["TourDialog"]  # not on the next start


def test_save_dialogs_start_in_documents_then_the_last_folder(window, tmp_path, qtbot):
    from desktop.dialogs.brief_preview import BriefPreview
    start = save_folder.start_folder()
    assert start == save_folder.documents() and paths.data_dir() not in [start, *start.parents]
    preview = BriefPreview(window.session, window)
    preview.wait()
    assert preview.default_path().parent == save_folder.documents()
    seen = []

    def look(dialog):
        seen.append(Path(dialog.directory().absolutePath()))
        dialog.reject()
    when_modal(look)
    preview.save_dialog()
    assert seen == [save_folder.documents()]
    out = tmp_path / "报送"
    out.mkdir()
    save_folder.remember(out / "简报.pdf")
    assert save_folder.start_folder() == out
    save_folder.remember(paths.data_dir() / "x.pdf")  # the hidden folder is never remembered
    assert save_folder.start_folder() == out
    when_modal(look)
    preview.save_dialog()
    assert seen[-1] == out
    preview.reject()


def test_enter_in_the_acceptance_line_adds_it_and_keeps_the_dialog(window, qtbot):
    from desktop.screens.challenges.editors import ChallengeEditor, IndicatorList
    challenge = window.pf.list("challenges")[0]
    dialog = ChallengeEditor(window.session, challenge, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    criteria = dialog.findChild(IndicatorList)
    before = criteria.items()
    criteria.entry.setFocus()
    QTest.keyClicks(criteria.entry, "AEC-Q101 pass")
    QTest.keyClick(criteria.entry, Qt.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert criteria.items() == before + ["AEC-Q101 pass"] and criteria.entry.text() == ""
    assert window.pf.get("challenges", challenge["id"]) == challenge  # nothing saved
    dialog.reject()


def test_down_in_a_search_box_goes_to_its_list(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for row, screen in ((2, lambda: window.challenges), (3, lambda: window.indicators)):
        window.nav.setCurrentRow(row)
        QTest.keyClick(window.nav, Qt.Key_F, Qt.ControlModifier)  # 查找: this screen's search box
        assert QApplication.focusWidget() is screen().search
        QTest.keyClick(screen().search, Qt.Key_Down)
        assert QApplication.focusWidget() is screen().table
        assert screen().table.selectionModel().selectedRows()[0].row() == 0


def test_esc_in_a_cell_leaves_it_as_it_was(window, qtbot):
    pid = _project_with_milestones(window)
    table = window.detail.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 4))  # 计划
    before = {m["id"]: m["planned_date"] for m in window.pf.list("milestones", project_id=pid)}
    QTest.keyClick(table, Qt.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    QTest.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(editor, "2030-01-01")
    QTest.keyClick(editor, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert {m["id"]: m["planned_date"] for m in window.pf.list("milestones", project_id=pid)} == before
    assert window.pf.list("replans", milestone_id=table.model().rows[0]["id"]) == []


def test_menu_key_opens_the_menu_of_the_current_row(window, qtbot):
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent
    table = window.register.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    for _ in range(3):
        QTest.keyClick(table, Qt.Key_Down)
    row = table.currentIndex().row()
    shown = []

    def look():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, look)
            return
        shown.append([a.text() for a in menu.actions() if a.text()])
        QTest.keyClick(menu, Qt.Key_Escape)
    QTimer.singleShot(0, look)
    # the Menu key (Shift+F10) as the window system delivers it: a keyboard context-menu event
    QApplication.sendEvent(table, QContextMenuEvent(QContextMenuEvent.Keyboard, QPoint(5, 5), table.mapToGlobal(QPoint(5, 5)),
                                                    Qt.NoModifier))
    assert shown and shown[0][0] == "编辑项目(&E)…"
    under = table.indexAt(QPoint(5, 5)).row()
    assert table.currentIndex().row() == row and row > under  # the current row, not the one under (5, 5)


def test_frozen_columns_stay_in_view_and_can_be_widened(window):
    _project_with_milestones(window)
    table = window.detail.table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    frozen = table.frozen
    assert frozen.isVisible() and table.frozen_columns() == [0, 1]  # 亮灯, 里程碑
    assert frozen.width() == table.columnWidth(0) + table.columnWidth(1)
    assert table.horizontalScrollBar().value() > 0  # the dates scrolled, the name still shown over them
    frozen.horizontalHeader().resizeSection(1, 300)  # dragging the name column's edge
    assert table.columnWidth(1) == 300 and frozen.width() == table.columnWidth(0) + 300


def test_a_click_on_a_frozen_cell_gives_the_table_the_keys(window, qtbot):
    _project_with_milestones(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.register.search.setFocus()
    table = window.detail.table
    frozen = table.frozen
    QTest.mouseClick(frozen.viewport(), Qt.LeftButton, pos=frozen.visualRect(frozen.model().index(2, 1)).center())
    assert QApplication.focusWidget() is table and table.currentIndex().row() == 2
    QTest.keyClick(table, Qt.Key_Down)
    assert table.currentIndex().row() == 3


def test_the_projects_splitter_moves_over_most_of_the_window(window):
    window.resize(1350, 728)
    split = window.projects_split
    total = sum(split.sizes())
    split.setSizes([300, total - 300])  # a narrow register, a wide detail
    assert split.sizes()[0] <= 320
    split.setSizes([total - 300, 300])  # and the other way
    assert split.sizes()[1] <= 320


def test_f2_in_a_challenge_table_edits_its_own_row(window, qtbot):
    from db.store.changes import Create
    challenge = window.pf.list("challenges")[0]
    window.session.do([Create("teams", {"challenge_id": challenge["id"], "name": "重大微电子团队"})], "新建揭榜方")
    window.nav.setCurrentRow(2)
    window.challenges.select(challenge["id"])
    teams = window.challenges.detail.teams.table
    window.challenges.detail.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    teams.setFocus()
    QTest.keyClick(teams, Qt.Key_Down)
    seen = []

    def look(dialog):
        seen.append(getattr(dialog, "kind", None) and dialog.kind.name)
        dialog.reject()
    when_modal(look)
    QTest.keyClick(teams, Qt.Key_F2)
    assert seen == ["teams"]  # the team's dialog, not the project's


def test_dubandan_and_attachment_dialogs_start_in_the_last_folder(window, tmp_path, qtbot):
    """打印督办单, 添加附件 and an attachment's 另存为 start where the user last saved, like the brief."""
    from db.store.changes import Create
    out = tmp_path / "督办材料"
    out.mkdir()
    save_folder.remember(out / "简报.pdf")
    project = window.pf.list("projects")[0]
    window.session.do([Create("problems", {"project_id": project["id"], "description": "用地指标未落实"})], "提出问题")
    window.nav.setCurrentRow(6)
    problems = window.problems
    problems.table.selectRow(0)
    seen = []

    def look(dialog):
        seen.append((Path(dialog.directory().absolutePath()), dialog.selectedFiles()))
        dialog.reject()
    when_modal(look)
    assert problems.print_dubandan() is None
    assert seen[-1][0] == out
    when_modal(look)
    problems.detail.attachments.add_files()
    assert seen[-1][0] == out
