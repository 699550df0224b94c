"""The 揭榜挂帅 rules (DESIGN §2): which stage may follow which, what must hold first, and
what a funding tranche may be. Qt-free.

The checks read through a small reader (`get(kind, id)`, `list(kind, where, params)`): the
Portfolio for callers building ops, or the writer's `records.Reader` inside the write path (the
hooks in db/rules.py), which enforces the same rules for every caller (GUI, `kechuang set`,
scripts).
"""
from __future__ import annotations

import datetime as dt

from db.errors import ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import CHALLENGE_STAGES, KINDS
from db.store import records
from db.store.values import parse_date

PIPELINE = CHALLENGE_STAGES[:13]  # 需求征集 … 结题
TERMINAL = ("结题", "流榜", "终止")
LAPSE_FROM = ("已发榜", "申报中")
SELECTION_STAGES = ("评审中", "会议审议")
RACE_STAGES = ("攻关中", "里程碑考核")
REVIEW_STAGES = ("攻关中", "里程碑考核", "验收")
NEEDS_ACTIVE = ("里程碑考核", "验收", "兑现奖补", "结题")
WITHDRAWN = ("撤回",)

E = {
    "empty": QT_TRANSLATE_NOOP("errors", "{record}：阶段不能为空"),
    "terminal": QT_TRANSLATE_NOOP("errors", "{record}已“{stage}”，阶段不能再变更（误操作请撤销）"),
    "not_allowed": QT_TRANSLATE_NOOP("errors", "{record}：不能从“{from_stage}”转到“{to_stage}”。可转到：{allowed}"),
    "need_note": QT_TRANSLATE_NOOP("errors", "{record}：转到“{to_stage}”须填写说明（原因）"),
    "bad_date": QT_TRANSLATE_NOOP("errors", "{record}：阶段变更日期“{date}”无效，应为 YYYY-MM-DD"),
    "future": QT_TRANSLATE_NOOP("errors", "{record}：阶段变更日期 {date} 晚于今天（{today}），只能记录已发生的变更"),
    "date_order": QT_TRANSLATE_NOOP("errors", "{record}：阶段变更日期 {date} 早于上一次变更（{last}）"),
    "publish_fields": QT_TRANSLATE_NOOP("errors", "{record}：发榜前须填写{missing}"),
    "deadline_order": QT_TRANSLATE_NOOP("errors", "{record}：申报截止（{deadline}）早于发榜日期（{publish}）"),
    "no_applicant": QT_TRANSLATE_NOOP("errors", "{record}：进入评审须至少有一个揭榜方申报（目前没有）"),
    "no_scores": QT_TRANSLATE_NOOP("errors", "{record}：提交会议审议前须录入评审得分（尚无得分：{teams}）"),
    "single_count": QT_TRANSLATE_NOOP("errors", "{record}：单一揭榜须确定 1 个立项团队才能进入“{to_stage}”（目前 {count} 个）"),
    "race_count": QT_TRANSLATE_NOOP("errors", "{record}：赛马须确定至少 2 个立项团队才能进入“{to_stage}”（目前 {count} 个）"),
    "race_slots": QT_TRANSLATE_NOOP("errors", "{record}：赛马队伍数为 {slots}，立项团队不能超过此数（目前 {count} 个）"),
    "pledge": QT_TRANSLATE_NOOP("errors", "{record}：立项须至少一个立项团队，且每个立项团队都已签订军令状（尚未签订：{teams}）"),
    "pledge_milestones": QT_TRANSLATE_NOOP("errors", "{record}：开始攻关前，军令状须列出至少一个里程碑（尚未列出：{teams}）"),
    "lapse_applied": QT_TRANSLATE_NOOP("errors", "{record}：已有 {count} 个揭榜方申报，不能流榜（流榜仅限申报截止时无人申报）"),
    "lapse_early": QT_TRANSLATE_NOOP("errors", "{record}：申报截止日期为 {deadline}，截止之后（{date} 不在其后）才能流榜"),
    "lapse_no_deadline": QT_TRANSLATE_NOOP("errors", "{record}：未填写申报截止日期，不能判定流榜"),
    "no_active": QT_TRANSLATE_NOOP("errors", "{record}：没有在攻关的立项团队，不能进入“{to_stage}”"),
    "paid_over": QT_TRANSLATE_NOOP("errors", "{record}：已拨金额 {paid} 万元超过计划金额 {planned} 万元"),
    "no_budget": QT_TRANSLATE_NOOP("errors", "{record}：{challenge}尚未填写榜额，不能安排拨款"),
    "over_budget": QT_TRANSLATE_NOOP("errors", "{record}：{challenge}各批次计划金额合计 {total} 万元，超过榜额 {budget} 万元"),
    "budget_below": QT_TRANSLATE_NOOP("errors", "{record}：已安排拨款合计 {total} 万元，榜额（财政 + 配套）不能低于此数"),
    "tranche_ms": QT_TRANSLATE_NOOP("errors", "{record}：挂钩里程碑须是该揭榜方军令状中的里程碑"),
    "tranche_unreviewed": QT_TRANSLATE_NOOP("errors", "{record}：挂钩里程碑“{milestone}”尚未考核通过，不能拨付"),
    "tranche_seq": QT_TRANSLATE_NOOP("errors", "{record}：{team}已有第 {seq} 批拨款"),
    "review_ms": QT_TRANSLATE_NOOP("errors", "{record}：考核的里程碑须属于该揭榜方"),
    "event_mismatch": QT_TRANSLATE_NOOP("errors", "{record}：阶段记录的原阶段“{given}”与当前阶段“{stage}”不符"),
}


