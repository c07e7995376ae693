"""The doctrinal switches on which courts can differ, as named parameters (generic: the
parameters and their values are a dispute pack's, `packs/<id>/pack.yaml`).

After Carneades: the two courts are not two programs but two audiences judging one
argument structure. A court is a preset of these parameters; a new court (a retrial, a
hypothetical review) is a new preset, never new code. Parameter and value names are part of
the CLI contract (`--doctrine LEVEL.PARAM=VALUE`), so they change only with a major version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from .errors import DoctrineError

Basis = Literal["reported", "inferred", "given", "override"]
"""Where a preset value comes from: the report says so, it is our reading, the author of a
fictional case set it, or a user set it."""
RECORD_BASES: frozenset[str] = frozenset({"reported", "given"})
"""The bases that are the court's own in the case's record (reported, or set by the author of
a fictional case), as against our reading or a user's change."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One doctrinal switch: its values and what each means, in both languages. The values
    come from a dispute pack (`packs/<id>/pack.yaml`); this class knows none of them."""

    name: str
    values: tuple[str, ...]
    meaning: Mapping[str, Mapping[str, str]]
    """value -> {lang: one line a student can read}"""
    label: Mapping[str, str] = field(default_factory=dict)
    """lang -> the parameter's short name"""
    default: str | None = None
    """the value a level gets when its preset leaves the parameter out (None: required)"""
    several_defendants_only: bool = False
    """decides nothing in a case with one defendant"""
    ours: frozenset[str] = frozenset()
    """values that are the kit's own reconstruction (labelled as such)"""

    def applies(self, defendants: int) -> bool:
        """Does this parameter decide anything in a case with this many defendants? (Where
        there is one defendant, no text, row or control speaks of other defendants.)"""
        return defendants > 1 or not self.several_defendants_only


Parameters = Mapping[str, Parameter]
"""a pack's doctrine parameters by name, in the pack's order"""


def check_value(parameters: Parameters, param: str, value: str, *, where: str = "") -> None:
    """Raise `DoctrineError` naming the valid parameters or values.

    The one place doctrine values are checked: a level's preset in a case file, a scenario's
    `doctrine`, the CLI's `--doctrine` and the explorer all come here, with their case's
    pack's parameters.
    """
    prefix = f"{where}: " if where else ""
    if param not in parameters:
        raise DoctrineError(
            f"{prefix}unknown doctrine parameter '{param}'; valid: {', '.join(parameters)}"
        )
    values = parameters[param].values
    if value not in values:
        raise DoctrineError(
            f"{prefix}unknown value '{value}' for {param}; valid: {', '.join(values)}"
        )


@dataclass(frozen=True, slots=True)
class Doctrine:
    """One level's doctrine: a value and its basis for every parameter."""

    values: Mapping[str, str]
    basis: Mapping[str, Basis]
    parameters: Parameters = field(default_factory=dict, compare=False, repr=False)
    """the pack's parameters these values are checked against"""

    def __getitem__(self, param: str) -> str:
        return self.values[param]

    def differing(self, changes: Mapping[str, str]) -> dict[str, str]:
        """The changes (checked) whose value differs from this doctrine's: setting a
        parameter to its preset value is no override, so it is never marked as one."""
        for param, value in changes.items():
            check_value(self.parameters, param, value)
        return {p: v for p, v in changes.items() if self.values[p] != v}

    def with_values(self, changes: Mapping[str, str]) -> Doctrine:
        """A copy with some parameters set by the user; only values that differ from this
        doctrine are marked `override` (the rest keep their basis, reported or inferred)."""
        changed = self.differing(changes)
        return Doctrine(
            MappingProxyType({**self.values, **changed}),
            MappingProxyType({**self.basis, **dict.fromkeys(changed, "override")}),
            self.parameters,
        )
