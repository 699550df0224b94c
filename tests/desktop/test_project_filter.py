"""The register's filter shows exactly the rows a plain scan would (ranked as db/search.py ranks
them), however the search was typed."""
from hypothesis import given, settings
from hypothesis import strategies as st

from db.search import name_forms, rank
from desktop.widgets.project_filter import SEARCH_KEYS, ProjectFilterProxy
from desktop.widgets.record_table import Column, RecordTableModel

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


def shown(proxy: ProjectFilterProxy) -> list[str]:
    model = proxy.sourceModel()
    return [model.rows[proxy.mapToSource(proxy.index(i, 0)).row()]["id"] for i in range(proxy.rowCount())]


def make(qapp, data):
    model = RecordTableModel([Column("name", "项目名称")])
    model.set_rows(data)
    proxy = ProjectFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["量", "子", "量子", " ", "中心", "kc00", "滨江", "1", "x", "BACK", "BACK"]),
                max_size=12),
       st.sampled_from([None, "孵化载体"]), st.sampled_from([None, "滨江"]), st.sampled_from([None, "u2"]))
def test_typing_and_deleting_shows_what_a_scan_shows(qapp, steps, category, zone, unit):
    data = rows()
    model, proxy = make(qapp, data)
    criteria = {"category": category, "zone": zone, "unit_id": unit}
    for key, value in criteria.items():
        proxy.set_criterion(key, value)
    text = ""
    for step in steps:
        text = text[:-1] if step == "BACK" else text + step
        proxy.set_search(text)
        assert shown(proxy) == expected(data, text, criteria), text


def test_rows_replaced_or_resorted_are_searched_afresh(qapp):
    data = rows()
    model, proxy = make(qapp, data)
    proxy.set_search("量子")
    before = shown(proxy)
    assert before == expected(data, "量子", {})
    model.sort(0)  # the source reorders its rows in place
    assert sorted(shown(proxy)) == sorted(before)
    renamed = [dict(r, name="量子" + r["name"]) if r["id"] == "p2" else r for r in data]
    proxy.invalidate_cache()
    model.set_rows(renamed)
    assert "p2" in shown(proxy)
    proxy.set_search("量子精")
    assert sorted(shown(proxy)) == sorted(expected(renamed, "量子精", {})) != []
