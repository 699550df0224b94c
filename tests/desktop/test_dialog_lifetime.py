"""Dialogs the window opens are deleted once closed (a long session grew by a closed brief preview,
merge dialog and import wizard each time, all children of the window with their briefs and plans)."""
from PySide6.QtCore import QCoreApplication, QEvent
from windows import when_modal


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def test_a_closed_brief_preview_is_not_kept(window, qtbot):
    from desktop.dialogs.brief_preview import BriefPreview
    closed = []
    when_modal(lambda dialog: (closed.append(type(dialog)), dialog.reject()))
    window.print_brief()  # the first time its libraries load on the worker, then it opens
    qtbot.waitUntil(lambda: bool(closed), timeout=30000)
    assert closed == [BriefPreview]
    _deleted_later()
    assert not window.findChildren(BriefPreview)


def test_a_closed_merge_dialog_is_not_kept(window, qtbot, tmp_path):
    from desktop.dialogs.merge import MergeDialog
    other = tmp_path / "other.sqlite"
    window.pf.save_as(other)
    closed = []
    when_modal(lambda dialog: (closed.append(type(dialog)), dialog.reject()))
    window.exchange.merge_dialog(other)
    assert closed == [MergeDialog]
    _deleted_later()
    assert not window.findChildren(MergeDialog)


def test_a_finished_import_wizard_is_not_kept(window, tmp_path):
    from test_import_wizard import ledger

    from desktop.dialogs.import_wizard import ImportWizard
    wizard = window.sheets.import_ledger(ledger(tmp_path / "台账.xlsx"))
    assert wizard.isVisible()
    wizard.reject()
    _deleted_later()
    assert not window.findChildren(ImportWizard)


def test_a_finished_export_task_is_not_kept(window, tmp_path):
    from desktop.task_runner import Task
    before = len(window.findChildren(Task))
    for i in range(3):
        window.sheets.export_tables(tmp_path / f"t{i}.xlsx").wait()
    _deleted_later()
    assert len(window.findChildren(Task)) <= before


def test_closed_conflict_and_history_dialogs_are_not_kept(window):
    from desktop.dialogs.exchange import ConflictsDialog, HistoryDialog
    closed = []
    when_modal(lambda dialog: (closed.append(type(dialog)), dialog.reject()))
    window.exchange.show_conflicts()
    when_modal(lambda dialog: (closed.append(type(dialog)), dialog.reject()))
    window.exchange.show_history()
    assert closed == [ConflictsDialog, HistoryDialog]
    _deleted_later()
    assert not window.findChildren(ConflictsDialog) and not window.findChildren(HistoryDialog)
