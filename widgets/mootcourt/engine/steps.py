"""A reasoning step: one issue, for one defendant, at one level, with everything it rested on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from .texts import Message, render_all

if TYPE_CHECKING:
    from ..case import Case


class Result(StrEnum):
    ESTABLISHED = "established"
    NOT_ESTABLISHED = "not_established"
    PRESUMED = "presumed"
    REBUTTED = "rebutted"
    UNCERTAIN = "uncertain"
    NOT_REACHED = "not_reached"

    @property
    def carries_on(self) -> bool:
        """Does the court go on to the next issue? Only when this one is made out."""
        return self in (Result.ESTABLISHED, Result.PRESUMED)


HIGH_PROBABILITY = "high_probability"


@dataclass(frozen=True, slots=True)
class Step:
    """One issue decided for one defendant: result, burden, standard, rules, evidence, text."""

    issue: str
    defendant: str
    result: Result
    burden_on: str | None
    standard: str | None
    rules: tuple[str, ...]
    evidence: tuple[str, ...]
    messages: tuple[Message, ...]
    level: str
    """the level (court) that took this step"""
    reads: frozenset[str] = frozenset()
    """toggles this step's reasoning read"""
    doctrine_reads: frozenset[str] = frozenset()
    """doctrine parameters this step's reasoning read"""
    basis: str = "reported"
    """reported: the court is reported to have decided this issue; inferred: the sources are
    silent, so the step is our reading (labelled as such, never in the court's voice)"""
    see_also: tuple[str, ...] = ()
    """rules the kit adds in its notes: not among the court's grounds (`rules`)"""
    case: Case | None = field(default=None, repr=False, compare=False)

    def text(self, lang: str = "en") -> str:
        """One or two sentences of reasoning in `lang` (zh-CN or en)."""
        assert self.case is not None
        return render_all(self.case, self.messages, lang)


@dataclass(slots=True)
class Finding:
    """What an issue test returns: the step before the engine adds what it read."""

    result: Result
    burden_on: str | None
    rules: Sequence[str]
    messages: list[Message]
    evidence: list[str] = field(default_factory=list)
    standard: str | None = HIGH_PROBABILITY
    remedies: list[str] = field(default_factory=list)
    """claims granted (the remedy issue only)"""
    see_also: list[str] = field(default_factory=list)
    """rules named only in the kit's notes (our reconstruction), shown apart from `rules`"""
