#!/usr/bin/env python3
"""Set up and run from a source checkout — the README's two quick-start commands.

    python3 packaging/dev.py run [kechuang arguments]   open the app (built-in portfolio on first run)
    python3 packaging/dev.py test [pytest arguments]    `ruff check`, `mypy` (db/), then the whole test suite
    python3 packaging/dev.py test --faketime="2027-09-15 10:00:00" [pytest arguments]
                                                        the same with the system clock moved
    python3 packaging/dev.py lint [ruff arguments]      only `ruff check` (e.g. --statistics, --fix)
    python3 packaging/dev.py types [mypy arguments]     only the type check of the core (db/)
    python3 packaging/dev.py setup                      only the set-up (used by packaging/build.py)

`test` fails (non-zero) when ruff or mypy finds anything, even if every test passes; their findings
are printed before the tests run. KECHUANG_LINT=0 skips both steps (the tests alone).

Each does its own set-up and is safe to run again: a virtual environment in .venv with the
project and its test extra installed (re-installed only when pyproject.toml changes), and on
Debian/Ubuntu the system libraries Qt needs (apt-get when running as root or with password-less
sudo; otherwise the exact command is printed). Standard library only: it runs before anything
is installed. On Windows: `py packaging\\dev.py run` / `py packaging\\dev.py test`.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".kechuang-installed"
WINDOWS = sys.platform == "win32"
VENV_PY = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# What Qt's xcb platform plugin needs on a fresh Debian/Ubuntu desktop (a pip install of
# PySide6 does not bring them; without them Qt aborts with "could not load the Qt platform
# plugin xcb").
APT_GUI = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
           "libxcb-render-util0", "libxcb-xinerama0", "libxcb-xkb1", "libxcb-shape0",
           "libxcb-randr0", "libxkbcommon-x11-0", "libxkbcommon0", "libegl1", "libgl1",
           "libopengl0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
# What the tests need besides: PDF tools to look at the brief, Xvfb for real-window checks,
# LibreOffice (headless) to open the Word brief as an office would and print it to PDF.
# faketime moves the clock for the "green on any day" run (see cmd_test's --faketime).
APT_TEST = APT_GUI + ["poppler-utils", "xvfb", "xauth", "faketime", "libreoffice-writer-nogui",
                      "postgresql"]  # the hub tests start a real server (tests/exchange/pg_server.py)


def say(msg: str) -> None:
    print(f"[kechuang dev] {msg}", flush=True)


def run(cmd: list[str], **kw) -> int:
    return subprocess.call(cmd, **kw)


def check_python() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")


def is_debian() -> bool:
    return Path("/etc/debian_version").exists() and shutil.which("dpkg-query") is not None


def missing_debs(packages: list[str]) -> list[str]:
    missing = []
    for pkg in packages:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg],
                             capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(pkg)
    return missing


def apt_install(packages: list[str], required: bool) -> None:
    if not is_debian():
        return
    missing = missing_debs(packages)
    if not missing:
        return
    if os.geteuid() == 0:
        prefix = []
    elif shutil.which("sudo") and run(["sudo", "-n", "true"], stderr=subprocess.DEVNULL) == 0:
        prefix = ["sudo", "-n"]
    else:
        command = "sudo apt-get update && sudo apt-get install -y " + " ".join(missing)
        say("These system packages are missing: " + " ".join(missing))
        say("Install them with:\n    " + command)
        if required:
            sys.exit(1)
        return
    say("Installing system packages: " + " ".join(missing))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if run(prefix + ["apt-get", "update", "-qq"], env=env) != 0 or \
            run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                env=env) != 0:
        say("apt-get failed; install these by hand: " + " ".join(missing))
        if required:
            sys.exit(1)


def ensure_venv() -> None:
    if VENV_PY.exists():
        return
    say(f"Creating virtual environment in {VENV}")
    if run([sys.executable, "-m", "venv", str(VENV)]) != 0:
        shutil.rmtree(VENV, ignore_errors=True)
        if is_debian():
            ver = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
            apt_install(["python3-venv", ver], required=True)
            if run([sys.executable, "-m", "venv", str(VENV)]) == 0:
                return
        sys.exit("Could not create a virtual environment (on Debian/Ubuntu: apt-get install python3-venv).")


def ensure_packages() -> None:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    say("Installing the app and its test tools into .venv (first run takes a few minutes)")
    pip = [str(VENV_PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    if run(pip + ["install", "--upgrade", "pip"]) != 0 or \
            run(pip + ["install", "-e", f"{ROOT}[test]"]) != 0:
        sys.exit("pip install failed (see above).")
    STAMP.write_text(digest)


def cmd_run(args: list[str]) -> int:
    if sys.platform.startswith("linux"):
        apt_install(APT_GUI, required=True)
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
                and not os.environ.get("QT_QPA_PLATFORM"):
            say("No display found (DISPLAY is not set). Start this from a desktop session, "
                "or try: xvfb-run python3 packaging/dev.py run")
            return 1
    return run([str(VENV_PY), "-m", "desktop.cli", *args], cwd=ROOT)


def cmd_lint(args: list[str]) -> int:
    """ruff (lint + import order, configured in pyproject.toml) over the whole tree."""
    return run([str(VENV_PY), "-m", "ruff", "check", *args], cwd=ROOT)


def cmd_types(args: list[str]) -> int:
    """mypy over the Qt-free core (configured in pyproject.toml: [tool.mypy])."""
    return run([str(VENV_PY), "-m", "mypy", *args], cwd=ROOT)


def cmd_test(args: list[str]) -> int:
    lint_rc = 0
    if os.environ.get("KECHUANG_LINT", "1") != "0":
        say("ruff check")
        lint_rc = cmd_lint([])
        if lint_rc:
            say("ruff found problems (listed above); running the tests anyway, the result will be a failure")
        say("mypy (db/)")
        types_rc = cmd_types([])
        if types_rc:
            say("mypy found problems (listed above); running the tests anyway, the result will be a failure")
        lint_rc = lint_rc or types_rc
    if sys.platform.startswith("linux"):
        apt_install(APT_TEST, required=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    prefix: list[str] = []
    if args and args[0].startswith("--faketime="):
        # Run pytest with the system clock moved (Debian's faketime; the clock keeps running from
        # there, monotonic time untouched so thread timeouts still work; tests/conftest.py works
        # around libfaketime's broken sleep): the suite must pass on any date.
        when = args.pop(0).split("=", 1)[1]
        if not shutil.which("faketime"):
            say("faketime is not installed (apt-get install faketime)")
            return 1
        prefix = ["faketime", "-f", "@" + when]
        env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    test_rc = run([*prefix, str(VENV_PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    if lint_rc:
        say("FAILED: ruff check or mypy found problems (see the start of this output; "
            "python3 packaging/dev.py lint / types list them again)")
    return test_rc or lint_rc


def main() -> int:
    check_python()
    commands = {"run": cmd_run, "test": cmd_test, "lint": cmd_lint, "types": cmd_types, "setup": lambda rest: 0}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    ensure_venv()
    ensure_packages()
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
