"""Importing an office's existing 台账 (project register) from an XLSX: `analyse()` reads the
workbook into an ImportPlan (nothing written); `ops()` of that plan are applied by the caller.

Rows already in the portfolio are matched by the 系统编号 (UUID) column when there is one, else
by project name, and become updates of the fields that differ; blank cells never clear a value.
A filled-in 调度表 template is recognised and handed to template_import.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path

from db.changes import Create, Update
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import PROJECTS
from db.sheets import template_import
from db.sheets.cells import CellError, is_blank, norm, short
from db.sheets.headers import ID, Column, Layout, detect
from db.sheets.plan import L_WHERE, FieldChange, ImportPlan, Problem, Reading, RowPlan, column_label, display
from db.sheets.trial import trial
from db.sheets.units import UnitMatcher, split_names
from db.sheets.values import category_in, convert, record_id
from db.sheets.workbook import open_workbook, read_grid, visible_sheets

E_NO_HEADER = QT_TRANSLATE_NOOP("sheets", "在“{name}”中找不到项目台账的表头：需要一行列名，其中有“项目名称”（或“名称”）一列。")
N_NO_HEADER = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」没有可识别的项目台账表头，已跳过。")
N_NO_NAME = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」的表头中没有“项目名称/名称”列，已跳过（可在导入向导中指定）。")
R_NO_NAME = QT_TRANSLATE_NOOP("sheets", "缺少项目名称")
R_DUPLICATE = QT_TRANSLATE_NOOP("sheets", "与第 {row} 行是同一个项目（“{name}”），重复")
R_AMBIGUOUS = QT_TRANSLATE_NOOP("sheets", "组合中有 {count} 个名为“{name}”的项目，无法确定更新哪一个；请加一列系统编号（UUID）")
R_DELETED = QT_TRANSLATE_NOOP("sheets", "系统编号 {id} 对应的项目已被删除")
R_OTHER_KIND = QT_TRANSLATE_NOOP("sheets", "系统编号 {id} 对应的不是项目，而是{kind}")
R_SECTION = QT_TRANSLATE_NOOP("sheets", "分组标题：以下各行的类别按“{category}”读取")

_SUBTOTAL = re.compile(r"^(合计|小计|总计|共计|全区合计|总合计|其中)")
_NOTE = re.compile(r"^(注|备注|说明|填表说明|填表人|填报人|审核人|制表人|填报单位|联系人|联系电话|数据来源)\s*[:：0-9]")
_SECTION = re.compile(r"^([(（]?[一二三四五六七八九十]+[)）、.．]|第[一二三四五六七八九十]+[部类批])")


def name_key(name: str) -> str:
    return re.sub(r"\s+", "", norm(name)).lower()


def analyse(pf, path, *, mapping: dict | None = None, unit_choices: dict | None = None) -> ImportPlan:
    """Read a workbook into a plan. `mapping` ({sheet: {column index: (field, scale)}}) and
    `unit_choices` ({written name: unit id}) are the user's corrections from the wizard."""
    path = Path(path)
    wb = open_workbook(path)
    if template_import.is_template(wb):
        return template_import.analyse(pf, wb, path)
    plan = ImportPlan(path, "ledger")
    found = []
    for ws in visible_sheets(wb):
        grid = read_grid(ws)
        layout = detect(grid)
        if layout is not None and mapping and ws.title in mapping:
            _override(layout, mapping[ws.title])
        if layout is None:
            plan.notes.append(tr(N_NO_HEADER, sheet=ws.title))
        elif not layout.has("name"):
            plan.notes.append(tr(N_NO_NAME, sheet=ws.title))
        else:
            plan.layouts.append(layout)
            found.append((grid, layout))
    if not found:
        raise UserError(E_NO_HEADER, name=path.name)
    _Reader(pf, plan, unit_choices).run(found)
    return plan


def _override(layout: Layout, columns: dict) -> None:
    for col in layout.columns:
        if col.index in columns:
            col.field, col.scale = columns[col.index]
            col.auto = False


