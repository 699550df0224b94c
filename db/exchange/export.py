"""Export the portfolio, or a slice of it, as a plain SQLite file of the same schema (DESIGN §5).

The file is written in a private work folder (db/store/scratch.py: mode 0700, beside the portfolio,
never in the target's folder): VACUUM INTO for the whole portfolio, a new file of only the slice's
rows for a slice (store/slices.py); then stamped with a manifest and vacuumed (so nothing outside
the slice leaks through free pages), fsynced and renamed into place —
or, when the work folder is on another filesystem, copied beside the target under a temp name
(holding only the slice by then), fsynced and renamed: the target is either absent, the previous
file, or complete, and a killed export leaves nothing outside its slice in the target's folder
(issue 24). What killed exports left is removed at the next export.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import StorageError, UserError
from db.i18n import QT_TRANSLATE_NOOP
from db.model import ATTACHMENT_OWNERS, KINDS
from db.store import blobs, exchange_file, hlc, outputs, scratch, slices, sync
from db.store.connection import fsync_dir, fsync_file
from db.store.schema import SCHEMA_VERSION
from db.unit_slice import unit_slice

if TYPE_CHECKING:
    from db.portfolio import Portfolio

FORMAT = "kechuang-portfolio"
MSG_NO_UNIT = QT_TRANSLATE_NOOP("errors", "没有名为“{name}”的单位，无法按单位导出")
MSG_BAD_CATEGORY = QT_TRANSLATE_NOOP("errors", "没有名为“{name}”的项目类别")
MSG_WRITE = QT_TRANSLATE_NOOP("errors", "无法写入导出文件“{path}”：{detail}")
LOCAL_TABLES_CLEARED = ("merge_history", "merge_conflicts")


def _refs(kind_name: str, rec: dict) -> list[tuple[str, str]]:
    """(kind, id) of every record this record points at."""
    out: list[tuple[str, str]] = []
    for f in KINDS[kind_name].fields:
        if f.ref is None:
            continue
        if f.type == "ref" and rec.get(f.name):
            out.append((f.ref, rec[f.name]))
        elif f.type == "reflist":
            out.extend((f.ref, v) for v in rec.get(f.name) or [])
    return out


def slice_ids(pf: Portfolio, units: Sequence[str] = (), categories: Sequence[str] = (), project_ids: Sequence[str] = (),
              challenge_ids: Sequence[str] = ()) -> dict[str, set[str]] | None:
    """Ids to keep per kind for a slice; None means the whole portfolio."""
    if not (units or categories or project_ids or challenge_ids):
        return None
    unit_by_name = {u["name"]: u["id"] for u in pf.list("units", fields=("name",))}
    wanted_units = set()
    for name in units:
        if name not in unit_by_name:
            raise UserError(MSG_NO_UNIT, name=name)
        wanted_units.add(unit_by_name[name])
    for c in categories:
        if c not in KINDS["projects"].field_named("category").choices:
            raise UserError(MSG_BAD_CATEGORY, name=c)
    keep: dict[str, set[str]] = {k: set() for k in KINDS}
    mine = unit_slice(pf, wanted_units) if wanted_units else None  # the one definition (issue #21)
    if project_ids or categories:  # (a one-unit slice names neither: no project is read for them)
        for p in pf.list("projects", fields=("category",)):
            if p["id"] in project_ids or p["category"] in categories:
                keep["projects"].add(p["id"])
    keep["challenges"] |= set(challenge_ids)
    if mine:
        keep["projects"] |= mine["projects"]
        keep["challenges"] |= mine["challenges"]
        keep["teams"] |= mine["teams"]
    if challenge_ids:
        for t in pf.list("teams", fields=("challenge_id",)):
            if t["challenge_id"] in challenge_ids:
                keep["teams"].add(t["id"])
    _add_dependents(pf, keep)
    if mine:  # milestones the unit owns on others' projects, with their project (not its other milestones)
        keep["milestones"] |= mine["milestones"]
        keep["projects"] |= mine["context_projects"]
        keep["replans"] |= _children(pf, "replans", {"milestone_id": keep["milestones"]})
        keep["problems"] |= mine["problems"]  # those it is responsible for, on anyone's project
        keep["problem_events"] |= _children(pf, "problem_events", {"problem_id": keep["problems"]})
    keep["attachments"] |= attachments_of(pf, keep)  # their files go with them (store/slices.py)
    close_references(pf, keep)
    keep["settings"] = {s["id"] for s in pf.list("settings")}  # colour rules travel with every slice
    return keep


def close_references(pf: Portfolio, keep: dict[str, set[str]]) -> None:
    """Add everything the kept records point at (units, their parents, …), to a fixed point,
    reading only the reference fields, one query per kind and round."""
    pending = {k: set(ids) for k, ids in keep.items() if ids}
    while pending:
        found: dict[str, set[str]] = {}
        for kind, ids in pending.items():
            refs = tuple(f.name for f in KINDS[kind].fields if f.type in ("ref", "reflist"))
            if not refs:
                continue
            for rec in pf.list(kind, id=sorted(ids), include_deleted=True, fields=refs):
                for ref_kind, ref_id in _refs(kind, rec):
                    if ref_id not in keep[ref_kind]:
                        keep[ref_kind].add(ref_id)
                        found.setdefault(ref_kind, set()).add(ref_id)
        pending = found


def _children(pf: Portfolio, kind: str, parents: dict[str, set[str]]) -> set[str]:
    """Ids of `kind` records (tombstones too) whose foreign key field points into a parent set.
    Asked through the foreign-key indexes, so a small slice of a city portfolio reads little."""
    wanted = {fk: ids for fk, ids in parents.items() if ids}
    if not wanted:
        return set()
    found: set[str] = set()
    for fk, ids in wanted.items():
        by_key: dict[str, Any] = {fk: sorted(ids)}
        found.update(r["id"] for r in pf.list(kind, include_deleted=True, fields=(), **by_key))
    return found


def attachments_of(pf: Portfolio, keep: dict[str, set[str]]) -> set[str]:
    """The attachments (tombstones too) of the kept records."""
    owners = {f: KINDS["attachments"].field_named(f).ref for f in ATTACHMENT_OWNERS}
    return _children(pf, "attachments", {f: keep[ref] for f, ref in owners.items() if ref is not None})


def _add_dependents(pf: Portfolio, keep: dict[str, set[str]]) -> None:
    """Children of kept records: milestones and their slip log, events, reviews, tranches, the
    projects' problems and their history."""
    keep["challenge_events"] |= _children(pf, "challenge_events", {"challenge_id": keep["challenges"]})
    keep["milestones"] |= _children(pf, "milestones", {"project_id": keep["projects"], "team_id": keep["teams"]})
    keep["replans"] |= _children(pf, "replans", {"milestone_id": keep["milestones"]})
    for kind in ("reviews", "tranches"):
        keep[kind] |= _children(pf, kind, {"team_id": keep["teams"]})
    keep["problems"] |= _children(pf, "problems", {"project_id": keep["projects"]})
    keep["problem_events"] |= _children(pf, "problem_events", {"problem_id": keep["problems"]})


