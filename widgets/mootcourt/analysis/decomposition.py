"""Doctrine decomposition: which of the appeal's moves the reversal needed, in this world.

Start from the first court's preset and move towards the second's one parameter at a time,
in every order. Every subset of the moves is one hypothetical court, evaluated by the engine
in the current world (where facts are unknown, through a diagram compiled over them, so the
result is open rather than a guess). A move is necessary when no subset without it reaches
the second court's result, and sufficient when it reaches it alone. Each move keeps its
basis (reported, or our reading), because a reversal that hangs on an inferred parameter is
our reconstruction, not the court's holding.

Where the case puts some evidence before one court only (`before`, `confines`), which record
a court decides on is a move too (`record`): evaluated under the second court's level id,
the hypothetical court sees the second court's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, permutations
from typing import TYPE_CHECKING

from ..engine.evaluate import evaluate_level
from .compile import compile_level
from .sensitivity import LevelResult, result_in
from .space import Facts

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Basis, Doctrine

RECORD = "record"
"""the move from the first court's record to the second's (where they differ)"""


@dataclass(frozen=True, slots=True)
class Move:
    parameter: str
    """a doctrine parameter, or `record`"""
    before: tuple[str, Basis]
    """(value, basis) at the first level (for `record`: the level id, and the basis of what
    separates the records: the case's record basis, `reported` or `given` in a fictional
    case, where evidence on the record does; `hypothetical` where only a hypothesis does)"""
    after: tuple[str, Basis]
    necessary: bool
    sufficient: bool
    pivotal: int
    """in how many of the orders this move is the one that turns the result"""

    @property
    def basis(self) -> str:
        """The basis of the move itself: the weaker of its two ends. A move is needed only
        relative to where it starts, so a reversal that needs a move away from a setting of
        ours is our reconstruction, however well reported the setting it arrives at."""
        return weakest(self.before[1], self.after[1])


BASIS_STRENGTH = ("reported", "given", "inferred", "hypothetical", "override")
"""from what a source or the case file says, to our reading, a hypothesis, the user's choice"""


def weakest(*bases: str) -> str:
    """The weakest of some bases (a conclusion is only as good as its weakest premise)."""
    return max(bases, key=BASIS_STRENGTH.index)


def record_basis(case: Case, facts: Facts) -> str:
    """What separates the two courts' records in this world: evidence the sources report
    (the case's record basis); only an assumption one judgment presupposes (ours or the
    judgment's, never reported: our inference); or only a hypothesis (evidence off the record
    that puts items before some courts), in which case the records differ only as a
    hypothesis."""
    separating = [
        e
        for e in case.file.evidence
        if (getattr(e, "before", None) or getattr(e, "confines", None))
        and e.on_record
        and facts.get(e.id) is not False
    ]
    if any(e.kind != "assumption" for e in separating):
        return case.record_basis
    if separating:
        return "inferred"
    return "hypothetical"


@dataclass(frozen=True, slots=True)
class Path:
    order: tuple[str, ...]
    results: tuple[LevelResult, ...]
    """the result before any move, then after each move in `order`"""
    pivot: str | None
    """the move after which the result first equals the second court's"""


@dataclass(frozen=True, slots=True)
class Decomposition:
    levels: tuple[str, str]
    start: LevelResult
    target: LevelResult
    moves: tuple[Move, ...]
    subsets: tuple[tuple[tuple[str, ...], LevelResult], ...]
    """every subset of the moves (in move order) and the result with those moves made"""
    paths: tuple[Path, ...]

    @property
    def reversal(self) -> bool:
        """Do the two courts reach different (settled) results in this world?"""
        return self.start is not None and self.target is not None and self.start != self.target


def has_separate_records(case: Case) -> bool:
    """Does the case put any evidence before some courts only?"""
    return any(
        getattr(e, "before", None) or getattr(e, "confines", None) for e in case.file.evidence
    )


def decompose(
    case: Case, levels: tuple[str, str], doctrines: dict[str, Doctrine], facts: Facts
) -> Decomposition:
    """The moves from `levels[0]`'s doctrine to `levels[1]`'s, in the world `facts`."""
    a, b = levels
    first, second = doctrines[a], doctrines[b]
    names = [p for p in first.values if first.values[p] != second.values[p]]
    if has_separate_records(case):
        names.append(RECORD)
    known = {t: v for t, v in facts.items() if v is not None}
    complete = len(known) == len(case.toggles)

    def result(made: frozenset[str]) -> LevelResult:
        values = {p: (second if p in made else first).values[p] for p in first.values}
        doctrine = first.with_values(values) if values != dict(first.values) else first
        level = b if RECORD in made else a
        if complete:  # one run of the engine; nothing worth keeping in the cache
            return evaluate_level(case, level, doctrine, known.__getitem__).liable
        return result_in(compile_level(case, level, doctrine, known), facts)

    table: dict[frozenset[str], LevelResult] = {}
    for k in range(len(names) + 1):
        for chosen in combinations(names, k):
            table[frozenset(chosen)] = result(frozenset(chosen))
    start, target = table[frozenset()], table[frozenset(names)]
    reaches = {made for made, r in table.items() if r == target and target != start}

    paths = []
    for order in permutations(names):
        results = [start]
        pivot = None
        for i in range(len(order)):
            made = frozenset(order[: i + 1])
            results.append(table[made])
            if pivot is None and made in reaches:
                pivot = order[i]
        paths.append(Path(tuple(order), tuple(results), pivot))

    moves = []
    for name in names:
        if name == RECORD:
            basis = record_basis(case, facts)
            before: tuple[str, Basis] = (a, basis)  # type: ignore[assignment]
            after: tuple[str, Basis] = (b, basis)  # type: ignore[assignment]
        else:
            before = (first.values[name], first.basis[name])
            after = (second.values[name], second.basis[name])
        moves.append(
            Move(
                name,
                before,
                after,
                necessary=bool(reaches) and all(name in made for made in reaches),
                sufficient=frozenset([name]) in reaches,
                pivotal=sum(1 for p in paths if p.pivot == name),
            )
        )
    subsets = tuple((tuple(n for n in names if n in made), r) for made, r in table.items())
    return Decomposition(levels, start, target, tuple(moves), subsets, tuple(paths))
