"""A class arriving at once at `mootcourt present` (`make bench`; issue 15). Printed, never
asserted.

For N = 20, 40, 60 students opening the page at the same moment, three set-ups on the same
machine in the same run (`tests/browser/load.py`): `after` (a preheated kernel per student,
the kit's work done in the pool), `before` (issue 15's set-up: a kernel per 15 students, at
most 8, the kit's work after the visitor) and `no pool`. Per row: time to first render
p50/p95 (request to the outcome banners), click latency of Next p50/p95, errors, kernels at
the peak, their memory at the peak, kernels left after the tabs closed against the pool and
how long the culler took, and the load average when the class arrived. Then the largest class
meeting the targets (p95 < 3 s, no errors, memory within the machine).

    python -m tests.benchmarks.bench_load [--students 20 40 60] [--setups after before "no pool"]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from mootcourt import present
from tests.browser.load import HEADER, SETUPS, chromium_path, run_load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[20, 40, 60])
    parser.add_argument("--setups", nargs="+", default=list(SETUPS), choices=SETUPS)
    parser.add_argument("--cull-idle", type=int, default=60)
    args = parser.parse_args(argv)
    if chromium_path() is None:
        print("bench_load: no Chromium (apt-get install chromium); skipped")
        return 0
    available = present.available_mb()
    print(
        f"bench_load: {os.cpu_count()} cores, {available:.0f} MB available, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the start"
    )
    print(HEADER, flush=True)
    best: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for students in args.students:
            for setup in args.setups:
                load = run_load(Path(tmp), setup, students, cull_idle=args.cull_idle)
                print(load.row(), flush=True)
                for error in load.errors[:3]:
                    print(f"    error: {error}", flush=True)
                if load.meets_targets(available):
                    best[setup] = max(best.get(setup, 0), students)
    for setup in args.setups:
        print(f"largest class meeting the targets, {setup}: {best.get(setup, 'none')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
