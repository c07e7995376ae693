"""`mootcourt check`: does the engine reproduce what a case file says it should?

`validate` asks whether a case file is well formed; `check` asks whether it is right. It
evaluates the record world and compares every level's outcome with `as_decided` (each
defendant, liable or not, each remedy), then runs every scenario of `scenarios.yaml`. A
mismatch is reported where the author wrote the expectation, as
`path:line: expected ..., the engine found ..., at issue ...`, so an instructor fixes the
line, or learns that the doctrine presets do not yet say what the court did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .case import Case
from .engine import Judgment, evaluate
from .engine.judgment import DefendantJudgment
from .errors import DoctrineError, WorldError
from .lessons import SCENARIOS_FILE
from .scenarios import DefendantExpect, Scenario
from .yamlsource import Located, read_yaml


@dataclass(frozen=True, slots=True)
class Failure:
    """One expectation the engine did not meet, at the line that states it."""

    file: str
    line: int | None
    expected: str
    found: str
    issue: str | None
    """where the defendant's walk decided the point (the issue named, or where it stopped)"""
    scenario: str | None = None
    """the scenario's name; None for the record world against `as_decided`"""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        within = f" (scenario '{self.scenario}')" if self.scenario else ""
        at = f", at issue {self.issue}" if self.issue else ""
        return f"{where}: expected {self.expected}, the engine found {self.found}{at}{within}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "expected": self.expected,
            "found": self.found,
            "issue": self.issue,
            "scenario": self.scenario,
        }