class _Reader:
    def __init__(self, pf, plan: ImportPlan, unit_choices):
        self.pf, self.plan = pf, plan
        self.units = UnitMatcher(pf.list("units"), unit_choices)
        self.by_name: dict[str, list[dict]] = {}
        for p in pf.list("projects"):
            self.by_name.setdefault(name_key(p["name"]), []).append(p)
        self.seen: dict[str, int] = {}
        self.pending: list[tuple[RowPlan, Layout]] = []

    def run(self, found) -> None:
        for grid, layout in found:
            category = None
            for r in range(layout.data_start, grid.nrows):
                kind = _classify(grid, layout, r)
                if kind == "section":
                    text = next(norm(grid.get(r, c.index)) for c in layout.columns
                                if not is_blank(grid.get(r, c.index)))
                    category = category_in(text)  # a group that names no category ends the last one
                    if category:
                        self.plan.readings.append(Reading(layout.sheet, r + 1, "", "", short(text),
                                                          tr(R_SECTION, category=category)))
                if kind:
                    self.plan.skip(kind)
                    continue
                self._row(grid, layout, r, category)
        self._check()
        self.plan.new_units = list(self.units.new.values())
        self.plan.matched_units = dict(self.units.matched_normalised)

    # -- one row -------------------------------------------------------------------------
    def _problem(self, layout: Layout, r: int, col: Column | None, raw, reason: str) -> None:
        self.plan.problems.append(Problem(layout.sheet, r + 1, col.letter if col else "",
                                          col.header if col else "", short(raw) if raw is not None else "",
                                          reason))

    def _row(self, grid, layout: Layout, r: int, category: str | None) -> None:
        where = tr(L_WHERE, sheet=layout.sheet, row=r + 1)
        fields: dict = {}
        notes: list[tuple[str, str]] = []
        record = None
        bad = False
        for col in layout.columns:
            raw = grid.get(r, col.index)
            if not col.field or is_blank(raw):
                continue
            try:
                if col.field == ID:
                    record = record_id(raw)
                    continue
                if col.field in ("lead_unit_id", "responsible_unit_ids"):
                    ids = [self.units.resolve(n, where) for n in split_names(str(raw))]
                    if col.field == "lead_unit_id" and ids:
                        fields["lead_unit_id"] = ids[0]
                        ids = ids[1:]
                    merged = fields.setdefault("responsible_unit_ids", [])
                    merged.extend(i for i in ids if i not in merged)
                    continue
                value, reading = convert(col.field, raw, col.scale)
            except CellError as exc:
                self._problem(layout, r, col, raw, exc.text())
                bad = True
                continue
            if reading:
                self.plan.readings.append(Reading(layout.sheet, r + 1, col.letter, col.header, short(raw), reading))
            if col.field == "notes":
                notes.append((col.header, value))
            elif col.field == "name" and value:
                fields["name"] = re.sub(r"\s*\n\s*", "", value)  # a wrapped cell's line breaks
            elif value not in (None, ""):
                fields[col.field] = value
        if notes:
            fields["notes"] = notes[0][1] if len(notes) == 1 else "\n".join(f"{h}：{v}" for h, v in notes)
        if category and "category" not in fields:
            fields["category"] = category
        if not fields.get("responsible_unit_ids"):
            fields.pop("responsible_unit_ids", None)
        name_cols = layout.columns_for("name")
        if not fields.get("name"):
            self._problem(layout, r, name_cols[0] if name_cols else None, None, tr(R_NO_NAME))
            return
        if bad:
            return
        self._match(layout, r, fields, record, where)

    def _match(self, layout: Layout, r: int, fields: dict, record_id_: str | None, where: str) -> None:
        name = fields["name"]
        key = record_id_ or name_key(name)
        if key in self.seen:
            self._problem(layout, r, None, None, tr(R_DUPLICATE, row=self.seen[key], name=name))
            return
        self.seen[key] = r + 1
        current = None
        if record_id_:
            current = self.pf.get("projects", record_id_, include_deleted=True)
            if current is None:
                try:
                    kind, _ = self.pf.find(record_id_)
                    self._problem(layout, r, layout.columns_for(ID)[0], record_id_,
                                  tr(R_OTHER_KIND, id=record_id_, kind=tr(self.pf.kind(kind).label)))
                    return
                except UserError:
                    pass  # a new record keeps the id it was given
            elif current["deleted"]:
                self._problem(layout, r, layout.columns_for(ID)[0], record_id_, tr(R_DELETED, id=record_id_))
                return
        else:
            matches = self.by_name.get(key, [])
            if len(matches) > 1:
                self._problem(layout, r, layout.columns_for("name")[0], name,
                              tr(R_AMBIGUOUS, count=len(matches), name=name))
                return
            current = matches[0] if matches else None
        names = self._unit_names()
        used = {fields.get("lead_unit_id"), *fields.get("responsible_unit_ids", [])} - {None}
        if current is None:
            new_id = record_id_ or str(uuid.uuid4())
            changes = [FieldChange(f, column_label(f), "", display("projects", f, v, names))
                       for f, v in fields.items()]
            row = RowPlan(layout.sheet, r + 1, "projects", "add", new_id, name, changes,
                          [Create("projects", fields, new_id)], used)
        else:
            changed = {f: v for f, v in fields.items() if not _same(current.get(f), v)}
            if not changed:
                self.plan.skip("unchanged")
                return
            changes = [FieldChange(f, column_label(f), display("projects", f, current.get(f), names),
                                   display("projects", f, v, names)) for f, v in changed.items()]
            row = RowPlan(layout.sheet, r + 1, "projects", "update", current["id"], current["name"], changes,
                          [Update("projects", current["id"], changed)], used)
        self.plan.rows.append(row)
        self.pending.append((row, layout))

    def _unit_names(self) -> dict[str, str]:
        if getattr(self, "_names_for", None) != len(self.units.new):
            self._names = {**self.units.names, **{u.id: u.name for u in self.units.new.values()}}
            self._names_for = len(self.units.new)
        return self._names

    # -- the write path's own checks -----------------------------------------------------
    def _check(self) -> None:
        setup = [Create("units", {"name": u.name, "kind": u.kind}, u.id) for u in self.units.new.values()]
        errors = trial(self.pf, setup, [(i, row.ops) for i, (row, _) in enumerate(self.pending)])
        for i in sorted(errors):
            row, layout = self.pending[i]
            exc = errors[i]
            label = exc.params.get("field")
            col = next((c for c in layout.columns if c.field and label
                        and column_label(c.field) == label), None)
            self.plan.problems.append(Problem(row.sheet, row.row, col.letter if col else "",
                                              col.header if col else "", "", str(exc)))
            self.plan.rows.remove(row)


