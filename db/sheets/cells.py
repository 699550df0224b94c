"""Reading cell values as offices write them: numbers as text with commas or full-width digits,
money in 万元/亿元, dates as Excel serials or "2025/6/30", "2025年6月", "2025年二季度"…

Each parser returns (value, reading): `reading` is None when the cell said exactly one thing,
else a message saying how an imprecise value was read (shown in the import preview).
Bad values raise CellError with a plain-Chinese reason.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import YEARS

WAN = 1.0          # 万元: how money is stored
YI = 10_000.0      # 亿元 → 万元
YUAN = 0.0001      # 元 → 万元

BLANKS = {"", "-", "--", "—", "——", "/", "\\", "无", "暂无", "n/a", "na", "null", "none", "nan", "待定", "未定"}

E_DATE = QT_TRANSLATE_NOOP(
    "sheets", "“{value}”不是可识别的日期（可写作 2025-06-30、2025/6/30、2025.6.30、2025年6月30日、2025年6月 或 2025年二季度）")
E_DAY = QT_TRANSLATE_NOOP("sheets", "“{value}”不是有效日期（{year}年{month}月没有{day}日）")
E_MONTH = QT_TRANSLATE_NOOP("sheets", "“{value}”不是有效日期（月份应为 1–12）")
E_YEAR = QT_TRANSLATE_NOOP("sheets", "“{value}”的年份超出范围（应在 {low}–{high} 年之间）")
E_NUMBER = QT_TRANSLATE_NOOP("sheets", "“{value}”不是数字")
E_NEGATIVE = QT_TRANSLATE_NOOP("sheets", "金额不能为负数（“{value}”）")

R_MONTH = QT_TRANSLATE_NOOP("sheets", "只写到月份，按该月最后一天 {date} 读取")
R_TEN_DAYS = QT_TRANSLATE_NOOP("sheets", "按该旬最后一天 {date} 读取")
R_QUARTER = QT_TRANSLATE_NOOP("sheets", "只写到季度，按该季度最后一天 {date} 读取")
R_HALF = QT_TRANSLATE_NOOP("sheets", "只写到半年，按半年最后一天 {date} 读取")
R_YEAR = QT_TRANSLATE_NOOP("sheets", "只写到年份，按该年最后一天 {date} 读取")
R_YI = QT_TRANSLATE_NOOP("sheets", "按亿元换算为 {value} 万元")
R_YUAN = QT_TRANSLATE_NOOP("sheets", "按元换算为 {value} 万元")
R_WAN = QT_TRANSLATE_NOOP("sheets", "单元格注明万元，读作 {value} 万元")


class CellError(Exception):
    """A cell value that cannot be read; `text()` says why in the current language."""

    def __init__(self, msg, **params):
        self.msg = msg
        self.params = params
        super().__init__(tr(msg, **params))

    def text(self) -> str:
        return tr(self.msg, **self.params)


def norm(value) -> str:
    """A cell as clean text: full-width forms folded (NFKC), trimmed, inner whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isascii():  # (ASCII is NFKC already; most cells are numbers, dates or codes)
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())  # str.split() and re's \s agree on what is whitespace


def is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN reads "nan"; any other number is a value
    if isinstance(value, (int, dt.date)):  # (bool and datetime included)
        return False
    return norm(value).lower() in BLANKS


def short(value, limit: int = 40) -> str:
    text = norm(value) if not isinstance(value, (dt.date, dt.datetime)) else value.isoformat()[:10]
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- numbers -----------------------------------------------------------------------------

_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(value) -> float | None:
    """A plain number from a number cell or text like "1,234.5", "１２３４", "85%"."""
    if value is None or isinstance(value, (dt.date, dt.datetime)) or isinstance(value, bool):
        if value is None:
            return None
        raise CellError(E_NUMBER, value=short(value))
    if isinstance(value, (int, float)):
        return float(value)
    text = norm(value)
    if text.lower() in BLANKS:
        return None
    cleaned = text.replace(",", "").replace(" ", "").rstrip("%")
    if not _NUM_RE.match(cleaned):
        raise CellError(E_NUMBER, value=short(value))
    return float(cleaned)


