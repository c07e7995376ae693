"""Predict-then-reveal quizzes as data: a case's `quizzes.yaml`, checked against the engine.

A quiz asks how a court will decide one issue (or a point of law), offers options with
feedback on each, names the correct one, and, where an option claims what a court decides,
says so as data (`result` on the quiz's `decision`, or `liable`). Loading a quiz file
evaluates every such claim: the correct option's claim must be what the engine finds and no
other option's claim may be, so a change in the engine's reasoning breaks the quiz (with its
file:line) instead of teaching a student something the kit no longer says. `mootcourt
validate` loads the file of every case folder it checks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, RootModel

from .casefile import Flag, Id, Issue, Model, StatuteRef, Text
from .course import TEACHING_POINTS_FILE, load_syllabus
from .errors import DoctrineError, Problem, WorldError
from .scenarios import ResultName
from .validation import problem_at, raise_if, validate_file
from .world import check_toggle
from .yamlsource import Located, read_yaml

if TYPE_CHECKING:
    from .case import Case
    from .engine import Judgment
    from .engine.steps import Step

QUIZZES_FILE = "quizzes.yaml"


class Decision(Model):
    """The court's step the quiz is about: revealed after the student predicts."""

    level: Id
    issue: Issue
    defendant: Id | None = Field(
        default=None, description="required where the case has several defendants"
    )


class Option(Model):
    id: Id
    text: Text
    feedback: Text = Field(description="why this option is right or wrong, in both languages")
    result: ResultName | None = Field(
        default=None, description="this option claims the court finds this on the decision"
    )
    liable: Flag | None = Field(
        default=None,
        description="this option claims the decision's court holds the defendant liable",
    )


class Quiz(Model):
    id: Id
    lesson: str = Field(pattern=r"^\d\d-[a-z0-9-]+$", description="the notebook that asks it")
    question: Text
    decision: Decision | None = Field(
        default=None, description="the step revealed; none for a question on a point of law"
    )
    toggles: dict[Id, Flag] = Field(
        default_factory=dict, description="a hypothetical world: toggles changed from the record"
    )
    doctrine: dict[Id, dict[Id, str]] = Field(
        default_factory=dict, description="level id -> {parameter: value}"
    )
    options: list[Option] = Field(min_length=2)
    correct: Id
    point: Text | None = Field(
        default=None, description="the point of law revealed where there is no court's step"
    )
    statutes: list[StatuteRef] = Field(default_factory=list)
    teaching_points: list[Id] = Field(default_factory=list)

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        valid = ", ".join(o.id for o in self.options)
        raise KeyError(f"unknown option '{option_id}'; valid: {valid}")

    @property
    def hypothetical(self) -> bool:
        """Does the quiz ask about a changed world rather than the record?"""
        return bool(self.toggles or self.doctrine)


class QuizFile(RootModel[list[Quiz]]):
    pass


def quiz_judgment(case: Case, quiz: Quiz) -> Judgment:
    """The judgment in the quiz's world (the record unless it changes toggles or doctrine)."""
    from .engine import evaluate

    world = case.record_world().with_toggles(quiz.toggles)
    return evaluate(case, world, quiz.doctrine)


def decided_step(case: Case, quiz: Quiz) -> Step:
    """The court's step the quiz reveals, evaluated now by the engine."""
    if quiz.decision is None:
        raise ValueError(f"quiz '{quiz.id}' asks a point of law: it reveals no court's step")
    d = quiz.decision
    level = quiz_judgment(case, quiz).level(d.level)
    return level.step(d.issue, d.defendant or case.defendants[0])


def engine_agrees(case: Case, quiz: Quiz, option: Option) -> bool | None:
    """Does the engine find what this option claims? None if the option claims nothing."""
    if (option.result is None and option.liable is None) or quiz.decision is None:
        return None
    d = quiz.decision
    defendant = d.defendant or case.defendants[0]
    level = quiz_judgment(case, quiz).level(d.level)
    agrees = True
    if option.result is not None:
        agrees &= str(level.step(d.issue, defendant).result) == option.result
    if option.liable is not None:
        agrees &= level.defendants[defendant].liable == option.liable
    return agrees


