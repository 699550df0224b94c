"""Changesets: an exchange file holding only what a receiver does not have yet (DESIGN §5, §9).

Same file format as a full export (the same schema, checked and merged by the same merge); its
manifest's `changeset` says what it covers: `since` (per site, the clock up to which the receiver
is taken to have that site's cells) and `upto` (the sender's watermarks). A receiver that had
everything up to `since` of a site has everything up to `upto` of it once merged, and only then
records that site as seen further (merge.py); a changeset read out of order moves no watermark.

Two ways to choose the records:
- for one peer (`kechuang export --since-last PEER`): every record holding a cell that peer has
  not acknowledged — its watermarks as reported in the last file of theirs we merged;
- this site's own edits since a clock (the exchange folder and the hub): every record holding a
  cell this site wrote after `since`; each site publishes its own edits, and every site reads all.

Records the chosen ones point at travel with them (unchanged), so a changeset never dangles.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError
from db.exchange.export import close_references, write_rows_file
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS
from db.store import sync, sync_state

if TYPE_CHECKING:
    from db.portfolio import Portfolio

MSG_NO_PEER = QT_TRANSLATE_NOOP("errors", "从未收到过站点“{peer}”的文件，无法导出增量（已知站点：{known}）")
MSG_AMBIGUOUS = QT_TRANSLATE_NOOP("errors", "站点编号“{peer}”不唯一，请写全（可能是：{known}）")


def known_peers(pf: Portfolio) -> list[str]:
    with pf.read() as db:
        return sorted(set(sync.watermarks(db)) | set(sync_state.peers_with_acks(db)))


def resolve_peer(pf: Portfolio, peer: str) -> str:
    """A peer's site id from its full id or a unique beginning of it (at least 4 characters)."""
    known = known_peers(pf)
    hits = [s for s in known if s == peer] or ([s for s in known if s.startswith(peer)] if len(peer) >= 4 else [])
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise UserError(MSG_AMBIGUOUS, peer=peer, known=", ".join(hits))
    raise UserError(MSG_NO_PEER, peer=peer, known=", ".join(known) or "—")


def local_marks(pf: Portfolio) -> dict[str, str]:
    with pf.read() as db:
        marks = sync.watermarks(db)
    if pf.site_id:
        marks[pf.site_id] = pf.clock.last
    return marks


def ids_beyond(pf: Portfolio, marks: dict[str, str], only_site: str | None = None) -> dict[str, set[str]]:
    with pf.read() as db:
        return {k: set(sync_state.rows_with_cells_beyond(db, k, marks, only_site)) for k in KINDS}


def peer_acks(pf: Portfolio, peer: str) -> dict[str, str]:
    with pf.read() as db:
        return sync_state.acks(db, peer) or {}


def for_peer(pf: Portfolio, peer: str) -> tuple[dict[str, set[str]], dict]:
    """(records to send, changeset description) for what `peer` has not acknowledged."""
    peer = resolve_peer(pf, peer)
    acks = peer_acks(pf, peer)
    keep = ids_beyond(pf, acks)
    changed = sum(len(v) for v in keep.values())
    close_references(pf, keep)
    return keep, {"since": acks, "upto": local_marks(pf), "peer": peer, "changed": changed}


def own_since(pf: Portfolio, since: str) -> tuple[dict[str, set[str]], dict]:
    """(records to send, changeset description) for this site's own edits after `since`."""
    keep = ids_beyond(pf, {pf.site_id: since}, only_site=pf.site_id)
    changed = sum(len(v) for v in keep.values())
    close_references(pf, keep)
    return keep, {"since": {pf.site_id: since}, "upto": {pf.site_id: pf.clock.last}, "changed": changed}


def write(pf: Portfolio, target: Path, keep: dict[str, set[str]], description: dict, **extra) -> dict:
    """Write a changeset file atomically (from its rows: no copy of the whole file); returns its manifest."""
    return write_rows_file(pf, Path(target), keep, {"changeset": json.dumps(description, ensure_ascii=False,
                                                                              sort_keys=True), **extra})


def export_since_last(pf: Portfolio, target: Path, peer: str) -> dict:
    keep, description = for_peer(pf, peer)
    return write(pf, target, keep, description)

