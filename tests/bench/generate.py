"""Build a realistic city-scale portfolio file through the core's write path (issue #10).

    python tests/bench/generate.py OUT [--scale small|city|province] [--projects N --milestones N
                                        --challenges N --teams N --indicators N --units N
                                        --problems N --attachments N --seed S]

City scale (the default): 10,000 projects, 100,000 milestones, 2,000 challenges, 10,000 teams,
200 indicators with ten years of values, 1,000 督办 problems with their handling steps, 600 evidence
photos. Province: 30,000 / 300,000 / 6,000 / 30,000, 1,500 units, 600 indicators, 3,000 problems,
1,800 photos (bench_gen_problems.py). Every record goes through `Portfolio.apply` (so it is
validated and clock-stamped like a user's edit); about one milestone in eight is re-planned
afterwards with an Update carrying a reason, which leaves its slip in the log. Dates are laid out
around a fixed reference day (REFERENCE) so the colours come out varied: done early / on time /
late, overdue, due soon, blocked, suspended projects, investment behind or ahead of pace.

The same seed gives the same records, ids and values; only what the core itself stamps differs
between two runs: cell clocks, the site id, and the slip-log records (their ids and `recorded_at`).
`cached()` keeps generated files under a cache folder keyed by the parameters, the seed and
this generator's source, so repeated benchmark runs reuse them.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

from bench_gen import REFERENCE, Gen  # noqa: E402
from bench_gen_problems import attachments, problems  # noqa: E402

from db.portfolio import Portfolio  # noqa: E402

CITY = {"projects": 10_000, "milestones": 100_000, "challenges": 2_000, "teams": 10_000, "indicators": 200,
        "problems": 1_000, "attachments": 600}
SMALL = {"projects": 300, "milestones": 3_000, "challenges": 60, "teams": 300, "indicators": 20,
         "problems": 30, "attachments": 20}
PROVINCE = {"projects": 30_000, "milestones": 300_000, "challenges": 6_000, "teams": 30_000, "indicators": 600,
            "units": 1_500, "problems": 3_000, "attachments": 1_800}
SCALES = {"small": SMALL, "city": CITY, "province": PROVINCE}
# Kinds added after the first ones: a step `EXTRA[kind] = fn(gen, n)` and a count in the scales;
# generate() calls each step after the built-in kinds, in the scale's order, before the re-plans. A
# count with no step is an error, so a scale cannot silently lack a kind it asks for.
EXTRA: dict = {"problems": problems, "attachments": attachments}  # (photos go on problems too)


def generate(out: Path, *, projects: int, milestones: int, challenges: int, teams: int,
             indicators: int = 200, units: int | None = None, seed: int = 1, quiet: bool = True,
             **extra: int) -> Path:
    """Write a new portfolio file at `out` (replacing it) and return its path."""
    out = Path(out)
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    team_ms = min(milestones // 10, teams * 3) if teams and challenges else 0
    with Portfolio.open(out, create=True, today=lambda: REFERENCE) as pf:
        g = Gen(pf, seed)
        missing = sorted(set(extra) - set(EXTRA))
        if missing:
            raise ValueError(f"no generator step registered for {missing} (generate.EXTRA)")
        g.units(units or max(60, projects // 16))
        g.projects(projects)
        g.project_milestones(milestones - team_ms)
        g.challenges(challenges, teams, team_ms)
        g.indicators(indicators)
        for kind, n in extra.items():
            EXTRA[kind](g, n)
        g.flush()
        g.replan()
        pf.set_meta("bench_reference_date", REFERENCE.isoformat())
        pf._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if not quiet:
            print(f"generated {pf.counts()} in {time.perf_counter() - t0:.1f} s -> {out}", file=sys.stderr)
    return out


def cache_key(params: dict, seed: int) -> str:
    h = hashlib.sha256()
    for name in ("generate.py", "bench_gen.py", "bench_gen_problems.py", "bench_names.py"):
        h.update((HERE / name).read_bytes())
    h.update(repr((sorted(params.items()), seed)).encode())
    from db.store.schema import SCHEMA_VERSION
    h.update(str(SCHEMA_VERSION).encode())
    return h.hexdigest()[:16]


def default_cache() -> Path:
    return Path(os.environ.get("KECHUANG_BENCH_CACHE")
                or Path(os.environ.get("TMPDIR", "/tmp")) / "kechuang-bench-cache")


def cached(params: dict, seed: int = 1, cache: Path | None = None, quiet: bool = True) -> Path:
    """The portfolio for these parameters and seed, generated on first use and reused after."""
    cache = Path(cache or default_cache())
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"portfolio-{params['projects']}p-{cache_key(params, seed)}.sqlite"
    if not path.exists():
        tmp = cache / f".{path.name}.{os.getpid()}.tmp"
        generate(tmp, seed=seed, quiet=quiet, **params)
        os.replace(tmp, path)
        for suffix in ("-wal", "-shm", ".lock"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", choices=tuple(SCALES), default="city", help="the counts to start from")
    for key in PROVINCE:
        ap.add_argument(f"--{key}", type=int, help="override the scale's count")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    params = dict(SCALES[args.scale])
    params.update({k: getattr(args, k) for k in PROVINCE if getattr(args, k) is not None})
    generate(args.out, seed=args.seed, quiet=False, **params)
    return 0


if __name__ == "__main__":
    sys.exit(main())
