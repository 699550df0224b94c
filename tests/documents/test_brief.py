"""The weekly brief (DESIGN §6, issue #16): PDFs built from hand-made portfolios with known content,
read back with pypdf (text, page size) and pdffonts (the GB/T 9704 faces, every one embedded)."""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from db.documents.brief import document, fonts
from db.documents.brief.blocks import LEVELS
from db.documents.brief.build import build, compose
from db.documents.brief.facts import collect
from db.documents.brief.numbering import numbers
from db.documents.brief.options import SECTIONS, issue_ops, last_number, parse_sections, resolve
from db.errors import UserError
from db.portfolio import Portfolio
from db.store.changes import Create

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 18)  # Wednesday of 2026-W47
WEEK = "2026-W47"
A4 = (595.28, 841.89)
LONG_NAME = "重庆西部科学城科学谷生命科学与数字经济深度融合的新型研发机构集群建设项目（一期）"
LONG_UNIT = "重庆市西部科学城超长名称科技创新研究院有限责任公司联合体"


def d(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


def at(pf, day: dt.date) -> None:
    """Records written from now on carry merge clocks of `day`, 9:00 (what the brief reads as when a
    record was entered or a status set): the portfolio's date is pinned, its merge clock too."""
    ms = int(dt.datetime.combine(day, dt.time(9)).timestamp() * 1000)
    pf.clock.wall, pf.clock.counter = 0, 0
    pf.clock._now = lambda: ms


def make_sample(pf) -> dict:
    """A small portfolio whose brief has one of everything."""
    gov, _ = pf.create("units", {"name": "科学城管委会", "kind": "政府部门"})
    cqu, _ = pf.create("units", {"name": "重庆大学", "kind": "高校"})
    park, _ = pf.create("units", {"name": "西部科学城公司", "kind": "园区公司"})
    long_unit, _ = pf.create("units", {"name": LONG_UNIT, "kind": "联合体"})
    fac, _ = pf.create("projects", {
        "name": "超瞬态实验装置", "category": "重大科技基础设施", "level": "国家级", "lead_unit_id": cqu,
        "stage": "建设", "phase": "安装调试", "total_investment": 300000, "invested_to_date": 120000,
        "annual_plan_investment": 50000, "annual_invested": 46000})
    pf.create("milestones", {"project_id": fac, "name": "一期主体工程完工", "planned_date": d(1),
                             "status": "已完成", "actual_date": d(-1)})
    pf.create("milestones", {"project_id": fac, "name": "光束线设备到货", "planned_date": d(6)})
    pf.create("milestones", {"project_id": fac, "name": "储存环安装调试", "planned_date": d(80), "status": "进行中"})
    bio, _ = pf.create("projects", {"name": "中国自然人群生物资源库", "category": "重大科技基础设施",
                                    "lead_unit_id": gov, "stage": "投产", "phase": "开放运行"})
    pf.create("milestones", {"project_id": bio, "name": "样本库二期扩容", "planned_date": d(20), "status": "受阻",
                             "notes": "用地指标未落实"})
    road, _ = pf.create("projects", {"name": "智能网联汽车测试场", "category": "产业创新平台", "stage": "开工",
                                     "lead_unit_id": park, "annual_plan_investment": 1000, "annual_invested": 300})
    pf.create("milestones", {"project_id": road, "name": "场地平整", "planned_date": d(-30)})
    inc, _ = pf.create("projects", {"name": "科创孵化器", "category": "孵化载体", "stage": "签约",
                                    "responsible_unit_ids": [long_unit]})
    due, _ = pf.create("milestones", {"project_id": inc, "name": "装修完成", "planned_date": d(-5)})
    pf.update("milestones", due, {"planned_date": d(3)}, reason="设备到货延期")
    long, _ = pf.create("projects", {"name": LONG_NAME, "category": "新型研发机构", "stage": "谋划",
                                     "responsible_unit_ids": [long_unit, gov]})
    pf.create("milestones", {"project_id": long, "name": "完成可行性研究报告编制并报送区发展改革委审查",
                             "planned_date": d(-3)})
    pf.create("projects", {"name": "停建的项目", "category": "其他", "stage": "停缓建"})
    race, _ = pf.create("challenges", {
        "title": "车规级功率半导体器件研发", "race_mode": "赛马", "race_slots": 3, "issuer_unit_id": gov,
        "stage": "攻关中", "budget_fiscal": 1000, "budget_matching": 500, "deadline": d(-100)})
    pf.create("challenges", {"title": "工业软件国产化关键技术", "stage": "申报中", "deadline": d(8),
                             "issuer_unit_id": gov, "budget_fiscal": 800})
    pf.create("challenge_events", {"challenge_id": race, "from_stage": "已立项", "to_stage": "攻关中", "date": d(-1)})
    t1, _ = pf.create("teams", {"challenge_id": race, "unit_id": cqu, "name": "重大团队", "leader": "张教授",
                                "status": "立项", "score": 92, "rank": 1})
    t2, _ = pf.create("teams", {"challenge_id": race, "unit_id": park, "name": "园区团队", "leader": "李总",
                                "status": "立项", "score": 88, "rank": 2})
    t3, _ = pf.create("teams", {"challenge_id": race, "name": "落选团队", "status": "淘汰", "score": 70, "rank": 3})
    pf.create("reviews", {"team_id": t1, "date": d(-2), "result": "通过", "score": 91})
    pf.create("reviews", {"team_id": t3, "date": d(-2), "result": "淘汰", "score": 65})
    pf.create("milestones", {"team_id": t1, "name": "样片流片", "planned_date": d(6)})
    pf.create("tranches", {"team_id": t2, "seq": 2, "planned_amount": 300, "planned_date": d(7)})
    rd, _ = pf.create("indicators", {"name": "R&D经费支出占GDP比重", "plan": "科学城规划", "unit": "%",
                                     "baseline_year": 2020, "baseline_value": 4.9, "target_year": 2025,
                                     "target_value": 5.5})
    pf.create("indicator_values", {"indicator_id": rd, "year": 2024, "value": 5.3})
    hi, _ = pf.create("indicators", {"name": "高新技术企业数量", "plan": "科学城规划", "unit": "家",
                                     "baseline_year": 2020, "baseline_value": 100, "target_year": 2025,
                                     "target_value": 200})
    pf.create("indicator_values", {"indicator_id": hi, "year": 2025, "value": 150})
    return locals()


@pytest.fixture
def pf(tmp_path):
    p = Portfolio.open(tmp_path / "brief.sqlite", create=True, today=lambda: TODAY)
    at(p, TODAY)
    yield p
    p.close()


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture
def sample(pf):
    ids = make_sample(pf)
    brief = build(pf, resolve(pf, week=WEEK))
    return ids, brief


def test_sections_in_order_with_masthead_and_footer(pf, sample):
    _, brief = sample
    pages = text_of(brief.pdf)
    text = squash("".join(pages))
    first = squash(pages[0])
    for fragment in ("内部资料", "科创项目工作简报", "第1期", "科创项目办公室编", "2026年11月18日",
                     "2026年第47周"):
        assert fragment in first
    headings = ["一、本期主要变化", "二、需协调解决的事项", "三、亮灯情况", "四、总体进度", "五、重大科技基础设施",
                "六、揭榜挂帅进展", "七、下周安排", "附表1红灯、黄灯项目清单", "附表2责任单位赛马比拼"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "附表1红灯" not in squash("".join(pages[:3]))  # the 附表 start a page of their own, after the 正文
    footer = squash(pages[-1])
    assert footer.index("报：区委") < footer.index("送：") < footer.index("发：各责任单位")
    assert text.index("规划指标完成情况") < text.index("报：区委")  # the 报尾 closes the brief


def test_page_numbers_size_and_page_count(sample):
    _, brief = sample
    reader = pypdf.PdfReader(io.BytesIO(brief.pdf))
    assert len(reader.pages) == brief.pages >= 4
    for n, page in enumerate(reader.pages, start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
        assert f"— {n} —" in page.extract_text()
    assert "— 2 —" in reader.pages[1].extract_text()


def test_content_counts_due_lists_and_reasons(sample):
    _, brief = sample
    text = squash("".join(text_of(brief.pdf)))
    # 一、本期主要变化: against a week before (no brief issued yet); the sample was all entered since
    assert "与一周前（2026年11月11日）相比，新增红灯项目0个，恢复正常0个；调整里程碑计划1次，累计推迟8天；" \
           "完成里程碑1个；新增受阻里程碑1个。新录入项目6个。" in text
    assert "计划调整科创孵化器" in text and "“装修完成”由2026-11-13调整至2026-11-21（+8天）：设备到货延期" in text
    assert "完成超瞬态实验装置重庆大学“一期主体工程完工”于2026-11-17完成" in text
    assert "新增受阻中国自然人群生物资源库科学城管委会“样本库二期扩容”受阻：用地指标未落实" in text
    # 二、需协调解决的事项: the blocked milestone first, then the red project with how late
    assert "需协调解决的事项2项：受阻里程碑1项，逾期滞后项目1项，投资滞后项目0项" in text
    assert text.index("1中国自然人群生物资源库样本库二期扩容科学城管委会—●受阻：用地指标未落实") \
        < text.index("2智能网联汽车测试场场地平整西部科学城公司30天")
    # 三、亮灯情况: counts and the table by unit (worst units first), 四、总体进度
    assert "全部6个项目中，红灯2个、黄灯3个、绿灯0个、蓝灯0个、灰灯1个，待核实0个" in text
    # (red, yellow, green, blue, grey, 待核实, total)
    assert "科学城管委会1100002西部科学城公司1000001" in text and "全部项目2300106" in text
    assert "台账共有项目6个、里程碑7个、揭榜挂帅榜单2个、规划指标2个" in text
    assert "（一）投资进度。年度计划投资5.1亿元" in text and "序时进度88.2%" in text  # 46300/51000 vs 323/365
    assert "（三）里程碑。逾期未完成2个，其中逾期一年以上0个；本周到期未完成1个" in text
    # 五 to 七: facilities to watch, challenges in figures, next week's items
    assert "中国自然人群生物资源库：里程碑“样本库二期扩容”：受阻，责任单位科学城管委会" in text
    assert "共有揭榜挂帅榜单2个，榜额合计2300万元" in text and "本周榜单阶段变化1项、里程碑考核2次" in text
    for item in ("光束线设备到货", "样片流片", "榜单申报截止", "第2批资金拨付（300万元）"):
        assert item in text
    # 附表: red/yellow list with reasons, overdue list with days, race standings, week's reviews, indicators
    assert "中国自然人群生物资源库科学城管委会●红里程碑“样本库二期扩容”：受阻" in text
    assert "智能网联汽车测试场场地平整西部科学城公司2026-10-1930" in text
    assert "超瞬态实验装置重庆大学建设安装调试" in text
    race = text.index("赛马比拼")
    assert race < text.index("重大团队", race) < text.index("园区团队", race) < text.index("落选团队", race)
    assert "阶段：已立项→攻关中" in text and "落选团队里程碑考核：淘汰（65）" in text
    assert "R&D经费支出占GDP比重" in text and "完成序时进度的83%" in text


def test_long_names_wrap_inside_their_cells(sample):
    _, brief = sample
    text = squash("".join(text_of(brief.pdf)))
    assert LONG_NAME in text and LONG_UNIT in text


def test_cell_text_never_hangs_past_the_cell():
    """reportlab hangs closing punctuation past the line end; in a cell it must stay inside."""
    from db.documents.brief import styles as brief_styles
    from db.documents.brief.tables import CellParagraph
    st = brief_styles.make(fonts.font_set())
    hung = 0
    for style in ("cell", "cell_c", "cell_r"):
        for width in range(40, 80):
            p = CellParagraph("10（2020年）逾期 30 天（超过 15 天）", st[style])
            p.wrap(width, 1000)
            hung += hasattr(p, "_reserved")
            left, right = p.style.leftIndent, p.style.rightIndent
            for line in p.blPara.lines:
                spare = line[0] if isinstance(line, tuple) else line.extraSpace
                line_width = width - left - right - spare
                x = left + {0: 0, 1: spare / 2, 2: spare}[p.style.alignment]
                assert x >= -0.01 and x + line_width <= width + 0.01, (style, width, x, line_width)
    assert hung  # the case does arise


def test_every_font_embedded_and_subset(sample, tmp_path):
    _, brief = sample
    reader = pypdf.PdfReader(io.BytesIO(brief.pdf))
    seen = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    faces = {re.sub(r"^/[A-Z]{6}\+|-0$", "", name) for name in seen}
    assert all(re.match(r"^/[A-Z]{6}\+", name) for name in seen), seen  # subset
    # GB/T 9704 faces: 仿宋 body, 黑体 headings, 楷体 （一）, bold 宋 for 报头, title and page numbers
    assert {"FandolFang-Regular", "WenQuanYiMicroHei", "GBZenKai-Medium", "FandolSong-Bold"} <= faces, faces
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) not installed")
    path = tmp_path / "b.pdf"
    path.write_bytes(brief.pdf)
    out = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows), out


def test_same_data_same_bytes(pf, sample):
    _, brief = sample
    again = build(pf, resolve(pf, week=WEEK))
    assert again.pdf == brief.pdf


def test_sections_chosen_are_numbered_in_order(pf):
    make_sample(pf)
    brief = build(pf, resolve(pf, week=WEEK, sections="issues,colours"))
    text = squash("".join(text_of(brief.pdf)))
    assert "一、需协调解决的事项" in text and "二、亮灯情况" in text
    assert "附表1红灯、黄灯项目清单" in text and "附表2责任单位赛马比拼" in text  # the sections' own 附表
    assert "总体进度" not in text and "规划指标完成情况" not in text and "报：" in text
    assert parse_sections("next_week，overview") == ("overview", "next_week")
    with pytest.raises(UserError, match="简报栏目“foo”无效"):
        parse_sections("overview,foo")
    with pytest.raises(UserError, match="至少要包含一个栏目"):
        resolve(pf, sections="")


def test_issue_number_is_stored_only_when_issued(pf):
    options = resolve(pf, week=WEEK)
    assert options.number == 1 and options.sections == SECTIONS and options.week == WEEK
    build(pf, options)  # a preview stores nothing
    assert last_number(pf) == 0 and numbers(pf) == {}
    pf.apply(issue_ops(pf, options, remember=False))
    assert numbers(pf) == {WEEK: 1}
    assert resolve(pf, week=WEEK).number == 1  # the week keeps its 期号
    assert resolve(pf, week="2026-W48").number == 2  # a new week gets the next
    assert resolve(pf).week == WEEK and resolve(pf).number == 1  # the current week (the portfolio's clock)
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W48", number=9, name="科学城周报", sections=["colours"])))
    assert numbers(pf) == {WEEK: 1, "2026-W48": 9} and last_number(pf) == 9
    again = resolve(pf, week="2026-W49")
    assert again.number == 10 and again.name == "科学城周报" and again.sections == ("colours",)
    assert resolve(pf, week="2026-W40").number == 10  # an earlier week not issued yet is new too
    for bad in ("0", "abc", -1, True, "1.5"):
        with pytest.raises(UserError, match="期号"):
            resolve(pf, number=bad)
    with pytest.raises(UserError, match="字体"):
        resolve(pf, font="Comic Sans")


def test_a_reprint_keeps_the_number_and_is_the_same_pdf(pf, sample):
    _, brief = sample
    options = resolve(pf, week=WEEK)
    pf.apply(issue_ops(pf, options))
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W48")))
    reprint = resolve(pf, week=WEEK)
    assert reprint == options and issue_ops(pf, reprint) == []  # nothing more to record
    assert build(pf, reprint).pdf == brief.pdf
    assert numbers(pf) == {WEEK: 1, "2026-W48": 2}


def test_explicit_number_is_kept_and_never_another_weeks(pf):
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W45")))
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W46")))
    with pytest.raises(UserError, match="期号第1期已用于 2026-W45"):
        resolve(pf, week=WEEK, number=1)
    with pytest.raises(UserError, match="期号第2期已用于 2026-W46"):
        issue_ops(pf, resolve(pf, week=WEEK).with_(number=2))
    pf.apply(issue_ops(pf, resolve(pf, week="2026-W46", number=7)))  # a correction renumbers the week
    assert numbers(pf) == {"2026-W45": 1, "2026-W46": 7}
    assert resolve(pf, week="2026-W46").number == 7 and resolve(pf, week=WEEK).number == 8
    assert resolve(pf, week=WEEK, number=2).number == 2  # freed by the correction


def test_issuing_after_undo_records_the_number_again(pf):
    changes = pf.apply(issue_ops(pf, resolve(pf, week=WEEK)))
    pf.undo(changes)
    assert numbers(pf) == {} and resolve(pf, week=WEEK).number == 1
    pf.apply(issue_ops(pf, resolve(pf, week=WEEK, number=3)))
    assert numbers(pf) == {WEEK: 3}


def test_numbers_from_an_earlier_version_count_as_used(pf):
    pf.set_setting("brief", {"last_number": 41, "name": "科学城周报"})
    options = resolve(pf, week=WEEK)
    assert options.number == 42 and options.name == "科学城周报"
    pf.apply(issue_ops(pf, options, remember=False))
    assert numbers(pf) == {WEEK: 42} and resolve(pf, week="2026-W48").number == 43


def test_week_numbers_merge_per_week(tmp_path):
    """Two offices issue different weeks: both numbers survive the exchange; the same week
    numbered differently on both sides is a conflict like any other, with one winner."""
    from db.exchange.export import export
    from db.exchange.merge import merge
    a = Portfolio.open(tmp_path / "a.sqlite", create=True, today=lambda: TODAY)
    a.apply(issue_ops(a, resolve(a, week="2026-W45")))
    a.save_as(tmp_path / "b.sqlite")
    b = Portfolio.open(tmp_path / "b.sqlite", today=lambda: TODAY)
    try:
        a.apply(issue_ops(a, resolve(a, week="2026-W46")))
        a.apply(issue_ops(a, resolve(a, week=WEEK)))  # 3
        b.apply(issue_ops(b, resolve(b, week="2026-W48", number=20)))
        b.apply(issue_ops(b, resolve(b, week=WEEK, number=30)))
        export(b, tmp_path / "from-b.sqlite")
        result = merge(a, tmp_path / "from-b.sqlite")
        merged = numbers(a)
        assert {w: merged[w] for w in ("2026-W45", "2026-W46", "2026-W48")} == {
            "2026-W45": 1, "2026-W46": 2, "2026-W48": 20}
        assert merged[WEEK] in (3, 30) and [c.field for c in result.conflicts] == ["value"]
        assert resolve(a, week="2026-W49").number == max(merged.values()) + 1
        export(a, tmp_path / "from-a.sqlite")
        merge(b, tmp_path / "from-a.sqlite")
        assert numbers(b) == merged  # both offices agree
    finally:
        a.close()
        b.close()


def test_week_changes_come_from_dated_traces(tmp_path):
    """Records created and re-plans recorded during the week count as this week's changes; an
    earlier week has none of them."""
    today = dt.date.today()
    with Portfolio.open(tmp_path / "w.sqlite", create=True, today=lambda: today) as pf:
        p, _ = pf.create("projects", {"name": "本周新项目"})
        m, _ = pf.create("milestones", {"project_id": p, "name": "节点", "planned_date": today.isoformat()})
        pf.update("milestones", m, {"planned_date": (today + dt.timedelta(days=10)).isoformat()}, reason="调整")
        gone, _ = pf.create("projects", {"name": "删掉的项目"})
        pf.delete("projects", gone)
        week = collect(pf, None)["since"]
        assert week["new_projects"] == ["本周新项目"] and week["deleted_projects"] == 1
        assert [r["reason"] for r in week["slipped"]] == ["调整"] and week["delay_days"] == 10
        old = collect(pf, "2020-W01")["since"]
        assert old["new_projects"] == [] and old["slipped"] == [] and old["deleted_projects"] == 0


def test_empty_portfolio_still_makes_a_brief(pf):
    brief = build(pf, resolve(pf, week=WEEK))
    text = squash("".join(text_of(brief.pdf)))
    assert "台账共有项目0个" in text and "台账中暂无重大科技基础设施项目" in text
    assert "目前无受阻里程碑和红灯项目" in text and "无新增红灯、恢复正常、计划调整、完成或受阻事项" in text
    assert "附表" not in text  # nothing long to list


def test_bad_week_is_refused(pf):
    with pytest.raises(UserError, match="周次"):
        build(pf, resolve(pf, week="2026-W60"))


def test_system_font_is_used_when_installed_and_chosen(tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(fonts.BUNDLED_FILE, folder / "simfang.ttf")  # stands in for an installed 仿宋
    monkeypatch.setenv("KECHUANG_FONT_DIRS", str(folder))
    assert "仿宋" in fonts.available()
    chosen = fonts.font_set("仿宋")
    assert chosen.body == "KC-simfang" and chosen.sub == fonts.bundled_set().sub  # no 楷体 installed
    monkeypatch.setenv("KECHUANG_FONT_DIRS", str(tmp_path / "none"))
    assert fonts.font_set("仿宋") == fonts.bundled_set() == fonts.font_set()


def test_cli_brief_writes_pdf_and_records_number(tmp_path):
    path = tmp_path / "c.sqlite"
    with Portfolio.open(path, create=True, today=lambda: TODAY) as p:
        at(p, TODAY)
        make_sample(p)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "desktop.cli", "brief", *map(str, args)], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
    out = tmp_path / "b.pdf"
    proc = run(path, "--week", WEEK, "--out", out, "--name", "科学城周报", "--issuer", "科学城项目办",
               "--sections", "overview,issues", "--report-to", "市科技局")
    assert proc.returncode == 0, proc.stderr
    assert str(out) in proc.stdout and "第1期" in proc.stdout
    text = squash("".join(text_of(out.read_bytes())))
    assert "科学城周报" in text and "科学城项目办编" in text and "报：市科技局" in text
    assert "一、需协调解决的事项" in text and "二、总体进度" in text
    again = tmp_path / "again.pdf"  # another process, the same week and options: the same 期号 and bytes
    assert run(path, "--week", WEEK, "--out", again, "--name", "科学城周报", "--issuer", "科学城项目办",
               "--sections", "overview,issues", "--report-to", "市科技局").returncode == 0
    assert again.read_bytes() == out.read_bytes()
    proc = run(path, "--week", "2026-W48", "--out", out, "--json")
    assert proc.returncode == 0 and '"number": 2' in proc.stdout
    with Portfolio.open(path, readonly=True) as p:
        assert last_number(p) == 2
    proc = run(path, "--week", "2026-W49", "--number", "1", "--out", tmp_path / "x.pdf")
    assert proc.returncode == 2 and "2026-W47" in proc.stderr  # 第1期 is 2026-W47's
    for args, fragment in (((path, "--week", "2026-47", "--out", tmp_path / "x.pdf"), "周次"),
                           ((tmp_path / "missing.sqlite", "--out", tmp_path / "x.pdf"), "missing.sqlite"),
                           ((path, "--sections", "overview,bogus", "--out", tmp_path / "x.pdf"), "bogus"),
                           ((path, "--number", "0", "--out", tmp_path / "x.pdf"), "期号"),
                           ((path, "--out", tmp_path / "no" / "x.pdf"), "x.pdf")):
        proc = run(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and fragment in proc.stderr and proc.stdout == ""
    assert not (tmp_path / "x.pdf").exists()
    with Portfolio.open(path, readonly=True) as p:
        assert last_number(p) == 2  # refused runs changed nothing


def body_pages(pages: list[str]) -> int:
    """How many pages the 正文 takes: the 附表 start a page of their own, "附表1" at its top."""
    return next((k for k, page in enumerate(pages) if re.match(r"^(—\d+—)?附表1", page)), len(pages))


def test_a_large_portfolio_keeps_a_short_body(tmp_path, monkeypatch):
    """3,000 projects of 60 units with long names, several units each, blocked, overdue (some for
    years), re-planned and completed milestones: the 正文 stays within four pages, its lists capped
    and ranked; the 附表 are capped too, every page numbered (the city portfolio is measured by hand,
    see tests/bench/RESULTS.md)."""
    with Portfolio.open(tmp_path / "big.sqlite", create=True, today=lambda: TODAY) as p:
        at(p, TODAY - dt.timedelta(days=20))
        units = [f"{i:08d}-0000-4000-8000-000000000000" for i in range(60)]
        ops = [Create("units", {"name": f"重庆市第{i:02d}区科技和经济信息化委员会高新技术产业发展处"}, u)
               for i, u in enumerate(units)]
        blocked, done, moved = [], [], []
        for i in range(3000):
            pid = f"{i:08d}-1111-4000-8000-000000000000"
            ops.append(Create("projects", {
                "name": f"重庆西部科学城第{i}号新型研发机构及配套科研平台建设项目", "lead_unit_id": units[i % 60],
                "responsible_unit_ids": [units[(i + 7) % 60], units[(i + 13) % 60]],
                "category": "重大科技基础设施" if i % 100 == 0 else "产业创新平台",
                "stage": ("谋划", "开工", "建设")[i % 3],
                "annual_plan_investment": 100, "annual_invested": i % 100}, pid))
            for k, days in enumerate((i % 90 - 60, i % 40 + 5, -(400 + i % 2000) if i % 5 == 0 else 30)):
                mid = f"{i:08d}-{k:04d}-4000-a000-000000000000"  # ids unique across kinds (issue 23)
                ops.append(Create("milestones", {"project_id": pid, "name": f"完成第{k + 1}阶段建设内容并组织专家验收",
                                                 "planned_date": d(days)}, mid))
                (blocked if i % 11 == 0 and k == 1 else done if i % 13 == 0 and k == 0
                 else moved if i % 17 == 0 and k == 1 else []).append(mid)
        p.apply(ops)
        at(p, TODAY - dt.timedelta(days=1))
        for mid in blocked:
            p.update("milestones", mid, {"status": "受阻", "notes": "用地指标和环评批复尚未落实，需市级部门协调"})
        for mid in done:
            p.update("milestones", mid, {"status": "已完成", "actual_date": d(-1)})
        for mid in moved:
            p.update("milestones", mid, {"planned_date": d(90)}, reason="设备进口清关延迟，供应商交货推迟")
        rendered = []  # page counts of every rendering made
        real_render = document.render
        monkeypatch.setattr(document, "render", lambda story, fs, **info: rendered.append(
            (out := real_render(story, fs, **info))[1]) or out)
        brief = build(p, resolve(p, week=WEEK))
    reader = pypdf.PdfReader(io.BytesIO(brief.pdf))
    pages = [squash(page.extract_text()) for page in reader.pages]
    assert len(pages) == brief.pages > 8
    assert rendered[-1] == brief.pages and all(n < brief.pages / 2 for n in rendered[:-1])  # tries: 正文 alone
    text = "".join(pages)
    assert "恢复正常" in text and "新增受阻" in text and "计划调整" in text  # there is a lot to report
    assert "另有" in text and "完整清单见简报附表（Excel）" in text  # long lists are cut to their most urgent rows
    assert body_pages(pages) == brief.body_pages <= 4, [page[:40] for page in pages]  # the 附表 follow
    assert brief.limits != LEVELS[0]  # it took tighter limits to fit
    with Portfolio.open(tmp_path / "big.sqlite", readonly=True, today=lambda: TODAY) as p:
        assert compose(p, resolve(p, week=WEEK))[0].limits == brief.limits  # the .docx says the same
    last = reader.pages[-1].extract_text()
    assert f"— {brief.pages} —" in last and "发：" in last


def test_briefs_built_at_once_in_threads_come_out_whole_and_identical(pf, sample):
    """reportlab keeps glyph subsets in the shared font objects: builds take turns
    (document.render), so a preview on the worker and a print elsewhere cannot collide."""
    from concurrent.futures import ThreadPoolExecutor
    _, brief = sample
    options = resolve(pf, week=WEEK)
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _i: build(pf, options).pdf, range(10)))
    assert all(pdf == brief.pdf for pdf in made)
