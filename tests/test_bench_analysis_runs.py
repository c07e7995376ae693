"""The analysis benchmark keeps working (run by `make bench`; nothing here is timed)."""

from __future__ import annotations

from tests.benchmarks.bench_analysis import main


def test_analysis_benchmark_runs(capsys) -> None:
    assert main(["--repeat", "1", "--sample", "20", "--clicks", "2", "--growth", "1"]) == 0
    out = capsys.readouterr().out
    assert "whole analysis (cold)" in out and "naive evaluate loop" in out
    assert "extrapolated from 20 sampled worlds" in out and "+1 parties" in out
