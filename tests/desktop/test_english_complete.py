"""The English UI and brief have no Chinese left (issue 22): every screen's visible texts (labels,
buttons, tabs, combo items, menus, window titles, table headers and cells, chart labels, the detail
pane) and the English brief's text (pdftotext) hold no Han character. The portfolio's own data are
all in Latin letters here, so any Han character found is an untranslated string of the app."""
import datetime as dt
import re
import subprocess

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from windows import close_window

from db.portfolio import Portfolio

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def latin_portfolio(path):
    """Every kind of record, every name in Latin letters, some milestones overdue, a team out."""
    with Portfolio.open(path, create=True) as pf:
        today = pf.today()

        def day(n):
            return (today + dt.timedelta(days=n)).isoformat()
        unit = pf.create("units", {"name": "Riverside Science Bureau", "kind": "政府部门"})[0]
        uni = pf.create("units", {"name": "Hilltop University", "kind": "高校"})[0]
        for i, (category, stage) in enumerate((("重大科技基础设施", "建设"), ("孵化载体", "谋划"),
                                               ("科技服务平台", "开工"))):
            pid = pf.create("projects", {"name": f"Light Source {i}", "category": category, "stage": stage,
                                         "lead_unit_id": unit, "responsible_unit_ids": [uni], "zone": "North",
                                         "total_investment": 150000.0 * (i + 1), "invested_to_date": 3200.0,
                                         "annual_plan_investment": 5000.0, "annual_invested": 1200.0,
                                         "planned_start": day(-400)})[0]
            for k, (status, planned) in enumerate((("进行中", -20), ("未开始", 3), ("已完成", -60), ("受阻", 10))):
                pf.create("milestones", {"project_id": pid, "name": f"Step {k} of {i}", "status": status,
                                         "planned_date": day(planned), "baseline_date": day(planned - 30),
                                         "owner_unit_id": uni, **({"actual_date": day(planned)} if status == "已完成" else {})})
        cid = pf.create("challenges", {"title": "Sensor Chip Challenge", "issuer_unit_id": unit, "stage": "攻关中",
                                       "race_mode": "赛马", "budget_fiscal": 800.0, "budget_matching": 200.0,
                                       "domain": "Sensors"})[0]
        pf.create("teams", {"challenge_id": cid, "name": "Team Alpha", "unit_id": uni, "status": "立项"})
        pf.create("teams", {"challenge_id": cid, "name": "Team Beta", "unit_id": uni, "status": "淘汰"})
        iid = pf.create("indicators", {"name": "Patents per 10k people", "plan": "Plan 2030", "unit": "pcs",
                                       "baseline_year": 2020, "baseline_value": 10.0, "target_year": 2030,
                                       "target_value": 30.0, "owner_unit_id": unit})[0]
        pf.create("indicator_values", {"indicator_id": iid, "year": today.year - 1, "value": 14.5})
    return path


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a user reads in `root`'s visible widgets."""
    out = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = type(w).__name__
        if isinstance(w, QLabel):
            out.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QTextEdit):
            out.append((name, w.toPlainText()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(w.model(), name)
        out.append((name + " tooltip", w.toolTip()))
    from desktop.widgets.tile_map import TileMap
    for tiles in root.findChildren(TileMap):  # painted by hand: its group headings
        if tiles.isVisibleTo(root):
            out += [("tile group", label) for _rect, label, _items in tiles._labels]
    for menu in root.findChildren(QMenu):
        out += [("menu", a.text()) for a in menu.actions()] + [("menu", menu.title())]
    from desktop.widgets.charts import LabelAxis
    for plot in _plots(root):
        for item in plot.getPlotItem().axes.values():
            axis = item["item"]
            if isinstance(axis, LabelAxis):
                out += [("chart axis", t) for t in axis.labels.values()]
            out.append(("chart label", axis.labelText))
        out.append(("chart title", plot.getPlotItem().titleLabel.text))
    return out


def _plots(root):
    import pyqtgraph as pg
    return [p for p in root.findChildren(pg.PlotWidget) if p.isVisibleTo(root)]


def _model_texts(model, name, parent=None, depth=0):
    from PySide6.QtCore import QModelIndex, Qt
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model (columnCount is private there): one column
        columns = 1
    out = [(name + " header", str(model.headerData(c, Qt.Horizontal) or ""))
           for c in range(columns)] if depth == 0 else []
    for r in range(min(model.rowCount(parent), 50)):
        for c in range(columns):
            idx = model.index(r, c, parent)
            out.append((name + " cell", str(idx.data() or "")))
            out.append((name + " cell tooltip", str(idx.data(Qt.ToolTipRole) or "")))
        if depth < 1 and columns > 1 and model.rowCount(model.index(r, 0, parent)):
            out += _model_texts(model, name, model.index(r, 0, parent), depth + 1)
    return out


def chinese(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    # the language menu names each language in itself (中文), and its title says 语言 too, so that
    # whoever is lost in a language they do not read can find the way back
    return sorted({(w, t) for w, t in found if t and HAN.search(t.replace("中文", "").replace("Language / 语言", ""))})


@pytest.fixture(params=["started in English", "switched to English"])
def english_window(qtbot, tmp_path, request):
    """Either started in English, or started in Chinese with every screen built and the first project
    shown, then switched (视图 → 语言): each widget's retranslation is checked too."""
    from desktop.app import build_window, make_app
    path = latin_portfolio(tmp_path / "latin.sqlite")
    make_app()
    switch = request.param == "switched to English"
    w = build_window(str(path), "zh" if switch else "en")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    if switch:
        w.register.table.selectRow(0)
        for row in range(w.nav.count()):
            w.nav.setCurrentRow(row)
            qtbot.wait(20)
        w.nav.setCurrentRow(0)
        w.lang_actions["en"].trigger()
        qtbot.wait(50)
    yield w
    close_window(w)
    from desktop import translation
    translation.install("zh")


def test_every_screen_of_the_english_ui_is_english(english_window, qtbot, shots_dir):
    w = english_window
    from PySide6.QtWidgets import QApplication
    assert not HAN.search(QApplication.applicationDisplayName())  # Qt adds it to every window title
    w.register.table.selectRow(0)
    found = []
    for row in range(w.nav.count()):
        w.nav.setCurrentRow(row)
        screen = w.current_screen()
        for view in screen.findChildren(QAbstractItemView):
            if view.isVisibleTo(screen) and view.model() is not None and view.model().rowCount():
                view.setCurrentIndex(view.model().index(0, 0))
        qtbot.wait(50)
        tabs = [t for t in screen.findChildren(QTabWidget) if t.isVisibleTo(screen)]
        for tab in tabs or [None]:
            for i in range(tab.count() if tab else 1):
                if tab:
                    tab.setCurrentIndex(i)
                    qtbot.wait(20)
                found += [(f"{row}/{type(screen).__name__}: {where}", text) for where, text in visible_texts(w)]
        w.grab().save(str(shots_dir / f"english-{row}.png"))
    if w.register.table.model().rowCount():
        w.show_timeline(w.register.visible_ids())
        found += [(f"timeline: {where}", text) for where, text in visible_texts(w)]
    # an "&" in a tab, button or label text is taken as a mnemonic ("Pledges _funding"): write "&&"
    lone = sorted({t for w, t in found if w.split(": ")[-1] in ("QTabBar", "QPushButton", "QCheckBox", "QRadioButton")
                   and "&" in t.replace("&&", "")})
    assert lone == []
    assert any(t == "Pledges && funding" for _w, t in found)
    # amounts and times as people write them: no "150000.0", no "2026-12-03T08:07:24"
    raw = sorted({(w, t) for w, t in found if re.search(r"\d{4}-\d\d-\d\dT\d\d:|(?<![\d.])\d+\.0(?![\d%])", t)})
    assert raw == [], raw
    assert any("CNY 1.5 billion" in t for _w, t in found)  # the detail pane's total investment
    left = chinese(found)
    assert left == [], "\n".join(f"{w}: {t!r}" for w, t in left)


def test_english_brief_has_no_chinese_and_no_broken_words(tmp_path):
    from desktop.cli import main
    path = latin_portfolio(tmp_path / "latin.sqlite")
    pdf = tmp_path / "brief.pdf"
    assert main(["--lang", "en", "brief", str(path), "--out", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Light Source 0" in text and "Days overdue" in " ".join(text.split())
    lines = [ln for ln in text.splitlines() if HAN.search(ln)]
    assert lines == []
    assert "ove rdue" not in text and "ove\nrdue" not in text
    assert re.search(r"^1\. ", text, re.M) and "一、" not in text
