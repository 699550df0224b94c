"""Reviewing merge conflicts: keep the value that won, or put back the one that lost.

Putting back the losing value is a new edit through the write path (a newer clock), so the choice
travels to every office with the next exchange. Either way the conflict is marked resolved.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import TYPE_CHECKING

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.store import hlc, sync
from db.store.changes import Changes, Op, Update
from db.store.records import label

if TYPE_CHECKING:
    from db.portfolio import Portfolio

MSG_GONE = QT_TRANSLATE_NOOP("errors", "冲突记录已处理或不存在")
HERE = QT_TRANSLATE_NOOP("conflicts", "本机")
FROM_FILE = QT_TRANSLATE_NOOP("conflicts", "{file}（对方）")
OTHER = QT_TRANSLATE_NOOP("conflicts", "其他单位")
KEEP = ("winner", "loser")


def open_conflicts(pf: Portfolio) -> list[dict]:
    out = []
    with pf.read() as db:
        rows = sync.open_conflicts(db)
    for row in rows:
        kind = KINDS.get(row[1])
        rec = pf.get(row[1], row[2], include_deleted=True) if kind else None
        f = kind.field(row[3]) if kind else None
        if kind is None or rec is None or f is None:
            continue
        out.append({"id": row[0], "kind": row[1], "record_id": row[2], "field": row[3],
                    "field_label": tr(f.label), "record": label(kind, rec),
                    "winner": json.loads(row[4]), "loser": json.loads(row[5]),
                    "current": rec.get(row[3]), "merged_at": row[8], "source_file": row[9],
                    **_writers(pf, row[6], row[9])})
    return out


def _writers(pf: Portfolio, winner_clock: str, source_file: str | None) -> dict[str, str]:
    """Who wrote which value: this office or the office whose file was merged in (named by its
    file). A conflict is between the two, so the loser was written by the side the winner was not.
    (The winner's clock tells its site; the loser's recorded clock is not reliable for that.)"""
    try:
        ours = hlc.parse(winner_clock)[2] in (pf.site_id, pf.clock.site)
    except ValueError:
        return {"winner_from": tr(OTHER), "loser_from": tr(OTHER)}
    theirs = tr(FROM_FILE, file=PurePath(source_file).name) if source_file else tr(OTHER)
    return {"winner_from": tr(HERE) if ours else theirs, "loser_from": theirs if ours else tr(HERE)}


def resolution_ops(pf: Portfolio, conflict_id: str, keep: str) -> list[Op]:
    """Ops for a choice: nothing to write when keeping the winner, an edit back to the loser otherwise."""
    found = [c for c in open_conflicts(pf) if c["id"] == conflict_id]
    if not found or keep not in KEEP:
        raise UserError(MSG_GONE)
    c = found[0]
    if keep == "winner" or c["current"] == c["loser"]:
        return []
    return [Update(c["kind"], c["record_id"], {c["field"]: c["loser"]})]


def mark_resolved(pf: Portfolio, conflict_id: str, keep: str) -> None:
    with pf.write("resolve conflict") as db:
        sync.mark_resolved(db, conflict_id, keep)


def resolve(pf: Portfolio, conflict_id: str, keep: str) -> Changes:
    """Keep the winner or put back the loser (verbatim: it was valid where it was made), and mark
    the conflict resolved — one transaction. Returns what changed (the record, when put back)."""
    ops = resolution_ops(pf, conflict_id, keep)
    with pf.write("resolve conflict") as db:
        changes = pf.writer.apply(ops, undo=True) if ops else Changes()
        sync.mark_resolved(db, conflict_id, keep)
    return changes


def merge_history(pf: Portfolio) -> list[dict]:
    with pf.read() as db:
        rows = sync.merge_history(db)
    return [{"id": r[0], "merged_at": r[1], "source_file": r[2], "source_site": r[3], "backup_file": r[4],
             "summary": json.loads(r[5])} for r in rows]
