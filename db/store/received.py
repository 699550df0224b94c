"""Reading a portfolio file someone sent us — as untrusted input (DESIGN §5, reference/merge.md §3).

Nothing from the file reaches the working portfolio before every check here has passed:
private size-capped copy, header and page-count check, application_id/user_version, an
object-by-object comparison of the schema with the one we expect (no views, triggers or extra
objects), read-only immutable open with trusted_schema=OFF and tight limits, quick_check, a time
budget, explicit column lists, and every value validated like user input.
"""
from __future__ import annotations

import contextlib
import functools
import json
import shutil
import sqlite3
import struct
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.store import hlc, received_blobs, received_diff, received_rows, sync
from db.store.blobs import MAX_BLOB_BYTES, Blob
from db.store.schema import APPLICATION_ID, SCHEMA_VERSION, expected_schema, run_steps, schema_objects
from db.store.values import UUID_RE

MAX_FILE_BYTES = 1024 * 1024 * 1024  # a whole portfolio with its attached files (500 MB unless set otherwise)
# CPU seconds of the reading thread SQLite may spend on a received file: a file built to keep it busy is
# refused; a large file read on a busy machine (wall time waiting for the processor) is not
TIME_BUDGET_S = 60.0
FUTURE_TOLERANCE_MS = 24 * 3600 * 1000
MAGIC = b"SQLite format 3\x00"
MAX_LENGTH = MAX_BLOB_BYTES + 1024 * 1024  # a value (an attached file's bytes the largest) SQLite will read


class RefusedFile(UserError):
    """A received file that will not be merged; the message says why, in plain words."""


M = {
    "missing": QT_TRANSLATE_NOOP("merge", "找不到文件“{path}”"),
    "too_big": QT_TRANSLATE_NOOP("merge", "文件“{path}”过大（{size} MB，上限 {limit} MB），不予合并"),
    "not_sqlite": QT_TRANSLATE_NOOP("merge", "“{path}”不是组合文件（不是 SQLite 数据库）"),
    "truncated": QT_TRANSLATE_NOOP("merge", "“{path}”已损坏或不完整（文件长度与数据库页数不符），不予合并"),
    "other_app": QT_TRANSLATE_NOOP("merge", "“{path}”是其他程序的数据库，不是科创项目台账的组合文件"),
    "newer": QT_TRANSLATE_NOOP("merge", "“{path}”来自更新版本的科创项目台账（数据格式 {version}），请先升级本程序"),
    "schema": QT_TRANSLATE_NOOP("merge", "“{path}”的数据结构与组合文件不符（{detail}），可能被篡改，不予合并"),
    "corrupt": QT_TRANSLATE_NOOP("merge", "“{path}”已损坏（{detail}），不予合并"),
    "timeout": QT_TRANSLATE_NOOP("merge", "读取“{path}”超时，文件可能被构造为拖慢程序，不予合并"),
    "value": QT_TRANSLATE_NOOP("merge", "“{path}”中的数据无效：{detail}"),
    "clock": QT_TRANSLATE_NOOP("merge", "“{path}”中的修改时间比现在晚一天以上（{when}），对方电脑时钟可能有误，不予合并"),
    "bad_clock": QT_TRANSLATE_NOOP("merge", "“{path}”中{record}的修改时间戳无效"),
    "dangling": QT_TRANSLATE_NOOP("merge", "“{path}”中{record}引用了不存在的记录 {ref}"),
    "io": QT_TRANSLATE_NOOP("merge", "无法读取“{path}”：{detail}"),
    "not_file": QT_TRANSLATE_NOOP("merge", "“{path}”是文件夹，不是组合文件"),
    "too_long": QT_TRANSLATE_NOOP("merge", "“{path}”中有超长的值（超过 {limit} MB），不予合并"),
    "blob": QT_TRANSLATE_NOOP("merge", "“{path}”中的附件被拒绝：{detail}，不予合并"),
    "bad_id": QT_TRANSLATE_NOOP("merge", "{record}的编号不是有效的 UUID"),
    "bad_deleted": QT_TRANSLATE_NOOP("merge", "{record}的删除标记无效"),
    "dup_id": QT_TRANSLATE_NOOP("merge", "“{path}”中{first}和{second}使用同一个编号 {id}，文件可能被篡改，不予合并"),
    "id_taken": QT_TRANSLATE_NOOP("merge", "“{path}”中{record}的编号 {id} 在本组合文件中属于一条{other}记录，不予合并"),
    "unsaved": QT_TRANSLATE_NOOP("merge", "“{path}”还有修改没有写回文件（在旁边的 {side} 里）："
                                          "它可能正在另一个窗口中打开，或上次没有正常关闭。"
                                          "请用科创项目台账打开它再关闭，然后再合并"),
}
# Beside a portfolio file: changes SQLite has not yet written into it (WAL), or the undo record
# of a transaction cut off midway (rollback journal). Without them the file alone holds an
# earlier state — or half a transaction.
SIDE_FILES = ("-wal", "-journal")


