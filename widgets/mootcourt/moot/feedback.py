"""Feedback on a brief, computed from the engine for the court addressed, never canned.

For each point the engine is asked, on the record world and the court's own doctrine, what
it finds on the point's issue for the defendant concerned. The point holds when that finding
carries the claim. The court does not change its law because counsel urges it to: the
doctrine urged is evaluated apart (`holds_if_urged`, `urged_doctrine_changes_result`).

Everything else is read off the same reasoning (`reasoning.Court`): whether the issue is one
the outcome turns on; the other side's best answers (the single moves at this court, an item
of evidence or a party taken out or added, or another reading of a doctrine parameter, that
defeat a point that holds or carry one that fails); the rules cited that the court does not
rest the issue on, or that are not in force for the dates; the evidence relied on that the
step does not read, that is not in the record, or that works against the claim; the issues
the side must win but did not argue; and the bench's questions. What a person reads is
rendered from `moot.*` message keys with labels, in either language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..engine.context import Context
from ..engine.steps import Result
from ..engine.temporal import in_force
from . import words
from .bench import Question, questions
from .brief import COURT, Brief, BriefError, Point, brief_problems, defendant_of
from .reasoning import Court, Move, carries, court, holds

if TYPE_CHECKING:
    from ..case import Case
    from .rubric import Rubric, Score

MISCONCEPTIONS = (
    "moot.misconception.burden",
    "moot.misconception.rule_not_for_issue",
    "moot.misconception.rule_not_in_force",
    "moot.misconception.evidence_not_read",
    "moot.misconception.evidence_not_in_record",
    "moot.misconception.evidence_against",
    "moot.misconception.doctrine_not_read",
)
"""Every misconception the feedback can name, each a message key with a template in both
languages (in this order in the feedback)."""


@dataclass(frozen=True)
class BestAnswer:
    """One move at the court addressed that turns a point: the other side's answer to a point
    that holds, or what would carry a point that fails."""

    kind: str
    """toggle | doctrine | assumption"""
    id: str
    """the toggle id, or `param=value`"""
    label: Mapping[str, str]
    """{lang: the item's label, or 'parameter: value'}"""
    effect: str
    """the result on the point's issue after the move"""
    to: bool | None = None
    """a toggle's value after the move (None for a doctrine value)"""
    text: Mapping[str, str] = field(default_factory=dict)
    """{lang: 'if ..., the court would find ...'}"""


@dataclass(frozen=True)
class PointFeedback:
    """What the engine makes of one point at the court addressed."""

    index: int
    defendant: str
    """the defendant the point concerns"""
    holds: bool
    found: str
    """the result the court finds on the record (`not_reached` where an earlier issue fails)"""
    decisive: bool
    answers: tuple[BestAnswer, ...]
    misconceptions: tuple[str, ...]
    rules_not_carrying: tuple[str, ...]
    rules_not_in_force: tuple[str, ...]
    evidence_not_read: tuple[str, ...]
    evidence_not_in_record: tuple[str, ...]
    evidence_against: tuple[str, ...]
    doctrine_not_read: tuple[str, ...]
    holds_if_urged: bool | None
    """None where no reading is urged (or only the court's own)"""
    found_if_urged: str | None
    urged_doctrine_changes_result: bool
    questions: tuple[Question, ...]
    stopped_at: str | None = None
    """where the point's issue is not reached: the issue that failed first"""
    burden_on: str | None = None
    standard: str | None = None


@dataclass(frozen=True)
class Feedback:
    """The feedback on a whole brief: per point, what is left unanswered, the other side's
    strongest points, and the rubric's score with its reasons."""

    brief: Brief
    case: Case = field(repr=False)
    points: tuple[PointFeedback, ...]
    unanswered: tuple[str, ...]
    """issues the side must win and did not argue: `issue`, or `issue.defendant` where the
    case has several defendants"""
    opposing: Brief
    score: Score

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        """The `brief check --json` object (schema: `schemas/feedback.schema.json`)."""
        from .export import feedback_json

        return feedback_json(self, lang or self.brief.lang)

    def render(self, lang: str | None = None) -> str:
        """Plain text, for the terminal."""
        from .export import to_text

        return to_text(self, lang or self.brief.lang)


def check_brief(brief: Brief, case: Case | None = None, rubric: Rubric | None = None) -> Feedback:
    """The feedback on `brief` (its case loaded by id unless given). A brief built in memory
    is checked first, as `load_brief` checks a file: an unknown issue, statute, item or
    court raises `BriefError` naming the field (`points[0].rules[0]`), never a bare KeyError."""
    from .files import case_of
    from .opponent import opposing_brief
    from .rubric import default_rubric, score

    if case is None or case.id != brief.case:
        case = case_of(brief)
    problems = brief_problems(brief, case)
    if problems:
        raise BriefError(problems)
    here = court(case, brief.court)
    points = tuple(point_feedback(here, brief, i, point) for i, point in enumerate(brief.points))
    feedback = Feedback(
        brief=brief,
        case=case,
        points=points,
        unanswered=unanswered(here, brief),
        opposing=opposing_brief(case, brief),
        score=None,  # type: ignore[arg-type]
    )
    object.__setattr__(feedback, "score", score(feedback, rubric or default_rubric()))
    return feedback


def point_feedback(here: Court, brief: Brief, index: int, point: Point) -> PointFeedback:
    case = here.case
    defendant = defendant_of(brief, point, case)
    step = here.step(point.issue, defendant)
    found = step.result.value
    held = holds(point.claim, found)
    turning = _turning(here, point, defendant, held)
    answers = tuple(_answer(case, m, point.issue, defendant) for m in turning)

    vocabulary = here.rules_of(point.issue, defendant)
    not_carrying = tuple(r for r in point.rules if not _cited_in(case, r, vocabulary))
    ctx = Context(case, here.level_id, here.doctrine, here.world)
    not_in_force = tuple(r for r in point.rules if not in_force(ctx, (r,)))
    reached = step.result is not Result.NOT_REACHED
    read = set(step.reads) | set(step.evidence)
    not_read = tuple(e for e in point.evidence if reached and e not in read)
    not_in_record = tuple(e for e in point.evidence if not here.world[e])
    # an item relied on that, taken out, would carry the failing point: it works against it
    against = tuple(
        e
        for e in point.evidence
        if not held and any(m.toggle == e and m.to is False for m in turning)
    )
    urged = here.doctrine.differing(point.doctrine)
    doctrine_not_read = tuple(p for p in point.doctrine if reached and p not in step.doctrine_reads)
    found_if_urged: str | None = None
    holds_if_urged: bool | None = None
    if urged:
        found_if_urged = here.with_doctrine(urged).step(point.issue, defendant).result.value
        holds_if_urged = holds(point.claim, found_if_urged)

    misconceptions = []
    if held and point.claim != found:
        misconceptions.append("moot.misconception.burden")
    for key, hit in (
        ("moot.misconception.rule_not_for_issue", not_carrying),
        ("moot.misconception.rule_not_in_force", not_in_force),
        ("moot.misconception.evidence_not_read", not_read),
        ("moot.misconception.evidence_not_in_record", not_in_record),
        ("moot.misconception.evidence_against", against),
        ("moot.misconception.doctrine_not_read", doctrine_not_read),
    ):
        if hit:
            misconceptions.append(key)
    stopped_at = None
    if not reached:
        stopped_at = next(
            s.issue
            for s in (here.step(i, defendant) for i in case.pack.issues)
            if not s.result.carries_on
        )
    return PointFeedback(
        index=index,
        defendant=defendant,
        holds=held,
        found=found,
        decisive=point.issue in here.decisive(defendant),
        answers=answers,
        misconceptions=tuple(misconceptions),
        rules_not_carrying=not_carrying,
        rules_not_in_force=not_in_force,
        evidence_not_read=not_read,
        evidence_not_in_record=not_in_record,
        evidence_against=against,
        doctrine_not_read=doctrine_not_read,
        holds_if_urged=holds_if_urged,
        found_if_urged=found_if_urged,
        urged_doctrine_changes_result=found_if_urged is not None and found_if_urged != found,
        questions=questions(here, point, defendant, turning),
        stopped_at=stopped_at,
        burden_on=step.burden_on,
        standard=step.standard,
    )


def _turning(here: Court, point: Point, defendant: str, held: bool) -> list[Move]:
    """The single moves that turn the point (defeat it if it holds, carry it if not), best
    first: a move giving exactly the result claimed (or, for a point that holds, the
    opposite kind), then a reading of the law before a change of the record, then the
    record's own items before hypotheticals and the kit's premises, then case order."""
    found: list[tuple[int, int, int, Move]] = []
    for rank, move in enumerate(here.moves):
        after = move.level.step(point.issue, defendant).result.value
        if holds(point.claim, after) == held:
            continue
        exact = after == point.claim if not held else carries(after) != carries(point.claim)
        found.append((0 if exact else 1, _kind_rank(here, move), rank, move))
    return [m for *_, m in sorted(found, key=lambda x: x[:3])]


def _kind_rank(here: Court, move: Move) -> int:
    """A reading of the law first, then an item of the record, a hypothetical, a premise."""
    if move.kind == "doctrine":
        return 0
    if move.kind == "assumption":
        return 3
    return 1 if move.toggle is not None and here.world[move.toggle] else 2


def _answer(case: Case, move: Move, issue: str, defendant: str) -> BestAnswer:
    after = move.level.step(issue, defendant).result.value
    return BestAnswer(
        kind=move.kind,
        id=move.id,
        label=words.both(lambda lang: words.move_label(case, move, lang)),
        effect=after,
        to=move.to,
        text=words.both(
            lambda lang: words.t(
                lang,
                "moot.answer",
                move=words.move(case, move, lang),
                result=words.finding(case, issue, after, lang),
            )
        ),
    )


def _cited_in(case: Case, cited: str, vocabulary: tuple[str, ...]) -> bool:
    """Is a cited rule one the court rests on? The same pointer, or the whole article of a
    paragraph the court cites (a citation less precise, not a wrong one). A different
    paragraph of the same article is another rule (`cc-1165(1)` is not `cc-1165(2)`)."""
    if cited in vocabulary:
        return True
    law = case.law
    pointer = law.pointer(cited)
    if pointer.paragraph is None and pointer.item is None:
        return any(law.pointer(r).article == pointer.article for r in vocabulary)
    return False


def unanswered(here: Court, brief: Brief) -> tuple[str, ...]:
    """The issues the side must win at this court and that no point argues.

    The plaintiff (and a judgment) must carry every issue against each defendant concerned,
    up to the remedy. A defendant needs to defeat one issue: it must argue at least one of the
    issues the outcome turns on (`Court.decisive`); if it argues none, those are unanswered.
    """
    case = here.case
    several = len(case.defendants) > 1
    argued = {(p.issue, defendant_of(brief, p, case)) for p in brief.points}

    def name(issue: str, defendant: str) -> str:
        return f"{issue}.{defendant}" if several else issue

    if brief.side in case.defendants:
        decisive = here.decisive(brief.side)
        if any((i, brief.side) in argued for i in decisive):
            return ()
        return tuple(name(i, brief.side) for i in decisive)
    if brief.side == COURT:
        concerned: tuple[str, ...] = case.defendants
    else:
        named = {d for _, d in argued}
        concerned = tuple(d for d in case.defendants if d in named) or case.defendants[:1]
    issues = case.pack.issues
    return tuple(name(i, d) for d in concerned for i in issues if (i, d) not in argued)
