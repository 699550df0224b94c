"""Child process for the cold-start and memory figures (run by run.py, one fresh process per run).

    python bench_gui_child.py app FILE   the real app as the user starts it: `python -m desktop.cli gui FILE`
                                         (packaging/dev.py run), a returning user (使用指引 seen before)
    python bench_gui_child.py bare       the baseline: a bare PySide6 QMainWindow, shown

The child makes the QApplication itself (as make_app would: QApplication(sys.argv[:1]); make_app
takes the existing one) so that it can watch for the first paint from the start; the app's own
`app.exec()` is where the measurement then runs instead of the user's session.

Prints one JSON line: `painted` (time.perf_counter() when the first paint of the window
happened; CLOCK_MONOTONIC, so the parent can subtract its own start time), `rows` (when the
project register had its rows, which are built on a worker thread above ASYNC_ABOVE projects),
`painted_cpu` and `rows_cpu` (the process's CPU time then: on a busy machine the wall clock
mostly measures the wait for a core), `modules_at_paint` (which of AT_PAINT, the heavy libraries
and our core and screens, were imported by the first paint: none is needed to show the window),
and the peak RSS (VmHWM) in MB after the rows were loaded and after every screen was shown once.
"""
import json
import os
import sys
import time


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# none of these is needed to show the window's frame (the core and the screens come after it)
AT_PAINT = ("pyqtgraph", "numpy", "reportlab", "docx", "openpyxl", "icalendar", "psycopg", "PySide6.QtPdf",
            "db.portfolio", "db.colours", "desktop.screens.register", "desktop.screens.project_detail")


def _measure(app, window, marks: dict, deadline: float) -> None:
    """From the first paint to the rows and every screen shown once; prints the JSON line, exits."""
    from PySide6.QtCore import QEventLoop, QTimer

    while "painted" not in marks and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.AllEvents, 50)
    if "painted" not in marks:  # no paint event seen: render explicitly
        window.grab()
        marks["painted"] = time.perf_counter()
        marks["painted_cpu"] = time.process_time()
        marks["modules_at_paint"] = sorted(m for m in AT_PAINT if m in sys.modules)
    out = {key: marks[key] for key in ("painted", "painted_cpu", "modules_at_paint")}
    if window is not None and hasattr(window, "nav"):
        while not hasattr(window, "register") and time.perf_counter() < deadline:  # built after its first paint
            app.processEvents(QEventLoop.AllEvents, 50)
        register = window.register
        # wait the way the app does, blocked in Qt's event loop: a Python polling loop would keep
        # the GIL from the worker thread that builds the rows
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: loop.quit() if len(register.rows()) or time.perf_counter() > deadline + 120
                             else None)
        poll.start(10)
        if len(register.rows()) == 0:
            loop.exec()
        poll.stop()
        app.processEvents()
        out["rows"] = time.perf_counter()
        out["rows_cpu"] = time.process_time()  # every thread's, since the process started
        out["row_count"] = len(register.rows())
        out["rss_rows_mb"] = peak_rss_mb()
        if os.environ.get("KECHUANG_BENCH_SHOTS"):  # the window as the user first saw it, and with its rows
            shots = os.environ["KECHUANG_BENCH_SHOTS"]
            marks["first_frame"].save(os.path.join(shots, "first_paint.png"))
            window.grab().save(os.path.join(shots, "rows.png"))
        for i in range(window.nav.count()):
            window.nav.setCurrentRow(i)
            app.processEvents()
            window.grab()
        window.overview.background.wait()  # 总览's figures are computed on a worker at this scale
        app.processEvents()
        window.nav.setCurrentRow(0)
        app.processEvents()
    out["rss_mb"] = peak_rss_mb()
    print(json.dumps(out), flush=True)
    if not os.environ.get("KECHUANG_BENCH_PROFILE"):  # a profiler needs the normal exit to write
        os._exit(0)  # teardown is not part of any figure
    sys.exit(0)


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    marks: dict = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if "painted" not in marks and event.type() == QEvent.Paint:
                marks["painted"] = time.perf_counter()
                marks["painted_cpu"] = time.process_time()
                marks["modules_at_paint"] = sorted(m for m in AT_PAINT if m in sys.modules)
                if os.environ.get("KECHUANG_BENCH_SHOTS"):
                    # the window as it is painted now (grabbed after this event: the paint itself must go first)
                    from PySide6.QtCore import QTimer
                    top = obj.window()
                    QTimer.singleShot(0, lambda: marks.setdefault("first_frame", top.grab()))
            return False

    app = QApplication(sys.argv[:1])
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    deadline = time.perf_counter() + 60
    if mode == "bare":
        window = QMainWindow()
        window.resize(1360, 820)
        window.show()
        _measure(app, window, marks, deadline)
        return
    sys.path.insert(0, os.environ["KECHUANG_ROOT"])
    # a locked or unreadable file would ask a question nobody answers: fail loudly instead
    QMessageBox.question = staticmethod(lambda *a, **k: (_ for _ in ()).throw(RuntimeError(a[2] if len(a) > 2 else a)))
    QMessageBox.warning = staticmethod(lambda *a, **k: (_ for _ in ()).throw(RuntimeError(a[2] if len(a) > 2 else a)))
    data = os.environ["KECHUANG_DATA_DIR"]
    if not os.path.exists(os.path.join(data, "settings.ini")):
        with open(os.path.join(data, "settings.ini"), "w", encoding="utf-8") as fh:
            fh.write("[General]\ntour_done=true\n")  # a returning user: the guide is not shown again

    def session(self):
        windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
        _measure(app, windows[0] if windows else None, marks, deadline)

    QApplication.exec = session  # run_gui's app.exec(): the measurement instead of the user's session
    import runpy
    sys.argv = ["kechuang", "gui", sys.argv[2]]
    runpy.run_module("desktop.cli", run_name="__main__", alter_sys=True)  # python -m desktop.cli gui FILE


if __name__ == "__main__":
    main()
