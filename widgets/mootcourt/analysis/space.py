"""Sets of worlds as the bits of one Python integer, over the toggles that matter.

World number `w` has toggle `ids[i]` on exactly when bit `i` of `w` is set; a set of worlds
is an integer whose bit `w` is set when world `w` belongs to it. Asking "in how many valid
worlds is the platform liable?" is then one AND and one `bit_count`, and flipping a toggle in
every world at once is a shift. This is how the analysis avoids looping Python over 2^n
worlds: numpy is not a dependency of the kit, and integers of 2^18 bits (32 KB) are fast.

A level's result depends only on the toggles its compiled diagram reads, so each level gets
a space over those toggles and whatever is tied to them by `requires` (a requirement never
crosses out of a space). The toggles outside are free: each valid way of setting them
multiplies every count by the same factor (`outside`), and none of them can change the
result. This keeps the integers small when a case grows hypotheticals a level never reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from ..world import Toggle

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


def valid_assignments(toggles: Mapping[str, Toggle], group: Sequence[str], facts: Facts) -> int:
    """How many ways of setting `group` (one `requires` component) agree with the known
    facts and meet every requirement."""
    count = 0
    for values in product((False, True), repeat=len(group)):
        world = dict(zip(group, values, strict=True))
        if any(facts.get(t) is not None and facts[t] != world[t] for t in group):
            continue
        if all(not world[t] or all(world[n] for n in toggles[t].requires) for t in group):
            count += 1
    return count


class WorldSpace:
    """The 2^n worlds of some toggles (closed under `requires`), with the valid ones."""

    def __init__(self, toggles: Mapping[str, Toggle], ids: Sequence[str] | None = None) -> None:
        self.toggles = toggles
        self.ids: tuple[str, ...] = tuple(toggles if ids is None else ids)
        self.bit: dict[str, int] = {t: i for i, t in enumerate(self.ids)}
        self.size = 1 << len(self.ids)
        self.full = (1 << self.size) - 1
        self.on: dict[str, int] = {t: self._literal(i) for t, i in self.bit.items()}
        """toggle -> the set of worlds in which it is on"""
        self.off: dict[str, int] = {t: self.full ^ m for t, m in self.on.items()}
        """toggle -> the set of worlds in which it is off (`~` on big integers is slow)"""
        valid = self.full
        for t in self.ids:
            for need in toggles[t].requires:
                if need not in self.bit:
                    raise ValueError(f"'{t}' requires '{need}', which is outside this space")
                valid &= self.off[t] | self.on[need]
        self.valid = valid
        self.dependents = {
            t: tuple(u for u in deps if u in self.bit)
            for t, deps in dependents(toggles).items()
            if t in self.bit
        }

    def _literal(self, i: int) -> int:
        half = 1 << i
        mask = ((1 << half) - 1) << half  # one period: 2^i worlds off, then 2^i on
        width = half << 1
        while width < self.size:
            mask |= mask << width
            width <<= 1
        return mask

    def cube(self, facts: Facts) -> int:
        """The worlds that agree with every known fact about this space's toggles."""
        mask = self.full
        for t, value in facts.items():
            if value is None or t not in self.bit:
                continue
            mask &= self.on[t] if value else self.off[t]
        return mask

    def index(self, facts: Facts) -> int:
        """The number of a complete world (toggles outside the space are ignored)."""
        return sum(1 << self.bit[t] for t, v in facts.items() if v and t in self.bit)

    def world_at(self, index: int) -> dict[str, bool]:
        return {t: bool(index >> i & 1) for t, i in self.bit.items()}

    def members(self, worlds: int) -> Iterable[int]:
        """The numbers of the worlds in a set, lowest first (for tests and small sets)."""
        bits = worlds.to_bytes(self.size // 8 + 1, "little")
        return (n for n in range(self.size) if bits[n >> 3] >> (n & 7) & 1)

    # Cofactors: a set of worlds read with one toggle forced, for every world at once.

    def forced(self, worlds: int, toggle: str, value: bool) -> int:
        """The worlds `w` such that `w` with `toggle` set to `value` is in `worlds`."""
        shift = 1 << self.bit[toggle]
        if value:
            half = worlds & self.on[toggle]
            return half | (half >> shift)
        half = worlds & self.off[toggle]
        return half | (half << shift)

    def exists(self, worlds: int, toggles: Iterable[str]) -> int:
        """The worlds that some value of `toggles` (the rest kept) brings into `worlds`."""
        for t in toggles:
            worlds = self.forced(worlds, t, True) | self.forced(worlds, t, False)
        return worlds

    def flipped_worlds(self, worlds: int, toggle: str, to: bool) -> int:
        """For every world `w`: is `w` with `toggle` turned to `to` (off cascading to what
        requires it) in `worlds`? Used to count, over every world, the flips that matter."""
        if to:
            return self.forced(worlds, toggle, True)
        for t in (toggle, *self.dependents[toggle]):
            worlds = self.forced(worlds, t, False)
        return worlds
