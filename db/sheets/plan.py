"""What an import would do, before anything is written: rows to add, rows to update (field by
field), rows rejected (sheet, row, column, reason), how imprecise values were read, new units.

The same plan feeds the CLI's dry run (text or JSON) and the GUI wizard's preview; `ops()` gives
the operations to apply in one transaction (all valid rows, or nothing while any row is invalid
unless the caller explicitly chose a partial import).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, language, tr, tr_enum
from db.model import KINDS
from db.sheets import update_modes
from db.sheets.headers import ID, ID_LABEL, Layout
from db.sheets.units import NewUnit
from db.store.changes import Create, Op, Update

E_INVALID = QT_TRANSLATE_NOOP(
    "sheets", "有 {count} 行无效，未写入任何数据。请修正后重新导入，或明确选择只导入其余有效行（命令行加 --partial）。")
P_CELL = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」第 {row} 行 {column} 列「{header}」：{reason}")
P_ROW = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」第 {row} 行：{reason}")
L_WHERE = QT_TRANSLATE_NOOP("sheets", "「{sheet}」第 {row} 行")

SKIP_LABELS = {
    "blank": QT_TRANSLATE_NOOP("sheets", "空行"),
    "subtotal": QT_TRANSLATE_NOOP("sheets", "合计/小计行"),
    "section": QT_TRANSLATE_NOOP("sheets", "分组标题行"),
    "note": QT_TRANSLATE_NOOP("sheets", "注释/落款行"),
    "unchanged": QT_TRANSLATE_NOOP("sheets", "与组合一致、无需更新的行"),
}
T = {
    "title": QT_TRANSLATE_NOOP("sheets", "导入预览：{file}"),
    "template": QT_TRANSLATE_NOOP("sheets", "调度表：{unit}，从“{portfolio}”导出于 {date}"),
    "layout": QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」：表头在第 {rows} 行，数据从第 {first} 行开始"),
    "mapping": QT_TRANSLATE_NOOP("sheets", "  列对应：{items}"),
    "unused": QT_TRANSLATE_NOOP("sheets", "  未导入的列：{items}"),
    "scale_yi": QT_TRANSLATE_NOOP("sheets", "（亿元 ×10000）"),
    "scale_yuan": QT_TRANSLATE_NOOP("sheets", "（元 ÷10000）"),
    "new_units": QT_TRANSLATE_NOOP("sheets", "新建单位 {count} 个（导入时创建，请确认）：{names}"),
    "matched_unit": QT_TRANSLATE_NOOP("sheets", "  “{written}”按已有单位“{name}”处理"),
    "adds": QT_TRANSLATE_NOOP("sheets", "新增 {count} 条："),
    "updates": QT_TRANSLATE_NOOP("sheets", "更新 {count} 条："),
    "rejected": QT_TRANSLATE_NOOP("sheets", "无效 {count} 行（不会导入）："),
    "readings": QT_TRANSLATE_NOOP("sheets", "读法说明："),
    "skipped": QT_TRANSLATE_NOOP("sheets", "跳过：{items}"),
    "skip_item": QT_TRANSLATE_NOOP("sheets", "{label} {count} 行"),
    "nothing": QT_TRANSLATE_NOOP("sheets", "没有需要导入的变化。"),
    "reading": QT_TRANSLATE_NOOP("sheets", "  {where} {column} 列「{header}」“{value}”：{reading}"),
    "many_rows": QT_TRANSLATE_NOOP("sheets", "「{sheet}」第 {rows} 行等 {count} 行"),
    "reading_row": QT_TRANSLATE_NOOP("sheets", "{where}“{value}”：{reading}"),
    "change": QT_TRANSLATE_NOOP("sheets", "{label} {old} → {new}"),
    "empty": QT_TRANSLATE_NOOP("sheets", "（空）"),
}


@dataclass
class Problem:
    sheet: str
    row: int  # 1-based row in the sheet
    column: str = ""  # column letter, "" for the whole row
    header: str = ""
    value: str = ""
    reason: str = ""
    field: str = ""  # the field of a bad cell (the row can be imported with it left empty)

    def text(self) -> str:
        if self.column:
            return tr(P_CELL, sheet=self.sheet, row=self.row, column=self.column, header=self.header,
                      reason=self.reason)
        return tr(P_ROW, sheet=self.sheet, row=self.row, reason=self.reason)


@dataclass
class Reading:
    sheet: str
    row: int
    column: str
    header: str
    value: str
    reading: str

    def text(self) -> str:
        where = tr(L_WHERE, sheet=self.sheet, row=self.row)
        if not self.column:
            return tr(T["reading_row"], where=where, value=self.value, reading=self.reading)
        return tr(T["reading"], where=where, column=self.column, header=self.header, value=self.value,
                  reading=self.reading).strip()


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    note: str = ""


@dataclass
class RowPlan:
    sheet: str
    row: int
    kind: str
    action: str  # "add" | "update"
    id: str
    name: str
    changes: list[FieldChange]
    ops: list[Op]
    unit_ids: set[str] = field(default_factory=set)
    current: dict | None = None   # an update of a ledger import: the record's values before…
    proposed: dict | None = None  # …and the ledger's, written per field as the modes say
    bad_cells: list = field(default_factory=list)  # Problems of cells left empty if so chosen

    def where(self) -> str:
        return tr(L_WHERE, sheet=self.sheet, row=self.row)

    def summary(self) -> str:
        parts = [tr(T["change"], label=c.label, old=c.old or tr(T["empty"]), new=c.new or tr(T["empty"]))
                 + (f"（{c.note}）" if c.note else "") for c in self.changes]
        return "；".join(parts)


@dataclass
class ImportPlan:
    path: Path
    source: str  # "ledger" | "template"
    layouts: list[Layout] = field(default_factory=list)
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    new_units: list[NewUnit] = field(default_factory=list)
    matched_units: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    template: dict = field(default_factory=dict)
    field_labels: dict[str, str] = field(default_factory=dict)  # mapping shown to the user
    field_modes: dict[str, str] = field(default_factory=dict)  # per column (field): 覆盖/只补空白/跳过
    row_modes: dict[tuple[str, str], str] = field(default_factory=dict)  # (record id, field) overrides
    cell_rows: list[RowPlan] = field(default_factory=list)  # rows importable with bad cells left empty

    def mode(self, record_id: str, field_name: str) -> str:
        return self.row_modes.get((record_id, field_name)) or self.field_modes.get(field_name) \
            or update_modes.default_mode(field_name)

    def row_ops(self, r: RowPlan) -> list[Op]:
        """A row's operations; an update writes each field as its mode says."""
        if r.proposed is None or r.current is None:
            return r.ops
        fields = {}
        for name, new in r.proposed.items():
            value = update_modes.resolve(name, r.current.get(name), new, self.mode(r.id, name))
            if value is not update_modes.SKIP and value != r.current.get(name):
                fields[name] = value
        return [Update(r.kind, r.id, fields)] if fields else []

    @property
    def row_problems(self) -> list[Problem]:
        """Problems that reject a whole row (not a bad cell of a row that can be imported)."""
        cells = {id(p) for r in self.cell_rows for p in r.bad_cells}
        return [p for p in self.problems if id(p) not in cells]

    @property
    def adds(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action == "add"]

    @property
    def updates(self) -> list[RowPlan]:
        return [r for r in self.rows if r.action == "update"]

    @property
    def rejected_rows(self) -> list[tuple[str, int]]:
        return sorted({(p.sheet, p.row) for p in self.problems}, key=lambda k: (k[0], k[1]))

    @property
    def ok(self) -> bool:
        return not self.problems

    def skip(self, what: str, n: int = 1) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + n

    def ops(self, partial: bool = False, blank_bad_cells: bool = False) -> list[Op]:
        """Everything to apply in one transaction. Refuses while rows are invalid unless partial;
        blank_bad_cells imports a row whose only problems are bad cells, those cells left empty."""
        rows = self.rows + (self.cell_rows if blank_bad_cells else [])
        unresolved = self.row_problems if blank_bad_cells else self.problems
        if unresolved and not partial:
            raise UserError(E_INVALID, count=len({(p.sheet, p.row) for p in unresolved}))
        used = set().union(*(r.unit_ids for r in rows)) if rows else set()
        ops: list[Op] = [Create("units", {"name": u.name, "kind": u.kind}, u.id)
                         for u in self.new_units if u.id in used]
        for r in rows:
            ops.extend(self.row_ops(r))
        return ops

    # -- presenting ----------------------------------------------------------------------
    def reading_lines(self) -> list[str]:
        """Readings, the same reading of the same value in one column told once with its rows."""
        groups: dict[tuple, list[int]] = {}
        for x in self.readings:
            groups.setdefault((x.sheet, x.column, x.header, x.value, x.reading), []).append(x.row)
        lines = []
        for (sheet, column, header, value, reading), rows in groups.items():
            if len(rows) > 5:
                first = "、".join(str(r) for r in rows[:5])
                where = tr(T["many_rows"], sheet=sheet, rows=first, count=len(rows))
                lines.append(tr(T["reading"], where=where, column=column, header=header, value=value,
                                reading=reading).strip())
            else:
                lines += [Reading(sheet, r, column, header, value, reading).text() for r in rows]
        return lines

    def mapping_json(self, layout: Layout) -> list[dict]:
        return [{"column": c.letter, "header": c.header, "field": c.field,
                 "label": column_label(c.field) if c.field else None, "scale": c.scale}
                for c in layout.columns]

    def to_json(self) -> dict:
        return {
            "file": str(self.path), "source": self.source, "ok": self.ok,
            "sheets": [{"sheet": lay.sheet, "header_rows": [r + 1 for r in lay.header_rows],
                        "first_data_row": lay.data_start + 1, "columns": self.mapping_json(lay)}
                       for lay in self.layouts],
            "template": self.template,
            "new_units": [{"name": u.name, "kind": u.kind, "rows": u.rows} for u in self.new_units],
            "matched_units": self.matched_units,
            "add": [{"sheet": r.sheet, "row": r.row, "kind": r.kind, "id": r.id, "name": r.name,
                     "fields": {c.field: c.new for c in r.changes}} for r in self.adds],
            "update": [{"sheet": r.sheet, "row": r.row, "kind": r.kind, "id": r.id, "name": r.name,
                        "changes": [{"field": c.field, "label": c.label, "old": c.old, "new": c.new,
                                     "note": c.note} for c in r.changes]} for r in self.updates],
            "rejected": [{"sheet": p.sheet, "row": p.row, "column": p.column, "header": p.header,
                          "value": p.value, "reason": p.reason, "message": p.text()} for p in self.problems],
            "rejected_rows": len(self.rejected_rows),
            "readings": [{"sheet": x.sheet, "row": x.row, "column": x.column, "header": x.header,
                          "value": x.value, "reading": x.reading} for x in self.readings],
            "skipped": self.skipped, "notes": self.notes,
        }

    def report(self) -> list[str]:
        lines = [tr(T["title"], file=self.path.name)]
        if self.template:
            lines.append(tr(T["template"], **self.template))
        lines += self.notes
        for lay in self.layouts:
            rows = "–".join(str(r + 1) for r in (lay.header_rows[0], lay.header_rows[-1])) \
                if len(lay.header_rows) > 1 else str(lay.header_rows[0] + 1)
            lines.append(tr(T["layout"], sheet=lay.sheet, rows=rows, first=lay.data_start + 1))
            mapped = [f"{c.letter}「{c.header}」→ {column_label(c.field)}{_scale_note(c.scale)}"
                      for c in lay.columns if c.field]
            unused = [f"{c.letter}「{c.header}」" for c in lay.columns if not c.field]
            if mapped:
                lines.append(tr(T["mapping"], items="；".join(mapped)))
            if unused:
                lines.append(tr(T["unused"], items="、".join(unused)))
        if self.new_units:
            lines.append(tr(T["new_units"], count=len(self.new_units),
                            names="、".join(u.name for u in self.new_units)))
        for written, name in self.matched_units.items():
            lines.append(tr(T["matched_unit"], written=written, name=name))
        for key, items in (("adds", self.adds), ("updates", self.updates)):
            if items:
                lines.append(tr(T[key], count=len(items)))
                for r in items:
                    detail = r.name if key == "adds" else f"{r.name}：{r.summary()}"
                    lines.append(f"  {r.where()} {detail}")
        if self.problems:
            lines.append(tr(T["rejected"], count=len(self.rejected_rows)))
            lines += ["  " + p.text() for p in self.problems]
        if self.readings:
            lines.append(tr(T["readings"]))
            lines += ["  " + line for line in self.reading_lines()]
        if self.skipped:
            skipped = "，".join(tr(T["skip_item"], label=tr(SKIP_LABELS[k]), count=n)
                               for k, n in self.skipped.items() if n)
            lines.append(tr(T["skipped"], items=skipped))
        if not self.rows and not self.problems:
            lines.append(tr(T["nothing"]))
        return lines