def load_quizzes(case: Case) -> list[Quiz]:
    """The case's quizzes (an empty list if it has no `quizzes.yaml`), every reference and
    every claim about a court checked; raise `CaseError` listing each problem at its line."""
    path = Path(case.path).parent / QUIZZES_FILE
    if not path.is_file():
        return []
    located = read_yaml(path)
    quizzes = validate_file(located, QuizFile).root
    problems: list[Problem] = []
    points = _teaching_points(case)
    seen: set[str] = set()
    for i, quiz in enumerate(quizzes):
        problems.extend(_problems(case, located, i, quiz, points, seen))
    raise_if(problems)
    return quizzes


def _teaching_points(case: Case) -> set[str] | None:
    if not (Path(case.path).parent / TEACHING_POINTS_FILE).is_file():
        return None
    return {p.id for p in load_syllabus(case).points}


def _problems(
    case: Case, located: Located, i: int, quiz: Quiz, points: set[str] | None, seen: set[str]
) -> list[Problem]:
    found: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        found.append(problem_at(located, (i, *loc), message))

    if quiz.id in seen:
        bad(("id",), f"duplicate quiz id '{quiz.id}'")
    seen.add(quiz.id)
    option_ids = [o.id for o in quiz.options]
    for j, o in enumerate(quiz.options):
        if option_ids.count(o.id) > 1:
            bad(("options", j, "id"), f"duplicate option id '{o.id}'")
    if quiz.correct not in option_ids:
        bad(("correct",), f"unknown option '{quiz.correct}'; valid: {', '.join(option_ids)}")
    for toggle, value in quiz.toggles.items():
        try:
            check_toggle(case.toggles, toggle, value)
        except WorldError as exc:
            bad(("toggles", toggle), str(exc))
    world_ok = all(t in case.toggles for t in quiz.toggles)
    if world_ok:
        world = case.record_world().with_toggles(quiz.toggles)
        for needs in world.violations():
            bad(("toggles",), f"invalid world: '{needs[0]}' requires '{needs[1]}'")
            world_ok = False
    for level, params in quiz.doctrine.items():
        try:
            case.check_level(level)
        except DoctrineError as exc:
            bad(("doctrine", level), str(exc))
            world_ok = False
            continue
        for param, value in params.items():
            try:
                case.pack.check_value(param, value)
            except DoctrineError as exc:
                bad(("doctrine", level, param), str(exc))
                world_ok = False
    for j, cited in enumerate(quiz.statutes):
        if cited not in case.law:
            bad(("statutes", j), f"unknown statute '{cited}'")
    for j, point in enumerate(quiz.teaching_points):
        if points is None:
            where = f"no {TEACHING_POINTS_FILE} beside this case"
            bad(("teaching_points", j), f"{where} to define '{point}'")
        elif point not in points:
            valid = ", ".join(sorted(points))
            bad(("teaching_points", j), f"unknown teaching point '{point}'; valid: {valid}")
    claims = [o for o in quiz.options if o.result is not None or o.liable is not None]
    if quiz.decision is None:
        if quiz.point is None:
            bad(("point",), "a quiz without a decision must state its point of law")
        for o in claims:
            bad(("options", option_ids.index(o.id)), "claims a court's finding, but no decision")
        return found
    d = quiz.decision
    if d.level not in case.levels:
        bad(("decision", "level"), f"unknown level '{d.level}'; valid: {', '.join(case.levels)}")
        world_ok = False
    if d.defendant is not None and d.defendant not in case.defendants:
        valid = ", ".join(case.defendants)
        bad(("decision", "defendant"), f"unknown defendant '{d.defendant}'; valid: {valid}")
        world_ok = False
    if d.defendant is None and len(case.defendants) > 1:
        bad(("decision", "defendant"), f"name a defendant: {', '.join(case.defendants)}")
        world_ok = False
    if not world_ok or quiz.correct not in option_ids:
        return found
    for o in claims:
        agrees = engine_agrees(case, quiz, o)
        j = option_ids.index(o.id)
        if o.id == quiz.correct and not agrees:
            bad(
                ("options", j),
                f"the correct option's claim is not what the engine finds: {_found(case, quiz)}",
            )
        elif o.id != quiz.correct and agrees:
            bad(
                ("options", j),
                f"a wrong option's claim is what the engine finds: {_found(case, quiz)}",
            )
    return found


def _found(case: Case, quiz: Quiz) -> str:
    d = quiz.decision
    assert d is not None
    defendant = d.defendant or case.defendants[0]
    level = quiz_judgment(case, quiz).level(d.level)
    result = level.step(d.issue, defendant).result
    return (
        f"{d.level}/{defendant}/{d.issue}: {result}, liable: {level.defendants[defendant].liable}"
    )
