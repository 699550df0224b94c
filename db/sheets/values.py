"""Turning one 台账 cell into a project field value (choices, money, dates, units, text)."""
from __future__ import annotations

import re
from functools import lru_cache

from db.i18n import QT_TRANSLATE_NOOP, language, tr
from db.model import PROJECTS
from db.sheets.cells import CellError, norm, parse_date, parse_money, short
from db.store.values import UUID_RE

_LIST_SPLIT = re.compile(r"[、,，;；\n]+")
E_CHOICE = QT_TRANSLATE_NOOP("sheets", "“{value}”不是可选的{field}；可选：{choices}")
E_UUID = QT_TRANSLATE_NOOP("sheets", "“{value}”不是有效的系统编号（UUID）")
E_TOO_LONG = QT_TRANSLATE_NOOP("sheets", "内容太长（{count} 个字符，最多 {limit} 个）")
R_CHOICE = QT_TRANSLATE_NOOP("sheets", "按“{choice}”读取")

MAX_TEXT = 20_000
SYNONYMS = {
    "stage": {"在建": "建设", "续建": "建设", "建设中": "建设", "新开工": "开工", "已开工": "开工",
              "新建": "开工", "前期": "谋划", "储备": "谋划", "前期谋划": "谋划", "谋划储备": "谋划",
              "在谈": "洽谈", "已签约": "签约", "竣工": "投产", "已竣工": "投产", "建成": "投产",
              "已建成": "投产", "投用": "投产", "已投用": "投产", "已投产": "投产", "投产/投用": "投产",
              "投产投用": "投产", "建成投用": "投产", "停建": "停缓建", "缓建": "停缓建", "停工": "停缓建",
              "暂停": "停缓建", "已终止": "终止"},
    "category": {"孵化器": "孵化载体", "众创空间": "孵化载体", "加速器": "孵化载体", "孵化平台": "孵化载体",
                 "研究院": "新型研发机构", "大科学装置": "重大科技基础设施", "科学装置": "重大科技基础设施",
                 "实验室": "重点实验室", "高新区": "科技园区", "产业园": "科技园区", "场景": "应用场景"},
    "level": {"国家": "国家级", "国家重点": "国家级", "省级": "市级", "省部级": "市级", "市": "市级",
              "区": "区级", "区县级": "区级"},
}


def choice(field_name: str, raw):
    """(stored choice, reading) for a category/level/stage/phase cell."""
    if isinstance(raw, str):  # (a column repeats a few words thousands of times)
        return _choice(field_name, raw, language())
    return _read_choice(field_name, raw)


@lru_cache(maxsize=4096)
def _choice(field_name: str, raw: str, lang: str):
    return _read_choice(field_name, raw)


def _read_choice(field_name: str, raw):
    f = PROJECTS.field_named(field_name)
    text = norm(raw).replace(" ", "")
    if text in f.choices:
        return text, None
    found = SYNONYMS.get(field_name, {}).get(text)
    if found is None:
        inside = [c for c in f.choices if c in text and c != "其他"]
        found = inside[0] if len(inside) == 1 else None
    if found is None:
        raise CellError(E_CHOICE, value=short(raw), field=tr(f.label), choices="、".join(f.choices))
    return found, tr(R_CHOICE, choice=found)


def category_in(text: str) -> str | None:
    """A category named in a section title such as "一、重大科技基础设施（3个）"."""
    try:
        found, _ = choice("category", re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*|[(（].*$", "", norm(text)))
        return found
    except CellError:
        return None


def text(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if hasattr(raw, "isoformat"):
        raw = raw.isoformat()[:10]
    value = str(raw).strip()
    if len(value) > MAX_TEXT:
        raise CellError(E_TOO_LONG, count=len(value), limit=MAX_TEXT)
    return value


def record_id(raw) -> str:
    value = norm(raw).lower()
    if not UUID_RE.match(value):
        raise CellError(E_UUID, value=short(raw))
    return value


def convert(field_name: str, raw, scale: float):
    """(value, reading) for a non-unit field; units are resolved by the importer."""
    return converter(field_name)(raw, scale)


def converter(field_name: str):
    """convert() for one field: a function (raw, scale) → (value, reading), chosen once."""
    f = PROJECTS.field_named(field_name)
    if f.type == "enum":
        return lambda raw, scale: choice(field_name, raw)
    if f.type == "money":
        return parse_money
    if f.type == "date":
        return lambda raw, scale: parse_date(raw)
    if f.type == "strlist":
        return lambda raw, scale: ([p.strip() for p in _LIST_SPLIT.split(text(raw)) if p.strip()], None)
    return lambda raw, scale: (text(raw), None)
