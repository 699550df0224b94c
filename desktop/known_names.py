"""The 拼音 of names seen in earlier sessions, kept in the user's data folder (db/pinyin.load_known,
save_known): a cold start reads the register's names' tokens instead of working them out again."""
from __future__ import annotations

import logging
from pathlib import Path

from db import pinyin
from desktop import paths

log = logging.getLogger(__name__)
FILE = "pinyin-names.json"
_loaded: set[Path] = set()


def file() -> Path:
    return paths.data_dir() / FILE


def load() -> None:
    """On the worker, before the first rows: once per data folder and process."""
    where = file()
    if where not in _loaded:
        _loaded.add(where)
        pinyin.load_known(where)


def save(texts) -> None:
    """On the worker, after the rows were shown: keep the names not kept yet (a failure is only logged)."""
    try:
        pinyin.save_known(file(), texts)
    except OSError as exc:
        log.warning("could not keep the names' 拼音 in %s: %s", file(), exc)
