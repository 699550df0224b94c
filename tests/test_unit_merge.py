"""Issue #21 finding 4 (core): near-duplicate unit names and merging duplicates through the write path."""
from __future__ import annotations

from db.unit_merge import duplicate_groups, merge_ops, near_duplicates, unit_key
from write_helpers import path, pf  # noqa: F401


def test_unit_key_ignores_company_suffix_spaces_and_full_width():
    assert unit_key("重庆 长安汽车股份有限公司") == unit_key("重庆长安汽车") == unit_key("重庆长安汽车有限公司")
    assert unit_key("ＡＢＣ科技有限公司") == unit_key("abc科技")
    assert unit_key("重庆大学") != unit_key("重庆师范大学")


def test_merge_moves_every_reference_and_undoes(pf):  # noqa: F811
    keep, _ = pf.create("units", {"name": "重庆长安汽车股份有限公司", "kind": "企业"})
    dup, _ = pf.create("units", {"name": "重庆长安汽车", "kind": "企业"})
    other, _ = pf.create("units", {"name": "重庆大学", "kind": "高校"})
    assert [u["id"] for u in near_duplicates(pf, "重庆 长安汽车有限公司")] == [keep, dup]
    assert [[u["id"] for u in g] for g in duplicate_groups(pf)] == [[keep, dup]]
    p, _ = pf.create("projects", {"name": "智能网联示范区", "lead_unit_id": dup,
                                  "responsible_unit_ids": [dup, other, keep]})
    m, _ = pf.create("milestones", {"project_id": p, "name": "路测开放", "owner_unit_id": dup})
    changes = pf.apply(merge_ops(pf, keep, [dup]))
    project = pf.get("projects", p)
    assert project["lead_unit_id"] == keep and project["responsible_unit_ids"] == [keep, other]
    assert pf.get("milestones", m)["owner_unit_id"] == keep
    assert pf.get("units", dup) is None and duplicate_groups(pf) == []
    pf.undo(changes)
    assert pf.get("units", dup) is not None
    assert pf.get("projects", p)["responsible_unit_ids"] == [dup, other, keep]
    assert pf.get("milestones", m)["owner_unit_id"] == dup
