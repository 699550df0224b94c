"""The exchange folder (交换文件夹): sites connected by one shared folder any sync tool carries —
Syncthing, a network share, a sync disk — with no server and no file conflicts (DESIGN §5, §9).

    DIR/<site id>/00000001-<clock>.sqlite, 00000002-<clock>.sqlite, …

Each site writes only into its own subfolder: its own edits since its previous changeset (see
changeset.own_since), numbered, written to a temp file and renamed into place. It reads every
other site's subfolder in sequence order and merges each changeset it has no receipt for with the
same merge as any received file (untrusted, checked the same way); the receipt is written in the
merge's own transaction, so a crash leaves the changeset either merged and receipted or neither.
A file still being copied in (shorter than its header says, or no header yet) is left for the
next round, and the site's later changesets wait behind it, so watermarks only move in order.
A file that is complete but refused gets a receipt saying why and is not tried again.
Running a round twice changes nothing: no new edits, no new file; every file already receipted.
Each round also publishes the site's receipts beside its changesets and deletes its own files
every other site has receipted (folder_receipts.py), so the folder does not grow forever.
"""
from __future__ import annotations

import functools
import re
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError
from db.exchange import changeset, folder_receipts
from db.exchange.merge import merge
from db.exchange.sync_round import SyncReport
from db.i18n import QT_TRANSLATE_NOOP
from db.store import backups, hlc, sync_state
from db.store.received import MAGIC, RefusedFile

if TYPE_CHECKING:
    from db.portfolio import Portfolio

# <sequence>-<the sender's clock when it wrote the file>.sqlite: merging every site's pending files
# in clock order merges them in causal order (a site that had merged another's changeset wrote its
# own later by clock), so a site that sees two concurrent edits only second-hand records no conflict
# of its own — the one conflict entry is at the site that merged the other's edit over its own
NAME_RE = re.compile(r"^([0-9]{8})-([0-9]{13}-[0-9a-f]{4}-[0-9a-f]{16})\.sqlite\Z")
MSG_NO_FOLDER = QT_TRANSLATE_NOOP("errors", "找不到交换文件夹“{path}”")
MSG_FOLDER_IO = QT_TRANSLATE_NOOP("errors", "无法使用交换文件夹“{path}”：{detail}")
MSG_NO_SITE = QT_TRANSLATE_NOOP("errors", "内置组合文件没有站点编号，不能参与同步；请先另存为自己的组合文件")


def is_complete(path: Path) -> bool:
    """Has the whole file arrived? (its SQLite header says how long it is; a copy in progress is
    shorter, or has no header yet). Anything else wrong is for the merge's checks to refuse."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    if len(head) < 100:
        return False
    if head[:16] != MAGIC:
        return True  # not a portfolio file at all: let the check refuse it
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", head[28:32])[0]
    return page_count * page_size <= size


def _receipts(pf: Portfolio) -> dict:
    with pf.read() as db:
        value = sync_state.get(db, "folder.received", {})
    return value if isinstance(value, dict) else {}


def _write_receipt(db, site: str, seq: int, refused: str | None = None) -> None:
    receipts = sync_state.get(db, "folder.received", {})
    entry = receipts.setdefault(site, {"seq": 0})
    entry["seq"] = max(entry.get("seq", 0), seq)
    if refused:
        entry.setdefault("refused", {})[str(seq)] = refused
    sync_state.put(db, "folder.received", receipts)


def publish(pf: Portfolio, mine: Path, report: SyncReport) -> None:
    """Write this site's edits since its previous changeset as the next numbered file (if any)."""
    with pf.read() as db:
        sent = sync_state.get(db, "folder.sent", {}) or {}
    seq = max(int(sent.get("seq", 0)), folder_receipts.numbers_taken(mine.parent, pf.site_id, _changesets(mine))) + 1
    keep, description = changeset.own_since(pf, sent.get("upto", ""))
    if not description["changed"]:
        return
    target = mine / f"{seq:08d}-{description['upto'][pf.site_id]}.sqlite"
    # a crash after the rename but before the note below rewrites the same number next time with a
    # superset (the same `since`), so a site that merged the first version loses nothing
    changeset.write(pf, target, keep, description, sequence=str(seq))
    with pf.write("exchange folder: sent") as db:
        sync_state.put(db, "folder.sent", {"seq": seq, "upto": description["upto"][pf.site_id]})
    report.sent.append(f"{pf.site_id}/{target.name}")


