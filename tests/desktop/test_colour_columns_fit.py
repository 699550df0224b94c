"""A colour column shows its whole colour name (待核实 was drawn "待…" in the register): in both
languages every colour table's 亮灯 column is at least as wide as Qt's delegate asks for its cells."""
import pytest

from desktop.widgets.record_table import ROW_ROLE


def colour_columns(window) -> dict:
    """Each shown table with a colour column → (table, that column)."""
    window.nav.setCurrentRow(3)  # 指标, built when first shown
    window.nav.setCurrentRow(0)
    tables = {"register": window.register.table, "milestones": window.detail.table,
              "indicators": window.indicators.table}
    out = {}
    for name, table in tables.items():
        model = table.model()
        cols = [i for i, c in enumerate(model.columns) if c.kind == "colour"]
        assert cols, name
        out[name] = (table, cols[0])
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_colour_names_are_not_cut(window, qtbot, lang, shots_dir):
    window.lang_actions[lang].trigger()
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        table = window.register.table
        pending = next(r for r in range(table.model().rowCount())
                       if table.model().data(table.model().index(r, 0), ROW_ROLE)["colour"] == "pending")
        table.selectRow(pending)  # its project's milestones are 待核实 too
        qtbot.wait(50)
        for name, (view, col) in colour_columns(window).items():
            assert view.model().rowCount(), name
            view.resizeRowsToContents()
            needed = view.sizeHintForColumn(col)  # chip + text + margins, as the delegate paints them
            assert view.columnWidth(col) >= needed, (lang, name, view.columnWidth(col), needed)
        window.grab().save(str(shots_dir / f"colour-columns-{lang}.png"))
    finally:
        window.lang_actions["zh"].trigger()