def export(pf: Portfolio, target: Path, *, units: Sequence[str] = (), categories: Sequence[str] = (),
           project_ids: Sequence[str] = (), challenge_ids: Sequence[str] = ()) -> dict:
    """Write the portfolio (or a slice) to `target`; returns the manifest written."""
    keep = slice_ids(pf, units, categories, project_ids, challenge_ids)
    return write_file(pf, Path(target), keep, {
        "filter": json.dumps({"units": list(units), "categories": list(categories),
                              "projects": list(project_ids), "challenges": list(challenge_ids)},
                             ensure_ascii=False)})


def write_file(pf: Portfolio, target: Path, keep: dict[str, set[str]] | None, extra: dict) -> dict:
    """Write the records in `keep` (None: all) to `target` atomically, the manifest holding `extra`."""
    target, manifest = _prepare(pf, target, extra)
    with _writing(target), scratch.work_dir(pf.path) as work:
        tmp = work / "export.sqlite"
        with pf.read() as db:
            if keep is None:
                slices.copy_compact(db, tmp)
            else:  # only the slice's rows are ever written (not the whole file, then cut)
                slices.copy_slice(pf.path, tmp, keep, LOCAL_TABLES_CLEARED)
        _trim(tmp, manifest, pf)
        fsync_file(tmp)
        _move_into_place(tmp, target)
    return manifest


