"""The fault soak's short version for CI (issue 23; the long one is tests/soak/soak_faults.py):
a full disk under export, brief and merge, kill -9 of merge and of a 调度表 import, and two
writers at once (a `kechuang set` loop beside a GUI-like holder), each checked as the soak checks.
"""
from __future__ import annotations

import random

import fault_trials as ft
import fault_writers as fw
import pytest


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    ft.TIMING_RUNS = 1
    return ft.make_world(tmp_path_factory.mktemp("faults") / "world")


@pytest.fixture(scope="module")
def space():
    s = ft.Space(8)
    yield s
    s.close()


@pytest.mark.parametrize("op,free", [("export", 0), ("brief", 65536), ("merge", 262144), ("backup", 4096)])
def test_a_full_disk_leaves_the_working_file_sound_and_says_so_in_one_line(world, space, op, free):
    tally = ft.DiskTally()
    ft.disk_full_trial(world, space, ft.OPS[op], free, tally)
    assert tally.failures == [], tally.failures
    assert tally.refused + tally.succeeded == 1


@pytest.mark.parametrize("op", ["merge", "import-template"])
def test_killed_mid_way_the_working_file_is_before_or_after(world, op, tmp_path):
    tally = ft.KillTally()
    rng = random.Random(f"short-{op}")
    for _ in range(2):
        ft.kill_trial(world, ft.OPS[op], tmp_path, rng, tally)
    assert tally.failures == [], tally.failures
    assert tally.before + tally.after == 2


def test_two_writers_at_once_lose_nothing(tmp_path):
    tally = fw.writers_run(tmp_path, 3.0, cli_writers=1, gui=True, readers=1, hold_ms=300, pause_ms=150)
    assert tally.failures == [], tally.failures
    assert tally.lost == 0
    assert tally.acknowledged.get("gui") and tally.acknowledged.get("cli0"), tally.acknowledged
