"""How an update import treats a field the ledger would change (issue #21): 覆盖 (overwrite),
只补空白 (fill only what is empty) or 跳过 (skip), chosen per column and overridable per row.

Lists and free text default to 只补空白 — a ledger naming one 责任单位 must not silently replace
three — and a source citation in 备注 is never dropped, whatever the mode."""
from __future__ import annotations

import re

from db.i18n import QT_TRANSLATE_NOOP

OVERWRITE, FILL, SKIP = "overwrite", "fill", "skip"
MODES = (OVERWRITE, FILL, SKIP)
LABELS = {OVERWRITE: QT_TRANSLATE_NOOP("sheets", "覆盖"), FILL: QT_TRANSLATE_NOOP("sheets", "只补空白"),
          SKIP: QT_TRANSLATE_NOOP("sheets", "跳过")}
CAREFUL = {"responsible_unit_ids", "notes", "summary", "tags", "source_doc", "source_ref", "source_text"}
_CITATION = re.compile(r"《[^》]+》|(来源|出处|依据|引自|见)[:：]")


def default_mode(field_name: str) -> str:
    return FILL if field_name in CAREFUL else OVERWRITE


def _empty(value) -> bool:
    return value in (None, "", [])


def citations(text: str | None) -> list[str]:
    """The lines of a note that cite a source (《…》, 来源：…, 见：…)."""
    return [line for line in (text or "").splitlines() if _CITATION.search(line)]


def resolve(field_name: str, old, new, mode: str):
    """The value to write, or a `SKIP` sentinel (the module-level constant) to leave the field."""
    if mode == SKIP or (mode == FILL and not _empty(old)):
        return SKIP
    if field_name == "notes" and isinstance(new, str):
        kept = [c for c in citations(old) if c not in new]
        if kept:  # never drop a source citation
            return "\n".join([new, *kept]) if new else "\n".join(kept)
    return new
