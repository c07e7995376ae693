"""What the court addressed does on the record, and what one move there would change.

Why a module of its own: the feedback, the bench, the other side and judge mode all ask the
same questions of one court (what does it find on each issue, for each defendant; which one
move, an item of evidence or a party taken out or added, or another reading of a doctrine
parameter, turns that finding), and they must agree. The answers come from the engine only:
the record world evaluated once, then every one-flip world the way a student's click makes it
(`analysis.space.flip`, with the `requires` cascade), and every other value of every doctrine
parameter at this court. About forty evaluations of one level (a few milliseconds each),
kept per case and court.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from ..engine import evaluate
from ..engine.evaluate import evaluate_level
from ..engine.judgment import Judgment, LevelJudgment
from ..engine.steps import Result, Step
from ..world import World

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Doctrine

MoveKind = Literal["toggle", "doctrine", "assumption"]


@dataclass(frozen=True, slots=True)
class Move:
    """One change at the court addressed: a toggle turned over (as a click does: what
    requires it goes with it), or one doctrine parameter read another way."""

    kind: MoveKind
    """toggle: an item of evidence or a party; assumption: an item the case marks as our
    premise (evidence of kind `assumption`); doctrine: a parameter's other value"""
    toggle: str | None
    to: bool | None
    """the toggle's value after the move"""
    cascade: tuple[str, ...]
    """toggles turned off with it"""
    param: str | None
    value: str | None
    level: LevelJudgment

    @property
    def id(self) -> str:
        """The toggle id, or `param=value`."""
        return self.toggle if self.toggle is not None else f"{self.param}={self.value}"


@dataclass(frozen=True, slots=True)
class Court:
    """One court's reasoning on the record world, and every single move's."""

    case: Case
    level_id: str
    judgment: Judgment
    """every level on the record world (for where the courts part ways)"""
    moves: tuple[Move, ...]

    @property
    def level(self) -> LevelJudgment:
        return self.judgment.level(self.level_id)

    @property
    def world(self) -> World:
        return self.judgment.world

    @property
    def doctrine(self) -> Doctrine:
        return self.level.doctrine

    def step(self, issue: str, defendant: str) -> Step:
        return self.level.step(issue, defendant)

    def with_doctrine(self, urged: Mapping[str, str]) -> LevelJudgment:
        """This court on the record world reading the doctrine as urged."""
        return _urged(self.case, self.level_id, tuple(sorted(urged.items())))

    def decisive(self, defendant: str) -> tuple[str, ...]:
        """The issues the outcome against `defendant` turns on at this court, in order:

        - the first issue not carried for the plaintiff (the outcome rests on it);
        - an issue where this court and another part ways (the first issue whose result
          differs, for this defendant);
        - an issue where one other reading of a doctrine parameter at this court changes
          whether the defendant is liable (the first issue the reading changes).
        """
        found: set[str] = set()
        steps = [self.step(issue, defendant) for issue in self.case.pack.issues]
        failed = next((s.issue for s in steps if not s.result.carries_on), None)
        if failed is not None:
            found.add(failed)
        for other in self.judgment.levels:
            if other.id == self.level_id:
                continue
            for issue in self.case.pack.issues:
                if other.step(issue, defendant).result != self.step(issue, defendant).result:
                    found.add(issue)
                    break
        liable = self.level.defendants[defendant].liable
        for move in self.moves:
            if move.kind != "doctrine":
                continue
            if move.level.defendants[defendant].liable != liable:
                for issue in self.case.pack.issues:
                    if (
                        move.level.step(issue, defendant).result
                        != self.step(issue, defendant).result
                    ):
                        found.add(issue)
                        break
        return tuple(i for i in self.case.pack.issues if i in found)

    def rules_of(self, issue: str, defendant: str) -> tuple[str, ...]:
        """The rules this court rests the issue on, with the kit's see-also; where the issue
        is not reached on the record, those it rests on in any one-move world (so a point on
        an issue the court never reached is still judged against the issue's own rules)."""
        step = self.step(issue, defendant)
        if step.result is not Result.NOT_REACHED:
            return (*step.rules, *step.see_also)
        found: dict[str, None] = {}
        for move in self.moves:
            other = move.level.step(issue, defendant)
            found.update(dict.fromkeys((*other.rules, *other.see_also)))
        return tuple(found)


def court(case: Case, level_id: str) -> Court:
    """The court addressed, analysed once per case and level (a case is immutable)."""
    return _court(case, level_id)


@lru_cache(maxsize=16)
def _court(case: Case, level_id: str) -> Court:
    from ..analysis.space import flip, flipped

    world = case.record_world()
    judgment = evaluate(case, world)
    doctrine = judgment.level(level_id).doctrine
    moves: list[Move] = []
    for toggle in case.toggles:
        change = flip(case.toggles, world, toggle)
        if change.blocked_by:
            continue  # a click could not make this world: nothing to argue from
        after = World(case.toggles, {t: bool(v) for t, v in flipped(world, change).items()})
        kind: MoveKind = (
            "assumption"
            if toggle in case.evidence and case.evidence[toggle].kind == "assumption"
            else "toggle"
        )
        moves.append(
            Move(
                kind,
                toggle,
                change.to,
                change.cascade,
                None,
                None,
                evaluate_level(case, level_id, doctrine, after.__getitem__),
            )
        )
    for param, parameter in case.pack.parameters.items():
        if not case.pack.applies(param, len(case.defendants)):
            continue
        for value in parameter.values:
            if value == doctrine[param]:
                continue
            other = doctrine.with_values({param: value})
            moves.append(
                Move(
                    "doctrine",
                    None,
                    None,
                    (),
                    param,
                    value,
                    evaluate_level(case, level_id, other, world.__getitem__),
                )
            )
    return Court(case, level_id, judgment, tuple(moves))


@lru_cache(maxsize=64)
def _urged(case: Case, level_id: str, urged: tuple[tuple[str, str], ...]) -> LevelJudgment:
    doctrine = case.doctrine(level_id).with_values(dict(urged))
    world = case.record_world()
    return evaluate_level(case, level_id, doctrine, world.__getitem__)


def carries(result: str) -> bool:
    """Does this result let the plaintiff go on (established or presumed)?"""
    return Result(result).carries_on


def holds(claim: str, found: str) -> bool:
    """Does the engine's finding carry the claim? The same side of the line is enough
    (established and presumed both carry the issue for the plaintiff; not established and
    rebutted both defeat it); a finding of the other kind on the same side is a misconception
    about the burden, reported apart. Not reached and open are matched exactly."""
    exact = (Result.NOT_REACHED.value, Result.UNCERTAIN.value)
    if claim in exact or found in exact:
        return claim == found
    return carries(claim) == carries(found)


RESULTS = MappingProxyType({r.value: r for r in Result})
