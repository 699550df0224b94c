"""Reading back a filled-in 调度表 template: exactly its records are updated, through the core
write path (so edits merge like any other and a moved planned date lands in the slip log).

Refused as a whole: a template made from another portfolio file (its site id differs), one whose
hidden check sheet or identity columns (hidden UUID, project and milestone names) were altered,
or whose columns were rearranged. Refused per row (listed in the preview): unreadable values,
rows added by hand, and a planned date moved without a reason in the 存在问题 column.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr
from db.model import KINDS
from db.rows.register import unit_names
from db.sheets.cells import CellError, is_blank, parse_date, parse_money, short
from db.sheets.plan import FieldChange, ImportPlan, Problem, Reading, RowPlan, display
from db.sheets.template_spec import (
    CHECKSUM_ROW,
    EDIT_FIELDS,
    FORMAT,
    META_KEYS,
    META_SHEET,
    NOTE_COLUMNS,
    NOTE_ENTRY,
    NOTE_KEYS,
    NOTE_PARTS,
    ROWS_START,
    SHEETS,
    SHEETS_ROW,
    VERSION,
    checksum,
    digest,
)
from db.sheets.trial import trial
from db.sheets.values import E_CHOICE
from db.sheets.workbook import Grid, read_rows, reading
from db.store.changes import Update
from db.store.records import label as record_label

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E_OTHER = QT_TRANSLATE_NOOP(
    "sheets", "这份调度表是从另一个组合文件“{source}”导出的，不是当前的“{name}”，不能导入。请在导出它的组合文件中导入。")
E_META = QT_TRANSLATE_NOOP("sheets", "调度表“{name}”的隐藏校验信息已被改动或损坏，不能导入。请使用项目办原样导出的调度表。")
E_NEWER = QT_TRANSLATE_NOOP("sheets", "调度表“{name}”由更新版本的软件导出（格式版本 {version}），请先升级本软件。")
E_SHEET = QT_TRANSLATE_NOOP("sheets", "调度表中找不到工作表「{sheet}」（被删除或改名），不能导入。")
E_COLUMNS = QT_TRANSLATE_NOOP(
    "sheets", "调度表工作表「{sheet}」的列被改动（第 {column} 列应为“{header}”），不能导入。请勿插入、删除或移动列。")
E_TAMPERED = QT_TRANSLATE_NOOP(
    "sheets",
    "调度表工作表「{sheet}」第 {row} 行的身份列（隐藏的系统编号或项目/里程碑名称）被改动，不能导入。请使用原样导出的调度表，只填写黄色的列。")  # noqa: E501 - a translation key, kept whole
R_ADDED = QT_TRANSLATE_NOOP("sheets", "这一行不是导出时就有的，调度表不能新增记录；请在软件中新增，或用台账导入")
R_TWICE = QT_TRANSLATE_NOOP("sheets", "与第 {row} 行是同一条记录，重复")
R_GONE = QT_TRANSLATE_NOOP("sheets", "这条记录在导出后已被删除，不能更新")
R_REASON = QT_TRANSLATE_NOOP("sheets", "计划日期由 {old} 改为 {new} 属于调整计划，请在“存在问题”列写明调整原因后再导入")
N_DONE = QT_TRANSLATE_NOOP("sheets", "填写了实际完成日期，状态随之改为已完成")
N_TODAY = QT_TRANSLATE_NOOP("sheets", "未填实际完成日期，按导入当天记")
N_MOVED = QT_TRANSLATE_NOOP("sheets", "导出后已改为“{value}”，将以调度表为准")
N_REPLAN = QT_TRANSLATE_NOOP("sheets", "调整计划，原因：{reason}")


def is_template(wb) -> bool:
    return META_SHEET in wb.sheetnames and wb[META_SHEET]["A1"].value == FORMAT


def read_meta(wb, name: str) -> tuple[dict, dict[tuple[str, str], tuple[str, dict]]]:
    with reading(name):
        grid = Grid(META_SHEET, read_rows(wb[META_SHEET]))

    def cell(row: int, column: int):  # 1-based, as the sheet numbers them
        return grid.get(row - 1, column - 1)
    try:
        version = int(cell(1, 2))
        meta: dict[str, object] = {key: str(cell(i, 2) or "") for i, key in enumerate(META_KEYS, start=2)
                                   if cell(i, 1) == key}
        meta["sheets"] = json.loads(cell(SHEETS_ROW, 2))
        stored = cell(CHECKSUM_ROW, 2)
        entries, r = [], ROWS_START
        while cell(r, 1):
            entries.append([str(cell(r, j) or "") for j in range(1, 5)])
            r += 1
        meta.update({"format": FORMAT, "version": version})
        ok = checksum(meta, entries) == stored
        rows = {(e[0], e[1]): (e[2], json.loads(e[3])) for e in entries}
    except (TypeError, ValueError, KeyError) as exc:
        raise UserError(E_META, name=name) from exc
    if version > VERSION:
        raise UserError(E_NEWER, name=name, version=version)
    if not ok:
        raise UserError(E_META, name=name)
    return meta, rows


def analyse(pf: Portfolio, wb, path) -> ImportPlan:
    meta, entries = read_meta(wb, path.name)
    if meta["site_id"] != pf.site_id:
        raise UserError(E_OTHER, source=meta["portfolio"], name=pf.path.name)
    plan = ImportPlan(path, "template", template={
        "unit": meta["unit"], "portfolio": meta["portfolio"], "date": meta["date"],
        "exported_at": meta["exported_at"]})
    reader = _Reader(pf, plan, meta, entries, path.name)
    for sheet in meta["sheets"]:
        reader.sheet(wb, sheet)
    reader.check()
    return plan


class _Reader:
    def __init__(self, pf: Portfolio, plan, meta, entries, name: str):
        self.pf, self.plan, self.meta, self.entries, self.name = pf, plan, meta, entries, name
        self.names = unit_names(pf)
        self.pending: list[RowPlan] = []

    def sheet(self, wb, spec: dict) -> None:
        title, kind = spec["title"], spec["kind"]
        if title not in wb.sheetnames:
            raise UserError(E_SHEET, sheet=title)
        with reading(self.name):
            grid = Grid(title, read_rows(wb[title]))  # as written: merged cells are not filled here
        cols = {c.key: c for c in SHEETS[kind][1]}
        hr = spec["header_row"]
        if len(spec["keys"]) != len(spec["headers"]):  # the template's own record of its columns disagrees
            raise UserError(E_COLUMNS, sheet=title, column=min(len(spec["keys"]), len(spec["headers"])) + 1,
                            header="")
        for i, (key, header) in enumerate(zip(spec["keys"], spec["headers"], strict=True), start=1):
            if str(grid.get(hr - 1, i - 1) or "").strip() != header or key not in cols:
                raise UserError(E_COLUMNS, sheet=title, column=i, header=header)
        seen: dict[str, int] = {}
        for r in range(hr + 1, grid.nrows + 1):
            row = {key: grid.get(r - 1, j) for j, key in enumerate(spec["keys"])}
            filled = {k: v for k, v in row.items() if not is_blank(v)}
            if not filled:
                continue
            rid = str(row.get("id") or "").strip()
            if not rid:
                if any(cols[k].role == "edit" for k in filled):
                    self.plan.problems.append(Problem(title, r, reason=tr(R_ADDED)))
                continue
            identity = ["" if row.get(c.key) is None else str(row.get(c.key))
                        for c in SHEETS[kind][1] if c.role == "identity"]
            entry = self.entries.get((kind, rid))
            if entry is None or entry[0] != digest(self.meta["nonce"], kind, rid, identity):
                raise UserError(E_TAMPERED, sheet=title, row=r)
            if rid in seen:
                self.plan.problems.append(Problem(title, r, reason=tr(R_TWICE, row=seen[rid])))
                continue
            seen[rid] = r
            self._row(title, r, kind, rid, row, entry[1], cols)

    def _row(self, title, r, kind, rid, row, originals, cols) -> None:
        current = self.pf.get(kind, rid)
        if current is None:
            self.plan.problems.append(Problem(title, r, reason=tr(R_GONE)))
            return
        new, bad, inferred = {}, False, False
        for key in EDIT_FIELDS[kind]:
            col, raw = cols[key], row.get(key)
            if is_blank(raw):
                continue
            try:
                value, reading = _parse(col, raw)
            except CellError as exc:
                self.plan.problems.append(Problem(title, r, _letter(cols, key), tr(col.header), short(raw),
                                                  exc.text()))
                bad = True
                continue
            if reading:
                self.plan.readings.append(Reading(title, r, _letter(cols, key), tr(col.header), short(raw), reading))
            if value != originals.get(key):
                new[key] = value
        if bad:
            return
        notes = {k: str(row[k]).strip() for k in NOTE_COLUMNS[kind] if not is_blank(row.get(k))}
        reason = notes.get("problems")
        if kind == "problems":  # a move's note (退回's reason …) is the 办理情况 written with it
            reason = str(row["progress"]).strip() if not is_blank(row.get("progress")) else None
        changes: list[FieldChange] = []
        if kind == "milestones":
            if "planned_date" in new and new["planned_date"] != current["planned_date"] and not reason:
                old = current["planned_date"] or current["baseline_date"]
                if old:
                    self.plan.problems.append(Problem(title, r, _letter(cols, "planned_date"),
                                                      tr(cols["planned_date"].header), new["planned_date"],
                                                      tr(R_REASON, old=old, new=new["planned_date"])))
                    return
            if new.get("actual_date") and "status" not in new and current["status"] != "已完成":
                new["status"] = "已完成"
                inferred = True
        fields = {k: v for k, v in new.items() if current.get(k) != v}
        entry = self._notes_entry(current.get("notes"), notes)
        if entry is not None:
            fields["notes"] = entry
        if not fields:
            self.plan.skip("unchanged")
            return
        for key, value in fields.items():
            note = ""
            if key in originals and current.get(key) != originals.get(key):
                note = tr(N_MOVED, value=display(kind, key, current.get(key), self.names))
            if kind == "milestones" and key == "status" and value == "已完成":
                if inferred:
                    note = tr(N_DONE)
                elif not fields.get("actual_date") and not current.get("actual_date"):
                    note = tr(N_TODAY)
            if key == "planned_date" and reason:
                note = tr(N_REPLAN, reason=reason)
            f = KINDS[kind].field_named(key)
            changes.append(FieldChange(key, tr(f.label), display(kind, key, current.get(key), self.names),
                                       display(kind, key, value, self.names), note))
        moved = "planned_date" in fields or (kind == "problems" and "status" in fields)
        op = Update(kind, rid, fields, reason=reason if moved else None)
        row_plan = RowPlan(title, r, kind, "update", rid, record_label(KINDS[kind], current), changes, [op])
        self.plan.rows.append(row_plan)
        self.pending.append(row_plan)

    def _notes_entry(self, notes: str | None, parts: dict) -> str | None:
        """The record's notes with this template's dated 调度 entry added (or replaced on re-import)."""
        if not parts:
            return None
        head = tr(NOTE_ENTRY, date=self.meta["date"])
        entry = head + "；".join(tr(NOTE_PARTS[k], text=parts[k]) for k in NOTE_KEYS if k in parts)
        kept = [line for line in (notes or "").splitlines() if not line.startswith(head)]
        result = "\n".join([*kept, entry]).strip()
        return None if result == (notes or "").strip() else result

    def check(self) -> None:
        errors = trial(self.pf, [], [(i, row.ops) for i, row in enumerate(self.pending)])
        for i in sorted(errors):
            row = self.pending[i]
            self.plan.problems.append(Problem(row.sheet, row.row, reason=str(errors[i])))
            self.plan.rows.remove(row)


def _letter(cols: dict, key: str) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(list(cols).index(key) + 1)


def _parse(col, raw):
    if col.type == "date":
        return parse_date(raw)
    if col.type == "money":
        return parse_money(raw)
    if col.type == "enum":
        value = str(raw).strip()
        if value not in col.choices:
            raise CellError(E_CHOICE, value=short(raw), field=tr(col.header), choices="、".join(col.choices))
        return value, None
    return str(raw).strip(), None
