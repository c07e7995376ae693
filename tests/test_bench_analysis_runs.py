"""The analysis benchmark keeps working (run by `make bench`; nothing here is timed)."""

from __future__ import annotations

from tests.benchmarks.bench_analysis import main


def test_analysis_benchmark_runs(capsys) -> None:
    argv = ["--case", "pang-v-qunar-2017", "--repeat", "1", "--sample", "10", "--clicks", "1"]
    assert main([*argv, "--growth", "-1"]) == 0
    out = capsys.readouterr().out
    assert "whole analysis (cold)" in out and "naive evaluate loop" in out
    assert "extrapolated from 10 sampled worlds" in out and "panel update" in out


def test_growth_copies_add_one_toggle_per_party(tmp_path) -> None:
    from mootcourt import load_case
    from tests.benchmarks.bench_analysis import RECORD, with_extra_parties

    base = len(load_case(RECORD).toggles)
    assert len(load_case(with_extra_parties(tmp_path, 2)).toggles) == base + 2
