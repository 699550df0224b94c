"""Numbers, money, dates and times as a Chinese office writes them (and their English forms).

One place for every table, detail pane, dialog and document that shows an amount or a moment:
no "150000.0", no "2026-12-03T08:07:24". Money is stored in 万元; it reads "3,200万元", from
10,000 万元 up "15亿元", four-digit amounts whole ("2300万元"), longer ones with separators
("12,500亿元"); in English "CNY 32 million", "CNY 1.5 billion". No Qt here.
"""
from __future__ import annotations

import datetime as dt

from db.i18n import language

YI_IN_WAN = 10_000  # 1 亿元 = 10,000 万元


def number(value, digits: int = 2, group_from: int = 1000) -> str:
    """1234567.5 -> "1,234,567.5"; 150000.0 -> "150,000"; None -> "". Thousands are separated
    from `group_from` on (money: 10,000 — a four-digit amount is written whole, 2300万元)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return str(value)
    sep = "," if abs(value) >= group_from else ""
    if isinstance(value, int):
        return f"{value:{sep}}"
    text = f"{value:{sep}.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(wan, lang: str | None = None) -> str:
    """An amount stored in 万元, with its unit: "3,200万元", "15亿元", "CNY 32 million"."""
    if wan is None or wan == "":
        return ""
    wan = float(wan)
    if (lang or language()) == "en":
        yuan = wan * 10_000
        if abs(yuan) >= 1e9:
            return f"CNY {number(yuan / 1e9)} billion"
        if abs(yuan) >= 1e6:
            return f"CNY {number(yuan / 1e6)} million"
        return f"CNY {number(yuan, 0)}"
    if abs(wan) >= YI_IN_WAN:
        return f"{number(wan / YI_IN_WAN, 2, 10_000)}亿元"
    return f"{number(wan, 2, 10_000)}万元"


def amount(wan) -> str:
    """An amount in 万元 without its unit, for text that names the unit itself: "2300", "12,500"."""
    return number(wan, 2, 10_000)


def paren(text, inner, lang: str | None = None) -> str:
    """A count or note after a label: "科研平台（12）" / "Research platforms (12)"."""
    return f"{text} ({inner})" if (lang or language()) == "en" else f"{text}（{inner}）"


def colon(label, lang: str | None = None) -> str:
    """A label before its value: "拨款：" / "Funding: "."""
    return f"{label}: " if (lang or language()) == "en" else f"{label}："


def gap(lang: str | None = None) -> str:
    """Space between items on one line: the ideographic space in Chinese, two spaces in English."""
    return "  " if (lang or language()) == "en" else "\u3000"


def _as_datetime(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    try:
        return dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def date(value, long: bool = False, lang: str | None = None) -> str:
    """A day: "2026-12-03" in tables; long: "2026年12月3日" / "3 December 2026" where a document
    wants it. Text that is not a date is returned as it is."""
    if value is None or value == "":
        return ""
    moment = _as_datetime(value)
    if moment is None:
        return str(value)
    if not long:
        return moment.date().isoformat()
    if (lang or language()) == "en":
        return f"{moment.day} {moment:%B} {moment.year}"
    return f"{moment.year}年{moment.month}月{moment.day}日"


def moment(value, lang: str | None = None) -> str:
    """A time of day on a day: "2026-12-03 08:07" (seconds and the ISO "T" are office noise)."""
    if value is None or value == "":
        return ""
    m = _as_datetime(value)
    if m is None:
        return str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return m.date().isoformat()
    if isinstance(value, str) and len(value.strip()) == 10:
        return value.strip()  # a plain date stays a date
    return f"{m:%Y-%m-%d %H:%M}"
