"""An independent re-reading of the named items in the seed documents (issue #17).

Two parts, neither of which looks at resources/portfolio/*.json:

* The 专栏 boxes are read mechanically: a line "专栏N  title" opens a box; its items are the
  numbered lines that follow ("1.名称。……", "2．名称：……"), the name being the text before the
  first "。" or "：" without a leading verb (建设、打造、举办……). A box of one unnumbered item is
  that paragraph. Boxes that list research or technology directions are read too, to check that
  none of their directions became a record.
* Items named in running text are listed by hand, each with the verbatim sentence it is read
  from (the sentence must occur in the seed and every name must be read off it).

tests/test_builtin_seed_items.py compares this reading with what `builtin.load` puts into a
portfolio, item by item, and checks the rules of resources/portfolio/FORMAT.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from seeditems_prose import PROSE
from seedtables import seed_text, squash

VERBS = ("协同推进", "联合推进", "实施", "建设", "举办", "打造", "构建", "设立", "建立", "发布", "探索")


@dataclass(frozen=True)
class BoxItem:
    doc: str
    box: int
    title: str
    seq: int          # 0 for a box of one unnumbered item
    text: str         # the item's name as the box writes it (verb removed)
    line: str         # the whole line, verbatim


def _lines(doc: str) -> list[str]:
    return [re.sub(r"\[bookmark: [^\]]*\]", "", line).strip() for line in seed_text(doc).splitlines()]


def _name(head: str) -> str:
    for verb in VERBS:
        if head.startswith(verb):
            head = head[len(verb):]
            break
    if head.startswith("“") and head.endswith("”") and head.count("“") == 1:
        head = head[1:-1]
    return head


def boxes(doc: str) -> list[BoxItem]:
    lines = [line for line in _lines(doc) if line]
    out: list[BoxItem] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^专栏(\d+)\s+(.+)$", lines[i])
        if not m:
            i += 1
            continue
        box, title = int(m.group(1)), squash(m.group(2))
        i += 1
        items = []
        while i < len(lines):
            item = re.match(r"^(\d+)[.．]\s*(.+?)[。：:]", lines[i])
            if not item:
                break
            items.append(BoxItem(doc, box, title, int(item.group(1)), _name(item.group(2)), lines[i]))
            i += 1
        if not items and i < len(lines) and not lines[i].startswith("表"):
            head = re.split(r"[。：:]", lines[i], maxsplit=1)[0]
            items.append(BoxItem(doc, box, title, 0, _name(head), lines[i]))
        out.extend(items)
    return out


# -- which boxes list directions (FORMAT.md, "Direction lists are not records") -----------------
DIRECTION_BOXES = {"000": {1, 3}, "001": {3, 4, 5, 6, 7, 8, 9, 10, 11, 18}, "002": {4, 5, 6, 7}}
TABLE_BOXES = {"001": {1, 2}}  # indicator tables (tests/test_builtin_seed_tables.py)
# an item of a direction box that is not a direction but a programme
PROGRAMMES_IN_DIRECTION_BOXES = {("002", 6, "科技特派员")}
# boxes whose items the text gives no name of their own, with the names it does give them
UNNAMED_BOXES = {("001", 19): ["品牌众创空间", "农业“星创天地”"], ("001", 21): ["科技特派员"]}
# a box item's name as the register holds it, where the box words it otherwise
BOX_ALIASES = {
    ("000", 16, 2): "成渝一体化技术市场",
    ("000", 19, 2): "拔尖人才培育模式探索",
    ("000", 19, 3): "高素质、高技能基础型人才集聚",
    ("000", 19, 4): "基石人物、技术经理人等中介人才培育",
    ("001", 17, 1): "“2011计划”（市级“2011协同创新中心”）",
    ("001", 20, 1): "重庆科技资源共享服务平台",
    ("002", 1, 1): "南川高新技术产业开发区",
    ("002", 8, 1): "金山英才计划",
    ("002", 8, 2): "科技领军人才评选",
    ("002", 8, 3): "南川区科技创新智库",
}
# what the box title says its items are (FORMAT.md: "categories exactly as the text says")
BOX_CATEGORIES = {
    ("000", 4): "科学研究中心", ("000", 5): "重大科技基础设施", ("000", 6): "重点实验室",
    ("000", 7): "交叉研究平台", ("000", 8): "新型研发机构", ("000", 11): "应用场景", ("000", 12): "孵化载体",
    ("001", 13): "重大科研基础平台", ("001", 14): "新型研发机构", ("001", 16): "产业创新平台",
    ("002", 2): "产业创新平台", ("002", 3): "孵化载体",
}
# boxes of items to be cultivated or created: none of them is yet 国家级
CULTIVATED_BOXES = {("001", 16)}


def box_records(doc: str) -> list[tuple[BoxItem, str]]:
    """(item, the record name expected for it) of every item box of `doc`."""
    out = []
    for item in boxes(doc):
        if item.box in DIRECTION_BOXES.get(doc, ()) or item.box in TABLE_BOXES.get(doc, ()):
            continue
        unnamed = UNNAMED_BOXES.get((doc, item.box))
        if unnamed is not None:
            out += [(item, name) for name in unnamed]
            continue
        out.append((item, BOX_ALIASES.get((doc, item.box, item.seq), item.text)))
    return out


def directions(doc: str) -> list[BoxItem]:
    return [i for i in boxes(doc) if i.box in DIRECTION_BOXES.get(doc, ())
            and (doc, i.box, i.text) not in PROGRAMMES_IN_DIRECTION_BOXES]


# -- items named in running text: tests/seeditems_prose.py (PROSE) ---------------------------


def prose(doc: str) -> list[tuple[str, str]]:
    """(the sentence, a name read off it) of every item of `doc` named in running text."""
    return [(anchor, name.replace("+", "")) for d, anchor, names in PROSE if d == doc for name in names]


def prose_problems() -> list[str]:
    """Anchors not in their seed, and names not read off their anchor."""
    problems = []
    for doc, anchor, names in PROSE:
        if squash(anchor) not in squash(seed_text(doc)):
            problems.append(f"{doc}: not in the seed: {anchor[:40]}")
        for name in names:
            if not all(squash(part.strip("（）")) in squash(anchor) for part in name.split("+")):
                problems.append(f"{doc}: {name!r} is not read off {anchor[:40]}")
    return problems


def reading(doc: str) -> set[str]:
    """Every name the re-reading finds in `doc` (box items and running text)."""
    return {name for _item, name in box_records(doc)} | {name for _a, name in prose(doc)}


# -- units the text names, and the name the register keeps for them --------------------------------
UNIT_ALIASES = {
    "中科院重庆绿色智能研究院": "中科院重庆绿色智能技术研究院",
    "中电投远达环保（集团）司": "中电投远达环保（集团）公司",
    "中国四联仪器仪表（集团）公司": "中国四联仪器仪表集团公司",
    "中船重工集团在渝15家成员单位": "中船重工集团",
    "重庆高新区": "重庆高新区管委会",
}


def unit(name: str) -> str:
    return UNIT_ALIASES.get(name, name)


def listed_units(text: str) -> list[str]:
    return [unit(u.strip()) for u in re.split(r"[、，,]", text) if u.strip()]


def box_unit_clauses(doc: str) -> list[tuple[str, str, list[str]]]:
    """(item name, field, units) read mechanically off box items: "由X负责" and "依托X等企业" →
    responsible; "推进/推动X、Y等单位……共建/建设" → responsible; "重点引导X、Y等龙头企业" →
    responsible; "发挥X、Y等龙头企业作用" → partners."""
    out = []
    for item, name in box_records(doc):
        line = item.line
        for pattern, field in ((r"由(.+?)负责", "responsible"), (r"依托(.+?)等(?:企业|单位)", "responsible"),
                               (r"(?:推进|推动)(.+?)等单位", "responsible"),
                               (r"重点引导(.+?)等龙头企业", "responsible"),
                               (r"发挥(.+?)等龙头企业作用", "partners")):
            for m in re.finditer(pattern, line):
                out.append((name, field, listed_units(m.group(1).replace("大力引进和", ""))))
    return out


def responsibility_paragraphs(doc: str) -> list[tuple[str, list[str]]]:
    """(paragraph, units) of every paragraph closing with "（责任单位：……）"."""
    out = []
    for line in _lines(doc):
        m = re.search(r"（责任单位：(.+?)）$", line)
        if m:
            out.append((line, listed_units(m.group(1))))
    return out
