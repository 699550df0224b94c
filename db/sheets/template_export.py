"""Writing a 调度表 template: one responsible unit's open milestones and projects, to fill in on
a laptop and send back (`kechuang xlsx-export FILE --template --unit NAME`)."""
from __future__ import annotations

import json
import secrets
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Protection
from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from db import colours
from db.errors import UserError
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.pinyin import sort_key
from db.problems.colour import problem_colours
from db.problems.rules import CLOSED as PROBLEM_CLOSED
from db.progress import nothing
from db.rows.register import OPEN_STATUSES, unit_names
from db.sheets import rowxml, style
from db.sheets.cells import SERIALS
from db.sheets.export import StyledCell
from db.sheets.template_spec import (
    ALL_UNITS,
    CHECKSUM_ROW,
    EDIT_FIELDS,
    FORMAT,
    HEADER_ROW,
    INSTRUCTIONS,
    META_KEYS,
    META_SHEET,
    ROWS_START,
    SHEETS,
    SHEETS_ROW,
    SUBTITLE,
    TITLE,
    VERSION,
    checksum,
    digest,
)
from db.sheets.units import normalise
from db.unit_slice import unit_slice

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E_NO_UNIT = QT_TRANSLATE_NOOP("sheets", "找不到单位“{name}”。{hint}")
E_HINT = QT_TRANSLATE_NOOP("sheets", "名称相近的单位：{names}")
E_HINT_NONE = QT_TRANSLATE_NOOP("sheets", "请使用组合中单位的全称或简称。")
E_EMPTY = QT_TRANSLATE_NOOP("sheets", "“{unit}”名下没有进行中的项目或未完成的里程碑，没有可导出的调度表。")
V_DATE = QT_TRANSLATE_NOOP("Template", "请填写日期，例如 2025-06-30")
V_DATE_TITLE = QT_TRANSLATE_NOOP("Template", "日期")
V_LIST = QT_TRANSLATE_NOOP("Template", "请从下拉列表中选择")
V_LIST_TITLE = QT_TRANSLATE_NOOP("Template", "可选值")
V_MONEY = QT_TRANSLATE_NOOP("Template", "请填写不小于 0 的数字（万元）")
V_MONEY_TITLE = QT_TRANSLATE_NOOP("Template", "金额")
CLOSED_STAGES = ("达产", "终止")
DATE_MIN, DATE_MAX = SERIALS  # the days a portfolio holds (db/model.py YEARS), as Excel serials


def find_unit(pf: Portfolio, name: str) -> dict:
    """A unit by full name or short name (exact, then normalised); a clear refusal otherwise."""
    units = pf.list("units", fields=("name", "short_name"))
    for key in (lambda n: (n or "").strip(), normalise):
        for u in units:
            if key(name) and key(name) in (key(u["name"]), key(u.get("short_name") or "")):
                return u
    near = [u["name"] for u in units if normalise(name) and (normalise(name) in normalise(u["name"])
                                                             or normalise(u["name"]) in normalise(name))]
    hint = tr(E_HINT, names="、".join(near[:8])) if near else tr(E_HINT_NONE)
    raise UserError(E_NO_UNIT, name=name, hint=hint)


# what template_rows reads of a record: the sheets' columns (SHEETS), what the colour rules read
MILESTONE_FIELDS = ("project_id", "team_id", "owner_unit_id", "name", "deliverable", "baseline_date",
                    "planned_date", "actual_date", "status", "source_doc")
PROJECT_FIELDS = ("name", "category", "lead_unit_id", "responsible_unit_ids", "planned_start", "planned_finish",
                  "total_investment", "stage", "actual_start", "actual_finish", "invested_to_date", "annual_invested")


