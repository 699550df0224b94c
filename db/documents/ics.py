"""Milestones as an iCalendar file (RFC 5545) that Outlook, Thunderbird and phones import.

Each milestone with a planned date is an all-day event. Its UID is derived from the milestone's
UUID, so importing a newer export updates the same events instead of adding copies; SEQUENCE and
LAST-MODIFIED come from the record's cell clocks, so the newer copy wins. The colour (亮灯) is in
the title, the description, CATEGORIES and the RFC 7986 COLOR property.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from db import colours
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import KINDS
from db.progress import nothing
from db.rows import register, slips
from db.store import hlc, records
from db.store.files import write_atomically
from db.store.values import BAD_CHARS

if TYPE_CHECKING:
    from db.portfolio import Portfolio

PRODID = "-//Kechuang//Kechuang Project Ledger 1.0//ZH"
UID_SUFFIX = "@milestone.kechuang"
EPOCH_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z: SEQUENCE counts seconds since then
CSS = {colours.RED: "red", colours.YELLOW: "gold", colours.GREEN: "green", colours.BLUE: "royalblue",
       colours.GREY: "gray", colours.PENDING: "silver"}

E_WRITE = QT_TRANSLATE_NOOP("ics", "无法写入日历文件“{path}”：{detail}")
CAL_NAME = QT_TRANSLATE_NOOP("ics", "科创项目台账 · {name}")
CATEGORY = QT_TRANSLATE_NOOP("ics", "里程碑")
SUMMARY = QT_TRANSLATE_NOOP("ics", "【{colour}】{name}（{project}）")
LINES = {
    "project": QT_TRANSLATE_NOOP("ics", "项目：{value}"),
    "unit": QT_TRANSLATE_NOOP("ics", "责任单位：{value}"),
    "status": QT_TRANSLATE_NOOP("ics", "状态：{value}"),
    "colour": QT_TRANSLATE_NOOP("ics", "亮灯：{colour}（{meaning}）— {reason}"),
    "baseline": QT_TRANSLATE_NOOP("ics", "基线日期：{value}"),
    "actual": QT_TRANSLATE_NOOP("ics", "实际完成：{value}"),
    "slips": QT_TRANSLATE_NOOP("ics", "已调整计划 {count} 次，累计延期 {days} 天"),
    "deliverable": QT_TRANSLATE_NOOP("ics", "交付成果：{value}"),
    "notes": QT_TRANSLATE_NOOP("ics", "备注：{value}"),
}


def escape(text: str) -> str:
    """RFC 5545 TEXT; characters it forbids (controls, which db/values.py refuses at entry but a
    portfolio of an earlier version may hold) are dropped."""
    return (BAD_CHARS.sub("", str(text)).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets (never inside a UTF-8 character)."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + n > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return [out[0]] + [" " + piece for piece in out[1:]]


def _modified(pf: Portfolio) -> dict[str, int]:
    """Latest wall-clock ms of any cell of each milestone (0 for untouched built-in records)."""
    with pf.read() as db:
        rows = records.cell_clocks(db, KINDS["milestones"])
    out = {}
    for rid, clocks, created in rows:
        stamps = [*json.loads(clocks or "{}").values(), created]
        out[rid] = max((hlc.parse(s)[0] for s in stamps if hlc.is_valid(s)), default=0)
    return out


def events(pf: Portfolio) -> list[dict]:
    """One dict of iCalendar properties per milestone with a planned date."""
    colour_of = colours.all_colours(pf)["milestones"]  # the per-record rules in one pass
    names = register.unit_names(pf)
    projects = {p["id"]: p for p in pf.list("projects")}
    teams = {t["id"]: t for t in pf.list("teams")}
    titles = {c["id"]: c["title"] for c in pf.list("challenges")}
    log: dict[str, list[int]] = {}
    for s in slips.slip_rows(pf):
        log.setdefault(s["milestone_id"], []).append(s["days"] or 0)
    modified = _modified(pf)
    out = []
    for m in pf.list("milestones", order="planned_date, rowid"):
        if not m["planned_date"]:
            continue
        p = projects.get(m["project_id"] or "")
        team = teams.get(m["team_id"] or "")
        if p:
            parent, units = p["name"], [p["lead_unit_id"], *p["responsible_unit_ids"]]
        else:
            parent = f"{titles.get(team['challenge_id'], '')} · {team['name']}" if team else ""
            units = [team["unit_id"]] if team else []
        if m["owner_unit_id"]:
            units = [m["owner_unit_id"]]
        unit_text = "、".join(dict.fromkeys(names.get(u, "") for u in units if u))
        c = colour_of[m["id"]]
        days = log.get(m["id"], [])
        desc = [tr(LINES["project"], value=parent)]
        if unit_text:
            desc.append(tr(LINES["unit"], value=unit_text))
        desc.append(tr(LINES["status"], value=tr_enum(m["status"])))
        desc.append(tr(LINES["colour"], colour=c.name, meaning=tr(colours.MEANINGS[c.code]), reason=c.reason))
        if m["baseline_date"] and m["baseline_date"] != m["planned_date"]:
            desc.append(tr(LINES["baseline"], value=m["baseline_date"]))
        if m["actual_date"]:
            desc.append(tr(LINES["actual"], value=m["actual_date"]))
        if days:
            desc.append(tr(LINES["slips"], count=len(days), days=sum(d for d in days if d > 0)))
        for key in ("deliverable", "notes"):
            if m[key]:
                desc.append(tr(LINES[key], value=m[key]))
        start = dt.date.fromisoformat(m["planned_date"])
        wall = modified.get(m["id"], 0)
        out.append({
            "uid": m["id"] + UID_SUFFIX, "start": start, "end": start + dt.timedelta(days=1),
            "summary": tr(SUMMARY, colour=c.name, name=m["name"], project=parent),
            "description": "\n".join(desc), "colour": CSS[c.code],
            "categories": [tr(CATEGORY), c.name], "cancelled": m["status"] == "取消",
            "sequence": max(0, (wall - EPOCH_MS) // 1000),
            "modified": dt.datetime.fromtimestamp(wall / 1000, dt.UTC) if wall > EPOCH_MS else None,
        })
    return out


def render(pf: Portfolio, now: dt.datetime | None = None) -> str:
    now = now or pf.now()
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + escape(tr(CAL_NAME, name=pf.path.stem)), "X-WR-TIMEZONE:Asia/Shanghai"]
    for e in events(pf):
        lines += ["BEGIN:VEVENT", f"UID:{e['uid']}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{e['start']:%Y%m%d}", f"DTEND;VALUE=DATE:{e['end']:%Y%m%d}",
                  f"SEQUENCE:{e['sequence']}"]
        if e["modified"]:
            lines.append(f"LAST-MODIFIED:{e['modified']:%Y%m%dT%H%M%SZ}")
        lines += ["SUMMARY:" + escape(e["summary"]), "DESCRIPTION:" + escape(e["description"]),
                  "CATEGORIES:" + ",".join(escape(c) for c in e["categories"]), f"COLOR:{e['colour']}",
                  "STATUS:" + ("CANCELLED" if e["cancelled"] else "CONFIRMED"), "TRANSP:TRANSPARENT",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in fold(line))


def write(pf: Portfolio, path, progress=nothing) -> int:
    """Write the calendar atomically; returns the number of events. `progress` as in
    db/progress.py (a cancel before the write leaves no file)."""
    path = Path(path)
    progress(0, 2)
    text = render(pf)
    progress(1, 2)
    write_atomically(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")), E_WRITE, make_folder=True)
    return text.count("BEGIN:VEVENT")
