"""The domain model: every synced kind of record and its fields (DESIGN §2).

This table drives validation, `dump --json`, the CLI's field=value parsing and the merge's
checks of received values. The SQL schema is frozen per version in db/store/migrations/; a test
checks that the current schema's columns are exactly these fields plus the bookkeeping ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from db.i18n import QT_TRANSLATE_NOOP

# Bookkeeping columns every synced table carries (DESIGN §5).
BOOKKEEPING = ("id", "deleted", "created_hlc", "cell_clocks")

UNIT_KINDS = (
    QT_TRANSLATE_NOOP("enum", "政府部门"),
    QT_TRANSLATE_NOOP("enum", "园区公司"),
    QT_TRANSLATE_NOOP("enum", "高校"),
    QT_TRANSLATE_NOOP("enum", "院所"),
    QT_TRANSLATE_NOOP("enum", "企业"),
    QT_TRANSLATE_NOOP("enum", "医院"),
    QT_TRANSLATE_NOOP("enum", "联合体"),
    QT_TRANSLATE_NOOP("enum", "其他"),
)
CATEGORIES = (
    QT_TRANSLATE_NOOP("enum", "重大科技基础设施"),
    QT_TRANSLATE_NOOP("enum", "重大科研基础平台"),
    QT_TRANSLATE_NOOP("enum", "科学研究中心"),
    QT_TRANSLATE_NOOP("enum", "重点实验室"),
    QT_TRANSLATE_NOOP("enum", "交叉研究平台"),
    QT_TRANSLATE_NOOP("enum", "新型研发机构"),
    QT_TRANSLATE_NOOP("enum", "产业创新平台"),
    QT_TRANSLATE_NOOP("enum", "孵化载体"),
    QT_TRANSLATE_NOOP("enum", "科技服务平台"),
    QT_TRANSLATE_NOOP("enum", "科技园区"),
    QT_TRANSLATE_NOOP("enum", "应用场景"),
    QT_TRANSLATE_NOOP("enum", "其他"),
)
LEVELS = (
    QT_TRANSLATE_NOOP("enum", "国家级"),
    QT_TRANSLATE_NOOP("enum", "市级"),
    QT_TRANSLATE_NOOP("enum", "区级"),
)
STAGES = (
    QT_TRANSLATE_NOOP("enum", "谋划"),
    QT_TRANSLATE_NOOP("enum", "洽谈"),
    QT_TRANSLATE_NOOP("enum", "签约"),
    QT_TRANSLATE_NOOP("enum", "开工"),
    QT_TRANSLATE_NOOP("enum", "建设"),
    QT_TRANSLATE_NOOP("enum", "投产"),
    QT_TRANSLATE_NOOP("enum", "达产"),
    QT_TRANSLATE_NOOP("enum", "停缓建"),
    QT_TRANSLATE_NOOP("enum", "终止"),
)
PHASES = (
    QT_TRANSLATE_NOOP("enum", "预研"),
    QT_TRANSLATE_NOOP("enum", "建议书"),
    QT_TRANSLATE_NOOP("enum", "可研"),
    QT_TRANSLATE_NOOP("enum", "初设概算"),
    QT_TRANSLATE_NOOP("enum", "开工"),
    QT_TRANSLATE_NOOP("enum", "安装调试"),
    QT_TRANSLATE_NOOP("enum", "建成"),
    QT_TRANSLATE_NOOP("enum", "国家验收"),
    QT_TRANSLATE_NOOP("enum", "开放运行"),
)
MILESTONE_STATUSES = (
    QT_TRANSLATE_NOOP("enum", "未开始"),
    QT_TRANSLATE_NOOP("enum", "进行中"),
    QT_TRANSLATE_NOOP("enum", "已完成"),
    QT_TRANSLATE_NOOP("enum", "受阻"),
    QT_TRANSLATE_NOOP("enum", "取消"),
    QT_TRANSLATE_NOOP("enum", "未完成"),       # outcome recorded after the plan's period ended
    QT_TRANSLATE_NOOP("enum", "转入新规划"),   # carried into a milestone of a later plan
)
# What an office records about an indicator target of a plan whose period has ended.
OUTCOMES = (
    QT_TRANSLATE_NOOP("enum", "已完成"),
    QT_TRANSLATE_NOOP("enum", "未完成"),
    QT_TRANSLATE_NOOP("enum", "转入新规划"),
)
# What a record of the projects table is (DESIGN §2): a project or platform, or a programme
# (计划/工程/行动) or a task line of a plan, which the overview does not count as projects.
ENTRY_TYPES = (
    QT_TRANSLATE_NOOP("enum", "项目"),
    QT_TRANSLATE_NOOP("enum", "专项计划"),
    QT_TRANSLATE_NOOP("enum", "规划任务"),
)
ISSUE_MODES = (QT_TRANSLATE_NOOP("enum", "政府发榜"), QT_TRANSLATE_NOOP("enum", "企业出题"),)
FUNDING_MODES = (
    QT_TRANSLATE_NOOP("enum", "前资助"),
    QT_TRANSLATE_NOOP("enum", "分阶段拨付"),
    QT_TRANSLATE_NOOP("enum", "后奖补"),
)
RACE_MODES = (QT_TRANSLATE_NOOP("enum", "单一揭榜"), QT_TRANSLATE_NOOP("enum", "赛马"),)
CHALLENGE_STAGES = (
    QT_TRANSLATE_NOOP("enum", "需求征集"),
    QT_TRANSLATE_NOOP("enum", "凝练论证"),
    QT_TRANSLATE_NOOP("enum", "已发榜"),
    QT_TRANSLATE_NOOP("enum", "申报中"),
    QT_TRANSLATE_NOOP("enum", "评审中"),
    QT_TRANSLATE_NOOP("enum", "会议审议"),
    QT_TRANSLATE_NOOP("enum", "公示"),
    QT_TRANSLATE_NOOP("enum", "已立项"),
    QT_TRANSLATE_NOOP("enum", "攻关中"),
    QT_TRANSLATE_NOOP("enum", "里程碑考核"),
    QT_TRANSLATE_NOOP("enum", "验收"),
    QT_TRANSLATE_NOOP("enum", "兑现奖补"),
    QT_TRANSLATE_NOOP("enum", "结题"),
    QT_TRANSLATE_NOOP("enum", "流榜"),
    QT_TRANSLATE_NOOP("enum", "终止"),
)
TEAM_STATUSES = (
    QT_TRANSLATE_NOOP("enum", "已提交"),
    QT_TRANSLATE_NOOP("enum", "入围"),
    QT_TRANSLATE_NOOP("enum", "立项"),
    QT_TRANSLATE_NOOP("enum", "未通过"),
    QT_TRANSLATE_NOOP("enum", "撤回"),
    QT_TRANSLATE_NOOP("enum", "淘汰"),
)
REVIEW_RESULTS = (
    QT_TRANSLATE_NOOP("enum", "通过"),
    QT_TRANSLATE_NOOP("enum", "整改"),
    QT_TRANSLATE_NOOP("enum", "淘汰"),
)
# A problem's 督办 workflow (issue #18): 提出 → 交办 → 签收 → 办理中 → 办结, with 退回 (back to
# the office with a reason) and 挂起; the allowed moves are db/problems/rules.py's.
PROBLEM_STATUSES = (
    QT_TRANSLATE_NOOP("enum", "提出"),
    QT_TRANSLATE_NOOP("enum", "交办"),
    QT_TRANSLATE_NOOP("enum", "签收"),
    QT_TRANSLATE_NOOP("enum", "办理中"),
    QT_TRANSLATE_NOOP("enum", "办结"),
    QT_TRANSLATE_NOOP("enum", "退回"),
    QT_TRANSLATE_NOOP("enum", "挂起"),
)
ATTRIBUTES = (QT_TRANSLATE_NOOP("enum", "预期性"), QT_TRANSLATE_NOOP("enum", "约束性"),)
DIRECTIONS = (QT_TRANSLATE_NOOP("enum", "higher"), QT_TRANSLATE_NOOP("enum", "lower"),)
# The years (and so the dates, db/values.py) the portfolio holds: what every document can show (a
# calendar's next day, a year column per year of an indicator) and what a spreadsheet typed by
# hand is read within (db/sheets/cells.py), so a 调度表 comes back with any date it went out with.
YEARS = (1950, 2100)


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text, enum, date, money, number, int, pct, bool, ref, reflist, strlist, json, timestamp
    label: str  # Chinese label, translated through db.i18n (context "field")
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # kind referenced by ref/reflist
    readonly: bool = False  # set by the core (or only at creation), refused in `set`
    default: object = None
    bounds: tuple | None = None  # (lowest, highest) a number may be, where narrower than its type's


@dataclass(frozen=True)
class Kind:
    name: str  # as in dump --json (plural)
    table: str
    label: str
    fields: tuple[Field, ...]
    title_field: str = "name"
    append_only: bool = False  # a log: records are added, never edited or deleted (except by undo)
    # deleting a record tombstones these children with it: (child kind, its reference field)
    children: tuple[tuple[str, str], ...] = ()
    fields_by_name: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        self.fields_by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field | None:
        return self.fields_by_name.get(name)

    def field_named(self, name: str) -> Field:
        """The field `name`, which the caller knows the kind has (KeyError otherwise)."""
        return self.fields_by_name[name]


def F(name, type_, label, **kw) -> Field:
    return Field(name, type_, label, **kw)


SOURCE_FIELDS = (
    F("source_doc", "text", QT_TRANSLATE_NOOP("field", "来源文件"), readonly=True),
    F("source_ref", "text", QT_TRANSLATE_NOOP("field", "来源条目"), readonly=True),
    F("source_text", "text", QT_TRANSLATE_NOOP("field", "来源原文"), readonly=True),
    F("builtin_key", "text", QT_TRANSLATE_NOOP("field", "内置编号"), readonly=True),
)

UNITS = Kind("units", "units", QT_TRANSLATE_NOOP("kind", "单位"), (
    F("name", "text", QT_TRANSLATE_NOOP("field", "名称"), required=True),
    F("short_name", "text", QT_TRANSLATE_NOOP("field", "简称")),
    F("kind", "enum", QT_TRANSLATE_NOOP("field", "类型"), choices=UNIT_KINDS, default="其他"),
    F("parent_id", "ref", QT_TRANSLATE_NOOP("field", "上级单位"), ref="units"),
    F("region", "text", QT_TRANSLATE_NOOP("field", "区县/片区")),
    F("contact", "text", QT_TRANSLATE_NOOP("field", "联系人")),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("builtin_key", "text", QT_TRANSLATE_NOOP("field", "内置编号"), readonly=True),
))

PROJECTS = Kind("projects", "projects", QT_TRANSLATE_NOOP("kind", "项目"), (
    F("name", "text", QT_TRANSLATE_NOOP("field", "项目名称"), required=True),
    F("code", "text", QT_TRANSLATE_NOOP("field", "项目编号")),
    F("entry_type", "enum", QT_TRANSLATE_NOOP("field", "条目类型"), choices=ENTRY_TYPES, default="项目"),
    F("category", "enum", QT_TRANSLATE_NOOP("field", "类别"), choices=CATEGORIES, default="其他"),
    F("level", "enum", QT_TRANSLATE_NOOP("field", "级别"), choices=LEVELS),
    F("lead_unit_id", "ref", QT_TRANSLATE_NOOP("field", "牵头单位"), ref="units"),
    F("responsible_unit_ids", "reflist", QT_TRANSLATE_NOOP("field", "责任单位"), ref="units", default=[]),
    F("partner_unit_ids", "reflist", QT_TRANSLATE_NOOP("field", "合作单位"), ref="units", default=[]),
    F("zone", "text", QT_TRANSLATE_NOOP("field", "片区/区县")),
    F("domain", "text", QT_TRANSLATE_NOOP("field", "产业方向")),
    F("stage", "enum", QT_TRANSLATE_NOOP("field", "阶段"), choices=STAGES),
    F("phase", "enum", QT_TRANSLATE_NOOP("field", "设施阶段"), choices=PHASES),
    F("total_investment", "money", QT_TRANSLATE_NOOP("field", "总投资（万元）")),
    F("invested_to_date", "money", QT_TRANSLATE_NOOP("field", "累计完成投资（万元）")),
    F("annual_plan_investment", "money", QT_TRANSLATE_NOOP("field", "年度计划投资（万元）")),
    F("annual_invested", "money", QT_TRANSLATE_NOOP("field", "年度已完成投资（万元）")),
    F("planned_start", "date", QT_TRANSLATE_NOOP("field", "计划开工")),
    F("planned_finish", "date", QT_TRANSLATE_NOOP("field", "计划完工")),
    F("actual_start", "date", QT_TRANSLATE_NOOP("field", "实际开工")),
    F("actual_finish", "date", QT_TRANSLATE_NOOP("field", "实际完工")),
    F("summary", "text", QT_TRANSLATE_NOOP("field", "建设内容")),
    F("tags", "strlist", QT_TRANSLATE_NOOP("field", "标签"), default=[]),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("is_example", "bool", QT_TRANSLATE_NOOP("field", "示例"), default=False),
) + SOURCE_FIELDS, children=(("milestones", "project_id"), ("problems", "project_id"),
                          ("attachments", "project_id")))

MILESTONES = Kind("milestones", "milestones", QT_TRANSLATE_NOOP("kind", "里程碑"), (
    F("project_id", "ref", QT_TRANSLATE_NOOP("field", "所属项目"), ref="projects"),
    F("team_id", "ref", QT_TRANSLATE_NOOP("field", "所属揭榜方"), ref="teams"),
    F("name", "text", QT_TRANSLATE_NOOP("field", "里程碑"), required=True),
    F("deliverable", "text", QT_TRANSLATE_NOOP("field", "交付成果")),
    F("owner_unit_id", "ref", QT_TRANSLATE_NOOP("field", "责任单位"), ref="units"),
    F("weight", "number", QT_TRANSLATE_NOOP("field", "权重"), default=1.0),
    F("baseline_date", "date", QT_TRANSLATE_NOOP("field", "基线日期"), readonly=True),
    F("planned_date", "date", QT_TRANSLATE_NOOP("field", "计划日期")),
    F("actual_date", "date", QT_TRANSLATE_NOOP("field", "实际完成日期")),
    F("status", "enum", QT_TRANSLATE_NOOP("field", "状态"), choices=MILESTONE_STATUSES, default="未开始"),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注/佐证")),
    F("carried_from_id", "ref", QT_TRANSLATE_NOOP("field", "转自里程碑"), ref="milestones", readonly=True),
    F("is_example", "bool", QT_TRANSLATE_NOOP("field", "示例"), default=False),
) + SOURCE_FIELDS, children=(("attachments", "milestone_id"),))

REPLANS = Kind("replans", "replans", QT_TRANSLATE_NOOP("kind", "调整记录"), (
    F("milestone_id", "ref", QT_TRANSLATE_NOOP("field", "里程碑"), ref="milestones", required=True),
    F("old_date", "date", QT_TRANSLATE_NOOP("field", "原计划日期")),
    F("new_date", "date", QT_TRANSLATE_NOOP("field", "新计划日期"), required=True),
    F("days", "int", QT_TRANSLATE_NOOP("field", "延期天数")),
    F("reason", "text", QT_TRANSLATE_NOOP("field", "调整原因"), required=True),
    F("approved_by", "text", QT_TRANSLATE_NOOP("field", "批准人")),
    F("recorded_at", "timestamp", QT_TRANSLATE_NOOP("field", "记录时间")),
), title_field="reason", append_only=True)

CHALLENGES = Kind("challenges", "challenges", QT_TRANSLATE_NOOP("kind", "揭榜挂帅榜单"), (
    F("title", "text", QT_TRANSLATE_NOOP("field", "榜单名称"), required=True),
    F("code", "text", QT_TRANSLATE_NOOP("field", "榜单编号")),
    F("issue_mode", "enum", QT_TRANSLATE_NOOP("field", "发榜方式"), choices=ISSUE_MODES, default="政府发榜"),
    F("issuer_unit_id", "ref", QT_TRANSLATE_NOOP("field", "发榜单位"), ref="units"),
    F("domain", "text", QT_TRANSLATE_NOOP("field", "专项/领域")),
    F("summary", "text", QT_TRANSLATE_NOOP("field", "需求概述")),
    F("indicators", "strlist", QT_TRANSLATE_NOOP("field", "技术指标（验收标准）"), default=[]),
    F("budget_fiscal", "money", QT_TRANSLATE_NOOP("field", "财政榜额（万元）")),
    F("budget_matching", "money", QT_TRANSLATE_NOOP("field", "配套榜额（万元）")),
    F("eligibility", "text", QT_TRANSLATE_NOOP("field", "揭榜条件")),
    F("publish_date", "date", QT_TRANSLATE_NOOP("field", "发榜日期")),
    F("deadline", "date", QT_TRANSLATE_NOOP("field", "申报截止")),
    F("duration_months", "int", QT_TRANSLATE_NOOP("field", "攻关周期（月）")),
    F("funding_mode", "enum", QT_TRANSLATE_NOOP("field", "资助方式"), choices=FUNDING_MODES),
    F("first_tranche_pct", "pct", QT_TRANSLATE_NOOP("field", "首笔拨付比例（%）")),
    F("race_mode", "enum", QT_TRANSLATE_NOOP("field", "揭榜方式"), choices=RACE_MODES, default="单一揭榜"),
    F("race_slots", "int", QT_TRANSLATE_NOOP("field", "赛马队伍数")),
    F("stage", "enum", QT_TRANSLATE_NOOP("field", "阶段"), choices=CHALLENGE_STAGES, default="需求征集"),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("is_example", "bool", QT_TRANSLATE_NOOP("field", "示例"), default=False),
) + SOURCE_FIELDS, title_field="title", children=(("teams", "challenge_id"), ("challenge_events", "challenge_id")))

CHALLENGE_EVENTS = Kind("challenge_events", "challenge_events", QT_TRANSLATE_NOOP("kind", "榜单阶段记录"), (
    F("challenge_id", "ref", QT_TRANSLATE_NOOP("field", "榜单"), ref="challenges", required=True),
    F("from_stage", "enum", QT_TRANSLATE_NOOP("field", "原阶段"), choices=CHALLENGE_STAGES),
    F("to_stage", "enum", QT_TRANSLATE_NOOP("field", "新阶段"), choices=CHALLENGE_STAGES, required=True),
    F("date", "date", QT_TRANSLATE_NOOP("field", "日期"), required=True),
    F("note", "text", QT_TRANSLATE_NOOP("field", "说明")),
), title_field="to_stage")

TEAMS = Kind("teams", "teams", QT_TRANSLATE_NOOP("kind", "揭榜方"), (
    F("challenge_id", "ref", QT_TRANSLATE_NOOP("field", "榜单"), ref="challenges", required=True),
    F("unit_id", "ref", QT_TRANSLATE_NOOP("field", "揭榜单位"), ref="units"),
    F("name", "text", QT_TRANSLATE_NOOP("field", "团队名称"), required=True),
    F("leader", "text", QT_TRANSLATE_NOOP("field", "挂帅人")),
    F("members", "strlist", QT_TRANSLATE_NOOP("field", "团队成员"), default=[]),
    F("partner_unit_ids", "reflist", QT_TRANSLATE_NOOP("field", "联合体成员"), ref="units", default=[]),
    F("route", "text", QT_TRANSLATE_NOOP("field", "技术路线")),
    F("requested_funds", "money", QT_TRANSLATE_NOOP("field", "申请资金（万元）")),
    F("self_funds", "money", QT_TRANSLATE_NOOP("field", "自筹资金（万元）")),
    F("score", "number", QT_TRANSLATE_NOOP("field", "评审得分")),
    F("rank", "int", QT_TRANSLATE_NOOP("field", "排名")),
    F("status", "enum", QT_TRANSLATE_NOOP("field", "状态"), choices=TEAM_STATUSES, default="已提交"),
    F("pledge_signed_date", "date", QT_TRANSLATE_NOOP("field", "军令状签订日期")),
    F("pledge_text", "text", QT_TRANSLATE_NOOP("field", "军令状承诺")),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("is_example", "bool", QT_TRANSLATE_NOOP("field", "示例"), default=False),
), children=(("milestones", "team_id"), ("reviews", "team_id"), ("tranches", "team_id"), ("attachments", "team_id")))

REVIEWS = Kind("reviews", "reviews", QT_TRANSLATE_NOOP("kind", "里程碑考核"), (
    F("team_id", "ref", QT_TRANSLATE_NOOP("field", "揭榜方"), ref="teams", required=True),
    F("milestone_id", "ref", QT_TRANSLATE_NOOP("field", "里程碑"), ref="milestones"),
    F("date", "date", QT_TRANSLATE_NOOP("field", "考核日期"), required=True),
    F("result", "enum", QT_TRANSLATE_NOOP("field", "考核结果"), choices=REVIEW_RESULTS, required=True),
    F("score", "number", QT_TRANSLATE_NOOP("field", "得分")),
    F("reviewers", "text", QT_TRANSLATE_NOOP("field", "评审专家")),
    F("note", "text", QT_TRANSLATE_NOOP("field", "评审意见")),
), title_field="result", children=(("attachments", "review_id"),))

TRANCHES = Kind("tranches", "tranches", QT_TRANSLATE_NOOP("kind", "拨款批次"), (
    F("team_id", "ref", QT_TRANSLATE_NOOP("field", "揭榜方"), ref="teams", required=True),
    F("seq", "int", QT_TRANSLATE_NOOP("field", "批次"), required=True),
    F("milestone_id", "ref", QT_TRANSLATE_NOOP("field", "挂钩里程碑"), ref="milestones"),
    F("planned_amount", "money", QT_TRANSLATE_NOOP("field", "计划金额（万元）")),
    F("planned_date", "date", QT_TRANSLATE_NOOP("field", "计划日期")),
    F("paid_amount", "money", QT_TRANSLATE_NOOP("field", "已拨金额（万元）")),
    F("paid_date", "date", QT_TRANSLATE_NOOP("field", "拨付日期")),
    F("note", "text", QT_TRANSLATE_NOOP("field", "说明")),
), title_field="seq")

INDICATORS = Kind("indicators", "indicators", QT_TRANSLATE_NOOP("kind", "指标"), (
    F("name", "text", QT_TRANSLATE_NOOP("field", "指标"), required=True),
    F("plan", "text", QT_TRANSLATE_NOOP("field", "所属规划"), required=True),
    F("table_title", "text", QT_TRANSLATE_NOOP("field", "所属表格")),
    F("seq", "text", QT_TRANSLATE_NOOP("field", "序号")),
    F("group_name", "text", QT_TRANSLATE_NOOP("field", "分组")),
    F("unit", "text", QT_TRANSLATE_NOOP("field", "计量单位")),
    F("attribute", "enum", QT_TRANSLATE_NOOP("field", "指标属性"), choices=ATTRIBUTES),
    F("direction", "enum", QT_TRANSLATE_NOOP("field", "方向"), choices=DIRECTIONS, default="higher"),
    F("baseline_year", "int", QT_TRANSLATE_NOOP("field", "基期年份"), bounds=YEARS),
    F("baseline_value", "number", QT_TRANSLATE_NOOP("field", "基期值")),
    F("baseline_text", "text", QT_TRANSLATE_NOOP("field", "基期值（原文）")),
    F("target_year", "int", QT_TRANSLATE_NOOP("field", "目标年份"), bounds=YEARS),
    F("target_value", "number", QT_TRANSLATE_NOOP("field", "目标值")),
    F("target_text", "text", QT_TRANSLATE_NOOP("field", "目标值（原文）")),
    F("extra", "json", QT_TRANSLATE_NOOP("field", "其他列"), default={}),
    F("owner_unit_id", "ref", QT_TRANSLATE_NOOP("field", "责任单位"), ref="units"),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("outcome", "enum", QT_TRANSLATE_NOOP("field", "完成情况"), choices=OUTCOMES),
    F("outcome_date", "date", QT_TRANSLATE_NOOP("field", "完成情况填报日期")),
    F("carried_from_id", "ref", QT_TRANSLATE_NOOP("field", "转自指标"), ref="indicators", readonly=True),
) + SOURCE_FIELDS, children=(("indicator_values", "indicator_id"),))

INDICATOR_VALUES = Kind("indicator_values", "indicator_values", QT_TRANSLATE_NOOP("kind", "指标实际值"), (
    F("indicator_id", "ref", QT_TRANSLATE_NOOP("field", "指标"), ref="indicators", required=True),
    F("year", "int", QT_TRANSLATE_NOOP("field", "年份"), required=True, bounds=YEARS),
    F("value", "number", QT_TRANSLATE_NOOP("field", "实际值")),
    F("text", "text", QT_TRANSLATE_NOOP("field", "实际值（原文）")),
    F("note", "text", QT_TRANSLATE_NOOP("field", "说明")),
    F("builtin_key", "text", QT_TRANSLATE_NOOP("field", "内置编号"), readonly=True),
), title_field="year")

PROBLEMS = Kind("problems", "problems", QT_TRANSLATE_NOOP("kind", "问题"), (
    F("code", "text", QT_TRANSLATE_NOOP("field", "督办编号")),
    F("project_id", "ref", QT_TRANSLATE_NOOP("field", "所属项目"), ref="projects", required=True),
    F("milestone_id", "ref", QT_TRANSLATE_NOOP("field", "相关里程碑"), ref="milestones"),
    F("challenge_id", "ref", QT_TRANSLATE_NOOP("field", "相关榜单"), ref="challenges"),
    F("team_id", "ref", QT_TRANSLATE_NOOP("field", "相关揭榜方"), ref="teams"),
    F("description", "text", QT_TRANSLATE_NOOP("field", "问题描述"), required=True),
    F("request", "text", QT_TRANSLATE_NOOP("field", "协调事项/诉求")),
    F("raised_by_unit_id", "ref", QT_TRANSLATE_NOOP("field", "提出单位"), ref="units"),
    F("raised_by", "text", QT_TRANSLATE_NOOP("field", "提出人")),
    F("raised_on", "date", QT_TRANSLATE_NOOP("field", "提出日期")),
    F("assigned_by_unit_id", "ref", QT_TRANSLATE_NOOP("field", "交办单位"), ref="units"),
    F("responsible_unit_id", "ref", QT_TRANSLATE_NOOP("field", "责任单位（牵头）"), ref="units"),
    F("assisting_unit_ids", "reflist", QT_TRANSLATE_NOOP("field", "配合单位"), ref="units", default=[]),
    F("due_date", "date", QT_TRANSLATE_NOOP("field", "办理时限")),
    F("status", "enum", QT_TRANSLATE_NOOP("field", "状态"), choices=PROBLEM_STATUSES, default="提出"),
    F("progress", "text", QT_TRANSLATE_NOOP("field", "办理情况")),
    F("result", "text", QT_TRANSLATE_NOOP("field", "办理结果")),
    F("closed_on", "date", QT_TRANSLATE_NOOP("field", "办结日期"), readonly=True),
    F("notes", "text", QT_TRANSLATE_NOOP("field", "备注")),
    F("is_example", "bool", QT_TRANSLATE_NOOP("field", "示例"), default=False),
), title_field="description", children=(("problem_events", "problem_id"), ("attachments", "problem_id")))

PROBLEM_EVENTS = Kind("problem_events", "problem_events", QT_TRANSLATE_NOOP("kind", "问题办理记录"), (
    F("problem_id", "ref", QT_TRANSLATE_NOOP("field", "问题"), ref="problems", required=True),
    F("from_status", "enum", QT_TRANSLATE_NOOP("field", "原状态"), choices=PROBLEM_STATUSES),
    F("to_status", "enum", QT_TRANSLATE_NOOP("field", "新状态"), choices=PROBLEM_STATUSES, required=True),
    F("date", "date", QT_TRANSLATE_NOOP("field", "日期"), required=True),
    F("at", "timestamp", QT_TRANSLATE_NOOP("field", "记录时间")),
    F("by_unit_id", "ref", QT_TRANSLATE_NOOP("field", "办理单位"), ref="units"),
    F("by_person", "text", QT_TRANSLATE_NOOP("field", "经办人")),
    F("note", "text", QT_TRANSLATE_NOOP("field", "说明")),
), title_field="to_status", append_only=True)

# 佐证材料 (issue #18): a file attached to one record; its bytes are the blob named by sha256
# (db/store/blobs.py). What the file is (media type, size, 拍摄日期) is read from its content
# when attached, so those fields are set only then.
ATTACHMENT_OWNERS = ("project_id", "milestone_id", "problem_id", "review_id", "team_id")
ATTACHMENTS = Kind("attachments", "attachments", QT_TRANSLATE_NOOP("kind", "附件"), (
    F("project_id", "ref", QT_TRANSLATE_NOOP("field", "所属项目"), ref="projects", readonly=True),
    F("milestone_id", "ref", QT_TRANSLATE_NOOP("field", "所属里程碑"), ref="milestones", readonly=True),
    F("problem_id", "ref", QT_TRANSLATE_NOOP("field", "所属问题"), ref="problems", readonly=True),
    F("review_id", "ref", QT_TRANSLATE_NOOP("field", "所属考核"), ref="reviews", readonly=True),
    F("team_id", "ref", QT_TRANSLATE_NOOP("field", "所属揭榜方"), ref="teams", readonly=True),
    F("name", "text", QT_TRANSLATE_NOOP("field", "文件名"), required=True),
    F("sha256", "text", QT_TRANSLATE_NOOP("field", "内容摘要（SHA-256）"), required=True, readonly=True),
    F("media_type", "text", QT_TRANSLATE_NOOP("field", "文件类型"), required=True, readonly=True),
    F("size", "int", QT_TRANSLATE_NOOP("field", "大小（字节）"), required=True, readonly=True),
    F("taken_on", "date", QT_TRANSLATE_NOOP("field", "拍摄日期"), readonly=True),
    F("added_on", "date", QT_TRANSLATE_NOOP("field", "添加日期"), readonly=True),
    F("note", "text", QT_TRANSLATE_NOOP("field", "说明")),
))

SETTINGS = Kind("settings", "settings", QT_TRANSLATE_NOOP("kind", "设置"), (
    F("key", "text", QT_TRANSLATE_NOOP("field", "设置项"), required=True, readonly=True),
    F("value", "json", QT_TRANSLATE_NOOP("field", "值")),
), title_field="key")

KINDS: dict[str, Kind] = {k.name: k for k in (
    UNITS, PROJECTS, MILESTONES, REPLANS, CHALLENGES, CHALLENGE_EVENTS, TEAMS, REVIEWS,
    TRANCHES, INDICATORS, INDICATOR_VALUES, PROBLEMS, PROBLEM_EVENTS, ATTACHMENTS, SETTINGS)}

# Singular names accepted by `kechuang add KIND`.
SINGULAR = {"project": "projects", "milestone": "milestones", "challenge": "challenges",
            "team": "teams", "indicator": "indicators", "unit": "units", "review": "reviews",
            "tranche": "tranches", "indicator_value": "indicator_values",
            "challenge_event": "challenge_events", "replan": "replans",
            "problem": "problems", "problem_event": "problem_events", "attachment": "attachments"}


def kind_of(name: str) -> Kind | None:
    return KINDS.get(name) or KINDS.get(SINGULAR.get(name, ""))
