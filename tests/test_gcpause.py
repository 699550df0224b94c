"""db/sheets/gcpause.py: the cyclic collector's pause is counted across threads (issue #20: the
worker's jobs, the UI thread's large edits and the start overlap)."""
import gc
import threading
import weakref

import pytest

from db.sheets import gcpause


@pytest.fixture
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    assert gcpause.holding() == 0
    if not was:
        gc.disable()


def test_the_collector_resumes_when_the_last_pause_ends_on_any_thread(collecting):
    gcpause.hold()  # e.g. the start, on the UI thread
    assert not gc.isenabled()
    on_worker = threading.Event()
    release_worker = threading.Event()

    def job():  # a worker job's pause, overlapping the UI thread's
        with gcpause.paused():
            on_worker.set()
            release_worker.wait(5)

    t = threading.Thread(target=job)
    t.start()
    assert on_worker.wait(5)
    gcpause.release()  # the start ends while the job still runs: still paused
    assert not gc.isenabled()
    release_worker.set()
    t.join(5)
    assert gc.isenabled()


def test_a_collector_stopped_before_the_first_pause_stays_stopped(collecting):
    gc.disable()
    with gcpause.paused():
        with gcpause.paused():
            pass
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_pause_ends_with_the_young_objects_walked_once(collecting):
    """What the paused work made is walked at the pause's end by the thread ending it: tuples of
    plain values leave the collector's sight there, not in a pass on whichever thread comes next."""
    with gcpause.paused():
        rows = [(f"id-{i}", "name", None, i) for i in range(1000)]
        assert gc.is_tracked(rows[0])
    assert not any(gc.is_tracked(r) for r in rows)
    assert gc.get_count()[0] < 100


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_what_survives_a_pause_is_frozen_and_cycles_made_meanwhile_are_freed(collecting):
    with gcpause.paused():
        kept = [Node() for _ in range(3)]
        dropped = weakref.ref(Node())
        assert dropped() is not None  # in a cycle: reference counting alone keeps it
    assert dropped() is None  # freed by the young pass that ends the pause
    assert all(gc.is_tracked(n) for n in kept)
    assert not any(any(o is n for o in gc.get_objects()) for n in kept)  # frozen: out of every pass
    assert gc.get_freeze_count() > 0


def test_a_cycle_that_dies_frozen_is_freed_by_collect_all(collecting):
    with gcpause.paused():
        node = Node()
    gone = weakref.ref(node)
    del node
    gc.collect()
    assert gone() is not None  # frozen: a full pass does not see it
    assert gcpause.collect_all() >= 1 and gone() is None


def test_a_release_without_a_pause_is_a_bug(collecting):
    with pytest.raises(RuntimeError):
        gcpause.release()
    assert gc.isenabled()


def test_a_pause_ending_during_another_collection_freezes_nothing(collecting):
    """gc.freeze moves the collector's lists: made while another thread's collection was under way
    (paused in a finaliser that let go of the GIL) it crashed the process (CI). A pause that ends
    then leaves the lists alone; its objects are walked by a later pass."""
    gcpause.collect_all()
    ended_inside = []

    def pause_ends_inside(phase, info):
        if phase == "start" and not ended_inside:
            before = gc.get_freeze_count()
            with gcpause.paused():
                kept = [Node() for _ in range(50)]
            ended_inside.append((before, gc.get_freeze_count(), len(kept)))

    gc.callbacks.insert(0, pause_ends_inside)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(pause_ends_inside)
    before, after, _ = ended_inside[0]
    assert after == before and gc.isenabled()


def test_a_finaliser_that_pauses_during_the_pauses_own_collection_does_not_deadlock(collecting):
    class PausesWhenFreed:
        def __init__(self):
            self.me = self

        def __del__(self):
            with gcpause.paused():
                pass

    done = threading.Event()

    def run():
        with gcpause.paused():
            PausesWhenFreed()  # garbage in a cycle: freed by the young pass that ends the pause
        gcpause.collect_all()
        done.set()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    assert done.wait(10)
    assert gc.isenabled()
