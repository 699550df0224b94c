"""The time a received file may keep SQLite busy (db/store/received.py TIME_BUDGET_S) is the reading
thread's CPU time: a file built to be slow is refused, a large file read on a busy machine is not
(a province file took 35 s of wall time at load 7 and a niced reader was refused as "超时")."""
from __future__ import annotations

import hashlib
import itertools
import time
from types import SimpleNamespace

import pytest
from replicas import Office

from db.store import received
from db.store.received import RefusedFile


@pytest.fixture()
def sent(tmp_path):
    sender = Office(tmp_path, "sender")
    path = sender.send()
    sender.close()
    return path


def test_a_read_over_the_budget_is_refused_with_one_line(sent, monkeypatch):
    before = hashlib.sha256(sent.read_bytes()).hexdigest()
    monkeypatch.setattr(received, "TIME_BUDGET_S", 0.0)
    with pytest.raises(RefusedFile) as err:
        received.read(sent)
    message = str(err.value)
    assert "超时" in message and sent.name in message and "\n" not in message
    assert hashlib.sha256(sent.read_bytes()).hexdigest() == before


def test_wall_time_the_reader_waits_for_the_processor_does_not_count(sent, monkeypatch):
    """Every look at the wall clock finds ten minutes gone (a machine busy with other work): the
    reading thread itself used a fraction of a second, so the file is read."""
    ticks = itertools.count(step=600.0)
    monkeypatch.setattr(received, "time", SimpleNamespace(monotonic=lambda: next(ticks),
                                                          thread_time=time.thread_time))
    incoming = received.read(sent)
    assert incoming.rows["projects"]
