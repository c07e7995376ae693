"""The shape of `mootcourt evaluate --json`, as models from which the JSON Schema is generated.

The engine builds plain dicts (`Judgment.to_dict`) for speed; these models exist to publish
and test the contract (`schemas/judgment.schema.json`), which later tools (the dashboard,
notebooks, graders) rely on.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .casefile import Issue
from .doctrine import Basis
from .scenarios import ResultName


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutcomeReport(_Strict):
    """One defendant's outcome at one level: what a level reports per defendant, and both
    sides of a comparison with the record (`engine.judgment.Outcome`)."""

    liable: bool
    remedies: list[str]
    awarded: dict[str, float | None] = Field(
        description="money claims granted -> the sum in yuan (null: for the court to set)"
    )
    jointly_with: list[str] = Field(
        description="the defendants it owes the money with, jointly and severally"
    )


class RecordDifferenceReport(_Strict):
    defendant: str
    expected: OutcomeReport = Field(description="as the court decided it (`as_decided`)")
    found: OutcomeReport = Field(description="as the engine found it in this world")


class DoctrineValue(_Strict):
    value: str
    basis: Basis


class StepReport(_Strict):
    issue: Issue
    defendant: str
    result: ResultName
    burden_on: str | None
    standard: str | None = Field(
        description="the standard of proof the step applied (the pack's issue declares it, "
        "e.g. high_probability, beyond_reasonable_doubt); null where not reached"
    )
    rules: list[str]
    see_also: list[str] = Field(
        description="rules named only in the kit's notes, not among the court's grounds"
    )
    basis: Literal["reported", "inferred", "given"] = Field(
        description="inferred: the court is not reported to have decided this issue; given: "
        "the court decides it in a fictional case's file"
    )
    evidence: list[str]
    text: str
    reads: list[str]
    doctrine_reads: list[str]
    assumptions: list[str] = Field(
        description="ids of the case's assumptions this step rests on (our premises, not the "
        "court's): its level, its defendant, a toggle it read, evidence it weighed, or a "
        "party, field, item or claim its text names"
    )


class RecordComparison(_Strict):
    """This level's outcome in this world against what the court decided (`as_decided`)."""

    matches: bool
    differences: list[RecordDifferenceReport] = Field(
        description="each defendant whose outcome differs: what was decided, what the engine found"
    )


class LevelReport(_Strict):
    id: str
    label: str
    court: str
    liable: bool
    remedies: list[str]
    defendants: dict[str, OutcomeReport]
    doctrine: dict[str, DoctrineValue]
    record: RecordComparison
    reasoning_order: list[Issue] = Field(
        description="the order of the court's reasoning (`reasoning_order` in the case file)"
    )
    steps: list[StepReport]
    disposition: str | None = None
    """an appeal level's operative part (判决主文), in the court's idiom"""


class ParameterChange(_Strict):
    parameter: str
    values: list[str]
    bases: list[Basis]


class EvidenceDifference(_Strict):
    """An item the diverging steps read that was before one of the two courts only."""

    item: str
    before: str


class DivergenceReport(_Strict):
    issue: Issue
    levels: list[str]
    defendant: str
    results: list[ResultName]
    parameters: list[ParameterChange]
    evidence: list[EvidenceDifference] = []
    reason: str


class AssumptionReport(_Strict):
    """A premise of the case that the sources do not show: ours, labelled as such."""

    id: str
    text: str
    concerns: list[str]


class JudgmentReport(_Strict):
    """One evaluation of every level of a case, in one language."""

    case: str
    pack: str = Field(description="the dispute pack whose issues and vocabulary the case uses")
    lang: Literal["zh-CN", "en"]
    world: dict[str, bool]
    assumptions: list[AssumptionReport]
    levels: list[LevelReport]
    divergence: DivergenceReport | None = Field(
        description="the first entry of `divergences` (or null): kept for compatibility with "
        "earlier versions, which reported only the first pair of levels that differ"
    )
    divergences: list[DivergenceReport] = Field(
        description="one entry per pair of consecutive levels that differ, in level order"
    )