def parse_money(value, scale: float = WAN):
    """Money in 万元 from a cell of a column whose unit is `scale` (亿元 → ×10000).

    A unit written in the cell itself ("1.2亿", "3000万元", "500000元") wins over the column's."""
    if value is None or (isinstance(value, str) and norm(value).lower() in BLANKS):
        return None, None
    reading, column_scale = None, scale
    if isinstance(value, str):
        text = norm(value).replace(" ", "")
        m = re.match(r"^(.*?)(亿元|亿|万元|万|元)$", text)
        if m and m.group(1):
            unit = m.group(2)
            scale = YI if unit.startswith("亿") else WAN if unit.startswith("万") else YUAN
            reading = {YI: R_YI, WAN: R_WAN, YUAN: R_YUAN}[scale]
            value = m.group(1)
    number = parse_number(value)
    if number is None:
        return None, None
    if number < 0:
        raise CellError(E_NEGATIVE, value=short(value))
    result = round(number * scale, 6)
    if reading is not None and scale == column_scale:
        reading = None  # "3000万元" in a 万元 column says nothing surprising
    return result, (tr(reading, value=_fmt(result)) if reading else None)


def _fmt(num: float) -> str:
    return f"{num:,.6f}".rstrip("0").rstrip(".")


# -- dates -------------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YMD = [
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]
_YM = re.compile(r"^(\d{4})(?:[-/.]|年)(\d{1,2})(?:月份?)?(底|末|上旬|中旬|下旬)?(?:前)?$")
_QUARTER = re.compile(r"^(\d{4})年?(?:第)?([一二三四1-4])季度(?:末|底)?$|^(\d{4})年?[Qq]([1-4])$")
_HALF = re.compile(r"^(\d{4})年?(上半年|年中|下半年)(?:末|底)?$")
_YEAR = re.compile(r"^(\d{4})年?(底|末|年底|年末|内|前)?$")


def _year_ok(year: int, value) -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        raise CellError(E_YEAR, value=short(value), low=YEARS[0], high=YEARS[1])


# Excel (1900 system) serials of the first and last day a portfolio holds
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIALS = ((dt.date(YEARS[0], 1, 1) - EXCEL_EPOCH).days, (dt.date(YEARS[1], 12, 31) - EXCEL_EPOCH).days)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def excel_serial(number: float) -> dt.date | None:
    """The date of an Excel (1900 system) serial number, if it is a plausible one."""
    if not SERIALS[0] <= number <= SERIALS[1]:
        return None
    return dt.date(1899, 12, 30) + dt.timedelta(days=int(number))


def parse_date(value):
    """(ISO date or None, reading or None). Imprecise dates read as the end of their period."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        _year_ok(value.year, value)
        return value.isoformat(), None
    if isinstance(value, bool):
        raise CellError(E_DATE, value=short(value))
    if isinstance(value, (int, float)):
        if isinstance(value, int) or value.is_integer():
            as_text = str(int(value))
            if len(as_text) in (4, 8):  # 2025 or 20250630 typed as a number
                return parse_date(as_text)
        day = excel_serial(float(value))
        if day is None:
            raise CellError(E_DATE, value=short(value))
        return day.isoformat(), None
    text = norm(value).replace(" ", "")
    if text.lower() in BLANKS:
        return None, None
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return parse_date(float(text))
    for rx in _YMD:
        m = rx.match(text)
        if m:
            return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), value), None
    m = _YM.match(text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        _year_ok(year, value)
        if not 1 <= month <= 12:
            raise CellError(E_MONTH, value=short(value))
        part = m.group(3)
        if part in ("上旬", "中旬"):
            day = dt.date(year, month, 10 if part == "上旬" else 20)
            return day.isoformat(), tr(R_TEN_DAYS, date=day.isoformat())
        day = _month_end(year, month)
        return day.isoformat(), tr(R_TEN_DAYS if part == "下旬" else R_MONTH, date=day.isoformat())
    m = _QUARTER.match(text)
    if m:
        year = int(m.group(1) or m.group(3))
        quarter = _CN_DIGITS[m.group(2) or m.group(4)]
        _year_ok(year, value)
        day = _month_end(year, quarter * 3)
        return day.isoformat(), tr(R_QUARTER, date=day.isoformat())
    m = _HALF.match(text)
    if m:
        year = int(m.group(1))
        _year_ok(year, value)
        day = dt.date(year, 12, 31) if m.group(2) == "下半年" else dt.date(year, 6, 30)
        return day.isoformat(), tr(R_HALF, date=day.isoformat())
    m = _YEAR.match(text)
    if m:
        year = int(m.group(1))
        _year_ok(year, value)
        day = dt.date(year, 12, 31)
        return day.isoformat(), tr(R_YEAR, date=day.isoformat())
    raise CellError(E_DATE, value=short(value))


def _ymd(year: int, month: int, day: int, value) -> str:
    _year_ok(year, value)
    if not 1 <= month <= 12:
        raise CellError(E_MONTH, value=short(value))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError(E_DAY, value=short(value), year=year, month=month, day=day) from None
