"""Problems from the command line (`add … problem`, `set … status=…`, `dubandan`), as scripts use
it (a subprocess, --json), and the printable 督办单: pdftotext gives its Chinese back, pdffonts shows
its faces embedded, the .docx opens and LibreOffice converts it. Issue #18."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from office import soffice, to_pdf  # noqa: E402
from test_cli import assert_refused, run  # noqa: E402


def j(*args) -> dict:
    return json.loads(run(*args, "--json", check_rc=0).stdout)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dub")
    f = tmp / "p.sqlite"
    run("init", f, "--empty", check_rc=0)
    office = j("add", f, "unit", "name=市科技局", "kind=政府部门")["id"]
    park = j("add", f, "unit", "name=科学城管委会")["id"]
    firm = j("add", f, "unit", "name=某科技有限公司", "kind=企业")["id"]
    project = j("add", f, "project", "name=超瞬态实验装置", f"lead_unit_id={firm}")["id"]
    out = j("add", f, "problem", f"project_id={project}", "description=进口设备报关审批未落实",
            f"responsible_unit_id={park}", "due_date=2030-07-15", "request=请协调海关加快审批",
            f"raised_by_unit_id={firm}", "raised_by=李四", f"assigned_by_unit_id={office}",
            f'assisting_unit_ids=["{firm}"]')
    pid = out["id"]
    return {"file": f, "tmp": tmp, "pid": pid, "add": out, "units": (office, park, firm), "project": project}


def test_add_and_set_status_through_the_workflow(made):
    f, pid = made["file"], made["pid"]
    rec = made["add"]["record"]
    assert (rec["status"], rec["description"], rec["due_date"]) == ("提出", "进口设备报关审批未落实", "2030-07-15")
    assert rec["code"].startswith("督办〔") and rec["code"].endswith("1号")
    kinds = {(c["kind"], c["action"]) for c in made["add"]["changes"]}
    assert ("problem_events", "create") in kinds
    out = j("set", f, pid, "status=交办", "--reason", "请于7月15日前办结", "--approved-by", "张科长")
    assert out["record"]["status"] == "交办"
    # a move the workflow does not allow, and 办结 with no result: one line, exit 2, nothing changed
    before = hashlib.sha256(Path(f).read_bytes()).hexdigest()
    assert_refused(run("set", f, pid, "status=办结"), "不能由“交办”改为“办结”")
    assert_refused(run("set", f, pid, "status=退回"), "须写明原因")
    assert_refused(run("set", f, pid, "status=不存在"), "状态")
    assert hashlib.sha256(Path(f).read_bytes()).hexdigest() == before
    dump = json.loads(run("dump", f, "--json", check_rc=0).stdout)
    events = [e for e in dump["problem_events"] if e["problem_id"] == pid]
    assert [(e["to_status"], e["note"], e["by_person"]) for e in events] == [
        ("提出", None, "李四"), ("交办", "请于7月15日前办结", "张科长")]


def test_dubandan_pdf_has_the_chinese_text_and_embedded_fonts(made):
    out = made["tmp"] / "督办单.pdf"
    res = j("dubandan", made["file"], made["pid"], "--out", out)
    assert res["format"] == "pdf" and res["size"] == out.stat().st_size > 1000
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    for fragment in ("督办单", res["code"], "交办单位", "市科技局", "承办单位", "科学城管委会（牵头）",
                     "配合单位：某科技有限公司", "督办事项", "进口设备报关审批未落实", "请协调海关加快审批",
                     "办理时限", "2030年7月15日", "办理情况", "签收人", "盖章", "超瞬态实验装置"):
        assert fragment in text, fragment
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows), fonts  # embedded, subset
    again = made["tmp"] / "again.pdf"
    j("dubandan", made["file"], made["pid"], "--out", again)
    assert again.read_bytes() == out.read_bytes()  # same problem, same bytes


def test_dubandan_docx_opens_and_libreoffice_converts_it(made):
    out = made["tmp"] / "督办单.docx"
    j("dubandan", made["file"], made["pid"], "--out", out)
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None and "word/document.xml" in z.namelist()
    d = docx.Document(str(out))
    assert d.paragraphs[0].text == "督　办　单" and d.paragraphs[0].style.name == "标题"
    cells = [[c.text for c in row.cells] for row in d.tables[0].rows]
    assert cells[0] == ["交办单位", "市科技局"] and cells[-1] == ["办理情况", ""]
    assert ["督办事项", "进口设备报关审批未落实"] in cells
    if not soffice():
        pytest.skip("LibreOffice (soffice) not installed")
    pdf = to_pdf(out, made["tmp"] / "lo")
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "督办单" in text and "进口设备报关审批未落实" in text and "签收日期" in text


def test_dubandan_refusals(made):
    f = made["file"]
    assert_refused(run("dubandan", f, made["pid"], "--out", made["tmp"] / "x.txt"), "督办单", ".docx")
    assert_refused(run("dubandan", f, made["project"], "--out", made["tmp"] / "x.pdf"), made["project"])
    db_named_pdf = made["tmp"] / "copy.pdf"
    shutil.copyfile(f, db_named_pdf)
    before = db_named_pdf.read_bytes()
    assert_refused(run("dubandan", f, made["pid"], "--out", db_named_pdf), "数据库文件")  # the output guard
    assert db_named_pdf.read_bytes() == before
    assert not (made["tmp"] / "x.pdf").exists()


def test_colours_json_has_the_problems(made):
    out = json.loads(run("colours", made["file"], "--json", check_rc=0).stdout)
    c = out["problems"][made["pid"]]
    assert c["colour"] == "green" and c["reason"].startswith("距办理时限还有")
