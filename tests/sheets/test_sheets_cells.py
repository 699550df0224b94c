"""Reading cells the way offices write them (db.sheets.cells) and recognising header words
(db.sheets.headers): every date form of the issue, numbers as text, 万元/亿元."""
from __future__ import annotations

import datetime as dt

import pytest

from db.sheets.cells import WAN, YI, YUAN, CellError, parse_date, parse_money, parse_number
from db.sheets.headers import ID, clean_label, match_field, money_scale


@pytest.mark.parametrize("raw, iso", [
    (dt.datetime(2025, 6, 30, 0, 0), "2025-06-30"),
    (dt.date(2025, 6, 30), "2025-06-30"),
    (45838, "2025-06-30"),            # Excel serial
    (45838.0, "2025-06-30"),
    ("45838", "2025-06-30"),          # serial typed as text
    ("2025-06-30", "2025-06-30"),
    ("2025-06-30 00:00:00", "2025-06-30"),
    ("2025/6/30", "2025-06-30"),
    ("2025.6.30", "2025-06-30"),
    ("2025年6月30日", "2025-06-30"),
    ("２０２５年６月３０日", "2025-06-30"),  # full-width digits
    ("20250630", "2025-06-30"),
    (20250630, "2025-06-30"),
])
def test_exact_dates_read_without_a_note(raw, iso):
    assert parse_date(raw) == (iso, None)


@pytest.mark.parametrize("raw, iso, words", [
    ("2025年6月", "2025-06-30", "按该月最后一天 2025-06-30"),
    ("2025年2月", "2025-02-28", "按该月最后一天 2025-02-28"),
    ("2024年2月", "2024-02-29", "按该月最后一天 2024-02-29"),
    ("2025.6", "2025-06-30", "按该月最后一天"),
    ("2025年6月底", "2025-06-30", "按该月最后一天"),
    ("2025年6月上旬", "2025-06-10", "按该旬最后一天 2025-06-10"),
    ("2025年二季度", "2025-06-30", "按该季度最后一天 2025-06-30"),
    ("2025年第四季度", "2025-12-31", "按该季度最后一天 2025-12-31"),
    ("2025Q1", "2025-03-31", "按该季度最后一天"),
    ("2025年上半年", "2025-06-30", "按半年最后一天"),
    ("2025年底", "2025-12-31", "按该年最后一天"),
    ("2026年", "2026-12-31", "按该年最后一天"),
    (2026, "2026-12-31", "按该年最后一天"),
])
def test_imprecise_dates_read_as_end_of_period_and_say_so(raw, iso, words):
    value, reading = parse_date(raw)
    assert value == iso
    assert words in reading


@pytest.mark.parametrize("raw, words", [
    ("2025年13月", "月份应为 1–12"),
    ("2025-02-30", "2025年2月没有30日"),
    ("下个月", "不是可识别的日期"),
    ("1850-01-01", "年份超出范围"),
    (12, "不是可识别的日期"),
    ("2025年五季度", "不是可识别的日期"),
])
def test_bad_dates_say_what_is_wrong(raw, words):
    with pytest.raises(CellError) as err:
        parse_date(raw)
    assert words in err.value.text()
    assert "2025-06-30" in err.value.text() or "没有" in err.value.text() or "范围" in err.value.text() \
        or "月份" in err.value.text()


@pytest.mark.parametrize("raw", [None, "", "  ", "—", "-", "/", "无"])
def test_blank_marks_are_empty(raw):
    assert parse_date(raw) == (None, None)
    assert parse_money(raw) == (None, None)


@pytest.mark.parametrize("raw, value", [
    ("1,234.5", 1234.5), ("１２３４．５", 1234.5), ("1，234", 1234.0), (" 88 ", 88.0), (12, 12.0), ("85%", 85.0),
])
def test_numbers_as_text(raw, value):
    assert parse_number(raw) == value


