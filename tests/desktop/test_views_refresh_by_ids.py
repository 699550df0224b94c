"""In the real window an edit refreshes the register row by row (issue #20): after random edits
the register's rows equal a full reload, in the order of the sorted column, the filtered view shows
exactly the matching rows, the selection stays on its project, and the overview's tiles carry the
colours a full recomputation gives."""
import random

from PySide6.QtCore import Qt

from db.rows import register
from db.rows.overview import overview
from db.rows.ranking import FULL_RANKING_UP_TO
from db.store.changes import Update
from desktop.widgets.record_table import ROW_ROLE, SORT_ROLE, cell_data
from refresh_edits import random_edit


def search_rank(name: str, found: int) -> int:
    """The search's order (issue #22): the exact name, then names starting with the text, then names
    containing it (only among few matches); within a rank the sorted column's order (a stable sort)."""
    rank = 0 if name == "中心" else 1 if name.startswith("中心") else 2 if "中心" in name else 3
    return rank if found <= FULL_RANKING_UP_TO or rank < 2 else 3


def visible_ids(reg) -> list[str]:
    shown = reg.list.model
    return [shown.data(shown.index(r, 0), ROW_ROLE)["id"] for r in range(shown.rowCount())]


def test_register_refreshed_by_ids_equals_a_full_reload(window, qtbot):
    reg, pf = window.register, window.pf
    qtbot.waitUntil(lambda: len(reg.list.all_rows) > 0)
    next_date = [c.key for c in reg.list.columns].index("next_date")
    reg.table.horizontalHeader().setSortIndicator(next_date, Qt.AscendingOrder)
    reg.search.setText("中心")
    resets = []
    reg.list.model.modelReset.connect(lambda: resets.append(1))
    rng = random.Random(7)
    for _ in range(30):
        window.session.do(random_edit(pf, rng), "随机修改")
        full = {r["id"]: r for r in register.project_rows(pf)}
        assert {r["id"]: r for r in reg.list.all_rows} == full
        keys = [cell_data(r, reg.list.columns[next_date], SORT_ROLE) for r in reg.list.all_rows]
        assert keys == sorted(keys)
        found = [r for r in reg.list.all_rows if "中心" in reg.list._row_text(r)]
        expected = [r["id"] for r in sorted(found, key=lambda r: search_rank(r["name"], len(found)))]
        assert visible_ids(reg) == expected and expected
        assert window._counts == pf.counts()  # the status bar's counts follow creates and deletes
    for _ in range(6):  # and undo
        window.session.undo_stack.undo()
        assert {r["id"]: r for r in reg.list.all_rows} == {r["id"]: r for r in register.project_rows(pf)}
        assert window._counts == pf.counts()
    assert not resets  # row by row: the view was never reset (selection and scroll kept)


def test_selection_kept_and_overview_tiles_recoloured(window, qtbot):
    reg, pf = window.register, window.pf
    qtbot.waitUntil(lambda: reg.list.model.rowCount() > 0)
    reg.table.selectRow(3)
    chosen = reg.selected_ids()[0]
    window.nav.setCurrentRow(window.screens.index(window.pages["overview"]))
    screen = window.overview
    qtbot.waitUntil(lambda: screen.figures is not None)
    rng = random.Random(11)
    moved = 0
    for _ in range(25):
        ms = [m for m in pf.list("milestones", fields=("project_id", "planned_date")) if m["project_id"]]
        m = rng.choice(ms)
        window.session.do([Update("milestones", m["id"], {"status": rng.choice(("受阻", "进行中", "已完成"))})], "状态")
        truth = overview(pf)["project_colours"]
        tiles = {i["id"]: i["colour"] for _label, items in screen.tiles.groups for i in items}
        assert tiles == {pid: c["colour"] for pid, c in truth.items() if pid in tiles}
        assert screen.figures["colours"]["total"] == overview(pf)["colours"]["total"]
        moved += 1
    assert moved and reg.selected_ids() == [chosen]