def write_rows_file(pf: Portfolio, target: Path, keep: dict[str, set[str]], extra: dict) -> dict:
    """Like write_file, for a few records (a changeset): a fresh file of our schema holding only
    the kept rows as stored, the attached files the live ones name and our watermarks — built
    from those rows, not cut from a copy of the whole portfolio (which cost the whole file at
    every sync round). Nothing else of ours is in it (no local tables, no meta but the site)."""
    target, manifest = _prepare(pf, target, extra)
    with pf.read() as db:
        rows = {k: [dict(r) for r in sync.raw_rows(db, KINDS[k], sorted(ids)).values()] for k, ids in keep.items()}
        named = {r["sha256"] for r in rows.get("attachments", []) if not r["deleted"]}
        files = blobs.full(db, named)
        peers = sync.watermarks(db)
    if pf.site_id:
        peers[pf.site_id] = manifest["max_clock"]
    manifest["counts"] = json.dumps({k.name: sum(1 for r in rows.get(k.name, []) if not r["deleted"])
                                     for k in KINDS.values()})
    with _writing(target), scratch.work_dir(pf.path) as work:
        tmp = work / "export.sqlite"
        exchange_file.write_new(tmp, manifest, peers, rows, files)
        fsync_file(tmp)
        _move_into_place(tmp, target)
    return manifest


def _prepare(pf: Portfolio, target: Path, extra: dict) -> tuple[Path, dict]:
    """The checked target and the manifest; a missing folder is said before any work is done."""
    target = outputs.check_target(target, database=True)
    manifest = {
        "format": FORMAT, "format_version": str(SCHEMA_VERSION), "source_site": pf.site_id,
        "source_file": pf.path.name, "exported_at": pf.stamp(),
        "max_clock": pf.clock.last if pf.site_id else hlc.BUILTIN_HLC, **extra,
    }
    if not target.parent.is_dir():
        raise UserError(MSG_WRITE, path=str(target), detail=os.strerror(errno.ENOENT))
    scratch.remove_stale_partials(target.parent)
    return target, manifest


@contextlib.contextmanager
def _writing(target: Path):
    """A failure writing the export's file (a full disk, no permission) is the user's to fix, named by
    that file — not the portfolio's."""
    try:
        yield
    except OSError as exc:
        raise UserError(MSG_WRITE, path=str(target), detail=exc.strerror or str(exc)) from exc
    except StorageError as exc:
        cause = exc.__cause__
        if (getattr(cause, "sqlite_errorname", "") or "").startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
            raise UserError(MSG_WRITE, path=str(target), detail=str(cause)) from exc
        raise


def _trim(tmp: Path, manifest: dict, pf: Portfolio) -> None:
    """Finish the copy (it holds only the slice already): local tables emptied, the manifest
    stamped, VACUUMed (store/slices.py)."""
    slices.trim(tmp, manifest, pf.site_id, LOCAL_TABLES_CLEARED)


def _same_filesystem(a: Path, b: Path) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


def _move_into_place(tmp: Path, target: Path) -> None:
    """Rename the finished, synced file onto the target; when the work folder is on another
    filesystem, copy it beside the target under a temp name first (it holds only the slice
    now), sync that and rename it. Either way the target is the old file or the new one."""
    if _same_filesystem(tmp.parent, target.parent):
        try:
            os.replace(tmp, target)
            fsync_dir(target.parent)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
    beside = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        shutil.copyfile(tmp, beside)
        fsync_file(beside)
        os.replace(beside, target)
    except BaseException:
        with contextlib.suppress(OSError):
            beside.unlink()
        raise
    fsync_dir(target.parent)
