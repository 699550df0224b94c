"""The timeline stays readable with many projects (issue 22): fixed row heights, vertical
scrolling, labels elided to the label column so they never overprint; the sidebar's 时间轴 shows
the project selected in the register, not the one opened before."""
import datetime as dt

from db.store.changes import Create
from desktop.screens.timeline import LABEL_WIDTH, ROW_HEIGHT


def _many_projects(window, n: int = 60) -> list[str]:
    today = window.pf.today()
    ops = []
    ids = []
    for i in range(n):
        pid = f"00000000-0000-4000-8000-{i:012d}"
        ids.append(pid)
        ops.append(Create("projects", {"name": f"第{i}号重大科技基础设施与产业创新平台建设项目（二期）"}, id=pid))
        for k in range(3):
            day = today + dt.timedelta(days=30 * k - 40 + i)
            ops.append(Create("milestones", {"project_id": pid, "name": f"里程碑{k}：主体结构封顶及设备安装调试",
                                             "planned_date": day.isoformat(), "baseline_date": day.isoformat()}))
    window.session.do(ops, "many")
    return ids


def test_sixty_projects_keep_fixed_rows_scroll_and_never_overprint(window, shots_dir):
    ids = _many_projects(window)
    window.resize(1366, 768)
    window.show_timeline(ids)
    view = window.timeline
    assert len(view.rows) == 180
    fit = view.visible_rows()
    box = view.plot.getViewBox()
    lo, hi = box.viewRange()[1]
    assert hi - lo == fit  # the rows shown: as many as fit at ROW_HEIGHT, not all 180 squeezed in
    assert box.height() / (hi - lo) >= ROW_HEIGHT - 1
    assert view.fontMetrics().height() < ROW_HEIGHT  # so neighbouring labels cannot touch
    assert view.scroll.isVisible() and view.scroll.maximum() == 180 - fit
    fm = view.fontMetrics()
    assert all(fm.horizontalAdvance(t) <= LABEL_WIDTH - 16 for t in view.axis.labels.values())
    assert view.axis.width() <= LABEL_WIDTH + 4
    assert window.grab().save(str(shots_dir / "timeline-60-top.png"))
    view.scroll.setValue(view.scroll.maximum())
    lo, hi = box.viewRange()[1]
    assert round(hi) == 180 and hi - lo == fit  # the last rows, at the same height
    assert window.grab().save(str(shots_dir / "timeline-60-bottom.png"))


def test_sidebar_timeline_shows_the_selected_project(window):
    reg = window.register
    reg.search.setText("超瞬态实验装置")
    reg.table.selectRow(0)
    first = reg.selected_ids()[0]
    window.detail.buttons["timeline"].click()
    assert window.timeline.project_ids == [first]
    window.nav.setCurrentRow(0)
    reg.search.setText("")
    other = next(r for r in reg.visible_ids() if r != first)
    reg.select(other)
    assert reg.selected_ids() == [other]
    window.nav.setCurrentRow(1)  # the sidebar's 时间轴
    assert window.timeline.project_ids == [other]
    assert window.timeline.title.text() == window.pf.get("projects", other)["name"]
