"""Every world of a case at once: sets of worlds as the bits of one Python integer.

World number `w` has toggle `ids[i]` on exactly when bit `i` of `w` is set; a set of worlds
is an integer whose bit `w` is set when world `w` belongs to it. Asking "in how many valid
worlds is the platform liable?" is then one AND and one `bit_count`, and flipping a toggle in
every world at once is a shift. This is how the analysis avoids looping Python over 2^n
worlds: numpy is not a dependency of the kit, and integers of 2^18 bits (32 KB) are fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

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


class WorldSpace:
    """The 2^n worlds of one case's toggles, with the valid ones (every `requires` met)."""

    def __init__(self, toggles: Mapping[str, Toggle]) -> None:
        self.toggles = toggles
        self.ids: tuple[str, ...] = tuple(toggles)
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
                valid &= self.off[t] | self.on[need]
        self.valid = valid & self.full

    def _literal(self, i: int) -> int:
        half = 1 << i
        mask = ((1 << half) - 1) << half  # one period: 2^i worlds off, then 2^i on
        width = half << 1
        while width < self.size:
            mask |= mask << width
            width <<= 1
        return mask

    def cube(self, facts: Facts) -> int:
        """The worlds that agree with every known fact (valid or not)."""
        mask = self.full
        for t, value in facts.items():
            if value is True:
                mask &= self.on[t]
            elif value is False:
                mask &= self.off[t]
        return mask

    def count(self, worlds: int) -> int:
        return worlds.bit_count()

    def index(self, facts: Facts) -> int:
        """The number of a complete world."""
        return sum(1 << self.bit[t] for t, v in facts.items() if v)

    def world_at(self, index: int) -> dict[str, bool]:
        return {t: bool(index >> i & 1) for t, i in self.bit.items()}

    def members(self, worlds: int) -> Iterable[int]:
        """The numbers of the worlds in a set, lowest first (for tests and small sets)."""
        w = worlds
        while w:
            low = w & -w
            yield low.bit_length() - 1
            w ^= low

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

    @cached_property
    def dependents(self) -> dict[str, tuple[str, ...]]:
        """toggle -> every toggle that requires it, directly or through another."""
        direct = {t: [u for u in self.ids if t in self.toggles[u].requires] for t in self.ids}
        found: dict[str, tuple[str, ...]] = {}
        for t in self.ids:
            seen: list[str] = []
            todo = list(direct[t])
            while todo:
                u = todo.pop(0)
                if u not in seen:
                    seen.append(u)
                    todo.extend(direct[u])
            found[t] = tuple(u for u in self.ids if u in seen)
        return found

    def flip(self, facts: Facts, toggle: str) -> Flip:
        """Turn `toggle` over from its value in `facts` (which must be known)."""
        if facts.get(toggle):
            cascade = tuple(u for u in self.dependents[toggle] if facts.get(u) is not False)
            return Flip(toggle, False, cascade, ())
        blocked = tuple(n for n in self.toggles[toggle].requires if facts.get(n) is False)
        return Flip(toggle, True, (), blocked)

    def flipped(self, facts: Facts, flip: Flip) -> dict[str, bool | None]:
        return {**facts, flip.toggle: flip.to, **dict.fromkeys(flip.cascade, False)}

    def flipped_worlds(self, worlds: int, toggle: str, to: bool) -> int:
        """For every world `w`: is `w` with `toggle` turned to `to` (off cascading to what
        requires it) in `worlds`? Used to count, over every world, the flips that matter."""
        if to:
            return self.forced(worlds, toggle, True)
        for t in (toggle, *self.dependents[toggle]):
            worlds = self.forced(worlds, t, False)
        return worlds
