"""The one accessor through which issue tests read a world and a doctrine.

Issue tests are pure functions of (case, doctrine, world). They never index the world
themselves: they call `ctx.on(toggle)` and `ctx.param(name)`, which record what was read.
A step therefore knows exactly which toggles and doctrine parameters its result depends on,
which is what the analysis (sensitivity, minimal conditions) and the divergence report use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..doctrine import Doctrine
from ..world import World

if TYPE_CHECKING:
    from ..case import Case
    from ..casefile import Evidence


class Context:
    """One level's view of one world: the case, the doctrine, and a record of every read."""

    __slots__ = ("_doctrine", "_values", "case", "doctrine", "doctrine_reads", "level", "reads")

    def __init__(self, case: Case, level: str, doctrine: Doctrine, world: World) -> None:
        self.case = case
        self.level = level
        self.doctrine = doctrine
        self._doctrine = doctrine.values
        self._values = world
        self.reads: set[str] = set()
        self.doctrine_reads: set[str] = set()

    def on(self, toggle_id: str) -> bool:
        """Is this item of evidence in, or this party present, in the world?"""
        self.reads.add(toggle_id)
        return self._values[toggle_id]

    def all_on(self, toggle_ids: Iterable[str]) -> bool:
        return all(self.on(t) for t in toggle_ids)

    def param(self, name: str) -> str:
        """The level's value for one doctrine parameter."""
        self.doctrine_reads.add(name)
        return self._doctrine[name]

    def begin(self) -> None:
        """Start recording a new step's reads."""
        self.reads = set()
        self.doctrine_reads = set()

    def evidence_in(
        self,
        fact: str,
        *,
        supports: bool = True,
        defendant: str | None = None,
        offered_by: str | None = None,
    ) -> list[Evidence]:
        """Items of evidence in this world that support (or defeat) a fact.

        `defendant` keeps items that concern that defendant (`about` empty means all);
        `offered_by` keeps items offered by that party. Pleaded assertions are never weighed.
        """
        index = self.case.supporting if supports else self.case.defeating
        found = []
        for e in index.get(fact, ()):
            if e.kind == "assertion":
                continue
            if defendant is not None and e.about and defendant not in e.about:
                continue
            if offered_by is not None and offered_by not in e.offered_by:
                continue
            if self.on(e.id):
                found.append(e)
        return found
