"""Reviewing merge conflicts: keep the value that won, or put back the one that lost.

Putting back the losing value is a new edit through the write path (a newer clock), so the choice
travels to every office with the next exchange. Either way the conflict is marked resolved.
"""
from __future__ import annotations

import json

from db.store.changes import Op, Update
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.store.records import label

MSG_GONE = QT_TRANSLATE_NOOP("errors", "冲突记录已处理或不存在")
KEEP = ("winner", "loser")


def open_conflicts(pf) -> list[dict]:
    out = []
    for row in pf.conn.execute(
            "SELECT c.id, c.tbl, c.row_id, c.col, c.winner_value, c.loser_value, c.winner_hlc, c.loser_hlc, "
            "h.merged_at, h.source_file FROM merge_conflicts c LEFT JOIN merge_history h ON h.id = c.merge_id "
            "WHERE c.resolution IS NULL ORDER BY h.merged_at, c.rowid"):
        kind = KINDS.get(row[1])
        rec = pf.get(row[1], row[2], include_deleted=True) if kind else None
        if kind is None or rec is None or kind.field(row[3]) is None:
            continue
        out.append({"id": row[0], "kind": row[1], "record_id": row[2], "field": row[3],
                    "field_label": tr(kind.field(row[3]).label), "record": label(kind, rec),
                    "winner": json.loads(row[4]), "loser": json.loads(row[5]),
                    "current": rec.get(row[3]), "merged_at": row[8], "source_file": row[9]})
    return out


def resolution_ops(pf, conflict_id: str, keep: str) -> list[Op]:
    """Ops for a choice: nothing to write when keeping the winner, an edit back to the loser otherwise."""
    found = [c for c in open_conflicts(pf) if c["id"] == conflict_id]
    if not found or keep not in KEEP:
        raise UserError(MSG_GONE)
    c = found[0]
    if keep == "winner" or c["current"] == c["loser"]:
        return []
    return [Update(c["kind"], c["record_id"], {c["field"]: c["loser"]})]


def mark_resolved(pf, conflict_id: str, keep: str) -> None:
    with pf._mutex:
        pf.conn.execute("UPDATE merge_conflicts SET resolution=? WHERE id=?", (keep, conflict_id))


def merge_history(pf) -> list[dict]:
    return [{"id": r[0], "merged_at": r[1], "source_file": r[2], "source_site": r[3], "backup_file": r[4],
             "summary": json.loads(r[5])}
            for r in pf.conn.execute("SELECT id, merged_at, source_file, source_site, backup_file, summary "
                                     "FROM merge_history ORDER BY merged_at DESC, rowid DESC")]
