"""打印简报: the preview shows the real PDF, saving and printing issue the 期号, previewing does not."""
from __future__ import annotations

import datetime as dt
import io

import pypdf
import shiboken6
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from db.documents.brief.numbering import iso_week, numbers
from db.documents.brief.options import last_number
from desktop.dialogs.brief_preview import BriefPreview


def ready(qtbot, dialog: BriefPreview) -> None:
    qtbot.waitUntil(lambda: dialog.brief is not None and dialog.save_button.isEnabled(), timeout=30000)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10000)


def test_menu_action_opens_the_preview(window, monkeypatch):
    assert window.act_brief.shortcut() == QKeySequence(QKeySequence.Print)
    assert window.act_brief.text() == "打印简报(&P)…"
    assert window.act_brief in window.file_menu.actions()
    opened = []
    monkeypatch.setattr(BriefPreview, "exec", lambda self: opened.append(self) or QDialog.Rejected)
    window.act_brief.trigger()
    assert len(opened) == 1 and opened[0].pf is window.pf
    opened[0].done(QDialog.Rejected)


def test_preview_shows_pdf_pages_and_stores_nothing(window, qtbot, shots_dir):
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ready(qtbot, dialog)
    assert dialog.document.pageCount() == dialog.brief.pages > 1
    assert dialog.number.value() == 1
    assert "第1期" in dialog.status.text()
    qtbot.wait(600)  # QPdfView renders its pages asynchronously
    dialog.grab().save(str(shots_dir / "brief_preview.png"))
    # changing an option rebuilds the PDF (fewer sections, fewer pages); nothing is issued
    pages = dialog.brief.pages
    for key, box in dialog.section_boxes.items():
        box.setChecked(key == "overview")
    dialog.wait()
    ready(qtbot, dialog)
    assert dialog.brief.options.sections == ("overview",)
    assert dialog.document.pageCount() < pages
    assert last_number(window.pf) == 0
    dialog.done(QDialog.Rejected)


def test_save_issues_the_number_and_undo_reverts_it(window, qtbot, tmp_path, monkeypatch):
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("科学城周报")
    dialog.issuer.setText("科学城项目办")
    earlier = window.pf.today() - dt.timedelta(weeks=7)
    year, week, _ = earlier.isocalendar()
    dialog.week.setCurrentIndex(dialog.week.findData(iso_week(earlier)))
    dialog.number.setValue(7)
    target = tmp_path / "简报.pdf"
    monkeypatch.setattr("desktop.save_folder.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    dialog.save_dialog()  # waits for the pending build first
    assert target.exists()
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "科学城周报" in text and "第7期" in text and "科学城项目办" in text and f"{year}年第{week}周" in text
    assert numbers(window.pf) == {iso_week(earlier): 7} and window.pf.setting("brief")["name"] == "科学城周报"
    assert "本周次已签发为第7期" in dialog.last_issued.text()
    window.session.undo_stack.undo()
    assert last_number(window.pf) == 0 and numbers(window.pf) == {}
    dialog.done(QDialog.Rejected)
    # the next dialog starts from the stored choices and, for a week not issued yet, the next number
    window.session.undo_stack.redo()
    again = BriefPreview(window.session, window)
    qtbot.addWidget(again)
    assert again.number.value() == 8 and again.name.text() == "科学城周报"
    assert "上次签发：第7期" in again.last_issued.text()
    again.week.setCurrentIndex(again.week.findData(iso_week(earlier)))
    assert again.number.value() == 7  # that week keeps its number
    again.done(QDialog.Rejected)


def test_a_week_keeps_its_number_and_new_issue_takes_the_next(window, qtbot, tmp_path):
    """Saved twice, a week's brief is the same 期号 and the same bytes; 新一期 gives the week shown
    the next number, recorded only when the brief is issued; another week then gets the one after."""
    this_week = iso_week(window.pf.today())
    last_week = iso_week(window.pf.today() - dt.timedelta(weeks=1))
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.new_issue.text() == "新一期" and dialog.new_issue.isEnabled()
    ready(qtbot, dialog)
    assert dialog.save_to(tmp_path / "a.pdf")
    assert numbers(window.pf) == {this_week: 1}
    steps = window.session.undo_stack.count()
    dialog.week.setCurrentIndex(dialog.week.findData(last_week))
    assert dialog.number.value() == 2 and "上次签发：第1期" in dialog.last_issued.text()
    dialog.week.setCurrentIndex(dialog.week.findData(this_week))
    assert dialog.number.value() == 1 and "本周次已签发为第1期" in dialog.last_issued.text()
    dialog.wait()
    ready(qtbot, dialog)
    assert dialog.save_to(tmp_path / "b.pdf")  # a reprint: nothing new to record
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert numbers(window.pf) == {this_week: 1} and window.session.undo_stack.count() == steps
    dialog.new_issue.click()  # 新一期 for the week shown
    assert dialog.number.value() == 2
    dialog.wait()
    ready(qtbot, dialog)
    assert "第2期" in dialog.status.text() and dialog.brief.options.number == 2
    assert numbers(window.pf) == {this_week: 1}  # previewing it consumed nothing
    assert dialog.save_to(tmp_path / "c.pdf")
    assert numbers(window.pf) == {this_week: 2}
    dialog.week.setCurrentIndex(dialog.week.findData(last_week))
    assert dialog.number.value() == 3
    # a number another week holds is refused in the preview (nothing to save)
    dialog.number.setValue(2)
    dialog.wait()
    assert not dialog.save_button.isEnabled() and this_week in dialog.status.text()
    dialog.done(QDialog.Rejected)


def test_print_paints_every_page_and_issues(window, qtbot, tmp_path, monkeypatch):
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    for key, box in dialog.section_boxes.items():
        box.setChecked(key in ("overview", "colours"))
    dialog.wait()
    ready(qtbot, dialog)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setFullPage(True)
    assert dialog.print_to(printer)
    assert len(pypdf.PdfReader(str(out)).pages) == dialog.brief.pages
    # the print dialog cancelled: nothing issued; accepted: the number is recorded
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.Rejected)
    dialog.print_dialog()
    assert last_number(window.pf) == 0
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(BriefPreview, "print_to", lambda self, printer: True)
    dialog.print_dialog()
    assert last_number(window.pf) == 1
    dialog.done(QDialog.Rejected)


