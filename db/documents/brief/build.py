"""Build the weekly brief (周报/工作简报) as an A4 PDF; used by the GUI preview and `kechuang brief`.

    options = resolve(pf, week="2026-W47")
    brief = build(pf, options)           # preview: nothing stored
    write_pdf(brief.pdf, "brief.pdf")
    pf.apply(issue_ops(pf, options))     # issued: the 期号 is recorded

The same portfolio, week and options give the same bytes: the PDF carries no timestamps or
random ids (reportlab's invariant mode) and every list is sorted.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import CondPageBreak, PageBreak, Paragraph

from db.documents.brief import document, fonts, progress, status, styles
from db.documents.brief.context import KEEP, Ctx
from db.documents.brief.facts import collect
from db.documents.brief.masthead import footer, masthead
from db.documents.brief.options import SECTION_TITLES, BriefOptions
from db.documents.brief.tables import cn_number, esc
from db.store.files import write_atomically
from db.i18n import QT_TRANSLATE_NOOP, tr

if TYPE_CHECKING:
    from db.portfolio import Portfolio

WRITERS = {
    "overview": progress.overview_section, "projects": progress.projects_section,
    "facilities": progress.facilities_section, "challenges": progress.challenges_section,
    "colours": status.colours_section, "issues": status.issues_section, "next_week": status.next_week_section,
    "indicators": status.indicators_section,
}
APPENDIX = "indicators"
H1 = 42  # a section heading with its spacing
CREATOR = QT_TRANSLATE_NOOP("brief", "科创项目台账")
DOC_TITLE = QT_TRANSLATE_NOOP("brief", "{name}　第{number}期")
MSG_WRITE = QT_TRANSLATE_NOOP("errors", "无法写入简报文件“{path}”：{detail}")


@dataclass(frozen=True)
class Brief:
    pdf: bytes
    pages: int
    week: str
    options: BriefOptions


def _story(ctx: Ctx) -> list:
    f, st, options = ctx.facts, ctx.st, ctx.options
    story = masthead(st, options, f["as_of"], f["monday"], f["sunday"])
    n = 0
    for key in options.sections:
        ctx.new_section()
        if key == APPENDIX:
            story.append(PageBreak())  # the 附表 starts a page of its own
            story.append(Paragraph(esc(tr(SECTION_TITLES[key])), st["appendix"]))
            story += WRITERS[key](ctx)
            continue
        n += 1
        section = WRITERS[key](ctx)
        # the heading keeps the room its first block asks for (a sub-heading's page-break rule)
        need = section[0].height + H1 if section and isinstance(section[0], CondPageBreak) else KEEP
        story.append(CondPageBreak(need))
        story.append(Paragraph(esc(f"{cn_number(n)}、{tr(SECTION_TITLES[key])}"), st["h1"]))
        story += section
    story.append(footer(st, options))
    return story


def build(pf: Portfolio, options: BriefOptions) -> Brief:
    """The brief for `options.week` (raises UserError for a bad week); stores nothing."""
    facts = collect(pf, options.week)
    fs = fonts.font_set(options.font)
    ctx = Ctx(styles.make(fs), fs, facts, options)
    story = _story(ctx)
    pdf, pages = document.render(story, fs, title=tr(DOC_TITLE, name=options.name, number=options.number),
                                 author=options.issuer, subject=facts["overview"]["week"], creator=tr(CREATOR))
    return Brief(pdf, pages, facts["overview"]["week"], options)


def write_pdf(data: bytes, path) -> Path:
    """Write atomically (a temp file next to the target, fsync, then rename)."""
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), MSG_WRITE)
