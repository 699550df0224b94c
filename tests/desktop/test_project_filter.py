"""The register's filter shows exactly the rows a plain scan would, however the search was typed
(the register is the app's one filtered table, fed with the register's search keys)."""
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from db.rows.register import SEARCH_KEYS
from db.rows.search import search
from desktop.screens.register import CRITERION
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.record_table import Column

NAMES = ["量子精密测量中心", "人工智能研究院", "滨江孵化器", "量子信息实验室", "生物医药产业园", "中心实验室"]
ZONES = ["西永", "滨江", ""]


def rows(n: int = 60) -> list[dict]:
    return [{"id": f"p{i}", "name": f"{NAMES[i % len(NAMES)]}{i}", "code": f"KC{i:04d}", "units": "重庆大学",
             "zone": ZONES[i % 3], "domain": "", "category": "孵化载体" if i % 2 else "科研平台",
             "category_label": "", "stage": "建设" if i % 5 else "谋划", "stage_label": "", "tags": "",
             "source": "", "next_milestone": "", "colour": "red" if i % 4 == 0 else "green",
             "unit_ids": ["u1"] if i % 3 else ["u2"]} for i in range(n)]


def expected(data: list[dict], text: str, criteria: dict) -> list[str]:
    terms = text.lower().split()
    out = []
    for r in data:
        blob = " ".join(str(r.get(k) or "") for k in SEARCH_KEYS).lower()
        if any(v and (v not in r["unit_ids"] if k == "unit_id" else r[k] != v) for k, v in criteria.items()):
            continue
        if all(t in blob for t in terms):
            out.append(r["id"])
    return out


def shown(table: FilteredTable) -> list[str]:
    return [r["id"] for r in table.model.rows]


def make(qapp, data):
    table = FilteredTable([Column("name", "项目名称")], None, lambda n: f"{n} 个项目", search_keys=SEARCH_KEYS)
    table.set_rows(data)
    return table


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["量", "子", "量子", " ", "中心", "kc00", "滨江", "1", "x", "BACK", "BACK"]),
                max_size=12),
       st.sampled_from([None, "孵化载体"]), st.sampled_from([None, "滨江"]), st.sampled_from([None, "u2"]))
def test_typing_and_deleting_shows_what_a_scan_shows(qapp, steps, category, zone, unit):
    data = rows()
    table = make(qapp, data)
    criteria = {"category": category, "zone": zone, "unit_id": unit}
    for key, value in criteria.items():
        table.set_criterion(CRITERION.get(key, key), value)
    text = ""
    for step in steps:
        text = text[:-1] if step == "BACK" else text + step
        table.search.setText(text)
        assert shown(table) == expected(data, text, criteria), text
        # the Qt-free matching alone says the same
        texts = [table._row_text(r) for r in data]
        found = search(data, texts, text, words=True,
                       criteria={CRITERION.get(k, k): v for k, v in criteria.items()})
        assert [data[i]["id"] for i in found] == expected(data, text, criteria), text
    table.deleteLater()


def test_rows_replaced_or_resorted_are_searched_afresh(qtbot):
    data = rows()
    table = make(qtbot, data)
    qtbot.addWidget(table)
    table.search.setText("量子")
    before = shown(table)
    assert before == expected(data, "量子", {})
    table.table.horizontalHeader().setSortIndicator(0, Qt.DescendingOrder)  # the rows reordered
    assert sorted(shown(table)) == sorted(before)
    renamed = [dict(r, name="量子" + r["name"]) if r["id"] == "p2" else r for r in data]
    table.set_rows(renamed)
    assert "p2" in shown(table)
    table.search.setText("量子精")
    assert sorted(shown(table)) == sorted(expected(renamed, "量子精", {})) != []
