"""The benchmark script keeps working (it is run by `make bench`; nothing here is timed)."""

from __future__ import annotations

from tests.benchmarks.bench_engine import main


def test_benchmark_script_runs(capsys) -> None:
    assert main(["--repeat", "3", "--load-repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "evaluate liu-v-platform-2024" in out and "median" in out and "p95" in out
    assert "evaluate guo-v-hangzhou-wildlife-world-2021" in out  # every pack's case
