"""The one accessor through which issue tests read a world and a doctrine.

Issue tests are pure functions of (case, doctrine, world). They never index the world
themselves: they call `ctx.on(toggle)` and `ctx.param(name)`, which record what was read.
A step therefore knows exactly which toggles and doctrine parameters its result depends on,
which is what the analysis (sensitivity, minimal conditions) and the divergence report use.

A context reads either a whole `World` or, for the analysis, a `read` hook: a function from a
toggle id to its value that may decide the value only when it is first asked (and so explore
both branches, see `mootcourt.analysis.compile`). The hook sees exactly the reads the issue
tests make, so compiling through it can never disagree with evaluating world by world.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from ..doctrine import Doctrine
from ..world import World

if TYPE_CHECKING:
    from ..case import Case
    from ..casefile import Evidence

T = TypeVar("T")


class Context:
    """One level's view of one world: the case, the doctrine, and a record of every read."""

    __slots__ = (
        "_doctrine",
        "_memo",
        "_plain",
        "_read",
        "case",
        "doctrine",
        "doctrine_reads",
        "level",
        "reads",
        "world",
    )

    def __init__(
        self,
        case: Case,
        level: str,
        doctrine: Doctrine,
        world: World | None = None,
        *,
        read: Callable[[str], bool] | None = None,
    ) -> None:
        """Read `world`, or ask `read` for each toggle (then `world` is None)."""
        if (world is None) == (read is None):
            raise TypeError("give a context either a world or a read hook")
        self.case = case
        self.level = level
        self.doctrine = doctrine
        self.world = world
        self._doctrine = doctrine.values
        self._read: Callable[[str], bool] = read or world.__getitem__  # type: ignore[union-attr]
        self.reads: set[str] = set()
        self.doctrine_reads: set[str] = set()
        self._memo: dict[Hashable, tuple[object, frozenset[str], frozenset[str]]] = {}
        self._plain = _always_before(case, level)

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` (a pure function of what it reads through this context), once per
        run of the level: the world and doctrine never change within a run, so a later step
        asking again gets the same value, and the reads it rested on are recorded for that
        step too (its trace stays exact: the analysis's read hook already decided them)."""
        found = self._memo.get(key)
        if found is not None:
            value, reads, doctrine_reads = found
            if reads:
                self.reads.update(reads)
            if doctrine_reads:
                self.doctrine_reads.update(doctrine_reads)
            return value  # type: ignore[return-value]
        outer, outer_doctrine = self.reads, self.doctrine_reads
        self.reads, self.doctrine_reads = set(), set()
        try:
            value = compute()
            inner, inner_doctrine = self.reads, self.doctrine_reads
        finally:
            outer.update(self.reads)
            outer_doctrine.update(self.doctrine_reads)
            self.reads, self.doctrine_reads = outer, outer_doctrine
        self._memo[key] = (value, frozenset(inner), frozenset(inner_doctrine))
        return value

    def settle(
        self, key: Hashable, value: object, reads: frozenset[str], doctrine_reads: frozenset[str]
    ) -> None:
        """Remember a value already computed in this run, with the reads it rested on, as
        `remembered` would have: the engine settles each issue's result once it has run the
        test (`issue_key`), so a later rule that asks for it gets it, and its reads, without
        running the test again."""
        self._memo.setdefault(key, (value, reads, doctrine_reads))

    def on(self, toggle_id: str) -> bool:
        """Is this item of evidence in, or this party present, in the world, and (for
        evidence) was it before this court?"""
        self.reads.add(toggle_id)
        if not self._read(toggle_id):
            return False
        return toggle_id in self._plain or self.before_court(toggle_id)

    def before_court(self, toggle_id: str) -> bool:
        """Was this item before this level's court? By default every item is before every
        court; a case file may say otherwise (`before`), and a procedural hypothesis
        (`confines`) may put an item before some courts only."""
        evidence = self.case.evidence.get(toggle_id)
        if evidence is None:
            return True
        if evidence.before and self.level not in evidence.before:
            return False
        for hypothesis in _confining(self.case).get(toggle_id, ()):
            if self.level not in hypothesis.confines.levels and self.on(hypothesis.id):  # type: ignore[union-attr]
                return False
        return True

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
        kinds: tuple[str, ...] | None = None,
        except_kinds: tuple[str, ...] = (),
    ) -> list[Evidence]:
        """Items of evidence in this world that support (or defeat) a fact.

        `defendant` keeps items that concern that defendant (`about` empty means all);
        `offered_by` keeps items offered by that party; `kinds` / `except_kinds` keep items of
        those kinds / of other kinds. Pleaded assertions are never weighed. Every filter is
        applied before the item is read: a step that cannot use an item never reads it, so its
        recorded reads (and the analysis's branches) are only what can change its result.
        """
        index = self.case.supporting if supports else self.case.defeating
        found = []
        for e in index.get(fact, ()):
            if e.kind == "assertion" or e.kind in except_kinds:
                continue
            if kinds is not None and e.kind not in kinds:
                continue
            if defendant is not None and e.about and defendant not in e.about:
                continue
            if offered_by is not None and offered_by not in e.offered_by:
                continue
            if self.on(e.id):
                found.append(e)
        return found


def issue_key(issue: str, defendant: str) -> tuple[str, str, str]:
    """The key under which an issue's result for one defendant is remembered within a run
    of a level (`Context.settle` by the engine, `Context.remembered` by a rule that reads an
    earlier issue's result)."""
    return ("issue", issue, defendant)


@lru_cache(maxsize=64)
def _always_before(case: Case, level: str) -> frozenset[str]:
    """The toggles that are before this court whatever the world (no `before` list that
    leaves it out, no procedural hypothesis that could confine them): most of them, so a
    read of one skips the check (computed once per case and level)."""
    confined = _confining(case)
    found = set()
    for t in case.toggles:
        evidence = case.evidence.get(t)
        left_out = evidence is not None and evidence.before and level not in evidence.before
        if evidence is None or not (left_out or t in confined):
            found.add(t)
    return frozenset(found)


@lru_cache(maxsize=32)
def procedural_hypotheses(case: Case) -> tuple[Evidence, ...]:
    """The items that confine others to some courts (`confines`), in case-file order (once
    per case: the accessor and a pack's attribution step ask on every run)."""
    return tuple(e for e in case.file.evidence if e.confines is not None)


@lru_cache(maxsize=32)
def _confining(case: Case) -> dict[str, tuple[Evidence, ...]]:
    """item id -> the procedural hypotheses that confine it to some courts."""
    found: dict[str, list[Evidence]] = {}
    for e in procedural_hypotheses(case):
        for item in e.confines.items:  # type: ignore[union-attr]
            found.setdefault(item, []).append(e)
    return {k: tuple(v) for k, v in found.items()}
