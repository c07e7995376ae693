"""Sets of worlds as binary decision diagrams over a case's toggles (`bdd`).

A set of worlds is a node of the case's one diagram manager: "in how many valid worlds is
the platform liable?" is one AND and one count, and flipping a toggle in every world at once
is a cofactor. Each costs time in proportion to the diagrams' nodes, which grow with the
rules the courts apply, not with the 2^n worlds: a case with seven more hypothetical parties
has 128 times the worlds and diagrams a few nodes larger.

A level's result depends only on the toggles its compiled diagram reads (`LevelTree.ids`,
with whatever `requires` ties to them); the other toggles can never change it, so every
question about the level is asked over those toggles only, and counts are over every toggle
of the case (the free ones multiply them, exactly).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..world import Toggle
from .bdd import BDD, TRUE

Facts = Mapping[str, bool | None]
"""A possibly partial world: toggle id -> on, off, or None for unknown (absent = unknown)."""


@dataclass(frozen=True, slots=True)
class Flip:
    """What turning one toggle over does under the `requires` cascade (as a student's click)."""

    toggle: str
    to: bool
    cascade: tuple[str, ...]
    """toggles turned off with it (they require it, directly or through another)"""
    blocked_by: tuple[str, ...]
    """toggles it requires that are off: non-empty means the flip is unavailable"""


def dependents(toggles: Mapping[str, Toggle]) -> dict[str, tuple[str, ...]]:
    """toggle -> every toggle that requires it, directly or through another."""
    direct = {t: [u for u in toggles if t in toggles[u].requires] for t in toggles}
    found: dict[str, tuple[str, ...]] = {}
    for t in toggles:
        seen: set[str] = set()
        todo = list(direct[t])
        while todo:
            u = todo.pop()
            if u not in seen:
                seen.add(u)
                todo.extend(direct[u])
        found[t] = tuple(u for u in toggles if u in seen)
    return found


def flip(toggles: Mapping[str, Toggle], facts: Facts, toggle: str) -> Flip:
    """Turn `toggle` over from its (known) value in `facts`, as a click does."""
    if facts.get(toggle):
        cascade = tuple(u for u in dependents(toggles)[toggle] if facts.get(u) is not False)
        return Flip(toggle, False, cascade, ())
    blocked = tuple(n for n in toggles[toggle].requires if facts.get(n) is False)
    return Flip(toggle, True, (), blocked)


def flipped(facts: Facts, change: Flip) -> dict[str, bool | None]:
    return {**facts, change.toggle: change.to, **dict.fromkeys(change.cascade, False)}


def components(toggles: Mapping[str, Toggle]) -> list[tuple[str, ...]]:
    """The toggles grouped by `requires` (a requirement never links two groups)."""
    group = {t: t for t in toggles}

    def root(t: str) -> str:
        while group[t] != t:
            group[t] = group[group[t]]
            t = group[t]
        return t

    for t in toggles:
        for need in toggles[t].requires:
            group[root(t)] = root(need)
    found: dict[str, list[str]] = {}
    for t in toggles:
        found.setdefault(root(t), []).append(t)
    return [tuple(ts) for ts in found.values()]


def closure(toggles: Mapping[str, Toggle], support: Iterable[str]) -> tuple[str, ...]:
    """`support` with every toggle tied to it by `requires`, in the case's order."""
    wanted = set(support)
    keep = {t for group in components(toggles) if wanted & set(group) for t in group}
    return tuple(t for t in toggles if t in keep)


class WorldSpace:
    """Every world of a case's toggles, as sets in one diagram manager, with the valid ones
    (those that meet every `requires`)."""

    def __init__(self, toggles: Mapping[str, Toggle]) -> None:
        self.toggles = toggles
        self.ids: tuple[str, ...] = tuple(toggles)
        self.bdd = BDD(self.ids)
        bdd = self.bdd
        valid = TRUE
        for t in reversed(self.ids):  # bottom up: the conjunction stays small
            for need in toggles[t].requires:
                valid = bdd.AND(valid, bdd.OR(bdd.var(t, False), bdd.var(need)))
        self.valid = valid
        self.dependents = dependents(toggles)

    def __repr__(self) -> str:
        return f"<WorldSpace {len(self.ids)} toggles>"

    def on(self, toggle: str) -> int:
        """The worlds in which `toggle` is on."""
        return self.bdd.var(toggle)

    def off(self, toggle: str) -> int:
        """The worlds in which `toggle` is off."""
        return self.bdd.var(toggle, False)

    def cube(self, facts: Facts) -> int:
        """The worlds that agree with every known fact."""
        return self.bdd.cube(facts)

    def count(self, worlds: int) -> int:
        """How many worlds of the case (every toggle set) the set holds."""
        return self.bdd.count(worlds)

    def contains(self, worlds: int, world: Mapping[str, bool]) -> bool:
        """Is this complete world in the set?"""
        return self.bdd.holds(worlds, world.__getitem__)

    def sample(self, worlds: int, n: int, seed: int) -> list[dict[str, bool]]:
        """`n` worlds drawn uniformly from a set (seeded: a failing test reproduces)."""
        rng = random.Random(seed)
        return [self.bdd.sample(worlds, rng) for _ in range(n)]

    def members(self, worlds: int) -> Iterator[dict[str, bool]]:
        """Every world of a set (for tests over small cases)."""
        for bits in self.bdd.assignments(worlds, self.ids):
            yield {t: bool(bits >> i & 1) for i, t in enumerate(self.ids)}

    # Cofactors: a set of worlds read with toggles forced, for every world at once.

    def forced(self, worlds: int, toggle: str, value: bool) -> int:
        """The worlds `w` such that `w` with `toggle` set to `value` is in `worlds`."""
        return self.bdd.restrict(worlds, {toggle: value})

    def exists(self, worlds: int, toggles: Iterable[str]) -> int:
        """The worlds that some value of `toggles` (the rest kept) brings into `worlds`."""
        return self.bdd.exists(worlds, toggles)

    def flipped_worlds(self, worlds: int, toggle: str, to: bool) -> int:
        """For every world `w`: is `w` with `toggle` turned to `to` (off cascading to what
        requires it) in `worlds`? Used to count, over every world, the flips that matter."""
        if to:
            return self.bdd.restrict(worlds, {toggle: True})
        return self.bdd.restrict(worlds, dict.fromkeys((toggle, *self.dependents[toggle]), False))