def _scale_note(scale: float) -> str:
    if scale > 1:
        return tr(T["scale_yi"])
    if scale < 1:
        return tr(T["scale_yuan"])
    return ""


def column_label(field_name: str | None, kind: str = "projects") -> str:
    if field_name is None:
        return ""
    if field_name == ID:
        return tr(ID_LABEL)
    f = KINDS[kind].field(field_name)
    return tr(f.label) if f else field_name


def display(kind: str, field_name: str, value, unit_names: dict[str, str]) -> str:
    """A value as the preview shows it (unit names, not ids; 1,234.5 for money)."""
    return shower(kind, field_name)(value, unit_names)


def shower(kind: str, field_name: str):
    """display() for one field: a function (value, unit names) → text, chosen once per field
    (the preview shows every cell of every row)."""
    show = _SHOWERS.get((kind, field_name))
    if show is None:
        show = _SHOWERS[(kind, field_name)] = _shower(KINDS[kind].field(field_name))
    return show


_SHOWERS: dict = {}
_ENUM_LABELS: dict[tuple[str, str], str] = {}


def _shower(f):
    if f is None:
        how = "text"
    elif f.type == "ref":
        how = "unit" if f.ref == "units" else "text"
    elif f.type == "reflist":
        how = "units"
    elif f.type in ("strlist", "enum"):
        how = f.type
    elif f.type in ("money", "number", "pct"):
        how = "number"
    else:
        how = "text"

    def show(value, unit_names: dict[str, str]) -> str:
        if value is None or value == [] or value == "":
            return ""
        if how == "unit":
            return unit_names.get(value, value)
        if how == "units":
            return "、".join(unit_names.get(v, v) for v in value)
        if how == "strlist":
            return "、".join(value)
        if how == "enum":
            return _enum_label(value)
        if how == "number" and isinstance(value, (int, float)):
            return f"{value:,.6f}".rstrip("0").rstrip(".")
        return str(value)
    return show


def _enum_label(value) -> str:
    """tr_enum, remembered (in the language of the moment)."""
    key = (language(), value)
    label = _ENUM_LABELS.get(key)
    if label is None:
        label = _ENUM_LABELS[key] = tr_enum(value)
    return label
