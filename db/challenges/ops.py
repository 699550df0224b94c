"""揭榜挂帅 operations: each function checks the rules and returns the ops for the one write path
(Portfolio.apply / session.do), so every step is undoable and merges like any edit. Qt-free.

    pf.apply(transition_ops(pf, cid, "已发榜", "2026-03-01", "经局长办公会审定"))
    pf.apply(select_teams_ops(pf, cid, [team_a, team_b]))
    pf.apply(eliminate_ops(pf, team_b, "2026-09-30", "样机指标未达军令状承诺", score=61))
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from db.challenges import rules as rules
from db.challenges.status import challenge_funnel, challenge_summary, race_standings, races  # noqa: F401
from db.errors import NotFound, ValidationError
from db.i18n import QT_TRANSLATE_NOOP, tr, tr_enum
from db.model import KINDS
from db.store.changes import Create, Op, Update
from db.store.values import parse_date

if TYPE_CHECKING:
    from db.portfolio import Portfolio

E = {
    "missing": QT_TRANSLATE_NOOP("errors", "找不到编号为 {id} 的{kind}"),
    "bad_date": QT_TRANSLATE_NOOP("errors", "{record}：日期“{date}”无效，应为 YYYY-MM-DD"),
    "select_stage": QT_TRANSLATE_NOOP("errors", "{record}：只能在“评审中”或“会议审议”阶段确定立项团队（当前：{stage}）"),
    "select_team": QT_TRANSLATE_NOOP("errors", "{record}：{team}的状态为“{status}”，不能立项"),
    "not_team_of": QT_TRANSLATE_NOOP("errors", "{record}：{team}不是本榜单的揭榜方"),
    "status_change": QT_TRANSLATE_NOOP("errors", "{record}：状态不能由“{old}”改为“{new}”。可改为：{allowed}"),
    "status_via": QT_TRANSLATE_NOOP("errors", "{record}：“{new}”须通过{action}办理"),
    "not_selected": QT_TRANSLATE_NOOP("errors", "{record}：只有立项团队才能{action}（当前状态：{status}）"),
    "review_stage": QT_TRANSLATE_NOOP("errors", "{record}：只能在攻关中、里程碑考核或验收阶段考核（当前：{stage}）"),
    "no_reason": QT_TRANSLATE_NOOP("errors", "{record}：淘汰须写明原因"),
    "not_race": QT_TRANSLATE_NOOP("errors", "{record}：淘汰只用于赛马榜单；单一揭榜如需停止，请将榜单转为“终止”"),
    "race_stage": QT_TRANSLATE_NOOP("errors", "{record}：只能在攻关中或里程碑考核阶段淘汰（当前：{stage}）"),
    "last_team": QT_TRANSLATE_NOOP("errors", "{record}：是赛马中最后一个在攻关的团队，不能淘汰；如需停止，请将榜单转为“终止”"),
    "has_tranches": QT_TRANSLATE_NOOP("errors", "{record}：已有拨款计划（{count} 批），请逐批修改"),
    "no_amount": QT_TRANSLATE_NOOP("errors", "{record}：无法确定资助额度：请填写申请资金或榜额"),
    "no_ms": QT_TRANSLATE_NOOP("errors", "{record}：军令状尚无里程碑，无法按里程碑安排后续拨款"),
    "score": QT_TRANSLATE_NOOP("errors", "{record}：得分应为 0 到 100 之间的数字，而不是“{value}”"),
}
CANCELLED_NOTE = QT_TRANSLATE_NOOP("challenges", "团队淘汰，未拨付部分取消")
FIRST_NOTE = QT_TRANSLATE_NOOP("challenges", "首笔拨付（{pct:g}%）")
MILESTONE_NOTE = QT_TRANSLATE_NOOP("challenges", "里程碑“{name}”考核通过后拨付")
ACTIONS = {
    "select": QT_TRANSLATE_NOOP("challenges", "确定立项"), "eliminate": QT_TRANSLATE_NOOP("challenges", "里程碑考核淘汰"),
    "pledge": QT_TRANSLATE_NOOP("challenges", "签订军令状"), "review": QT_TRANSLATE_NOOP("challenges", "参加里程碑考核"),
    "fund": QT_TRANSLATE_NOOP("challenges", "安排拨款"),
}

# Manual status changes of a team; 立项 goes through select_teams_ops, 淘汰 through eliminate_ops.
TEAM_MOVES = {
    "已提交": ("入围", "未通过", "撤回"),
    "入围": ("已提交", "未通过", "撤回"),
    "未通过": ("入围",),
    "立项": ("撤回",),
    "撤回": ("已提交",),
    "淘汰": (),
}


def _get(pf: Portfolio, kind: str, row_id: str) -> dict:
    rec = pf.get(kind, row_id)
    if rec is None:
        raise NotFound(E["missing"], id=row_id, kind=tr(KINDS[kind].label))
    return rec


def _date(pf: Portfolio, rec: str, date: str | None) -> str:
    date = (date or pf.today().isoformat()).strip()
    if parse_date(date) is None:
        raise ValidationError(E["bad_date"], record=rec, date=date)
    return date


def _team_and_challenge(pf: Portfolio, team_id: str) -> tuple[dict, dict]:
    team = _get(pf, "teams", team_id)
    return team, _get(pf, "challenges", team["challenge_id"])


# -- stages -------------------------------------------------------------------------------

def transition_ops(pf: Portfolio, challenge_id: str, to_stage: str, date: str | None = None,
                   note: str | None = None) -> list[Op]:
    """Move a challenge to `to_stage`, recorded with date and note in its stage history."""
    c = _get(pf, "challenges", challenge_id)
    date = (date or pf.today().isoformat()).strip()
    note = (note or "").strip() or None
    rules.check_transition(pf, c, to_stage, date, note, pf.today())
    fields = {"stage": to_stage}
    if to_stage == "已发榜" and not c["publish_date"]:
        fields["publish_date"] = date
    event = {"challenge_id": challenge_id, "from_stage": c["stage"] or rules.PIPELINE[0],
             "to_stage": to_stage, "date": date, "note": note}
    return [Create("challenge_events", event), Update("challenges", challenge_id, fields, reason=note)]


def next_stages(pf: Portfolio, challenge_id: str) -> list[dict]:
    """The stages one step away, each with whether the rules allow it now and, if not, why."""
    c = _get(pf, "challenges", challenge_id)
    today = pf.today().isoformat()
    out = []
    for stage in rules.candidate_stages(c["stage"]):
        try:
            rules.check_transition(pf, c, stage, today, "-", pf.today())
            ok, why = True, ""
        except ValidationError as exc:
            ok, why = False, str(exc)
        out.append({"stage": stage, "label": tr_enum(stage), "ok": ok, "why": why,
                    "backward": rules.is_backward(c["stage"] or rules.PIPELINE[0], stage),
                    "needs_note": rules.is_backward(c["stage"] or "", stage) or stage in ("流榜", "终止")})
    return out


# -- teams ----------------------------------------------------------------------------------

def select_teams_ops(pf: Portfolio, challenge_id: str, team_ids: list[str]) -> list[Op]:
    """立项: the chosen team (or the N teams of a 赛马) become 立项, the other applicants 未通过."""
    c = _get(pf, "challenges", challenge_id)
    rec = rules.label("challenges", c)
    if c["stage"] not in rules.SELECTION_STAGES:
        raise ValidationError(E["select_stage"], record=rec, stage=tr_enum(c["stage"]))
    teams = {t["id"]: t for t in rules.teams_of(pf, challenge_id)}
    chosen = list(dict.fromkeys(team_ids))
    for tid in chosen:
        t = teams.get(tid) or pf.get("teams", tid)
        if t is None or t["challenge_id"] != challenge_id:
            raise ValidationError(E["not_team_of"], record=rec, team=t["name"] if t else tid)
        if t["status"] in ("撤回", "淘汰"):
            raise ValidationError(E["select_team"], record=rec, team=t["name"], status=tr_enum(t["status"]))
    rules.check_selection_count(c, len(chosen), rec, "公示")
    ops: list[Op] = []
    for tid, t in teams.items():
        if tid in chosen and t["status"] != "立项":
            ops.append(Update("teams", tid, {"status": "立项"}))
        elif tid not in chosen and t["status"] in ("已提交", "入围", "立项"):
            ops.append(Update("teams", tid, {"status": "未通过"}))
    return ops


def rank_ops(pf: Portfolio, challenge_id: str) -> list[Op]:
    """Ranks from review scores (highest first, equal scores share a rank; no score, no rank)."""
    teams = [t for t in rules.teams_of(pf, challenge_id) if t["status"] != "撤回"]
    scored = sorted((t for t in teams if t["score"] is not None), key=lambda t: -t["score"])
    ranks: dict[str, int] = {}
    for i, t in enumerate(scored, start=1):
        prev = scored[i - 2] if i > 1 else None
        ranks[t["id"]] = ranks[prev["id"]] if prev and prev["score"] == t["score"] else i
    return [Update("teams", t["id"], {"rank": ranks.get(t["id"])}) for t in teams
            if t["rank"] != ranks.get(t["id"])]


def team_status_ops(pf: Portfolio, team_id: str, status: str) -> list[Op]:
    team = _get(pf, "teams", team_id)
    rec = rules.label("teams", team)
    if status == team["status"]:
        return []
    if status == "立项":
        raise ValidationError(E["status_via"], record=rec, new=tr_enum(status), action=tr(ACTIONS["select"]))
    if status == "淘汰":
        raise ValidationError(E["status_via"], record=rec, new=tr_enum(status), action=tr(ACTIONS["eliminate"]))
    allowed = TEAM_MOVES.get(team["status"] or "已提交", ())
    if status not in allowed:
        raise ValidationError(E["status_change"], record=rec, old=tr_enum(team["status"]), new=tr_enum(status),
                              allowed="、".join(tr_enum(s) for s in allowed) or "—")
    return [Update("teams", team_id, {"status": status})]


def sign_pledge_ops(pf: Portfolio, team_id: str, date: str | None, text: str | None = None) -> list[Op]:
    """军令状: a selected team signs its commitments (the milestones are its pledge's content)."""
    team = _get(pf, "teams", team_id)
    rec = rules.label("teams", team)
    if team["status"] != "立项":
        raise ValidationError(E["not_selected"], record=rec, action=tr(ACTIONS["pledge"]),
                              status=tr_enum(team["status"]))
    fields = {"pledge_signed_date": _date(pf, rec, date)}
    if text is not None:
        fields["pledge_text"] = text
    return [Update("teams", team_id, fields)]


# -- milestone reviews and the race ---------------------------------------------------------

def _check_score(rec: str, score):
    if score in (None, ""):
        return None
    try:
        value = float(score)
    except (TypeError, ValueError):
        raise ValidationError(E["score"], record=rec, value=score) from None
    if not 0 <= value <= 100:
        raise ValidationError(E["score"], record=rec, value=score)
    return value


def review_ops(pf: Portfolio, team_id: str, date: str | None, result: str, score=None, milestone_id: str | None = None,
               reviewers: str | None = None, note: str | None = None) -> list[Op]:
    """里程碑考核 of a selected team. A 淘汰 result eliminates the team (see eliminate_ops)."""
    if result == "淘汰":
        return eliminate_ops(pf, team_id, date, note, score=score, milestone_id=milestone_id,
                             reviewers=reviewers)
    team, c = _team_and_challenge(pf, team_id)
    rec = rules.label("teams", team)
    if team["status"] != "立项":
        raise ValidationError(E["not_selected"], record=rec, action=tr(ACTIONS["review"]), status=tr_enum(team["status"]))
    if c["stage"] not in rules.REVIEW_STAGES:
        raise ValidationError(E["review_stage"], record=rec, stage=tr_enum(c["stage"]))
    fields = {"team_id": team_id, "milestone_id": milestone_id or None, "date": _date(pf, rec, date),
              "result": result, "score": _check_score(rec, score), "reviewers": reviewers or None,
              "note": (note or "").strip() or None}
    return [Create("reviews", fields)]


def eliminate_ops(pf: Portfolio, team_id: str, date: str | None, reason: str | None, *, score=None,
                  milestone_id: str | None = None, reviewers: str | None = None) -> list[Op]:
    """淘汰 the weakest 赛马 team at a milestone review: a review recording the reason, the team's
    status, and its unpaid tranches cancelled (so the 榜额 they held is free again)."""
    team, c = _team_and_challenge(pf, team_id)
    rec = rules.label("teams", team)
    if not (reason or "").strip():
        raise ValidationError(E["no_reason"], record=rec)
    if c["race_mode"] != "赛马":
        raise ValidationError(E["not_race"], record=rec)
    if c["stage"] not in rules.RACE_STAGES:
        raise ValidationError(E["race_stage"], record=rec, stage=tr_enum(c["stage"]))
    if team["status"] != "立项":
        raise ValidationError(E["not_selected"], record=rec, action=tr(ACTIONS["eliminate"]), status=tr_enum(team["status"]))
    others = [t for t in rules.teams_of(pf, c["id"]) if t["status"] == "立项" and t["id"] != team_id]
    if not others:
        raise ValidationError(E["last_team"], record=rec)
    ops: list[Op] = [Create("reviews", {
        "team_id": team_id, "milestone_id": milestone_id or None, "date": _date(pf, rec, date),
        "result": "淘汰", "score": _check_score(rec, score), "reviewers": reviewers or None,
        "note": (reason or "").strip()}), Update("teams", team_id, {"status": "淘汰"})]
    for t in pf.list("tranches", team_id=team_id):
        paid = t["paid_amount"] or 0
        if (t["planned_amount"] or 0) > paid:
            note = "；".join(x for x in (t["note"], tr(CANCELLED_NOTE)) if x)
            ops.append(Update("tranches", t["id"], {"planned_amount": paid, "note": note}))
    return ops


# -- funding tranches -----------------------------------------------------------------------

def tranche_ops(pf: Portfolio, team_id: str, fields: dict, tranche_id: str | None = None) -> list[Op]:
    """Create or change one tranche; the write path checks 榜额, paid ≤ planned and the review."""
    if tranche_id:
        return [Update("tranches", tranche_id, dict(fields))]
    seqs = [t["seq"] for t in pf.list("tranches", team_id=team_id)]
    values = {"seq": max(seqs, default=0) + 1, **{k: v for k, v in fields.items() if v not in (None, "")},
              "team_id": team_id}
    return [Create("tranches", values)]


def plan_tranches_ops(pf: Portfolio, team_id: str) -> list[Op]:
    """A tranche plan from the challenge's funding mode: 前资助 all at signing; 分阶段拨付 the first
    tranche % at signing and the rest over the pledge's milestones by weight; 后奖补 all after the
    last milestone passes. The amount is the team's requested funds, else its share of the 榜额."""
    team, c = _team_and_challenge(pf, team_id)
    rec = rules.label("teams", team)
    if team["status"] != "立项":
        raise ValidationError(E["not_selected"], record=rec, action=tr(ACTIONS["fund"]), status=tr_enum(team["status"]))
    existing = pf.list("tranches", team_id=team_id)
    if existing:
        raise ValidationError(E["has_tranches"], record=rec, count=len(existing))
    selected = [t for t in rules.teams_of(pf, c["id"]) if t["status"] == "立项"]
    amount = team["requested_funds"] or (rules.budget(c) / len(selected) if selected else 0)
    if amount <= 0:
        raise ValidationError(E["no_amount"], record=rec)
    ms = [m for m in pf.list("milestones", team_id=team_id,
                             order="planned_date IS NULL, planned_date, rowid") if m["status"] != "取消"]
    mode = c["funding_mode"] or "分阶段拨付"
    first_pct = 100.0 if mode == "前资助" else 0.0 if mode == "后奖补" else (c["first_tranche_pct"] or 0.0)
    if first_pct < 100 and not ms:
        raise ValidationError(E["no_ms"], record=rec)
    plan: list[tuple[float, str | None, str | None, str]] = []
    first = round(amount * first_pct / 100, 2)
    if first > 0:
        plan.append((first, None, team["pledge_signed_date"], tr(FIRST_NOTE, pct=first_pct)))
    rest = round(amount - first, 2)
    if rest > 0:
        tied = ms if mode != "后奖补" else ms[-1:]
        weights = [m["weight"] or 1.0 for m in tied]
        shares = [round(rest * w / sum(weights), 2) for w in weights]
        shares[-1] = round(rest - sum(shares[:-1]), 2)  # cents go to the last tranche
        plan += [(s, m["id"], m["planned_date"], tr(MILESTONE_NOTE, name=m["name"])) for s, m in zip(shares, tied, strict=True)]
    return [Create("tranches", {"team_id": team_id, "seq": i, "planned_amount": amt, "milestone_id": mid,
                                "planned_date": when, "note": note})
            for i, (amt, mid, when, note) in enumerate(plan, start=1)]

