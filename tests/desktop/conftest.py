import os
from pathlib import Path

import pytest
from windows import close_window

from db import builtin
from db.portfolio import Portfolio


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Keep QSettings and the user's data folder inside the test's temp folder."""
    from PySide6.QtCore import QSettings
    monkeypatch.setenv("KECHUANG_DATA_DIR", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def builtin_file(tmp_path) -> Path:
    path = tmp_path / "portfolio.sqlite"
    with Portfolio.open(path, create=True) as pf:
        builtin.load(pf)
    return path


@pytest.fixture
def window(qtbot, builtin_file):
    from desktop.app import build_window, make_app
    make_app()
    w = build_window(str(builtin_file), "zh")
    qtbot.addWidget(w)
    w.resize(1400, 820)
    w.show()
    qtbot.waitExposed(w)
    yield w
    close_window(w)


@pytest.fixture
def shots_dir(tmp_path) -> Path:
    """Screenshots produced by tests (set KECHUANG_SHOTS to keep them somewhere to look at)."""
    folder = Path(os.environ.get("KECHUANG_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
