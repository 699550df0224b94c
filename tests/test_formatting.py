"""Numbers, money, dates and times as a Chinese office writes them, and in English (issue 22)."""
import datetime as dt

from db import formatting as fmt
from db.i18n import set_language


def test_numbers_have_separators_and_no_trailing_zero():
    assert fmt.number(150000.0) == "150,000" and fmt.number(1234.5678) == "1,234.57" and fmt.number(3) == "3"
    assert fmt.number(None) == "" and fmt.number(-2500.5) == "-2,500.5" and fmt.number(0.0) == "0"


def test_money_in_wan_and_yi():
    assert fmt.money(150000.0, "zh") == "15亿元"
    assert fmt.money(3200, "zh") == "3200万元"  # four digits written whole
    assert fmt.money(12345.678, "zh") == "1.23亿元"
    assert fmt.money(125_000_000, "zh") == "12,500亿元"
    assert fmt.money(0.5, "zh") == "0.5万元" and fmt.money(None) == ""
    assert fmt.money(150000, "en") == "CNY 1.5 billion"
    assert fmt.money(3200, "en") == "CNY 32 million"
    assert fmt.money(3.5, "en") == "CNY 35,000"
    assert fmt.amount(23000.0) == "23,000" and fmt.amount(2300.0) == "2300"


def test_dates_and_times_without_iso_noise():
    assert fmt.moment("2026-12-03T08:07:24") == "2026-12-03 08:07"
    assert fmt.moment(dt.datetime(2026, 12, 3, 8, 7, 24)) == "2026-12-03 08:07"
    assert fmt.moment("2026-12-03") == "2026-12-03" and fmt.moment("") == ""
    assert fmt.date("2026-12-03T08:07:24") == "2026-12-03"
    assert fmt.date(dt.date(2026, 12, 3), long=True, lang="zh") == "2026年12月3日"
    assert fmt.date("2026-12-03", long=True, lang="en") == "3 December 2026"
    assert fmt.date("not a date") == "not a date"


def test_language_follows_the_interface():
    set_language("en")
    try:
        assert fmt.money(150000) == "CNY 1.5 billion"
    finally:
        set_language("zh")
    assert fmt.money(150000) == "15亿元"
