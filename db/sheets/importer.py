"""Importing an office's existing 台账 (project register) from an XLSX: `analyse()` reads the
workbook into an ImportPlan (nothing written); `ops()` of that plan are applied by the caller.

Rows already in the portfolio are matched by the 系统编号 (UUID) column when there is one, else
by project name, and become updates of the fields that differ; blank cells never clear a value.
A filled-in 调度表 template is recognised and handed to template_import.
"""
from __future__ import annotations

import datetime as dt
import re
import uuid
from contextlib import closing
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.sheets import gcpause, template_import
from db.sheets.cells import CellError, is_blank, norm, short
from db.sheets.headers import ID, Column, Layout, detect
from db.sheets.plan import (
    L_WHERE,
    FieldChange,
    ImportPlan,
    PlannedChanges,
    Problem,
    Reading,
    RowPlan,
    column_label,
    shower,
)
from db.sheets.trial import trial
from db.sheets.units import UnitMatcher, split_names
from db.sheets.values import category_in, converter, record_id
from db.sheets.workbook import open_workbook, read_grid, reading, visible_sheets
from db.store.changes import Create, Update

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E_NO_HEADER = QT_TRANSLATE_NOOP("sheets", "在“{name}”中找不到项目台账的表头：需要一行列名，其中有“项目名称”（或“名称”）一列。")
N_NO_HEADER = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」没有可识别的项目台账表头，已跳过。")
N_NO_NAME = QT_TRANSLATE_NOOP("sheets", "工作表「{sheet}」的表头中没有“项目名称/名称”列，已跳过（可在导入向导中指定）。")
R_NO_NAME = QT_TRANSLATE_NOOP("sheets", "缺少项目名称")
R_DUPLICATE = QT_TRANSLATE_NOOP("sheets", "与第 {row} 行是同一个项目（“{name}”），重复")
R_AMBIGUOUS = QT_TRANSLATE_NOOP("sheets", "组合中有 {count} 个名为“{name}”的项目，无法确定更新哪一个；请加一列系统编号（UUID）")
R_DELETED = QT_TRANSLATE_NOOP("sheets", "系统编号 {id} 对应的项目已被删除")
R_OTHER_KIND = QT_TRANSLATE_NOOP("sheets", "系统编号 {id} 对应的不是项目，而是{kind}")
R_SECTION = QT_TRANSLATE_NOOP("sheets", "分组标题：以下各行的类别按“{category}”读取")

UNIT_FIELDS = ("lead_unit_id", "responsible_unit_ids")
_SUBTOTAL = re.compile(r"^(合计|小计|总计|共计|全区合计|总合计|其中)")
_NOTE = re.compile(r"^(注|备注|说明|填表说明|填表人|填报人|审核人|制表人|填报单位|联系人|联系电话|数据来源)\s*[:：0-9]")
_SECTION = re.compile(r"^([(（]?[一二三四五六七八九十]+[)）、.．]|第[一二三四五六七八九十]+[部类批])")


def name_key(name: str) -> str:
    return re.sub(r"\s+", "", norm(name)).lower()


def analyse(pf: Portfolio, path, *, mapping: dict | None = None, unit_choices: dict | None = None) -> ImportPlan:
    """Read a workbook into a plan. `mapping` ({sheet: {column index: (field, scale)}}) and
    `unit_choices` ({written name: unit id}) are the user's corrections from the wizard."""
    with gcpause.paused():
        return _analyse(pf, Path(path), mapping, unit_choices)


