"""Attached files in exchange files (issue #18): a unit's slice carries only the files of its
attachments; a milestone's photos go to the unit and come back; a merge adds files by hash (no
duplicates, idempotent); a deleted attachment travels as a tombstone, its file does not."""
from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "attachments"))
import samples  # noqa: E402

from db.attachments import attach  # noqa: E402
from db.exchange.export import export  # noqa: E402
from db.exchange.merge import merge  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402


def blob_rows(path: Path) -> list[tuple]:
    """(sha256, size, media_type, has thumbnail) of every blob, read with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT sha256, size, media_type, thumbnail IS NOT NULL FROM blobs ORDER BY sha256").fetchall()
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path):
    pf = Portfolio.open(tmp_path / "office.sqlite", create=True)
    uid, _ = pf.create("units", {"name": "某研究院"})
    other, _ = pf.create("units", {"name": "另一单位"})
    pid, _ = pf.create("projects", {"name": "中试基地", "lead_unit_id": uid})
    qid, _ = pf.create("projects", {"name": "别人的项目", "lead_unit_id": other})
    mid, _ = pf.create("milestones", {"name": "主体封顶", "project_id": pid, "planned_date": "2026-06-30"})
    yield {"pf": pf, "unit": uid, "project": pid, "other_project": qid, "milestone": mid}
    pf.close()


def test_a_milestones_photos_travel_to_the_unit_and_back(office, tmp_path):
    pf, mid = office["pf"], office["milestone"]
    site, _ = attach.attach(pf, mid, samples.jpeg(tmp_path / "现场.jpg", colour=(10, 200, 10)))
    secret, _ = attach.attach(pf, office["other_project"], samples.pdf(tmp_path / "别人的合同.pdf"))
    site_sha = pf.get("attachments", site)["sha256"]
    secret_sha = pf.get("attachments", secret)["sha256"]

    # the office sends the unit its slice: only the unit's attachments and their files
    slice_path = tmp_path / "slice.sqlite"
    export(pf, slice_path, units=["某研究院"])
    assert [r[0] for r in blob_rows(slice_path)] == [site_sha]
    assert secret_sha not in slice_path.read_bytes().hex()

    # the unit works in its slice: sees the photo, adds one of its own
    unit_path = tmp_path / "unit.sqlite"
    shutil.copyfile(slice_path, unit_path)
    with Portfolio.open(unit_path) as unit:
        assert [a["name"] for a in attach.attachments_of(unit, mid)] == ["现场.jpg"]
        assert attach.content(unit, unit.get("attachments", site)) == (tmp_path / "现场.jpg").read_bytes()
        mine, _ = attach.attach(unit, mid, samples.jpeg(tmp_path / "封顶.jpg", taken="2026:06:28 09:00:00"))
        back = tmp_path / "back.sqlite"
        export(unit, back)

    # the office merges it: the unit's photo, its file and a thumbnail made here
    result = merge(pf, back)
    rec = pf.get("attachments", mine)
    assert rec["taken_on"] == "2026-06-28" and rec["milestone_id"] == mid
    assert attach.content(pf, rec) == (tmp_path / "封顶.jpg").read_bytes()
    assert result.to_json()["blobs_added"] == [rec["sha256"]]
    rows = blob_rows(pf.path)
    assert sorted(r[0] for r in rows) == sorted({site_sha, secret_sha, rec["sha256"]})
    assert all(has_thumb for sha, _s, mt, has_thumb in rows if mt == "image/jpeg")

    # merged again: nothing added, no duplicate
    again = merge(pf, back)
    assert again.to_json()["blobs_added"] == [] and again.totals()["added"] == 0
    assert blob_rows(pf.path) == rows
    assert len(pf.list("attachments")) == 3


def test_a_deleted_attachment_travels_as_a_tombstone_without_its_file(office, tmp_path):
    pf, mid = office["pf"], office["milestone"]
    unit_path = tmp_path / "unit.sqlite"
    aid, _ = attach.attach(pf, mid, samples.png(tmp_path / "图.png"))
    export(pf, unit_path, units=["某研究院"])
    with Portfolio.open(unit_path) as unit:
        unit.delete("attachments", aid)
        back = tmp_path / "back.sqlite"
        export(unit, back)
    assert blob_rows(back) == []  # the deleted file does not travel
    merge(pf, back)
    assert pf.get("attachments", aid) is None
    assert pf.get("attachments", aid, include_deleted=True)["deleted"] is True
    assert attach.attachments_of(pf, mid) == []


def test_deleting_a_milestone_tombstones_its_attachments(office, tmp_path):
    pf, mid = office["pf"], office["milestone"]
    aid, _ = attach.attach(pf, mid, samples.png(tmp_path / "图.png"))
    changes = pf.delete("milestones", mid)
    assert pf.get("attachments", aid) is None
    pf.undo(changes)
    assert pf.get("attachments", aid)["milestone_id"] == mid
