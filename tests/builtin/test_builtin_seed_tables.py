"""The built-in indicators must say exactly what the seed documents' tables say.

The seed tables are read straight from resources/portfolio/seeds/*.txt by tests/seedtables.py
(independently of resources/portfolio/*.json) and compared, row by row and cell by cell, with
what `builtin.load` puts into a portfolio. Any drift of the data files (or the loader) from the
seed text fails here.
"""
from __future__ import annotations

import re

import pytest

from db import builtin
from db.builtin.validate import validate
from db.portfolio import Portfolio
from seedtables import SeedTable, SeedTableError, parse_table, seed_text, squash

# (document, table title as it stands on its own line in the seed, expected header, data rows)
TABLES = [
    ("000", "表  重庆高新区“十四五”科技创新发展规划指标体系表",
     ["序号", "指标", "2020年", "2025年", "指标属性"], 20),
    ("001", "专栏1 “十二五”科技创新主要发展指标完成情况表",
     ["序号", "指标名称", "2010年指标值", "2015年指标值", "“十二五”变化"], 10),
    ("001", "专栏2 “十三五”科技创新发展规划指标与目标值表",
     ["序号", "指标名称", "指标属性", "2015年指标值", "2020年目标值"], 10),
    ("002", "表1  南川区“十三五”科技创新主要发展指标完成情况",
     ["序号", "指标名称", "2015年指标值", "2020年指标值", "“十三五”变化情况"], 9),
    ("002", "表2  南川区“十四五”科技发展主要指标",
     ["序号", "指标名称", "2020年现状值", "2025年目标值", "年均", "指标属性"], 12),
]
TABLE_IDS = [f"{doc}-{title.split()[0]}" for doc, title, _, _ in TABLES]

# Seed table problems the data files are known to get wrong: {(title, seq, field): reason}.
# A known problem turns that row's test into an xfail (quoting the reason); an unknown one fails.
KNOWN_PROBLEMS: dict[tuple[str, str, str], str] = {}


# -- the seed side ---------------------------------------------------------------------------
def _parens(text: str) -> str:
    return text.replace("（", "(").replace("）", ")")


def norm_name(text: str) -> str:
    """Compare names modulo whitespace and full-/half-width parentheses."""
    return _parens(squash(text))


def column_roles(table: SeedTable) -> list[tuple[str, object]]:
    """What each column means, read from the header: seq, name, attribute, baseline/target/actual
    (with the header's year) or an `extra` entry keyed by the (whitespace-free) header."""
    roles: list[tuple[str, object]] = []
    years = 0
    for key in table.header_keys:
        m = re.fullmatch(r"(\d{4})年(指标值|现状值|目标值)?", key)
        if key == "序号":
            roles.append(("seq", None))
        elif key in ("指标", "指标名称"):
            roles.append(("name", None))
        elif key.endswith("属性"):
            roles.append(("attribute", None))
        elif m:
            years += 1
            if years == 1:
                role = "baseline"
            else:  # a 完成情况 table reports what was achieved, the others the target
                role = "actual" if "完成情况" in table.title else "target"
            roles.append((role, int(m.group(1))))
        else:
            roles.append(("extra", key))
    assert years == 2, f"{table.title}: expected two year columns, header {table.header_keys}"
    return roles


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, SeedTable]:
    return {title: parse_table(seed_text(doc), title) for doc, title, _, _ in TABLES}


# -- the loaded side -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pf(tmp_path_factory):
    p = Portfolio.open(tmp_path_factory.mktemp("seed") / "builtin.sqlite", create=True)
    builtin.load(p)
    yield p
    p.close()


@pytest.fixture(scope="module")
def indicators(pf) -> list[dict]:
    return pf.list("indicators")


@pytest.fixture(scope="module")
def actuals(pf) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for v in pf.list("indicator_values"):
        out.setdefault(v["indicator_id"], []).append(v)
    return out


# -- the parser itself -----------------------------------------------------------------------
SAMPLE = "\n".join([
    "前文。",
    "表9  示例表",
    "",
    "\t序号",
    "\t指 标",
    "\t2020年",
    "",
    "现状值",
    "",
    "\t1",
    "\t很长的指标名称占工业",
    "总产值比重（%）",
    "\t4.9",
    "",
    "\t2",
    "\t另一指标（个）",
    "\t-",
    "正文接着表格，没有空行。",
    "\t1.这是专栏的条目，不是表格行",
])


