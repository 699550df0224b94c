"""Sync through a PostgreSQL hub (DESIGN §5, second wave): the desktop stays offline-first on its
SQLite file; when the hub is reachable, a round pulls everyone else's changesets after its cursor
and pushes its own edits since its last push — the same changesets as the exchange folder, merged
by the same merge, checked as untrusted exactly like a received file.

- Pull: the hub hands out changesets in the order it accepted them (a server-assigned cursor).
  Each is written to a private temp file in the exchange format and merged; the new cursor is
  stored in the merge's own transaction, so a kill leaves it merged-and-noted or neither.
- Push: the changeset to send (its sequence number and clock range) is noted locally first; the
  hub stores (site, seq) once — a retried push after a kill finds it there and changes nothing;
  only then is the push noted as done. Edits made meanwhile go in the next push.
- The office's first push is its whole portfolio, built-in records too (so every record is on the
  hub with its owners before any unit writes);
  a unit's pushes hold only its own edits, which the hub's row-level security checks.
- The hub down: the round stops with one clear line (report.offline); nothing local changed
  except what was merged before it went away; the next round catches up.
"""
from __future__ import annotations

import functools
import hashlib
import json
import tempfile
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError
from db.exchange import changeset
from db.exchange.export import FORMAT, _refs
from db.exchange.merge import merge
from db.exchange.sync_round import SyncReport
from db.i18n import QT_TRANSLATE_NOOP
from db.model import KINDS
from db.store import blobs, exchange_file, sync, sync_state
from db.store import hub as door
from db.store.received import RefusedFile
from db.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from db.portfolio import Portfolio

MSG_NO_DRIVER = QT_TRANSLATE_NOOP("errors", "未安装 PostgreSQL 驱动 psycopg，无法使用同步中心")
MSG_REFUSED = QT_TRANSLATE_NOOP("errors", "同步中心拒绝了本次上传（本单位账号只能修改本单位的记录）：{detail}")
MSG_NOT_INIT = QT_TRANSLATE_NOOP("errors", "同步中心尚未初始化，请先运行 kechuang hub init")
MSG_OLD_HUB = QT_TRANSLATE_NOOP("errors", "同步中心的结构是旧版本（{version}，本程序需要 {needed}），请先运行 kechuang hub init 升级")
MSG_NEWER_HUB = QT_TRANSLATE_NOOP("errors", "同步中心中有更新版本程序写入的数据（{kind}），请先升级本程序")
MSG_NO_SITE = QT_TRANSLATE_NOOP("errors", "内置组合文件没有站点编号，不能参与同步；请先另存为自己的组合文件")
# parents before children, so the hub knows a record's owners before its children's
PUSH_ORDER = ("units", "projects", "challenges", "challenge_events", "teams", "milestones", "replans",
              "reviews", "tranches", "indicators", "indicator_values", "problems", "problem_events",
              "attachments", "settings")


def _driver_errors():
    try:
        import psycopg
    except ImportError as exc:
        raise UserError(MSG_NO_DRIVER) from exc
    return psycopg


def hub_key(url: str) -> str:
    """Which hub the local state belongs to: host, port and database (not the user or password)."""
    p = urllib.parse.urlparse(url)
    ident = f"{p.hostname or ''}:{p.port or ''}/{p.path.lstrip('/')}?{p.query}"
    return "hub." + hashlib.sha1(ident.encode()).hexdigest()[:12]


def _state(pf: Portfolio, key: str) -> dict:
    with pf.read() as db:
        value = sync_state.get(db, key, {})
    return value if isinstance(value, dict) else {}


def _put_state(db, key: str, **changes) -> None:
    value = sync_state.get(db, key, {}) or {}
    value.update(changes)
    sync_state.put(db, key, value)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def sync_hub(pf: Portfolio, url: str) -> SyncReport:
    pf.require_writable()
    if not pf.site_id:
        raise UserError(MSG_NO_SITE)
    pf.settle_site()  # a plain copy takes its own site id now, not midway through the round
    psycopg = _driver_errors()
    report = SyncReport()
    key = hub_key(url)
    try:
        with door.connect(url) as conn:
            hub_version, needed = door.version(conn), len(door.hub_steps())
            if hub_version == 0:
                raise UserError(MSG_NOT_INIT)
            if hub_version < needed:  # its ownership rules would not know this version's kinds
                raise UserError(MSG_OLD_HUB, version=hub_version, needed=needed)
            pull(pf, conn, key, report)
            push(pf, conn, key, report)
            door.note_cursor(conn, pf.site_id, int(_state(pf, key).get("cursor", 0)))  # for `hub compact`
    except psycopg.errors.InsufficientPrivilege as exc:
        raise UserError(MSG_REFUSED, detail=_one_line(exc)) from exc
    except psycopg.OperationalError as exc:
        report.offline = _one_line(exc)
    return report