def _changesets(sub: Path) -> list[tuple[int, str, Path]]:
    """(seq, clock, path) of a site's changesets, in sequence order."""
    return sorted((int(m.group(1)), m.group(2), p) for p in sub.iterdir() if (m := NAME_RE.match(p.name)))


def _incoming(folder: Path, me: str) -> list[tuple[str, list[tuple[int, str, Path]]]]:
    return [(site, _changesets(folder / site)) for site in folder_receipts.other_sites(folder, me)]


def _ready(pf: Portfolio, folder: Path, report: SyncReport) -> tuple[list[tuple[str, str, int, Path]], dict]:
    """(clock, site, seq, path) of every changeset to merge now: per site, the ones after its
    receipt, complete and without a gap (but for one its site pruned and we hold already); in
    clock order across sites. Also {site: seq} of pruned gaps skipped."""
    receipts = _receipts(pf)
    ready, skipped = [], {}
    for site, files in _incoming(folder, pf.site_id):
        done = int((receipts.get(site) or {}).get("seq", 0))
        pending = [f for f in files if f[0] > done]
        if not pending:  # nothing to merge; but say so if the site pruned what we lack
            folder_receipts.skip_gap(pf, folder, site, done, None, report)
        for seq, clock, path in pending:
            if seq > done + 1:  # a gap: pruned (and held here already), or a file still arriving
                after = folder_receipts.skip_gap(pf, folder, site, done, seq, report)
                if after < 0:
                    break  # pruned past what we hold: nothing more of this site (report.stranded says why)
                if after > done:
                    skipped[site] = done = after
            if seq != done + 1 or not is_complete(path):
                report.waiting.append(f"{site}/{path.name}")
                break
            ready.append((clock, site, seq, path))
            done = seq
    return sorted(ready), skipped


def collect(pf: Portfolio, folder: Path, report: SyncReport) -> None:
    """Merge every other site's changesets we hold no receipt for."""
    ready, skipped = _ready(pf, folder, report)
    if skipped:
        with pf.write("exchange folder: pruned gap skipped") as db:
            for site, seq in skipped.items():
                _write_receipt(db, site, seq)
    taken = backups.sync_backup(pf) if ready else None  # one a day, not one a round
    for _clock, site, seq, path in ready:
        name = f"{site}/{path.name}"
        try:
            result = merge(pf, path, backup=False, taken=taken,
                           after=functools.partial(_write_receipt, site=site, seq=seq))
        except RefusedFile as exc:
            with pf.write("exchange folder: refused") as db:
                _write_receipt(db, site, seq, refused=str(exc))
            report.refused.append((name, str(exc)))
        else:
            report.add(name, result)


def acknowledge(pf: Portfolio, folder: Path, prune: bool, keep_days: int, report: SyncReport) -> None:
    """Publish what we have merged; delete our own changesets every other site has."""
    received = {site: int(entry.get("seq", 0)) for site, entry in _receipts(pf).items()
                if isinstance(entry, dict) and hlc.SITE_RE.match(site)}
    mine = folder / pf.site_id
    folder_receipts.publish(pf, mine, received)
    if prune:
        folder_receipts.prune(pf, folder, _changesets(mine), received, report, keep_days)


def sync_folder(pf: Portfolio, folder: Path, prune: bool = True,
                keep_days: int = folder_receipts.KEEP_DAYS) -> SyncReport:
    """One round: merge everyone else's changes, publish ours and our receipts, prune what every
    site has and is `keep_days` old (unless `prune` is False). Safe to repeat and to interrupt."""
    pf.require_writable()
    if not pf.site_id:
        raise UserError(MSG_NO_SITE)
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(MSG_NO_FOLDER, path=str(folder))
    pf.settle_site()  # a plain copy takes its own site id now, not midway through the round
    report = SyncReport()
    try:
        mine = folder / pf.site_id
        mine.mkdir(exist_ok=True)
        collect(pf, folder, report)  # first: what we publish then tells the others we have theirs
        publish(pf, mine, report)
        acknowledge(pf, folder, prune, keep_days, report)
    except OSError as exc:
        raise UserError(MSG_FOLDER_IO, path=str(folder), detail=exc.strerror or str(exc)) from exc
    return report
