"""Child process for the cold-start and memory figures (run by run.py, one fresh process per run).

    python bench_gui_child.py app FILE   the real app: make_app + build_window on FILE, shown
    python bench_gui_child.py bare       the baseline: a bare PySide6 QMainWindow, shown

Prints one JSON line: `painted` (time.perf_counter() when the first paint of the window
happened; CLOCK_MONOTONIC, so the parent can subtract its own start time), `rows` (when the
project register had its rows, which are built on a worker thread above ASYNC_ABOVE projects),
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


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    marks = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if "painted" not in marks and event.type() == QEvent.Paint:
                marks["painted"] = time.perf_counter()
            return False

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        watcher = FirstPaint()
        app.installEventFilter(watcher)
        window = QMainWindow()
        window.resize(1360, 820)
    else:
        sys.path.insert(0, os.environ["KECHUANG_ROOT"])
        # a locked or unreadable file would ask a question nobody answers: fail loudly instead
        QMessageBox.question = staticmethod(lambda *a, **k: (_ for _ in ()).throw(RuntimeError(a[2] if len(a) > 2 else a)))
        QMessageBox.warning = staticmethod(lambda *a, **k: (_ for _ in ()).throw(RuntimeError(a[2] if len(a) > 2 else a)))
        from desktop.app import build_window, make_app
        app = make_app()
        watcher = FirstPaint()
        app.installEventFilter(watcher)
        window = build_window(sys.argv[2], "zh")
    window.show()
    deadline = time.perf_counter() + 60
    while "painted" not in marks and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.AllEvents, 50)
    if "painted" not in marks:  # no paint event seen: render explicitly
        window.grab()
        marks["painted"] = time.perf_counter()
    out = {"painted": marks["painted"]}
    if mode == "app":
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
        out["row_count"] = len(register.rows())
        out["rss_rows_mb"] = peak_rss_mb()
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


if __name__ == "__main__":
    main()