@dataclass(frozen=True, slots=True)
class Notice:
    """Something legal but probably not meant: it never fails a check."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: warning: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Everything `check` found for one case: counts of what was compared, and the failures."""

    case: Case
    levels: int
    scenarios: int
    failures: tuple[Failure, ...]
    warnings: tuple[Notice, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.failures


def check_case(case: Case) -> CheckReport:
    """The record world against `as_decided`, then every scenario; every failure found."""
    located = read_yaml(case.path)
    failures = list(_record_failures(case, located))
    path = case.path.parent / SCENARIOS_FILE
    scenarios = case.scenarios
    if scenarios:
        lines = read_yaml(path)
        for index, scenario in enumerate(scenarios):
            failures.extend(_scenario_failures(case, scenario, index, lines))
    warnings = (*_folder_warnings(case, located), *_unread_toggles(case, located))
    return CheckReport(case, len(case.levels), len(scenarios), tuple(failures), warnings)


def _folder_warnings(case: Case, located: Located) -> Iterable[Notice]:
    """A case is found by its folder's name (`mootcourt check zhang-v-shop-2023`), but named
    by its id in every output: the two should be one."""
    folder = case.path.parent.name
    if case.id != folder and not folder.startswith("_"):
        yield Notice(
            str(case.path),
            located.line_of(("id",)),
            f"the case id '{case.id}' differs from its folder '{folder}': rename one of them",
        )


def _unread_toggles(case: Case, located: Located) -> Iterable[Notice]:
    """Toggles no issue test reads, in the record world, in each world one valid flip away,
    or in any scenario, at any level: a switch a student can turn that changes nothing in
    the reasoning, usually because its `supports`, `defeats` or `about` name nothing the
    engine asks for. An `assertion` (pleaded, never weighed) is meant to change nothing."""
    record = case.record_world()
    worlds = [(record, {})]
    for toggle in case.toggles:
        worlds.append((record.with_toggles({toggle: not record[toggle]}, cascade=True), {}))
    for scenario in case.scenarios:
        worlds.append((record.with_toggles(scenario.toggles, cascade=True), scenario.doctrine))
    read: set[str] = set()
    for world, doctrine in worlds:
        if world.violations():
            continue
        try:
            judgment = evaluate(case, world, doctrine)
        except (DoctrineError, WorldError):
            continue
        for lv in judgment.levels:
            for step in lv.steps:
                read |= step.reads
    index = {item.id: ("evidence", i) for i, item in enumerate(case.file.evidence)}
    index |= {p.id: ("parties", i) for i, p in enumerate(case.file.parties)}
    asserted = {e.id for e in case.file.evidence if e.kind == "assertion"}
    for toggle in case.toggles:
        if toggle not in read and toggle not in asserted:
            yield Notice(
                str(case.path),
                located.line_of((*index[toggle], "id")),
                f"no reasoning step reads the toggle '{toggle}': switching it changes nothing "
                "(check what it supports, defeats or is about)",
            )


def deciding_issue(defendant: DefendantJudgment) -> str:
    """Where a defendant's walk decided the outcome: the first issue not made out (the court
    stopped there), or the last issue when every issue was made out."""
    for step in defendant.steps:
        if not step.result.carries_on:
            return step.issue
    return defendant.steps[-1].issue


def _liable(value: bool) -> str:
    return "liable" if value else "not liable"


def _remedies(granted: Iterable[str]) -> str:
    items = sorted(granted)
    return f"remedies [{', '.join(items)}]" if items else "no remedy"


def _stopped(defendant: DefendantJudgment) -> str:
    issue = deciding_issue(defendant)
    return f"{issue} ({defendant.step(issue).result})"


def _record_failures(case: Case, located: Located) -> Iterable[Failure]:
    judgment = evaluate(case, case.record_world())
    file = str(case.path)
    for index, level_id in enumerate(case.levels):
        lv = judgment.level(level_id)
        base = ("levels", index, "as_decided", "defendants")
        # the one comparison with the record, shared with the terminal and `--json`
        for diff in lv.record_differences():
            d, expected = diff.defendant, diff.expected
            got = lv.defendants[d]
            if diff.liability_differs:
                yield Failure(
                    file,
                    located.line_of((*base, d, "liable")),
                    f"{level_id}/{d} {_liable(expected.liable)} (as decided)",
                    _liable(diff.found.liable),
                    _stopped(got),
                )
            elif set(expected.remedies) != set(diff.found.remedies):
                yield Failure(
                    file,
                    located.line_of((*base, d, "remedies")),
                    f"{level_id}/{d} {_remedies(expected.remedies)} (as decided)",
                    _remedies(diff.found.remedies),
                    "remedy",
                )
            else:  # the sums or who owes them jointly
                what = "awarded" if expected.awarded != diff.found.awarded else "jointly_with"
                yield Failure(
                    file,
                    located.line_of((*base, d, what)),
                    f"{level_id}/{d} {expected.describe()} (as decided)",
                    diff.found.describe(),
                    "remedy",
                )


def _scenario_failures(
    case: Case, scenario: Scenario, index: int, lines: Located
) -> Iterable[Failure]:
    file = str(lines.path)

    def fail(loc: tuple[str | int, ...], expected: str, found: str, issue: str | None) -> Failure:
        line = lines.line_of((index, *loc))
        return Failure(file, line, expected, found, issue, scenario.name)

    try:
        world = case.record_world().with_toggles(scenario.toggles)
        judgment: Judgment = evaluate(case, world, scenario.doctrine)
    except (DoctrineError, WorldError) as exc:
        yield fail((), "a world the engine accepts", f"an error: {exc}", None)
        return
    for m in scenario_mismatches(case, scenario, judgment):
        yield fail(m.loc, m.expected, m.found, m.issue)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One expectation of a scenario that its judgment does not meet."""

    loc: tuple[str | int, ...]
    """where the expectation sits within the scenario (for its line)"""
    expected: str
    found: str
    issue: str | None


def scenario_mismatches(case: Case, scenario: Scenario, judgment: Judgment) -> Iterable[Mismatch]:
    """Every way `judgment` differs from the scenario's `expect`: the one comparison, read by
    `mootcourt check` (at the expectation's line) and by `scenarios.run`."""
    for level_id, expect in scenario.expect.items():
        lv = judgment.level(level_id)
        loc = ("expect", level_id)
        if lv.liable != expect.liable:
            stops = "; ".join(f"{d} at {_stopped(j)}" for d, j in lv.defendants.items())
            yield Mismatch(
                (*loc, "liable"),
                f"{level_id} {_liable(expect.liable)}",
                f"{_liable(lv.liable)} ({stops})",
                None,
            )
        if expect.remedies is not None and sorted(lv.remedies) != sorted(expect.remedies):
            yield Mismatch(
                (*loc, "remedies"),
                f"{level_id} {_remedies(expect.remedies)}",
                _remedies(lv.remedies),
                "remedy",
            )
        for d in case.defendants:
            dexp = expect.defendants.get(d, DefendantExpect())
            got = lv.defendants[d]
            own: Mapping[str, str] = dexp.issues()
            for issue, result in {**expect.issues(), **own}.items():
                actual = got.step(issue).result
                if actual != result:
                    at = (*loc, "defendants", d, issue) if issue in own else (*loc, issue)
                    yield Mismatch(at, f"{level_id}/{d} {issue} {result}", str(actual), issue)
            dloc = (*loc, "defendants", d)
            if dexp.liable is not None and got.liable != dexp.liable:
                yield Mismatch(
                    (*dloc, "liable"),
                    f"{level_id}/{d} {_liable(dexp.liable)}",
                    _liable(got.liable),
                    _stopped(got),
                )
            if dexp.remedies is not None and sorted(got.remedies) != sorted(dexp.remedies):
                yield Mismatch(
                    (*dloc, "remedies"),
                    f"{level_id}/{d} {_remedies(dexp.remedies)}",
                    _remedies(got.remedies),
                    "remedy",
                )