def label(kind: str, rec: dict) -> str:
    return records.label(KINDS[kind], rec)


def budget(c: dict) -> float:
    """榜额 = 财政 + 配套 (万元)."""
    return (c.get("budget_fiscal") or 0) + (c.get("budget_matching") or 0)


def _names(teams: list[dict]) -> str:
    return "、".join(t["name"] for t in teams)


def _fmt(x: float) -> str:
    return f"{x:g}"


# -- stages -------------------------------------------------------------------------------

def candidate_stages(stage: str | None) -> list[str]:
    """Stages reachable from `stage` in one step, before the gates are checked."""
    stage = stage or PIPELINE[0]
    if stage in TERMINAL:
        return []
    i = PIPELINE.index(stage)
    out: list[str] = [PIPELINE[i + 1]]
    if stage == "攻关中":
        out.append("验收")
    elif stage == "里程碑考核":
        out.insert(0, "攻关中")  # back to work after a review, or on to acceptance
    if i > 0 and stage != "里程碑考核":
        out.append(PIPELINE[i - 1])  # 退回 with a reason
    if stage in LAPSE_FROM:
        out.append("流榜")
    out.append("终止")
    return list(dict.fromkeys(out))


def is_backward(from_stage: str, to_stage: str) -> bool:
    if to_stage not in PIPELINE or from_stage not in PIPELINE:
        return False
    if (from_stage, to_stage) == ("里程碑考核", "攻关中"):
        return False
    return PIPELINE.index(to_stage) < PIPELINE.index(from_stage)


def teams_of(reader, challenge_id: str) -> list[dict]:
    return reader.list("teams", challenge_id=challenge_id)


def last_event(reader, challenge_id: str, exclude: str | None = None) -> dict | None:
    events = [e for e in reader.list("challenge_events", challenge_id=challenge_id,
                                     order="date, rowid") if e["id"] != exclude]
    return events[-1] if events else None


def check_transition(reader, c: dict, to_stage: str | None, date: str, note: str | None,
                     today: dt.date, *, skip_event_id: str | None = None) -> None:
    """Raise ValidationError (naming the rule) unless `c` may move to `to_stage` on `date`.

    `c` holds the challenge's values as they will be after the edit, except its stage.
    """
    rec = label("challenges", c)
    frm = c.get("stage") or PIPELINE[0]
    if not to_stage:
        raise ValidationError(E["empty"], record=rec)
    if frm in TERMINAL:
        raise ValidationError(E["terminal"], record=rec, stage=tr_enum(frm))
    allowed = candidate_stages(frm)
    if to_stage not in allowed:
        raise ValidationError(E["not_allowed"], record=rec, from_stage=tr_enum(frm), to_stage=tr_enum(to_stage),
                              allowed="、".join(tr_enum(s) for s in allowed))
    when = parse_date(date or "")
    if when is None:
        raise ValidationError(E["bad_date"], record=rec, date=date or "")
    if when > today:
        raise ValidationError(E["future"], record=rec, date=date, today=today.isoformat())
    last = last_event(reader, c["id"], skip_event_id) if c.get("id") else None
    if last and last["date"] > date:
        raise ValidationError(E["date_order"], record=rec, date=date, last=last["date"])
    backward = is_backward(frm, to_stage)
    if (backward or to_stage in ("流榜", "终止")) and not (note or "").strip():
        raise ValidationError(E["need_note"], record=rec, to_stage=tr_enum(to_stage))
    if backward or to_stage == "终止":
        return
    _gate(reader, c, frm, to_stage, date, rec)


