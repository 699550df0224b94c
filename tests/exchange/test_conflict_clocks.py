"""A conflict keeps each side's own clock (merge_conflicts.winner_hlc / loser_hlc), whichever
side's value won: the losing value's clock is the one its side wrote it with, not the winner's."""
import time

from db.builtin import builtin_id
from db.exchange.export import export
from db.exchange.merge import merge
from db.model import KINDS
from db.store import sync

FACILITY = builtin_id("000-p-5-1")  # 超瞬态实验装置


def zone_clock(pf) -> str:
    with pf.read() as db:
        return sync.cell_clock(db, KINDS["projects"], FACILITY, "zone")


def recorded(pf) -> list[tuple]:
    with pf.read() as db:
        return [(r[3], r[4], r[6], r[5], r[7]) for r in sync.open_conflicts(db)]


def test_each_side_keeps_its_own_clock_whichever_side_won(offices, tmp_path):
    a, b = offices("ca"), offices("cb")
    a.pf.update("projects", FACILITY, {"zone": "科学谷"})
    a_clock = zone_clock(a.pf)
    time.sleep(0.003)  # a later millisecond: b's edit wins
    b.pf.update("projects", FACILITY, {"zone": "曾家片区"})
    b_clock = zone_clock(b.pf)
    assert a_clock < b_clock
    export(a.pf, tmp_path / "from-a.sqlite")
    export(b.pf, tmp_path / "from-b.sqlite")
    want = [("zone", '"曾家片区"', b_clock, '"科学谷"', a_clock)]

    assert merge(a.pf, tmp_path / "from-b.sqlite").totals()["conflicts"] == 1  # the incoming side wins
    assert a.pf.get("projects", FACILITY)["zone"] == "曾家片区"
    assert recorded(a.pf) == want

    assert merge(b.pf, tmp_path / "from-a.sqlite").totals()["conflicts"] == 1  # our side wins
    assert b.pf.get("projects", FACILITY)["zone"] == "曾家片区"
    assert recorded(b.pf) == want