def test_parser_reads_header_continuations_rows_and_the_end_of_a_table():
    t = parse_table(SAMPLE, "表9  示例表")
    assert t.header == ["序号", "指 标", "2020年\n现状值"]
    assert t.header_keys == ["序号", "指标", "2020年现状值"]
    assert t.rows == [["1", "很长的指标名称占工业\n总产值比重（%）", "4.9"], ["2", "另一指标（个）", "-"]]
    assert SAMPLE.splitlines()[t.end_line - 1] == "正文接着表格，没有空行。"


def test_parser_refuses_a_row_with_the_wrong_number_of_cells():
    bad = SAMPLE.replace("\t4.9\n", "\t4.9\n\t多出来的\n")
    with pytest.raises(SeedTableError):
        parse_table(bad, "表9  示例表")
    with pytest.raises(SeedTableError):
        parse_table(SAMPLE, "没有这个表")


@pytest.mark.parametrize("doc, title, header, n_rows", TABLES, ids=TABLE_IDS)
def test_seed_table_shape(seed_tables, doc, title, header, n_rows):
    t = seed_tables[title]
    assert t.header_keys == header
    assert len(t.rows) == n_rows
    assert [r[0] for r in t.rows] == [str(n) for n in range(1, n_rows + 1)], "序号 must run 1..n"


# -- the comparison --------------------------------------------------------------------------
@pytest.mark.parametrize("doc, title, header, n_rows", TABLES, ids=TABLE_IDS)
def test_one_loaded_indicator_per_seed_row(seed_tables, indicators, doc, title, header, n_rows):
    t = seed_tables[title]
    loaded = [i for i in indicators if i["table_title"] == title]
    assert sorted(i["seq"] for i in loaded) == sorted(r[0] for r in t.rows), (
        f"{title}: loaded seqs differ from the seed's (duplicates or missing rows)")
    assert len(loaded) == n_rows


def _check_row(t: SeedTable, row: list[str], ind: dict, values: list[dict]) -> list[tuple[str, str]]:
    """Compare one seed row with its loaded indicator; return [(field, problem)]."""
    problems: list[tuple[str, str]] = []

    def expect(field: str, got, want) -> None:
        if got != want:
            problems.append((field, f"seed says {want!r}, loaded {got!r}"))

    extra = {}
    has_target = False
    for (role, arg), cell in zip(column_roles(t), row, strict=True):
        if role == "seq":
            expect("seq", ind["seq"], cell)
        elif role == "name":
            rebuilt = ind["name"] + (f"（{ind['unit']}）" if ind["unit"] is not None else "")
            expect("name+unit", norm_name(rebuilt), norm_name(cell))
        elif role == "attribute":
            expect("attribute", ind["attribute"], cell)
        elif role == "extra":
            extra[arg] = cell
        elif role in ("baseline", "target"):
            has_target |= role == "target"
            expect(f"{role}_year", ind[f"{role}_year"], arg)
            expect(f"{role}_text", ind[f"{role}_text"], cell)
            expect(f"{role}_value", ind[f"{role}_value"], builtin.number(cell))
        elif role == "actual":
            got = [(v["year"], v["text"], v["value"]) for v in values]
            expect(f"actual {arg}", got, [(arg, cell, builtin.number(cell))])
    if not has_target:  # a 完成情况 table states no target
        expect("target_text", ind["target_text"], None)
        expect("target_value", ind["target_value"], None)
    if not any(role == "attribute" for role, _ in column_roles(t)):
        expect("attribute", ind["attribute"], None)
    expect("extra", ind["extra"], extra)
    expect("plan", bool(ind["plan"]), True)
    return problems


ROWS = [(doc, title, seq) for doc, title, _, n in TABLES for seq in range(1, n + 1)]


@pytest.mark.parametrize("doc, title, seq", ROWS,
                         ids=[f"{doc}-{title.split()[0]}-{seq}" for doc, title, seq in ROWS])
