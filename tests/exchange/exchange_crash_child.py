"""Child process for tests/exchange/test_exchange_crash.py (not a test module itself).

    python exchange_crash_child.py merge PORTFOLIO RECEIVED
    python exchange_crash_child.py export PORTFOLIO TARGET [UNIT_NAME]...

Opens the portfolio, prints "READY", then runs one merge or one export and prints "DONE".
It also announces its phases (the parent uses them to aim its SIGKILL), each as one flushed
stdout line. Merge: "BACKUP" when the automatic backup starts (on a thread of its own, beside the
plan) and "BACKED" once the merge has waited for it to be in place, "WRITE" / "WRITTEN" around
the writing of merged rows (the commit follows "WRITTEN"). Export: "FSYNC" / "FSYNCED" around
the fsync of the finished temp file, "RENAMED" once it has been renamed onto the target. The
phases are observed by wrapping the modules' helpers here; nothing under db/ is changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.exchange import export as export_mod  # noqa: E402
from db.exchange import merge as merge_mod  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402
from db.store.backup_beside import BackupBeside  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def announce(module, name: str, before: str, after: str) -> None:
    original = getattr(module, name)

    def wrapped(*args, **kwargs):
        say(before)
        result = original(*args, **kwargs)
        say(after)
        return result

    setattr(module, name, wrapped)


def main() -> None:
    mode, portfolio, other, *units = sys.argv[1:]
    pf = Portfolio.open(portfolio)
    if mode == "merge":
        announce(Portfolio, "backup_beside", "BACKUP", "BACKUP-STARTED")  # the copy taken before merging
        announce(BackupBeside, "wait", "BACKUP-WAIT", "BACKED")
        announce(merge_mod, "_write", "WRITE", "WRITTEN")
        say("READY")
        merge_mod.merge(pf, Path(other))
    elif mode == "export":
        announce(export_mod, "fsync_file", "FSYNC", "FSYNCED")
        announce(export_mod, "fsync_dir", "RENAMED", "DIRSYNCED")  # called right after os.replace
        say("READY")
        export_mod.export(pf, Path(other), units=units)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    say("DONE")
    pf.close()


if __name__ == "__main__":
    main()
