"""The built-in register holds every named item of the seeds, as a clerk would sign it off.

tests/seeditems.py re-reads the seed documents (never the data files): the 专栏 boxes
mechanically, the running text from a hand list of verbatim sentences. This compares that
reading with what `builtin.load` puts into a portfolio, item by item, both ways, and checks the
rules of resources/portfolio/FORMAT.md: categories as the box says, no 国家级 for what is still to
be cultivated or created, units from the sentences that name them (partners apart), the plan's
own 区县, and the merges and non-merges across plans.
"""
from __future__ import annotations

import re

import pytest

import seeditems as reading
from db import builtin
from db.portfolio import Portfolio
from seedtables import seed_text, squash

DOCS = ["000", "001", "002", "003", "004"]
SHORT = {d["id"]: d["short"] for d in builtin.documents()}
NOT_YET = ("创建", "培育", "争创", "申报", "争取")


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """Every record of the projects table, with the names it goes by in each document."""
    with Portfolio.open(tmp_path_factory.mktemp("items") / "r.sqlite", create=True) as pf:
        builtin.load(pf, with_examples=False)
        names = {u["id"]: u["name"] for u in pf.list("units")}
        out = []
        for p in pf.list("projects"):
            p = {**p, "lead": names.get(p["lead_unit_id"]),
                 "responsible": [names[u] for u in p["responsible_unit_ids"]],
                 "partners": [names[u] for u in p["partner_unit_ids"]], "as": {}}
            doc_of = {short: doc for doc, short in SHORT.items()}
            p["as"][doc_of[p["source_doc"]]] = p["name"]
            for line in (p["notes"] or "").splitlines():  # 另见：<short> · <ref>「<name there>」
                m = re.match(r"另见：(.+?) · .*?(?:「(.+)」)?$", line)
                if m:
                    p["as"][doc_of[m.group(1)]] = m.group(2) or p["name"]
            out.append(p)
        return out


def of(register, doc: str) -> list[dict]:
    return [p for p in register if doc in p["as"]]


def named(register, doc: str, name: str) -> list[dict]:
    return [p for p in of(register, doc) if p["as"][doc] == name]


def test_the_reading_is_verbatim():
    assert reading.prose_problems() == []


def test_the_boxes_are_read_whole():
    # every item box's numbered items, as many as the seeds print (000 has no 专栏2)
    counts = {d: len(reading.box_records(d)) for d in DOCS}
    assert counts == {"000": 67, "001": 44, "002": 14, "003": 0, "004": 0}
    assert {i.box for i in reading.boxes("001")} == set(range(1, 22))  # 1 and 2 are its indicator tables


@pytest.mark.parametrize("doc", DOCS)
def test_every_item_of_the_reading_has_a_record(register, doc):
    missing = sorted(name for name in reading.reading(doc) if not named(register, doc, name))
    assert missing == [], f"{doc}: {len(missing)} named items without a record"


@pytest.mark.parametrize("doc", DOCS)
def test_every_record_is_an_item_of_the_reading(register, doc):
    known, seed = reading.reading(doc), squash(seed_text(doc))
    unknown = []
    for p in of(register, doc):
        name = p["as"][doc]
        if p["entry_type"] == "规划任务":  # a task line is the plan's own heading or wording
            if squash(name) not in seed:
                unknown.append(name)
        elif name not in known:
            unknown.append(name)
    assert unknown == []


@pytest.mark.parametrize("doc", ["000", "001", "002"])
def test_direction_lists_give_no_record(register, doc):
    directions = {i.text for i in reading.directions(doc)}
    assert directions, "the reader found no direction box"
    assert sorted(p["as"][doc] for p in of(register, doc) if p["as"][doc] in directions) == []


def test_categories_as_the_box_says(register):
    wrong = []
    for doc in DOCS:
        for item, name in reading.box_records(doc):
            want = reading.BOX_CATEGORIES.get((doc, item.box))
            for p in named(register, doc, name):
                if want and p["category"] != want:
                    wrong.append((doc, name, p["category"], want))
    assert wrong == []
    # 001 专栏13: the text calls them 重大科研基础平台, not 重大科技基础设施
    box13 = {p["category"] for p in of(register, "001") if "重大科研基础平台" in (p["source_ref"] or "")}
    assert box13 == {"重大科研基础平台"}


def test_no_national_level_for_what_is_still_to_be_cultivated_or_created(register):
    wrong = []
    for doc in DOCS:
        for item, name in reading.box_records(doc):
            if (doc, item.box) in reading.CULTIVATED_BOXES:
                wrong += [(doc, name) for p in named(register, doc, name) if p["level"]]
    for p in register:
        if p["level"] != "国家级":
            continue
        text, at = p["source_text"] or "", (p["source_text"] or "").find(p["name"])
        if at < 0:
            continue
        clause = re.split(r"[，。；：]", text[:at])[-1]
        if any(verb in clause for verb in NOT_YET):
            wrong.append((p["name"], clause))
    assert wrong == []
    # the issue's cases: 001 专栏16 (培育), 000 专栏6 labs to be created, 003's vaccine centre
    for doc, name in (("001", "自主品牌汽车研发创新中心"), ("000", "金融科技国家重点实验室"),
                      ("000", "分子病理学国家重点实验室"), ("003", "国家级疫苗孵化中心")):
        assert [p["level"] for p in named(register, doc, name)] == [None], name


