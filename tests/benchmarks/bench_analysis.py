"""What-if analysis benchmarks (`make bench`, or `python -m tests.benchmarks.bench_analysis`):
measured and reported, never asserted.

- the whole analysis of each case, cold (every valid world, every level, influence, minimal
  conditions, unknown facts, one-flip sensitivity, decomposition), median of several runs;
- the naive loop it replaces: `evaluate` in every valid world. Over the record case's
  millions of worlds that takes hours, so by default it is timed on a seeded sample and
  extrapolated (labelled so); `--naive-full` runs it whole;
- one click in the What-if panel: the analysis of a one-flip world with the trees cached
  (and the panel's own re-render), and its first view, before the trees are compiled
  (the one-flip neighbours evaluated instead);
- growth: the record case with 0..k extra hypothetical parties (a temporary copy).

Targets (ARCHITECTURE section 7, issue 9): whole analysis < 0.4 s and >= 50x the naive loop
(stated for the 18-toggle record case); panel update < 50 ms.
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from mootcourt import Case, World, evaluate, load_case
from mootcourt.analysis import explain
from mootcourt.analysis.compile import clear_caches, compile_level, space_of

from .bench_engine import timings

CASES = ("liu-v-platform-2024", "pang-v-qunar-2017")
RECORD = "liu-v-platform-2024"


def median_of(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    """The median of `repeat` calls, each measured as it comes (no warm-up: the analysis's
    first call is what the cold figures are about)."""
    runs = timings(fn, repeat, warm_up=False)
    return statistics.median(runs), runs


def cold_analysis(case: Case) -> None:
    clear_caches()
    explain(case)


def sample_worlds(case: Case, n: int, seed: int = 1) -> list:
    space = space_of(case)
    valid = space.valid.to_bytes(space.size // 8 + 1, "little")
    rng = random.Random(seed)
    record = case.record_world()
    found: list = []
    while len(found) < n:
        number = rng.randrange(space.size)
        if valid[number >> 3] >> (number & 7) & 1:
            found.append(record.with_toggles(space.world_at(number)))
    return found


def naive_loop(case: Case, sample: int | None) -> tuple[float, int, bool]:
    """Seconds for `evaluate` over every valid world (measured, or extrapolated from a
    sample), the number of valid worlds, and whether it was extrapolated."""
    space = space_of(case)
    total = space.valid.bit_count()
    if sample is None or sample >= total:
        valid = space.valid.to_bytes(space.size // 8 + 1, "little")
        record = case.record_world()
        worlds = [
            record.with_toggles(space.world_at(n))
            for n in range(space.size)
            if valid[n >> 3] >> (n & 7) & 1
        ]
        start = time.perf_counter()
        for world in worlds:
            evaluate(case, world)
        return time.perf_counter() - start, total, False
    worlds = sample_worlds(case, sample)
    start = time.perf_counter()
    for world in worlds:
        evaluate(case, world)
    per_world = (time.perf_counter() - start) / len(worlds)
    return per_world * total, total, True


def flips(case: Case) -> Iterator[World]:
    """The record world with one more toggle flipped (and the `requires` cascade), each
    toggle that is not blocked in turn, for ever: what a student's clicks ask for."""
    record = case.record_world()
    toggles = [t for t in case.toggles if not record.blocked_by(t)]
    for t in itertools.cycle(toggles):
        yield record.with_toggles({t: not record[t]}, cascade=True)


def click(case: Case) -> Callable[[], object]:
    """One What-if update: the analysis of the world after one more flip (trees cached, as
    in the panel), cycling through the toggles."""
    explain(case, conditions=False)  # warm: the trees are compiled once per doctrine
    worlds = flips(case)
    return lambda: explain(case, dict(next(worlds)), conditions=False)


def panel_update(case: Case) -> Callable[[], object] | None:
    try:
        from mootcourt.ui.whatif import WhatIfPanel
    except ImportError:
        return None
    panel = WhatIfPanel(case, "en")
    panel.show(evaluate(case, case.record_world()), "en")
    worlds = flips(case)
    return lambda: panel.show(evaluate(case, next(worlds)), "en")


