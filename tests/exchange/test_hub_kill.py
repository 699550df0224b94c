"""kill -9 during a hub round's push and pull against a real PostgreSQL: nothing acknowledged is
lost, the next round converges, a replayed push is a no-op (issue #19; the rules in hub_kill.py).
"""
from __future__ import annotations

import os
import sys

import pytest
from hub_kill import make_world, trial

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL and process groups"),
              pytest.mark.slow]
BASE_SEED = int(os.environ.get("KECHUANG_CRASH_SEED", "0"))
TRIALS = int(os.environ.get("KECHUANG_HUB_KILL_TRIALS", "6"))


@pytest.fixture
def world(tmp_path, hub):
    server, name = hub
    w = make_world(tmp_path, server, name)
    yield w
    w.office.close()


def test_kill_during_push_loses_nothing_acknowledged(world):
    for n in range(TRIALS):
        trial(world, "push", BASE_SEED * 1000 + 100 + n)
    print(world.line())
    assert world.lost == 0 and world.outcomes["killed in push"] > 0, world.line()


def test_kill_during_pull_then_the_next_round_converges(world):
    for n in range(TRIALS):
        trial(world, "pull", BASE_SEED * 1000 + 200 + n)
    print(world.line())
    assert world.trials == TRIALS, world.line()
