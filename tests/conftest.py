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