@pytest.mark.parametrize("doc", ["001", "002"])
def test_units_the_boxes_name(register, doc):
    wrong = []
    for name, field, units in reading.box_unit_clauses(doc):
        for p in named(register, doc, name):
            got = set(p["partners"]) if field == "partners" else {p["lead"]} | set(p["responsible"])
            if not set(units) <= got:
                wrong.append((name, field, sorted(set(units) - got)))
            if field == "partners" and set(units) & ({p["lead"]} | set(p["responsible"])):
                wrong.append((name, "partner also responsible"))
    assert wrong == []


def test_units_from_the_paragraphs_of_the_banan_work_plan(register):
    paragraphs = reading.responsibility_paragraphs("003")
    assert len(paragraphs) >= 15
    wrong = []
    for p in of(register, "003"):
        text = squash(p["source_text"])
        inside = [units for para, units in paragraphs if text in squash(para)]
        if inside and set(p["responsible"]) != set(inside[0]):
            wrong.append((p["name"], p["responsible"], inside[0]))
    assert wrong == []


# what the running text says about units: (document, item, field, units)
STATED = [
    ("000", "煤矿灾害动力学与控制国家重点实验室", "partners", ["瓦斯灾害监控与应急技术国家重点实验室", "山西同煤集团"]),
    ("000", "线上线下“一站式”科技服务超市", "responsible", ["重庆科技要素交易中心"]),
    ("000", "线上线下“一站式”科技服务超市", "partners", ["中国科协", "市科技局"]),
    ("000", "金融科技国家重点实验室", "responsible", ["重庆国家金融科技认证中心"]),
    ("000", "种质创制大科学中心", "responsible", ["西南大学", "重庆农业科学院", "四川农业大学"]),
    ("000", "中国（重庆）知识产权保护中心", "responsible", ["重庆摩托车（汽车）知识产权信息中心"]),
    ("000", "中国（重庆）知识产权保护中心", "partners", ["市场监督管理部门"]),
    ("000", "加快打造成果转化基地", "responsible", ["招商车研", "英特尔"]),
    ("004", "国家医学中心", "responsible", ["重庆医科大学附属医院"]),
    ("004", "古生物园", "responsible", ["市地质博物馆"]),
    ("004", "川渝合作产业示范区", "partners", ["成都高新区", "西部（成都）科学城", "中国（绵阳）科技城"]),
    ("003", "中国创新创业挑战赛成渝专题赛暨第三届巴南—温江“赋能杯”科技创新大赛", "partners", ["温江区"]),
]


@pytest.mark.parametrize("doc,name,field,units", STATED, ids=[f"{d}-{n}-{f}" for d, n, f, _ in STATED])
def test_units_the_text_states(register, doc, name, field, units):
    found = named(register, doc, name)
    assert len(found) == 1
    p = found[0]
    got = p["partners"] if field == "partners" else [p["lead"]] * bool(p["lead"]) + p["responsible"]
    assert set(units) <= set(got)
    if field == "partners":  # a partner is not recorded as responsible
        assert not set(units) & ({p["lead"]} | set(p["responsible"]))


def test_the_science_citys_items_have_its_administration(register):
    bare = [p["name"] for p in of(register, "004") if p["zone"] == "西部（重庆）科学城"
            and not (p["lead"] or p["responsible"])]
    assert bare == []


@pytest.mark.parametrize("doc,zone", [("000", "重庆高新区"), ("002", "南川区"), ("003", "巴南区")])
def test_every_record_of_a_district_plan_is_in_its_district(register, doc, zone):
    assert {p["zone"] for p in register if p["source_doc"] == SHORT[doc]} == {zone}


def test_merges_across_plans(register):
    def one(doc_a, name_a, doc_b, name_b):
        a, b = named(register, doc_a, name_a), named(register, doc_b, name_b)
        assert len(a) == 1 and a == b, (name_a, name_b)
        return a[0]
    one("000", "“一带一路”国际技术转移中心", "004", "国际技术转移中心")
    one("000", "“一带一路”科技合作示范区", "004", "“一带一路”科技创新合作区")
    one("000", "科技金融街", "004", "科技金融街")
    one("000", "环大学城创新生态圈", "004", "环大学创新生态圈")
    one("000", "国家知识产权局区域专利信息服务中心", "001", "国家知识产权局区域专利信息服务（重庆）中心")
    # not merged: the city's platform is not the 科学城's kind of base, and keeps no 科学城 zone
    city = named(register, "001", "重庆科技资源共享服务平台")
    assert len(city) == 1 and "004" not in city[0]["as"] and city[0]["zone"] is None
    ai = {p["zone"] for p in register if p["name"] == "国家新一代人工智能创新发展试验区"}
    assert ai == {"巴南区", "西部（重庆）科学城"}  # two plans' own parts, not one record
    units = {u for p in register for u in [p["lead"], *p["responsible"], *p["partners"]] if u}
    assert not units & {"中科院重庆绿色智能研究院", "重庆高新区"}  # one unit, one name


def test_programmes_and_task_lines_are_not_projects(register):
    kinds = {}
    for p in register:
        kinds.setdefault(p["entry_type"] or "项目", []).append(p["name"])
    assert set(kinds) == {"项目", "专项计划", "规划任务"}
    for name in ("“瞪羚”企业培育提升计划", "金山英才计划", "“科创中国”试点城市",
                 "高新技术企业和科技型企业“双倍增”行动计划"):
        assert name in kinds["专项计划"], name
    for name in ("加快打造成果转化基地", "国家重点实验室", "主要目标", "工作目标"):
        assert name in kinds["规划任务"], name
