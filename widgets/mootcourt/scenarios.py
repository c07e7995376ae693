"""Scenarios: expected outcomes written as data a law teacher can read (after OpenFisca's YAML
tests). Each names a world (toggles changed from the record), optional doctrine changes, what
each level must then find, and why, in both languages. pytest runs every scenario of every
case; `mootcourt validate` checks the file's references with line numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ConfigDict, Field, RootModel

from .casefile import Flag, Id, Model, Text
from .errors import DoctrineError, Problem, WorldError
from .validation import problem_at, raise_if, validate_file
from .world import check_toggle
from .yamlsource import read_yaml

if TYPE_CHECKING:
    from .case import Case
    from .engine import Judgment

ResultName = Literal[
    "established", "not_established", "presumed", "rebutted", "uncertain", "not_reached"
]


class IssueExpect(Model):
    """Expected results by issue id (`fault: presumed`): the keys are the case's pack's
    issues, checked against the pack when the scenarios are loaded."""

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)
    __pydantic_extra__: dict[str, ResultName] = Field(init=False)  # type: ignore[assignment]

    def issues(self) -> dict[str, str]:
        return {k: v for k, v in (self.__pydantic_extra__ or {}).items() if v is not None}


class DefendantExpect(IssueExpect):
    liable: Flag | None = None
    remedies: list[Id] | None = None


class LevelExpect(IssueExpect):
    """What one level must find; issue results apply to every defendant."""

    liable: Flag
    remedies: list[Id] | None = None
    defendants: dict[Id, DefendantExpect] = Field(default_factory=dict)


class Scenario(Model):
    name: str = Field(min_length=1, description="a short stable name (English), used in test ids")
    title: Text = Field(
        description="what a student picks from the prepared hypotheticals, in both languages"
    )
    why: Text
    toggles: dict[Id, Flag] = Field(default_factory=dict)
    doctrine: dict[Id, dict[Id, str]] = Field(
        default_factory=dict, description="level id -> {parameter: value}"
    )
    expect: dict[Id, LevelExpect]

    @property
    def changes(self) -> int:
        """How many things this scenario changes from the record as decided."""
        return len(self.toggles) + sum(len(v) for v in self.doctrine.values())


class ScenarioFile(RootModel[list[Scenario]]):
    pass


def load_scenarios(path: Path, case: Case) -> list[Scenario]:
    """Read and check a case's `scenarios.yaml`; raise `CaseError` with file:line problems."""
    located = read_yaml(path)
    scenarios = validate_file(located, ScenarioFile).root
    problems: list[Problem] = []
    names: set[str] = set()
    for i, s in enumerate(scenarios):

        def bad(loc: tuple[str | int, ...], message: str, i: int = i) -> None:
            problems.append(problem_at(located, (i, *loc), message))

        if s.name in names:
            bad(("name",), f"duplicate scenario name '{s.name}'")
        names.add(s.name)
        for toggle in s.toggles:
            try:
                check_toggle(case.toggles, toggle)
            except WorldError as exc:
                bad(("toggles", toggle), str(exc))
        world = case.record_world().with_toggles(
            {k: v for k, v in s.toggles.items() if k in case.toggles}
        )
        for need in world.violations():
            bad(("toggles",), f"invalid world: '{need[0]}' requires '{need[1]}'")
        for level, params in s.doctrine.items():
            try:
                case.check_level(level)
            except DoctrineError as exc:
                bad(("doctrine", level), str(exc))
            for param, value in params.items():
                try:
                    case.pack.check_value(param, value)
                except DoctrineError as exc:
                    bad(("doctrine", level, param), str(exc))
        for level, expect in s.expect.items():
            if level not in case.levels:
                bad(("expect", level), f"unknown level '{level}'; valid: {', '.join(case.levels)}")
            for owner, at in [(expect, ("expect", level))] + [
                (dexp, ("expect", level, "defendants", d)) for d, dexp in expect.defendants.items()
            ]:
                for issue in owner.issues():
                    if issue not in case.pack.issues:
                        bad(
                            (*at, issue),
                            f"unknown issue '{issue}'; valid: {', '.join(case.pack.issues)}"
                            " (or liable, remedies, defendants)",
                        )
            for claim in expect.remedies or ():
                if claim not in case.claims:
                    bad(
                        ("expect", level, "remedies"),
                        f"unknown claim '{claim}'; valid: {', '.join(case.claims)}",
                    )
            for d, dexp in expect.defendants.items():
                if d not in case.defendants:
                    bad(
                        ("expect", level, "defendants", d),
                        f"unknown defendant '{d}'; valid: {', '.join(case.defendants)}",
                    )
                for claim in dexp.remedies or ():
                    if claim not in case.claims:
                        bad(
                            ("expect", level, "defendants", d, "remedies"),
                            f"unknown claim '{claim}'; valid: {', '.join(case.claims)}",
                        )
        for level in case.levels:
            if level not in s.expect:
                bad(("expect",), f"no expectation for level '{level}'")
    raise_if(problems)
    return scenarios


def run(case: Case, scenario: Scenario) -> tuple[Judgment, list[str]]:
    """Evaluate a scenario; return the judgment and every way it differs from `expect`
    (the comparison `mootcourt check` makes, without the lines)."""
    from .checking import scenario_mismatches
    from .engine import evaluate

    world = case.record_world().with_toggles(scenario.toggles)
    try:
        judgment = evaluate(case, world, scenario.doctrine)
    except DoctrineError as exc:
        return None, [str(exc)]  # type: ignore[return-value]
    wrong = [
        f"expected {m.expected}, found {m.found}"
        for m in scenario_mismatches(case, scenario, judgment)
    ]
    return judgment, wrong
