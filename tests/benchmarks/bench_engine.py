"""Engine benchmarks (`make bench`): measured and reported, never asserted.

- loading and validating each case file (YAML parse, schema, references, scenarios), cold;
- one evaluation of every level with the full trace (steps, reads, rules, evidence);
- the same plus rendering every step's reasoning text in one language.

Target (ARCHITECTURE section 7): one evaluation of all levels with full trace < 2 ms median;
issue 16 asks for <= 0.5 ms for every case of every pack.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from mootcourt import case as case_module
from mootcourt import evaluate, load_case

CASES = (
    "liu-v-platform-2024",
    "pang-v-qunar-2017",
    "guo-v-hangzhou-wildlife-world-2021",  # the second pack: issues in the rule language
)


def timings(fn: Callable[[], object], repeat: int, *, warm_up: bool = True) -> list[float]:
    """Seconds per call, `repeat` calls after a short warm-up (none where the first, cold
    call is what is measured)."""
    for _ in range(min(20, repeat) if warm_up else 0):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def percentile(samples: list[float], q: float) -> float:
    """The `q` quantile of `samples` (nearest rank below)."""
    ordered = sorted(samples)
    return ordered[int(q * (len(ordered) - 1))]


def summary(name: str, samples: list[float]) -> str:
    """One line: median and p95 in ms, and how many samples."""
    median = statistics.median(samples) * 1000
    p95 = percentile(samples, 0.95) * 1000
    return f"{name:<48} median {median:8.3f} ms   p95 {p95:8.3f} ms   (n={len(samples)})"


def cold_load(case_id: str) -> None:
    case_module._load.cache_clear()
    case_module._statutes.cache_clear()
    load_case(case_id).scenarios  # noqa: B018 - loading the scenarios is part of validation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="evaluations per measurement")
    parser.add_argument("--load-repeat", type=int, default=30, help="cold loads per case")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}")
    for case_id in CASES:
        print(
            summary(
                f"load + validate {case_id} (cold)",
                timings(lambda c=case_id: cold_load(c), args.load_repeat),
            )
        )
    for case_id in CASES:
        case = load_case(case_id)
        world = case.record_world()
        print(
            summary(
                f"evaluate {case_id} (all levels, trace)",
                timings(lambda c=case, w=world: evaluate(c, w), args.repeat),
            )
        )

        def with_text(c=case, w=world) -> None:
            judgment = evaluate(c, w)
            for lv in judgment.levels:
                for step in lv.steps:
                    step.text("zh-CN")

        print(summary(f"evaluate {case_id} + render texts", timings(with_text, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
