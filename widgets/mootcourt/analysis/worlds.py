"""Every valid world at once: how often a level finds liability, and what each toggle weighs.

A toggle's influence on a level is the number of valid worlds in which flipping it, the way a
student can (turning it off turns off what requires it; it cannot be turned on while what it
requires is off), changes whether the level finds liability. A toggle with no influence is
irrelevant to that level: no world exists in which it matters. Everything is a handful of
operations on sets of worlds (`space`: decision diagrams), never a loop over worlds.
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
    bdd = space.bdd
    valid = space.valid
    liable = bdd.AND(tree.liable, valid)
    influence = dict.fromkeys(space.toggles, 0)
    for t in tree.ids:
        turned_off = space.flipped_worlds(liable, t, False)
        count = space.count(bdd.AND(bdd.AND(valid, space.on(t)), bdd.XOR(liable, turned_off)))
        can_turn_on = bdd.AND(valid, space.off(t))
        for need in space.toggles[t].requires:
            can_turn_on = bdd.AND(can_turn_on, space.on(need))
        turned_on = space.flipped_worlds(liable, t, True)
        count += space.count(bdd.AND(can_turn_on, bdd.XOR(liable, turned_on)))
        influence[t] = count
    found = LevelWorlds(tree.level, space.count(valid), space.count(liable), influence)
    tree.cache["worlds"] = found
    return found


def depends_only_on(tree: LevelTree, toggles: tuple[str, ...]) -> bool:
    """Is the level's result, over the valid worlds, a function of `toggles` alone? (No two
    valid worlds that agree on them differ in result; toggles outside the tree's own never
    change it.)"""
    space = tree.space
    bdd = space.bdd
    valid = space.exists(space.valid, [t for t in space.ids if t not in tree.ids])
    liable = bdd.AND(tree.liable, valid)
    not_liable = bdd.AND(valid, bdd.NOT(liable))
    others = [t for t in tree.ids if t not in toggles]
    return bdd.AND(space.exists(liable, others), space.exists(not_liable, others)) == 0
