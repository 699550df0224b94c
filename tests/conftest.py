"""Suite-wide set-up."""
import os
import select
import sys
import time
from pathlib import Path

import pytest

if os.environ.get("FAKETIME") and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC"):
    # The date-sensitive tests also run with the system clock moved (packaging/dev.py test
    # --faketime). libfaketime 0.9.10 breaks clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), which
    # Python 3.11's time.sleep uses (wolfcw/libfaketime#426: EINVAL), so the test process sleeps
    # with select() instead; monotonic time is left real so thread waits keep working.
    time.sleep = lambda seconds: select.select([], [], [], max(0.0, seconds))


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL for the whole session, shared by the exchange and desktop tests (CI
    installs `postgresql`: packaging/dev.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent / "exchange"))
    from pg_server import Server, binaries
    if binaries() is None:
        pytest.skip("PostgreSQL is not installed on this machine (apt-get install postgresql)")
    server = Server().start()
    yield server
    server.cleanup()


@pytest.fixture(autouse=True)
def _qt_garbage_collected_on_the_main_thread(request):
    """After a test that used Qt: once the worker is idle, what the test left in garbage cycles
    (closed windows' models, timers, tables made for comparison) is collected here, on the main
    thread. Left over, it was collected by whichever thread next allocated — often the worker
    building the next test's rows — and a Qt object was destroyed there, off the thread that owns
    it: the likely cause of the intermittent segfaults in the desktop tests. What survives is frozen (`gc.freeze`): never
    walked again, so the next test's pass costs what that test made, not the whole session's heap."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    import gc

    from desktop.worker import wait_all
    wait_all(30_000)
    gc.collect()
    gc.freeze()
