"""The record generator behind generate.py: units, projects with their milestones, challenges
with their teams (and the selected teams' milestones), indicators with yearly values, and the
re-plans, all written through `Portfolio.apply` in batches."""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import uuid

import bench_names as N

from db.model import CATEGORIES
from db.portfolio import Portfolio
from db.store.changes import Create, Update

REFERENCE = dt.date(2026, 11, 21)  # the day the generated portfolio "stands" at
BATCH = 2000
CATEGORY_WEIGHTS = {"重大科技基础设施": 2, "科学研究中心": 4, "重点实验室": 10, "交叉研究平台": 4, "新型研发机构": 12,
                    "产业创新平台": 20, "孵化载体": 14, "科技服务平台": 10, "科技园区": 8, "应用场景": 10, "其他": 6,
                    "重大科研基础平台": 1}
CHALLENGE_STAGE_WEIGHTS = {"需求征集": 3, "凝练论证": 3, "已发榜": 5, "申报中": 6, "评审中": 6, "会议审议": 3, "公示": 2,
                           "已立项": 5, "攻关中": 30, "里程碑考核": 12, "验收": 8, "兑现奖补": 4, "结题": 8,
                           "流榜": 3, "终止": 2}
WITH_APPLICANTS = ("申报中", "评审中", "会议审议", "公示", "已立项", "攻关中", "里程碑考核", "验收", "兑现奖补",
                   "结题", "终止")


