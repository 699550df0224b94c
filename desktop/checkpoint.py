"""Keep the portfolio file on disk current while the app is open (issue #21).

SQLite's write-ahead log holds new edits beside the file (`-wal`) until a checkpoint copies them
in; a user who copies or e-mails the .sqlite would otherwise send old data. After each saved edit,
once the user has paused for a moment, the checkpoint runs on the worker lane (desktop/worker.py),
never on the UI thread.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from desktop.worker import Background

log = logging.getLogger(__name__)

IDLE_MS = 800  # after the last edit of a burst


class Checkpointer(QObject):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self.run)
        self.background = Background(self)
        # every saved edit, merge, restore or newly opened file: run() reads session.pf when it fires
        session.changed.connect(lambda _changes: self.timer.start())

    def run(self) -> None:
        pf = self.session.pf
        if pf is None or pf.readonly:
            return
        self.background.submit(pf.checkpoint, lambda _none: None,
                               lambda exc: log.warning("checkpoint failed: %s", exc))
