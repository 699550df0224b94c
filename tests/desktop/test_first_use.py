"""Heavy libraries load on the worker, not on the UI thread (issue #20): the charts' pyqtgraph once
the register's rows are there, so the first 总览 only builds its screen."""
from windows import probe

PROBE = """
import json, sys, threading, time
importers = {}

class Watch:  # which thread imports pyqtgraph (and numpy)
    def find_spec(self, name, path=None, target=None):
        if name in ("pyqtgraph", "numpy"):
            importers[name] = threading.current_thread() is threading.main_thread()
        return None

sys.meta_path.insert(0, Watch())
from desktop.app import build_window, make_app
from desktop.worker import wait_all
app = make_app()
w = build_window(sys.argv[1], "zh")
w.show()
at_start = "pyqtgraph" in sys.modules
t0 = time.perf_counter()
while "pyqtgraph" not in sys.modules and time.perf_counter() - t0 < 30:
    app.processEvents()
    time.sleep(0.02)
wait_all()
app.processEvents()
built = {n: p.built for n, p in w.pages.items()}
w.nav.setCurrentRow(w.screens.index(w.pages["overview"]))
t0 = time.perf_counter()
while w.overview.figures is None and time.perf_counter() - t0 < 30:
    app.processEvents()
    time.sleep(0.02)
print(json.dumps({"at_start": at_start, "on_ui_thread": importers, "built_before": built,
                  "overview": w.overview.figures is not None}))
"""


def test_charts_library_loads_on_the_worker_after_the_rows(builtin_file, tmp_path):
    state = probe(PROBE, builtin_file, tmp_path / "data", timeout=180)
    assert state["at_start"] is False  # not before the window is up (the cold start is untouched)
    assert state["on_ui_thread"] == {"pyqtgraph": False, "numpy": False}  # imported by the worker
    assert not any(state["built_before"].values())  # only the library: screens are built when shown
    assert state["overview"] is True  # and the 总览 works with it
