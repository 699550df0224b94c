"""The printable 榜单 (揭榜挂帅 notice) as an A4 PDF: the published challenges listed the way a
发榜 notice lists them — an overview table, then one entry per challenge with title, issuing unit,
technical indicators (验收标准), 榜额, eligibility, deadline and duration. Qt-free.

Fonts, page geometry and table helpers are the weekly brief's (db/documents/brief), so both documents
embed the same subset CJK font and look alike. Same data, same bytes (reportlab invariant mode).

    write_notice(pf, "榜单.pdf")                   # the challenges in 已发榜 / 申报中
    write_notice(pf, "榜单.pdf", ids=[cid1, cid2])  # chosen ones (must be published)
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import CondPageBreak, LongTable, Paragraph, Spacer, TableStyle

from db import formatting
from db.challenges.rules import PIPELINE, budget
from db.documents.brief import document, fonts, styles
from db.documents.brief.tables import CellParagraph, cn_date, cn_number, esc, money, table, widths
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.rows.register import unit_names
from db.store.files import write_atomically

if TYPE_CHECKING:
    from db.portfolio import Portfolio

OPEN = ("已发榜", "申报中")  # what a 发榜 notice lists by default
T = {
    "title": QT_TRANSLATE_NOOP("notice", "“揭榜挂帅”项目榜单"),
    "subtitle": QT_TRANSLATE_NOOP("notice", "{issuer}　{date}"),
    "intro": QT_TRANSLATE_NOOP("notice", "现将{count}项“揭榜挂帅”榜单予以发布，榜额合计{budget}。"
                                         "英雄不论出处，谁有本事谁揭榜。符合条件的单位可在申报截止前揭榜申报。"),
    "overview": QT_TRANSLATE_NOOP("notice", "榜单一览"),
    "entry": QT_TRANSLATE_NOOP("notice", "榜单{n}：{title}"),
    "budget": QT_TRANSLATE_NOOP("notice", "{total}（财政 {fiscal} 万元，配套 {matching} 万元）"),
    "months": QT_TRANSLATE_NOOP("notice", "{n} 个月"),
    "race": QT_TRANSLATE_NOOP("notice", "赛马（最多 {n} 支队伍并行攻关，里程碑考核择优）"),
    "first": QT_TRANSLATE_NOOP("notice", "{mode}，首笔拨付 {pct}%"),
    "deadline": QT_TRANSLATE_NOOP("notice", "{date}（{state}）"),
    "open": QT_TRANSLATE_NOOP("notice", "距截止还有 {days} 天"),
    "today": QT_TRANSLATE_NOOP("notice", "今日截止"),
    "closed": QT_TRANSLATE_NOOP("notice", "已截止"),
    "none": QT_TRANSLATE_NOOP("notice", "（未填写）"),
    "creator": QT_TRANSLATE_NOOP("notice", "科创项目台账"),
}
HEAD = [QT_TRANSLATE_NOOP("notice", "序号"), QT_TRANSLATE_NOOP("notice", "榜单名称"),
        QT_TRANSLATE_NOOP("notice", "发榜单位"), QT_TRANSLATE_NOOP("notice", "专项/领域"),
        QT_TRANSLATE_NOOP("notice", "榜额"), QT_TRANSLATE_NOOP("notice", "申报截止"),
        QT_TRANSLATE_NOOP("notice", "攻关周期")]
FIELDS = {
    "code": QT_TRANSLATE_NOOP("notice", "榜单编号"), "issuer": QT_TRANSLATE_NOOP("notice", "发榜单位"),
    "issue_mode": QT_TRANSLATE_NOOP("notice", "发榜方式"), "domain": QT_TRANSLATE_NOOP("notice", "专项/领域"),
    "summary": QT_TRANSLATE_NOOP("notice", "需求概述"),
    "indicators": QT_TRANSLATE_NOOP("notice", "技术指标（验收标准）"),
    "budget": QT_TRANSLATE_NOOP("notice", "榜额"), "funding": QT_TRANSLATE_NOOP("notice", "资助方式"),
    "race": QT_TRANSLATE_NOOP("notice", "揭榜方式"), "eligibility": QT_TRANSLATE_NOOP("notice", "揭榜条件"),
    "publish": QT_TRANSLATE_NOOP("notice", "发榜日期"), "deadline": QT_TRANSLATE_NOOP("notice", "申报截止"),
    "duration": QT_TRANSLATE_NOOP("notice", "攻关周期"),
}
E = {
    "nothing": QT_TRANSLATE_NOOP("errors", "没有可打印的榜单：榜单须已发榜（已发榜或申报中阶段）"),
    "unpublished": QT_TRANSLATE_NOOP("errors", "{record}尚未发榜（当前阶段：{stage}），不能列入榜单"),
    "write": QT_TRANSLATE_NOOP("errors", "无法写入榜单文件“{path}”：{detail}"),
}


def published_ids(pf: Portfolio) -> list[str]:
    return [c["id"] for c in pf.list("challenges", order="deadline IS NULL, deadline, rowid") if c["stage"] in OPEN]


def _chosen(pf: Portfolio, ids: list[str] | None) -> list[dict]:
    if ids is None:
        ids = published_ids(pf)
    if not ids:
        raise UserError(E["nothing"])
    out = []
    for cid in dict.fromkeys(ids):
        c = pf.get("challenges", cid)
        if c is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的记录"), id=cid)
        stage = c["stage"] or PIPELINE[0]
        if stage not in PIPELINE or PIPELINE.index(stage) < PIPELINE.index("已发榜"):
            raise UserError(E["unpublished"], record=f"「{c['title']}」", stage=tr_enum(stage))
        out.append(c)
    return out


def _plain(n) -> str:
    return formatting.amount(n) if n is not None else "0"


def _deadline(c: dict, today: dt.date) -> str:
    if not c["deadline"]:
        return tr(T["none"])
    days = (dt.date.fromisoformat(c["deadline"]) - today).days
    state = tr(T["open"], days=days) if days > 0 else tr(T["today"]) if days == 0 else tr(T["closed"])
    return tr(T["deadline"], date=cn_date(dt.date.fromisoformat(c["deadline"])), state=state)


def notice_fields(c: dict, issuer: str, today: dt.date) -> list[tuple[str, str | list[str] | None]]:
    """One challenge as a 发榜 notice lists it: (field label, plain text; a list for the indicators)."""
    funding = tr_enum(c["funding_mode"])
    if c["funding_mode"] == "分阶段拨付" and c["first_tranche_pct"]:
        funding = tr(T["first"], mode=funding, pct=_plain(c["first_tranche_pct"]))
    race = tr(T["race"], n=c["race_slots"]) if c["race_mode"] == "赛马" and c["race_slots"] else tr_enum(c["race_mode"])
    total = budget(c)
    texts = [
        ("code", c["code"]), ("issuer", issuer), ("issue_mode", tr_enum(c["issue_mode"])),
        ("domain", c["domain"]), ("summary", c["summary"]), ("indicators", list(c["indicators"])),
        ("budget", tr(T["budget"], total=money(total), fiscal=_plain(c["budget_fiscal"]),
                      matching=_plain(c["budget_matching"])) if total else None),
        ("funding", funding), ("race", race), ("eligibility", c["eligibility"]),
        ("publish", cn_date(dt.date.fromisoformat(c["publish_date"])) if c["publish_date"] else None),
        ("deadline", _deadline(c, today)),
        ("duration", tr(T["months"], n=c["duration_months"]) if c["duration_months"] else None),
    ]
    return [(tr(FIELDS[key]), text) for key, text in texts if not (key == "code" and not text)]


def _entry(st: dict, n: int, c: dict, issuer: str, today: dt.date) -> list:
    """One challenge as the notice describes it: a heading, then a field/value grid."""
    none = esc(tr(T["none"]))
    pairs = []
    for label_, text in notice_fields(c, issuer, today):
        if isinstance(text, list):
            markup_ = "<br/>".join(f"{i}. {esc(x)}" for i, x in enumerate(text, 1)) or none
        else:
            markup_ = esc(text) if text not in (None, "") else none
        pairs.append((label_, markup_))
    heading = Paragraph(esc(tr(T["entry"], n=cn_number(n), title=c["title"])), st["h2"])
    return [CondPageBreak(120), heading, _key_values(st, pairs), Spacer(1, 8)]


def _key_values(st: dict, pairs: list[tuple[str, str]]) -> LongTable:
    """A two-column grid: field name (shaded) and its value (Paragraph markup)."""
    data = [[CellParagraph(esc(k), st["cell_head"]), CellParagraph(v, st["cell"])] for k, v in pairs]
    t = LongTable(data, colWidths=widths(6, 18), hAlign="CENTER")
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("BACKGROUND", (0, 0), (0, -1), styles.HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def build_notice(pf: Portfolio, ids: list[str] | None = None, title: str | None = None,
                 issuer: str | None = None) -> bytes:
    """The 榜单 PDF as bytes (raises UserError when there is nothing published to list)."""
    chosen = _chosen(pf, ids)
    today = pf.today()
    names = unit_names(pf)
    issuers = [names.get(c["issuer_unit_id"], "") for c in chosen if c["issuer_unit_id"]]
    issuer = issuer or ("、".join(dict.fromkeys(i for i in issuers if i)))
    title = title or tr(T["title"])
    fs = fonts.font_set()
    st = styles.make(fs)
    story = [Paragraph(esc(title), st["title"]),
             Paragraph(esc(tr(T["subtitle"], issuer=issuer, date=cn_date(today)).strip("　")), st["subtitle"]),
             Paragraph(esc(tr(T["intro"], count=len(chosen), budget=money(sum(budget(c) for c in chosen)))),
                       st["body"]),
             Paragraph(esc(tr(T["overview"])), st["caption"])]
    story.append(table(st, [tr(h) for h in HEAD], [
        [cn_number(i) if i < 100 else i, c["title"], names.get(c["issuer_unit_id"], "") or "—", c["domain"] or "—",
         money(budget(c)) if budget(c) else "—", c["deadline"] or "—",
         tr(T["months"], n=c["duration_months"]) if c["duration_months"] else "—"]
        for i, c in enumerate(chosen, 1)], widths(2.4, 11, 6, 6, 4.2, 4.8, 4), "clllccc"))
    for i, c in enumerate(chosen, 1):
        story += _entry(st, i, c, names.get(c["issuer_unit_id"], "") if c["issuer_unit_id"] else "", today)
    return document.render(story, fs, title=title, author=issuer, creator=tr(T["creator"]))[0]


def write_notice(pf: Portfolio, path, ids: list[str] | None = None, title: str | None = None) -> Path:
    """Build the 榜单 and write it atomically (temp file next to the target, fsync, rename)."""
    data = build_notice(pf, ids, title)
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), E["write"])
