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
- growth: the record case with 0..k extra hypothetical parties (a temporary copy), each
  step split into compiling the levels and what is read off the compiled diagrams.

Targets (issue 16): whole analysis of the record case < 0.3 s, +7 parties (128x the worlds)
< 3x the time; a What-if answer per click < 20 ms at 30 toggles.
"""

from __future__ import annotations

import argparse
import itertools
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

CASES = (
    "liu-v-platform-2024",
    "pang-v-qunar-2017",
    "guo-v-hangzhou-wildlife-world-2021",
)
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
    """`n` valid worlds drawn uniformly (from the valid worlds' decision diagram)."""
    space = space_of(case)
    record = case.record_world()
    return [record.with_toggles(values) for values in space.sample(space.valid, n, seed)]


def valid_count(case: Case) -> int:
    space = space_of(case)
    return space.count(space.valid)


def naive_loop(case: Case, sample: int | None) -> tuple[float, int, bool]:
    """Seconds for `evaluate` over every valid world (measured, or extrapolated from a
    sample), the number of valid worlds, and whether it was extrapolated."""
    space = space_of(case)
    total = valid_count(case)
    if sample is None or sample >= total:
        record = case.record_world()
        worlds = [record.with_toggles(values) for values in space.members(space.valid)]
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


def parts(case: Case) -> tuple[float, float]:
    """A cold analysis in two parts: compiling every level (runs of the engine through the
    read hook) and everything read off the compiled diagrams (counts, influence, minimal
    conditions, unknown facts, sensitivity, decomposition)."""
    clear_caches()
    start = time.perf_counter()
    for level in case.levels:
        compile_level(case, level, case.doctrine(level))
    compiled = time.perf_counter()
    explain(case)
    return compiled - start, time.perf_counter() - compiled


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
    """One input with the What-if tab open: the courts' evaluation, then (at what would be
    the loop's next turn) the state's What-if analysis and the panel drawn from it."""
    try:
        from mootcourt.ui import Explorer
    except ImportError:
        return None
    explorer = Explorer(case, "en")
    explorer.state.request_whatif()
    explorer.settle()
    state = explorer.state
    toggles = itertools.cycle(case.toggles)

    def one() -> None:
        while True:
            t = next(toggles)
            if state.world[t] or not state.world.blocked_by(t):
                break
        state.set_toggle(t, not state.world[t])
        explorer.settle()

    return one


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
    parser.add_argument("--growth", type=int, default=7, help="extra parties, 0..k (-1: none)")
    parser.add_argument(
        "--growth-budget", type=float, default=300.0, help="stop the series after a step this slow"
    )
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
        compiling, reading = parts(case)
        print(
            f"{case_id}: {len(case.toggles)} toggles, {worlds:,} valid worlds\n"
            f"  whole analysis (cold)  median {median * 1000:9.1f} ms   "
            f"min {min(runs) * 1000:.1f} ms   (n={len(runs)})\n"
            f"    of which compiling {compiling * 1000:9.1f} ms, read off the diagrams "
            f"{reading * 1000:.1f} ms\n"
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
            compiling, reading = parts(case)
            runs = sum(compile_level(case, lv, case.doctrine(lv)).leaves for lv in case.levels)
            print(
                f"  +{k} parties: {len(case.toggles)} toggles, {valid_count(case):>14,} valid "
                f"worlds, {runs:6d} level runs, compiling {compiling * 1000:9.1f} ms, "
                f"read off the diagrams {reading * 1000:8.1f} ms",
                flush=True,
            )
            if compiling + reading > args.growth_budget:
                print(f"  (stopped: +{k} took over {args.growth_budget:.0f} s)")
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
