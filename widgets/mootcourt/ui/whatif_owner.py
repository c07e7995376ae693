"""The What-if analysis as the state owns it: once per world and doctrine, off the click path.

A click is for the courts: their new judgment must reach the page before anything else runs.
The What-if analysis (one-flip sensitivity, the doctrine decomposition) of the same world is
therefore never computed inside an input. The state marks it stale (`pending`), and it is
computed at the event loop's next turn, after the click's messages have left the kernel
(`asyncio`'s `call_soon`: the kernel's loop, where a widget's handler runs), and only while
someone asked for it (the What-if tab was opened). Where no loop runs (a script, a test),
`settle()` does what the next turn would.

Results are kept per (world, each court's doctrine): going back to a world already seen, or
switching the language, costs no evaluation. Every run is counted at the engine
(`engine.counting`), so the state's counters cannot miss one.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..engine.counting import Runs, counting

if TYPE_CHECKING:
    from ..analysis import Explanation
    from ..case import Case
    from ..engine import Judgment

KEEP = 64
"""analyses kept per explorer (a class's clicks rarely revisit more worlds)"""

Key = tuple[object, ...]


def key_of(judgment: Judgment) -> Key:
    """What an analysis depends on: the world and every court's doctrine, nothing else."""
    doctrines = tuple(tuple(sorted(lv.doctrine.values.items())) for lv in judgment.levels)
    return (judgment.world, doctrines)


def analyse(case: Case, judgment: Judgment) -> Explanation:
    """The What-if analysis of this judgment's world under its courts' doctrines. Where every
    court's diagram is already compiled (a doctrine seen before, or `mootcourt explain` run in
    this kernel), the one-flip answers are looked up in the diagrams; otherwise the one-flip
    neighbours are evaluated (compiling a level can take far longer than a click)."""
    from ..analysis import explain
    from ..analysis.compile import is_compiled

    presets = {lv.id: lv.doctrine for lv in judgment.levels}
    compiled = all(is_compiled(case, lv, doctrine) for lv, doctrine in presets.items())
    return explain(case, dict(judgment.world), conditions=False, presets=presets, compiled=compiled)


class WhatIfOwner:
    """Computes, caches and schedules the What-if analysis for one state."""

    def __init__(self, deliver: Callable[[Explanation | None, bool, int], None]) -> None:
        """`deliver(report, pending, runs)` hands the state the analysis of its current
        judgment (None while stale), whether one is waiting to be computed, and the runs of
        a level computing it took (counted by the engine)."""
        self._deliver = deliver
        self._cache: OrderedDict[Key, Explanation] = OrderedDict()
        self._scheduled = False
        self.wanted = False
        self.runs = Runs()
        """every engine run the analyses took (counted at the engine)"""

    def forget(self) -> None:
        """A reloaded case: nothing computed for the old one applies."""
        self._cache.clear()

    def cached(self, judgment: Judgment) -> Explanation | None:
        return self._cache.get(key_of(judgment))

    def schedule(self, case: Case, judgment: Callable[[], Judgment]) -> None:
        """After an input (the state has marked its analysis stale): if one is wanted it is
        computed (or taken from the cache) at the loop's next turn, after the courts."""
        if not self.wanted or self._scheduled:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop: `settle` computes it when asked
            return
        self._scheduled = True

        def later() -> None:
            self._scheduled = False
            self.settle(case, judgment)

        loop.call_soon(later)

    def settle(self, case: Case, judgment: Callable[[], Judgment]) -> None:
        """Compute the pending analysis of the current judgment now (if wanted)."""
        if not self.wanted:
            return
        current = judgment()
        key = key_of(current)
        found = self._cache.get(key)
        runs = Runs()
        if found is None:
            with counting() as runs:
                found = analyse(case, current)
            self.runs.levels += runs.levels
            self.runs.judgments += runs.judgments
            self._cache[key] = found
            while len(self._cache) > KEEP:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        self._deliver(found, False, runs.levels)


__all__ = ["WhatIfOwner", "analyse", "key_of"]