# -- pull ---------------------------------------------------------------------------------
def _rows_by_kind(items) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for kind, rid, data in items:
        if kind not in KINDS:
            raise UserError(MSG_NEWER_HUB, kind=str(kind)[:40])
        if not isinstance(data, dict) or not isinstance(data.get("values"), dict):
            data = {"values": {}}
        row = {"id": rid, **data["values"], "deleted": data.get("deleted"), "created_hlc": data.get("created_hlc"),
               "cell_clocks": data.get("cell_clocks")}
        out.setdefault(kind, {})[rid] = row
    return out


def _decoded_refs(kind: str, row: dict) -> list[tuple[str, str]]:
    rec = {}
    for f in KINDS[kind].fields:
        v = row.get(f.name)
        if f.type == "reflist" and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError:
                v = []
        rec[f.name] = v if f.type != "reflist" or isinstance(v, list) else []
    return [(k, i) for k, i in _refs(kind, rec) if isinstance(i, str)]


def _add_missing_references(pf: Portfolio, conn, rows: dict[str, dict[str, dict]]) -> None:
    """Records the changeset points at that we lack: their newest version on the hub (which
    passed the hub's checks when pushed), to a fixed point."""
    pending = rows
    while pending:
        wanted: dict[str, set[str]] = {}
        for kind, items in pending.items():
            for row in items.values():
                for ref_kind, ref_id in _decoded_refs(kind, row):
                    if ref_id not in rows.get(ref_kind, {}):
                        wanted.setdefault(ref_kind, set()).add(ref_id)
        with pf.read() as db:  # only the ids asked about: not every row of a city-scale file
            missing = {k: ids - sync_state.existing_ids(db, k, sorted(ids)) for k, ids in wanted.items()}
        missing = {k: ids for k, ids in missing.items() if ids}
        found: dict[str, dict[str, dict]] = {}
        for kind, ids in missing.items():
            fetched = _rows_by_kind((kind, rid, data) for rid, data in door.latest_rows(conn, kind, sorted(ids)))
            for rid, row in fetched.get(kind, {}).items():
                rows.setdefault(kind, {})[rid] = row
                found.setdefault(kind, {})[rid] = row
        pending = found


def pull(pf: Portfolio, conn, key: str, report: SyncReport) -> None:
    cursor = int(_state(pf, key).get("cursor", 0))
    backed_up = False
    while True:
        batch = door.changesets_after(conn, cursor, pf.site_id)
        if not batch:
            return
        for cur, site, seq, manifest in batch:
            name = f"{site}#{seq}"
            rows = _rows_by_kind(door.changeset_rows(conn, cur))
            _add_missing_references(pf, conn, rows)
            if not backed_up:
                pf.backup("before-sync")
                backed_up = True
            with tempfile.TemporaryDirectory(prefix="kechuang-hub-") as tmp:
                path = Path(tmp) / f"{site}-{seq:08d}.sqlite"
                man = manifest if isinstance(manifest, dict) else {}
                peers: dict[str, str] = man["peers"] if isinstance(man.get("peers"), dict) else {}
                exchange_file.write(path, site, {k: v for k, v in man.items() if k != "peers"},
                                    peers, {k: list(v.values()) for k, v in rows.items()}, _files_for(pf, conn, rows))
                try:
                    result = merge(pf, path, backup=False,
                                   after=functools.partial(_put_state, key=key, cursor=cur))
                except RefusedFile as exc:
                    with pf.write("hub: refused") as db:
                        _put_state(db, key, cursor=cur)
                    report.refused.append((name, str(exc)))
                else:
                    report.add(name, result)
            cursor = cur


def _named_files(rows: dict[str, dict[str, dict]]) -> set[str]:
    """The hashes the live attachments among these rows name."""
    return {r["sha256"] for r in rows.get("attachments", {}).values()
            if not r.get("deleted") and isinstance(r.get("sha256"), str)}


def _files_for(pf: Portfolio, conn, rows: dict[str, dict[str, dict]]) -> list[tuple]:
    """The attached files a pulled changeset names that we lack, from the hub (checked on merge
    like any received file's: store/received_blobs.py, db/attachments/received.py)."""
    named = _named_files(rows)
    with pf.read() as db:
        held = blobs.present(db, named)
    return door.blobs(conn, sorted(named - held))


# -- push ---------------------------------------------------------------------------------
def _plan_push(pf: Portfolio, conn, key: str) -> dict:
    """The next changeset to push, noted locally before it is sent (see the module's docstring)."""
    state = _state(pf, key)
    if state.get("pending"):
        return state["pending"]
    seq = int(state.get("seq", 0)) + 1
    snapshot = seq == 1 and door.is_office(conn)
    since = "" if seq == 1 else state.get("upto", "")
    pending = {"seq": seq, "since": since, "upto": pf.clock.last, "snapshot": snapshot}
    with pf.write("hub: push planned") as db:
        _put_state(db, key, pending=pending)
    return pending


