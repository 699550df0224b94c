"""The plans' indicator tables (指标体系) as the 指标 screen shows them, and yearly actuals."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from db import colours
from db.builtin import number
from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr_enum
from db.store.changes import Create, Delete, Op, Update

if TYPE_CHECKING:
    from db.portfolio import Portfolio


def plans(pf: Portfolio) -> list[str]:
    """Plan names in the order their indicators were entered (the documents' order)."""
    return list(dict.fromkeys(i["plan"] for i in pf.list("indicators")))


def year_span(rows: list[dict]) -> list[int]:
    years = [y for r in rows for y in (r["baseline_year"], r["target_year"]) if y]
    years += [y for r in rows for y in r["values"]]
    return list(range(min(years), max(years) + 1)) if years else []


def table(pf: Portfolio, plan: str | None, as_of: dt.date | None = None) -> list[dict]:
    as_of = as_of or pf.today()
    th = colours.thresholds(pf)
    values = defaultdict(list)
    for v in pf.list("indicator_values"):
        values[v["indicator_id"]].append(v)
    rows = []
    only: dict[str, Any] = {"plan": plan} if plan else {}
    for i in pf.list("indicators", **only):
        vs = sorted(values[i["id"]], key=lambda v: v["year"])
        c = colours.indicator_colour(i, vs, as_of, th)
        rows.append({
            "id": i["id"], "plan": i["plan"], "seq": i["seq"] or "", "name": i["name"], "unit": i["unit"] or "",
            "baseline_year": i["baseline_year"], "baseline_value": i["baseline_value"],
            "baseline": i["baseline_text"] if i["baseline_text"] is not None else _fmt(i["baseline_value"]),
            "target_year": i["target_year"], "target_value": i["target_value"],
            "target": i["target_text"] if i["target_text"] is not None else _fmt(i["target_value"]),
            "attribute": tr_enum(i["attribute"]), "direction": i["direction"],
            "direction_label": tr_enum(i["direction"]),
            "values": {v["year"]: v for v in vs},
            "colour": c.code, "colour_reason": c.reason,
            "source": " · ".join(x for x in (i["source_doc"], i["source_ref"]) if x),
        })
    return rows


def _fmt(value) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def set_actual_ops(pf: Portfolio, indicator_id: str, year: int, text: str) -> list[Op]:
    """Ops that record (or clear, for empty text) the actual value of an indicator for a year."""
    text = (text or "").strip()
    existing = [v for v in pf.list("indicator_values", indicator_id=indicator_id, year=year)]
    if not text:
        return [Delete("indicator_values", v["id"]) for v in existing]
    value = number(text)
    if value is None:
        ind = pf.get("indicators", indicator_id)
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "指标「{name}」{year}年的实际值“{value}”不是数字"),
                              name=ind["name"] if ind else indicator_id, year=year, value=text)
    if existing:
        return [Update("indicator_values", existing[0]["id"], {"value": value, "text": text})]
    return [Create("indicator_values", {"indicator_id": indicator_id, "year": year, "value": value, "text": text})]
