"""A world: which evidence is in and which parties are present, one on/off value per toggle.

The record world is what the judgments as reported had before them: every on-record item
of evidence in, every record party present, every hypothetical off. A student's world is
the record world with some toggles flipped. Worlds are immutable and hashable, so analyses
can cache on them. A world that breaks a `requires` (the callers named the platform, but
there were no calls) is invalid: the engine refuses it rather than evaluating nonsense.

A student's click must never produce such a world, nor an error. `with_toggles(...,
cascade=True)` therefore turns off, in the same change, whatever requires a toggle being
turned off (no calls, so no "the callers named the platform"), and `blocked_by` says why a
toggle cannot be turned on now, so a view can disable it with the reason. Turning on a
toggle whose requirement is off is refused even under `cascade`: the kit never switches
evidence *on* behind the student's back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .casefile import Text
from .errors import WorldError
from .validation import did_you_mean


@dataclass(frozen=True, slots=True)
class Toggle:
    """One switch a student can flip: an item of evidence, or a party's presence."""

    id: str
    kind: Literal["evidence", "party"]
    label: Text
    offered_by: tuple[str, ...]
    """every party that offered the item of evidence (empty for a party toggle)"""
    hypothetical: bool
    default: bool
    requires: tuple[str, ...] = ()


def check_toggle(toggles: Mapping[str, Toggle], toggle_id: str, value: object = True) -> None:
    """Raise `WorldError` for an unknown toggle id or a value that is not a boolean.

    The one place toggle ids are checked: the engine, the CLI's `--set` and scenario files
    all come here, so the message (with the valid ids) is the same everywhere.
    """
    if toggle_id not in toggles:
        close = did_you_mean(toggle_id, list(toggles))
        hint = f" (did you mean '{close}'?)" if close else ""
        raise WorldError(f"unknown toggle '{toggle_id}'{hint}; valid: {', '.join(toggles)}")
    if not isinstance(value, bool):
        raise WorldError(f"toggle '{toggle_id}' must be True or False, not {value!r}")


class World(Mapping[str, bool]):
    """Every toggle id of one case mapped to on (True) or off (False)."""

    __slots__ = ("_hash", "_toggles", "_values")

    def __init__(self, toggles: Mapping[str, Toggle], values: Mapping[str, bool]) -> None:
        self._toggles = toggles
        self._values = dict(values)
        self._hash: int | None = None

    def __getitem__(self, toggle_id: str) -> bool:
        return self._values[toggle_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._values.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, World):
            return self._values == other._values
        return NotImplemented

    def __repr__(self) -> str:
        on = sorted(k for k, v in self._values.items() if v)
        return f"World(on={on})"

    @property
    def toggles(self) -> Mapping[str, Toggle]:
        return self._toggles

    def with_toggles(
        self, changes: Mapping[str, bool] | None = None, *, cascade: bool = False, **kw: bool
    ) -> World:
        """A copy with some toggles set; unknown ids and non-boolean values are refused.

        Without `cascade` the copy may break a `requires` (the engine then refuses it, and
        `violations` names it), which is what a scenario file or the CLI wants reported.
        With `cascade=True` the copy is always valid: whatever requires a toggle that ends up
        off is turned off too, transitively. Turning a toggle *on* while what it requires
        stays off is refused with `WorldError` naming the requirement (see `blocked_by`).
        """
        updates = {**(changes or {}), **kw}
        for toggle_id, value in updates.items():
            check_toggle(self._toggles, toggle_id, value)
        world = World(self._toggles, {**self._values, **updates})
        if not cascade:
            return world
        asked_on = {t for t, v in updates.items() if v}
        refused = [(t, need) for t, need in world.violations() if t in asked_on]
        if refused:
            what = "; ".join(f"'{t}' requires '{need}', which is off" for t, need in refused)
            raise WorldError(f"cannot turn on: {what}")
        return world.repaired()

    def repaired(self) -> World:
        """This world with every toggle that is on without what it requires turned off,
        repeated until nothing is left broken (requirements can chain)."""
        world = self
        while True:
            broken = {t for t, _ in world.violations()}
            if not broken:
                return world
            world = World(self._toggles, {**world._values, **dict.fromkeys(broken, False)})

    def blocked_by(self, toggle_id: str) -> tuple[str, ...]:
        """The toggles, now off, that `toggle_id` requires: why it cannot be turned on now
        (empty when it can)."""
        check_toggle(self._toggles, toggle_id)
        return tuple(need for need in self._toggles[toggle_id].requires if not self._values[need])

    def unavailable(self) -> dict[str, tuple[str, ...]]:
        """Every toggle that cannot be turned on now -> the toggles it requires that are off."""
        return {t: blocked for t in self._toggles if (blocked := self.blocked_by(t))}

    def dependents(self, toggle_id: str) -> tuple[str, ...]:
        """The toggles turning `toggle_id` off would turn off with it under `cascade`
        (those that are on and require it, directly or through another)."""
        check_toggle(self._toggles, toggle_id)
        off = self.with_toggles({toggle_id: False}, cascade=True)
        return tuple(t for t in self._toggles if t != toggle_id and self[t] and not off[t])

    def changed_from(self, other: World) -> dict[str, bool]:
        """The toggles whose value here differs from `other` (e.g. the record world)."""
        return {k: v for k, v in self._values.items() if other._values.get(k) != v}

    def violations(self) -> list[tuple[str, str]]:
        """(toggle, required toggle) pairs where the toggle is on but what it needs is off."""
        return [
            (t.id, need)
            for t in self._toggles.values()
            if self._values[t.id]
            for need in t.requires
            if not self._values[need]
        ]

    @property
    def is_valid(self) -> bool:
        return not self.violations()

    def check(self) -> None:
        """Raise `WorldError` naming every broken `requires`."""
        broken = self.violations()
        if broken:
            what = "; ".join(f"'{t}' requires '{need}', which is off" for t, need in broken)
            raise WorldError(f"invalid world: {what}")
