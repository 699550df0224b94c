"""The project detail's 佐证材料 panel (issue #18): a milestone's photos as thumbnails with their
拍摄日期; 添加附件 and 删除 are undoable edits through the session; 另存为 writes the bytes; 打开
hands a copy named by its content's type to the system viewer (QDesktopServices), never runs it."""
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "attachments"))
import samples  # noqa: E402


def _milestone(window) -> tuple[str, str]:
    pf = window.pf
    with_milestones = {m["project_id"] for m in pf.list("milestones", fields=("project_id",))}
    pid = next(p["id"] for p in pf.list("projects") if p["id"] in with_milestones)
    window.show_project(pid)
    detail = window.detail
    row = 0
    mid = detail.milestones.rows[row]["id"]
    detail.table.selectionModel().select(detail.milestones.index(row, 0),
                                         QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    return pid, mid


def test_a_milestones_photos_show_with_their_shooting_date(window, tmp_path, shots_dir, monkeypatch):
    pid, mid = _milestone(window)
    panel = window.detail.attachments
    assert panel.owner_id == mid and panel.list.count() == 0
    assert panel.attach_path(samples.jpeg(tmp_path / "主体封顶.jpg", size=(1200, 800), colour=(40, 160, 60)))
    assert panel.attach_path(samples.pdf(tmp_path / "验收报告.pdf"))
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts == ["主体封顶.jpg\n拍摄日期 2026-03-15", "验收报告.pdf"]
    assert "佐证材料（2）" in panel.title.text() and "里程碑「" in panel.title.text()
    icon = panel.list.item(0).icon().pixmap(120, 120).toImage()
    colour = icon.pixelColor(icon.width() // 2, icon.height() // 2)
    assert abs(colour.green() - 160) < 12 and colour.red() < 60  # the photo's own thumbnail
    window.grab().save(str(shots_dir / "attachments_panel.png"))

    # a refused file: one message, nothing added
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    assert panel.attach_path(samples.executable(tmp_path / "setup.jpg")) is None
    assert len(warnings) == 1 and "不是可接受的附件类型" in warnings[0] and panel.list.count() == 2

    # 另存为 and 打开 (to the system viewer, with the extension of its content)
    panel.list.setCurrentRow(0)
    aid = panel.selected_id()
    saved = panel.save_to(aid, tmp_path / "副本.jpg")
    assert saved.read_bytes() == (tmp_path / "主体封顶.jpg").read_bytes()
    opened = []
    monkeypatch.setattr("desktop.widgets.attachments_panel.QDesktopServices.openUrl", lambda url: opened.append(url))
    window.pf.update("attachments", aid, {"name": "照片.exe"})
    panel.open_selected()
    assert len(opened) == 1
    viewed = Path(opened[0].toLocalFile())
    assert viewed.suffix == ".jpg" and viewed.read_bytes() == saved.read_bytes()

    # 删除, then undo
    assert panel.delete(aid)
    assert panel.list.count() == 1
    window.act_undo.trigger()
    assert panel.list.count() == 2


def test_without_a_selected_milestone_the_panel_shows_the_projects_own(window, tmp_path):
    pid, _mid = _milestone(window)
    detail = window.detail
    detail.table.clearSelection()
    assert detail.attachments.owner_id == pid
    detail.attachments.attach_path(samples.png(tmp_path / "总平面图.png"))
    assert window.pf.list("attachments", project_id=pid)[0]["name"] == "总平面图.png"
    assert detail.attachments.list.count() == 1


def test_the_attachment_budget_is_set_in_the_settings_dialog(window, tmp_path, shots_dir, monkeypatch):
    from db.attachments.attach import ATTACHMENT_BUDGET_KEY, budget_bytes
    from desktop.dialogs.settings import SettingsDialog
    pf = window.pf
    assert budget_bytes(pf) == 500 * 2**20
    dialog = SettingsDialog(window.session, "zh")
    dialog.budget.setValue(1)
    dialog.grab().save(str(shots_dir / "settings_budget.png"))
    dialog.save()
    assert pf.setting(ATTACHMENT_BUDGET_KEY) == 1
    _pid, _mid = _milestone(window)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    import os

    from PIL import Image
    big = tmp_path / "noise.png"
    Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3)).save(big)
    assert window.detail.attachments.attach_path(big) is None
    assert "上限 1 MB" in warnings[0]
    window.act_undo.trigger()
    assert budget_bytes(pf) == 500 * 2**20


def test_a_problems_evidence_in_the_problem_detail(window, tmp_path, shots_dir):
    from db.store.changes import Create
    pf, session = window.pf, window.session
    project = next(p for p in pf.list("projects") if p["lead_unit_id"])
    qid = session.do([Create("problems", {"project_id": project["id"], "description": "用地指标未落实"})],
                     "add").records[0].id
    window.nav.setCurrentRow(6)
    screen = window.problems
    assert window.current_screen() is screen and screen.select(qid)
    panel = screen.detail.attachments
    assert panel.owner_id == qid and panel.list.count() == 0
    assert panel.attach_path(samples.jpeg(tmp_path / "用地现场.jpg", taken="2026:05:20 16:40:00"))
    assert panel.list.item(0).text() == "用地现场.jpg\n拍摄日期 2026-05-20"
    assert pf.list("attachments", problem_id=qid)[0]["name"] == "用地现场.jpg"
    window.grab().save(str(shots_dir / "problem_attachments.png"))


def test_a_teams_evidence_in_the_challenge_detail(window, tmp_path, shots_dir):
    from db.store.changes import Create
    screen = window.challenges
    window.nav.setCurrentRow(2)
    screen.table.selectRow(0)
    cid = screen.selected_id()
    window.session.do([Create("teams", {"challenge_id": cid, "name": "攻关团队"})], "add")
    tab = screen.detail.teams
    tab.table.selectRow(0)
    team = tab.selected()
    assert tab.attachments.owner_id == team["id"]
    assert tab.attachments.attach_path(samples.pdf(tmp_path / "军令状扫描件.pdf"))
    assert window.pf.list("attachments", team_id=team["id"])[0]["media_type"] == "application/pdf"
    assert tab.attachments.list.count() == 1
    window.grab().save(str(shots_dir / "team_attachments.png"))


def test_a_reviews_evidence_in_the_reviews_tab(window, tmp_path):
    from db.store.changes import Create
    screen = window.challenges
    window.nav.setCurrentRow(2)
    screen.table.selectRow(0)
    cid = screen.selected_id()
    tid = window.session.do([Create("teams", {"challenge_id": cid, "name": "攻关团队"})], "add").records[0].id
    window.session.do([Create("reviews", {"team_id": tid, "date": "2026-06-01", "result": "通过"})], "add")
    tab = screen.detail.reviews
    tab.show_challenge(cid)
    tab.table.selectRow(0)
    assert tab.attachments.attach_path(samples.pdf(tmp_path / "考核意见.pdf"))
    review = window.pf.list("reviews", team_id=tid)[0]
    assert window.pf.list("attachments", review_id=review["id"])[0]["name"] == "考核意见.pdf"
    assert tab.attachments.list.count() == 1
