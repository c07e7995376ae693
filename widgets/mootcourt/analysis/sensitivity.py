"""The current world: what each level decides, what one flip would change, what is open.

The current world may leave facts unknown (`explain --set ID=unknown`). A level's result is
then `True`/`False` when every valid completion of the unknowns agrees, else `None` (open),
and the unknowns it hangs on are named. One-flip sensitivity turns each known toggle over the
way a student's click does: turning it off turns off what requires it; turning it on while
something it requires is off is `unavailable`. Where the world is complete, the issue at
which the level's reasoning first changes is named too (by looking both worlds up in the
compiled tree: no evaluation per flip).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine.evaluate import evaluate_level
from ..errors import WorldError
from .compile import LevelTree, Outcome, outcome_of
from .space import Facts, Flip, flip, flipped

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Doctrine

LevelResult = bool | None
"""liable, not liable, or None: open, it depends on facts left unknown"""


def result_in(tree: LevelTree, facts: Facts) -> LevelResult:
    """The level's result in every valid completion of `facts`, or None if they differ."""
    if _complete(tree, facts):
        return tree.outcome(facts)[0]  # type: ignore[arg-type]
    space = tree.space
    bdd = space.bdd
    worlds = bdd.AND(space.cube(facts), space.valid)
    if not worlds:
        raise WorldError("no valid world has these facts: a toggle is on without what it requires")
    liable = bdd.AND(tree.liable, worlds)
    if not liable:
        return False
    return True if liable == worlds else None


def _complete(tree: LevelTree, facts: Facts) -> bool:
    return all(facts.get(t) is not None for t in tree.ids)


def first_difference(a: Outcome, b: Outcome) -> str | None:
    """The first issue (in analytical order) whose result differs for some defendant."""
    for issue in dict.fromkeys(i for i, _, _ in a[1]):  # the issues, in order
        left = [r for i, _, r in a[1] if i == issue]
        right = [r for i, _, r in b[1] if i == issue]
        if left != right:
            return issue
    return None


@dataclass(frozen=True, slots=True)
class Change:
    before: LevelResult
    after: LevelResult
    issue: str | None
    """where the reasoning first changes (complete worlds only)"""

    @property
    def changes(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True, slots=True)
class FlipEffect:
    toggle: str
    current: bool | None
    flip: Flip | None
    """None for an unknown toggle: there is nothing to flip"""
    levels: Mapping[str, Change]
    """level -> what the flip does there (empty when unavailable or unknown)"""

    @property
    def unavailable(self) -> bool:
        return self.flip is not None and bool(self.flip.blocked_by)

    def flips(self) -> tuple[str, ...]:
        """The levels whose result this flip changes."""
        return tuple(level for level, change in self.levels.items() if change.changes)


def sensitivity(trees: Mapping[str, LevelTree], facts: Facts) -> tuple[FlipEffect, ...]:
    """For every toggle, what turning it over from `facts` does at every level."""
    first = next(iter(trees.values()))
    toggles = first.space.toggles
    now = {level: result_in(tree, facts) for level, tree in trees.items()}
    complete = all(facts.get(t) is not None for t in toggles)
    outcomes = {level: tree.outcome(facts) for level, tree in trees.items()} if complete else {}
    effects = []
    for t in toggles:
        current = facts.get(t)
        if current is None:
            effects.append(FlipEffect(t, None, None, {}))
            continue
        change = flip(toggles, facts, t)
        if change.blocked_by:
            effects.append(FlipEffect(t, current, change, {}))
            continue
        after = flipped(facts, change)
        levels = {}
        for level, tree in trees.items():
            if complete:
                outcome = tree.outcome(after)
                issue = first_difference(outcomes[level], outcome)
                levels[level] = Change(now[level], outcome[0], issue)
            else:
                levels[level] = Change(now[level], result_in(tree, after), None)
        effects.append(FlipEffect(t, current, change, levels))
    return tuple(effects)


@dataclass(frozen=True, slots=True)
class Settled:
    level: str
    result: LevelResult
    depends_on: tuple[str, ...]
    """the unknown facts the result hangs on (empty when settled)"""

    @property
    def settled(self) -> bool:
        return self.result is not None


def settled(tree: LevelTree, facts: Facts) -> Settled:
    """Is the level's result the same whatever the unknown facts turn out to be?"""
    space = tree.space
    bdd = space.bdd
    result = result_in(tree, facts)
    if result is not None:
        return Settled(tree.level, result, ())
    worlds = bdd.AND(space.cube(facts), space.valid)
    liable = bdd.AND(tree.liable, worlds)
    unknowns = [t for t in tree.ids if facts.get(t) is None]
    hangs_on = []
    for u in unknowns:
        # worlds with u off whose twin with u on is also possible, and the result differs
        pairs = bdd.AND(bdd.AND(worlds, space.off(u)), space.forced(worlds, u, True))
        if bdd.AND(pairs, bdd.XOR(liable, space.forced(liable, u, True))):
            hangs_on.append(u)
    return Settled(tree.level, None, tuple(hangs_on or unknowns))


def evaluated(
    case: Case, doctrines: Mapping[str, Doctrine], levels: tuple[str, ...], world: Facts
) -> tuple[dict[str, Outcome], tuple[FlipEffect, ...]]:
    """The same as `sensitivity` for a complete world, by evaluating each one-flip world with
    the engine instead of looking it up in compiled trees: about twenty evaluations, cheaper
    than compiling when only this world is wanted (the What-if tab's first view)."""

    def outcomes(facts: Facts) -> dict[str, Outcome]:
        read = facts.__getitem__
        return {lv: outcome_of(evaluate_level(case, lv, doctrines[lv], read)) for lv in levels}

    now = outcomes(world)
    effects = []
    for t in case.toggles:
        current = world[t]
        change = flip(case.toggles, world, t)
        if change.blocked_by:
            effects.append(FlipEffect(t, current, change, {}))
            continue
        after = outcomes(flipped(world, change))
        levels_changed = {
            lv: Change(now[lv][0], after[lv][0], first_difference(now[lv], after[lv]))
            for lv in levels
        }
        effects.append(FlipEffect(t, current, change, levels_changed))
    return now, tuple(effects)
