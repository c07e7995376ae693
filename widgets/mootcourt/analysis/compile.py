"""Compile one level's reasoning into a decision diagram, through the engine's own accessor.

No rule is restated here. First each issue test, for each defendant, is explored on its own
(`branching`): run through a read hook once per branch of what it reads, and reduced to the
reads its result (and the remedies it grants) depends on (`diagrams`). Then the engine's own
walk through the issues (`evaluate_level`) is explored the same way, with each issue test
replaced by a walk down its diagram that reads the same toggles through the same accessor.
The level's diagram therefore branches only on what can change an issue's result, and it
agrees with `evaluate` in every valid world (the property tests check it does).

What is kept per leaf is the level's outcome: whether it finds liability and each issue's
result for each defendant (`Outcome`); the reasoning texts are `evaluate`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..engine.context import Context
from ..engine.evaluate import evaluate_level
from ..engine.steps import Finding, IssueTest, Result
from .bdd import FALSE, TRUE
from .branching import Invalid, Read, branches
from .diagrams import Ask, Decided, Diagram, build, walk
from .space import Facts, WorldSpace, closure

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Doctrine
    from ..engine.judgment import LevelJudgment

Outcome = tuple[bool, tuple[tuple[str, str, Result], ...]]
"""(liable, ((issue, defendant, result), ...) in the order of the issues)"""


def outcome_of(judgment: LevelJudgment) -> Outcome:
    rank = {issue: i for i, issue in enumerate(judgment.case.pack.issues)}
    steps = sorted(judgment.steps, key=lambda s: rank[s.issue])
    return judgment.liable, tuple((s.issue, s.defendant, s.result) for s in steps)


@dataclass(slots=True)
class LevelTree:
    """One level under one doctrine, over every valid world (or every completion of the
    given facts): a diagram to look a world up in, and the set of worlds held liable."""

    level: str
    doctrine: Doctrine
    given: Mapping[str, bool]
    root: Diagram[Outcome]
    space: WorldSpace
    """every world of the case (the sets below are its diagrams)"""
    ids: tuple[str, ...]
    """the toggles the diagram reads, and what `requires` ties to them: no other toggle can
    change this level's result"""
    leaves: int
    """how many runs of the level the compilation took"""
    _liable: int | None = field(default=None, repr=False)
    cache: dict[str, object] = field(default_factory=dict, repr=False)
    """results computed from this tree alone (counts, conditions), kept across clicks"""
    doctrine_reads: frozenset[str] = frozenset()
    """the doctrine parameters some issue test read on some branch: what every count and
    condition over this tree rests on, so the analysis can give their basis"""

    def outcome(self, world: Mapping[str, bool]) -> Outcome:
        """The level's outcome in a complete valid world (one walk down the diagram)."""
        found = walk(self.root, world.__getitem__)
        if found is None:
            raise ValueError("this world breaks a requirement: no valid world lies there")
        return found.value

    @property
    def liable(self) -> int:
        """The set of worlds (a node of `space.bdd`) in which this level finds liability;
        only its valid worlds are meaningful."""
        if self._liable is None:
            self._liable = self.worlds(lambda outcome: outcome[0])
        return self._liable

    def worlds(self, test: Callable[[Outcome], bool]) -> int:
        """The set of worlds (below the given facts) whose outcome passes `test`: one
        operation per node of the diagram, never a loop over worlds."""
        bdd = self.space.bdd
        memo: dict[int, int] = {}

        def below(node: Diagram[Outcome]) -> int:
            if node is None:
                return FALSE
            if isinstance(node, Decided):
                return TRUE if test(node.value) else FALSE
            found = memo.get(id(node))
            if found is None:
                found = bdd.choose(node.toggle, below(node.on), below(node.off))
                memo[id(node)] = found
            return found

        return bdd.AND(below(self.root), bdd.cube(self.given))


def _result_key(found: Finding) -> tuple[Result, tuple[str, ...]]:
    """What of a finding can change the level's outcome: its result and granted remedies."""
    return found.result, tuple(found.remedies)


