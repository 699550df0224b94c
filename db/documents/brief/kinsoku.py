"""The marks a line of Chinese text must not start with (GB/T 15834 标点符号用法: 句号、逗号、顿号、分号、
冒号、问号、叹号、后引号、后括号、后书名号、省略号 and 破折号 stay with the text before them).

reportlab's CJK wrap keeps only its own (Japanese) set off a line's start — 。、） but not ，；：！？” —
and reads that set from a global of two modules (one paragraph run: textsplit; mixed runs: paragraph); the
brief's styles add the Chinese marks to both once."""
from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.platypus import paragraph

CANNOT_START = frozenset("，。、；：？！）》」』】〕〗〉］｝”’…—～·％‰℃,.;:?!)]}%")


def apply() -> None:
    """Make reportlab's CJK line breaking keep every mark of CANNOT_START off a line's start."""
    for module in (textsplit, paragraph):
        missing = "".join(sorted(CANNOT_START.difference(module.ALL_CANNOT_START)))
        if missing:
            module.ALL_CANNOT_START += missing


apply()