def _gate(reader, c: dict, frm: str, to: str, date: str, rec: str) -> None:
    teams = teams_of(reader, c["id"]) if c.get("id") else []
    applied = [t for t in teams if t["status"] not in WITHDRAWN]
    active = [t for t in teams if t["status"] == "立项"]
    if to == "已发榜":
        missing = [tr(KINDS["challenges"].field_named(n).label) for n, ok in (
            ("indicators", bool(c.get("indicators"))), ("budget_fiscal", budget(c) > 0),
            ("deadline", bool(c.get("deadline")))) if not ok]
        if missing:
            raise ValidationError(E["publish_fields"], record=rec, missing="、".join(missing))
        publish = c.get("publish_date") or date
        if c["deadline"] < publish:
            raise ValidationError(E["deadline_order"], record=rec, deadline=c["deadline"], publish=publish)
    elif to == "流榜":
        if applied:
            raise ValidationError(E["lapse_applied"], record=rec, count=len(applied))
        if not c.get("deadline"):
            raise ValidationError(E["lapse_no_deadline"], record=rec)
        if date <= c["deadline"]:
            raise ValidationError(E["lapse_early"], record=rec, deadline=c["deadline"], date=date)
    elif to == "评审中":
        if not applied:
            raise ValidationError(E["no_applicant"], record=rec)
    elif to == "会议审议":
        unscored = [t for t in teams if t["status"] in ("已提交", "入围") and t["score"] is None]
        if unscored or not any(t["score"] is not None for t in applied):
            raise ValidationError(E["no_scores"], record=rec, teams=_names(unscored) or "—")
    elif to in ("公示", "已立项"):
        check_selection_count(c, len(active), rec, to)
        if to == "已立项":
            unsigned = [t for t in active if not t["pledge_signed_date"]]
            if unsigned:
                raise ValidationError(E["pledge"], record=rec, teams=_names(unsigned))
    elif to == "攻关中" and frm == "已立项":
        if not active:
            raise ValidationError(E["no_active"], record=rec, to_stage=tr_enum(to))
        bare = [t for t in active if not reader.list("milestones", team_id=t["id"])]
        if bare:
            raise ValidationError(E["pledge_milestones"], record=rec, teams=_names(bare))
    if to in NEEDS_ACTIVE and not active:
        raise ValidationError(E["no_active"], record=rec, to_stage=tr_enum(to))


def check_selection_count(c: dict, count: int, rec: str, to_stage: str) -> None:
    if c.get("race_mode") == "赛马":
        if count < 2:
            raise ValidationError(E["race_count"], record=rec, count=count, to_stage=tr_enum(to_stage))
        slots = c.get("race_slots")
        if slots and count > slots:
            raise ValidationError(E["race_slots"], record=rec, slots=slots, count=count)
    elif count != 1:
        raise ValidationError(E["single_count"], record=rec, count=count, to_stage=tr_enum(to_stage))


# -- tranches and reviews -------------------------------------------------------------------

def tranche_totals(reader, challenge_id: str, replace: tuple[str, dict] | None = None) -> dict:
    """Planned and paid sums over the challenge's live tranches (one tranche's values replaced)."""
    planned = paid = 0.0
    seen = False
    for t in teams_of(reader, challenge_id):
        for tr_ in reader.list("tranches", team_id=t["id"]):
            if replace and tr_["id"] == replace[0]:
                tr_, seen = replace[1], True
            planned += tr_.get("planned_amount") or 0
            paid += tr_.get("paid_amount") or 0
    if replace and not seen and replace[1].get("deleted") is not True:
        planned += replace[1].get("planned_amount") or 0
        paid += replace[1].get("paid_amount") or 0
    return {"planned": round(planned, 6), "paid": round(paid, 6)}