def _issue_diagram(
    case: Case,
    level: str,
    doctrine: Doctrine,
    test: IssueTest,
    defendant: str,
    given: Mapping[str, bool],
    params: set[str],
) -> Diagram[Finding]:
    def run(read: Read) -> Finding:
        ctx = Context(case, level, doctrine, read=read)
        ctx.begin()
        try:
            return test(ctx, defendant)
        finally:
            params.update(ctx.doctrine_reads)

    return build(branches(case.toggles, run, given), _result_key)


def _walking(diagrams: Mapping[str, Diagram[Finding]]) -> IssueTest:
    def run(ctx: Context, defendant: str) -> Finding:
        found = walk(diagrams[defendant], ctx.on)
        if found is None:
            raise Invalid(defendant)
        return found.value

    return run


def explore(
    case: Case,
    level: str,
    doctrine: Doctrine,
    given: Mapping[str, bool] | None = None,
    params: set[str] | None = None,
) -> tuple[Diagram[Outcome], int]:
    """The level's reduced diagram below the facts `given`, and the number of runs it took;
    `params` collects the doctrine parameters the issue tests read."""
    given = dict(given or {})
    params = set() if params is None else params
    tests = {
        issue: _walking(
            {
                d: _issue_diagram(case, level, doctrine, test, d, given, params)
                for d in case.defendants
            }
        )
        for issue, test in case.pack.tests.items()
    }

    def run(read: Read) -> Outcome:
        return outcome_of(evaluate_level(case, level, doctrine, read, tests=tests))

    leaves = list(branches(case.toggles, run, given))
    return build(leaves, lambda outcome: outcome), len(leaves)


_TREES: dict[tuple[object, ...], LevelTree] = {}
_MAX_TREES = 256


def _key(case: Case, level: str, doctrine: Doctrine, known: Mapping[str, bool]) -> tuple:
    return (case, level, tuple(sorted(doctrine.values.items())), tuple(sorted(known.items())))


def compile_level(
    case: Case, level: str, doctrine: Doctrine, given: Facts | None = None
) -> LevelTree:
    """The level's diagram under `doctrine`, below the known facts in `given` (cached: a
    student's clicks and `explain` reuse it; the case object is immutable)."""
    known = {t: v for t, v in (given or {}).items() if v is not None}
    key = _key(case, level, doctrine, known)
    tree = _TREES.get(key)
    if tree is None:
        if len(_TREES) >= _MAX_TREES:
            _TREES.clear()
        params: set[str] = set()
        root, runs = explore(case, level, doctrine, known, params)
        ids = closure(case.toggles, reads(root))
        tree = LevelTree(
            level,
            doctrine,
            known,
            root,
            space_of(case),
            ids,
            runs,
            doctrine_reads=frozenset(params),
        )
        _TREES[key] = tree
    return tree


def is_compiled(case: Case, level: str, doctrine: Doctrine, given: Facts | None = None) -> bool:
    """Is this level's diagram already compiled (so looking worlds up in it is cheap)?"""
    known = {t: v for t, v in (given or {}).items() if v is not None}
    return _key(case, level, doctrine, known) in _TREES


def reads(diagram: Diagram) -> set[str]:
    """Every toggle a diagram asks about."""
    found: set[str] = set()
    seen: set[int] = set()
    todo = [diagram]
    while todo:
        node = todo.pop()
        if isinstance(node, Ask) and id(node) not in seen:
            seen.add(id(node))
            found.add(node.toggle)
            todo += [node.off, node.on]
    return found


@lru_cache(maxsize=16)
def space_of(case: Case) -> WorldSpace:
    """Every world of the case, in one diagram manager shared by its levels and doctrines
    (a case is immutable; the manager's memo tables serve every later question)."""
    return WorldSpace(case.toggles)


def clear_caches() -> None:
    """Forget compiled diagrams (the benchmarks measure a cold analysis)."""
    _TREES.clear()
    space_of.cache_clear()


__all__ = ["Ask", "LevelTree", "Outcome", "compile_level", "explore", "outcome_of"]
