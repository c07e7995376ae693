"""A transparent score: a rubric an instructor can read and change, shown with its reasons.

Why a file and not constants: marking schemes differ between courses and competitions, so the
weights and the words are the instructor's (`moot/rubric.yaml` is the default to copy). The
criteria themselves are the kit's, each computed from the feedback (never from the student's
words), and every mark comes with the reason it was or was not given: never a hidden number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..casefile import Text
from ..errors import CaseError
from ..validation import problem_at, raise_if, validate_file
from ..yamlsource import parse_yaml, read_yaml

if TYPE_CHECKING:
    from .brief import Point
    from .feedback import Feedback, PointFeedback

Verdict = tuple[bool, str]
"""met or not, and the reason's message key"""


def _holds(point: Point, found: PointFeedback) -> Verdict:
    return (True, "moot.rubric.holds.met") if found.holds else (False, "moot.rubric.holds.unmet")


def _decisive(point: Point, found: PointFeedback) -> Verdict:
    if found.decisive:
        return True, "moot.rubric.decisive.met"
    return False, "moot.rubric.decisive.unmet"


def _answers(point: Point, found: PointFeedback) -> Verdict:
    if not found.answers:
        return True, "moot.rubric.answers.nothing"
    best = found.answers[0]
    if best.kind == "doctrine":
        met = best.id.split("=", 1)[0] in point.doctrine
    else:
        met = best.id in point.evidence
    return (True, "moot.rubric.answers.met") if met else (False, "moot.rubric.answers.unmet")


def _rules_exact(point: Point, found: PointFeedback) -> Verdict:
    if not point.rules:
        return False, "moot.rubric.rules_exact.none"
    if found.rules_not_carrying or found.rules_not_in_force:
        return False, "moot.rubric.rules_exact.unmet"
    return True, "moot.rubric.rules_exact.met"


def _evidence_read(point: Point, found: PointFeedback) -> Verdict:
    if not point.evidence:
        return False, "moot.rubric.evidence_read.none"
    if found.evidence_not_read or found.evidence_not_in_record or found.evidence_against:
        return False, "moot.rubric.evidence_read.unmet"
    return True, "moot.rubric.evidence_read.met"


CRITERIA: Mapping[str, Callable[[Point, PointFeedback], Verdict]] = MappingProxyType(
    {
        "holds": _holds,
        "decisive": _decisive,
        "answers": _answers,
        "rules_exact": _rules_exact,
        "evidence_read": _evidence_read,
    }
)
"""The kit's criteria, by id: each judges one point's feedback."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CriterionFile(_Model):
    id: Literal[tuple(CRITERIA)] = Field(  # type: ignore[valid-type]
        description="one of the kit's criteria"
    )
    weight: Annotated[int, Field(ge=0, strict=True)] = Field(description="marks for it")
    label: Text


class RubricFile(_Model):
    """An instructor's rubric for moot-court briefs."""

    schema_version: Literal[1]
    criteria: list[CriterionFile] = Field(min_length=1)


@dataclass(frozen=True)
class Criterion:
    id: str
    weight: int
    label: Mapping[str, str]


@dataclass(frozen=True)
class Rubric:
    criteria: tuple[Criterion, ...]
    source: str
    """where it was read from (the default, or the instructor's file)"""


def load_rubric(path: str | Path) -> Rubric:
    """An instructor's rubric; `CaseError` with `file:line` for a broken one."""
    located = read_yaml(Path(path))
    return _from(located)


def _from(located: object) -> Rubric:
    model = validate_file(located, RubricFile)  # type: ignore[arg-type]
    problems = []
    seen: set[str] = set()
    for i, c in enumerate(model.criteria):
        if c.id in seen:
            problems.append(problem_at(located, ("criteria", i, "id"), f"'{c.id}' appears twice"))  # type: ignore[arg-type]
        seen.add(c.id)
    raise_if(problems)
    return Rubric(
        tuple(
            Criterion(c.id, c.weight, MappingProxyType({"en": c.label.en, "zh-CN": c.label.zh_CN}))
            for c in model.criteria
        ),
        str(located.path),  # type: ignore[attr-defined]
    )


@cache
def default_rubric() -> Rubric:
    """The kit's rubric (`moot/rubric.yaml`)."""
    path = resources.files(__package__).joinpath("rubric.yaml")
    raw = path.read_bytes()
    try:
        return _from(parse_yaml(raw, Path("mootcourt/moot/rubric.yaml")))
    except CaseError:  # pragma: no cover (a test keeps the shipped rubric valid)
        raise


@dataclass(frozen=True)
class CriterionScore:
    id: str
    weight: int
    label: Mapping[str, str]
    met: bool
    reason: str
    """a message key: why the mark was or was not given"""

    @property
    def marks(self) -> int:
        return self.weight if self.met else 0


@dataclass(frozen=True)
class PointScore:
    index: int
    criteria: tuple[CriterionScore, ...]

    @property
    def total(self) -> int:
        return sum(c.marks for c in self.criteria)

    @property
    def out_of(self) -> int:
        return sum(c.weight for c in self.criteria)


@dataclass(frozen=True)
class Score:
    points: tuple[PointScore, ...]
    rubric: Rubric

    @property
    def total(self) -> int:
        return sum(p.total for p in self.points)

    @property
    def out_of(self) -> int:
        return sum(p.out_of for p in self.points)


def score(feedback: Feedback, rubric: Rubric | None = None) -> Score:
    """Each point against each criterion of the rubric, with the reason for each mark."""
    rubric = rubric or default_rubric()
    points = []
    for point, found in zip(feedback.brief.points, feedback.points, strict=True):
        marks = []
        for criterion in rubric.criteria:
            met, reason = CRITERIA[criterion.id](point, found)
            marks.append(
                CriterionScore(criterion.id, criterion.weight, criterion.label, met, reason)
            )
        points.append(PointScore(found.index, tuple(marks)))
    return Score(tuple(points), rubric)
