"""A short load test (issue 15): six students arrive at once at `mootcourt present`; every one
gets a working dashboard and a working Next, and once their tabs close the culler reclaims
their kernels (idle 40 s, checked every 2 s here; 30 minutes in class: a shorter idle time
culls a kernel whose page is still rendering on a busy machine, as 15 s did once in CI). The
full run, with figures, is `tests/benchmarks/bench_load.py` (`make bench`)."""

from __future__ import annotations

from .load import run_load

STUDENTS = 6


def test_a_class_arriving_at_once_gets_working_pages_and_leaves_no_kernels(
    chromium, tmp_path
) -> None:
    load = run_load(tmp_path, "after", STUDENTS, cull_idle=40, reclaim_timeout=75)
    print(load.row())
    assert not load.errors, load.errors
    assert len(load.render) == len(load.clicks) == STUDENTS
    assert load.pool == STUDENTS, "a pooled kernel per student on a machine with memory"
    assert load.kernels_peak >= STUDENTS
    assert load.reclaim_seconds is not None, (
        f"{load.kernels_left} kernels left after the tabs closed (allowed {load.pool})"
    )
