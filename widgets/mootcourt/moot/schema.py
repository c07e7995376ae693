"""The published shape of `mootcourt brief check --json` (`schemas/feedback.schema.json`).

Written as pydantic models so the committed JSON Schema is generated, never hand-kept; the
tests validate real output against the committed copy.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnswerReport(_Model):
    kind: Literal["toggle", "doctrine", "assumption"]
    id: str = Field(description="the toggle id, or `param=value`")
    label: str = Field(description="the item's label or the reading, in the chosen language")
    effect: str = Field(description="the result on the point's issue after this move")
    text: str = Field(description="'if ..., the court would find ...' in the chosen language")


class QuestionReport(_Model):
    key: str = Field(description="stable key; a stored answer refers to it")
    kind: Literal["assumption", "burden", "flip", "reading"]
    text: str = Field(description="the question, in the chosen language")
    hint: str = Field(description="what the engine's reasoning says (may be empty)")
    answer: str = Field(description="the student's stored answer (may be empty)")


class CriterionReport(_Model):
    id: str
    label: str
    weight: int
    met: bool
    reason: str = Field(description="a message key")
    reason_text: str


class PointScoreReport(_Model):
    total: int
    out_of: int
    criteria: list[CriterionReport]


class PointReport(_Model):
    index: int
    issue: str
    claim: str
    against: str | None
    defendant: str = Field(description="the defendant the point concerns")
    holds: bool = Field(description="the court, on the record and its own doctrine, carries it")
    found: str = Field(description="the court's result on the issue (or not_reached)")
    decisive: bool = Field(description="the outcome at this court turns on this issue")
    answers: list[AnswerReport] = Field(
        description="the single moves that defeat the point (if it holds) or carry it (if "
        "not), best first: the other side's best answer"
    )
    misconceptions: list[str] = Field(description="message keys (moot.misconception.*)")
    misconception_texts: list[str]
    rules_not_carrying: list[str]
    rules_not_in_force: list[str]
    evidence_not_read: list[str]
    evidence_not_in_record: list[str]
    evidence_against: list[str]
    doctrine_not_read: list[str]
    holds_if_urged: bool | None = Field(description="None: no reading urged")
    found_if_urged: str | None
    urged_doctrine_changes_result: bool
    questions: list[QuestionReport]
    score: PointScoreReport
    summary: list[str] = Field(description="the point's feedback as sentences")


class OpposingPoint(_Model):
    issue: str
    claim: str
    against: str | None
    rules: list[str]
    evidence: list[str]
    text: str = Field(description="the point, in the chosen language")


class OpposingReport(_Model):
    side: str
    points: list[OpposingPoint]


class ScoreReport(_Model):
    total: int
    out_of: int
    rubric: str = Field(description="where the rubric was read from")


class FeedbackReport(_Model):
    """The feedback on one brief: computed from the engine for the court addressed."""

    schema_version: Literal[1]
    file: str | None = Field(description="the brief file checked (None: a brief in memory)")
    case: str
    side: str
    court: str
    lang: Literal["zh-CN", "en"]
    author: str
    points: list[PointReport]
    unanswered: list[str] = Field(
        description="issues the side must win and did not argue (`issue.defendant` where "
        "the case has several defendants)"
    )
    unanswered_text: list[str]
    opposing: OpposingReport
    score: ScoreReport