def push(pf: Portfolio, conn, key: str, report: SyncReport) -> None:
    pending = _plan_push(pf, conn, key)
    if pending["snapshot"]:
        keep = {k: {r["id"] for r in pf.list(k, include_deleted=True, fields=())} for k in KINDS}
        description = {"since": {}, "upto": changeset.local_marks(pf)}
    else:
        keep = changeset.ids_beyond(pf, {pf.site_id: pending["since"]}, only_site=pf.site_id)
        description = {"since": {pf.site_id: pending["since"]}, "upto": {pf.site_id: pending["upto"]}}
    if sum(len(v) for v in keep.values()):
        rows = []
        with pf.read() as db:
            for kind in sorted(keep, key=lambda k: PUSH_ORDER.index(k) if k in PUSH_ORDER else len(PUSH_ORDER)):
                for raw in sync_state.raw_rows(db, kind, sorted(keep[kind])):
                    rid = raw.pop("id")
                    data = {"values": {f.name: raw[f.name] for f in KINDS[kind].fields},
                            "deleted": raw["deleted"], "created_hlc": raw["created_hlc"],
                            "cell_clocks": raw["cell_clocks"]}
                    rows.append((kind, rid, data))
            peers = sync.watermarks(db)
        peers[pf.site_id] = pf.clock.last
        manifest = {"format": FORMAT, "format_version": str(SCHEMA_VERSION), "source_site": pf.site_id,
                    "source_file": pf.path.name, "exported_at": pf.stamp(), "max_clock": pf.clock.last,
                    "sequence": str(pending["seq"]), "changeset": door.dumps(description), "peers": peers}
        named = {data["values"].get("sha256") for kind, _rid, data in rows
                 if kind == "attachments" and not data["deleted"]}
        with pf.read() as db:  # the files first: a puller of the changeset finds them there
            files = [(sha, len(b), meta[1], b) for sha in sorted(named - {None})
                     if (b := blobs.data(db, sha)) is not None and (meta := blobs.info(db, sha)) is not None]
        door.push_blobs(conn, files)
        stored, existing = door.push(conn, pf.site_id, pending["seq"], manifest, rows)
        if not stored and isinstance(existing, dict) and _since(existing) != description["since"]:
            # the hub holds another changeset under this number (this file was restored from a
            # backup since): send ours under the next free number instead
            pending["seq"] = door.last_seq(conn, pf.site_id) + 1
            manifest["sequence"] = str(pending["seq"])
            stored, _ = door.push(conn, pf.site_id, pending["seq"], manifest, rows)
        report.sent.append(f"{pf.site_id}#{pending['seq']}")
    else:
        pending["seq"] -= 1  # nothing to send: the number stays free
    with pf.write("hub: pushed") as db:
        _put_state(db, key, pending=None, seq=pending["seq"], upto=pending["upto"])


def _since(manifest: dict) -> dict | None:
    try:
        return json.loads(manifest.get("changeset") or "{}").get("since")
    except (ValueError, AttributeError):
        return None


def init_hub(url: str) -> list[int]:
    psycopg = _driver_errors()
    try:
        with door.connect(url) as conn:
            return door.init(conn)
    except psycopg.OperationalError as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "无法连接同步中心：{detail}"), detail=_one_line(exc)) from exc


def compact_hub(url: str) -> tuple[int, int]:
    """Prune row versions every site has pulled past (see store/hub.compact); as the hub's owner."""
    psycopg = _driver_errors()
    try:
        with door.connect(url) as conn:
            if door.version(conn) < len(door.hub_steps()):
                raise UserError(QT_TRANSLATE_NOOP("errors", "同步中心的结构较旧，请先运行 kechuang hub init 升级"))
            return door.compact(conn)
    except psycopg.OperationalError as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "无法连接同步中心：{detail}"), detail=_one_line(exc)) from exc
    except psycopg.errors.InsufficientPrivilege as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "只有同步中心数据库的所有者可以清理：{detail}"),
                        detail=_one_line(exc)) from exc


def grant_hub(url: str, role: str, unit_ids: list[str], office: bool) -> None:
    psycopg = _driver_errors()
    try:
        with door.connect(url) as conn:
            door.grant(conn, role, unit_ids, office)
    except psycopg.OperationalError as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "无法连接同步中心：{detail}"), detail=_one_line(exc)) from exc
    except psycopg.Error as exc:
        raise UserError(QT_TRANSLATE_NOOP("errors", "同步中心拒绝了授权：{detail}"), detail=_one_line(exc)) from exc
