"""The shape of `mootcourt explain --json`, as models from which the JSON Schema is generated.

`Explanation.to_dict` builds plain dicts; these models publish the contract
(`schemas/explain.schema.json`) for the dashboard, notebooks and graders, and a test checks
real output against it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Basis = Literal["reported", "inferred", "given", "override", "hypothetical"]
"""`hypothetical`: what separates two courts' records is only a hypothesis of the case file"""
LevelResult = bool | None
"""true: liable; false: not liable; null: open (it depends on unknown facts)"""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LevelChange(_Strict):
    before: LevelResult
    after: LevelResult
    changes: bool
    issue: str | None = Field(description="where the reasoning first changes (complete worlds)")


class FlipReport(_Strict):
    toggle: str
    current: bool | Literal["unknown"]
    to: bool | None = Field(description="the value a flip sets; null for an unknown toggle")
    unavailable: bool = Field(description="it cannot be turned on while what it needs is off")
    blocked_by: list[str]
    cascade: list[str] = Field(description="toggles turned off with it (they require it)")
    levels: dict[str, LevelChange]
    text: str


class WorldCount(_Strict):
    valid: int
    liable: int


class ConditionParts(_Strict):
    common: dict[str, bool]
    factors: list[list[dict[str, bool]]]


class SettledReport(_Strict):
    settled: bool
    liable: LevelResult
    depends_on: list[str]
    text: str


class Setting(_Strict):
    value: str
    basis: Basis


class MoveReport(_Strict):
    parameter: str = Field(description="a doctrine parameter, or `record`")
    from_: Setting = Field(alias="from")
    to: Setting
    necessary: bool
    sufficient: bool
    pivotal: int = Field(description="in how many orders this move turns the result")
    basis: Basis = Field(
        description="the move's own basis, the weaker of its two ends: a move needed only "
        "because the first court's setting is ours is not a reported need"
    )


class SubsetReport(_Strict):
    moves: list[str]
    liable: LevelResult


class PathReport(_Strict):
    order: list[str]
    results: list[LevelResult]
    pivot: str | None


class DecompositionReport(_Strict):
    levels: list[str]
    start: LevelResult
    target: LevelResult
    reversal: bool
    moves: list[MoveReport]
    subsets: list[SubsetReport]
    paths: list[PathReport]
    text: str


class LevelBasis(_Strict):
    basis: Basis = Field(description="the weakest basis among the settings below")
    settings: dict[str, Basis] = Field(
        description="the doctrine parameters this level's figures and sentences rest on"
    )
    text: str


class ExplainReport(_Strict):
    """The what-if analysis of one case in one (possibly partial) world, in one language."""

    case: str
    lang: Literal["zh-CN", "en"]
    levels: list[str]
    world: dict[str, bool | Literal["unknown"]]
    sensitivity: list[FlipReport]
    worlds: dict[str, WorldCount]
    irrelevant: dict[str, list[str]]
    influence: dict[str, dict[str, int]]
    conditions: dict[str, list[dict[str, bool]]] = Field(
        description="per level, liability as a sum of products: each term maps toggle -> value"
    )
    condition_parts: dict[str, ConditionParts]
    condition_text: dict[str, str]
    settled: dict[str, SettledReport]
    decomposition: list[DecompositionReport]
    basis: dict[str, LevelBasis] = Field(
        description="per level, the basis of the doctrine its counts, conditions and flips "
        "rest on (their sentences say so too)"
    )
