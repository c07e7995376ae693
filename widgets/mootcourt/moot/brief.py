"""A brief: the side a student argues, the court addressed, and the points argued.

Why two shapes: the kit reads and writes briefs as immutable dataclasses (`Brief`, `Point`,
`Answer`), which the widget and the feedback pass around and never mutate; the file on disk
is checked first against a pydantic model (`BriefFile`, the source of `mootcourt schema
brief`) so that a hand-edited brief is refused with `file:line: field.path: message` before
anything reads it, exactly as a case file is. Everything a point names (issue, party, level,
statute, toggle, doctrine value) is then checked against the case it argues, and an unknown
id lists the valid ones.

Nothing here names an issue, a party or a toggle of any case: the vocabulary is the case's
and the engine's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..engine.steps import Result
from ..errors import CaseError, CaseNotFound, DoctrineError, Problem
from ..i18n import LANGUAGES
from ..validation import did_you_mean, problem_at, validate_file
from ..yamlsource import Located

if TYPE_CHECKING:
    from ..case import Case

SCHEMA_VERSION = 1
"""The brief file format's version; a change that old files cannot meet raises it."""

COURT = "court"
"""The side of a judgment written in judge mode: the student writes as the court."""

CLAIMS: tuple[str, ...] = tuple(r.value for r in Result)
"""A point argues for one of the results the engine can reach on an issue."""


class BriefError(CaseError):
    """A brief that cannot be read or saved, with every problem as `file:line: field: message`.

    A subclass of the kit's `CaseError` so that the CLI's one handler prints it and exits 1.
    """


# --------------------------------------------------------------------------- the data model


@dataclass(frozen=True)
class Point:
    """One point argued: an issue, the result argued for, and what it relies on."""

    issue: str
    """an issue id of the case (the engine's `Step.issue`)"""
    claim: str
    """the result argued for (a `Result` value: established, not_established, ...)"""
    against: str | None = None
    """the defendant the point concerns (required where the case has several defendants and
    the side is not a defendant itself)"""
    rules: tuple[str, ...] = ()
    """statute ids relied on (paragraph pointers allowed: `pipl-69(1)`)"""
    evidence: tuple[str, ...] = ()
    """toggle ids relied on: items of evidence or parties of the case"""
    doctrine: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """doctrine parameter -> the value urged on the court addressed"""
    text: str = ""
    """the student's own words: stored and shown, never graded by the machine"""

    def __post_init__(self) -> None:
        # freeze what a caller may pass as a list or a dict, so a Point is truly immutable
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "evidence", tuple(self.evidence))
        object.__setattr__(self, "doctrine", MappingProxyType(dict(self.doctrine)))

    def __hash__(self) -> int:
        return hash(
            (
                self.issue,
                self.claim,
                self.against,
                self.rules,
                self.evidence,
                tuple(sorted(self.doctrine.items())),
                self.text,
            )
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Point):
            return NotImplemented
        return (
            self.issue == other.issue
            and self.claim == other.claim
            and self.against == other.against
            and self.rules == other.rules
            and self.evidence == other.evidence
            and dict(self.doctrine) == dict(other.doctrine)
            and self.text == other.text
        )


@dataclass(frozen=True)
class Answer:
    """A student's answer to one of the bench's questions: stored and shown, never graded."""

    question: str
    """the question's stable key (`Question.key`)"""
    text: str


@dataclass(frozen=True)
class Brief:
    """A side's written argument to one court (or, with `side: court`, a judgment)."""

    case: str
    """the case id"""
    side: str
    """a party id of the case (the plaintiff or a defendant), or `court` in judge mode"""
    court: str
    """a level id: the court addressed, or whose judgment the student writes"""
    lang: str = "en"
    """the language the student works in: zh-CN or en"""
    author: str = ""
    """free text: a Voila kernel knows no user, so the student writes a name or a team"""
    points: tuple[Point, ...] = ()
    answers: tuple[Answer, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "points", tuple(self.points))
        object.__setattr__(self, "answers", tuple(self.answers))

    @property
    def judging(self) -> bool:
        """Is this a judgment written in judge mode rather than a party's brief?"""
        return self.side == COURT

    def with_point(self, point: Point) -> Brief:
        return replace(self, points=(*self.points, point))

    def without_point(self, index: int) -> Brief:
        points = list(self.points)
        del points[index]
        return replace(self, points=tuple(points))

    def replace_point(self, index: int, point: Point) -> Brief:
        points = list(self.points)
        points[index] = point
        return replace(self, points=tuple(points))

    def with_answer(self, answer: Answer) -> Brief:
        """The brief with this answer, replacing an earlier answer to the same question (a
        student who rethinks an answer amends it; the file keeps the latest)."""
        kept = tuple(a for a in self.answers if a.question != answer.question)
        return replace(self, answers=(*kept, answer))

    def answer_to(self, question: str) -> str:
        """The student's answer to a question key, or "" if none yet."""
        return next((a.text for a in self.answers if a.question == question), "")

    def to_data(self) -> dict[str, Any]:
        """The plain mapping written to the YAML file (keys in a reader's order; empty
        optional parts left out so an instructor reads only what the student wrote)."""
        points = []
        for p in self.points:
            entry: dict[str, Any] = {"issue": p.issue, "claim": p.claim}
            if p.against is not None:
                entry["against"] = p.against
            if p.rules:
                entry["rules"] = list(p.rules)
            if p.evidence:
                entry["evidence"] = list(p.evidence)
            if p.doctrine:
                entry["doctrine"] = dict(p.doctrine)
            if p.text:
                entry["text"] = p.text
            points.append(entry)
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "case": self.case,
            "side": self.side,
            "court": self.court,
            "lang": self.lang,
        }
        if self.author:
            data["author"] = self.author
        data["points"] = points
        if self.answers:
            data["answers"] = [{"question": a.question, "text": a.text} for a in self.answers]
        return data


