"""Every valid world at once: how often a level finds liability, and what each toggle weighs.

A toggle's influence on a level is the number of valid worlds in which flipping it, the way a
student can (turning it off turns off what requires it; it cannot be turned on while what it
requires is off), changes whether the level finds liability. A toggle with no influence is
irrelevant to that level: no world exists in which it matters. Everything is a handful of
operations on sets of worlds (`space`), never a loop over worlds.
"""

from __future__ import annotations

from dataclasses import dataclass

from .compile import LevelTree


@dataclass(frozen=True, slots=True)
class LevelWorlds:
    level: str
    valid: int
    """how many valid worlds the case has"""
    liable: int
    """in how many of them this level finds liability"""
    influence: dict[str, int]
    """toggle -> the number of valid worlds in which flipping it changes the result"""

    @property
    def irrelevant(self) -> tuple[str, ...]:
        return tuple(t for t, n in self.influence.items() if n == 0)

    @property
    def relevant(self) -> tuple[str, ...]:
        return tuple(t for t, n in self.influence.items() if n)


def every_world(tree: LevelTree) -> LevelWorlds:
    """Counts and influence for one level over every valid world (kept with the tree)."""
    found = tree.cache.get("worlds")
    if isinstance(found, LevelWorlds):
        return found
    space = tree.space
    valid = space.valid
    liable = tree.liable & valid
    influence = dict.fromkeys(space.toggles, 0)
    for t in space.ids:
        changed = liable ^ space.flipped_worlds(liable, t, False)
        count = (valid & space.on[t] & changed).bit_count()
        can_turn_on = valid & space.off[t]
        for need in space.toggles[t].requires:
            can_turn_on &= space.on[need]
        changed = liable ^ space.flipped_worlds(liable, t, True)
        count += (can_turn_on & changed).bit_count()
        influence[t] = count * tree.outside
    found = LevelWorlds(
        tree.level,
        valid.bit_count() * tree.outside,
        liable.bit_count() * tree.outside,
        influence,
    )
    tree.cache["worlds"] = found
    return found


def depends_only_on(tree: LevelTree, toggles: tuple[str, ...]) -> bool:
    """Is the level's result, over the valid worlds, a function of `toggles` alone? (No two
    valid worlds that agree on them differ in result; toggles outside the tree's space never
    change it.)"""
    space = tree.space
    liable = tree.liable & space.valid
    not_liable = space.valid ^ liable
    others = [t for t in space.ids if t not in toggles]
    return not (space.exists(liable, others) & space.exists(not_liable, others))