def test_money_scales_by_column_and_by_the_cell_s_own_unit():
    assert parse_money("1.2", YI) == (12000.0, None)
    assert parse_money(3000, WAN) == (3000.0, None)
    assert parse_money(500000, YUAN) == (50.0, None)
    value, reading = parse_money("1.2亿元", WAN)
    assert value == 12000.0 and "按亿元换算为 12,000 万元" in reading
    value, reading = parse_money("3,000万元", YI)
    assert value == 3000.0 and "万元" in reading
    assert parse_money("3000万元", WAN) == (3000.0, None)


def test_bad_money():
    with pytest.raises(CellError, match="金额不能为负数"):
        parse_money("-5", WAN)
    with pytest.raises(CellError, match="不是数字"):
        parse_money("约五千", WAN)


@pytest.mark.parametrize("header, field", [
    ("项目名称", "name"), ("名称", "name"), ("项目（平台）名称", "name"), ("责任单位", "responsible_unit_ids"),
    ("牵头单位", "lead_unit_id"), ("总投资（万元）", "total_investment"), ("总投资(亿元)", "total_investment"),
    ("总投资\n（亿元）", "total_investment"), ("2025年计划投资", "annual_plan_investment"),
    ("2025年1-6月完成投资", "annual_invested"), ("累计完成投资（万元）", "invested_to_date"),
    ("计划开工时间", "planned_start"), ("实际开工时间", "actual_start"), ("竣工时间", "planned_finish"),
    ("*项目名称", "name"), ("系统编号（UUID）", ID), ("片区/区县", "zone"), ("备注", "notes"),
])
def test_header_words(header, field):
    assert match_field(clean_label(header)) == field


@pytest.mark.parametrize("header", ["2025年重点项目台账", "联系人", "联系电话", "亮灯", "下一里程碑"])
def test_words_that_are_not_fields(header):
    assert match_field(clean_label(header)) is None


def test_money_scale_from_child_or_parent():
    assert money_scale(["投资情况(亿元)", "总投资"]) == YI
    assert money_scale(["总投资(万元)"]) == WAN
    assert money_scale(["总投资(元)"]) == YUAN
    assert money_scale(["总投资"]) == WAN


def _old_norm(value) -> str:
    """norm as it was (NFKC, then every run of whitespace as one space, trimmed)."""
    import re
    import unicodedata
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(value))).strip()


@pytest.mark.parametrize("raw", [
    None, "", " ", "\u3000", "\u00a0无\u00a0", "  n/a ", "Ｎ／Ａ", "－", "——", "待\t定", "待定", "暂 无", "NaN",
    float("nan"), float("inf"), 0, 0.0, 1.0, 1.5, -2, True, False, dt.date(2025, 6, 30), dt.datetime(2025, 6, 30, 8),
    "重庆\u2003高新区\n科技创新局", "\u1100\u1161", "e\u0301", "①", "㍿", "ｱｲｳ", "a\x1cb", "\u00a8", "\u200b",
    "x" * 50, " 超瞬态实验装置 ", "1,200万元", dt.time(8, 30), dt.timedelta(days=1),
])
def test_norm_and_is_blank_read_as_before(raw):
    from db.sheets.cells import BLANKS, is_blank, norm
    assert norm(raw) == _old_norm(raw)
    assert is_blank(raw) == (_old_norm(raw).lower() in BLANKS)


def test_choices_are_remembered_per_value_type_and_language():
    from db.i18n import language, set_language
    from db.sheets.values import choice
    assert choice("stage", "在建") == ("建设", "按“建设”读取")
    assert choice("stage", "在建") == ("建设", "按“建设”读取")
    with pytest.raises(CellError):
        choice("level", True)  # True is not 1 nor "1"
    with pytest.raises(CellError):
        choice("stage", "不存在")
    with pytest.raises(CellError):
        choice("stage", "不存在")  # a refusal is not remembered as a value
    from db.i18n import tr
    from db.sheets.values import R_CHOICE
    before = language()
    set_language("en")
    try:  # the reading is in the language of the moment, not the one first remembered
        assert choice("stage", "在建") == ("建设", tr(R_CHOICE, choice="建设"))
    finally:
        set_language(before)
