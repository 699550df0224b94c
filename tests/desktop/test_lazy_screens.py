"""The secondary screens are built when first needed, and then behave as if built at start."""
from windows import probe

PROBE = """
import json, sys
from desktop.app import build_window, make_app
make_app()
w = build_window(sys.argv[1], "zh")
w.show()
print(json.dumps({"pyqtgraph": "pyqtgraph" in sys.modules,
                  "built": {n: p.built for n, p in w.pages.items()}}))
"""


def test_start_builds_no_secondary_screen_and_no_chart_library(builtin_file, tmp_path):
    state = probe(PROBE, builtin_file, tmp_path / "data")
    assert state == {"pyqtgraph": False,
                     "built": {"timeline": False, "challenges": False, "indicators": False, "overview": False,
                               "review": False, "problems": False}}


def test_navigation_builds_each_screen_once_with_its_data(window):
    assert not any(p.built for p in window.pages.values())
    for row, name in enumerate(("timeline", "challenges", "indicators", "overview"), start=1):
        window.nav.setCurrentRow(row)
        page = window.pages[name]
        assert page.built and window.current_screen() is page.screen()
        assert page.screen().isVisible()
    assert window.challenges.model.rowCount() == window.pf.count("challenges")
    assert window.indicators.model.rowCount() > 0
    # programmes and task lines of the plans are in the register but not counted as projects
    assert window.overview.figures["counts"]["projects"] == window.pf.count("projects", entry_type=["项目", None])
    screens = {n: p.screen() for n, p in window.pages.items()}
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(4)
    assert {n: p.screen() for n, p in window.pages.items()} == screens


def test_screen_built_after_a_language_switch_speaks_that_language(window):
    window.language_requested.emit("en")
    try:
        window.nav.setCurrentRow(3)
        assert window.indicators.add_button.text() == "Add indicator"
        assert window.nav.item(3).text() == "Indicators"
    finally:
        window.language_requested.emit("zh")


def test_find_on_a_screen_without_search_does_nothing(window):
    window.nav.setCurrentRow(1)
    window.act_find.trigger()  # the timeline has no search field: no error
    window.nav.setCurrentRow(3)
    window.act_find.trigger()
    assert window.indicators.search.hasFocus() or not window.isActiveWindow()


def test_first_views_of_timeline_and_indicators_are_not_blank(window):
    window.nav.setCurrentRow(1)
    assert "选择项目" in window.timeline.title.text()  # nothing chosen yet: says how to choose
    pid = window.pf.create("projects", {"name": "无里程碑的项目"})[0]
    window.show_timeline([pid])
    assert "还没有里程碑" in window.timeline.title.text()
    window.nav.setCurrentRow(3)
    assert window.indicators.table.selectionModel().selectedRows()  # the chart shows the first one
    assert window.indicators.chart_title.text()
