"""Helpers for GUI tests."""
from desktop.windows_cleanup import dispose as close_window  # noqa: F401


def when_modal(steps) -> None:
    """Run `steps(dialog)` once the next modal dialog is open (the call that opens it blocks in exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        steps(dialog)
    QTimer.singleShot(0, run)


def probe(code: str, file, data_dir, timeout: int = 120) -> dict:
    """Run `code` (it prints one JSON line last) in a fresh offscreen process on `file`, its data
    folder `data_dir`: what a new start loads or builds, which this process has long done."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KECHUANG_DATA_DIR=str(data_dir))
    out = subprocess.run([sys.executable, "-c", code, str(file)], cwd=Path(__file__).resolve().parents[2], env=env,
                         capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])
