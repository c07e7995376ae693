"""The schema of a case file (`case.yaml`): what an instructor-author writes.

Everything a person reads is bilingual (`Text`: zh-CN and en). Nothing here is evaluated as
code: conditions are lists of toggle ids, never expressions. Cross-references (a party named
in `offered_by`, a statute id in `rules`) are checked after this schema by `mootcourt.case`,
which knows the file's line numbers. The JSON Schema in `schemas/case.schema.json` is
generated from these models (`mootcourt schema case`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from .doctrine import Basis

DEFAULT_PACK = "leak"
"""the dispute pack of a case file that names none (every case written before packs)"""

Flag = Annotated[bool, Field(strict=True)]
"""true or false only: no 0/1, no quoted 'yes'"""
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="lower_snake_case id")]
DashedId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
StatuteRef = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*(\([0-9]+\)){0,2}$")]
"""A statute id, or a pointer to a paragraph or item of it: `cc-1165(1)`, `evidence-10(1)(4)`."""
_ID_SCHEMA = {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"}
OneOrMoreIds = Annotated[
    list[Id],
    BeforeValidator(lambda v: [v] if isinstance(v, str) else v),
    WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1}]}),
    Field(min_length=1),
]
"""One id, or a list of them: `offered_by: liu` or `offered_by: [qunar, china_eastern]`."""

Issue = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="an issue of the case's pack")
]
"""an issue id: which ids exist is the case's pack's to say (checked after the schema)"""
Fact = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="a fact of the case's pack")]
"""a fact evidence supports or defeats, or a claim needs: declared by the case's pack"""
EvidenceKind = Literal[
    "fact",  # ordinary evidence of a fact
    "general_compliance",  # filings, policies, certificates: the duty in principle
    "specific_processing",  # how this plaintiff's data was actually processed
    "assertion",  # pleaded, not weighed by either court
    "context",  # about other cases or the world at large, not this plaintiff's data
    "assumption",  # a premise the judgment presupposes that the sources do not show (labelled)
    "procedure",  # a procedural hypothesis: e.g. an item was before one court only
]
Remedy = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="a remedy kind of the case's pack")
]
"""a remedy kind: declared by the case's pack, with how a granted claim's sum is computed"""
CaseKind = Literal["reported", "reconstructed", "fictional"]
"""reported: facts and outcomes from published sources; reconstructed: a real dispute whose
record the kit rebuilt from partial sources (outcomes as reported); fictional: invented for
teaching (nothing in it is reported, so the kit never says so)."""
SourceBasis = Literal["reported", "inferred", "given"]
"""Where a value comes from: a published source reports it, it is our reading, or (in a
fictional case only) the case's author states it."""
Role = Literal["plaintiff", "defendant", "handler"]
Processing = Literal["own_account", "entrusted", "joint", "none"]
"""own_account: decides purposes and means (PIPL 73); entrusted: processes on a processor's
behalf (PIPL 21); joint: decides them together with another processor (PIPL 20); none."""
SensitiveCategory = Literal[
    "biometric",  # 生物识别
    "religious_belief",  # 宗教信仰
    "specific_identity",  # 特定身份
    "medical_health",  # 医疗健康
    "financial_account",  # 金融账户
    "whereabouts",  # 行踪轨迹
    "minor_under_14",  # 不满十四周岁未成年人的个人信息
    "other",  # 等: a kind PIPL 28's list does not name
]


