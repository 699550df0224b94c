"""The brief as plain blocks — headings, paragraphs, tables, 附表 — written once from the facts and
rendered twice: as PDF (pdf.py, reportlab) and as Word (word.py, python-docx); the 附表 in full as
XLSX (lists_xlsx.py). Nothing here knows a page, a font or a file format.

Text is a tuple of Spans; a Span may carry a colour (a coloured ● before a colour's name) or be a
run-in （一） heading at the start of a paragraph ("（一）投资进度。" set in 楷体, the text after it in
the paragraph's face).
Tables give column widths as shares of the 版心 width and one alignment letter per column
(l, c, r). A table longer than its cap keeps its first rows (callers sort them most urgent
first) and says how many more there are; the 附表 keep every row for the XLSX.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.documents.brief.tables import cn_number
from db.i18n import QT_TRANSLATE_NOOP, language, tr

MORE = QT_TRANSLATE_NOOP("brief", "另有 {n} 项未列出，完整清单见简报附表（Excel）。")
MORE_SEE = QT_TRANSLATE_NOOP("brief", "另有 {n} 项，见附表{k}。")
MORE_SEE_ALL = QT_TRANSLATE_NOOP("brief", "明细见附表{k}。")
APPENDIX_TITLE = QT_TRANSLATE_NOOP("brief", "附表{k}")
APPENDIX_ROWS = 15  # rows of a 附表 printed in the brief; the XLSX has them all


@dataclass(frozen=True)
class Span:
    text: str
    colour: str | None = None  # "#rrggbb"
    heading: bool = False      # a run-in （一） heading


Text = tuple[Span, ...]


def spans(*parts) -> Text:
    """Plain strings and Spans, in order, as one Text."""
    return tuple(p if isinstance(p, Span) else Span(str(p)) for p in parts if p not in (None, ""))


def plain(text: Text | str) -> str:
    return text if isinstance(text, str) else "".join(s.text for s in text)


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、 (黑体)  2: （一） (楷体)
    text: str


@dataclass(frozen=True)
class Para:
    text: Text
    style: str = "body"  # body | note


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple, ...]        # cells: str, int, float or Text
    widths: tuple[float, ...]      # shares of the 版心 width
    align: str = ""
    more: str = ""                 # the closing "另有 N 项…" line, spanning the table

    @property
    def columns(self) -> int:
        return len(self.header)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return plain(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Rows(Sequence):
    """A list's rows, each made when it is read: `make(k, item)` for the k-th item (from 1). At
    city scale a 附表 runs to thousands of rows; the PDF and the .docx print APPENDIX_ROWS of
    them and count the rest, only the XLSX reads them all."""

    def __init__(self, items: Sequence[Any], make: Callable[[int, Any], Sequence]):
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._items)))]
        if i < 0:
            i += len(self._items)
        if not 0 <= i < len(self._items):
            raise IndexError(i)
        return tuple(self._make(i + 1, self._items[i]))

    def __iter__(self) -> Iterator[tuple]:
        for k, item in enumerate(self._items, 1):
            yield tuple(self._make(k, item))

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


@dataclass
class Appendix:
    number: int
    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple]          # a list, or Rows made when read
    widths: tuple[float, ...]
    align: str = ""
    intro: str = ""

    @property
    def label(self) -> str:
        return tr(APPENDIX_TITLE, k=self.number)

    def table(self) -> Table:
        shown = self.rows[:APPENDIX_ROWS]
        more = tr(MORE, n=len(self.rows) - len(shown)) if len(self.rows) > len(shown) else ""
        return Table(self.header, tuple(shown), self.widths, self.align, more)


@dataclass(frozen=True)
class Limits:
    """How much of each list the 正文 shows (the rest is counted and left to its 附表). The brief
    tries LEVELS in turn until its 正文 fits in BODY_PAGES pages."""
    changes: tuple[int, int, int, int, int]  # newly red, back to normal, re-planned, completed, blocked
    actions: int
    units: int
    watch: int
    next_week: int


LEVELS = (Limits((3, 2, 3, 2, 2), 6, 6, 2, 3), Limits((2, 1, 2, 1, 1), 4, 5, 1, 2),
          Limits((1, 1, 1, 1, 1), 3, 4, 0, 1), Limits((0, 0, 0, 0, 0), 2, 3, 0, 0))
BODY_PAGES = 4


def section_label(n: int, title: str) -> str:
    """一、概况 in Chinese (GB/T 9704); "1. Overview" in English."""
    return f"{n}. {title}" if language() == "en" else f"{cn_number(n)}、{title}"


def sub_label(n: int, title: str) -> str:
    """（一）投资进度 in Chinese; "(1) Investment" in English."""
    return f"({n}) {title}" if language() == "en" else f"（{cn_number(n)}）{title}"


@dataclass
class Content:
    """A brief's 正文 blocks and its 附表, in order."""
    limits: Limits = LEVELS[0]
    body: list = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    _section: int = 0
    _sub: int = 0

    def section(self, title: str) -> None:
        self._section += 1
        self._sub = 0
        self.body.append(Heading(1, section_label(self._section, title)))

    def sub(self, title: str) -> None:
        self._sub += 1
        self.body.append(Heading(2, sub_label(self._sub, title)))

    def run_in(self, title: str, *parts) -> None:
        """A paragraph led by the next （一） heading of the section, run in: "（一）投资进度。……"."""
        self._sub += 1
        self.para(Span(sub_label(self._sub, title) + (". " if language() == "en" else "。"), heading=True), *parts)

    def para(self, *parts, style: str = "body") -> None:
        text = spans(*parts)
        if text:
            self.body.append(Para(text, style))

    def table(self, header, rows, widths, align: str = "", cap: int | None = None,
              appendix: Appendix | None = None) -> None:
        """A table in the 正文; past `cap` rows the rest is counted (and pointed to its 附表).
        `rows` may be Rows: only the rows shown are made."""
        if not isinstance(rows, Rows):
            rows = list(rows)
        more = ""
        if cap is not None and len(rows) > cap:
            left = len(rows) - cap
            rows = rows[:cap]
            more = tr(MORE_SEE, n=left, k=appendix.number) if appendix else tr(MORE, n=left)
        self.body.append(Table(tuple(header), tuple(tuple(r) for r in rows), tuple(widths), align, more))

    def texts(self) -> Iterator[str]:
        """Every text the PDF and the .docx print of these blocks, in order: the 正文, and of each
        附表 its titles, header, the rows printed (APPENDIX_ROWS) and the count of the rest."""
        for block in self.body:
            if isinstance(block, Heading):
                yield block.text
            elif isinstance(block, Para):
                yield plain(block.text)
            elif isinstance(block, Table):
                yield from _table_texts(block)
        for a in self.appendices:
            yield from (a.label, a.title, a.intro)
            yield from _table_texts(a.table())

    def appendix(self, title: str, header, rows, widths, align: str = "", intro: str = "") -> Appendix:
        kept = rows if isinstance(rows, Rows) else [tuple(r) for r in rows]
        a = Appendix(len(self.appendices) + 1, title, tuple(header), kept, tuple(widths), align, intro)
        self.appendices.append(a)
        return a


def _table_texts(t: Table) -> Iterator[str]:
    yield from t.header
    for row in t.rows:
        yield from map(cell_text, row)
    yield t.more