def _same(old, new) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        return old is not None and new is not None and abs(float(old) - float(new)) < 1e-6
    if isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)
    return old == new


def _classify(grid, layout: Layout, r: int) -> str | None:
    """"blank", "subtotal", "section", "note", or None for a data row."""
    cells = {c.index: grid.get(r, c.index) for c in layout.columns}
    filled = {i: v for i, v in cells.items() if not is_blank(v)}
    if not filled:
        return "blank"
    first = [re.sub(r"\s+", "", norm(v)) for i, v in sorted(filled.items())[:3] if isinstance(v, str)]
    name_idx = {c.index for c in layout.columns_for("name")}
    names = [re.sub(r"\s+", "", norm(filled[i])) for i in name_idx if i in filled]
    if any(_SUBTOTAL.match(t) for t in first + names):
        return "subtotal"
    if first and _NOTE.match(first[0]):
        return "note"
    if any(_SECTION.match(t) for t in first[:1] + names):
        return "section"  # "一、重大科技基础设施" (with or without the group's subtotals)
    values = {str(v) for v in filled.values()}
    merges = {grid.merge(r, i) for i in filled}
    if len(values) == 1:
        only = next(iter(filled))
        merge = next(iter(merges)) if len(merges) == 1 else None
        if merge and merge[3] > merge[1] and len(filled) > 1:
            return "section"
        if only not in name_idx or _SECTION.match(norm(filled[only])):
            return "section"
    return None
