"""Pruning the exchange folder: each site publishes what it has merged, and deletes its own
changesets once every site in the folder has them (DESIGN §5, second wave).

    DIR/<site id>/receipts.json   {"format": …, "site": <that site>, "received": {<site>: <seq>, …},
                                   "pruned": {"through": <seq>, "upto": <its clock at that seq>}}

Written by its site only (temp file + rename, rewritten only when it changes, so a sync tool
carries nothing new after an idle round). Read as untrusted: anything malformed is ignored with
the reason logged, and a site whose receipts cannot be read has acknowledged nothing, so nothing
is pruned on its account. A site deletes only its own files, only those every other site's
receipts cover and that are a week old (KEEP_DAYS: a site that undoes a merge or restores a
backup within it merges them again), and notes how far it pruned (locally, then in its
receipts) before deleting.

A site that joins later from an old copy finds a gap in another site's numbering. It skips the
gap only when its own watermark of that site already reaches the clock the pruned files went up
to (it holds their cells already, from the copy or a full file merged since); otherwise it merges
nothing more of that site and says to fetch a fresh copy of the office's file.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import QT_TRANSLATE_NOOP, tr
from db.store import hlc, sync, sync_state
from db.store.files import write_atomically

if TYPE_CHECKING:
    from db.exchange.sync_round import SyncReport
    from db.portfolio import Portfolio

log = logging.getLogger(__name__)
RECEIPTS = "receipts.json"
FORMAT = "kechuang-folder-receipts"
MAX_BYTES = 1 << 20  # receipts of a few thousand sites; anything bigger is not ours
KEEP_DAYS = 7
MSG_WRITE = QT_TRANSLATE_NOOP("errors", "无法写入交换文件夹中的回执“{path}”：{detail}")
MSG_STRANDED = QT_TRANSLATE_NOOP(
    "errors", "站点 {site} 已从交换文件夹清理了本文件尚未合并的变更集（至第 {through} 号）：请向办公室要一份最新的组合"
              "文件（完整导出），用“合并”并入本文件后再同步")


@dataclass(frozen=True)
class Receipts:
    received: dict[str, int]   # site → the highest sequence number of it merged (or refused)
    pruned_through: int        # this site deleted its own changesets 1..pruned_through
    pruned_upto: str           # … which held its edits up to this clock


def _check(data, site: str) -> tuple[Receipts | None, str]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None, "not a receipts file"
    if data.get("site") != site:
        return None, f"names site {str(data.get('site'))[:40]!r}, not its folder's"
    received = data.get("received")
    if not isinstance(received, dict) or not all(
            isinstance(k, str) and hlc.SITE_RE.match(k) and type(v) is int and v >= 0 for k, v in received.items()):
        return None, "bad 'received'"
    pruned = data.get("pruned")
    if not isinstance(pruned, dict):
        return None, "bad 'pruned'"
    through, upto = pruned.get("through"), pruned.get("upto")
    if type(through) is not int or through < 0 or not (through == 0 or hlc.is_valid(upto)):
        return None, "bad 'pruned'"
    return Receipts(dict(received), through, upto or ""), ""


def read(folder: Path, site: str) -> Receipts | None:
    """A site's published receipts, or None (absent, or malformed: the reason goes to the log)."""
    path = folder / site / RECEIPTS
    if path.exists() and not path.is_file():  # a FIFO would block the round, a folder is not ours
        log.warning("exchange folder: ignoring %s: not a regular file", path)
        return None
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("exchange folder: ignoring %s: %s", path, exc)
        return None
    if len(raw) > MAX_BYTES:
        log.warning("exchange folder: ignoring %s: larger than %d bytes", path, MAX_BYTES)
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        log.warning("exchange folder: ignoring %s: not JSON (%s)", path, str(exc)[:80])
        return None
    found, why = _check(data, site)
    if found is None:
        log.warning("exchange folder: ignoring %s: %s", path, why)
    return found


def own_pruned(pf: Portfolio, folder: Path) -> tuple[int, str]:
    """How far this site has pruned: as noted in the file, or as published (a file restored from
    a backup has an older note — what it published then still holds)."""
    with pf.read() as db:
        value = sync_state.get(db, "folder.pruned", {})
    value = value if isinstance(value, dict) else {}
    noted = (int(value.get("through") or 0), str(value.get("upto") or ""))
    published = read(folder, pf.site_id)
    return max(noted, (published.pruned_through, published.pruned_upto) if published else (0, ""))


