"""设置: interface language (this computer), colour thresholds and the attachment budget (stored
in the portfolio, so every office that receives the file colours it the same way)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from db import colours, plans
from db.attachments.attach import ATTACHMENT_BUDGET_KEY, budget_bytes

SPIN_KEYS = ("due_soon_days", "late_yellow_days", "replan_slip_days", "problem_due_soon_days")
PACE_KEYS = ("pace_blue", "pace_green", "pace_yellow")


class SettingsDialog(QDialog):
    def __init__(self, session, language: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(language))
        th = colours.thresholds(session.pf)
        self.fields = {}
        for key in SPIN_KEYS:
            w = QSpinBox(self)
            w.setRange(0, 3650 if key == "replan_slip_days" else 365)
            w.setValue(int(th[key]))
            self.fields[key] = w
        for key in PACE_KEYS:
            w = QDoubleSpinBox(self)
            w.setRange(-100, 100)
            w.setDecimals(0)
            w.setValue(th[key])
            self.fields[key] = w
        general = QFormLayout()
        general.addRow(self.tr("界面语言"), self.language)
        box = QGroupBox(self.tr("亮灯规则（保存在组合文件中）"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("临期预警：距计划日期不超过（天）黄灯"), self.fields["due_soon_days"])
        form.addRow(self.tr("逾期不超过（天）黄灯，超过则红灯"), self.fields["late_yellow_days"])
        form.addRow(self.tr("调整计划后较基线推迟超过（天）至多黄灯"), self.fields["replan_slip_days"])
        form.addRow(self.tr("投资/指标进度领先序时进度（百分点）蓝灯"), self.fields["pace_blue"])
        form.addRow(self.tr("不低于序时进度（百分点）绿灯"), self.fields["pace_green"])
        form.addRow(self.tr("落后不超过（百分点）黄灯，更低则红灯"), self.fields["pace_yellow"])
        form.addRow(self.tr("问题距办理时限不超过（天）黄灯，超过时限红灯"), self.fields["problem_due_soon_days"])
        note = QLabel(self.tr("受阻的里程碑为红灯；已取消、未设日期或停缓建为灰灯。") + "\n" + self.tr(
            "滞后按基线判断：里程碑调整计划后，新计划日期较基线（首次承诺的日期）推迟超过上面的天数，"
            "完成前至多为黄灯，原因写明“已调整计划，较基线推迟 N 天”；按新日期已逾期的照常为黄灯或红灯。"
            "项目取其里程碑中最差的颜色，项目详情列出较基线推迟超过该天数的里程碑个数。"), self)
        note.setWordWrap(True)
        form.addRow(note)
        periods = "；".join(p.label() for p in plans.plans(session.pf).values())
        self.pending_note = QLabel(self.tr(
            "待核实：规划期已结束、尚未填报完成情况的里程碑和指标目标显示为灰色“待核实”，不算逾期，不进入逾期清单，"
            "不计入按期率，在总览和简报中单独统计。在“规划核实”中按规划、专栏、责任单位筛选后可批量标记已完成（含日期）、"
            "未完成，或转入新规划（在规划期未结束的规划中新建目标，保留关联）；改到规划期之后的计划日期则照常亮灯。"
            "各规划的规划期：%1。").replace("%1", periods), self)
        self.pending_note.setWordWrap(True)
        form.addRow(self.pending_note)
        box.setEnabled(not session.readonly)
        # 佐证材料: how much the portfolio file may hold of attached files (issue #18)
        files = QGroupBox(self.tr("附件（保存在组合文件中）"), self)
        files_form = QFormLayout(files)
        self.budget = QSpinBox(self)
        self.budget.setRange(1, 100_000)
        self.budget.setSuffix(" MB")
        self.budget.setValue(budget_bytes(session.pf) // 2**20)
        files_form.addRow(self.tr("附件总量上限"), self.budget)
        files_form.addRow(QLabel(self.tr("已用 %1 MB；单个附件不超过 20 MB").replace(
            "%1", f"{session.pf.blob_bytes_total() / 2**20:.1f}"), self))
        files.setEnabled(not session.readonly)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(box)
        layout.addWidget(files)
        layout.addWidget(buttons)

    def thresholds(self) -> dict:
        return {key: w.value() for key, w in self.fields.items()}

    def save(self) -> None:
        new = self.thresholds()
        current = colours.thresholds(self.session.pf)
        if not self.session.readonly and any(float(new[k]) != float(current[k]) for k in new):
            if self.session.try_do(self.session.pf.setting_ops("colour_thresholds", new),
                                   self.tr("修改亮灯规则"), self) is None:
                return
        if not self.session.readonly and self.budget.value() != budget_bytes(self.session.pf) // 2**20:
            if self.session.try_do(self.session.pf.setting_ops(ATTACHMENT_BUDGET_KEY, self.budget.value()),
                                   self.tr("修改附件总量上限"), self) is None:
                return
        self.accept()

    def chosen_language(self) -> str:
        return self.language.currentData()
