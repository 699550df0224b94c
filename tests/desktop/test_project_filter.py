"""The register's filter shows exactly the rows a plain scan would (ranked as db/rows/ranking.py ranks
them), however the search was typed (the register is the app's one filtered table, fed with the
register's search keys)."""
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from db.rows.ranking import name_forms, rank
from db.rows.register import SEARCH_KEYS
from db.rows.search import names_of, search
from desktop.screens.register import CRITERION
from desktop.widgets.filtered_table import FilteredTable
from desktop.widgets.record_table import ROW_ROLE, Column

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
    for i, r in enumerate(data):
        blob = " ".join(str(r.get(k) or "") for k in SEARCH_KEYS).lower() + " " + name_forms(r["name"])
        if any(v and (v not in r["unit_ids"] if k == "unit_id" else r[k] != v) for k, v in criteria.items()):
            continue
        if all(t in blob for t in terms):
            out.append((rank(" ".join(terms), r["name"], blob) if terms else 0, i, r["id"]))
    return [rid for _rank, _i, rid in sorted(out)]


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
                       criteria={CRITERION.get(k, k): v for k, v in criteria.items()}, names=names_of(data))
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


@pytest.mark.parametrize("seed", range(4))
def test_rows_refreshed_by_ids_show_what_a_reload_shows(qtbot, qtmodeltester, seed):
    """An edit's rows replaced by id (renamed: moved in the order; filtered in or out; created;
    deleted) show what the same table fed all the rows shows, without a reset, the selected
    record still selected while it shows."""
    rng = random.Random(seed)
    data = rows()
    table = make(qtbot, data)
    qtbot.addWidget(table)
    qtmodeltester.check(table.model)  # and it keeps checking every signal below
    sort = rng.choice([None, Qt.AscendingOrder, Qt.DescendingOrder])
    if sort is not None:
        table.table.horizontalHeader().setSortIndicator(0, sort)
    criteria = {"category": rng.choice([None, "孵化载体"]), "unit_id": rng.choice([None, "u2"])}
    for key, value in criteria.items():
        table.set_criterion(CRITERION.get(key, key), value)
    text = rng.choice(["", "量子", "中心 1"])
    table.search.setText(text)
    table.table.selectRow(1)
    chosen = table.selected_row()["id"]
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))
    for step in range(30):
        fresh, removed = [], []
        for _ in range(rng.randint(1, 4)):
            r = rng.choice(data)
            what = rng.choice(["rename", "category", "unit", "zone", "delete", "create"])
            if what == "delete":
                data.remove(r)
                removed.append(r["id"])
                continue
            if what == "create":
                r = dict(r, id=f"n{seed}-{step}-{len(fresh)}", name=f"{rng.choice(NAMES)}新{step}{len(fresh)}")
                data.append(r)
            else:
                new = dict(r, **{"rename": {"name": f"{rng.choice(NAMES)}改{step}{len(fresh)}"},
                                 "category": {"category": rng.choice(["孵化载体", "科研平台"])},
                                 "unit": {"unit_ids": rng.choice([["u1"], ["u2"], ["u1", "u2"]])},
                                 "zone": {"zone": rng.choice(ZONES)}}[what])
                data[data.index(r)] = new
                r = new
            fresh = [f for f in fresh if f["id"] != r["id"]] + [r]
        table.update_rows(fresh, removed)
        assert not resets  # row by row: selection and scroll stay
        reference = make(qtbot, list(data))
        qtbot.addWidget(reference)
        if sort is not None:
            reference.table.horizontalHeader().setSortIndicator(0, sort)
        for key, value in criteria.items():
            reference.set_criterion(CRITERION.get(key, key), value)
        reference.search.setText(text)
        assert shown(table) == shown(reference)
        assert sorted(shown(table)) == sorted(expected(data, text, criteria))
        assert table.count_label.text() == reference.count_label.text()
        assert sorted(r["id"] for r in table.all_rows) == sorted(r["id"] for r in data)
        if table._texts is not None:
            assert table._texts == [table._row_text(r) for r in table.all_rows]
        if chosen is not None and chosen not in shown(table):
            chosen = None  # filtered out or deleted: dropped from the selection, nothing else selected
        assert selected(table) == ([chosen] if chosen else [])
        table.search.setText(text + "1")  # typing on narrows from the rows shown now
        reference.search.setText(text + "1")
        assert shown(table) == shown(reference)
        table.search.setText(text)
        chosen = chosen if chosen in selected(table) else None
        resets.clear()


def selected(table: FilteredTable) -> list[str]:
    return [table.model.data(i, ROW_ROLE)["id"] for i in table.table.selectionModel().selectedRows()]
