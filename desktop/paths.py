"""The user's folders (platformdirs): the default portfolio, logs. KECHUANG_DATA_DIR overrides."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "kechuang"


def data_dir() -> Path:
    override = os.environ.get("KECHUANG_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    override = os.environ.get("KECHUANG_DATA_DIR")
    return Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP, appauthor=False))


def default_portfolio() -> Path:
    return data_dir() / "portfolio.sqlite"
