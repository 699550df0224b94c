"""The targets of issue #20 per scale (small is held to the city targets). run.py applies them to
the figures the groups measured, so each group module need not know the scale."""
from __future__ import annotations

CITY = {
    "cold_start_painted": {"max_ratio": 2.0},
    "cold_start_rows_loaded": {"max": 1.0},
    "peak_rss": {"max": 300.0},
    "colours_all": {"max_ratio": 0.5},
    "filter_register_p95": {"max": 16.0},
    "filter_milestones_p95": {"max": 16.0},
    "filter_register_p50": None,
    "filter_milestones_p50": None,
    "filter_repaint": None,
    "brief_pdf": {"max": 2.0},
    "brief_docx": {"max": 2.0},
    "xlsx_import_10k": {"max_ratio": 1.5},
    "merge_10pct_each_side": {"max_ratio": 2.0},
    "merge_unit_changeset": {"max": 0.3},
    "export_one_unit": {"max": 1.0},
    "xlsx_export_all": {"max_ratio": 1.5},
    "template_one_unit": {"max": 1.0},
    "ics_all": {"max_ratio": 1.5},
    "edit_refresh_p95": {"max": 50.0},
    "edit_refresh_overview_p95": {"max": 50.0},
    "ui_blocked_edits": {"max": 200.0},
    "ui_blocked_export": {"max": 200.0},
    "ui_blocked_import": {"max": 200.0},
    **{f"ui_blocked_{action}": {"max": 200.0} for action in (
        "brief_pdf", "brief_docx", "template", "ics", "import_read", "import_apply", "merge_check", "merge", "sync",
        "open", "charts")},
}
PROVINCE = {**CITY, "cold_start_rows_loaded": {"max": 3.0}, "peak_rss": {"max": 700.0},
            "filter_register_p95": {"max": 50.0}, "filter_milestones_p95": {"max": 50.0}, "brief_pdf": {"max": 4.0},
            "brief_docx": {"max": 4.0},
            "edit_refresh_p95": {"max": 100.0}, "edit_refresh_overview_p95": {"max": 100.0}}
TARGETS = {"small": CITY, "city": CITY, "province": PROVINCE}


def apply(figures: list[dict], scale: str) -> list[dict]:
    """Set each figure's target (and verdict) to the issue's for this scale."""
    targets = TARGETS[scale]
    for f in figures:
        if f["name"] not in targets:
            continue
        t = targets[f["name"]]
        f["target"] = dict(t) if t else None
        if f["value"] is None or not t:
            f["ok"] = None
            continue
        ok = True
        if "max" in t:
            ok = ok and f["value"] <= t["max"]
        if "max_ratio" in t:
            ok = ok and f["ratio"] is not None and f["ratio"] <= t["max_ratio"]
        f["ok"] = ok
    return figures