class Gen:
    def __init__(self, pf: Portfolio, seed: int):
        self.pf = pf
        self.rng = random.Random(seed)
        self.ops: list = []
        self.written = 0

    # -- helpers ---------------------------------------------------------------------------
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, op) -> None:
        self.ops.append(op)
        if len(self.ops) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.ops:
            self.pf.apply(self.ops)
            self.written += len(self.ops)
            self.ops = []

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        span = max((end - start).days, 0)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def person(self) -> str:
        return self.rng.choice(N.SURNAMES) + self.rng.choice(N.GIVEN)

    def money(self, low: float, high: float) -> float:
        return round(math.exp(self.rng.uniform(math.log(low), math.log(high))), 2)

    # -- units -----------------------------------------------------------------------------
    def units(self, n: int) -> None:
        rng = self.rng
        self.unit_ids: list[str] = []
        self.unit_names: list[str] = []
        self.gov_of: dict[str, list[str]] = {}
        self.research: list[str] = []

        def unit(name, kind, region=None, parent=None, research=False):
            uid = self.uid()
            fields = {"name": name, "kind": kind, "region": region, "contact": self.person()}
            if parent:
                fields["parent_id"] = parent
            self.add(Create("units", fields, uid))
            self.unit_ids.append(uid)
            self.unit_names.append(name)
            if research:
                self.research.append(uid)
            return uid

        for d in N.DISTRICTS:
            gov = [unit(d + g, "政府部门", d) for g in N.UNIT_GOV]
            self.gov_of[d] = gov
            unit(d.rstrip("区") + rng.choice(N.UNIT_PARK_SUFFIX), "园区公司", d, parent=gov[0])
        for name in N.UNIVERSITIES:
            unit(name, "高校", rng.choice(N.DISTRICTS), research=True)
        for f in N.INSTITUTE_FIELDS:
            unit(f"江海{f}研究院", "院所", rng.choice(N.DISTRICTS), research=True)
        for name in N.HOSPITALS:
            unit(name, "医院", rng.choice(N.DISTRICTS), research=True)
        seen = set(self.unit_names)
        while len(self.unit_ids) < n:
            name = f"江海{rng.choice(N.COMPANY_WORDS)}{rng.choice(N.COMPANY_WORDS)}{rng.choice(N.COMPANY_TRADES)}有限公司"
            if name in seen:
                name = name.replace("有限公司", f"（{rng.choice(N.DISTRICTS)}）有限公司")
            if name in seen:
                continue
            seen.add(name)
            unit(name, "企业", rng.choice(N.DISTRICTS), research=rng.random() < 0.3)
        self.flush()
        # a few units lead many projects (Zipf-like), as real offices see
        self.lead_weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.8 for i in range(len(self.unit_ids))))

    # -- projects and their milestones -------------------------------------------------------
    def projects(self, n: int) -> None:
        rng = self.rng
        cats = list(CATEGORY_WEIGHTS)
        assert set(cats) == set(CATEGORIES)
        self.project_spans: list[tuple[str, dt.date, dt.date, str]] = []
        names = set()
        for i in range(n):
            cat = rng.choices(cats, [CATEGORY_WEIGHTS[c] for c in cats])[0]
            district = rng.choice(N.DISTRICTS)
            domain = rng.choice(N.DOMAINS)
            for _ in range(6):
                name = f"{rng.choice(N.PLACES)}{domain}{rng.choice(N.CARRIERS[cat])}{rng.choice(N.SUFFIXES)}"
                if name not in names:
                    break
                name = f"{district}{name}"
                if name not in names:
                    break
            names.add(name)
            start = self.day(dt.date(2017, 1, 1), dt.date(2029, 6, 30))
            finish = start + dt.timedelta(days=rng.randint(300, 6 * 365))
            stage = self._stage(start, finish)
            lead = rng.choices(self.unit_ids, cum_weights=self.lead_weights)[0]  # same draw, no O(units) sum
            responsible = rng.sample(self.gov_of[district], rng.randint(0, 2))
            total = self.money(500, 800_000)
            started = start <= REFERENCE
            progress = min(1.0, max(0.0, (REFERENCE - start).days / max((finish - start).days, 1))) if started else 0.0
            fields = {
                "name": name, "code": f"KC{start.year}-{i + 1:05d}", "category": cat,
                "level": rng.choices(("国家级", "市级", "区级"), (1, 4, 6))[0],
                "lead_unit_id": lead, "responsible_unit_ids": responsible, "zone": district, "domain": domain,
                "stage": stage, "total_investment": total,
                "invested_to_date": round(total * progress * rng.uniform(0.6, 1.05), 2),
                "planned_start": start.isoformat(), "planned_finish": finish.isoformat(),
                "summary": f"建设{domain}{rng.choice(N.CARRIERS[cat])}，总建筑面积约{rng.randint(2, 300)}千平方米，"
                           f"购置科研设备{rng.randint(5, 900)}台（套）。",
                "tags": rng.sample(N.TAGS, rng.randint(0, 2)),
            }
            if cat == "重大科技基础设施":
                fields["phase"] = rng.choice(("预研", "可研", "初设概算", "开工", "安装调试", "建成", "开放运行"))
            if started:
                fields["actual_start"] = (start + dt.timedelta(days=rng.randint(-20, 90))).isoformat()
            if stage in ("开工", "建设", "投产") and rng.random() < 0.8:
                plan = round(total * rng.uniform(0.08, 0.35), 2)
                fields["annual_plan_investment"] = plan
                fields["annual_invested"] = round(plan * 0.89 * rng.uniform(0.6, 1.25), 2)
            if stage in ("投产", "达产"):
                fields["actual_finish"] = min(finish + dt.timedelta(days=rng.randint(-60, 200)), REFERENCE).isoformat()
            pid = self.uid()
            self.add(Create("projects", fields, pid))
            self.project_spans.append((pid, start, finish, stage))
        self.flush()

    def _stage(self, start: dt.date, finish: dt.date) -> str:
        r = self.rng.random()
        if r < 0.04:
            return "停缓建"
        if r < 0.06:
            return "终止"
        if start > REFERENCE + dt.timedelta(days=365):
            return self.rng.choice(("谋划", "谋划", "洽谈"))
        if start > REFERENCE:
            return self.rng.choice(("洽谈", "签约", "签约"))
        if finish < REFERENCE:
            return self.rng.choice(("投产", "达产", "达产", "建设"))
        return self.rng.choice(("开工", "建设", "建设", "建设"))

    def _status_and_actual(self, planned: dt.date) -> tuple[str, str | None]:
        """A plausible status for a milestone planned on `planned`, seen from REFERENCE."""
        rng, late = self.rng, (REFERENCE - planned).days
        r = rng.random()
        if late > 30:
            if r < 0.97:
                return "已完成", min(planned + dt.timedelta(days=rng.randint(-20, 45)), REFERENCE).isoformat()
            return rng.choices(("进行中", "受阻", "取消", "未开始"), (8, 2, 3, 1))[0], None
        if late > 0:
            if r < 0.7:
                return "已完成", min(planned + dt.timedelta(days=rng.randint(-10, 10)), REFERENCE).isoformat()
            return rng.choices(("进行中", "受阻", "未开始"), (8, 1, 1))[0], None
        if r < 0.03:
            return "已完成", (REFERENCE - dt.timedelta(days=rng.randint(0, 30))).isoformat()
        return rng.choices(("未开始", "进行中", "受阻"), (80, 18, 2))[0], None

    def milestone(self, owner: tuple[str, str], name: str, planned: dt.date, unit: str | None) -> None:
        rng = self.rng
        status, actual = self._status_and_actual(planned)
        slip = 0
        if status != "取消" and rng.random() < 0.125:
            slip = rng.choice((-1, 1, 1, 1, 1)) * rng.randint(7, 150)
        fields = {owner[0]: owner[1], "name": name, "planned_date": (planned - dt.timedelta(days=slip)).isoformat(),
                  "status": status, "weight": rng.choice((1.0, 1.0, 1.0, 2.0, 0.5)),
                  "deliverable": rng.choice(N.DELIVERABLES)}
        if actual:
            fields["actual_date"] = actual
        if unit:
            fields["owner_unit_id"] = unit
        if rng.random() < 0.2:
            fields["notes"] = f"已报{rng.choice(N.DISTRICTS)}{rng.choice(N.UNIT_GOV)}备案，联系人{self.person()}。"
        mid = self.uid()
        self.add(Create("milestones", fields, mid))
        if slip:
            self.replans.append((mid, planned.isoformat()))

    def project_milestones(self, total: int) -> None:
        rng = self.rng
        self.replans: list[tuple[str, str]] = []
        weights = [rng.uniform(0.3, 1.7) for _ in self.project_spans]
        s = sum(weights)
        counts = [max(1, int(w / s * total)) for w in weights]
        i = 0
        while sum(counts) < total:
            counts[i % len(counts)] += 1
            i += 7
        while sum(counts) > total:
            j = rng.randrange(len(counts))
            if counts[j] > 1:
                counts[j] -= 1
        for (pid, start, finish, _stage), k in zip(self.project_spans, counts, strict=True):
            step = (finish - start).days / k
            for j in range(k):
                planned = start + dt.timedelta(days=int(step * (j + 1)))
                name = N.MILESTONES[min(int(j / k * len(N.MILESTONES)), len(N.MILESTONES) - 1)]
                if k > len(N.MILESTONES) or rng.random() < 0.3:
                    name = f"{name}（第{j + 1}项）"
                unit = rng.choice(self.unit_ids) if rng.random() < 0.15 else None
                self.milestone(("project_id", pid), name, planned, unit)
        self.flush()

    # -- challenges and teams ----------------------------------------------------------------
    def challenges(self, n: int, n_teams: int, team_milestones: int) -> None:
        rng = self.rng
        stages = list(CHALLENGE_STAGE_WEIGHTS)
        plan = []
        for i in range(n):
            stage = rng.choices(stages, [CHALLENGE_STAGE_WEIGHTS[s] for s in stages])[0]
            publish = self.day(dt.date(2019, 3, 1), REFERENCE - dt.timedelta(days=30))
            race = rng.random() < 0.3
            domain = rng.choice(N.DOMAINS)
            title = (f"{rng.choice(N.CHALLENGE_TECH)}{rng.choice(N.CHALLENGE_OBJECTS)}"
                     f"{rng.choice(N.CHALLENGE_VERBS)}")
            fields = {
                "title": title, "code": f"JB{publish.year}-{i + 1:04d}",
                "issue_mode": rng.choice(("政府发榜", "企业出题")),
                "issuer_unit_id": rng.choice(self.unit_ids), "domain": domain,
                "summary": f"面向{domain}产业需求，突破{title[:-4]}瓶颈。",
                "indicators": [f"关键指标{j + 1}达到国际先进水平" for j in range(rng.randint(1, 4))],
                "budget_fiscal": float(rng.randrange(100, 5000, 50)),
                "budget_matching": float(rng.randrange(0, 3000, 50)),
                "duration_months": rng.choice((12, 18, 24, 36)),
                "funding_mode": rng.choice(("前资助", "分阶段拨付", "后奖补")),
                "first_tranche_pct": float(rng.choice((20, 30, 40))),
                "race_mode": "赛马" if race else "单一揭榜", "stage": stage,
            }
            if race:
                fields["race_slots"] = rng.choice((2, 3))
            if stage not in ("需求征集", "凝练论证"):
                fields["publish_date"] = publish.isoformat()
                fields["deadline"] = (publish + dt.timedelta(days=rng.randint(30, 90))).isoformat()
            cid = self.uid()
            self.add(Create("challenges", fields, cid))
            plan.append((cid, stage, fields.get("race_slots", 1), publish, domain))
        self.flush()
        takers = [p for p in plan if p[1] in WITH_APPLICANTS] or plan
        per = [1] * len(takers)
        for _ in range(max(n_teams - len(takers), 0)):
            per[rng.randrange(len(per))] += 1
        selected: list[tuple[str, dt.date]] = []
        unit_at = {u: i for i, u in enumerate(self.unit_ids)}
        made = 0
        for (cid, stage, slots, publish, domain), k in zip(takers, per, strict=True):
            k = min(k, n_teams - made)
            for j in range(k):
                status = self._team_status(stage, j, slots)
                unit = rng.choice(self.research) if rng.random() < 0.7 else rng.choice(self.unit_ids)
                fields = {"challenge_id": cid, "unit_id": unit,
                          "name": f"{self.unit_names[unit_at[unit]][:8]}{domain}攻关团队{j + 1}",
                          "leader": self.person(), "members": [self.person() for _ in range(rng.randint(2, 6))],
                          "route": rng.choice(("自主研发", "产学研联合", "引进消化吸收再创新")),
                          "requested_funds": float(rng.randrange(50, 3000, 10)),
                          "self_funds": float(rng.randrange(0, 2000, 10)), "status": status}
                if status in ("入围", "立项", "未通过", "淘汰"):
                    fields["score"] = round(rng.uniform(60, 98), 1)
                if status in ("立项", "淘汰"):
                    fields["pledge_signed_date"] = (publish + dt.timedelta(days=rng.randint(90, 200))).isoformat()
                    fields["pledge_text"] = "按期完成榜单全部技术指标，未完成则退还财政资金。"
                tid = self.uid()
                self.add(Create("teams", fields, tid))
                made += 1
                if status == "立项":
                    selected.append((tid, publish))
        self.flush()
        if not selected or not team_milestones:
            return
        for i in range(team_milestones):
            tid, publish = selected[i % len(selected)]
            j = i // len(selected)
            planned = publish + dt.timedelta(days=200 + 120 * j + rng.randint(0, 60))
            self.milestone(("team_id", tid), N.TEAM_MILESTONES[j % len(N.TEAM_MILESTONES)], planned, None)
        self.flush()

    def _team_status(self, stage: str, j: int, slots: int) -> str:
        if stage in ("申报中", "评审中"):
            return "已提交"
        if stage in ("会议审议", "公示"):
            return "入围" if j < slots + 1 else "未通过"
        if stage == "终止":
            return "撤回" if j else "立项"
        if j < slots:
            return "淘汰" if j and stage in ("验收", "兑现奖补", "结题") and self.rng.random() < 0.3 else "立项"
        return "未通过"

    # -- indicators ------------------------------------------------------------------------
    def indicators(self, n: int) -> None:
        rng = self.rng
        scopes = [""] + list(N.DISTRICTS)
        for i in range(n):
            name, unit, base, target = N.INDICATORS[i % len(N.INDICATORS)]
            scope = scopes[(i // len(N.INDICATORS)) % len(scopes)]
            plan = N.PLANS[i % len(N.PLANS)]
            by, ty = (2020, 2025) if "十四五" in plan else (2025, 2030) if "十五五" in plan else (2020, 2030)
            factor = 1.0 if not scope else rng.uniform(0.05, 0.2)
            b, t = round(base * factor, 2), round(target * factor, 2)
            iid = self.uid()
            self.add(Create("indicators", {
                "name": f"{scope}{name}", "plan": plan, "table_title": "主要指标", "seq": str(i % len(N.INDICATORS) + 1),
                "group_name": rng.choice(("创新投入", "创新产出", "创新主体", "创新环境")), "unit": unit,
                "attribute": rng.choice(("预期性", "约束性")), "direction": "higher",
                "baseline_year": by, "baseline_value": b, "target_year": ty, "target_value": t,
                "owner_unit_id": rng.choice(self.unit_ids)}, iid))
            for year in range(max(by, 2017), min(ty, REFERENCE.year) + 1):
                share = (year - by) / (ty - by)
                value = b + (t - b) * share * rng.uniform(0.6, 1.3)
                self.add(Create("indicator_values", {"indicator_id": iid, "year": year, "value": round(value, 2)},
                                self.uid()))
        self.flush()

    # -- re-plans ----------------------------------------------------------------------------
    def replan(self) -> None:
        for mid, new in self.replans:
            self.add(Update("milestones", mid, {"planned_date": new}, reason=self.rng.choice(N.REPLAN_REASONS),
                            approved_by=self.person()))
        self.flush()
