"""Attachments through the PostgreSQL hub (issue #18): a unit's photo on its milestone reaches the
office with its file (kept once per hash in kc_blobs, its hash checked by the hub); a unit's role
cannot attach a file to another unit's project; a deletion travels as a tombstone."""
import sys
from pathlib import Path

import pytest
from sites import Sites

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "attachments"))
import samples  # noqa: E402

from db.attachments import attach  # noqa: E402
from db.errors import UserError  # noqa: E402
from db.store import hub as door  # noqa: E402


@pytest.fixture
def hub_sites(tmp_path, hub):
    s = Sites(tmp_path, "hub", hub)
    yield s
    s.close()


def kc_blobs(s) -> list[tuple]:
    with door.connect(s.server.url(db=s.db)) as conn:
        return conn.execute("SELECT sha256, size, pushed_by FROM kc_blobs ORDER BY sha256").fetchall()


def test_a_units_photo_reaches_the_office_through_the_hub(hub_sites, tmp_path):
    s = hub_sites
    s.sync(0)
    unit = s.units[0]
    pid = s.projects[s.unit_ids[0]][0]
    mid, _ = unit.create("milestones", {"name": "主体封顶", "project_id": pid})
    aid, _ = attach.attach(unit, mid, samples.jpeg(tmp_path / "封顶.jpg", taken="2026:06:28 09:00:00"))
    sha = unit.get("attachments", aid)["sha256"]
    s.sync(1)
    assert kc_blobs(s) == [(sha, (tmp_path / "封顶.jpg").stat().st_size, "unit_a")]
    s.sync(0)
    rec = s.office.get("attachments", aid)
    assert rec["taken_on"] == "2026-06-28"
    assert attach.content(s.office, rec) == (tmp_path / "封顶.jpg").read_bytes()
    assert sha in s.office.thumbnails([sha])
    s.sync(1)  # a second round adds nothing
    assert len(kc_blobs(s)) == 1
    unit.delete("attachments", aid)
    s.settle()
    assert s.office.get("attachments", aid) is None
    assert s.office.get("attachments", aid, include_deleted=True)["deleted"] is True


def test_a_units_role_cannot_attach_to_another_units_project(hub_sites, tmp_path):
    s = hub_sites
    s.sync(0)
    others = s.projects[s.unit_ids[1]][0]
    attach.attach(s.units[0], others, samples.pdf(tmp_path / "越权.pdf"))
    with pytest.raises(UserError, match="row-level security"):
        s.sync(1)
    assert s.office.list("attachments") == []


def test_the_hub_checks_a_files_hash_and_size(hub_sites):
    import psycopg
    s = hub_sites
    with psycopg.connect(s.url(1)) as conn:
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO kc_blobs(sha256, size, media_type, bytes) VALUES (%s, 3, 'image/png', %s)",
                         ("0" * 64, b"abc"))
