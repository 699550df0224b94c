"""First start: where the portfolio lives, 示例 or 空白, and a short dismissible tour."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
)


class WelcomeDialog(QDialog):
    """Asked once, when the user's portfolio does not exist yet."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用科创项目台账"))
        self.example = QRadioButton(self.tr("打开示例组合：五份规划文件中的项目、里程碑和指标（推荐）"), self)
        self.blank = QRadioButton(self.tr("新建空白组合"), self)
        self.example.setChecked(True)
        where = QLabel(self.tr("组合数据保存在本机文件：\n%1\n所有数据只在本机，离线可用；可用“文件 → 导出组合文件”发给其他单位。")
                       .replace("%1", str(path)), self)
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.example)
        layout.addWidget(self.blank)
        layout.addWidget(where)
        layout.addWidget(buttons)

    def with_builtin(self) -> bool:
        return self.example.isChecked()


class TourDialog(QDialog):
    """A few hints, one at a time; "不再显示" remembers the choice."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指引"))
        hints = [
            (self.tr("查找项目"), self.tr("在“项目”页顶部的搜索框输入名称的一部分（例如“超瞬态”），或按 Ctrl+F。"
                                      "可按类别、阶段、责任单位、片区、亮灯筛选，也可分组查看。")),
            (self.tr("调整里程碑"), self.tr("在右侧里程碑表中双击计划日期即可修改。改动已承诺的日期会要求填写原因，"
                                        "并如实记入调整记录；亮灯颜色和原因随即更新。任何修改都可用 Ctrl+Z 撤销。")),
            (self.tr("打印简报"), self.tr("“文件 → 打印简报”按周生成 A4 工作简报，可预览、保存 PDF 或直接打印。")),
            (self.tr("给责任单位发文件"), self.tr("“文件 → 导出组合文件”可只导出某一责任单位的项目发给对方；"
                                            "对方更新后发回，用“合并组合文件”（或把文件拖到窗口上）合并，冲突会逐条列出。")),
        ]
        self.pages = QStackedWidget(self)
        for title, text in hints:
            page = QLabel(f"<h3>{title}</h3><p>{text}</p>", self)
            page.setWordWrap(True)
            page.setMinimumWidth(460)
            self.pages.addWidget(page)
        self.counter = QLabel(self)
        self.dont_show = QCheckBox(self.tr("不再显示"), self)
        self.prev_button = QPushButton(self.tr("上一条"), self)
        self.next_button = QPushButton(self.tr("下一条"), self)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.dont_show)
        row.addStretch(1)
        row.addWidget(self.counter)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(row)
        self.go(0)

    def go(self, step: int) -> None:
        i = max(0, min(self.pages.count() - 1, self.pages.currentIndex() + step))
        self.pages.setCurrentIndex(i)
        self.counter.setText(f"{i + 1}/{self.pages.count()}")
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(i < self.pages.count() - 1)
