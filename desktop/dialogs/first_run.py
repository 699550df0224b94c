"""First start: where the portfolio lives, which plans of the built-in data (or 空白), and a short
dismissible tour; and 添加内置规划, which adds plans of the built-in data later."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
)

from db import builtin, plans


class PlanChooser(QGroupBox):
    """One check box per built-in plan (with its period); `held` plans are shown checked and fixed."""

    def __init__(self, parent=None, held: tuple[str, ...] = (), checked: bool = True):
        super().__init__(parent)
        periods = plans.builtin_plans()
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for doc in builtin.documents():
            p = periods.get(doc["short"])
            span = f"（{p.start}—{p.end}）" if p else ""
            box = QCheckBox(f"{doc['title']}{span}", self)
            box.setChecked(checked or doc["id"] in held)
            box.setEnabled(doc["id"] not in held)
            self.boxes[doc["id"]] = box
            layout.addWidget(box)

    def chosen(self) -> list[str]:
        return [i for i, box in self.boxes.items() if box.isChecked() and box.isEnabled()]


class WelcomeDialog(QDialog):
    """Asked once, when the user's portfolio does not exist yet (and for 文件 → 新建)."""

    def __init__(self, path: Path, parent=None, title: str | None = None, can_cancel: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("欢迎使用科创项目台账"))
        self.example = QRadioButton(self.tr("从规划文件开始：载入所选规划中的项目、里程碑和指标（推荐）"), self)
        self.blank = QRadioButton(self.tr("新建空白组合"), self)
        self.example.setChecked(True)
        self.chooser = PlanChooser(self)
        self.chooser.setTitle(self.tr("本单位使用的规划（可多选，以后可在“文件 → 添加内置规划”中补充）"))
        self.example.toggled.connect(self.chooser.setEnabled)
        where = QLabel(self.tr("组合数据保存在本机文件：\n%1\n所有数据只在本机，离线可用；可用“文件 → 导出组合文件”发给其他单位。")
                       .replace("%1", str(path)), self)
        where.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | (QDialogButtonBox.Cancel if can_cancel else
                                                               QDialogButtonBox.NoButton), self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for box in self.chooser.boxes.values():
            box.toggled.connect(self._sync)
        self.example.toggled.connect(self._sync)
        layout = QVBoxLayout(self)
        layout.addWidget(self.example)
        layout.addWidget(self.chooser)
        layout.addWidget(self.blank)
        layout.addWidget(where)
        layout.addWidget(self.buttons)

    def _sync(self, *_) -> None:  # loading the built-in data needs at least one plan
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setEnabled(not self.example.isChecked() or bool(self.chooser.chosen()))

    def with_builtin(self) -> bool:
        return self.example.isChecked()

    def plans(self) -> list[str] | None:
        """The chosen plans' document ids, or None for a blank portfolio."""
        return self.chooser.chosen() if self.example.isChecked() else None


class AddPlansDialog(QDialog):
    """文件 → 添加内置规划: the plans the portfolio does not hold yet, to add (no duplicates)."""

    def __init__(self, held: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加内置规划"))
        self.chooser = PlanChooser(self, held=tuple(held), checked=False)
        note = QLabel(self.tr("所选规划的项目、里程碑和指标将加入当前组合；已有的记录不会重复加入，已删除的不会恢复。可以撤销。"), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(note)
        layout.addWidget(buttons)


class TourDialog(QDialog):
    """A few hints, one at a time; "不再显示" (ticked) remembers that it was seen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指引"))
        hints = [
            (self.tr("查找项目"), self.tr("在“项目”页顶部的搜索框输入名称的一部分（例如“超瞬态”），或按 Ctrl+F。"
                                      "可按类别、阶段、责任单位、片区、亮灯筛选，也可分组查看。")),
            (self.tr("调整里程碑"), self.tr("在右侧里程碑表中双击计划日期（或按 F2）即可修改。改动已承诺的日期会要求填写原因，"
                                        "并如实记入调整记录；亮灯颜色和原因随即更新。任何修改都可用 Ctrl+Z 撤销。"
                                        "Ctrl+M 新增里程碑，F6 在项目表与里程碑表之间切换，右键（或菜单键）列出常用操作。")),
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
        self.dont_show.setChecked(True)  # shown once; untick to see it at the next start again
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
