"""tests/conftest.py collects on the main thread what a Qt test left in garbage cycles, before the
next test's worker can allocate: a Qt object destroyed on the worker crashed the event loop
(intermittent segfaults). Reproduced without it: a QTimer's cycle, left by one test, was
finalised on the worker that built the next test's rows. The two tests run in this order."""
import gc
import threading

FINALISED_ON: list[str] = []


class _Cycle:
    def __init__(self):
        from PySide6.QtCore import QTimer
        self.timer = QTimer()  # no parent: Python owns it, and deletes it where the cycle is freed
        self.me = self

    def __del__(self):
        FINALISED_ON.append(threading.current_thread().name)


def test_a_qt_test_leaves_a_cycle_holding_a_qt_object(qtbot):
    gc.collect()
    FINALISED_ON.clear()
    _Cycle()
    assert FINALISED_ON == []  # garbage now, freed only by a collection


def test_the_cycle_was_collected_on_the_main_thread_before_the_next_test(qtbot):
    def allocate():  # what a worker does: enough new objects to start a collection if one is due
        kept = [{"a": [i]} for i in range(gc.get_threshold()[0] * 40)]
        del kept
    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert FINALISED_ON == [threading.main_thread().name]
