"""Hostile attached files in a received exchange file (issue #18), after the hostile-file corpus
(test_hostile_files.py, whose `refuse` checks each one: one clear line naming the file, nothing
changed, no backup, no temp copy left, quickly). The sender's valid export holds a milestone with
a photo; each case damages its `blobs` table or the attachment naming it with sqlite3."""
from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest
from hostile_corpus import MILESTONE_ID, MILESTONE_NAME, PROJECT_ID, PROJECT_NAME, edited
from replicas import Office
from test_hostile_files import mine, refuse  # noqa: F401 — mine: the same fresh working copy per test

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "attachments"))
import samples  # noqa: E402

from db.attachments import attach  # noqa: E402
from db.exchange.merge import merge  # noqa: E402
from db.store.blobs import MAX_BLOB_BYTES  # noqa: E402
from db.store.changes import Create  # noqa: E402

ATTACHMENT_ID = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-blobs")
    sender = Office(folder, "sender", with_builtin=False)
    unit, _ = sender.pf.create("units", {"name": "外来单位"})
    sender.pf.apply([
        Create("projects", {"name": PROJECT_NAME, "lead_unit_id": unit}, PROJECT_ID),
        Create("milestones", {"project_id": PROJECT_ID, "name": MILESTONE_NAME}, MILESTONE_ID),
    ])
    items, ops = attach.attach_ops(sender.pf, MILESTONE_ID, samples.jpeg(folder / "现场.jpg"),
                                   attachment_id=ATTACHMENT_ID)
    sender.pf.apply_with_blobs(items, ops)
    base = sender.send()
    sender.close()
    mine = Office(folder, "template", with_builtin=False)
    mine.close()
    return {"base": base, "template": folder / "template.sqlite", "folder": folder}


def with_content(base: Path, out: Path, data: bytes, media_type: str) -> Path:
    """The photo replaced by `data`, hash and size consistent everywhere (only the content is bad)."""
    sha = hashlib.sha256(data).hexdigest()
    return edited(base, out,
                  ("UPDATE blobs SET sha256=?, size=?, media_type=?, bytes=?", (sha, len(data), media_type, data)),
                  ("UPDATE attachments SET sha256=?, size=?, media_type=?", (sha, len(data), media_type)))


def flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def zip_bomb_bytes(folder: Path) -> bytes:
    return samples.zip_bomb(folder / "bomb.docx").read_bytes()


CASES = {
    "bytes not matching the hash": (lambda b, o: edited(b, o, ("UPDATE blobs SET bytes=?", (flipped(_photo(b)),))),
                                    ("与其摘要不符",)),
    "size not matching the bytes": (lambda b, o: edited(b, o, ("UPDATE blobs SET size=size+1", ())), ("与其摘要不符",)),
    "oversized blob": (lambda b, o: with_content(b, o, b"\xff\xd8\xff" + b"\0" * (MAX_BLOB_BYTES + 100_000), "image/jpeg"),
                       ("过大", "20 MB")),
    "an executable posing as a photo": (lambda b, o: with_content(b, o, b"\x7fELF\x02\x01\x01" + b"\0" * 500, "image/jpeg"),
                                        ("现场.jpg", "不是可接受的附件类型")),
    "a pixel bomb PNG": (lambda b, o: with_content(b, o, samples.pixel_bomb_png(), "image/png"), ("现场.jpg", "解压炸弹")),
    "a zip bomb as a Word file": (lambda b, o: with_content(b, o, zip_bomb_bytes(o.parent), samples_docx()),
                                  ("压缩炸弹",)),
    "a PNG said to be a JPEG": (lambda b, o: with_content(b, o, samples.png(o.parent / "p.png").read_bytes(), "image/jpeg"),
                                ("image/png", "image/jpeg")),
    "an orphan blob": (lambda b, o: edited(b, o, ("INSERT INTO blobs(sha256, size, media_type, bytes) VALUES (?, 3, 'x', ?)",
                                                  (hashlib.sha256(b"abc").hexdigest(), b"abc"))),
                       ("不属于文件中的任何附件",)),
    "an attachment whose file is missing": (lambda b, o: edited(b, o, ("DELETE FROM blobs", ())),
                                            ("附件「现场.jpg」", "不在文件中")),
    "an attachment of another size than its file": (lambda b, o: edited(b, o, ("UPDATE attachments SET size=size+1", ())),
                                                     ("附件「现场.jpg」", "不符")),
    "a BLOB sha256": (lambda b, o: edited(b, o, ("UPDATE blobs SET sha256=CAST(sha256 AS BLOB)", ())), ("附件内容",)),
    "a text where the bytes are": (lambda b, o: edited(b, o, ("UPDATE blobs SET bytes=CAST('x' AS TEXT)", ())),
                                   ("附件内容",)),
}


def samples_docx() -> str:
    from db.attachments.sniff import DOCX
    return DOCX


def _photo(base: Path) -> bytes:
    conn = sqlite3.connect(base)
    try:
        return conn.execute("SELECT bytes FROM blobs").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_attachment_is_refused_and_changes_nothing(name, world, mine, tmp_path):
    build, fragments = CASES[name]
    path = build(world["base"], tmp_path / "received.sqlite")
    refuse(mine, path, *fragments)
    assert mine.blob_bytes_total() == 0


def test_the_undamaged_export_with_a_photo_is_accepted(world, mine):
    merge(mine, world["base"])
    rec = mine.get("attachments", ATTACHMENT_ID)
    assert rec["taken_on"] == "2026-03-15"
    assert hashlib.sha256(mine.blob(rec["sha256"])).hexdigest() == rec["sha256"]
