"""Finding the header of a 台账 sheet and mapping its columns to project fields.

Office sheets put titles above the header, use one or two header rows (a merged parent such as
"投资情况（亿元）" over "总投资 / 累计完成"), and name the same thing in many ways. The header
is the row with the most recognised words, extended by a row above or below when merges show a
two-row header. Each column is then matched on parent+child, child, then parent text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from openpyxl.utils import get_column_letter

from db.i18n import LANGUAGES, QT_TRANSLATE_NOOP, tr
from db.sheets.cells import WAN, YI, YUAN

ID = "id"        # the record's UUID (an exported table's 系统编号 column)
SEQ = "_seq"     # 序号: recognised as a header word, not imported

IMPORTABLE = ("name", "code", "category", "level", "lead_unit_id", "responsible_unit_ids", "zone",
              "domain", "stage", "phase", "total_investment", "invested_to_date",
              "annual_plan_investment", "annual_invested", "planned_start", "planned_finish",
              "actual_start", "actual_finish", "summary", "tags", "notes")
MULTI = ("notes", "responsible_unit_ids")  # fields several columns may feed
ID_LABEL = QT_TRANSLATE_NOOP("sheets", "系统编号（UUID）")

WORDS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "名称", "项目", "项目名", "平台名称", "载体名称", "建设项目", "项目(平台)名称",
             "平台(项目)名称", "项目及平台名称", "重点项目", "项目平台名称"),
    "code": ("项目编号", "项目代码", "编号", "代码", "项目编码", "入库编号", "统一项目代码"),
    ID: ("id", "uuid", "系统编号", "记录编号", "唯一编号", "系统编号(uuid)", "系统编号(勿改)"),
    "category": ("类别", "项目类别", "类型", "项目类型", "平台类型", "平台类别", "分类", "项目分类"),
    "level": ("级别", "项目级别", "层级", "平台级别", "等级"),
    "lead_unit_id": ("牵头单位", "牵头部门", "建设单位", "业主单位", "实施单位", "项目业主", "承建单位",
                     "依托单位", "申报单位", "建设主体", "实施主体", "项目单位"),
    "responsible_unit_ids": ("责任单位", "责任部门", "配合单位", "协同单位", "参与单位", "主管部门",
                             "负责单位", "责任主体", "配合部门"),
    "zone": ("片区", "区县", "所在区县", "所在片区", "建设地点", "地点", "所在地", "区域", "园区",
             "所属区县", "所在园区", "所属片区", "建设地址", "项目地址", "片区/区县", "区县/片区"),
    "domain": ("产业方向", "领域", "产业领域", "技术领域", "方向", "行业", "所属领域", "所属行业",
               "产业类别", "专项"),
    "stage": ("阶段", "项目阶段", "进展阶段", "推进阶段", "建设阶段", "项目状态", "状态", "建设状态",
              "项目进度", "当前阶段"),
    "phase": ("设施阶段",),
    "total_investment": ("总投资", "计划总投资", "项目总投资", "总投资额", "投资总额", "概算总投资",
                         "估算总投资", "投资规模"),
    "invested_to_date": ("累计完成投资", "累计投资", "已完成投资", "累计完成", "开工以来累计完成投资",
                         "截至目前累计完成投资", "累计完成投资额", "累计已完成投资"),
    "annual_plan_investment": ("年度计划投资", "年度计划", "本年计划投资", "年度投资计划", "年计划投资",
                               "本年度计划投资", "当年计划投资"),
    "annual_invested": ("年度已完成投资", "年度完成投资", "本年完成投资", "本年已完成投资", "年度完成",
                        "今年完成投资", "本年累计完成投资", "当年完成投资"),
    "planned_start": ("计划开工", "计划开工时间", "计划开工日期", "开工时间", "开工日期", "开工",
                      "开工年月", "计划开工年月", "起"),
    "planned_finish": ("计划完工", "计划竣工", "计划完工时间", "计划竣工时间", "完工时间", "竣工时间",
                       "建成时间", "计划建成时间", "完工日期", "竣工日期", "计划建成", "建成投用时间",
                       "完成时限", "完成时间", "竣工", "完工", "计划完成时间", "止"),
    "actual_start": ("实际开工", "实际开工时间", "实际开工日期"),
    "actual_finish": ("实际完工", "实际竣工", "实际建成", "实际完工时间", "实际竣工时间", "实际完成时间"),
    "summary": ("建设内容", "主要建设内容", "建设内容及规模", "建设规模及内容", "项目内容", "项目简介",
                "主要内容", "建设规模", "项目概况", "主要任务", "建设任务"),
    "notes": ("备注", "说明", "进展情况", "工作进展", "目前进展", "当前进展", "项目进展", "存在问题",
              "问题", "推进情况", "进度情况", "形象进度", "进展", "困难问题"),
    "tags": ("标签",),
    SEQ: ("序号", "排序", "编码序号"),
}
# Tried in order after the word lists; annual figures before cumulative ones.
PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(\d{4}年度?|年度|本年度?|今年|当年).*(完成|已完成)"), "annual_invested"),
    (re.compile(r"^(\d{4}年)?1[-~—至到]\d{1,2}月.*完成"), "annual_invested"),
    (re.compile(r"^(\d{4}年度?|年度|本年度?|今年|当年).*计划"), "annual_plan_investment"),
    (re.compile(r"累计.*(完成|投资)"), "invested_to_date"),
    (re.compile(r"^实际.*开工"), "actual_start"),
    (re.compile(r"^实际.*(竣工|完工|建成)"), "actual_finish"),
    (re.compile(r"^(计划)?.*开工(时间|日期|年月)?$"), "planned_start"),
    (re.compile(r"^(计划)?.*(竣工|完工|建成)(时间|日期|年月)?$"), "planned_finish"),
    (re.compile(r"总投资"), "total_investment"),
    (re.compile(r"(项目|平台)名称"), "name"),
)
_INDEX = {word: f for f, words in WORDS.items() for word in words}
_BRACKETS = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_SUBTITLE = re.compile(r"(台账|清单|一览表|汇总表|统计表|调度表)")


def clean_label(text) -> str:
    if text is None or not isinstance(text, str):
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t)
    return t.strip("*★※:：").lower()


def _without_units(label: str) -> str:
    return re.sub(r"(万元|亿元|元)$", "", _BRACKETS.sub("", label)).strip("*★※:：")


# the export's project columns whose key is not the field's name
_EXPORT_KEYS = {"lead": "lead_unit_id", "responsible": "responsible_unit_ids", "id": ID}


@cache
def _translated_index() -> dict[str, str]:
    """Header words in the other languages: the app's own project table exported with English
    headers (and the fields' English names) must import back, whatever the language now."""
    from db.model import KINDS
    from db.sheets.tables import PROJECT_COLS
    named = [(_EXPORT_KEYS.get(c.key, c.key), c.header) for c in PROJECT_COLS]
    named += [(f.name, f.label) for f in KINDS["projects"].fields]
    named.append((ID, ID_LABEL))
    index: dict[str, str] = {}
    for lang in LANGUAGES:
        if lang == "zh":
            continue
        for field, label in named:
            if field not in IMPORTABLE and field != ID:
                continue
            text = clean_label(tr(label, lang))
            for cand in (text, _without_units(text)):
                if cand and cand not in _INDEX:
                    index.setdefault(cand, field)
    return index


def match_field(label: str) -> str | None:
    """The field a (cleaned) header label names, or None."""
    if not label or _SUBTITLE.search(label):
        return None
    for cand in dict.fromkeys((label, _without_units(label))):
        if cand in _INDEX:
            return _INDEX[cand]
    translated = _translated_index()
    for cand in dict.fromkeys((label, _without_units(label))):
        if cand in translated:
            return translated[cand]
    for cand in dict.fromkeys((label, _without_units(label))):
        for rx, f in PATTERNS:
            if rx.search(cand):
                return f
    return None


def money_scale(texts: list[str]) -> float:
    """万元 unless a header text says 亿元 (×10000) or 元 (÷10000)."""
    for t in reversed(texts):  # the child's unit wins over the parent's
        if "亿" in t:
            return YI
        if "万" in t:
            return WAN
        if re.search(r"[(（]元[)）]|^元$|[^万亿]元$", t):
            return YUAN
    return WAN


@dataclass
class Column:
    index: int      # 0-based
    header: str     # as written (parent / child)
    field: str | None
    scale: float = WAN
    auto: bool = True  # chosen by detection (False: set by the user)

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


@dataclass
class Layout:
    sheet: str
    header_rows: list[int]  # 0-based grid rows
    columns: list[Column]

    @property
    def data_start(self) -> int:
        return self.header_rows[-1] + 1

    def columns_for(self, field: str) -> list[Column]:
        return [c for c in self.columns if c.field == field]

    def has(self, field: str) -> bool:
        return any(c.field == field for c in self.columns)


def _texts(grid, r: int) -> dict[int, str]:
    out = {}
    row = grid.values[r] if 0 <= r < grid.nrows else []
    for c, v in enumerate(row):  # (past its last cell a row holds nothing: no need for the widest row)
        if v is not None and not (isinstance(v, str) and not v.strip()):
            out[c] = v
    return out


def _score(grid, r: int) -> int:
    seen, score = set(), 0
    for c, v in _texts(grid, r).items():
        key = grid.merge(r, c) or (r, c)
        if key in seen or not isinstance(v, str):
            continue
        seen.add(key)
        score += match_field(clean_label(v)) is not None
    return score


def _pairs_up(grid, top: int, bottom: int, width: int) -> bool:
    """Do rows top and bottom read as one two-row header (merges tie them together)?"""
    if top < 0 or bottom >= grid.nrows:
        return False
    for r in (top, bottom):
        if any(not isinstance(v, str) for v in _texts(grid, r).values()):
            return False
    below = _texts(grid, bottom)
    for c in range(width):
        m = grid.merge(top, c)
        if m is None:
            continue
        r0, c0, r1, c1 = m
        spans_both = r0 <= top and r1 >= bottom
        parent = r1 == top and c1 > c0 and (c1 - c0 + 1) < width and any(cc in below for cc in range(c0, c1 + 1))
        if spans_both or parent:
            return True
    return False


def detect(grid, scan: int = 30) -> Layout | None:
    """The header layout of a sheet, or None when no row looks like a 台账 header."""
    rows = range(min(scan, grid.nrows))
    scores = {r: _score(grid, r) for r in rows}
    if not scores or max(scores.values()) < 2:
        return None
    anchor = max(rows, key=lambda r: (scores[r], -r))
    width = max(_texts(grid, anchor), default=-1) + 1
    block = [anchor]
    if _pairs_up(grid, anchor - 1, anchor, width):
        block = [anchor - 1, anchor]
    elif _pairs_up(grid, anchor, anchor + 1, width) and _score(grid, anchor + 1) >= 1:
        block = [anchor, anchor + 1]
    width = max((max(_texts(grid, r), default=-1) for r in block), default=-1) + 1
    columns, taken = [], set()
    for c in range(width):
        raw = list(dict.fromkeys(str(grid.get(r, c)).strip() for r in block
                                 if isinstance(grid.get(r, c), str) and grid.get(r, c).strip()))
        if not raw:
            continue
        labels = [clean_label(t) for t in raw]
        field = None
        for cand in dict.fromkeys(("".join(labels), labels[-1], labels[0])):
            field = match_field(cand)
            if field:
                break
        if field == SEQ:
            field = None
        if field in taken and field not in MULTI:
            field = None
        if field:
            taken.add(field)
        columns.append(Column(c, " / ".join(raw), field, money_scale(labels)))
    return Layout(grid.title, block, columns)