def test_seed_row_matches_loaded_indicator(seed_tables, indicators, actuals, doc, title, seq):
    t = seed_tables[title]
    row = t.rows[seq - 1]
    assert row[0] == str(seq)
    matches = [i for i in indicators if i["table_title"] == title and i["seq"] == row[0]]
    assert len(matches) == 1, f"{title} 序号{seq}: {len(matches)} loaded indicators"
    ind = matches[0]
    assert ind["id"] == builtin.builtin_id(ind["builtin_key"])
    assert ind["builtin_key"].startswith(doc + "-")
    problems = _check_row(t, row, ind, actuals.get(ind["id"], []))
    unknown = [p for p in problems if (title, row[0], p[0]) not in KNOWN_PROBLEMS]
    assert not unknown, f"{title} 序号{seq} ({ind['builtin_key']}): {unknown}"
    known = [KNOWN_PROBLEMS[(title, row[0], f)] for f, _ in problems]
    if known:
        pytest.xfail("; ".join(known))


def test_known_problems_name_real_rows(seed_tables):
    for (title, seq, _field) in KNOWN_PROBLEMS:
        assert seq in [r[0] for r in seed_tables[title].rows], (title, seq)


def test_comparison_notices_drift(seed_tables, indicators, actuals):
    """The row check is not vacuous: a changed cell, unit, column or actual is reported."""
    t = seed_tables[TABLES[3][1]]  # 002 表1, a 完成情况 table with an extra column
    row = t.rows[1]
    ind = next(i for i in indicators if i["table_title"] == t.title and i["seq"] == row[0])
    vals = actuals[ind["id"]]
    assert _check_row(t, row, ind, vals) == []
    fields = lambda ind2, vals2=vals: {f for f, _ in _check_row(t, row, ind2, vals2)}  # noqa: E731
    assert fields({**ind, "baseline_text": "0.47"}) == {"baseline_text"}
    assert fields({**ind, "baseline_value": None}) == {"baseline_value"}
    assert fields({**ind, "unit": "‰"}) == {"name+unit"}
    assert fields({**ind, "extra": {}}) == {"extra"}
    assert fields({**ind, "target_text": "2"}) == {"target_text"}
    assert fields(ind, [{**vals[0], "text": "1.75", "value": 1.75}]) == {"actual 2020"}
    assert fields(ind, vals + vals) == {"actual 2020"}


# -- records not from a table, and every excerpt --------------------------------------------
def test_prose_indicators_state_their_target_in_the_excerpt(indicators):
    prose = [i for i in indicators if i["table_title"] is None]
    assert prose, "the seeds state targets in prose too"
    bad = []
    for i in prose:
        target = i["target_text"]
        places = [i["source_text"] or ""] + [str(v) for v in (i["extra"] or {}).values()]
        if target is None or not any(squash(target) in squash(p) for p in places):
            bad.append((i["builtin_key"], i["name"], target, i["source_text"]))
    assert not bad, f"target_text not found in source_text/extra: {bad}"


@pytest.mark.parametrize("path", builtin.data_files(), ids=lambda p: p.name)
def test_data_file_validates(path):
    assert validate(builtin.read(path)) == []


def test_every_loaded_excerpt_occurs_in_its_seed(pf):
    docs = {}
    for path in builtin.data_files():
        d = builtin.read(path)["document"]
        docs[d.get("short") or d.get("title")] = squash(seed_text(d["id"]))
    assert len(docs) == len(builtin.data_files()), "document short names must be distinct"
    bad = []
    for kind in ("projects", "milestones", "indicators"):
        for rec in pf.list(kind):
            seed = docs.get(rec["source_doc"])
            if seed is None or not rec["source_text"] or squash(rec["source_text"]) not in seed:
                bad.append((kind, rec["builtin_key"], rec["source_doc"], rec["source_text"]))
    assert not bad


def test_example_challenges_quote_their_seed():
    ex = builtin.read(builtin.PORTFOLIO_DIR / builtin.EXAMPLES_FILE)
    seed = squash(seed_text(ex["document"]["id"]))
    bad = [(c["key"], c["source_text"]) for c in ex["challenges"]
           if not c.get("source_text") or squash(c["source_text"]) not in seed]
    assert not bad
