"""Replicas for exchange tests: an office's portfolio file and helpers to swap files."""
import itertools
from pathlib import Path

from db import builtin
from db.exchange.export import export
from db.exchange.merge import merge
from db.portfolio import Portfolio


class Office:
    """One replica: a portfolio file plus helpers to send it to / receive from others."""

    def __init__(self, folder: Path, name: str, with_builtin: bool = True, file: Path | None = None):
        """A new portfolio `<name>.sqlite` in `folder` (built-in data unless with_builtin=False), or
        the portfolio `file` that already exists (a save-as copy, a file received from elsewhere)."""
        self.folder = folder
        self.name = name
        self._n = itertools.count()  # its own: a-out-0 is A's first file whatever ran before
        self.pf = Portfolio.open(file) if file is not None else Portfolio.open(folder / f"{name}.sqlite", create=True)
        if with_builtin and file is None:
            builtin.load(self.pf)

    def send(self, **slice_) -> Path:
        out = self.folder / f"{self.name}-out-{next(self._n)}.sqlite"
        export(self.pf, out, **slice_)
        return out

    def receive(self, path: Path, **kw):
        return merge(self.pf, path, **kw)

    def close(self):
        self.pf.close()


def exchange(a: Office, b: Office):
    """A sends to B, then B sends (everything, now including A's) back to A."""
    rb = b.receive(a.send())
    ra = a.receive(b.send())
    return rb, ra


def state(pf) -> dict:
    """Every record (tombstones included) with its values — what must converge."""
    from db.model import KINDS
    return {k: {r["id"]: r for r in pf.list(k, include_deleted=True)} for k in KINDS}