def _analyse(pf: Portfolio, path: Path, mapping: dict | None, unit_choices: dict | None) -> ImportPlan:
    with closing(open_workbook(path)) as wb:
        with reading(path.name):
            template = template_import.is_template(wb)
        if template:
            return template_import.analyse(pf, wb, path)
        plan = ImportPlan(path, "ledger")
        found = []
        for ws in visible_sheets(wb):
            with reading(path.name):
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
    def __init__(self, pf: Portfolio, plan: ImportPlan, unit_choices):
        self.pf, self.plan = pf, plan
        self.units = UnitMatcher(pf.list("units"), unit_choices)
        self.by_name: dict[str, list[dict]] = {}
        for p in pf.list("projects"):
            self.by_name.setdefault(name_key(p["name"]), []).append(p)
        self.seen: dict[str, int] = {}
        self.views: dict[str, tuple] = {}
        self.blank: dict[str, bool] = {}  # is_blank of the text cells seen (columns repeat their words)
        self.converters: dict = {}
        self.names, self.names_for = dict(self.units.names), 0
        self.pending: list[tuple[RowPlan, Layout]] = []

    def run(self, found) -> None:
        for grid, layout in found:
            category = None
            name_idx = {c.index for c in layout.columns_for("name")}
            mapped = [(c, c.index, c.field, c.scale,
                       None if c.field == ID or c.field in UNIT_FIELDS else self._converter(c.field))
                      for c in layout.columns if c.field]
            for r in range(layout.data_start, grid.nrows):
                filled = _filled(grid, layout, r, self.blank)
                kind = _classify(grid, r, filled, name_idx)
                if kind == "section":
                    text = norm(next(iter(filled.values())))
                    category = category_in(text)  # a group that names no category ends the last one
                    if category:
                        self.plan.readings.append(Reading(layout.sheet, r + 1, "", "", short(text),
                                                          tr(R_SECTION, category=category)))
                if kind:
                    self.plan.skip(kind)
                    continue
                self._row(layout, r, filled, category, mapped)
        self._check()
        self.plan.new_units = list(self.units.new.values())
        self.plan.matched_units = dict(self.units.matched_normalised)

    # -- one row -------------------------------------------------------------------------
    def _problem(self, layout: Layout, r: int, col: Column | None, raw, reason: str) -> Problem:
        problem = Problem(layout.sheet, r + 1, col.letter if col else "", col.header if col else "",
                          short(raw) if raw is not None else "", reason, col.field or "" if col else "")
        self.plan.problems.append(problem)
        return problem

    def _row(self, layout: Layout, r: int, filled: dict, category: str | None, mapped: list) -> None:
        """One data row. `filled` holds its non-blank cells by column index; `mapped` is
        (column, index, field, scale, converter) for the layout's columns that have a field, in
        order, the converter None for the 系统编号 and unit columns (see run)."""
        where = tr(L_WHERE, sheet=layout.sheet, row=r + 1)
        fields: dict = {}
        notes: list[tuple[str, str]] = []
        record = None
        bad: list[Problem] = []  # bad cells: the row may still be imported with them left empty
        for col, index, field_name, scale, convert in mapped:
            raw = filled.get(index)
            if raw is None:
                continue
            try:
                if convert is None:
                    if field_name == ID:
                        record = record_id(raw)
                        continue
                    ids = [self.units.resolve(n, where) for n in split_names(str(raw))]
                    if field_name == "lead_unit_id" and ids:
                        fields["lead_unit_id"] = ids[0]
                        ids = ids[1:]
                    merged = fields.setdefault("responsible_unit_ids", [])
                    merged.extend(i for i in ids if i not in merged)
                    continue
                value, reading = convert(raw, scale)
            except CellError as exc:
                bad.append(self._problem(layout, r, col, raw, exc.text()))
                continue
            if reading:
                self.plan.readings.append(Reading(layout.sheet, r + 1, col.letter, col.header, short(raw), reading))
            if field_name == "notes":
                notes.append((col.header, value))
            elif field_name == "name" and value:
                fields["name"] = re.sub(r"\s*\n\s*", "", value) if "\n" in value else value  # a wrapped cell's line breaks
            elif value not in (None, ""):
                fields[field_name] = value
        if notes:
            fields["notes"] = notes[0][1] if len(notes) == 1 else "\n".join(f"{h}：{v}" for h, v in notes)
        if category and "category" not in fields:
            fields["category"] = category
        if not fields.get("responsible_unit_ids"):
            fields.pop("responsible_unit_ids", None)
        if not fields.get("name"):
            name_cols = layout.columns_for("name")
            self._problem(layout, r, name_cols[0] if name_cols else None, None, tr(R_NO_NAME))
            return
        if any(p.field in ("name", ID) for p in bad):
            return
        row = self._match(layout, r, fields, record, where)
        if row is not None and bad:  # importable only with its bad cells left empty, if so chosen
            row.bad_cells = bad
            self.plan.rows.remove(row)
            self.plan.cell_rows.append(row)

    def _match(self, layout: Layout, r: int, fields: dict, record_id_: str | None, where: str) -> RowPlan | None:
        name = fields["name"]
        key = record_id_ or name_key(name)
        if key in self.seen:
            self._problem(layout, r, None, None, tr(R_DUPLICATE, row=self.seen[key], name=name))
            return None
        self.seen[key] = r + 1
        current = None
        if record_id_:
            current = self.pf.get("projects", record_id_, include_deleted=True)
            if current is None:
                try:
                    kind, _ = self.pf.find(record_id_)
                    self._problem(layout, r, layout.columns_for(ID)[0], record_id_,
                                  tr(R_OTHER_KIND, id=record_id_, kind=tr(self.pf.kind(kind).label)))
                    return None
                except UserError:
                    pass  # a new record keeps the id it was given
            elif current["deleted"]:
                self._problem(layout, r, layout.columns_for(ID)[0], record_id_, tr(R_DELETED, id=record_id_))
                return None
        else:
            matches = self.by_name.get(key, [])
            if len(matches) > 1:
                self._problem(layout, r, layout.columns_for("name")[0], name,
                              tr(R_AMBIGUOUS, count=len(matches), name=name))
                return None
            current = matches[0] if matches else None
        names = self._unit_names()
        used = {fields.get("lead_unit_id"), *fields.get("responsible_unit_ids", [])} - {None}
        if current is None:
            new_id = record_id_ or str(uuid.uuid4())
            changes = PlannedChanges(partial(_changes, self.views, fields, None, names))
            row = RowPlan(layout.sheet, r + 1, "projects", "add", new_id, name, changes,
                          [Create("projects", fields, new_id, fresh=not record_id_)], used)
        else:
            changed = {f: v for f, v in fields.items() if not _same(current.get(f), v)}
            if not changed:
                self.plan.skip("unchanged")
                return None
            before = {f: current.get(f) for f in changed}
            changes = PlannedChanges(partial(_changes, self.views, changed, before, names))
            row = RowPlan(layout.sheet, r + 1, "projects", "update", current["id"], current["name"], changes,
                          [Update("projects", current["id"], changed)], used, current=before, proposed=changed)
        self.plan.rows.append(row)
        self.pending.append((row, layout))
        return row

    def _converter(self, field_name: str):
        """values.converter, looked up once per field."""
        if field_name not in self.converters:
            self.converters[field_name] = converter(field_name)
        return self.converters[field_name]


    def _unit_names(self) -> dict[str, str]:
        """Unit names by id, the new units so far included (they are only ever added)."""
        new = self.units.new
        if len(new) != self.names_for:
            self.names.update((u.id, u.name) for u in islice(new.values(), self.names_for, None))
            self.names_for = len(new)
        return self.names

    # -- the write path's own checks -----------------------------------------------------
    def _check(self) -> None:
        setup = [Create("units", {"name": u.name, "kind": u.kind}, u.id, fresh=True) for u in self.units.new.values()]
        errors = trial(self.pf, setup, [(i, row.ops) for i, (row, _) in enumerate(self.pending)])
        for i in sorted(errors):
            row, layout = self.pending[i]
            exc = errors[i]
            label = exc.params.get("field")
            col = next((c for c in layout.columns if c.field and label
                        and column_label(c.field) == label), None)
            self.plan.problems.append(Problem(row.sheet, row.row, col.letter if col else "",
                                              col.header if col else "", "", str(exc)))
            (self.plan.cell_rows if row.bad_cells else self.plan.rows).remove(row)
            row.bad_cells = []  # (its problems now reject the row)