def template_rows(pf: Portfolio, unit_id: str | None) -> dict[str, list[dict]]:
    """The open projects and milestones of a unit (all units when None), as template rows."""
    names = unit_names(pf)
    today, th = pf.today(), colours.thresholds(pf)
    slice_ = unit_slice(pf, {unit_id}) if unit_id else None  # the one definition (issue #21)
    # one unit: its records only, through the id index; names of the others as plain tuples
    project_ids: dict[str, Any] = {} if slice_ is None else {"id": sorted(slice_["projects"])}
    mine = pf.list("projects", fields=PROJECT_FIELDS, **project_ids)
    challenges = dict(pf.rows("challenges", ("title",)))
    order = {p["id"]: i for i, p in enumerate(sorted(mine, key=lambda p: sort_key(p["name"])))}
    ms_rows = []
    # one unit: only its milestones, through the id index (all 100,000 were decoded for one unit)
    milestone_ids: dict[str, Any] = {} if slice_ is None else {"id": sorted(slice_["milestones"])}
    # only the open ones are decoded (the template shows no other), only the fields it shows or
    # the colour reads
    milestones = pf.list("milestones", status=list(OPEN_STATUSES), fields=MILESTONE_FIELDS, **milestone_ids)
    # the names of the projects of those milestones (a province has 30,000 projects)
    parents: dict[str, Any] = {} if slice_ is None else {"id": sorted({m["project_id"] for m in milestones if m["project_id"]})}
    by_id = {pid: {"name": name} for pid, name in pf.rows("projects", ("name",), **parents)}
    team_ids: dict[str, Any] = {} if slice_ is None else {
        "id": sorted({m["team_id"] for m in milestones if m["team_id"]})}
    teams = {t["id"]: t for t in pf.list("teams", fields=("challenge_id", "name"), **team_ids)}
    for m in milestones:
        team = teams.get(m["team_id"] or "")
        if m["status"] not in OPEN_STATUSES or not (slice_ is None or m["id"] in slice_["milestones"]):
            continue
        if m["project_id"]:
            parent = by_id[m["project_id"]]["name"] if m["project_id"] in by_id else ""
        else:
            parent = f"{challenges.get(team['challenge_id'], '')} · {team['name']}" if team else ""
        c = colours.milestone_colour(m, today, th)
        ms_rows.append({**m, "project": parent, "owner": names.get(m["owner_unit_id"] or "", ""),
                        "colour": c, "_order": (order.get(m["project_id"], len(order)), parent,
                                                m["planned_date"] or "9999", m["name"])})
    ms_rows.sort(key=lambda r: r["_order"])
    pj_rows = []
    for p in sorted(mine, key=lambda p: sort_key(p["name"])):
        if p["stage"] in CLOSED_STAGES:
            continue
        units = [names.get(u, "") for u in [p["lead_unit_id"], *p["responsible_unit_ids"]] if u]
        pj_rows.append({**p, "category": tr_enum(p["category"]), "units": "、".join(dict.fromkeys(units))})
    return {"milestones": ms_rows, "projects": pj_rows, "problems": _problem_rows(pf, slice_, by_id, names)}


def _problem_rows(pf: Portfolio, slice_: dict | None, projects: dict, names: dict) -> list[dict]:
    """The unit's problems not yet closed (issue #18), most urgent first."""
    problem_ids: dict[str, Any] = {} if slice_ is None else {"id": sorted(slice_["problems"])}
    problems = [q for q in pf.list("problems", **problem_ids)
                if q["status"] != PROBLEM_CLOSED and (slice_ is None or q["id"] in slice_["problems"])]
    colour = problem_colours(pf, problems=problems)
    rows = [{**q, "name": q["description"], "project": projects.get(q["project_id"], {}).get("name", ""),
             "responsible": names.get(q["responsible_unit_id"] or "", ""), "colour": colour[q["id"]]}
            for q in problems]
    return sorted(rows, key=lambda r: (-colours.SEVERITY[r["colour"].code], r["due_date"] or "9999", r["code"] or ""))


