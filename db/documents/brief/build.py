"""Build the weekly brief (周报/工作简报) — as an A4 PDF, an editable Word file (.docx) or its 附表
in full as XLSX, all from the same facts; used by the GUI preview and `kechuang brief`.

    options = resolve(pf, week="2026-W47")
    brief = build(pf, options)                 # the PDF (preview: nothing stored)
    write_brief(pf, options, "简报.docx")       # the format follows the extension
    pf.apply(issue_ops(pf, options))           # issued: the 期号 is recorded

The facts of a city's brief are some 300,000 small dicts and strings that live until it is laid
out and hold no reference cycles: the cyclic collector is paused meanwhile (db/sheets/gcpause.py),
as it would walk them again and again for nothing (a tenth of the time).

The same portfolio, week and options give the same bytes in every format: no timestamps or
random ids (reportlab's invariant mode; fixed zip times and document dates in the .docx and
.xlsx) and every list sorted.
"""
from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.documents.brief import areas, body, coverage, document, fonts, pdf, styles
from db.documents.brief.blocks import BODY_PAGES, LEVELS, Content, Limits
from db.documents.brief.facts import collect
from db.documents.brief.options import SECTION_TITLES, BriefOptions
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.sheets import gcpause
from db.store.files import write_atomically

if TYPE_CHECKING:
    from db.portfolio import Portfolio

WRITERS = {
    "projects": body.changes_section, "issues": body.actions_section, "colours": body.colours_section,
    "overview": body.overview_section, "facilities": areas.facilities_section,
    "challenges": areas.challenges_section, "next_week": areas.next_week_section,
}
APPENDIX = "indicators"  # 附表 only
FORMATS = {".pdf": "pdf", "": "pdf", ".docx": "docx", ".xlsx": "xlsx"}
CREATOR = QT_TRANSLATE_NOOP("brief", "科创项目台账")
DOC_TITLE = QT_TRANSLATE_NOOP("brief", "{name}　第{number}期")
MSG_WRITE = QT_TRANSLATE_NOOP("errors", "无法写入简报文件“{path}”：{detail}")
MSG_FORMAT = QT_TRANSLATE_NOOP("errors", "简报文件“{path}”的格式无法识别：应以 .docx、.pdf 或 .xlsx 结尾")


@dataclass(frozen=True)
class Brief:
    pdf: bytes
    pages: int
    week: str
    options: BriefOptions
    body_pages: int = 0           # pages of the 报头 and 正文 (the 附表 follow on pages of their own)
    limits: Limits = LEVELS[0]    # how much of its lists the 正文 shows
    missing: tuple[str, ...] = ()  # characters no face of the brief has (coverage.py): blank on paper


def write(facts: dict, options: BriefOptions, limits: Limits = LEVELS[0]) -> Content:
    """The brief's blocks from the facts, its 正文 lists cut to `limits`."""
    content = Content(limits)
    for key in options.sections:
        if key == APPENDIX:
            areas.indicators_appendix(content, facts)
        else:
            WRITERS[key](content, facts, tr(SECTION_TITLES[key]))
    return content


def body_pages(content: Content, options: BriefOptions, facts: dict, fs) -> int:
    """Pages the 报头 and 正文 take as PDF (with the 报尾 when there is no 附表 after them)."""
    story = pdf.story(content, styles.make(fs), fs, options, facts, appendices=False,
                      footer=not content.appendices)
    return document.render(story, fs)[1]


def compose(pf: Portfolio, options: BriefOptions) -> tuple[Content, dict]:
    """The brief's blocks and the facts they were written from (raises UserError for a bad week):
    the 正文 shows as much of its lists as fits in BODY_PAGES pages (measured as PDF, so the
    .docx says the same), the rest counted and left to the 附表."""
    with gcpause.paused():
        return _compose(pf, options)


def _compose(pf: Portfolio, options: BriefOptions) -> tuple[Content, dict]:
    facts = collect(pf, options.week)
    fs = fonts.font_set(options.font)
    for limits in LEVELS:
        content = write(facts, options, limits)
        if limits is LEVELS[-1] or body_pages(content, options, facts, fs) <= BODY_PAGES:
            return content, facts
    raise AssertionError("unreachable")


def info(options: BriefOptions, facts: dict) -> dict:
    return {"title": tr(DOC_TITLE, name=options.name, number=options.number), "author": options.issuer,
            "subject": facts["overview"]["week"], "creator": tr(CREATOR)}


def build(pf: Portfolio, options: BriefOptions) -> Brief:
    """The brief for `options.week` as PDF; stores nothing. Its 正文 is fitted as compose() fits it
    (the .docx says the same), then the whole document is rendered once: rendering it whole for
    each try cost a city's brief two more renderings of 30 pages once its 督办 table was in."""
    with gcpause.paused():
        return _build(pf, options)


def _build(pf: Portfolio, options: BriefOptions) -> Brief:
    content, facts = _compose(pf, options)
    fs = fonts.font_set(options.font)
    body_end = pdf.PageMark()
    story = pdf.story(content, styles.make(fs), fs, options, facts, body_end=body_end)
    data, pages = document.render(story, fs, **info(options, facts))
    body = body_end.page if content.appendices else pages  # as body_pages() counts
    # of the text printed: a character in a 附表 row past those printed does not go missing
    missing = coverage.missing([f for f in astuple(fs) if f],
                               [*content.texts(), *coverage.strings(astuple(options))])
    return Brief(data, pages, facts["overview"]["week"], options, body, content.limits, tuple(missing))


def build_docx(pf: Portfolio, options: BriefOptions) -> bytes:
    """The same brief as an editable Word document."""
    from db.documents.brief import word
    with gcpause.paused():
        content, facts = _compose(pf, options)
        return word.render(content, options, facts, info(options, facts))


def build_xlsx(pf: Portfolio, options: BriefOptions) -> tuple[bytes, int]:
    """The brief's 附表 in full, one sheet each; (bytes, number of sheets)."""
    from db.documents.brief import lists_xlsx
    content, facts = compose(pf, options)
    return lists_xlsx.render(content, options, facts), len(content.appendices)


def format_of(path) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UserError(MSG_FORMAT, path=Path(path).name)
    return fmt


def write_pdf(data: bytes, path) -> Path:
    """Write atomically (a temp file next to the target, fsync, then rename)."""
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), MSG_WRITE)


def write_bytes(data: bytes, path) -> Path:
    return write_atomically(path, lambda tmp: tmp.write_bytes(data), MSG_WRITE)


def write_brief(pf: Portfolio, options: BriefOptions, path) -> tuple[Path, str, int | None]:
    """Write the brief in the format of `path`'s extension; (path, format, PDF pages or None)."""
    fmt = format_of(path)
    if fmt == "pdf":
        brief = build(pf, options)
        return write_bytes(brief.pdf, path), fmt, brief.pages
    data = build_docx(pf, options) if fmt == "docx" else build_xlsx(pf, options)[0]
    return write_bytes(data, path), fmt, None