def check_tranche(reader, row_id: str | None, t: dict) -> None:
    """`t` is the tranche as it will be. Planned sum per challenge ≤ 榜额, paid ≤ planned, …"""
    rec = label("tranches", t)
    team = reader.get("teams", t["team_id"])
    c = reader.get("challenges", team["challenge_id"]) if team else None
    if team is None or c is None:
        return  # the reference check names the missing record
    planned, paid = t.get("planned_amount") or 0, t.get("paid_amount") or 0
    if paid > planned:
        raise ValidationError(E["paid_over"], record=rec, paid=_fmt(paid), planned=_fmt(planned))
    for other in reader.list("tranches", team_id=team["id"], seq=t["seq"]):
        if other["id"] != row_id:
            raise ValidationError(E["tranche_seq"], record=rec, team=label("teams", team), seq=t["seq"])
    if planned > 0:
        total = tranche_totals(reader, c["id"], (row_id or "", t))["planned"]
        if budget(c) <= 0:
            raise ValidationError(E["no_budget"], record=rec, challenge=label("challenges", c))
        if total > budget(c) + 1e-6:
            raise ValidationError(E["over_budget"], record=rec, challenge=label("challenges", c),
                                  total=_fmt(total), budget=_fmt(budget(c)))
    if t.get("milestone_id"):
        m = reader.get("milestones", t["milestone_id"])
        if m is None or m["team_id"] != team["id"]:
            raise ValidationError(E["tranche_ms"], record=rec)
        if paid > 0 and not passed(reader, team["id"], m["id"]):
            raise ValidationError(E["tranche_unreviewed"], record=rec, milestone=m["name"])


def passed(reader, team_id: str, milestone_id: str) -> bool:
    """Whether the team's latest review of this milestone says 通过."""
    reviews = reader.list("reviews", team_id=team_id, milestone_id=milestone_id,
                          order="date, rowid")
    return bool(reviews) and reviews[-1]["result"] == "通过"


def check_review(reader, r: dict) -> None:
    if r.get("milestone_id"):
        m = reader.get("milestones", r["milestone_id"])
        if m is None or m["team_id"] != r["team_id"]:
            raise ValidationError(E["review_ms"], record=label("reviews", r))


def check_budget(reader, c: dict) -> None:
    total = tranche_totals(reader, c["id"])["planned"]
    if total > budget(c) + 1e-6:
        raise ValidationError(E["budget_below"], record=label("challenges", c), total=_fmt(total))


# -- the write path's hooks ----------------------------------------------------------------

def on_create(reader, kind: str, values: dict) -> None:
    """Rules for a record being created (not during undo)."""
    if kind == "tranches":
        check_tranche(reader, None, values)
    elif kind == "reviews":
        check_review(reader, values)


def on_update(reader, kind: str, current: dict, changed: dict, note: str | None, batch,
              today: dt.date) -> dict | None:
    """Rules for an update (not during undo). Returns the challenge_events record a stage change
    needs, or None when there is none or the same batch already created it (transition_ops
    creates it first, with the office's date and note)."""
    merged = {**current, **changed}
    if kind == "tranches":
        check_tranche(reader, current["id"], merged)
    elif kind == "reviews":
        check_review(reader, merged)
    elif kind == "challenges":
        if {"budget_fiscal", "budget_matching"} & changed.keys():
            check_budget(reader, merged)
        if "stage" in changed:
            return _stage_event(reader, current, merged, changed["stage"], note, batch, today)
    return None


def _stage_event(reader, current: dict, merged: dict, to_stage, note, batch, today) -> dict | None:
    frm = current.get("stage") or PIPELINE[0]
    given = None
    for r in reversed(batch.records if batch else []):
        if r.kind == "challenge_events" and r.action == "create" and \
                r.after.get("challenge_id") == current["id"] and r.after.get("to_stage") == to_stage:
            given = r
            break
    if given is not None:
        if (given.after.get("from_stage") or frm) != frm:
            raise ValidationError(E["event_mismatch"], record=label("challenges", current),
                                  given=tr_enum(given.after.get("from_stage")), stage=tr_enum(frm))
        check_transition(reader, {**merged, "stage": frm}, to_stage, given.after["date"],
                         given.after.get("note"), today, skip_event_id=given.id)
        return None
    date = today.isoformat()
    check_transition(reader, {**merged, "stage": frm}, to_stage, date, note, today)
    return {"challenge_id": current["id"], "from_stage": frm, "to_stage": to_stage, "date": date,
            "note": (note or "").strip() or None}
