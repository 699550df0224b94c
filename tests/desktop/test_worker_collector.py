"""The worker's jobs run with the cyclic collector paused (issue #20, the heartbeat outliers): a job
building many objects set off full passes on the worker that found nothing to free and held
Python's lock — the window waited through each (100–250 ms at city scale)."""
import functools
import gc
import threading
import weakref

import pytest

from desktop.worker import Background, run_later


@pytest.fixture
def passes():
    """(thread id, generation) of every collection while the test runs."""
    was = gc.isenabled()
    gc.enable()
    seen: list[tuple[int, int]] = []

    def note(phase, info):
        if phase == "start":
            seen.append((threading.get_ident(), info["generation"]))

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)
    if not was:
        gc.disable()


def _busy_job(passes):
    """Many young containers kept to the job's end (a screen's rows), as a large job makes them;
    returns its thread, whether the collector ran, and the collections made while it ran."""
    first = len(passes)
    kept = [[i] for i in range(300_000)]
    return threading.get_ident(), gc.isenabled(), len(kept), passes[first:]


def test_a_job_is_not_interrupted_by_collections(qtbot, passes):
    lane = Background()
    out = {}
    lane.submit(lambda: _busy_job(passes), lambda v: out.setdefault("v", v))
    qtbot.waitUntil(lambda: "v" in out, timeout=20000)
    worker, enabled_in_job, n, during = out["v"]
    assert n == 300_000 and not enabled_in_job
    assert during == []  # none while the job ran (the old code: hundreds, on the worker)
    assert (worker, 0) in passes  # the young pass that ends the pause, on the worker
    assert gc.isenabled()


def test_a_job_nobody_waits_for_runs_paused_too(qtbot, passes):
    out = {}
    run_later(lambda: out.setdefault("v", _busy_job(passes)))
    qtbot.waitUntil(lambda: "v" in out and gc.isenabled(), timeout=20000)
    worker, enabled_in_job, _, during = out["v"]
    assert not enabled_in_job and during == []
    assert (worker, 0) in passes


def test_a_failing_job_still_resumes_the_collector(qtbot, passes):
    lane = Background()
    errors = []
    lane.submit(lambda: 1 / 0, lambda v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0], ZeroDivisionError) and gc.isenabled()


class Payload:
    """Stands for what a job's function holds: a dialog, its plan, the portfolio it read."""


def test_a_finished_job_keeps_nothing_its_function_held(qtbot):
    """The pool kept every job it ever ran (QThreadPool.start(QRunnable) gives the pool's wrapper a
    reference; with autoDelete off nothing let it go), and with it each function's closure: closed
    import wizards with their plans, the portfolios of files opened before (~20,000 objects a round)."""
    from desktop.worker import start_early, take_early
    held = [Payload(), Payload(), Payload()]
    gone = [weakref.ref(p) for p in held]
    lane = Background()
    delivered, later = [], []
    lane.submit(functools.partial(isinstance, held[0], Payload), delivered.append)
    run_later(functools.partial(later.append, isinstance(held[1], Payload)))
    run_later(functools.partial(isinstance, held[1], Payload))
    start_early("test-payload", lane, functools.partial(isinstance, held[2], Payload))
    qtbot.waitUntil(lambda: delivered == [True] and later == [True], timeout=10000)
    assert take_early("test-payload", lane)() is True
    del held
    qtbot.wait(50)
    assert [ref() for ref in gone] == [None, None, None]