@dataclass
class Incoming:
    """Validated content of a received file: rows per kind with their cell clocks."""

    path: Path
    manifest: dict
    site_id: str
    peers: dict[str, str]  # site -> newest clock of that site the sender had seen
    rows: dict[str, dict[str, dict]] = field(default_factory=dict)  # kind -> id -> row
    max_clock: str = hlc.BUILTIN_HLC
    changeset: dict | None = None  # {"since": {site: clock}, "upto": {site: clock}} of a changeset
    blobs: dict[str, Blob] = field(default_factory=dict)  # attached files' bytes we lack, by sha256


def _one_line(text) -> str:
    """SQLite diagnostics and bad data can hold newlines, control or replacement characters."""
    if isinstance(text, str) and len(text) <= 120 and text.isprintable() and "\ufffd" not in text \
            and "  " not in text and text == text.strip():
        return text  # the usual title: nothing to clean (what the general path below returns too)
    clean = "".join(ch if ch.isprintable() and ch != "\ufffd" else " " for ch in str(text))
    clean = " ".join(clean.split())
    return clean if len(clean) <= 120 else clean[:117] + "…"


def _refuse(key: str, path: Path, **params) -> NoReturn:
    raise RefusedFile(M[key], path=_one_line(path.name), **{k: _one_line(v) for k, v in params.items()})


def _check_header(copy: Path, original: Path) -> int:
    size = copy.stat().st_size
    with open(copy, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or head[:16] != MAGIC:
        _refuse("not_sqlite", original)
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1) or (valid_for == change_counter and page_count * page_size != size):
        _refuse("truncated", original)
    if size % page_size:
        _refuse("truncated", original)
    user_version, = struct.unpack(">I", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    if app_id != APPLICATION_ID:
        _refuse("other_app", original)
    if user_version > SCHEMA_VERSION:
        _refuse("newer", original, version=user_version)
    if head[18] == 2 or head[19] == 2:  # WAL header: make the private copy a plain rollback file
        with open(copy, "r+b") as fh:
            fh.seek(18)
            fh.write(b"\x01\x01")
    return user_version


def _open_readonly(copy: Path, deadline: float) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_LENGTH)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000)
    conn.setlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 100)
    conn.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.execute("PRAGMA mmap_size=0")
    conn.set_progress_handler(lambda: 1 if time.thread_time() > deadline else 0, 10_000)
    return conn


def _check_schema(conn: sqlite3.Connection, version: int, original: Path) -> None:
    found = schema_objects(conn)
    expected = expected_schema(version)
    extra = sorted(f"{t} {n}" for t, n, _tbl, _sql in found - expected)
    missing = sorted(f"{t} {n}" for t, n, _tbl, _sql in expected - found)
    if extra or missing:
        detail = "; ".join(([tr(QT_TRANSLATE_NOOP("merge", "多出 {items}"), items=", ".join(extra[:5]))] if extra else []) +
                           ([tr(QT_TRANSLATE_NOOP("merge", "缺少 {items}"), items=", ".join(missing[:5]))] if missing else []))
        _refuse("schema", original, detail=detail)
    for kind in KINDS.values():
        hidden = [r for r in conn.execute(f"PRAGMA table_xinfo({kind.table})") if r[6] != 0]
        if hidden:
            _refuse("schema", original, detail=f"{kind.table}: hidden columns")
    # quick_check (every page, cell and record of the file), not integrity_check: the file's
    # indexes are never read — every query of it is NOT INDEXED or by rowid, and ids are checked
    # unique from the tables themselves (received_diff._duplicate_id, _check_unique) — so an index
    # that disagrees with its table misleads nothing, and comparing every index with its table was
    # a fifth of a city merge (100,000 milestones × 6 indexes)
    problems = [r[0] for r in conn.execute("PRAGMA quick_check(20)") if r[0] != "ok"]
    if problems:
        _refuse("corrupt", original, detail=problems[0][:120])


