"""Figures of the benchmark run: timing helpers, percentiles and the figure record run.py prints."""
from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable


def _once(fn: Callable, setup: Callable | None, teardown: Callable | None) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one run of fn(state) (state = setup() or
    None), setup and teardown not timed."""
    state = setup() if setup else None
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    fn(state) if setup else fn()
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    if teardown:
        teardown(state)
    return cpu, wall


def timed(fn: Callable, repeat: int, setup: Callable | None = None, teardown: Callable | None = None) -> list[float]:
    """Seconds per run of fn(state) (state = setup() or None), setup/teardown not timed."""
    return [_once(fn, setup, teardown)[1] for _ in range(max(repeat, 1))]


def alternated(fn: Callable, base: Callable, repeat: int, setup: Callable | None = None,
               teardown: Callable | None = None) -> tuple[tuple[list[float], list[float]], tuple[list[float], list[float]]]:
    """((CPU seconds, wall seconds) per run of fn(state), the same of base()), the runs alternated
    (fn, base, fn, base …): a figure and its baseline measured in the same moments of a shared
    machine's load, not one after the other (a neighbour's burst then falls on both, not on one side
    of the ratio). On this 2-core machine the wall clock mostly measures the neighbours; a
    single-threaded job's CPU time is its own work."""
    ours, theirs = [], []
    for _ in range(max(repeat, 1)):
        ours.append(_once(fn, setup, teardown))
        theirs.append(_once(base, None, None))
    return ([c for c, _ in ours], [w for _, w in ours]), ([c for c, _ in theirs], [w for _, w in theirs])


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks."""
    s = sorted(samples)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def figure(name: str, value: float | None, unit: str, baseline: float | None = None, *,
           max_value: float | None = None, max_ratio: float | None = None, note: str = "",
           baseline_note: str = "", samples: list[float] | None = None, cpu: float | None = None,
           baseline_cpu: float | None = None) -> dict:
    """One figure: value vs the baseline measured in the same run, and whether it meets its target.

    `target` is {"max": …, "max_ratio": …} (either may be absent) or None when the figure is
    informative only; `ok` is None then, and also when the value could not be measured. `cpu` (and
    `baseline_cpu`): the same measured as CPU time, beside the wall clock on a busy machine.
    """
    ratio = round(value / baseline, 2) if value is not None and baseline else None
    target = {k: v for k, v in (("max", max_value), ("max_ratio", max_ratio)) if v is not None} or None
    ok = None
    if value is not None and target:
        ok = (max_value is None or value <= max_value) and (max_ratio is None or (ratio is not None and ratio <= max_ratio))
    out = {"name": name, "value": _round(value), "unit": unit, "baseline": _round(baseline), "ratio": ratio,
           "target": target, "ok": ok}
    if note:
        out["note"] = note
    if baseline_note:
        out["baseline_is"] = baseline_note
    if samples:
        out["samples"] = [_round(s) for s in samples]
    if cpu is not None:
        out["cpu"] = _round(cpu)
    if baseline_cpu is not None:
        out["baseline_cpu"] = _round(baseline_cpu)
    return out


def unavailable(name: str, unit: str, note: str, *, max_value=None, max_ratio=None) -> dict:
    target = {k: v for k, v in (("max", max_value), ("max_ratio", max_ratio)) if v is not None} or None
    return {"name": name, "value": None, "unit": unit, "baseline": None, "ratio": None, "target": target,
            "ok": None, "note": note}


def _round(x):
    if x is None:
        return None
    return round(x, 4) if abs(x) < 10 else round(x, 1)


def fmt_target(target: dict | None, unit: str) -> str:
    if not target:
        return "—"
    parts = []
    if "max" in target:
        parts.append(f"≤ {target['max']:g} {unit}")
    if "max_ratio" in target:
        parts.append(f"≤ {target['max_ratio']:g}× baseline")
    return " and ".join(parts)


def table(figures: list[dict]) -> str:
    """The figures as an aligned text table (value, baseline, ratio, target, verdict)."""
    rows = [("figure", "value", "baseline", "ratio", "target", "", "CPU (baseline)")]
    for f in figures:
        v = "n/a" if f["value"] is None else f"{f['value']:g} {f['unit']}"
        b = "—" if f["baseline"] is None else f"{f['baseline']:g} {f['unit']}"
        r = "—" if f["ratio"] is None else f"{f['ratio']:g}×"
        verdict = {True: "within", False: "OVER", None: ""}[f["ok"]]
        if f["value"] is None:
            verdict = f.get("note", "not available")
        cpu = "" if f.get("cpu") is None else f"{f['cpu']:g} {f['unit']}" + (
            f" ({f['baseline_cpu']:g} {f['unit']})" if f.get("baseline_cpu") is not None else "")
        rows.append((f["name"], v, b, r, fmt_target(f["target"], f["unit"]), verdict, cpu))
    widths = [max(_w(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c + " " * (widths[i] - _w(c)) for i, c in enumerate(r)).rstrip() for r in rows)


def growth(small: float | None, large: float | None, size_ratio: float) -> tuple[float | None, float | None]:
    """How a figure grew between two scales: × and as an exponent of the size ratio
    (1.0 grows linearly with the data, 2.0 quadratically; ~0 does not depend on it)."""
    if not small or not large or size_ratio <= 1:
        return None, None
    times = large / small
    return round(times, 2), round(math.log(times) / math.log(size_ratio), 2)


def growth_table(city: list[dict], province: list[dict], size_ratio: float) -> str:
    """Per figure measured at both scales: city value, province value, growth × and exponent."""
    by_name = {f["name"]: f for f in city}
    rows = [("figure", "city", "province", "growth", "exponent", "load city/prov")]
    for f in province:
        c = by_name.get(f["name"])
        if c is None:
            continue
        times, exp = growth(c["value"], f["value"], size_ratio)
        flag = "  ← super-linear" if exp is not None and exp > 1.2 else ""
        rows.append((f["name"], "n/a" if c["value"] is None else f"{c['value']:g} {c['unit']}",
                     "n/a" if f["value"] is None else f"{f['value']:g} {f['unit']}",
                     "—" if times is None else f"{times:g}×", ("—" if exp is None else f"n^{exp:g}") + flag,
                     f"{c.get('load', '?')}/{f.get('load', '?')}"))
    widths = [max(_w(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c + " " * (widths[i] - _w(c)) for i, c in enumerate(r)).rstrip() for r in rows)


def _w(text: str) -> int:
    """Display width (CJK and ≤/× count as in a terminal: wide characters take two cells)."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
