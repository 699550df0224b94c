"""The 调度表 template's fixed shape, shared by its export and its import.

Two sheets (milestones, projects), and a third (problems, issue #18) when the unit has open
problems to report on (督办: status and 办理情况/办理结果 filled in, checked by the workflow's
rules). Each row carries its record's UUID in a hidden, locked first column; "identity" columns
(names) are locked and go into the row's digest; "context" columns are read-only information;
"edit" columns are the ones a unit fills in. A very hidden sheet holds the portfolio's identity
(site id), the export's nonce, each row's digest and original values, and a checksum over all of
it, so a template from another portfolio or with tampered identity columns is refused.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from db.i18n import QT_TRANSLATE_NOOP
from db.model import MILESTONE_STATUSES, PROBLEM_STATUSES, STAGES

# What a unit reports in its template; 未完成 / 转入新规划 settle a target of an ended plan and are
# the office's call (规划核实), not a unit's.
UNIT_STATUSES = tuple(s for s in MILESTONE_STATUSES if s not in ("未完成", "转入新规划"))

FORMAT = "kechuang-template"
VERSION = 1
META_SHEET = "_kechuang"
HEADER_ROW = 4  # 1-based: title, subtitle, instructions, header
ROWS_START = 20  # first row of the per-row table in the meta sheet
META_KEYS = ("site_id", "portfolio", "exported_at", "date", "unit_id", "unit", "nonce")  # rows 2…8
SHEETS_ROW, CHECKSUM_ROW = 10, 11


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # Msg
    width: float
    role: str  # id | identity | context | edit
    type: str = "text"  # text | date | money | enum | colour
    choices: tuple[str, ...] = ()


PROGRESS = Col("progress", QT_TRANSLATE_NOOP("Template", "本周进展"), 32, "edit")
PROBLEMS = Col("problems", QT_TRANSLATE_NOOP("Template", "存在问题（调整计划日期时写明原因）"), 32, "edit")
NEXT_PLAN = Col("next_plan", QT_TRANSLATE_NOOP("Template", "下周计划"), 32, "edit")
NOTE_KEYS = ("progress", "problems", "next_plan")

SHEETS = {
    "milestones": (QT_TRANSLATE_NOOP("Template", "里程碑调度"), (
        Col("id", QT_TRANSLATE_NOOP("Template", "系统编号"), 10, "id"),
        Col("seq", QT_TRANSLATE_NOOP("Template", "序号"), 6, "context"),
        Col("project", QT_TRANSLATE_NOOP("Template", "所属项目/揭榜方"), 26, "identity"),
        Col("name", QT_TRANSLATE_NOOP("Template", "里程碑"), 30, "identity"),
        Col("deliverable", QT_TRANSLATE_NOOP("Template", "交付成果"), 18, "context"),
        Col("owner", QT_TRANSLATE_NOOP("Template", "责任单位"), 16, "context"),
        Col("baseline_date", QT_TRANSLATE_NOOP("Template", "基线日期"), 12, "context", "date"),
        Col("colour", QT_TRANSLATE_NOOP("Template", "亮灯"), 7, "context", "colour"),
        Col("planned_date", QT_TRANSLATE_NOOP("Template", "计划日期"), 13, "edit", "date"),
        Col("status", QT_TRANSLATE_NOOP("Template", "状态"), 10, "edit", "enum", UNIT_STATUSES),
        Col("actual_date", QT_TRANSLATE_NOOP("Template", "实际完成日期"), 13, "edit", "date"),
        PROGRESS, PROBLEMS, NEXT_PLAN,
    )),
    "projects": (QT_TRANSLATE_NOOP("Template", "项目调度"), (
        Col("id", QT_TRANSLATE_NOOP("Template", "系统编号"), 10, "id"),
        Col("seq", QT_TRANSLATE_NOOP("Template", "序号"), 6, "context"),
        Col("name", QT_TRANSLATE_NOOP("Template", "项目名称"), 30, "identity"),
        Col("category", QT_TRANSLATE_NOOP("Template", "类别"), 12, "context"),
        Col("units", QT_TRANSLATE_NOOP("Template", "牵头/责任单位"), 20, "context"),
        Col("planned_start", QT_TRANSLATE_NOOP("Template", "计划开工"), 12, "context", "date"),
        Col("planned_finish", QT_TRANSLATE_NOOP("Template", "计划完工"), 12, "context", "date"),
        Col("total_investment", QT_TRANSLATE_NOOP("Template", "总投资（万元）"), 13, "context", "money"),
        Col("stage", QT_TRANSLATE_NOOP("Template", "阶段"), 10, "edit", "enum", STAGES),
        Col("actual_start", QT_TRANSLATE_NOOP("Template", "实际开工"), 13, "edit", "date"),
        Col("actual_finish", QT_TRANSLATE_NOOP("Template", "实际完工"), 13, "edit", "date"),
        Col("invested_to_date", QT_TRANSLATE_NOOP("Template", "累计完成投资（万元）"), 14, "edit", "money"),
        Col("annual_invested", QT_TRANSLATE_NOOP("Template", "年度已完成投资（万元）"), 14, "edit", "money"),
        PROGRESS, PROBLEMS, NEXT_PLAN,
    )),
    "problems": (QT_TRANSLATE_NOOP("Template", "问题督办"), (
        Col("id", QT_TRANSLATE_NOOP("Template", "系统编号"), 10, "id"),
        Col("seq", QT_TRANSLATE_NOOP("Template", "序号"), 6, "context"),
        Col("code", QT_TRANSLATE_NOOP("Template", "督办编号"), 16, "context"),
        Col("project", QT_TRANSLATE_NOOP("Template", "所属项目"), 22, "context"),
        Col("name", QT_TRANSLATE_NOOP("Template", "问题描述"), 30, "identity"),
        Col("request", QT_TRANSLATE_NOOP("Template", "协调事项/诉求"), 24, "context"),
        Col("responsible", QT_TRANSLATE_NOOP("Template", "责任单位"), 16, "context"),
        Col("due_date", QT_TRANSLATE_NOOP("Template", "办理时限"), 12, "context", "date"),
        Col("colour", QT_TRANSLATE_NOOP("Template", "亮灯"), 7, "context", "colour"),
        Col("status", QT_TRANSLATE_NOOP("Template", "状态"), 10, "edit", "enum", PROBLEM_STATUSES),
        Col("progress", QT_TRANSLATE_NOOP("Template", "办理情况（退回、挂起时写明原因）"), 34, "edit"),
        Col("result", QT_TRANSLATE_NOOP("Template", "办理结果（办结时必填）"), 30, "edit"),
    )),
}
# Record fields a template edits; the shared progress columns go into the record's notes
# (NOTE_COLUMNS), a problem's 办理情况 is its own field.
NOTE_COLUMNS = {kind: tuple(c.key for c in cols if c in (PROGRESS, PROBLEMS, NEXT_PLAN))
                for kind, (_, cols) in SHEETS.items()}
EDIT_FIELDS = {kind: tuple(c.key for c in cols if c.role == "edit" and c.key not in NOTE_COLUMNS[kind])
               for kind, (_, cols) in SHEETS.items()}

INSTRUCTIONS = QT_TRANSLATE_NOOP("Template", "填写说明：① 只填写黄色底纹的列（状态、实际日期、进展、问题、下周计划等），灰色列只读，请勿插入或删除行列、请勿修改项目和里程碑名称；② 状态、阶段从下拉列表中选择，日期写成 2025-06-30；③ 修改“计划日期”即为调整计划，必须在“存在问题”列写明调整原因，否则该行不会导入；④ 填好后原样交回项目办，由项目办在“文件 › 导入台账…”中导入。")  # noqa: E501
TITLE = QT_TRANSLATE_NOOP("Template", "{unit}调度表 · {sheet}")
SUBTITLE = QT_TRANSLATE_NOOP("Template", "组合文件：{portfolio} · 导出日期：{date} · 共 {count} 条")
ALL_UNITS = QT_TRANSLATE_NOOP("Template", "全部单位")
NOTE_ENTRY = QT_TRANSLATE_NOOP("Template", "【调度 {date}】")
NOTE_PARTS = {
    "progress": QT_TRANSLATE_NOOP("Template", "本周进展：{text}"),
    "problems": QT_TRANSLATE_NOOP("Template", "存在问题：{text}"),
    "next_plan": QT_TRANSLATE_NOOP("Template", "下周计划：{text}"),
}


def digest(nonce: str, kind: str, record_id: str, identity: list[str]) -> str:
    """Fingerprint of a row's identity cells (its UUID and names)."""
    text = "\x1f".join([nonce, kind, record_id, *identity])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def checksum(meta: dict, rows: list[list[str]]) -> str:
    """Checksum over the meta sheet's contents (portfolio identity, nonce, every row entry)."""
    body = json.dumps([meta, rows], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
