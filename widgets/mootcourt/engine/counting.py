"""Counting the engine's work where it happens: every run of a level, whoever asked for it.

The explorer promises one evaluation per input and none for a language switch; a counter
bumped by hand beside the call it means to count is blind to every other caller (a panel
that analyses the world on its own, a view that re-evaluates). So the engine itself reports
each run of a level (`evaluate`, `evaluate_level`, the analysis's compile through the read
hook) to the counters open in the current context, and a test or the state reads them.

    with counting() as runs:
        state.set_toggle(toggle, False)
    assert runs.judgments == 1 and runs.levels == len(case.levels)

Counters live in a context variable: a background thread or task (the What-if analysis
computed after a click) counts in its own context, never into the click's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(slots=True)
class Runs:
    """What the engine ran while a counter was open."""

    judgments: int = 0
    """whole evaluations (`evaluate`: every level of a case in one world)"""
    levels: int = 0
    """runs of one level, by any entry point (a judgment of two courts is two)"""


_OPEN: ContextVar[tuple[Runs, ...]] = ContextVar("mootcourt_engine_counters", default=())


@contextmanager
def counting() -> Iterator[Runs]:
    """Count the engine's runs inside the block (counters nest: each sees every run)."""
    runs = Runs()
    token = _OPEN.set((*_OPEN.get(), runs))
    try:
        yield runs
    finally:
        _OPEN.reset(token)


def ran_level() -> None:
    """Called by the engine once per run of a level."""
    for runs in _OPEN.get():
        runs.levels += 1


def ran_judgment() -> None:
    """Called by the engine once per whole evaluation."""
    for runs in _OPEN.get():
        runs.judgments += 1


__all__ = ["Runs", "counting"]