def _authorizer(action, arg1, arg2, _db, _trigger):
    allowed_tables = {k.table for k in KINDS.values()} | {"manifest", "peers", "meta", "blobs"}
    if action == sqlite3.SQLITE_SELECT or (action == sqlite3.SQLITE_FUNCTION and arg2 == "count"):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_READ and arg1 in allowed_tables:
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


@functools.cache
def _cell_names(kind_name: str) -> frozenset[str]:
    return frozenset(f.name for f in KINDS[kind_name].fields) | {"deleted"}


def _clocks(row: dict, kind, original: Path, label: str) -> dict[str, str]:
    """Effective clock of every cell (fields + deleted), validated."""
    try:
        explicit = received_diff.LOADS(row["cell_clocks"] or "{}") if isinstance(row["cell_clocks"], (str, type(None))) else None
    except (ValueError, RecursionError):
        explicit = None
    created = row["created_hlc"]
    names = _cell_names(kind.name)
    if not isinstance(explicit, dict) or not hlc.is_valid(created) or \
            any(k not in names or not isinstance(v, str) or not hlc.is_valid(v) for k, v in explicit.items()):
        _refuse("bad_clock", original, record=label)
    return {name: explicit.get(name, created) for name in names}


def _check_future(clocks, now_ms: int, original: Path) -> None:
    """Refuse any clock (cell, row creation or peer watermark) more than a day ahead of now."""
    top = max(clocks)
    if hlc.parse(top)[0] > now_ms + FUTURE_TOLERANCE_MS:
        _refuse("clock", original, when=time.strftime("%Y-%m-%d %H:%M", time.localtime(hlc.parse(top)[0] / 1000)))


class _Ours:
    """What we hold of the ids a received file names: given whole (`local_ids`, `known`), or
    looked up in our file for the file's ids only (`local`: opens our connection, under our
    lock, per look-up), so that reading a small changeset costs the changeset, not our file."""

    def __init__(self, local_ids: Mapping[str, AbstractSet[str]], known: dict[str, dict[str, tuple]],
                 local: Callable[[], AbstractContextManager[sqlite3.Connection]] | None):
        self.local, self.local_ids, self.known = local, local_ids, known
        self.local_kind = {} if local is not None else {rid: k for k, ids in local_ids.items() for rid in ids}

    def rows(self, kind: str, ids: list[str]) -> dict[str, tuple]:
        """{id: (created_hlc, cell_clocks, deleted)} of (at least) those of the ids we hold as this kind."""
        if self.local is not None:
            with self.local() as db:
                if len(ids) * 4 >= sync.size_estimate(db, kind):  # a whole file: one scan is cheaper
                    return sync.known_rows(db, kind)
                return sync.known_rows_of(db, kind, ids)
        ours = self.known.get(kind) or {}
        return {i: ours[i] for i in ids if i in ours}

    def kinds(self, ids: list[str]) -> dict[str, str]:
        """{id: kind} of those of the ids we hold a record of."""
        if self.local is not None:
            with self.local() as db:
                return sync.kinds_of(db, ids)
        return {i: self.local_kind[i] for i in ids if i in self.local_kind}

    def present(self, kind: str, ids: set[str]) -> set[str]:
        if self.local is not None:
            with self.local() as db:
                return sync.present_ids(db, kind, ids)
        return ids & set(self.local_ids.get(kind, ()))