def defendant_of(brief: Brief, point: Point, case: Case) -> str:
    """The defendant a point concerns: the one it names, else the side itself when the side
    is a defendant, else the case's only defendant (checked briefs always have one of these)."""
    if point.against is not None:
        return point.against
    if brief.side in case.defendants:
        return brief.side
    return case.defendants[0]


def opposite_sides(brief: Brief, case: Case) -> tuple[str, ...]:
    """Who answers this brief: the plaintiff answers a defendant; the defendants a plaintiff's
    points are against (or the first defendant) answer the plaintiff."""
    if brief.side in case.defendants:
        return (case.plaintiff,)
    named = tuple(dict.fromkeys(defendant_of(brief, p, case) for p in brief.points))
    return named or (case.defendants[0],)


# --------------------------------------------------------------------------- the file model


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="lower_snake_case id")]
StatuteRef = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_-]*(\([0-9]+\)){0,2}$",
        description="a statute id of the kit's statute book, or a paragraph or item of it: "
        "`pipl-69(1)`",
    ),
]


class PointFile(_Model):
    """One point as written in the brief file."""

    issue: Id = Field(description="an issue of the case (`mootcourt doctrine` lists them)")
    claim: Literal[CLAIMS] = Field(  # type: ignore[valid-type]
        description="the result argued for on that issue"
    )
    against: Id | None = Field(
        default=None,
        description="the defendant the point concerns; required where the case has several "
        "defendants and the side is not a defendant",
    )
    rules: list[StatuteRef] = Field(default_factory=list, description="statute ids relied on")
    evidence: list[Id] = Field(
        default_factory=list, description="items of evidence or parties relied on (toggle ids)"
    )
    doctrine: dict[str, str] = Field(
        default_factory=dict,
        description="doctrine parameter -> the value urged on the court addressed",
    )
    text: str = Field(default="", description="the student's own words (never graded)")


class AnswerFile(_Model):
    """A student's answer to a question from the bench."""

    question: str = Field(min_length=1, description="the question's key, e.g. `fault.burden`")
    text: str = Field(default="", description="the student's answer (never graded)")


class BriefFile(_Model):
    """A moot-court brief (or, with `side: court`, a student's judgment), as a YAML file."""

    schema_version: Literal[1] = Field(description="the brief format's version: 1")
    case: str = Field(
        pattern=r"^[a-z][a-z0-9_-]*$",
        description="the case id, e.g. liu-v-platform-2024 (an id, never a path: a brief is "
        "checked against a case of the kit's lessons)",
    )
    side: Id = Field(
        description="the party argued for (the plaintiff or a defendant), or `court` for a "
        "judgment written in judge mode"
    )
    court: Id = Field(description="the level addressed (or whose judgment is written)")
    lang: Literal[LANGUAGES] = Field(  # type: ignore[valid-type]
        default="en", description="the language the student works in"
    )
    author: str = Field(default="", description="a name or a team (free text)")
    points: list[PointFile] = Field(default_factory=list)
    answers: list[AnswerFile] = Field(default_factory=list)


def from_file(model: BriefFile) -> Brief:
    """The dataclass of a brief file that passed the schema (references not yet checked)."""
    return Brief(
        case=model.case,
        side=model.side,
        court=model.court,
        lang=model.lang,
        author=model.author,
        points=tuple(
            Point(
                issue=p.issue,
                claim=p.claim,
                against=p.against,
                rules=tuple(p.rules),
                evidence=tuple(p.evidence),
                doctrine=dict(p.doctrine),
                text=p.text,
            )
            for p in model.points
        ),
        answers=tuple(Answer(a.question, a.text) for a in model.answers),
    )


# --------------------------------------------------------------------------- checking


def parse_brief(located: Located, case: Case | None = None) -> tuple[Brief, Case]:
    """A parsed YAML brief checked against the schema and against its case.

    Raises `BriefError` with every problem found, each at its line. `case` may be given (the
    widget has it loaded); otherwise the brief's `case` id is loaded.
    """
    try:
        model = validate_file(located, BriefFile)
    except CaseError as exc:
        raise BriefError(exc.problems) from None
    brief = from_file(model)
    if case is None or case.id != brief.case:
        case = _load(brief.case, located)
    problems = brief_problems(brief, case, located)
    if problems:
        raise BriefError(problems)
    return brief, case