def write_template(pf: Portfolio, path, unit_name: str | None = None, progress=nothing) -> dict:
    """Write the template; returns counts {"milestones": n, "projects": m, "unit": name}."""
    unit = find_unit(pf, unit_name) if unit_name else None
    label = unit["name"] if unit else tr(ALL_UNITS)
    progress(0, len(SHEETS) + 2)
    rows = template_rows(pf, unit["id"] if unit else None)
    if not any(rows.values()):
        raise UserError(E_EMPTY, unit=label)
    sheets = {kind: spec for kind, spec in SHEETS.items() if kind != "problems" or rows["problems"]}
    nonce = secrets.token_hex(12)
    exported = pf.today().isoformat()
    wb = Workbook(write_only=True)
    entries: list[list[str]] = []
    sheets_meta = []
    for step, (kind, (title, cols)) in enumerate(sheets.items(), start=1):
        progress(step, len(SHEETS) + 2)
        ws = wb.create_sheet(tr(title))
        sheets_meta.append({"kind": kind, "title": ws.title, "header_row": HEADER_ROW,
                            "headers": [tr(c.header) for c in cols], "keys": [c.key for c in cols]})
        _fill_sheet(ws, kind, cols, rows[kind], label, pf.path.name, exported, nonce, entries)
    meta = {"format": FORMAT, "version": VERSION, "site_id": pf.site_id, "portfolio": pf.path.name,
            "exported_at": pf.stamp(), "date": exported,
            "unit_id": unit["id"] if unit else "", "unit": label, "nonce": nonce,
            "sheets": sheets_meta}
    _meta_sheet(wb, meta, entries)
    progress(len(SHEETS) + 1, len(SHEETS) + 2)
    style.save(wb, path)
    counts = {"unit": label, "milestones": len(rows["milestones"]), "projects": len(rows["projects"])}
    if rows["problems"]:
        counts["problems"] = len(rows["problems"])
    return counts


def _style_cell(cell, col, colour) -> None:
    if colour is not None:
        cell.fill = style.PatternFill("solid", fgColor=colour.hex.lstrip("#").upper())
    else:
        cell.fill = style.EDIT_FILL if col.role == "edit" else style.READONLY_FILL
    cell.font = style.BODY_FONT
    cell.border = style.BORDER
    cell.alignment = style.WRAP_TOP if col.type == "text" else style.TOP
    fmt = style.fmt_for(col.type)
    if fmt:
        cell.number_format = fmt
    cell.protection = Protection(locked=col.role != "edit")


def _cell(ws, value, font=None, alignment=None, fill=None, border=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws)
    style.put(cell, value)
    for name, look in (("font", font), ("alignment", alignment), ("fill", fill), ("border", border)):
        if look is not None:
            setattr(cell, name, look)
    return cell


