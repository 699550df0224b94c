"""Colour thresholds edited in the settings dialog, and the register filled off the UI thread."""
from PySide6.QtWidgets import QLabel

from db import colours
from db.portfolio import Portfolio
from db.store.changes import Create
from desktop.dialogs.settings import SettingsDialog
from desktop.screens import register as project_register


def test_thresholds_change_colours_and_undo(window):
    pf = window.pf
    today = pf.today()
    pid, _ = pf.create("projects", {"name": "阈值测试项目"})
    window.session.do([Create("milestones", {"project_id": pid, "name": "节点",
                                             "planned_date": today.fromordinal(today.toordinal() + 10).isoformat()})], "add")
    row = lambda: window.register.row(pid)  # noqa: E731
    assert row()["colour"] == colours.GREEN  # due in 10 days, warning starts at 7
    dialog = SettingsDialog(window.session, "zh", window)
    dialog.fields["due_soon_days"].setValue(14)
    dialog.save()
    assert colours.thresholds(pf)["due_soon_days"] == 14
    assert row()["colour"] == colours.YELLOW and "10 天后到期" in row()["colour_reason"]
    window.act_undo.trigger()
    assert colours.thresholds(pf)["due_soon_days"] == 7
    assert row()["colour"] == colours.GREEN


def test_large_register_is_built_in_background(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(project_register, "ASYNC_ABOVE", 50)
    path = tmp_path / "big.sqlite"
    with Portfolio.open(path, create=True) as pf:
        pf.apply([Create("projects", {"name": f"项目{i:03d}", "category": "孵化载体"}) for i in range(120)])
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(str(path), "zh")
    qtbot.waitUntil(lambda: len(w.register.rows()) == 120, timeout=10000)
    assert w.register.busy.text() == ""
    w.register.search.setText("项目11")
    assert w.register.list.model.rowCount() == 10
    from windows import close_window
    close_window(w)


def test_background_jobs_run_one_at_a_time(qtbot):
    """Two builds of the brief at once corrupted reportlab's shared font subset: core work runs
    on one background thread, in the order it was asked for."""
    import threading
    import time as _time

    from desktop.worker import Background
    spans, lock = [], threading.Lock()

    def job(name):
        def run():
            start = _time.perf_counter()
            _time.sleep(0.05)
            with lock:
                spans.append((name, start, _time.perf_counter()))
            return name
        return run
    a, b = Background(), Background()
    a.submit(job("a"), lambda _v: None)
    b.submit(job("b"), lambda _v: None)
    assert a.wait(5000)
    assert [s[0] for s in spans] == ["a", "b"]
    assert spans[0][2] <= spans[1][1]


def test_replan_slip_threshold_in_settings_and_slipped_count_in_detail(window):
    """Issue #21 finding 3: the baseline rule is a setting, explained in the dialog; a project
    shows how many of its milestones slipped past it."""
    pf, session = window.pf, window.session
    today = pf.today()
    pid, _ = pf.create("projects", {"name": "基线测试项目"})
    late = today.fromordinal(today.toordinal() - 156).isoformat()
    mid = session.do([Create("milestones", {"project_id": pid, "name": "主体封顶", "planned_date": late})],
                     "add").records[0].id
    later = today.fromordinal(today.toordinal() - 156 + 274).isoformat()
    session.do([__import__("db.store.changes").store.changes.Update("milestones", mid, {"planned_date": later},
                                                       "设备到货延期")], "replan")
    row = lambda: window.register.row(pid)  # noqa: E731
    assert row()["colour"] == colours.YELLOW and "较基线推迟 274 天" in row()["colour_reason"]
    window.show_project(pid)
    assert "较基线推迟超过 30 天 1 个" in window.detail.slip_label.text()
    dialog = SettingsDialog(window.session, "zh", window)
    assert "滞后按基线判断" in " ".join(w.text() for w in dialog.findChildren(QLabel))
    dialog.fields["replan_slip_days"].setValue(300)
    dialog.save()
    assert row()["colour"] == colours.GREEN
    assert "较基线推迟超过 300 天 0 个" in window.detail.slip_label.text()
