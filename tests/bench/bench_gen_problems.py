"""The generator's 督办 problems (with their handling history) and 佐证材料 (evidence photos),
registered as generate.EXTRA steps: written through the core's own operations — a problem is
raised with `Create`, moved along 提出 → 交办 → 签收 → 办理中 → 办结 (or 挂起 / 退回) by
`db.problems.ops.transition_ops` on dated steps, and a photo is checked by
`db.attachments.attach.examine` and stored with `Portfolio.apply_with_blobs`, as the GUI does."""
from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

import bench_names as N
from bench_gen import REFERENCE, Gen

from db.attachments.attach import examine
from db.problems.ops import transition_ops
from db.store.changes import Create

ISSUES = ("用地指标尚未落实", "环评批复进度滞后", "施工许可办理受阻", "配套电力容量不足", "大型仪器进口通关缓慢",
          "专项资金拨付延迟", "人才公寓房源不足", "周边道路未按期建成", "设备招标流标需重新组织", "征地拆迁补偿未谈妥",
          "供水管网接入延期", "科研用房装修方案未定", "消防验收整改未完成", "合作协议条款尚有分歧")
REQUESTS = ("请协调市规划和自然资源局加快审批", "请财政部门按进度拨付资金", "请供电公司优先安排接入",
            "请海关开辟绿色通道", "请区政府牵头召开专题协调会", "请住建部门提前介入指导")
RESULTS = ("已协调完成审批", "资金已拨付到位", "已完成接入并通过验收", "已召开专题会议明确责任分工", "整改已完成并复核")
PATHS = {  # where a problem has got to, and the steps after 提出 that took it there
    "提出": (), "交办": ("交办",), "签收": ("交办", "签收"), "办理中": ("交办", "签收", "办理中"),
    "办结": ("交办", "签收", "办理中", "办结"), "挂起": ("交办", "挂起"), "退回": ("交办", "签收", "退回")}
PATH_WEIGHTS = {"提出": 12, "交办": 14, "签收": 10, "办理中": 26, "办结": 32, "挂起": 3, "退回": 3}
PHOTO_SIZE = (160, 120)  # px: evidence photos as an office's phones take them, scaled down so a
# province file stays a few tens of MB (the benchmarks are about records; blobs are copied whole)


def problems(g: Gen, n: int) -> None:
    """n problems on started projects (half of them naming one of its milestones), each with the
    events of its path; some open ones past their 时限."""
    rng, pf = g.rng, g.pf
    g.flush()
    started = [pid for pid, start, _finish, _stage in g.project_spans if start <= REFERENCE]
    ms_of: defaultdict[str, list[str]] = defaultdict(list)
    for mid, pid in pf.rows("milestones", ("project_id",)):
        if pid:
            ms_of[pid].append(mid)
    offices = [u for units in g.gov_of.values() for u in units]
    moves: list[tuple[str, tuple[str, ...], list[dt.date]]] = []
    g.problem_ids = []
    for _ in range(n):
        pid = rng.choice(started)
        path = PATHS[rng.choices(list(PATH_WEIGHTS), list(PATH_WEIGHTS.values()))[0]]
        # closed ones from the last year and a half; open ones mostly recent, some long past their 时限
        back = 540 if path[-1:] == ("办结",) or rng.random() < 0.15 else 100
        raised = g.day(REFERENCE - dt.timedelta(days=back), REFERENCE - dt.timedelta(days=3))
        responsible = rng.choice(g.unit_ids)
        fields = {"project_id": pid, "description": f"{rng.choice(ISSUES)}，影响{rng.choice(N.MILESTONES)}",
                  "request": rng.choice(REQUESTS), "raised_by_unit_id": rng.choice(g.unit_ids),
                  "raised_by": g.person(), "raised_on": raised.isoformat(), "assigned_by_unit_id": rng.choice(offices),
                  "responsible_unit_id": responsible,
                  "assisting_unit_ids": [u for u in rng.sample(offices, rng.randint(0, 2)) if u != responsible],
                  "due_date": (raised + dt.timedelta(days=rng.randint(15, 120))).isoformat()}
        if ms_of[pid] and rng.random() < 0.5:
            fields["milestone_id"] = rng.choice(ms_of[pid])
        problem_id = g.uid()
        g.add(Create("problems", fields, problem_id))
        g.problem_ids.append(problem_id)
        days, day = [], raised
        for _step in path:
            day = min(day + dt.timedelta(days=rng.randint(1, 25)), REFERENCE)
            days.append(day)
        moves.append((problem_id, path, days))
    g.flush()
    for k in range(max(len(p) for p in PATHS.values())):  # one step of every problem, then the next
        for problem_id, path, days in moves:
            if k < len(path):
                step = path[k]
                for op in transition_ops(pf, problem_id, step, date=days[k].isoformat(), by_person=g.person(),
                                         note=rng.choice(REQUESTS) if step in ("挂起", "退回") else None,
                                         result=rng.choice(RESULTS) if step == "办结" else None):
                    g.add(op)
        g.flush()


def photo(g: Gen, taken: dt.date | None) -> bytes:
    """A small JPEG drawn from the generator's random numbers (the same seed, the same bytes),
    with its 拍摄日期 in EXIF when given."""
    from PIL import Image, ImageDraw
    rng = g.rng
    img = Image.new("RGB", PHOTO_SIZE, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(img)
    for _ in range(24):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        w, h = rng.randint(4, 60), rng.randint(4, 45)
        draw.rectangle((x, y, x + w, y + h), fill=tuple(rng.randrange(256) for _ in range(3)))
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(0x8769)[36867] = taken.strftime("%Y:%m:%d 10:30:00")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80, exif=exif)
    return out.getvalue()


def attachments(g: Gen, n: int) -> None:
    """n evidence photos: on problems (when any), completed milestones and projects."""
    rng, pf = g.rng, g.pf
    g.flush()
    done = [mid for mid, status in pf.rows("milestones", ("status",)) if status == "已完成"]
    problem_ids = getattr(g, "problem_ids", [])  # (set by the problems step, when it ran)
    owners = [("problem_id", problem_ids), ("milestone_id", done), ("project_id", [p[0] for p in g.project_spans])]
    weights = [6 if problem_ids else 0, 3, 1]
    blobs, ops = [], []
    for i in range(n):
        field, ids = rng.choices(owners, weights)[0]
        added = g.day(REFERENCE - dt.timedelta(days=365), REFERENCE)
        taken = added - dt.timedelta(days=rng.randint(0, 20)) if rng.random() < 0.7 else None
        name = f"现场照片_{i + 1:05d}.jpg"
        blob, taken_on = examine(photo(g, taken), name)
        fields = {field: rng.choice(ids), "name": name, "sha256": blob.sha256, "media_type": blob.media_type,
                  "size": blob.size, "taken_on": taken_on, "added_on": added.isoformat()}
        if rng.random() < 0.3:
            fields["note"] = f"{rng.choice(N.DISTRICTS)}现场核查，经办人{g.person()}"
        blobs.append(blob)
        ops.append(Create("attachments", fields, g.uid()))
        if len(ops) >= 200:
            pf.apply_with_blobs(blobs, ops)
            blobs, ops = [], []
    if ops:
        pf.apply_with_blobs(blobs, ops)