def _load(case_id: str, located: Located) -> Case:
    from ..case import load_case

    try:
        return load_case(case_id)
    except CaseNotFound:
        known = known_cases()
        raise BriefError(
            [problem_at(located, ("case",), f"unknown case '{case_id}'{_valid(case_id, known)}")]
        ) from None
    except CaseError as exc:
        # the case file itself is broken: say so at the brief's `case`, then the case's lines
        where = problem_at(located, ("case",), f"case '{case_id}' cannot be loaded")
        raise BriefError([where, *exc.problems]) from None


def known_cases() -> list[str]:
    """The case ids a brief may name: the cases under every lessons root."""
    from ..lessons import case_ids, search_roots

    return sorted({c for root in search_roots() for c in case_ids(root)})


def brief_problems(brief: Brief, case: Case, located: Located | None = None) -> list[Problem]:
    """Every reference in `brief` that `case` does not have, at its line when `located` is
    given (a brief read from a file), else at `<brief>` (a brief built in memory)."""
    problems: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        if located is not None:
            problems.append(problem_at(located, loc, message))
        else:
            from ..yamlsource import dotted

            problems.append(Problem("<brief>", None, dotted(loc), message))

    if brief.case != case.id:
        bad(("case",), f"this brief argues case '{brief.case}', not '{case.id}'")
    sides = (case.plaintiff, *case.defendants, COURT)
    if brief.side not in sides:
        bad(("side",), f"unknown side '{brief.side}'{_valid(brief.side, sides)}")
    if brief.court not in case.levels:
        bad(("court",), f"unknown court '{brief.court}'{_valid(brief.court, case.levels)}")
    if brief.lang not in LANGUAGES:
        bad(("lang",), f"unknown language '{brief.lang}'{_valid(brief.lang, LANGUAGES)}")
    for i, point in enumerate(brief.points):
        _point_problems(brief, case, point, ("points", i), bad)
    return sorted(problems, key=lambda p: p.line or 0)


def _point_problems(brief: Brief, case: Case, point: Point, loc: tuple, bad: Any) -> None:
    issues = case.pack.issues
    if point.issue not in issues:
        bad((*loc, "issue"), f"unknown issue '{point.issue}'{_valid(point.issue, issues)}")
    if point.claim not in CLAIMS:
        bad((*loc, "claim"), f"unknown result '{point.claim}'{_valid(point.claim, CLAIMS)}")
    several = len(case.defendants) > 1
    if point.against is not None:
        if point.against not in case.defendants:
            bad(
                (*loc, "against"),
                f"'{point.against}' is not a defendant{_valid(point.against, case.defendants)}",
            )
        elif brief.side in case.defendants and point.against != brief.side:
            bad(
                (*loc, "against"),
                f"a brief for '{brief.side}' argues its own case: 'against' must be "
                f"'{brief.side}' or left out",
            )
    elif several and brief.side not in case.defendants:
        bad(
            (*loc, "against"),
            f"this case has several defendants: name the one the point concerns "
            f"(valid: {', '.join(case.defendants)})",
        )
    for j, rule in enumerate(point.rules):
        if rule not in case.law:
            bad(
                (*loc, "rules", j),
                f"unknown statute id '{rule}'{_hint(rule, case.law)}",
            )
    for j, item in enumerate(point.evidence):
        if item not in case.toggles:
            bad(
                (*loc, "evidence", j),
                f"unknown item of evidence or party '{item}'{_valid(item, case.toggles)}",
            )
    for param, value in point.doctrine.items():
        try:
            case.pack.check_value(param, value)
        except DoctrineError as exc:
            bad((*loc, "doctrine", param), str(exc))
            continue
        if not case.pack.applies(param, len(case.defendants)):
            bad(
                (*loc, "doctrine", param),
                f"'{param}' decides nothing in a case with one defendant "
                f"(valid: {', '.join(p for p in case.pack.parameters if case.pack.applies(p, 1))})",
            )


def _valid(item: str, known: Mapping[str, Any] | tuple[str, ...] | list[str]) -> str:
    """'; did you mean X? (valid: a, b, c)': every unknown id lists the valid ones."""
    known = list(known)
    close = did_you_mean(item, known)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"{hint} (valid: {', '.join(known)})"


def _hint(item: str, known: Mapping[str, Any]) -> str:
    """For the statute book (too long to list): the close ids, and where the list is."""
    close = did_you_mean(item, list(known))
    if close:
        return f"; did you mean '{close}'?"
    return " (the statute book's ids: lessons/law/statutes.yaml)"


def iter_points(brief: Brief, case: Case) -> Iterator[tuple[int, Point, str]]:
    """Each point with its index and the defendant it concerns."""
    for i, point in enumerate(brief.points):
        yield i, point, defendant_of(brief, point, case)
