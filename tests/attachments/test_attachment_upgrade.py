"""Schema step 4 (issue #18): a version-3 file (tests/fixtures/schema_v3.sqlite) opens upgraded,
its records intact and attachments possible at once; a version-3 exchange file received by this
app is upgraded in its private copy and merged; the version-4 fixture's photo reads back."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import samples

from db.attachments import attach
from db.exchange.merge import merge
from db.portfolio import Portfolio
from db.store import schema
from db.store.received import read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_fixtures  # noqa: E402

ID = make_fixtures.ID


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    finally:
        conn.close()


def test_a_v3_file_is_upgraded_to_v4_and_takes_attachments(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema_v3.sqlite", path)
    assert schema.SCHEMA_VERSION == 4
    assert not {"attachments", "blobs"} & tables(path)
    with Portfolio.open(path) as pf:
        assert pf.schema_version == 4 and pf.integrity() == []
        backups = pf.backups_made
        assert [b.name.split("-")[1] for b in backups] == ["v3"]
        assert pf.get("problems", ID("problem-1"))["status"] == "签收"  # v3's records intact
        assert pf.list("attachments") == [] and pf.blob_bytes_total() == 0
        aid, _ = attach.attach(pf, ID("ms-2"), samples.jpeg(tmp_path / "现场.jpg"))
        assert [a["id"] for a in attach.attachments_of(pf, ID("ms-2"))] == [aid]
    assert {"attachments", "blobs"} <= tables(path)


def test_a_received_v3_file_is_upgraded_in_its_private_copy_and_merged(tmp_path):
    received = tmp_path / "from-unit.sqlite"
    shutil.copyfile(FIXTURES / "schema_v3.sqlite", received)
    before = hashlib.sha256(received.read_bytes()).hexdigest()
    incoming = read(received, {})
    assert incoming.rows["attachments"] == {} and incoming.blobs == {}
    assert ID("problem-1") in incoming.rows["problems"]
    with Portfolio.open(tmp_path / "office.sqlite", create=True) as pf:
        merge(pf, received)
        assert pf.get("milestones", ID("ms-2"))["name"]
        assert pf.get("problems", ID("problem-1"))["description"] == "进口设备报关审批未落实"
    assert hashlib.sha256(received.read_bytes()).hexdigest() == before  # upgraded in a copy only


def test_the_v4_fixtures_photo_reads_back(tmp_path):
    path = tmp_path / "v4.sqlite"
    shutil.copyfile(FIXTURES / "schema_v4.sqlite", path)
    with Portfolio.open(path) as pf:
        photo = pf.get("attachments", ID("attachment-1"))
        assert (photo["name"], photo["media_type"], photo["note"]) == ("形象进度.png", "image/png", "东立面")
        assert attach.content(pf, photo) == make_fixtures.tiny_png((200, 60, 40))
        assert pf.get("attachments", ID("attachment-2")) is None
        assert pf.get("attachments", ID("attachment-2"), include_deleted=True)["deleted"] is True
        assert photo["sha256"] in pf.thumbnails([photo["sha256"]])