def test_no_section_chosen_disables_save_and_print(window, qtbot):
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    ready(qtbot, dialog)
    for box in dialog.section_boxes.values():
        box.setChecked(False)
    dialog.wait()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "至少选择一个栏目" in dialog.status.text()
    dialog.done(QDialog.Rejected)


def test_save_as_word_and_lists_as_excel_issue_the_brief(window, qtbot, tmp_path, monkeypatch):
    """另存为 Word… writes the same brief as an editable .docx (named styles, the 报头 and 正文
    text), 附表另存为 Excel… every 附表 in full; either issues the week's 期号 like saving a PDF."""
    import docx
    import openpyxl
    dialog = BriefPreview(window.session, window)
    qtbot.addWidget(dialog)
    ready(qtbot, dialog)
    assert dialog.word_button.text() == "另存为 Word…" and dialog.word_button.isEnabled()
    target = tmp_path / "简报"  # the extension is added
    monkeypatch.setattr("desktop.save_folder.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.word_button.click()
    dialog.wait_saved()
    qtbot.waitUntil(lambda: "已保存" in dialog.status.text(), timeout=30000)
    saved = tmp_path / "简报.docx"
    document = docx.Document(str(saved))
    styles = {p.style.name for p in document.paragraphs}
    assert {"报头", "期号", "标题", "一级标题", "正文", "报尾"} <= styles
    text = "\n".join(p.text for p in document.paragraphs)
    assert dialog.brief.options.name in text and "一、本期主要变化" in text and "第1期" in text
    assert numbers(window.pf) == {iso_week(window.pf.today()): 1}
    steps = window.session.undo_stack.count()
    sheet = tmp_path / "附表.xlsx"
    monkeypatch.setattr("desktop.save_folder.QFileDialog.getSaveFileName", lambda *a, **k: (str(sheet), ""))
    dialog.lists_button.click()
    dialog.wait_saved()
    qtbot.waitUntil(lambda: str(sheet) in dialog.status.text(), timeout=30000)
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames and all(name.startswith("附表") for name in book.sheetnames)
    assert window.session.undo_stack.count() == steps  # the same brief: nothing more to record
    assert dialog.word_button.isEnabled() and dialog.lists_button.isEnabled()
    dialog.done(QDialog.Rejected)


def test_first_use_loads_the_brief_libraries_on_the_worker_then_opens_the_preview(window, qtbot, monkeypatch):
    import sys
    monkeypatch.delitem(sys.modules, "db.documents.brief.build")  # as in a window that never printed a brief
    opened = []
    monkeypatch.setattr(BriefPreview, "exec", lambda self: opened.append(self) or QDialog.Rejected)
    window.act_brief.trigger()
    window.act_brief.trigger()  # asked again while loading: one preview, once loaded
    assert opened == []  # not on the UI thread: the worker imports first
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=30000)
    qtbot.wait(200)
    assert len(opened) == 1 and opened[0].pf is window.pf
    assert "db.documents.brief.build" in sys.modules
    qtbot.waitUntil(lambda: not shiboken6.isValid(opened[0]))  # deleted once its exec returned