def _whole_number(value: object) -> object:
    """YAML `true` or `1.0` is not the number 1: refuse them before the literal check."""
    if type(value) is not int:
        raise ValueError(f"must be the whole number 1 (got {value!r})")
    return value


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Text(Model):
    """Something a person reads, in both languages of the kit."""

    zh_CN: str = Field(alias="zh-CN", min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        """The text in `lang`; an unknown language raises rather than falling back to one."""
        if lang == "zh-CN":
            return self.zh_CN
        if lang == "en":
            return self.en
        raise ValueError(f"unknown language '{lang}'; valid: zh-CN, en")


class SourceRef(Model):
    """A passage of a source (e.g. the news report), by its ids in `sources`."""

    ref: DashedId
    passage: Id | None = None


class Setting(Model):
    """One doctrine value in a level's preset, with where it comes from."""

    value: str
    basis: SourceBasis
    note: Text | None = None


DoctrinePreset = dict[Id, Setting]
"""A level's value for each doctrine parameter of the case's pack (`mootcourt doctrine`); a
parameter with a default may be left out (it gets the default, marked as our reading)."""


def _not_a_flag(value: object) -> object:
    """YAML `true` is not a sum of money."""
    if isinstance(value, bool):
        raise ValueError(f"must be a number of yuan (got {value!r})")
    return value


Amount = Annotated[float, BeforeValidator(_not_a_flag), Field(ge=0)]
"""A sum of money in yuan (RMB)."""


class DefendantOutcome(Model):
    liable: Flag
    remedies: list[Id] = Field(default_factory=list, description="claim ids granted")
    awarded: dict[Id, Amount] = Field(
        default_factory=dict,
        description="claim id -> the sum awarded in yuan, for a money claim (compensation, "
        "distress) whose award the sources report",
    )
    jointly_with: list[Id] = Field(
        default_factory=list,
        description="the defendants with which this one is held jointly and severally liable "
        "(连带责任)",
    )


class AsDecided(Model):
    """What the court actually decided, as reported: the engine must reproduce it."""

    liable: Flag
    outcome: Text
    defendants: dict[Id, DefendantOutcome]
    source: SourceRef | None = None


class Appellants(Model):
    """Who appealed to a level, as reported (both parties may appeal)."""

    parties: list[Id] = Field(min_length=1)
    basis: SourceBasis


class Level(Model):
    id: Id
    label: Text
    court: Text
    doctrine: DoctrinePreset
    as_decided: AsDecided
    decided: Interval | None = Field(
        default=None,
        description="when this court decided (procedural rules are those in force then)",
    )
    reasoning_order: list[Issue] | None = Field(
        default=None, description="the order the court's reasoning was reported in"
    )
    reported_issues: list[Issue] | None = Field(
        default=None,
        description=(
            "the issues this court is reported to have decided (default: all); the steps on the"
            " others are shown as the kit's reading, never in the court's voice"
        ),
    )
    source: SourceRef | None = None
    appellants: Appellants | None = Field(
        default=None,
        description="who appealed to this court, where the sources say (default: inferred "
        "from who lost below)",
    )
    rules: dict[str, list[StatuteRef]] = Field(
        default_factory=dict,
        description="rule slot -> statute ids for this level only, overriding the case's "
        "`rules` and the engine's",
    )
    texts: dict[Literal["zh-CN", "en"], dict[str, str]] = Field(
        default_factory=dict,
        description="reasoning templates for this level only, overriding the case's `texts` "
        "and the engine's",
    )


class FieldRule(Model):
    """Some fields, held (or possibly held) when every `when` toggle is on, unless every
    `unless` toggle is on."""

    fields: list[Id] = Field(min_length=1)
    when: list[Id] = Field(default_factory=list)
    unless: list[Id] = Field(default_factory=list)
    possibly: Flag = Field(
        default=False, description="the party may hold these: they cannot be excluded"
    )
    basis: SourceBasis | None = Field(
        default=None, description="inferred: our assumption, shown to students as such"
    )


class Holdings(Model):
    """Which of the plaintiff's fields a party holds."""

    known_through: list[Id] = Field(
        default_factory=list,
        description="evidence without which this party's holdings are unknown",
    )
    rules: list[FieldRule] = Field(default_factory=list)
    basis: SourceBasis | None = Field(
        default=None,
        description="inferred: the list itself is our assumption, so an exclusion it drives "
        "rests on an assumption and says so",
    )


class RoleAtLevel(Model):
    """A party's part in the processing as one court saw it, where courts saw it differently
    (e.g. entrusted at first instance, a joint processor on appeal)."""

    processing: Processing
    entrusted_by: Id | None = None
    joint_with: list[Id] = Field(default_factory=list)
    basis: SourceBasis
    note: Text | None = None


class Party(Model):
    id: Id
    role: Role
    label: Text
    description: Text | None = None
    processing: Processing = "none"
    processing_basis: SourceBasis | None = None
    entrusted_by: Id | None = None
    joint_with: list[Id] = Field(
        default_factory=list,
        description="with `processing: joint`: the parties with which this one jointly decides "
        "the purposes and means of processing (PIPL 20)",
    )
    roles: dict[Id, RoleAtLevel] = Field(
        default_factory=dict,
        description="level id -> this party's processing role as that court saw it, where it "
        "differs from `processing`",
    )
    hypothetical: Flag = False
    holds: Holdings = Field(default_factory=Holdings)
    source: SourceRef | None = None
    attributes: list[Id] = Field(
        default_factory=list,
        description="attributes the case's pack declares for parties (e.g. consumer)",
    )
    named_by: list[Id] = Field(
        default_factory=list,
        description="the levels whose reported reasoning names this party (a step judging "
        "party by party names only these, and 'others' for the rest)",
    )


class Sensitivity(Model):
    """Why a field is sensitive personal information (PIPL 28): its category in the Article's
    list, and whether that is reported or our reading (e.g. whether an ID number is
    "specific identity" is disputed)."""

    category: SensitiveCategory
    basis: SourceBasis
    note: Text | None = None


class DataField(Model):
    id: Id
    label: Text
    sensitive: Sensitivity | None = Field(
        default=None,
        description="sensitive personal information (PIPL 28): a leak of it calls for the "
        "strict protection measures Art. 28(2) requires",
    )


class LeakSpec(Model):
    """What the third parties knew, when evidence shows the data reached them."""

    fields: list[FieldRule] = Field(min_length=1)


class Confinement(Model):
    """Items of evidence put before some levels only (e.g. produced for the first time on
    appeal)."""

    items: list[Id] = Field(min_length=1)
    levels: list[Id] = Field(min_length=1)


class Evidence(Model):
    id: Id
    label: Text
    detail: Text | None = None
    offered_by: OneOrMoreIds
    on_record: Flag
    kind: EvidenceKind
    supports: list[Fact] = Field(default_factory=list)
    defeats: list[Fact] = Field(default_factory=list)
    about: list[Id] = Field(
        default_factory=list, description="the defendants it concerns; empty means all"
    )
    requires: list[Id] = Field(default_factory=list)
    source: SourceRef | None = None
    rung: Literal["filing", "policy", "assessment", "processing_logs"] | None = Field(
        default=None,
        description="where evidence of no fault stands on the kit's teaching ladder (ours): a "
        "filing certificate or a policy < an assessment report < logs of how this plaintiff's "
        "data was processed",
    )
    before: list[Id] = Field(
        default_factory=list,
        description="the levels (courts) this item was before; empty means every level",
    )
    confines: Confinement | None = Field(
        default=None,
        description="a procedural hypothesis: when this toggle is on, the named items were "
        "before the named levels only",
    )
    amount: Amount | None = Field(
        default=None,
        description="for evidence of a loss: the sum in yuan it proves (compensation follows "
        "the loss proven, PIPL 69(2))",
    )
    stands_for: Id | None = Field(
        default=None,
        description="a refusal to produce a document: where the court accepts the applicant's "
        "account of its content, the document counts as if produced",
    )
    preconditions: list[Id] = Field(
        default_factory=list,
        description="procedural preconditions: this item has its effect only when all of "
        "these toggles are on (e.g. a refusal to produce counts only after a timely written "
        "application); unlike `requires`, a world without them is valid",
    )


class Claim(Model):
    id: Id
    label: Text
    kind: Remedy = Field(
        alias="remedy", description="the remedy kind claimed (one of the case's pack's)"
    )
    amount: Amount | None = Field(
        default=None, description="for compensation or distress: the sum claimed, in yuan"
    )
    against: list[Id] = Field(default_factory=list, description="empty means every defendant")
    needs: list[Fact] = Field(default_factory=list)
    grounds: Any = Field(
        default=None,
        description="a condition in the pack's rule language (e.g. {issue: breach, is: "
        "established}) that must hold for the claim to be granted; none: its needs suffice",
    )
    when: list[Id] = Field(
        default_factory=list,
        description="items of evidence that must all be on for the claim to be pleaded at "
        "all (a claim made only in some worlds); empty: always pleaded",
    )
    data: list[Id] = Field(
        default_factory=list, description="the fields a claim (e.g. a deletion) concerns"
    )
    detail: Text | None = None
    source: SourceRef | None = None


class Interval(Model):
    """A date known only to lie between two bounds; an open bound is unknown."""

    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    basis: SourceBasis | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"'from' ({self.start}) is after 'to' ({self.end})")
        return self