def _fill_sheet(ws, kind, cols, rows, unit_label, portfolio, exported, nonce, entries) -> None:
    """One write-only sheet (rows go to the file's XML as they are appended): its set-up first,
    then the title rows, the header and a row per record, each data cell one of a few styled
    cells (per column, colour and quoting) reused with its value set — the full-workbook mode
    built, styled and hashed a cell object per cell (most of a one-unit template's time)."""
    width = len(cols)
    last = get_column_letter(width)
    first = HEADER_ROW + 1
    last_row = max(first, HEADER_ROW + len(rows))
    for i, col in enumerate(cols, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = col.width
        if col.role != "edit":
            continue
        dv = _validation(col)
        if dv is not None:
            ws.data_validations.append(dv)
            dv.add(f"{letter}{first}:{letter}{last_row}")
    ws.column_dimensions["A"].hidden = True
    for r in (1, 2, 3):
        ws.merged_cells.add(f"A{r}:{last}{r}")
    ws.freeze_panes = f"{get_column_letter([c.key for c in cols].index('name') + 2)}{first}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{last_row}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.row_dimensions[1].height = 26
    ws.row_dimensions[3].height = 62
    ws.row_dimensions[HEADER_ROW].height = 32
    ws._values_to_row = rowxml.placed  # (every row appended is a list of cells or None)
    ws.append([_cell(ws, tr(TITLE, unit=unit_label, sheet=ws.title), style.TITLE_FONT, style.CENTER)])
    ws.append([_cell(ws, tr(SUBTITLE, portfolio=portfolio, date=exported, count=len(rows)), style.BODY_FONT,
                     style.CENTER)])
    ws.append([_cell(ws, tr(INSTRUCTIONS), style.NOTE_FONT, style.WRAP_TOP)])
    for _ in range(4, HEADER_ROW):
        ws.append([])
    ws.append([_cell(ws, tr(c.header), style.HEADER_FONT, style.CENTER,
                     style.EDIT_HEADER_FILL if c.role == "edit" else style.HEADER_FILL, style.BORDER) for c in cols])
    set_height = rowxml.install(ws)
    looks: dict = {}  # (column, colour, quoted) -> its styled cell, made once
    keys = [c.key for c in cols]
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    for n, rec in enumerate(rows, start=1):
        identity, wrapped, shown = [], [], []
        for i, col in enumerate(cols, start=1):
            value = n if keys[i - 1] == "seq" else rec.get(keys[i - 1])
            colour = rec["colour"] if col.type == "colour" else None
            shown.append((colour, colour.name if colour is not None else style.cell_value(col.type, value)))
            if col.role == "identity":
                identity.append("" if value is None else str(value))
            if col.type == "text" and col.role != "id":
                wrapped.append((value, col.width))
        set_height(HEADER_ROW + n, style.row_height(wrapped, min_lines=2))
        row = _text_row(ws, looks, cols, letters, shown)
        ws.append(row if row is not None else
                  [_data_cell(ws, looks, i, col, c, v) for i, (col, (c, v)) in enumerate(zip(cols, shown, strict=True), start=1)])
        originals = {f: rec.get(f) for f in EDIT_FIELDS[kind]}
        entries.append([kind, rec["id"], digest(nonce, kind, rec["id"], identity),
                        json.dumps(originals, ensure_ascii=False, sort_keys=True)])


def _look(ws, looks: dict, i: int, col, colour, quoted: bool) -> StyledCell:
    """The styled cell of column i, colour and quoting, made once."""
    key = (i, colour.hex if colour is not None else None, quoted)
    cell = looks.get(key)
    if cell is None:
        cell = looks[key] = StyledCell(ws, row=1, column=1)
        _style_cell(cell, col, colour)
        if quoted:
            cell.quotePrefix = True
        cell._sid = Cell.style_id.fget(cell)
    return cell


@lru_cache(maxsize=16)
def _dated(kind: str) -> bool:
    """Whether a column of this type has a date format (_style_cell gives each of its cells that)."""
    fmt = style.fmt_for(kind)
    return fmt is not None and is_date_format(fmt)


def _data_cell(ws, looks: dict, i: int, col, colour, value) -> StyledCell:
    """The styled cell of column i (and colour, and formula-like text) holding `value` (as
    style.put sets it)."""
    if isinstance(value, str):
        value = style.BAD_CHARS.sub("", value)
    quoted = isinstance(value, str) and value.startswith(style.FORMULA_LEAD)
    cell = _look(ws, looks, i, col, colour, quoted)
    kind = rowxml.bound_type(value, _dated(col.type), ws.parent)
    if kind is None:
        cell.value = value  # what only openpyxl's value setter binds (over-long text cut, …)
    else:
        cell._value, cell.data_type = value, kind  # what the setter makes of it, without its checks
    if quoted:
        cell.data_type = "s"
    return cell


def _text_row(ws, looks: dict, cols, letters: list[str], shown: list[tuple]) -> rowxml.TextRow | None:
    """A data row as rowxml.TextRow: each cell as _data_cell would set it (the same data type,
    value and style), without setting one; None when a value is one only openpyxl's value setter
    binds (rowxml.bound_type): the row is made of cells."""
    row = rowxml.TextRow()
    wb = ws.parent
    for i, (col, (colour, value)) in enumerate(zip(cols, shown, strict=True), start=1):
        quoted = False
        if type(value) is str:
            value = style.BAD_CHARS.sub("", value)
            quoted = value.startswith(style.FORMULA_LEAD)  # (with the quote prefix: text, never a formula)
        cell = _look(ws, looks, i, col, colour, quoted)
        kind = rowxml.bound_type(value, _dated(col.type), wb)
        if kind is None:
            return None
        row.append((letters[i - 1], rowxml.cell_xml(cell._sid, "s" if quoted else kind, value, wb)))
    return row


def _validation(col) -> DataValidation | None:
    if col.type == "enum":
        dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=True)
        dv.error, dv.errorTitle = tr(V_LIST), tr(V_LIST_TITLE)
    elif col.type == "date":
        dv = DataValidation(type="date", operator="between", formula1=str(DATE_MIN), formula2=str(DATE_MAX),
                            allow_blank=True)
        dv.error, dv.errorTitle = tr(V_DATE), tr(V_DATE_TITLE)
        dv.prompt, dv.promptTitle = tr(V_DATE), tr(V_DATE_TITLE)
        dv.showInputMessage = True
    elif col.type == "money":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error, dv.errorTitle = tr(V_MONEY), tr(V_MONEY_TITLE)
    else:
        return None
    dv.showErrorMessage = True
    return dv