def _view(views: dict, field_name: str) -> tuple:
    """(column_label, plan.shower) of a field, looked up once per field, not once per cell."""
    view = views.get(field_name)
    if view is None:
        view = views[field_name] = (column_label(field_name), shower("projects", field_name))
    return view


def _changes(views: dict, fields: dict, before: dict | None, names: dict) -> list[FieldChange]:
    """A row's FieldChanges (made when the row is first looked at; each shown as text when read).
    Holds no reference to the reader: a plan outlives it."""
    out = []
    for f, v in fields.items():
        label, show = _view(views, f)
        out.append(FieldChange(f, label, before.get(f) if before else None, v, show=show, names=names))
    return out


def _same(old, new) -> bool:
    if isinstance(old, float) or isinstance(new, float):
        return old is not None and new is not None and abs(float(old) - float(new)) < 1e-6
    if isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)
    return old == new


def _filled(grid, layout: Layout, r: int, blank: dict[str, bool]) -> dict:
    """The row's non-blank cells under the layout's columns, by column index (in column order);
    `blank` remembers is_blank of text."""
    row = grid.values[r]
    width = len(row)
    filled = {}
    for c in layout.columns:
        i = c.index
        if i < width:
            v = row[i]
            if v is None:
                continue
            kind = type(v)
            if kind is int or kind is dt.datetime:  # (is_blank's answer for the commonest cells)
                filled[i] = v
            elif kind is float:
                if v == v:  # NaN reads "nan", a blank mark
                    filled[i] = v
            elif kind is str:
                known = blank.get(v)
                if known is None:
                    known = blank[v] = is_blank(v)
                if not known:
                    filled[i] = v
            elif not is_blank(v):
                filled[i] = v
    return filled


def _classify(grid, r: int, filled: dict, name_idx: set[int]) -> str | None:
    """"blank", "subtotal", "section", "note", or None for a data row (`filled`: see _filled;
    `name_idx`: the indexes of the layout's name columns)."""
    if not filled:
        return "blank"
    first = [norm(v).replace(" ", "") for i, v in sorted(filled.items())[:3] if isinstance(v, str)]
    names = [norm(filled[i]).replace(" ", "") for i in name_idx if i in filled]
    if any(_SUBTOTAL.match(t) for t in first + names):
        return "subtotal"
    if first and _NOTE.match(first[0]):
        return "note"
    if any(_SECTION.match(t) for t in first[:1] + names):
        return "section"  # "一、重大科技基础设施" (with or without the group's subtotals)
    rest = iter(filled.values())
    one = str(next(rest))
    if all(str(v) == one for v in rest):  # one value, maybe merged across the row
        merges = {grid.merge(r, i) for i in filled}
        only = next(iter(filled))
        merge = next(iter(merges)) if len(merges) == 1 else None
        if merge and merge[3] > merge[1] and len(filled) > 1:
            return "section"
        if only not in name_idx or _SECTION.match(norm(filled[only])):
            return "section"
    return None
