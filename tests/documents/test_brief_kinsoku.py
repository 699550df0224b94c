"""Line-breaking rules of Chinese typesetting (GB/T 15834 标点符号用法, 禁则): a line of the brief never
starts with a closing or pausing mark (，。、；：？！…）》” and the like). reportlab's CJK wrap knows only a
Japanese set (。、） but not ，；：！？”), so "；" or "，" could open a line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from db.documents.brief import fonts
from db.documents.brief import styles as brief_styles

ROOT = Path(__file__).resolve().parents[2]
MARKS = "，。、；：？！）》」』】〕〗”’…—％"


def _line_starts(p: Paragraph) -> list[str]:
    starts = []
    for line in p.blPara.lines:
        words = line.words if hasattr(line, "words") else line[1]
        text = "".join(getattr(w, "text", "") for w in words) if hasattr(line, "words") else "".join(words)
        starts.append(text[:1])
    return starts


@pytest.mark.parametrize("mark", list(MARKS))
def test_no_line_of_the_body_starts_with_a_closing_mark(mark):
    st = brief_styles.make(fonts.font_set())
    style = st["plain"]
    width = 10 * style.fontSize + 1  # ten characters a line
    text = "项目进展情况良好" * 2 + "甲乙丙丁" + mark + "后续工作按计划推进" * 3
    coloured = '<font color="#dc0000">●</font>' + text[1:]  # several runs: reportlab's other line breaker
    for markup in (text, coloured):
        p = Paragraph(markup, style)
        p.wrap(width, 10_000)
        starts = _line_starts(p)
        assert len(starts) > 2
        assert all(s not in MARKS for s in starts), (mark, markup, starts)


def test_building_a_brief_applies_the_rule():
    """A fresh process that only imports the brief's builder breaks lines the Chinese way."""
    code = ("import db.documents.brief.build; from reportlab.platypus import paragraph; "
            "from reportlab.lib import textsplit; "
            f"print(all(m in paragraph.ALL_CANNOT_START and m in textsplit.ALL_CANNOT_START for m in {MARKS!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
