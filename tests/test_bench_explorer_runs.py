"""The explorer benchmark keeps working (run by `make bench`; nothing here is timed)."""

from __future__ import annotations

from tests.benchmarks.bench_explorer import main


def test_explorer_benchmark_runs(capsys) -> None:
    assert main(["--clicks", "5", "--builds", "1"]) == 0
    out = capsys.readouterr().out
    assert "toggle click -> widgets liu-v-platform-2024" in out
    assert "build explorer pang-v-qunar-2017 zh-CN" in out and "p95" in out
