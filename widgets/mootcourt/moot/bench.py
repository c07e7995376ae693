"""The bench: questions generated from the reasoning a point engages, never from a list.

Why generated: a bench that asks the same questions of every brief teaches nothing. Each
question here comes from the step the point engages at the court addressed: a premise of the
kit's that the step rests on (`Step.assumptions`), the burden and the standard
(`Step.burden_on`, `Step.standard`), the one move that would turn the point (the feedback's
best answer), and the competing reading where the law is contested (a doctrine parameter the
step read, whose other value changes the result). The order is fixed and the keys are stable
(`issue.kind`, then `.defendant` where the case has several, then `.premise` for a premise),
so a student's stored answer finds its question again after the brief is amended.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import words
from .reasoning import Court, Move

if TYPE_CHECKING:
    from ..case import Case
    from ..engine.steps import Step
    from .brief import Point

KINDS = ("assumption", "burden", "flip", "reading")

MAX_PREMISES = 2
"""At most this many premise questions per point: the ones nearest what the point relies on."""


@dataclass(frozen=True)
class Question:
    """One question from the bench, in both languages."""

    key: str
    """stable: `issue.kind` (+ `.defendant` where the case has several, + `.premise`)"""
    kind: str
    """assumption | burden | flip | reading"""
    text: Mapping[str, str]
    """{"zh-CN": ..., "en": ...}: labels, never ids"""
    hint: Mapping[str, str]
    """what the engine's reasoning says, for the instructor and the export (empty: none)"""


def questions(
    court: Court,
    point: Point,
    defendant: str,
    defeating: Sequence[Move],
) -> tuple[Question, ...]:
    """The bench's questions on one point, in a fixed order. `defeating` are the moves that
    turn the point (the feedback's best answers), best first."""
    case = court.case
    step = court.step(point.issue, defendant)
    suffix = f".{defendant}" if len(case.defendants) > 1 else ""
    base = f"{point.issue}"
    found: list[Question] = []
    for premise in _premises(case, step, point, defeating):
        text = next(a for a in case.file.assumptions if a.id == premise).text
        found.append(
            Question(
                f"{base}.assumption{suffix}.{premise}",
                "assumption",
                words.both(
                    lambda lang, text=text: words.t(
                        lang, "moot.question.assumption", premise=text(lang)
                    )
                ),
                {},
            )
        )
    if step.burden_on is not None and step.standard is not None:
        found.append(
            Question(
                f"{base}.burden{suffix}",
                "burden",
                words.both(
                    lambda lang: words.t(
                        lang, "moot.question.burden", issue=words.issue(case, point.issue, lang)
                    )
                ),
                words.both(
                    lambda lang: words.t(
                        lang,
                        "moot.question.burden.hint",
                        party=words.party(case, step.burden_on, lang),
                        standard=words.t(lang, f"standard.{step.standard}"),
                    )
                ),
            )
        )
    toggles = [m for m in defeating if m.kind != "doctrine"]
    if toggles:
        first = toggles[0]
        after = first.level.step(point.issue, defendant).result.value
        found.append(
            Question(
                f"{base}.flip{suffix}",
                "flip",
                words.both(
                    lambda lang: words.t(
                        lang,
                        "moot.question.flip",
                        move=words.move(case, first, lang),
                        result=words.finding(case, point.issue, after, lang),
                    )
                ),
                {},
            )
        )
    readings = [m for m in defeating if m.kind == "doctrine" and m.param in step.doctrine_reads]
    if readings:
        other = readings[0]
        assert other.param is not None and other.value is not None
        after = other.level.step(point.issue, defendant).result.value
        now = court.doctrine[other.param]
        found.append(
            Question(
                f"{base}.reading{suffix}",
                "reading",
                words.both(
                    lambda lang: words.t(
                        lang,
                        "moot.question.reading",
                        param=words.param(case, lang, other.param),  # type: ignore[arg-type]
                        value=words.value(case, lang, now),
                        other=words.value(case, lang, other.value),  # type: ignore[arg-type]
                        result=words.finding(case, point.issue, after, lang),
                    )
                ),
                {},
            )
        )
    return tuple(found)


def _premises(case: Case, step: Step, point: Point, defeating: Sequence[Move]) -> list[str]:
    """The premises of the step nearest the point: those concerning an item the point relies
    on or an item whose move turns it; failing those, those concerning an item the step
    read. Premises about a court or a party as a whole are left to the case's list."""
    if not step.assumptions:
        return []
    concerns = {a.id: set(a.concerns) for a in case.file.assumptions}
    near = set(point.evidence) | {m.toggle for m in defeating if m.toggle is not None}
    chosen = [a for a in step.assumptions if concerns[a] & near]
    if not chosen:
        chosen = [a for a in step.assumptions if concerns[a] & set(step.reads)]
    return chosen[:MAX_PREMISES]