class TimelineChange(Model):
    when: list[Id] = Field(min_length=1)
    collected: Interval | None = None
    first_harm: Interval | None = None
    last_harm: Interval | None = None


class Timeline(Model):
    """When the leaked data was collected and when the harm came: PIPL's reach in time."""

    collected: Interval
    first_harm: Interval
    last_harm: Interval
    changes: list[TimelineChange] = Field(default_factory=list)


class Passage(Model):
    id: Id
    summary: Text


class Source(Model):
    id: DashedId
    kind: Literal["news_report", "judgment", "commentary", "case_file"] = Field(
        description="case_file: the fact sheet of a fictional case (the only kind its record "
        "evidence may cite, and only a fictional case may have one)"
    )
    title: Text
    published: dt.date | None = None
    where: Text | None = None
    passages: list[Passage] = Field(default_factory=list)


class Assumption(Model):
    id: Id
    text: Text
    concerns: list[Id] = Field(default_factory=list)


class CaseFile(Model):
    """A whole case: parties, data, evidence, claims, the courts and how they were decided."""

    schema_version: Annotated[Literal[1], BeforeValidator(_whole_number)]
    id: DashedId
    pack: Id = Field(
        default=DEFAULT_PACK,
        description="the dispute pack whose issues, doctrine, texts and remedies this case "
        "uses (`mootcourt packs`); a case that names none is a personal-information leak",
    )
    kind: CaseKind = Field(
        default="reported",
        description="reported (published sources), reconstructed (a real dispute, its record "
        "rebuilt by us) or fictional (invented for teaching: the output never says reported)",
    )
    title: Text
    summary: Text
    levels: list[Level] = Field(min_length=1)
    parties: list[Party] = Field(min_length=2)
    fields: list[DataField] = Field(min_length=1)
    leak: LeakSpec | None = Field(
        default=None, description="what the outsiders knew (a pack may require it)"
    )
    evidence: list[Evidence]
    claims: list[Claim] = Field(min_length=1)
    timeline: Timeline | None = Field(
        default=None, description="when the data were collected and the harm came"
    )
    dates: dict[Id, Interval] = Field(
        default_factory=dict,
        description="further named dates the case's pack declares (its rules may compare them)",
    )
    sources: list[Source] = Field(min_length=1)
    assumptions: list[Assumption] = Field(default_factory=list)
    rules: dict[str, list[StatuteRef]] = Field(
        default_factory=dict,
        description="rule slot -> statute ids or pointers (cc-1165(1)), overriding the engine's",
    )
    texts: dict[Literal["zh-CN", "en"], dict[str, str]] = Field(
        default_factory=dict, description="reasoning templates overriding the engine's"
    )
    issue_labels: dict[Issue, Text] = Field(
        default_factory=dict,
        description="an issue's name in this case's law (e.g. no 个人信息处理者 before PIPL)",
    )


OPTIONAL_SECTIONS: tuple[str, ...] = tuple(
    name
    for name, spec in CaseFile.model_fields.items()
    if not spec.is_required() and spec.default is None
)
"""the case-file sections a pack may require (`case: {sections: [...]}` in pack.yaml)"""


__all__ = [
    "Appellants",
    "AsDecided",
    "Assumption",
    "Basis",
    "CaseFile",
    "CaseKind",
    "Claim",
    "DataField",
    "DoctrinePreset",
    "Evidence",
    "FieldRule",
    "Holdings",
    "Interval",
    "Level",
    "Party",
    "RoleAtLevel",
    "Sensitivity",
    "SourceBasis",
    "Text",
    "Timeline",
]
