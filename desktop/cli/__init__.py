"""`kechuang` — the command line (DESIGN §7). Works without a display; imports Qt only for `gui`.

One module per group of commands, each adding its subcommands with `add_commands(sub)`:
records.py (init, check, dump, add, set, delete), plans.py (plans), reports.py (colours, overview,
notice, brief, dubandan), exchange.py (export, merge), sheets.py (xlsx-export, xlsx-import, ics),
attachments.py (attach, attachments, attachment-save).

Exit 0 on success, 2 on bad input or a refused file (one clear line on stderr, nothing
changed), 1 on other failures.
"""
from __future__ import annotations

import argparse
import logging
import sys

from db.errors import UserError
from db.i18n import LANGUAGES, QT_TRANSLATE_NOOP, set_language, tr

log = logging.getLogger("kechuang")
FAILED = QT_TRANSLATE_NOOP("cli", "操作失败：{detail}")


def cmd_gui(args) -> int:
    from desktop import start_phase
    start_phase.begin()  # the collector paused from here (imports included) until the rows are shown
    from desktop.app import run_gui  # Qt only here
    return run_gui(args.file, lang=getattr(args, "gui_lang", None) or args.lang)


def _log_unraisable(unraisable) -> None:
    log.warning("ignored in %r: %s", unraisable.object, unraisable.exc_value,
                exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


class Parser(argparse.ArgumentParser):
    """A usage error keeps the contract too: one line on stderr (not the whole usage), exit 2."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {' '.join(message.split())} (--help)\n")


def _lang_in(argv: list[str]) -> str | None:
    """The --lang asked for, read ahead of parsing (a bad value is left for the parser to refuse)."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return None


def _starts_gui(argv: list[str]) -> bool:
    """No command, or `gui` (the app's start, `packaging/dev.py run`): the other commands' modules (the
    attachments', exports', …: ~0.2 s) need not be imported before the window paints (issue #20)."""
    rest = [a for i, a in enumerate(argv) if a != "--lang" and (i == 0 or argv[i - 1] != "--lang")
            and not a.startswith("--lang=")]
    if rest and rest[0].startswith("-"):  # --help, --smoke, …: the whole parser
        return False
    return not rest or rest[0] == "gui"


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only `gui` (what starting the window needs)."""
    p = Parser(prog="kechuang", description=tr(QT_TRANSLATE_NOOP("cli_help", "科创项目台账")))
    p.add_argument("--lang", choices=("zh", "en"), default=None, help="界面语言 / language")
    p.add_argument("--smoke", action="store_true", help=tr(QT_TRANSLATE_NOOP("cli_help", "自检：在后台打开每个界面、生成一期简报后退出")))
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("gui", help=tr(QT_TRANSLATE_NOOP("cli_help", "打开图形界面并打开 FILE")))
    s.add_argument("file", nargs="?")
    s.add_argument("--lang", choices=("zh", "en"), default=None, dest="gui_lang")
    s.set_defaults(func=cmd_gui)
    if not commands:
        return p

    from desktop.cli import attachments, exchange, plans, records, reports, sheets  # sheets: xlsx-export, …
    for commands in (records, plans, reports, exchange, sheets, attachments):
        commands.add_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from desktop.logs import setup as setup_logs
    setup_logs()
    # stderr carries the one line of a refusal or failure, nothing else: library warnings
    # (openpyxl on an odd workbook, …) and errors Python cannot raise (in a __del__) go to the
    # log, and a log that cannot be written (a full disk) is skipped rather than printing
    # logging's own traceback
    logging.captureWarnings(True)
    logging.raiseExceptions = False
    sys.unraisablehook = _log_unraisable
    lang = _lang_in(sys.argv[1:] if argv is None else argv)
    if lang:
        set_language(lang)  # before the parser: its help texts are in the language asked for
    parser = build_parser(commands=not _starts_gui(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    if args.smoke:
        from desktop.smoke import run_smoke
        return run_smoke()
    if args.command is None:
        args.file = None
        args.func = cmd_gui
    try:
        return args.func(args)
    except UserError as exc:
        print("kechuang: " + " ".join(str(exc).split()), file=sys.stderr)  # one line
        return 2
    except KeyboardInterrupt:
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug: say so in one line, keep the traceback in the log
        log.exception("command failed")
        print(f"kechuang: {tr(FAILED, detail=f'{type(exc).__name__}: {exc}')}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
