"""desktop/start_phase.py: what waits for the register's rows at a start (issue #20: cold start)."""
import gc

import pytest

from desktop import start_phase


@pytest.fixture
def phase():
    was = gc.isenabled()
    yield start_phase
    start_phase.done()  # a test that left a start open ends it
    gc.unfreeze()  # the frozen objects back in the collector's sight for the rest of the run
    if was:
        gc.enable()


def test_outside_a_start_a_job_runs_at_once(phase):
    ran = []
    phase.after_start(lambda: ran.append(1))
    assert ran == [1] and not phase.starting()


def test_jobs_wait_for_the_rows_and_run_once_in_order(phase):
    gc.enable()
    ran = []
    frozen_before = gc.get_freeze_count()
    phase.begin()
    assert phase.starting() and not gc.isenabled()  # no full pass over the start's objects
    phase.after_start(lambda: ran.append("backup"))
    phase.after_start(lambda: ran.append("counts"))
    assert ran == []
    phase.done()
    assert ran == ["backup", "counts"]
    assert gc.isenabled() and gc.get_freeze_count() > frozen_before  # the start's objects out of the collector's sight
    phase.done()
    assert ran == ["backup", "counts"]
    phase.after_start(lambda: ran.append("later"))
    assert ran[-1] == "later"


def test_a_failing_job_does_not_keep_the_others(phase, caplog):
    ran = []
    phase.begin()
    phase.after_start(lambda: 1 / 0)
    phase.after_start(lambda: ran.append(1))
    phase.done()
    assert ran == [1] and "failed" in caplog.text


def test_a_collector_paused_before_the_start_stays_paused(phase):
    gc.disable()
    phase.begin()
    phase.done()
    assert not gc.isenabled()


def test_a_large_files_counts_come_from_the_worker_after_the_start(window, qtbot, monkeypatch, phase):
    """The status bar's counts of a file above ASYNC_ABOVE projects: counted on the worker lane, at a
    start only once the rows are shown."""
    from desktop import status_counts
    monkeypatch.setattr(status_counts, "ASYNC_ABOVE", 0)  # this small file counts as a large one
    pf = window.pf
    phase.begin()
    window._counts = None
    window._update_title()
    assert window._counts is None  # nothing counted beside the rows
    phase.done()
    qtbot.waitUntil(lambda: window._counts is not None)
    assert window._counts == pf.counts()
    assert str(pf.counts()["projects"]) in window.statusBar().currentMessage()
