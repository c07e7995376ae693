"""A world: which evidence is in and which parties are present, one on/off value per toggle.

The record world is what the judgments as reported had before them: every on-record item
of evidence in, every record party present, every hypothetical off. A student's world is
the record world with some toggles flipped. Worlds are immutable and hashable, so analyses
can cache on them. A world that breaks a `requires` (the callers named the platform, but
there were no calls) is invalid: the engine refuses it rather than evaluating nonsense.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from .casefile import Text
from .errors import WorldError


@dataclass(frozen=True, slots=True)
class Toggle:
    """One switch a student can flip: an item of evidence, or a party's presence."""

    id: str
    kind: Literal["evidence", "party"]
    label: Text
    group: str
    """who offered the evidence (a party id), or `parties` for a party toggle"""
    hypothetical: bool
    default: bool
    requires: tuple[str, ...] = ()


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

    def with_toggles(self, changes: Mapping[str, bool] | None = None, **kw: bool) -> World:
        """A copy with some toggles set; unknown ids and non-boolean values are refused."""
        updates = {**(changes or {}), **kw}
        for toggle_id, value in updates.items():
            if toggle_id not in self._toggles:
                raise WorldError(f"unknown toggle '{toggle_id}'; valid: {', '.join(self._toggles)}")
            if not isinstance(value, bool):
                raise WorldError(f"toggle '{toggle_id}' must be True or False, not {value!r}")
        return World(self._toggles, {**self._values, **updates})

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
