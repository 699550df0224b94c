"""What a brief is made with: week, name, 编印单位, 期号, sections, font, 报/送/发 — and where they are kept.

The portfolio's synced settings hold the office's choices (key "brief") and each issued week's
期号 (see numbering.py), so they travel with the file. Previewing reads them; issuing a brief
stores them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from db.documents.brief import fonts, numbering
from db.documents.brief.numbering import MAX_NUMBER
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr

if TYPE_CHECKING:
    from db.portfolio import Portfolio

SETTING_KEY = "brief"
# The 正文 leads with what changed since the last brief and what leadership must act on; each
# section is a few sentences and at most one short table, its long lists go to the 附表.
SECTIONS = ("projects", "issues", "colours", "overview", "facilities", "challenges", "next_week",
            "indicators")
SECTION_TITLES = {
    "projects": QT_TRANSLATE_NOOP("brief", "本期主要变化"),
    "issues": QT_TRANSLATE_NOOP("brief", "需协调解决的事项"),
    "colours": QT_TRANSLATE_NOOP("brief", "亮灯情况"),
    "overview": QT_TRANSLATE_NOOP("brief", "总体进度"),
    "facilities": QT_TRANSLATE_NOOP("brief", "重大科技基础设施"),
    "challenges": QT_TRANSLATE_NOOP("brief", "揭榜挂帅进展"),
    "next_week": QT_TRANSLATE_NOOP("brief", "下周安排"),
    "indicators": QT_TRANSLATE_NOOP("brief", "附表：规划指标完成情况"),
}
DEFAULTS = {
    "name": QT_TRANSLATE_NOOP("brief", "科创项目工作简报"),
    "issuer": QT_TRANSLATE_NOOP("brief", "科创项目办公室"),
    "report_to": QT_TRANSLATE_NOOP("brief", "区委、区政府主要领导，分管领导"),
    "copy_to": QT_TRANSLATE_NOOP("brief", "区委办公室，区人大常委会办公室，区政府办公室，区政协办公室"),
    "send_to": QT_TRANSLATE_NOOP("brief", "各责任单位，各园区公司"),
}
TEXT_FIELDS = ("name", "issuer", "report_to", "copy_to", "send_to")
MSG_SECTION = QT_TRANSLATE_NOOP("errors", "简报栏目“{name}”无效，可用：{names}")
MSG_NUMBER = QT_TRANSLATE_NOOP("errors", "简报期号“{value}”无效，应为正整数")
MSG_NO_SECTION = QT_TRANSLATE_NOOP("errors", "简报至少要包含一个栏目，可用：{names}")
MSG_FONT = QT_TRANSLATE_NOOP("errors", "简报字体“{value}”无效，可用：{names}")


@dataclass(frozen=True)
class BriefOptions:
    week: str | None = None  # ISO week "2026-W47" (resolve() always fills it in); None: the current week
    name: str = ""
    issuer: str = ""
    number: int = 1
    sections: tuple[str, ...] = SECTIONS
    font: str = fonts.BUNDLED
    report_to: str = ""
    copy_to: str = ""
    send_to: str = ""

    def with_(self, **changes) -> BriefOptions:
        return replace(self, **changes)


def _stored(pf: Portfolio) -> dict:
    value = pf.setting(SETTING_KEY)
    return value if isinstance(value, dict) else {}


def last_number(pf: Portfolio) -> int:
    """The highest 期号 issued so far (0 when none was)."""
    return numbering.highest(pf)


def parse_sections(text: str | None) -> tuple[str, ...]:
    """"overview,colours" → the sections in the brief's order; refuses unknown names."""
    if text is None:
        return SECTIONS
    wanted = [s.strip() for s in text.replace("，", ",").split(",") if s.strip()]
    for s in wanted:
        if s not in SECTIONS:
            raise UserError(MSG_SECTION, name=s, names=",".join(SECTIONS))
    return tuple(s for s in SECTIONS if s in wanted)


def check_number(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str) and value.strip().isdigit():
        n = int(value.strip())
    else:
        raise UserError(MSG_NUMBER, value=value)
    if not 1 <= n < MAX_NUMBER:
        raise UserError(MSG_NUMBER, value=value)
    return n


def resolve(pf: Portfolio, **given) -> BriefOptions:
    """Options for a brief: what the caller gave, else what the office stored, else defaults.

    The week defaults to the current one. The 期号 defaults to the one the week was issued with,
    else (a week not issued yet) the highest issued so far plus one; a 期号 given for the week
    must not be another week's.
    """
    stored = _stored(pf)
    week = numbering.canonical_week(pf, given.get("week") or None)
    out: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = given.get(key)
        if value is None or not str(value).strip():
            value = stored.get(key) if isinstance(stored.get(key), str) and stored[key].strip() else tr(DEFAULTS[key])
        out[key] = " ".join(str(value).split())
    number = given.get("number")
    if number is None:
        out["number"] = numbering.number_for(pf, week)
    else:
        out["number"] = check_number(number)
        numbering.check_free(pf, week, out["number"])
    sections = given.get("sections")
    if sections is None:
        kept = stored.get("sections")
        sections = tuple(s for s in SECTIONS if s in kept) if isinstance(kept, list) and kept else SECTIONS
    elif isinstance(sections, str):
        sections = parse_sections(sections)
    else:
        sections = parse_sections(",".join(sections))
    if not sections:
        raise UserError(MSG_NO_SECTION, names=",".join(SECTIONS))
    out["sections"] = sections
    font = given.get("font")
    if font is None:
        font = stored.get("font") if stored.get("font") in fonts.CHOICES else fonts.BUNDLED
    elif font not in fonts.CHOICES:
        raise UserError(MSG_FONT, value=font, names=", ".join(fonts.CHOICES))
    out["font"] = font
    return BriefOptions(week=week, **out)


def issue_ops(pf: Portfolio, options: BriefOptions, remember: bool = True) -> list:
    """Ops that record a brief (made with `resolve`) as issued: its week's 期号 and, with
    `remember`, the choices it was made with as the office's defaults for the next one. A reprint
    with the same 期号 and choices changes nothing."""
    week = options.week or numbering.canonical_week(pf, None)
    numbering.check_free(pf, week, options.number)
    ops = numbering.number_ops(pf, week, options.number)
    if remember:
        value = dict(_stored(pf))
        chosen = asdict(options)
        value.update({k: chosen[k] for k in TEXT_FIELDS})
        value["sections"] = list(options.sections)
        value["font"] = options.font
        if value != _stored(pf):
            ops += pf.setting_ops(SETTING_KEY, value)
    return ops
