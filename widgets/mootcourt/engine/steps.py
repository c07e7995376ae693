"""A reasoning step: one issue, for one defendant, at one level, with everything it rested on."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from .texts import Ids, Message, render_all

if TYPE_CHECKING:
    from ..case import Case
    from .context import Context


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
    assumptions: tuple[str, ...] = ()
    """ids of the case's `assumptions` this step rests on, in case order (the rule:
    `AssumptionIndex.resting`); computed once, when the step is taken"""
    case: Case | None = field(default=None, repr=False, compare=False)

    def text(self, lang: str = "en") -> str:
        """One or two sentences of reasoning in `lang` (zh-CN or en)."""
        assert self.case is not None
        return render_all(self.case, self.messages, lang, level=self.level)


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
    awarded: dict[str, float | None] = field(default_factory=dict)
    """granted money claims -> the sum in yuan (None: for the court to set)"""
    see_also: list[str] = field(default_factory=list)
    """rules named only in the kit's notes (our reconstruction), shown apart from `rules`"""
    basis: str | None = None
    """inferred: the step is the kit's reconstruction even where the court decided the issue
    (a rule of the rule language may say so); None: as the engine decides"""


IssueTest = Callable[["Context", str], Finding]
"""an issue test: (the level's accessor, a defendant) -> what it found. A pack's issues are
these, declared in the rule language (`packs/rules.py`) or written in its `issues.py`."""


class AssumptionIndex:
    """Which of a case's assumptions a step rests on, found by ids, never by words.

    A case lists its premises under `assumptions`, each with the ids it `concerns`: parties,
    fields, items of evidence (toggles), claims or levels. A step rests on an assumption when
    one of those ids is

    - the step's level (the court that took it),
    - the step's defendant,
    - a toggle the step read (`Step.reads`, whether it was on or off: the reading depended on
      it),
    - an item of evidence the step weighed (`Step.evidence`), or
    - a party, field, item of evidence or claim the step's messages name (the `Ids` parameters
      of its `Message`s, exactly as the engine passed them).

    Two exceptions keep the marker meaningful. The plaintiff, named by nearly every step, is
    not matched through the messages: an assumption about the plaintiff bears on the case as a
    whole and is shown in the case's list, not beside each step. A level named in a message
    (another court) is not matched either: only the step's own level is. A step not reached
    rests on nothing (`Step.assumptions` stays empty).

    Built once per case (`AssumptionIndex.of`; a case is immutable) and answering from a
    small memo of the ids hit, so the explorer's one evaluation per click pays a few set
    operations per step.
    """

    __slots__ = ("_by_id", "_concerned", "_ids", "_memo", "_unmatched")

    def __init__(self, case: Case) -> None:
        ids = tuple(a.id for a in case.file.assumptions)
        by_id: dict[str, list[int]] = {}
        for rank, assumption in enumerate(case.file.assumptions):
            for concerned in assumption.concerns:
                by_id.setdefault(concerned, []).append(rank)
        self._ids = ids
        self._by_id = by_id
        self._concerned = frozenset(by_id)
        self._unmatched = frozenset((case.plaintiff, *case.levels))
        self._memo: dict[frozenset[str], tuple[str, ...]] = {}

    @staticmethod
    @lru_cache(maxsize=32)
    def of(case: Case) -> AssumptionIndex:
        """The index of `case`, built on first use (cached like the engine's other per-case
        indexes, e.g. `context._confining`)."""
        return AssumptionIndex(case)

    def resting(
        self,
        level: str,
        defendant: str,
        reads: Iterable[str],
        evidence: Iterable[str],
        messages: Iterable[Message],
    ) -> tuple[str, ...]:
        """The ids of the assumptions a step with these parts rests on, in case order."""
        concerned = self._concerned
        if not concerned:
            return ()
        hit: set[str] = set()
        for message in messages:
            for value in message.params.values():
                if value.__class__ is Ids:
                    hit.update(concerned.intersection(value.ids))  # type: ignore[union-attr]
        hit -= self._unmatched  # the plaintiff, and any court, named in the text
        hit.update(concerned.intersection(reads), concerned.intersection(evidence))
        if level in concerned:
            hit.add(level)
        if defendant in concerned:
            hit.add(defendant)
        if not hit:
            return ()
        key = frozenset(hit)
        found = self._memo.get(key)
        if found is None:
            by_id, ids = self._by_id, self._ids
            ranks = sorted({rank for i in key for rank in by_id[i]})
            found = self._memo[key] = tuple(ids[rank] for rank in ranks)
        return found
