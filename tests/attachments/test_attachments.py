"""Attaching evidence files (issue #18): accepted by content, not by name; capped before reading;
bombs refused; images get a thumbnail and their 拍摄日期; the portfolio's budget; the write path's
rules for every caller; saving out through the output guard; the command line."""
from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import samples

from db.attachments import attach, sniff
from db.attachments.sniff import RefusedAttachment
from db.errors import UserError, ValidationError
from db.portfolio import Portfolio
from db.store.changes import Create

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "p.sqlite", create=True)
    yield p
    p.close()


@pytest.fixture
def milestone(pf):
    pid, _ = pf.create("projects", {"name": "中试基地"})
    mid, _ = pf.create("milestones", {"name": "主体封顶", "project_id": pid})
    return mid


KINDS_BY_CONTENT = [
    (samples.jpeg, "photo.jpg", sniff.JPEG),
    (samples.png, "plan.png", sniff.PNG),
    (samples.heic, "iphone.heic", sniff.HEIC),
    (samples.pdf, "report.pdf", sniff.PDF),
    (samples.docx, "任务书.docx", sniff.DOCX),
    (samples.xlsx, "台账.xlsx", sniff.XLSX),
]


@pytest.mark.parametrize("make, name, media_type", KINDS_BY_CONTENT, ids=[k[1] for k in KINDS_BY_CONTENT])
def test_each_accepted_type_is_told_by_content_whatever_its_name(make, name, media_type, tmp_path):
    data = make(tmp_path / name).read_bytes()
    assert sniff.media_type(data, name) == media_type
    renamed = tmp_path / "misleading.txt"
    renamed.write_bytes(data)
    assert sniff.media_type(renamed.read_bytes(), renamed.name) == media_type


@pytest.mark.parametrize("make, name, words", [
    (samples.executable, "site.jpg", "不是可接受的附件类型"),
    (samples.zip_bomb, "bomb.docx", "压缩炸弹"),
    (samples.macro_workbook, "macro.xlsx", "含宏"),
    (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip" * 10) and p, "broken.docx", "损坏"),
    (lambda p: p.write_bytes(b"<html><script>alert(1)</script></html>") and p, "page.pdf", "不是可接受的附件类型"),
])
def test_hostile_or_unknown_content_is_refused_with_one_line(make, name, words, tmp_path):
    path = tmp_path / name
    make(path)
    with pytest.raises(RefusedAttachment) as info:
        attach.examine(attach.read_capped(path), name)
    msg = str(info.value)
    assert words in msg and name in msg and "\n" not in msg


def test_a_decompression_bomb_image_is_refused_before_it_is_decoded():
    with pytest.raises(RefusedAttachment, match="解压炸弹"):
        attach.examine(samples.pixel_bomb_png(), "bomb.png")


def test_the_size_cap_is_checked_before_the_file_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.pdf"
    with open(big, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(sniff.MAX_FILE_BYTES + 1)  # sparse: nothing to read, only its size says
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k))
    with pytest.raises(RefusedAttachment, match="20 MB"):
        attach.read_capped(big)
    assert str(big) not in opened


def test_a_photo_gets_a_thumbnail_and_its_shooting_date(pf, milestone, tmp_path):
    from PIL import Image
    aid, _ = attach.attach(pf, milestone, samples.jpeg(tmp_path / "现场.jpg", size=(1600, 1200)), note="东立面")
    rec = pf.get("attachments", aid)
    assert (rec["taken_on"], rec["media_type"], rec["note"]) == ("2026-03-15", sniff.JPEG, "东立面")
    assert rec["sha256"] == hashlib.sha256((tmp_path / "现场.jpg").read_bytes()).hexdigest()
    thumb = Image.open(io.BytesIO(pf.thumbnails([rec["sha256"]])[rec["sha256"]]))
    assert thumb.format == "PNG" and max(thumb.size) == 240 and thumb.size == (240, 180)
    assert thumb.getpixel((120, 90))[:3] == pytest.approx((200, 60, 40), abs=6)


def test_a_heic_photo_is_read_with_pillow_heif(pf, milestone, tmp_path):
    aid, _ = attach.attach(pf, milestone, samples.heic(tmp_path / "iphone.heic"))
    rec = pf.get("attachments", aid)
    assert (rec["media_type"], rec["taken_on"]) == (sniff.HEIC, "2025-11-02")
    assert rec["sha256"] in pf.thumbnails([rec["sha256"]])