def _meta_sheet(wb, meta: dict, entries: list[list[str]]) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    lines: dict[int, list] = {1: [FORMAT, VERSION]}
    for i, key in enumerate(META_KEYS, start=2):
        lines[i] = [key, meta[key] or None]
    lines[SHEETS_ROW] = ["sheets", json.dumps(meta["sheets"], ensure_ascii=False)]
    lines[CHECKSUM_ROW] = ["checksum", checksum(meta, entries)]
    rowxml.install(ws)
    plain: dict[int, Cell] = {}  # one unstyled cell per column, its value set row after row
    letters = [get_column_letter(i) for i in range(1, 17)]  # (a meta row has 2 or 4 values)

    def row(values: list) -> list:
        text = _meta_text_row(values, letters, ws.parent)
        return text if text is not None else [_meta_value(ws, plain, i, v) for i, v in enumerate(values)]
    for r in range(1, ROWS_START):
        ws.append(row(lines.get(r, [])))
    for entry in entries:
        ws.append(row(entry))


def _meta_text_row(values: list, letters: list[str], wb) -> rowxml.TextRow | None:
    """A meta row of plain (unstyled) cells as rowxml.TextRow, as _meta_value would set them;
    None when a value needs more (text beginning like a formula: a styled cell of its own; one
    only openpyxl's value setter binds): the row is made of cells."""
    row = rowxml.TextRow()
    for i, value in enumerate(values):
        if value is None:
            continue
        if type(value) is str:
            value = style.BAD_CHARS.sub("", value)
            if value.startswith(style.FORMULA_LEAD):
                return None
        kind = rowxml.bound_type(value, False, wb)
        if kind is None:
            return None
        row.append((letters[i], rowxml.cell_xml(0, kind, value, wb)))
    return row


def _meta_value(ws, plain: dict, i: int, value) -> Cell | None:
    """A value as style.put would set it, in column i's plain cell (as openpyxl binds a value
    appended), or in a cell of its own when text needs the quote prefix."""
    if isinstance(value, str):
        value = style.BAD_CHARS.sub("", value)
        if value.startswith(style.FORMULA_LEAD):
            return _cell(ws, value)
    if value is None:
        return None
    cell = plain.get(i)
    if cell is None:
        cell = plain[i] = WriteOnlyCell(ws)
    kind = rowxml.bound_type(value, False, ws.parent)
    if kind is None:
        cell.value = value
    else:
        cell._value, cell.data_type = value, kind  # what openpyxl's value setter makes of it (as _data_cell)
    return cell