def read(path: Path, local_ids: Mapping[str, AbstractSet[str]] | None = None, now_ms: int | None = None,
         known: dict[str, dict[str, tuple]] | None = None, local_blobs: set[str] | None = None,
         local: Callable[[], AbstractContextManager[sqlite3.Connection]] | None = None,
         local_file: Path | None = None, seen: Mapping[str, str] | None = None) -> Incoming:
    """Copy, check and read a received file. Raises RefusedFile with a clear reason.

    What we hold, for the checks against our file (an id of ours of another kind, a reference to
    a record neither file holds): `local` (Portfolio.read: our connection under our lock), looked
    up by the file's ids; or (tests, tools) `local_ids` {kind: ids} and `known`. A received row whose clocks
    ((created_hlc, cell_clocks, deleted)) are exactly ours is left out unread. Every cell has the
    clock of the write we already hold, so nothing in it can change our file, and validating the
    ~90% of a city file that did not change since the last exchange took most of a merge's time.
    `local_file` (our file's path, with `local`): the comparison is made by SQLite with our file attached
    read-only (store/received_diff.py); `seen` (our watermarks, exchange/merge.local_watermarks)
    also leaves out rows none of whose cells can win or conflict — what is left is the other
    side's changes."""
    original = Path(path)
    if original.is_dir():
        _refuse("not_file", original)
    if not original.is_file():
        _refuse("missing", original)
    size = original.stat().st_size
    if size > MAX_FILE_BYTES:
        _refuse("too_big", original, size=size // 2**20, limit=MAX_FILE_BYTES // 2**20)
    deadline = time.thread_time() + TIME_BUDGET_S
    _check_side_files(original)
    with tempfile.TemporaryDirectory(prefix="kechuang-received-") as tmpdir:
        copy = Path(tmpdir) / "received.sqlite"
        try:
            shutil.copyfile(original, copy)  # never the -wal/-journal beside it
        except OSError as exc:
            _refuse("io", original, detail=exc.strerror or str(exc))
        _check_side_files(original)  # none appeared while copying (a writer still at work)
        version = _check_header(copy, original)
        conn = None
        try:
            conn = _open_readonly(copy, deadline)
            _check_schema(conn, version, original)
            if version < SCHEMA_VERSION:  # only reached once older versions exist
                conn.close()
                conn = _upgrade_copy(copy, version, deadline)
            attached = local_file is not None and local is not None and received_diff.attach(conn, local_file)
            conn.set_authorizer(_authorizer)
            incoming = _read_rows(conn, original, _Ours(local_ids or {}, known or {}, local), now_ms,
                                  seen if attached else None, attached)
            incoming.blobs = received_blobs.read(conn, incoming.rows.get("attachments", {}), local_blobs or set(),
                                                 lambda detail: _refuse("blob", original, detail=detail))
            return incoming
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                _refuse("timeout", original)
            if "too big" in str(exc):
                _refuse("too_long", original, limit=MAX_LENGTH // 2**20)
            _refuse("corrupt", original, detail=str(exc)[:120])
        except sqlite3.DatabaseError as exc:
            if "too big" in str(exc):
                _refuse("too_long", original, limit=MAX_LENGTH // 2**20)
            _refuse("corrupt", original, detail=str(exc)[:120])
        finally:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()


def _check_side_files(original: Path) -> None:
    """Refuse a file whose -wal or -journal still holds changes: read alone, it would give an
    earlier state (edits its writer had acknowledged missing) or half of a transaction."""
    for suffix in SIDE_FILES:
        side = Path(f"{original}{suffix}")
        try:
            holds = side.stat().st_size > 0
        except OSError:
            continue
        if holds:
            _refuse("unsaved", original, side=side.name)


def _upgrade_copy(copy: Path, version: int, deadline: float) -> sqlite3.Connection:
    """Bring an older (already schema-checked) private copy up to our version, then reopen it."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        run_steps(conn, version)
    finally:
        conn.close()
    return _open_readonly(copy, deadline)


def _read_rows(conn: sqlite3.Connection, original: Path, ours: _Ours, now_ms: int | None,
               seen: Mapping[str, str] | None = None, attached: bool = False) -> Incoming:
    conn.row_factory = sqlite3.Row
    manifest = {k: v for k, v in conn.execute("SELECT key, value FROM manifest NOT INDEXED")}
    meta = {k: v for k, v in conn.execute("SELECT key, value FROM meta NOT INDEXED")}
    # A file nobody has edited since it was exported has no site of its own ("", e.g. a unit
    # re-exporting the file it was sent): everything in it came from the sites in its peers.
    site = meta.get("site_id") or manifest.get("source_site") or ""
    if not isinstance(site, str) or (site and not hlc.SITE_RE.match(site)):
        _refuse("value", original, detail="site_id")
    peers = {}
    for s, last in conn.execute("SELECT site_id, last_hlc FROM peers NOT INDEXED"):
        if not (isinstance(s, str) and hlc.SITE_RE.match(s) and hlc.is_valid(last)):  # noqa: SIM102
            _refuse("value", original, detail="peers")
        peers[s] = last
    incoming = Incoming(original, manifest, site, peers)
    now_ms = now_ms if now_ms is not None else hlc.wall_ms()
    if peers:
        _check_future(peers.values(), now_ms, original)
    if manifest.get("changeset") is not None:
        incoming.changeset = _changeset(manifest["changeset"], now_ms, original)
    # None (an id twice, or one of ours of another kind): read row by row, which refuses it
    picked = received_diff.wanted(conn, seen, now_ms, FUTURE_TOLERANCE_MS, ours.kinds) if attached else None
    newest = picked.newest if picked is not None else hlc.BUILTIN_HLC
    file_kind: dict[str, tuple] = {}  # id -> (kind, title) of the file's records read so far

    def refuse_value(detail: str) -> NoReturn:
        _refuse("value", original, detail=detail)
    for kind in KINDS.values():
        cols = ["id", *(f.name for f in kind.fields), "deleted", "created_hlc", "cell_clocks"]
        rows = {}
        source = _rows_by_rowid(conn, kind, cols, picked.rowids[kind.name]) if picked is not None else \
            _rows_to_read(conn, kind, cols, ours, file_kind, original)
        differ = picked.differ.get(kind.name, {}) if picked is not None else {}
        kind_label = tr(kind.label)
        for raw in source:
            row = dict(raw)
            title = row.get(kind.title_field)
            title = title if isinstance(title, (str, int, float)) and title != "" else row["id"]
            label = f"{kind_label}「{_one_line(title)[:40]}」"
            if not isinstance(row["id"], str) or not UUID_RE.match(row["id"]):
                _refuse("value", original, detail=tr(M["bad_id"], record=label))
            if row["deleted"] not in (0, 1):
                _refuse("value", original, detail=tr(M["bad_deleted"], record=label))
            values = received_rows.values(kind, row, label, differ.get(row["rowid"]), refuse_value)
            clocks = _clocks(row, kind, original, label)
            _check_future([*clocks.values(), row["created_hlc"]], now_ms, original)
            newest = max(newest, *clocks.values())
            rows[row["id"]] = {"values": values, "deleted": bool(row["deleted"]), "clocks": clocks,
                               "created_hlc": row["created_hlc"], "label": label}
        incoming.rows[kind.name] = rows
    incoming.max_clock = newest
    _check_references(incoming, ours, original)
    return incoming


BATCH = 500  # rows read by rowid per statement (bound parameters)


def _rows_to_read(conn: sqlite3.Connection, kind, cols: list[str], ours: _Ours, file_kind: dict,
                  original: Path) -> Iterator[sqlite3.Row]:
    """The file's rows of this kind that can change ours, in file order. Every id is checked
    first (once in the file, not ours of another kind) from a narrow read of the ids and clocks;
    a row whose clocks are exactly ours (see read()) is then not read at all."""
    heads = conn.execute(f"SELECT rowid, id, {kind.title_field}, created_hlc, cell_clocks, deleted "
                         f"FROM {kind.table} NOT INDEXED").fetchall()
    ids = [h["id"] for h in heads if isinstance(h["id"], str)]
    held = ours.rows(kind.name, ids)
    other = ours.kinds([i for i in ids if i not in held])  # an id names one record whatever its kind
    wanted = []
    for h in heads:
        rid = h["id"]
        _check_unique(h, kind, file_kind, other.get(rid) if isinstance(rid, str) else None, original)
        mine = held.get(rid) if isinstance(rid, str) else None
        if mine is not None and h["created_hlc"] != hlc.BUILTIN_HLC and \
                mine == (h["created_hlc"], h["cell_clocks"], h["deleted"]):
            continue  # the very clocks we hold; built-in rows share one clock, so those are
            # always read: two app versions may ship different built-in text
        wanted.append(h["rowid"])
    yield from _rows_by_rowid(conn, kind, cols, wanted)


def _rows_by_rowid(conn: sqlite3.Connection, kind, cols: list[str], rowids: list[int]) -> Iterator[sqlite3.Row]:
    for i in range(0, len(rowids), BATCH):
        chunk = rowids[i:i + BATCH]
        # fetched per chunk: a generator left suspended by a refusal holds no cursor of a closed file
        yield from conn.execute(f"SELECT rowid, {', '.join(cols)} FROM main.{kind.table} NOT INDEXED "
                                f"WHERE rowid IN ({', '.join('?' * len(chunk))}) ORDER BY rowid", chunk).fetchall()


def _label(kind, title, rid) -> str:
    title = title if isinstance(title, (str, int, float)) and title != "" else rid
    return f"{tr(kind.label)}「{_one_line(title)[:40]}」"


def _check_unique(raw, kind, file_kind: dict, other: str | None, original: Path) -> None:
    """Refuse a second record of the file with an id already read (of any kind), and a record
    whose id is one of ours of another kind."""
    rid = raw["id"]
    if not isinstance(rid, str):
        return  # refused as a bad id when its row is validated
    title = raw[kind.title_field]
    first = file_kind.get(rid)
    if first is not None:
        _refuse("dup_id", original, first=_label(first[0], first[1], rid), second=_label(kind, title, rid), id=rid)
    file_kind[rid] = (kind, title)
    if other is not None and other != kind.name:
        _refuse("id_taken", original, record=_label(kind, title, rid), id=rid, other=tr(KINDS[other].label))


def _clock_map(value, empty_ok: bool = False) -> bool:
    """{site: clock}; `empty_ok`: a clock may be "" (nothing of that site)."""
    return isinstance(value, dict) and all(
        isinstance(k, str) and hlc.SITE_RE.match(k) and (hlc.is_valid(v) or (empty_ok and v == ""))
        for k, v in value.items())


def _changeset(raw, now_ms: int, original: Path) -> dict:
    """A changeset's manifest entry: what it covers, per site (see exchange/changeset.py)."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict) or not _clock_map(value.get("since"), empty_ok=True) or not _clock_map(value.get("upto")):
        _refuse("value", original, detail="manifest changeset")
    if value["upto"]:
        _check_future(value["upto"].values(), now_ms, original)
    return {"since": value["since"], "upto": value["upto"]}


def _references(incoming: Incoming) -> Iterator[tuple[dict, str, str]]:
    """(row, target kind, target id) of every reference of the file's rows read."""
    for kind_name, rows in incoming.rows.items():
        refs = [f for f in KINDS[kind_name].fields if f.type in ("ref", "reflist")]
        for row in rows.values() if refs else ():
            for f in refs:
                v = row["values"].get(f.name)
                if f.ref is None:
                    continue
                for t in [v] if f.type == "ref" and v else (v or []) if f.type == "reflist" else []:
                    yield row, f.ref, t


def _check_references(incoming: Incoming, ours: _Ours, original: Path) -> None:
    """Every reference names a record of the file or of ours (looked up for those the file lacks)."""
    wanted: dict[str, set[str]] = {}
    for _row, target_kind, t in _references(incoming):
        if t not in incoming.rows.get(target_kind, {}):
            wanted.setdefault(target_kind, set()).add(t)
    held = {k: ours.present(k, ids) for k, ids in wanted.items()}
    for row, target_kind, t in _references(incoming):
        if t not in incoming.rows.get(target_kind, {}) and t not in held[target_kind]:
            _refuse("dangling", original, record=row["label"], ref=t)
