"""Child process for the hub kill trials (hub_kill.py; not a test module itself).

    python hub_sync_child.py push PORTFOLIO URL UUID START    edit then sync, in a loop
    python hub_sync_child.py pull PORTFOLIO URL               sync, in a loop

Opens the portfolio, prints "READY". push: step i (from START) gives the project UUID the notes
"v<i>:" and `total_investment` i — "B i" before, "A i" once the edit was acknowledged — then runs
a hub round and prints "S i" once it returned (the hub then holds step i). pull: prints "S n"
after the n-th round. Every line is one write(2): what was printed survives the SIGKILL.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.exchange.hub import sync_hub  # noqa: E402
from db.portfolio import Portfolio  # noqa: E402


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def main(argv: list[str]) -> None:
    mode, path, url = argv[0], Path(argv[1]), argv[2]
    with Portfolio.open(path) as pf:
        say("READY")
        i = int(argv[4]) if mode == "push" else 0
        while True:
            if mode == "push":
                say(f"B {i}")
                pf.update("projects", argv[3], {"notes": f"v{i}:", "total_investment": i})
                say(f"A {i}")
            report = sync_hub(pf, url)
            if report.offline or report.refused:
                say(f"E {report.offline or report.refused}")
                return
            say(f"S {i}")
            i += 1


if __name__ == "__main__":
    main(sys.argv[1:])
