"""What a pack file (`packs/<id>/pack.yaml`) may say: the schema of a dispute's vocabulary.

A pack declares, as data, everything the engine used to know about one kind of dispute: its
issues in order, its doctrine parameters, its rule slots, its remedy kinds, the facts and
toggles its rules may name, and what a case of the pack must declare. The engine, the loader,
the views and the CLI read these declarations through `Pack`, never a pack's ids.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..casefile import Id, Model, StatuteRef, Text

ResultName = Literal[
    "established", "not_established", "presumed", "rebutted", "uncertain", "not_reached"
]
"""the values of `engine.steps.Result`: what a step can find"""
SlotName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]
"""a rule slot or text key: dotted lower_snake_case words (`remedy.apology`)"""


class PythonTest(Model):
    """An issue test written in Python: a function of the pack's `issues.py`."""

    python: Id = Field(description="the name of a function `(ctx, defendant) -> Finding`")


class IssueDecl(Model):
    """One issue a court walks through, in the pack's order."""

    id: Id
    label: Text
    results: list[ResultName] = Field(min_length=1)
    burden_on: Literal["plaintiff", "defendant"] | Id = Field(
        description="who bears the burden: plaintiff, defendant, or a doctrine parameter "
        "whose value names the side"
    )
    standard: Id = "high_probability"
    test: Literal["rules"] | PythonTest = Field(
        description="`rules` (the issue's rules in rules.yaml) or `{python: function}`"
    )


class ValueDecl(Model):
    """One value a doctrine parameter can take."""

    value: Id
    label: Text = Field(description="a short name for a control or a table")
    meaning: Text = Field(description="one line a student can read")
    basis: Literal["law", "ours"] = Field(
        default="law",
        description="law: a reading the law or a court supports; ours: the kit's own "
        "reconstruction, labelled as such wherever it is shown",
    )


class ParameterDecl(Model):
    """One doctrinal switch on which courts can differ."""

    name: Id
    label: Text
    values: list[ValueDecl] = Field(min_length=2)
    default: Id | None = Field(
        default=None,
        description="the value a level gets when its preset leaves this parameter out "
        "(marked as our reading); none: every level must set it",
    )
    several_defendants_only: bool = Field(
        default=False, description="decides nothing in a case with one defendant"
    )

    @model_validator(mode="after")
    def _default_is_a_value(self) -> ParameterDecl:
        names = [v.value for v in self.values]
        if self.default is not None and self.default not in names:
            raise ValueError(f"default '{self.default}' is not one of {', '.join(names)}")
        return self


class RemedyDecl(Model):
    """One kind of remedy a claim may ask for, and how a granted claim's sum is computed."""

    id: Id
    label: Text
    computation: Literal["none", "proven_loss", "claimed", "multiple", "assessed"] = Field(
        description="none: no sum (an apology, a deletion); proven_loss: the loss the evidence "
        "proves, capped by the claim; claimed: the sum claimed; multiple: `factor` times the "
        "proven price, at least `minimum`; assessed: a sum the court sets itself"
    )
    factor: float | None = Field(default=None, gt=0)
    minimum: float | None = Field(default=None, ge=0)
    needs: list[Id] = Field(
        default_factory=list, description="facts a claim of this kind always needs shown"
    )

    @model_validator(mode="after")
    def _multiple_has_factor(self) -> RemedyDecl:
        if self.computation == "multiple" and self.factor is None:
            raise ValueError("a multiple needs a factor (e.g. factor: 3)")
        if self.computation != "multiple" and (self.factor, self.minimum) != (None, None):
            raise ValueError("only computation: multiple has a factor or a minimum")
        return self

    @property
    def money(self) -> bool:
        """Is a claim of this kind paid in money (so it carries an amount, and is owed
        jointly where several owe it)?"""
        return self.computation != "none"


class FactDecl(Model):
    """A fact items of evidence support or defeat (`supports: [fact]`)."""

    id: Id
    label: Text


class ToggleDecl(Model):
    """An item of evidence (or a handler party) the pack's rules name by id."""

    id: Id
    label: Text
    required: bool = Field(
        default=True, description="a case of this pack must have it (false: may; absent, off)"
    )


class CaseDecl(Model):
    """What a case file of this pack must and may contain."""

    sections: list[Id] = Field(
        default_factory=list,
        description="optional case-file sections a case of this pack must have "
        "(`casefile.OPTIONAL_SECTIONS`)",
    )
    toggles: list[ToggleDecl] = Field(default_factory=list)
    party_attributes: list[FactDecl] = Field(
        default_factory=list, description="attributes a party may have (`attributes: [...]`)"
    )
    dates: list[FactDecl] = Field(
        default_factory=list, description="named dates a case gives under `dates:`"
    )


class Hooks(Model):
    """Python functions of the pack's `issues.py` the engine calls at fixed points."""

    whole_level: Id | None = Field(
        default=None,
        description="(ctx, {defendant: DefendantJudgment}) -> the same, after every "
        "defendant of a level is judged (e.g. joint and several liability)",
    )
    data_flow: Id | None = Field(
        default=None, description="(ctx) -> who holds what, for the parties panel"
    )


class PackFile(Model):
    """A whole pack.yaml."""

    id: Id
    title: Text
    summary: Text
    issues: list[IssueDecl] = Field(min_length=1)
    parameters: list[ParameterDecl] = Field(default_factory=list)
    rule_slots: dict[SlotName, list[StatuteRef]] = Field(default_factory=dict)
    remedies: list[RemedyDecl] = Field(min_length=1)
    facts: list[FactDecl] = Field(default_factory=list)
    terms: dict[SlotName, Text] = Field(
        default_factory=dict,
        description="further words the pack's texts name as terms (`anchor.act`)",
    )
    case: CaseDecl = Field(default_factory=CaseDecl)
    hooks: Hooks = Field(default_factory=Hooks)
    walk: Literal["chain", "independent"] = Field(
        default="chain",
        description="chain: a defendant's walk stops at the first issue not made out (later "
        "issues are not reached); independent: every issue is decided, and an issue that "
        "depends on an earlier one says so in its own test",
    )
