"""An office and units syncing through an exchange folder or a hub (issue #19 scenarios)."""
from __future__ import annotations

from pathlib import Path

from db import builtin
from db.exchange.folder import sync_folder
from db.exchange.hub import grant_hub, sync_hub
from db.portfolio import Portfolio

UNIT_ROLES = ("unit_a", "unit_b", "unit_c")


def dump(pf) -> dict:
    return pf.dump()


class Sites:
    """office + 3 units, each a portfolio file of its own (the units start from the office's file)."""

    def __init__(self, tmp: Path, transport: str, hub=None):
        self.tmp = tmp
        self.transport = transport
        self.office = Portfolio.open(tmp / "office.sqlite", create=True)
        builtin.load(self.office)
        projects = [p for p in self.office.list("projects") if p["lead_unit_id"]]
        leads = []
        for p in projects:
            if p["lead_unit_id"] not in leads:
                leads.append(p["lead_unit_id"])
        self.unit_ids = leads[:3]
        self.projects = {u: [p["id"] for p in projects if p["lead_unit_id"] == u] for u in self.unit_ids}
        self.units = []
        for i in range(3):
            self.office.save_as(tmp / f"unit{i}.sqlite")
            self.units.append(Portfolio.open(tmp / f"unit{i}.sqlite"))
        self.folder = tmp / "share"
        self.folder.mkdir()
        if transport == "hub":
            server, name = hub
            self.server, self.db = server, name
            grant_hub(server.url(db=name), "office", [], True)
            for role, unit in zip(UNIT_ROLES, self.unit_ids, strict=True):
                grant_hub(server.url(db=name), role, [unit], False)

    @property
    def all(self):
        return [self.office, *self.units]

    def url(self, i: int) -> str:
        role = "office" if i == 0 else UNIT_ROLES[i - 1]
        return self.server.url(user=role, db=self.db)

    def sync(self, i: int):
        pf = self.all[i]
        if self.transport == "folder":
            return sync_folder(pf, self.folder)
        return sync_hub(pf, self.url(i))

    def settle(self):
        """Two full rounds: everyone's edits reach everyone."""
        for _ in range(2):
            for i in range(4):
                self.sync(i)

    def close(self):
        for pf in self.all:
            pf.close()
