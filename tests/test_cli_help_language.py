"""`kechuang --help` speaks the language asked for with --lang (issue 22): Chinese under --lang zh,
English under --lang en, for the top level and every subcommand."""
import re
import subprocess
import sys

import pytest

HAN = re.compile(r"[\u3400-\u9fff]")
SUBCOMMANDS = ("gui", "init", "check", "dump", "add", "set", "delete", "plans", "colours", "overview", "notice",
               "brief", "export", "merge", "sync", "hub", "xlsx-export", "xlsx-import", "ics", "dubandan", "attach",
               "attachments", "attachment-save")


def help_of(lang: str, *command: str) -> str:
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", lang, *command, "--help"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return " ".join(run.stdout.split())  # argparse wraps lines where it likes


@pytest.mark.parametrize("command", [(), *((c,) for c in SUBCOMMANDS)])
def test_help_in_english_has_no_chinese(command):
    text = help_of("en", *command).replace("界面语言 / language", "")  # --lang names itself in both
    assert not HAN.search(text), [ln for ln in text.splitlines() if HAN.search(ln)]


def test_help_in_chinese_is_chinese():
    assert "新建组合文件" in help_of("zh") and "Kechuang Project Ledger" not in help_of("zh")
    assert "每周简报" in help_of("zh") and "正文字体" in help_of("zh", "brief") and "调整原因" in help_of("zh", "set")
    assert "the weekly brief" in help_of("en") and "issue number" in help_of("en", "brief")
