#!/usr/bin/env python3
"""Build the one-folder desktop bundle with PyInstaller.

    python packaging/build.py            (Windows: py packaging\\build.py)

Uses the project's .venv (created by packaging/dev.py), installs PyInstaller into it if needed,
builds dist/kechuang/ from packaging/kechuang.spec, and prints the path of the bundle's
executable on its last line. Run it on the platform you are building for (PyInstaller does not
cross-compile): the same spec serves Linux and Windows.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
VENV_PY = ROOT / ".venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")
PYINSTALLER = "pyinstaller>=6.3"


def main() -> int:
    if not VENV_PY.exists():
        rc = subprocess.call([sys.executable, str(ROOT / "packaging" / "dev.py"), "setup"])
        if rc:
            return rc
    py = str(VENV_PY)
    if subprocess.call([py, "-c", "import PyInstaller"], stderr=subprocess.DEVNULL) != 0:
        if subprocess.call([py, "-m", "pip", "install", "-q", PYINSTALLER]) != 0:
            print("could not install PyInstaller", file=sys.stderr)
            return 1
    rc = subprocess.call([py, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                          "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                          str(ROOT / "packaging" / "kechuang.spec")], cwd=ROOT)
    if rc:
        return rc
    exe = ROOT / "dist" / "kechuang" / ("kechuang.exe" if WINDOWS else "kechuang")
    if not WINDOWS:
        desktop_file = ROOT / "packaging" / "linux" / "kechuang.desktop"
        (ROOT / "dist" / "kechuang" / "kechuang.desktop").write_text(desktop_file.read_text(encoding="utf-8"),
                                                                     encoding="utf-8")
    print(exe)
    return 0 if exe.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
