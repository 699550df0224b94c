"""The brief's 督办问题 from the problem records (issue #18): open problems overdue first, new this
week, closed this week, in the 正文 of PDF and Word alike, the long list in a 附表."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from db.documents.brief import word
from db.documents.brief.build import build, compose
from db.documents.brief.options import resolve
from db.portfolio import Portfolio
from db.problems import ops

TODAY = dt.date(2026, 11, 18)  # Wednesday of 2026-W47
WEEK = "2026-W47"


@pytest.fixture
def pf(tmp_path):
    clock = {"d": dt.date(2026, 11, 2)}
    p = Portfolio.open(tmp_path / "b.sqlite", create=True, today=lambda: clock["d"])
    p.clock_ = clock
    yield p
    p.close()


def _problem(pf, project, unit, what, due, raised):
    pid, _ = pf.create("problems", {"project_id": project, "description": what, "responsible_unit_id": unit,
                                    "due_date": due, "raised_on": raised})
    pf.apply(ops.transition_ops(pf, pid, "交办", date=raised))
    return pid


def test_the_issues_section_lists_the_problems(pf, tmp_path):
    park, _ = pf.create("units", {"name": "科学城管委会"})
    bureau, _ = pf.create("units", {"name": "区规划和自然资源局"})
    project, _ = pf.create("projects", {"name": "超瞬态实验装置", "lead_unit_id": park})
    late = _problem(pf, project, bureau, "用地指标未落实", "2026-11-10", "2026-11-02")
    pf.clock_["d"] = TODAY
    soon = _problem(pf, project, park, "进口设备报关审批未落实", "2026-11-20", "2026-11-16")
    done = _problem(pf, project, park, "施工用电增容", "2026-11-30", "2026-11-16")
    pf.apply(ops.transition_ops(pf, done, "签收"))
    pf.apply(ops.transition_ops(pf, done, "办结", result="供电公司已完成增容"))
    held = _problem(pf, project, park, "配套道路征地", "2026-12-31", "2026-11-16")
    pf.apply(ops.transition_ops(pf, held, "挂起", note="待专题会研究"))
    old_closed = _problem(pf, project, park, "上周已办结的问题", "2026-12-31", "2026-11-02")
    assert {late, soon, old_closed}

    options = resolve(pf, week=WEEK)
    content, facts = compose(pf, options)
    f = facts["problems"]
    assert [i["what"] for i in f["open"]] == ["用地指标未落实", "进口设备报关审批未落实", "上周已办结的问题"]
    assert (f["new"], f["overdue"], f["soon"], f["suspended"], len(f["closed"])) == (3, 1, 1, 1, 1)
    assert f["open"][0]["late"] == 8 and f["open"][0]["unit"] == "区规划和自然资源局"
    text = word.text_of(content)
    assert "（一）督办问题。本周新提出问题3个，办结1个；在办问题3个，其中超过办理时限1个、3天内到期1个。另有挂起问题1个。" in text
    assert "本周办结：“施工用电增容”（科学城管委会，供电公司已完成增容）。" in text
    # the table of open problems, in the PDF as in the Word file
    brief = build(pf, options)
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    out = tmp_path / "b.pdf"
    out.write_bytes(brief.pdf)
    pdf = "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout.split())
    for fragment in ("督办问题", "用地指标未落实", "科学城管委会", "超期", "进口设备报关审批未落实"):
        assert fragment in pdf, fragment
    assert pdf.index("用地指标未落实") < pdf.index("进口设备报关审批未落实")  # overdue first


def test_no_problem_records_no_problem_paragraph(pf):
    pf.clock_["d"] = TODAY
    project, _ = pf.create("projects", {"name": "项目"})
    content, facts = compose(pf, resolve(pf, week=WEEK))
    assert facts["problems"] == {"any": False} and "督办问题" not in word.text_of(content)
    assert project


def test_a_problem_names_its_project_whether_or_not_the_snapshot_has_it(pf):
    """The brief names a problem's project from its own read of the projects; one it has not got (a
    project deleted while its problem lived on, as a merge can leave) is read apart."""
    from db.documents.brief import problems
    park, _ = pf.create("units", {"name": "科学城管委会"})
    project, _ = pf.create("projects", {"name": "超瞬态实验装置", "lead_unit_id": park})
    _problem(pf, project, park, "用地指标未落实", "2026-11-10", "2026-11-02")
    monday, as_of = dt.date(2026, 11, 16), dt.date(2026, 11, 22)
    known = problems.facts(pf, {park: "科学城管委会"}, monday, as_of, {project: {"name": "超瞬态实验装置"}})
    read_apart = problems.facts(pf, {park: "科学城管委会"}, monday, as_of, {})
    assert [i["project"] for i in known["open"]] == [i["project"] for i in read_apart["open"]] == ["超瞬态实验装置"]
