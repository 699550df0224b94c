"""An A4 document after GB/T 9704 (margins, one body frame, "— N —" page numbers) rendered to
PDF bytes: the weekly brief and the 榜单 notice share it."""
from __future__ import annotations

import io
import threading
from functools import partial

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from db.documents.brief import styles
from db.documents.brief.fonts import FontSet
from db.documents.brief.masthead import draw_page_number

_build_lock = threading.Lock()


def render(story: list, fs: FontSet, **info) -> tuple[bytes, int]:
    """(PDF bytes, page count) of `story`; `info` is the PDF's title, author, subject, creator.

    One document at a time in the process: reportlab keeps each document's glyph subsets inside
    the shared TTFont objects, and two builds at once in different threads corrupt them
    (KeyError in makeSubset)."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=styles.PAGE_SIZE, leftMargin=styles.LEFT, rightMargin=styles.RIGHT,
                          topMargin=styles.TOP, bottomMargin=styles.BOTTOM, invariant=1,
                          initialFontName=fs.body, **info)
    frame = Frame(styles.LEFT, styles.BOTTOM, styles.WIDTH, styles.HEIGHT, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    numbers = partial(draw_page_number, font=fs.number or fs.body)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=numbers)])
    with _build_lock:
        doc.build(story)
    return buf.getvalue(), doc.page
