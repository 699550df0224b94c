"""打印简报: the weekly brief's real PDF pages (QtPdf), its options, then 保存PDF…, 另存为 Word… (an
editable .docx of the same brief), 附表另存为 Excel… (every 附表 in full) or 打印….

The PDF is built by the core (db.documents.brief) off the UI thread whenever an option changes; the .docx
and .xlsx are built on a lane of their own when asked for. Saving (any format) or printing issues
the brief: the week's 期号 and the options are stored in the portfolio (undoable).
A week keeps its 期号 (a reprint or a corrected brief shows the same number); a week not issued
yet gets the next one, and 新一期 gives the week shown the next one. Previewing stores nothing.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QTimer
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.documents.brief import fonts
from db.documents.brief.build import build, write_brief, write_pdf
from db.documents.brief.coverage import MESSAGE as MISSING_CHARS
from db.documents.brief.numbering import MAX_NUMBER, iso_week, next_number, number_for, number_of
from db.documents.brief.options import SECTION_TITLES, SECTIONS, issue_ops, last_number, resolve
from db.documents.brief.tables import short_date
from db.errors import UserError
from db.i18n import tr
from desktop import save_folder
from desktop.widgets.fit import resize_to_fit, scrolling
from desktop.widgets.flow import FlowLayout
from desktop.worker import Background

WEEKS_BACK, WEEKS_AHEAD = 104, 4
PRINT_DPI = 300  # pages are rendered to images for the printer; more gains nothing on paper


class BriefPreview(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.pf = session.pf
        self.brief = None  # the Brief on show
        self._buffer: QBuffer | None = None
        self.setWindowTitle(self.tr("打印简报"))
        resize_to_fit(self, 1180, 860)
        self.background = Background(self)
        self.saver = Background(self)  # .docx / .xlsx files: never superseded by a preview rebuild
        self.timer = QTimer(self, singleShot=True, interval=350)
        self.timer.timeout.connect(self.generate)

        defaults = resolve(self.pf)
        self.week = QComboBox(self)
        today = self.pf.today()
        monday = today - dt.timedelta(days=today.weekday())
        for k in range(-WEEKS_AHEAD, WEEKS_BACK + 1):
            start = monday - dt.timedelta(weeks=k)
            y, w, _ = start.isocalendar()
            label = self.tr("%1年第%2周（%3—%4）").replace("%1", str(y)).replace("%2", str(w)) \
                .replace("%3", short_date(start)).replace("%4", short_date(start + dt.timedelta(days=6)))
            self.week.addItem(label, iso_week(start))
        self.week.setCurrentIndex(self.week.findData(iso_week(today)))
        self.name = QLineEdit(defaults.name, self)
        self.issuer = QLineEdit(defaults.issuer, self)
        self.number = QSpinBox(self)
        self.number.setRange(1, MAX_NUMBER - 1)
        self.number.setValue(defaults.number)
        self.new_issue = QPushButton(self.tr("新一期"), self)
        self.new_issue.setToolTip(self.tr("给所选周次的简报编下一个期号（保存或打印时记入）"))
        self.new_issue.clicked.connect(self.take_next_number)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.new_issue)
        self.last_issued = QLabel(self)
        self.last_issued.setWordWrap(True)
        self.font_choice = QComboBox(self)
        for choice in fonts.available():
            self.font_choice.addItem(tr(fonts.CHOICE_LABELS[choice]), choice)
        self.font_choice.setCurrentIndex(max(self.font_choice.findData(defaults.font), 0))
        self.section_boxes = {}
        sections_box = QGroupBox(self.tr("栏目"), self)
        sections_layout = QVBoxLayout(sections_box)
        for key in SECTIONS:
            box = QCheckBox(tr(SECTION_TITLES[key]), self)
            box.setChecked(key in defaults.sections)
            box.toggled.connect(self.schedule)
            self.section_boxes[key] = box
            sections_layout.addWidget(box)
        self.report_to = QLineEdit(defaults.report_to, self)
        self.copy_to = QLineEdit(defaults.copy_to, self)
        self.send_to = QLineEdit(defaults.send_to, self)
        for w in (self.name, self.issuer, self.report_to, self.copy_to, self.send_to):
            w.textChanged.connect(self.schedule)
        self.number.valueChanged.connect(self.schedule)
        self.week.currentIndexChanged.connect(self._week_changed)
        self.week.currentIndexChanged.connect(self.schedule)
        self.font_choice.currentIndexChanged.connect(self.schedule)

        form = QFormLayout()
        form.addRow(self.tr("周次"), self.week)
        form.addRow(self.tr("简报名称"), self.name)
        form.addRow(self.tr("编印单位"), self.issuer)
        form.addRow(self.tr("期号"), number_row)
        form.addRow("", self.last_issued)
        form.addRow(self.tr("字体"), self.font_choice)
        footer_box = QGroupBox(self.tr("报尾"), self)
        footer_form = QFormLayout(footer_box)
        footer_form.addRow(self.tr("报："), self.report_to)
        footer_form.addRow(self.tr("送："), self.copy_to)
        footer_form.addRow(self.tr("发："), self.send_to)
        self.save_button = QPushButton(self.tr("保存PDF…"), self)
        self.save_button.clicked.connect(self.save_dialog)
        self.word_button = QPushButton(self.tr("另存为 Word…"), self)
        self.word_button.setToolTip(self.tr("保存为可编辑的 Word 文档（.docx），可在 WPS、Word 中修改后打印"))
        self.word_button.clicked.connect(lambda: self.save_file_dialog("docx"))
        self.lists_button = QPushButton(self.tr("附表另存为 Excel…"), self)
        self.lists_button.setToolTip(self.tr("各附表的完整清单（简报中每张附表只列前若干项）"))
        self.lists_button.clicked.connect(lambda: self.save_file_dialog("xlsx"))
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.clicked.connect(self.print_dialog)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = FlowLayout()  # English texts are longer: a second line rather than cut-off buttons
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        more_buttons = QHBoxLayout()
        more_buttons.addWidget(self.lists_button)
        more_buttons.addStretch(1)
        options = QWidget(self)
        options_layout = QVBoxLayout(options)
        options_layout.setContentsMargins(0, 0, 4, 0)
        options_layout.addLayout(form)
        options_layout.addWidget(sections_box)
        options_layout.addWidget(footer_box)
        options_layout.addStretch(1)
        for combo in (self.week, self.font_choice):  # long choices do not widen the fixed side panel
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        side = QWidget(self)
        side.setFixedWidth(340)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(scrolling(options, side), 1)  # a low screen scrolls the options, not the buttons
        side_layout.addLayout(more_buttons)
        side_layout.addLayout(buttons)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self)
        right = QVBoxLayout()
        right.addWidget(self.view, 1)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addLayout(right, 1)
        self._show_last_issued()
        self._set_ready(False)
        self.generate()

    # -- options and building ------------------------------------------------------------
    def options(self):
        sections = [k for k, box in self.section_boxes.items() if box.isChecked()]
        return resolve(self.pf, week=self.week.currentData(), name=self.name.text(), issuer=self.issuer.text(),
                       number=self.number.value(), sections=sections, font=self.font_choice.currentData(),
                       report_to=self.report_to.text(), copy_to=self.copy_to.text(), send_to=self.send_to.text())

    def schedule(self, *_args) -> None:
        self._set_ready(False)
        self.timer.start()

    def generate(self) -> None:
        """Build the PDF for the current options in the background; shown when done."""
        self.timer.stop()
        if not any(box.isChecked() for box in self.section_boxes.values()):
            self.status.setText(self.tr("请至少选择一个栏目。"))
            return
        try:
            options = self.options()
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("正在生成简报…"))
        pf = self.pf
        self.background.submit(lambda: build(pf, options), self._show, self._failed)

    def _show(self, brief) -> None:
        self.brief = brief
        self.document.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(brief.pdf))
        self._buffer.open(QIODevice.ReadOnly)
        self.document.load(self._buffer)
        text = self.tr("%1 · 第%2期 · 共 %3 页").replace("%1", brief.week) \
            .replace("%2", str(brief.options.number)).replace("%3", str(brief.pages))
        if getattr(brief, "missing", ()):  # characters the fonts lack vanish on paper: say which
            text += "\n" + tr(MISSING_CHARS, count=len(brief.missing), chars=" ".join(brief.missing))
        self.status.setText(text)
        self._set_ready(True)

    def _failed(self, exc) -> None:
        self.status.setText(str(exc) if isinstance(exc, UserError) else self.tr("生成简报失败：%1").replace("%1", str(exc)))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.save_button, self.word_button, self.lists_button, self.print_button):
            button.setEnabled(ready)

    def wait(self) -> None:
        """Finish any pending build now (before saving or printing, and in tests)."""
        if self.timer.isActive():
            self.generate()
        self.background.wait()
        QApplication.processEvents()  # delivers the finished build

    def wait_saved(self) -> None:
        """Finish a .docx / .xlsx being written (in tests)."""
        self.saver.wait()
        QApplication.processEvents()

    # -- 期号 ---------------------------------------------------------------------------
    def _week_changed(self, *_args) -> None:
        """A week shows the 期号 it was issued with, else the next one."""
        self.number.setValue(number_for(self.pf, self.week.currentData()))
        self._show_last_issued()

    def take_next_number(self) -> None:
        """新一期: the week shown gets the next 期号 (recorded when the brief is saved or printed)."""
        self.number.setValue(next_number(self.pf))

    def _show_last_issued(self) -> None:
        own = number_of(self.pf, self.week.currentData())
        if own:
            text = self.tr("本周次已签发为第%1期，重印保持期号").replace("%1", str(own))
        else:
            n = last_number(self.pf)
            text = self.tr("上次签发：第%1期").replace("%1", str(n)) if n else self.tr("尚未签发过简报")
        self.last_issued.setText(text)

    # -- issuing -------------------------------------------------------------------------

    def _issue(self, options=None) -> None:
        """Record the brief on show (or the one made with `options`) as issued (期号 and options),
        unless the file is read-only."""
        if options is None and self.brief is not None:
            options = self.brief.options
        if self.session.readonly or options is None:
            return
        text = self.tr("签发简报第%1期").replace("%1", str(options.number))
        try:
            ops = issue_ops(self.pf, options)
        except UserError as exc:  # the number went to another week meanwhile (a merge)
            QMessageBox.warning(self, text, str(exc))
            return
        self.session.try_do(ops, text, self)
        self._show_last_issued()

    def default_path(self, suffix: str = ".pdf") -> Path:
        o = self.brief.options
        name = self.tr("%1第%2期（%3）").replace("%1", o.name).replace("%2", str(o.number)).replace("%3", self.brief.week)
        if suffix == ".xlsx":
            name += self.tr("附表")
        return save_folder.start_folder() / (name.replace("/", "_").replace("\\", "_") + suffix)

    def save_dialog(self) -> None:
        self.wait()
        if self.brief is None:
            return
        path = save_folder.save_name(self, self.tr("保存简报"), self.default_path().name, self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(self.brief.pdf, path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("保存简报"), str(exc))
            return False
        self._issue()
        self.status.setText(self.tr("已保存：%1").replace("%1", str(path)))
        return True

    def save_file_dialog(self, fmt: str) -> None:
        """另存为 Word… (fmt "docx") or 附表另存为 Excel… ("xlsx")."""
        self.wait()
        if self.brief is None:
            return
        title, kind = ((self.tr("另存为 Word"), self.tr("Word 文档 (*.docx)")) if fmt == "docx"
                       else (self.tr("附表另存为 Excel"), self.tr("Excel 工作簿 (*.xlsx)")))
        path = save_folder.save_name(self, title, self.default_path("." + fmt).name, kind)
        if path:
            self.save_file(Path(path), fmt)

    def save_file(self, path: Path, fmt: str) -> None:
        """Write the brief on show as `fmt` in the background; issued when written."""
        if path.suffix.lower() != "." + fmt:
            path = path.with_name(path.name + "." + fmt)
        options, pf = self.brief.options, self.pf
        self.status.setText(self.tr("正在保存…"))
        self._set_ready(False)
        self.saver.submit(lambda: write_brief(pf, options, path)[0], lambda done: self._file_saved(done, options),
                          self._file_failed)

    def _file_saved(self, path, options) -> None:
        self._issue(options)
        self.status.setText(self.tr("已保存：%1").replace("%1", str(path)))
        self._set_ready(self.brief is not None and not self.timer.isActive())

    def _file_failed(self, exc) -> None:
        self._set_ready(self.brief is not None and not self.timer.isActive())
        text = str(exc) if isinstance(exc, UserError) else self.tr("保存失败：%1").replace("%1", str(exc))
        self.status.setText(text)
        QMessageBox.warning(self, self.tr("保存简报"), text)

    def print_dialog(self) -> None:
        self.wait()
        if self.brief is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF carries its own GB/T 9704 margins
        printer.setDocName(self.default_path().stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.document.pageCount(), 1))
        if dialog.exec() != QDialog.Accepted:
            return
        if self.print_to(printer):
            self._issue()

    def print_to(self, printer: QPrinter) -> bool:
        """Paint the brief's pages (rendered from the PDF) on `printer`; honours a page range."""
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, min(last, count)) if first and last else range(count)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("打印"), self.tr("无法启动打印。"))
            return False
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for k, i in enumerate(pages):
                if k:
                    printer.newPage()
                size = self.document.pagePointSize(i)
                image = self.document.render(i, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)))
                area = painter.viewport()
                scale = min(area.width() / image.width(), area.height() / image.height())
                w, h = round(image.width() * scale), round(image.height() * scale)
                painter.drawImage(QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h),
                                  image)
        finally:
            painter.end()
        return True

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self.timer.stop()
        self.background.wait()
        self.saver.wait()
        self.document.close()
        super().done(result)