def with_extra_parties(folder: Path, k: int) -> Path:
    """A temporary copy of the record case with `k` more hypothetical handlers, each holding
    the order number, phone and address (so each is a possible source party by party and is
    excluded field by field unless it also holds the real name)."""
    root = folder / f"lessons-{k}"
    source = load_case(RECORD)
    shutil.copytree(source.root / "law", root / "law")
    shutil.copytree(source.path.parent, root / RECORD)
    data = yaml.safe_load((root / RECORD / "case.yaml").read_text("utf-8"))
    for i in range(k):
        data["parties"].append(
            {
                "id": f"extra_party_{i}",
                "role": "handler",
                "hypothetical": True,
                "label": {"zh-CN": f"假设的第{i + 1}方", "en": f"extra party {i + 1} (benchmark)"},
                "processing": "own_account",
                "holds": {"rules": [{"fields": ["order_no", "phone", "address"]}]},
            }
        )
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (root / RECORD / "case.yaml").write_text(text, "utf-8")
    return root / RECORD


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="cold analyses per case")
    parser.add_argument("--sample", type=int, default=1000, help="worlds for the naive loop")
    parser.add_argument("--naive-full", action="store_true", help="run the naive loop whole")
    parser.add_argument("--clicks", type=int, default=40, help="What-if updates to time")
    parser.add_argument("--growth", type=int, default=3, help="extra parties, 0..k (-1: none)")
    parser.add_argument(
        "--case", dest="cases", action="append", choices=CASES, help="cases to measure (all)"
    )
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}")
    for case_id in args.cases or CASES:
        case = load_case(case_id)
        explain(case)  # imports sympy once: not part of any run below
        median, runs = median_of(lambda c=case: cold_analysis(c), args.repeat)
        naive, worlds, extrapolated = naive_loop(case, None if args.naive_full else args.sample)
        how = f"extrapolated from {args.sample} sampled worlds" if extrapolated else "measured"
        print(
            f"{case_id}: {len(case.toggles)} toggles, {worlds:,} valid worlds\n"
            f"  whole analysis (cold)  median {median * 1000:9.1f} ms   "
            f"min {min(runs) * 1000:.1f} ms   (n={len(runs)})\n"
            f"  naive evaluate loop    {naive:9.1f} s    ({how})\n"
            f"  ratio                  {naive / median:9.0f}x"
        )
        for level in case.levels:
            tree = compile_level(case, level, case.doctrine(level))
            print(f"  {level}: {tree.leaves} runs of the level to compile")
        one = click(case)
        clicks, _ = median_of(one, args.clicks)
        print(f"  What-if analysis per click (trees cached)  median {clicks * 1000:.2f} ms")
        record = dict(case.record_world())
        first, _ = median_of(
            lambda c=case, w=record: explain(c, w, conditions=False, compiled=False),
            max(3, args.clicks // 4),
        )
        print(f"  What-if first view (neighbours evaluated)  median {first * 1000:.2f} ms")
        panel = panel_update(case)
        if panel is not None:
            shown, _ = median_of(panel, args.clicks)
            print(f"  What-if panel update (evaluate + show)     median {shown * 1000:.2f} ms")
    if args.growth < 0:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        print("growth: the record case with extra hypothetical parties")
        for k in range(args.growth + 1):
            case = load_case(with_extra_parties(Path(tmp), k))
            explain(case)
            median, _ = median_of(lambda c=case: cold_analysis(c), max(1, args.repeat // 2))
            valid = space_of(case).valid.bit_count()
            runs = sum(compile_level(case, lv, case.doctrine(lv)).leaves for lv in case.levels)
            print(
                f"  +{k} parties: {len(case.toggles)} toggles, {valid:>12,} valid worlds, "
                f"{runs:5d} level runs, whole analysis {median * 1000:8.1f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