def test_a_photo_without_exif_has_no_shooting_date_and_documents_no_thumbnail(pf, milestone, tmp_path):
    photo, _ = attach.attach(pf, milestone, samples.jpeg(tmp_path / "a.jpg", taken=None))
    report, _ = attach.attach(pf, milestone, samples.pdf(tmp_path / "b.pdf"))
    assert pf.get("attachments", photo)["taken_on"] is None
    assert pf.thumbnails([pf.get("attachments", report)["sha256"]]) == {}


def test_the_same_file_twice_is_stored_once(pf, milestone, tmp_path):
    path = samples.jpeg(tmp_path / "a.jpg")
    first, _ = attach.attach(pf, milestone, path)
    second, _ = attach.attach(pf, milestone, path)
    assert first != second
    assert pf.blob_bytes_total() == path.stat().st_size
    conn = sqlite3.connect(pf.path)  # any SQLite tool lists them
    assert conn.execute("SELECT count(*), sum(size), min(media_type) FROM blobs").fetchone() == \
        (1, path.stat().st_size, "image/jpeg")
    conn.close()


def test_the_portfolio_budget_is_a_setting_with_a_clear_message(pf, milestone, tmp_path):
    pf.set_setting(attach.ATTACHMENT_BUDGET_KEY, 1)
    attach.attach(pf, milestone, samples.jpeg(tmp_path / "small.jpg"))
    big = tmp_path / "big.png"
    from PIL import Image
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(big)  # ~1.4 MB, incompressible
    before = pf.dump()
    with pytest.raises(RefusedAttachment, match="上限 1 MB"):
        attach.attach(pf, milestone, big)
    assert pf.dump() == before


def test_every_caller_goes_through_the_rules(pf, milestone, tmp_path):
    with pytest.raises(ValidationError, match="kechuang attach"):
        pf.create("attachments", {"milestone_id": milestone, "name": "x.jpg", "sha256": "0" * 64,
                                  "media_type": sniff.JPEG, "size": 3})
    items, ops = attach.attach_ops(pf, milestone, samples.png(tmp_path / "a.png"))
    two_owners = Create("attachments", {**ops[0].fields, "project_id": pf.get("milestones", milestone)["project_id"]})
    with pytest.raises(ValidationError, match="只选一个"):
        pf.apply_with_blobs(items, [two_owners])
    wrong_size = Create("attachments", {**ops[0].fields, "size": ops[0].fields["size"] + 1})
    with pytest.raises(ValidationError, match="不符"):
        pf.apply_with_blobs(items, [wrong_size])
    assert pf.blob_bytes_total() == 0  # the refused write stored no bytes either
    aid, _ = attach.attach(pf, milestone, tmp_path / "a.png")
    with pytest.raises(ValidationError, match="由系统维护"):
        pf.update("attachments", aid, {"sha256": "1" * 64})
    pf.update("attachments", aid, {"name": "总平面图.png", "note": "修订版"})
    assert pf.get("attachments", aid)["name"] == "总平面图.png"


def test_only_records_that_hold_evidence_take_attachments(pf, tmp_path):
    uid, _ = pf.create("units", {"name": "某单位"})
    with pytest.raises(UserError, match="不能添加附件"):
        attach.attach(pf, uid, samples.pdf(tmp_path / "a.pdf"))


def test_saving_out_goes_through_the_output_guard(pf, milestone, tmp_path):
    aid, _ = attach.attach(pf, milestone, samples.pdf(tmp_path / "a.pdf"))
    out = attach.save_out(pf, aid, tmp_path / "copy.pdf")
    assert out.read_bytes() == (tmp_path / "a.pdf").read_bytes()
    with pytest.raises(UserError, match="正在使用的组合文件"):
        attach.save_out(pf, aid, pf.path)


def _cli(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=120)


def test_the_command_line_attaches_lists_saves_and_refuses(tmp_path):
    f = tmp_path / "p.sqlite"
    with Portfolio.open(f, create=True) as p:
        pid, _ = p.create("projects", {"name": "中试基地"})
    done = _cli("attach", f, pid, samples.jpeg(tmp_path / "现场.jpg"), "--json")
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["record"]["taken_on"] == "2026-03-15" and made["record"]["project_id"] == pid
    listed = json.loads(_cli("attachments", f, pid, "--json").stdout)
    assert [a["id"] for a in listed["attachments"]] == [made["id"]]
    saved = _cli("attachment-save", f, made["id"], "--out", tmp_path / "副本.jpg")
    assert saved.returncode == 0 and (tmp_path / "副本.jpg").read_bytes() == (tmp_path / "现场.jpg").read_bytes()
    before = f.read_bytes()
    refused = _cli("attach", f, pid, samples.executable(tmp_path / "setup.jpg"))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and "setup.jpg" in refused.stderr
    assert f.read_bytes() == before