def numbers_taken(folder: Path, me: str, own_files: list[tuple[int, str, Path]]) -> int:
    """The highest sequence number of this site anyone may have seen: its files in the folder and
    what it published as pruned. A file restored from a backup numbers on from there, so no site
    takes a new changeset for one it already merged. (Not others' receipts of it: a forged one
    would open a gap nothing explains.)"""
    published = read(folder, me)
    return max([seq for seq, _clock, _path in own_files] + [published.pruned_through if published else 0])


def publish(pf: Portfolio, mine: Path, received: dict[str, int]) -> None:
    """Write this site's receipts beside its changesets (only when they changed)."""
    through, upto = own_pruned(pf, mine.parent)
    text = json.dumps({"format": FORMAT, "site": pf.site_id, "received": received,
                       "pruned": {"through": through, "upto": upto}}, sort_keys=True, indent=1) + "\n"
    path = mine / RECEIPTS
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), MSG_WRITE)


def other_sites(folder: Path, me: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != me and hlc.SITE_RE.match(p.name) and p.is_dir())


def prune(pf: Portfolio, folder: Path, own_files: list[tuple[int, str, Path]], received: dict[str, int],
          report: SyncReport, keep_days: int = KEEP_DAYS) -> None:
    """Delete this site's changesets that every other site in the folder has receipted and that
    are older than `keep_days` (by this portfolio's clock): a site that restores a backup or
    undoes a merge within that time finds them still there and merges them again.
    `own_files`: (seq, clock, path) of this site's changesets, as in folder.py."""
    me = pf.site_id
    acked = []
    for site in other_sites(folder, me):
        theirs = read(folder, site)
        if theirs is None:
            return  # a site that has published no readable receipts has acknowledged nothing
        acked.append(theirs.received.get(me, 0))
    if not acked:
        return  # nobody else yet: a site joining later will need them
    with pf.read() as db:
        sent = int((sync_state.get(db, "folder.sent", {}) or {}).get("seq", 0))
    # never past what this site has itself written (a receipt claiming more is not believed)
    covered = min(min(acked), sent)
    # the file's hybrid clock never runs behind what it stamped: a system clock set back (or a process
    # restarted under a moved clock) does not make its own files look young forever
    now_ms = max(int(pf.now().timestamp() * 1000), pf.clock.wall)
    cutoff = now_ms - max(0, keep_days) * 86_400_000
    gone = []
    for seq, clock, path in own_files:
        if seq > covered or hlc.parse(clock)[0] > cutoff:
            break  # numbers and clocks rise together: what is pruned is always 1..n
        gone.append((seq, clock, path))
    if not gone:
        return
    through, upto = own_pruned(pf, folder)
    seq, clock, _ = max(gone)
    if seq > through:
        with pf.write("exchange folder: pruned") as db:
            sync_state.put(db, "folder.pruned", {"through": seq, "upto": max(clock, upto)})
    publish(pf, folder / me, received)  # say how far first: a joiner then never sees an unexplained gap
    for _seq, _clock, path in gone:
        path.unlink(missing_ok=True)
        report.pruned.append(f"{me}/{path.name}")


def skip_gap(pf: Portfolio, folder: Path, site: str, done: int, first: int | None, report: SyncReport) -> int:
    """Where to carry on with `site`'s changesets when the next one after `done` is missing and
    `first` (None: none at all) is the lowest one present: after the gap, when the site says it
    pruned it and this file already holds what it held; else `done` (a file may still be on its
    way), or -1 with a message saying what to do. Never past a file that is there, never ahead of
    the files at all: a forged receipts file can make us skip only what is really gone."""
    theirs = read(folder, site)
    if theirs is None or theirs.pruned_through <= done:
        return done  # no gap explained by pruning: a file may still be on its way
    with pf.read() as db:
        seen = sync.watermarks(db).get(site, "")
    if seen < theirs.pruned_upto:
        report.stranded.append((site, tr(MSG_STRANDED, site=site, through=theirs.pruned_through)))
        return -1
    return done if first is None else max(done, min(theirs.pruned_through, first - 1))
