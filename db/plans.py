"""Plans and their periods (规划期): which plan a milestone or an indicator target belongs to, and
whether that plan's period has ended.

A record belongs to the plan named by its 来源文件 (`source_doc`; for an indicator, failing
that, its 所属规划). The built-in plans' periods come from their documents (resources/portfolio/
NNN.json, "document.period", each with the sentence it is read from); an office can add a plan
of its own (for instance the next five-year plan that unfinished targets are carried into) or
correct a period — a synced setting "plan:<name>" per plan, so it travels with the file and two
offices adding different plans merge without conflict.

A plan may set itself intermediate horizons (the 科学城 opinions: "到2025年……到2035年……"): a
target belongs to the first horizon that is not before its date. A target whose horizon has ended,
still open and not re-planned past the plan's last horizon, is 待核实 (see db/colours.py): nobody
has recorded whether it was met, so it is neither late nor on time.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import resources
from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP
from db.store import records
from db.store.changes import Op

if TYPE_CHECKING:
    from db.portfolio import Portfolio

SETTING_PREFIX = "plan:"


@dataclass(frozen=True)
class Plan:
    name: str              # what records carry in source_doc
    title: str
    start: int             # first year of the period
    end: int               # last year of the period
    doc_id: str | None = None   # the built-in document, if the plan is one
    source_text: str | None = None
    stages: tuple[int, ...] = ()  # intermediate horizons (years before `end`) the plan sets itself

    @property
    def end_date(self) -> dt.date:
        return dt.date(self.end, 12, 31)

    @property
    def horizons(self) -> tuple[dt.date, ...]:
        """The last days of the plan's horizons, in order; the last is the end of its period."""
        return tuple(dt.date(y, 12, 31) for y in sorted({*self.stages, self.end}))

    def ended(self, today: dt.date) -> bool:
        """The whole period is over."""
        return self.end_date < today

    def horizon_of(self, day: dt.date | None) -> dt.date | None:
        """The horizon a target dated `day` belongs to (None: past every horizon, e.g. re-planned
        beyond the plan; a target without a date belongs to the last)."""
        if day is None:
            return self.horizons[-1]
        return next((h for h in self.horizons if day <= h), None)

    def label(self) -> str:
        stages = "、".join(str(y) for y in sorted(self.stages))
        return f"{self.name}（{self.start}—{self.end}" + (f"，阶段目标 {stages}" if stages else "") + "）"


@functools.lru_cache(maxsize=1)
def builtin_plans() -> dict[str, Plan]:
    """The built-in documents' plans by short name, in document order."""
    out = {}
    for path in sorted(resources.PORTFOLIO.glob("[0-9][0-9][0-9].json")):
        doc = json.loads(path.read_text(encoding="utf-8"))["document"]
        period = doc.get("period")
        if period:
            out[doc["short"]] = Plan(doc["short"], doc["title"], period["start"], period["end"], doc["id"],
                                     period.get("source_text"), tuple(s["year"] for s in period.get("stages", [])))
    return out


def _stored(pf: Portfolio) -> dict[str, Plan]:
    out = {}
    for s in pf.list("settings", key=records.Prefix(SETTING_PREFIX)):
        v = s["value"]
        name = s["key"][len(SETTING_PREFIX):]
        if isinstance(v, dict) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int):
            out[name] = Plan(name, v.get("title") or name, v["start"], v["end"])
    return out


def plans(pf: Portfolio) -> dict[str, Plan]:
    """Every plan this portfolio knows: the built-in ones, then the office's own (which may also
    correct a built-in plan's period)."""
    out = dict(builtin_plans())
    for name, plan in _stored(pf).items():
        base = out.get(name)
        out[name] = Plan(name, plan.title if plan.title != name or base is None else base.title,
                         plan.start, plan.end, base.doc_id if base else None, None,
                         tuple(y for y in base.stages if plan.start <= y < plan.end) if base else ())
    return out


def plan_ends(pf: Portfolio) -> dict[str, tuple[int, ...]]:
    """Plan name -> day numbers (date.toordinal()) of the last days of its horizons, in order."""
    return {name: tuple(h.toordinal() for h in p.horizons) for name, p in plans(pf).items()}


def plan_of(rec: dict, known) -> str | None:
    """The plan a milestone or indicator belongs to (a name in `known`), or None."""
    for key in ("source_doc", "plan"):
        name = rec.get(key)
        if name and name in known:
            return name
    return None


def current_plans(pf: Portfolio, today: dt.date | None = None) -> list[Plan]:
    """Plans whose period includes today, latest end first (where carried targets go)."""
    today = today or pf.today()
    running = [p for p in plans(pf).values() if p.start <= today.year and not p.ended(today)]
    return sorted(running, key=lambda p: (-p.end, p.name))


E_PLAN_NAME = QT_TRANSLATE_NOOP("errors", "规划名称不能为空")
E_PLAN_YEARS = QT_TRANSLATE_NOOP("errors", "规划“{name}”的规划期 {start}—{end} 无效：起止年份应在 1949—2100 之间且起年不晚于止年")


def plan_ops(pf: Portfolio, name: str, start: int, end: int, title: str | None = None) -> list[Op]:
    """The ops that record a plan of the office's own (or a corrected period)."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(E_PLAN_NAME)
    if not (1949 <= start <= end <= 2100):
        raise ValidationError(E_PLAN_YEARS, name=name, start=start, end=end)
    return pf.setting_ops(SETTING_PREFIX + name, {"title": (title or name).strip(), "start": start, "end": end})
