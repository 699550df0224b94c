"""Field values: checking what a user (or a received file) gives, and converting for SQLite.

Every value entering the portfolio passes `check()`; a bad one raises ValidationError naming
the record, the field and what is expected.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from functools import lru_cache
from typing import NoReturn

from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import YEARS, Field, Kind

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")  # \Z: no final newline
MAX_TEXT = 20_000
# What every document can render (a calendar's next day, a spreadsheet's date, sums over a city
# portfolio that stay finite, 15 significant digits as Excel keeps them): wider is refused.
DATE_MIN, DATE_MAX = dt.date(YEARS[0], 1, 1), dt.date(YEARS[1], 12, 31)
MAX_NUMBER = 1e15
MAX_INT = 10**12
# Characters no document can carry: C0 controls but tab and newlines (XML 1.0 forbids them, so
# a spreadsheet cannot hold them), DEL, lone surrogates (not UTF-8), U+FFFE/U+FFFF.
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_MSG = {
    "required": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」不能为空"),
    "date": QT_TRANSLATE_NOOP(
        "errors",
        "{record}：「{field}」的日期“{value}”无效，可写作 2025-06-30、2025/6/30、2025年6月30日、2025年6月 或 2025年二季度"),
    "number": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为数字，而不是“{value}”"),
    "int": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为整数，而不是“{value}”"),
    "negative": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」不能为负数（“{value}”）"),
    "pct": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应在 0 到 100 之间（“{value}”）"),
    "enum": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」不能为“{value}”，可选值：{choices}"),
    "bool": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为 是/否（“{value}”）"),
    "ref": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为记录编号（UUID），而不是“{value}”"),
    "list": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为列表（“{value}”）"),
    "json": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为 JSON 对象（“{value}”）"),
    "text": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」应为文字且不超过 {max} 个字符"),
    "timestamp": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」的时间“{value}”无效"),
    "date_range": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」的日期“{value}”超出可用范围（{low} 至 {high}）"),
    "range": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」的数值“{value}”超出可用范围（{low} 至 {high}）"),
    "control": QT_TRANSLATE_NOOP("errors", "{record}：「{field}」含有无法显示的控制字符（{code}），请删除后再保存"),
}


def _fail(key: str, record: str, f: Field, value, **extra) -> NoReturn:
    raise ValidationError(_MSG[key], record=record, field=tr(f.label), value=_short(value), **extra)


def _short(value) -> str:
    s = BAD_CHARS.sub("\ufffd", str(value))
    return s if len(s) <= 60 else s[:57] + "…"


def _plain(text: str, record: str, f: Field) -> None:
    """Refuse text holding a character no document can carry (see BAD_CHARS)."""
    bad = BAD_CHARS.search(text)
    if bad:
        raise ValidationError(_MSG["control"], record=record, field=tr(f.label), code=f"U+{ord(bad.group()):04X}")


def _plain_json(value, record: str, f: Field) -> None:
    if isinstance(value, str):
        _plain(value, record, f)
    elif isinstance(value, dict):
        for k, v in value.items():
            _plain(str(k), record, f)
            _plain_json(v, record, f)
    elif isinstance(value, list):
        for v in value:
            _plain_json(v, record, f)


def _in_range(num, value, record: str, f: Field, low, high):
    if not low <= num <= high:
        _fail("range", record, f, value, low=_fmt(low), high=_fmt(high))
    return num


def _fmt(n) -> str:
    return f"{n:,.0f}" if isinstance(n, float) and n.is_integer() else str(n)


def parse_date(text: str) -> dt.date | None:
    if not isinstance(text, str):
        return None
    return _parse_date(text)


@lru_cache(maxsize=1 << 16)  # a portfolio has a few thousand distinct days and 100,000s of dates
def _parse_date(text: str) -> dt.date | None:
    if not DATE_RE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def read_date(value) -> str | None:
    """A date as offices write it ("2026年6月30日", "2026/6/30", "2026年二季度", an Excel serial…)
    read by the one parser the ledger import uses (db/sheets/cells.py), as ISO text; None if
    it is not a date. Forms, the CLI and imports all accept the same dates."""
    from db.sheets.cells import CellError
    from db.sheets.cells import parse_date as parse_cell_date
    if not isinstance(value, str) or re.fullmatch(r"\s*\d{1,7}(\.\d*)?\s*", value):
        return None  # a bare number is not a date typed in a form (the import reads serials itself)
    try:
        iso, _reading = parse_cell_date(value)
    except CellError:
        return None
    return iso


def _number(value, record, f, key="number"):
    if isinstance(value, bool):
        _fail(key, record, f, value)
    if isinstance(value, (int, float)):
        num = float(value)
    elif isinstance(value, str):
        try:
            num = float(value.strip().replace(",", ""))
        except ValueError:
            _fail(key, record, f, value)
    else:
        _fail(key, record, f, value)
    if math.isnan(num) or math.isinf(num):
        _fail(key, record, f, value)
    return num


def check(kind: Kind, f: Field, value, record: str = "", *, stored: bool = False):
    """Return the normalised value of field f, or raise ValidationError.

    Accepts Python values and the strings a CLI user types ("12.5", "是", '["a","b"]', "a,b"),
    dates as offices write them ("2026年6月30日"). stored=True checks a value read from a
    portfolio file (a received one), which holds dates as YYYY-MM-DD only.
    """
    if not record:
        record = tr(kind.label)
    t = f.type
    if value is None or (isinstance(value, str) and not value.strip()):  # blank text is no value
        if f.required:
            _fail("required", record, f, "")
        if t in ("reflist", "strlist"):
            return []
        if t == "json":
            return {}
        if t == "bool":
            return False
        return None
    if t == "text":
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise ValidationError(_MSG["text"], record=record, field=tr(f.label), max=MAX_TEXT)
        _plain(value, record, f)
        return value.strip()
    if t == "enum":
        if value not in f.choices:
            _fail("enum", record, f, value, choices="、".join(f.choices))
        return value
    if t == "date":
        if parse_date(value) is None:
            iso = None if stored else read_date(value)
            if iso is None:
                _fail("date", record, f, value)
            value = iso
        day = parse_date(value)
        if day is None or not DATE_MIN <= day <= DATE_MAX:
            _fail("date_range", record, f, value, low=DATE_MIN.isoformat(), high=DATE_MAX.isoformat())
        return value
    if t == "timestamp":
        try:
            moment = dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            _fail("timestamp", record, f, value)
        if not DATE_MIN <= moment.date() <= DATE_MAX:
            _fail("date_range", record, f, value, low=DATE_MIN.isoformat(), high=DATE_MAX.isoformat())
        return value
    if t in ("number", "money", "pct"):
        num = _number(value, record, f)
        if t == "money" and num < 0:
            _fail("negative", record, f, value)
        if t == "pct" and not 0 <= num <= 100:
            _fail("pct", record, f, value)
        low, high = f.bounds or (0.0 if t == "money" else -MAX_NUMBER, MAX_NUMBER)
        return _in_range(num, value, record, f, low, high)
    if t == "int":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool):
            _fail("int", record, f, value)
        low, high = f.bounds or (-MAX_INT, MAX_INT)
        return _in_range(value, value, record, f, low, high)
    if t == "bool":
        if isinstance(value, bool):
            return value
        if value in (0, 1):
            return bool(value)
        low = str(value).strip().lower()
        if low in ("1", "true", "yes", "y", "是", "t"):
            return True
        if low in ("0", "false", "no", "n", "否", "f"):
            return False
        _fail("bool", record, f, value)
    if t == "ref":
        if not isinstance(value, str) or not UUID_RE.match(value):
            _fail("ref", record, f, value)
        return value
    if t in ("reflist", "strlist"):
        items = _as_list(value, record, f)
        if t == "reflist":
            for item in items:
                if not isinstance(item, str) or not UUID_RE.match(item):
                    _fail("ref", record, f, item)
            return list(dict.fromkeys(items))
        if not all(isinstance(i, str) and len(i) <= MAX_TEXT for i in items):
            _fail("list", record, f, value)
        for i in items:
            _plain(i, record, f)
        return [i.strip() for i in items if i.strip()]
    if t == "json":
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                _fail("json", record, f, value)
        if not isinstance(value, (dict, list, str, int, float, bool)):
            _fail("json", record, f, value)
        try:
            too_long = len(json.dumps(value, ensure_ascii=False, allow_nan=False)) > MAX_TEXT
        except (ValueError, RecursionError):  # NaN/Infinity, or nested too deep to write back
            too_long = True
        if too_long:
            _fail("json", record, f, value)
        _plain_json(value, record, f)
        return value
    raise AssertionError(f"unknown field type {t}")


def _as_list(value, record, f) -> list:
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("["):
            try:
                parsed = json.loads(s)
            except ValueError:
                _fail("list", record, f, value)
            if isinstance(parsed, list):
                return parsed
            _fail("list", record, f, value)
        return [p for p in re.split(r"[,，、;；]", s) if p.strip()]
    _fail("list", record, f, value)


def to_sql(f: Field, value):
    if value is None:
        return None
    if f.type in ("reflist", "strlist", "json"):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if f.type == "bool":
        return 1 if value else 0
    return value


_LOADS = json.JSONDecoder().decode  # json.loads without its per-call checks: 30,000 lists per register


def from_sql(f: Field, value):
    if f.type in ("reflist", "strlist"):
        return _LOADS(value) if value and value != "[]" else []
    if f.type == "json":
        return _LOADS(value) if value else {}
    if f.type == "bool":
        return bool(value)
    return value
