"""The course's printed results: what a lesson notebook shows as checked text.

A lesson notebook holds prose and one-line calls; every sentence it prints about a court comes
from here, computed by the engine from the case files, so strict nbval fails the moment the
engine's reasoning changes and the lesson's stored output no longer matches. Nothing here
decides law: each function evaluates a world and lays out what the steps, the divergence or
the statute book already say, in the reader's language.

    from mootcourt import course, load_case
    liu = load_case("liu-v-platform-2024")
    print(course.outcomes(liu, "en"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field, RootModel

from .case import load_case
from .casefile import Id, Interval, Model, Text
from .engine import Judgment, evaluate
from .errors import Problem
from .i18n import messages
from .lessons import case_ids, installed_root
from .validation import problem_at, raise_if, validate_file
from .yamlsource import read_yaml

if TYPE_CHECKING:
    from .case import Case
    from .engine.judgment import LevelJudgment
    from .engine.steps import Step

TEACHING_POINTS_FILE = "teaching_points.yaml"


# --- teaching points and the lessons that cover them ------------------------------------------


class TeachingPoint(Model):
    """One point the lessons must teach (after shared/legal/TEACHING.md, in our words)."""

    id: Id
    number: int = Field(ge=1)
    title: Text
    summary: Text
    statutes: list[str] = Field(default_factory=list)
    contested: bool = False
    """the point has two readings and the lessons must give both"""


class Shown(Model):
    """A doctrine parameter a comparison shows, optionally only where another parameter of the
    same court takes one of some values (what rebuts a presumption matters only under one)."""

    param: Id
    where: dict[Id, list[Id]] = Field(default_factory=dict)


class Comparison(Model):
    """What a lesson comparing two cases lays side by side: the companion case, the issues
    whose burdens and rules it shows, and the doctrine parameters (the lesson's choice, so the
    pack's words live in the lessons data, not in this module)."""

    with_case: str = Field(alias="with", pattern=r"^[a-z0-9][a-z0-9-]*$")
    issues: list[Id] = Field(min_length=1)
    doctrine: list[Shown] = Field(default_factory=list)


class Lesson(Model):
    """One notebook of the course and the teaching points it covers."""

    id: str = Field(pattern=r"^\d\d-[a-z0-9-]+$")
    title: Text
    points: list[Id] = Field(default_factory=list)
    compare: Comparison | None = None


class Syllabus(Model):
    points: list[TeachingPoint] = Field(min_length=1)
    lessons: list[Lesson] = Field(min_length=1)


class _SyllabusFile(RootModel[Syllabus]):
    pass


def load_syllabus(case: Case) -> Syllabus:
    """The case's `teaching_points.yaml`, schema-checked; a statute id the book lacks or a
    lesson naming an unknown point raises `CaseError` with file:line."""
    located = read_yaml(Path(case.path).parent / TEACHING_POINTS_FILE)
    syllabus = validate_file(located, _SyllabusFile).root
    known = {p.id for p in syllabus.points}
    problems: list[Problem] = []
    for i, point in enumerate(syllabus.points):
        for j, cited in enumerate(point.statutes):
            if cited not in case.law:
                problems.append(
                    problem_at(located, ("points", i, "statutes", j), f"unknown statute '{cited}'")
                )
    for i, lesson in enumerate(syllabus.lessons):
        for j, point_id in enumerate(lesson.points):
            if point_id not in known:
                valid = ", ".join(sorted(known))
                message = f"unknown teaching point '{point_id}'; valid: {valid}"
                problems.append(problem_at(located, ("lessons", i, "points", j), message))
    for i, lesson in enumerate(syllabus.lessons):
        if lesson.compare is not None:
            problems += _comparison_problems(case, located, lesson.compare, ("lessons", i))
    raise_if(problems)
    return syllabus


def _comparison_problems(
    case: Case, located, compared: Comparison, at: tuple[str | int, ...]
) -> list[Problem]:
    """A comparison names only its pack's issues, parameters and values."""
    pack = case.pack
    out: list[Problem] = []
    for j, issue in enumerate(compared.issues):
        if issue not in pack.issues:
            message = f"unknown issue '{issue}'; valid: {', '.join(pack.issues)}"
            out.append(problem_at(located, (*at, "compare", "issues", j), message))
    for j, shown in enumerate(compared.doctrine):
        for k, name in enumerate([shown.param, *shown.where]):
            if name not in pack.parameters:
                valid = ", ".join(pack.parameters)
                where = (*at, "compare", "doctrine", j, "param" if k == 0 else "where")
                message = f"unknown parameter '{name}'; valid: {valid}"
                out.append(problem_at(located, where, message))
        for name, values in shown.where.items():
            known = pack.parameters.get(name)
            for value in values if known is not None else ():
                if value not in known.values:
                    valid = ", ".join(known.values)
                    where = (*at, "compare", "doctrine", j, "where", name)
                    message = f"unknown value '{value}'; valid: {valid}"
                    out.append(problem_at(located, where, message))
    return out


def course_lessons(root: Path | None = None) -> list[tuple[Case, Lesson]]:
    """The whole course in lesson order, each lesson with the case whose teaching points
    define it: every case under the lessons root may bring lessons of its own (Liu's are
    00-08, Guo's 09), so a new case adds its lesson without editing another case's file. A
    lesson id claimed by two cases raises `ValueError` naming both."""
    root = root if root is not None else installed_root()
    found: dict[str, tuple[Case, Lesson]] = {}
    for case_id in case_ids(root) if root is not None else []:
        if not (root / case_id / TEACHING_POINTS_FILE).is_file():
            continue
        case = load_case(root / case_id)
        for lesson in load_syllabus(case).lessons:
            if lesson.id in found:
                other = found[lesson.id][0].id
                raise ValueError(
                    f"lesson '{lesson.id}' is in the teaching points of both "
                    f"'{other}' and '{case.id}'"
                )
            found[lesson.id] = (case, lesson)
    return [found[lesson_id] for lesson_id in sorted(found)]


def lesson_card(case: Case, lesson_id: str, lang: str) -> str:
    """The lesson's title and the teaching points it covers, each with the statutes it rests
    on (ids in English, citations in Chinese): the marker the coverage test reads, printed so
    a student sees what the lesson is for."""
    t = case.messages(lang)
    syllabus = load_syllabus(case)
    lesson = next((x for x in syllabus.lessons if x.id == lesson_id), None)
    if lesson is None:
        valid = ", ".join(x.id for x in syllabus.lessons)
        raise KeyError(f"unknown lesson '{lesson_id}'; valid: {valid}")
    points = {p.id: p for p in syllabus.points}
    lines = [lesson.title(lang), t("course.points")]
    if not lesson.points:
        lines.append(t("course.no_points"))
    for p in sorted((points[x] for x in lesson.points), key=lambda p: p.number):
        mark = t("course.contested") if p.contested else ""
        cited = _rules(case, p.statutes, lang)
        lines.append(f"  {p.number}. {p.title(lang)}{mark}" + (f" [{cited}]" if cited else ""))
    return "\n".join(lines)


# --- one case: outcomes, reasoning, statutes, timeline, data ----------------------------------


def _judgment(case: Case, scenario: str | None = None) -> Judgment:
    if scenario is None:
        return evaluate(case, case.record_world())
    chosen = find_scenario(case, scenario)
    return evaluate(case, case.record_world().with_toggles(chosen.toggles), chosen.doctrine)


def find_scenario(case: Case, name: str):
    """A prepared hypothetical by its stable name; an unknown name lists the valid ones."""
    for s in case.scenarios:
        if s.name == name:
            return s
    raise KeyError(f"unknown scenario '{name}'; valid: {', '.join(s.name for s in case.scenarios)}")


def _court(case: Case, level_id: str, lang: str) -> str:
    level = case.levels[level_id]
    sep = "（" if lang == "zh-CN" else " ("
    end = "）" if lang == "zh-CN" else ")"
    return f"{level.label(lang)}{sep}{level.court(lang)}{end}"


def _verdict(case: Case, lv: LevelJudgment, lang: str) -> str:
    t = case.messages(lang)
    parts = []
    for d, dj in lv.defendants.items():
        name = case.label(d, lang)
        if dj.liable:
            remedies = _join((case.label(r, lang) for r in dj.remedies), lang)
            parts.append(t("course.liable", party=name, remedies=remedies))
        else:
            parts.append(t("course.not_liable", party=name))
    return _join(parts, lang)


def _colon(lang: str) -> str:
    return "：" if lang == "zh-CN" else ": "


def _rules(case: Case, rules: Iterable[str], lang: str) -> str:
    """The rules a step cites: by id in English (the lessons' shorthand), by citation in
    Chinese, where a Latin id inside the prose would read as a foreign body; the law's name
    once for a run of its articles ("个人信息保护法第二十一条、第五十九条")."""
    if lang != "zh-CN":
        return ", ".join(rules)
    cited, last = [], None
    for r in rules:
        short = case.law.laws[case.law[case.law.pointer(r).article].law].short(lang)
        citation = case.law.citation(r, lang)
        cited.append(citation[len(short) :] if short == last else citation)
        last = short
    return "、".join(cited)


def _join(items: Iterable[str], lang: str) -> str:
    return ("；" if lang == "zh-CN" else "; ").join(items)


def outcomes(case: Case, lang: str, scenario: str | None = None) -> str:
    """Each court's outcome in the record world (or a prepared hypothetical), and whether it is
    what the court actually decided."""
    t = case.messages(lang)
    judgment = _judgment(case, scenario)
    lines = []
    for lv in judgment.levels:
        check = t(case.record_key("cli.matches" if lv.matches_record else "cli.differs"))
        lines.append(
            f"{_court(case, lv.id, lang)}{_colon(lang)}{_verdict(case, lv, lang)} [{check}]"
        )
    return "\n".join(lines)


def _step_lines(case: Case, step: Step, lang: str) -> list[str]:
    t = case.messages(lang)
    head = f"{case.issue_label(step.issue, lang)}{_colon(lang)}{t(f'result.{step.result}')}"
    facts = []
    if step.burden_on:
        facts.append(t("cli.burden", party=case.label(step.burden_on, lang)))
    if step.standard:
        facts.append(t("cli.standard", standard=t(f"standard.{step.standard}")))
    if step.rules:
        facts.append(t("cli.rules", rules=_rules(case, step.rules, lang)))
    lines = [head]
    if facts:
        lines.append("   " + " · ".join(facts))
    lines.append("   " + step.text(lang))
    return lines


def reasoning(case: Case, level_id: str, lang: str, defendant: str | None = None) -> str:
    """One court's reasoning, issue by issue, in the order the court's reasoning was reported:
    result, who bore the burden, the standard, the rules cited and the step's text."""
    lv = _judgment(case).level(level_id)
    lines = [f"{_court(case, level_id, lang)}{_colon(lang)}{_verdict(case, lv, lang)}"]
    wanted = defendant or case.defendants[0]
    for step in lv.steps_in_reported_order():
        if step.defendant == wanted:
            lines.extend(_step_lines(case, step, lang))
    return "\n".join(lines)


def step(
    case: Case,
    level_id: str,
    issue: str,
    lang: str,
    defendant: str | None = None,
    scenario: str | None = None,
) -> str:
    """One court's step on one issue (in the record, or in a prepared hypothetical)."""
    lv = _judgment(case, scenario).level(level_id)
    chosen = lv.step(issue, defendant or case.defendants[0])
    return "\n".join([_court(case, level_id, lang), *_step_lines(case, chosen, lang)])


def divergence(case: Case, lang: str, scenario: str | None = None) -> str:
    """Where consecutive courts part ways and why, naming each doctrine value with its basis."""
    found = _judgment(case, scenario).divergence
    return messages(lang)("cli.no_divergence") if found is None else found.reason(lang)


def statute(case: Case, article_id: str, lang: str) -> str:
    """An article as the statute book holds it: citation, then the text in `lang` (the English
    is a working rendering, and says so)."""
    article = case.law[article_id]
    t = case.messages(lang)
    text = article.text(lang)
    note = f"\n({t('cli.translation_note')})" if lang == "en" else ""
    return f"{case.law.citation(article_id, lang)}\n{text}{note}"


def timeline(case: Case, lang: str) -> str:
    """The dates that matter for the law's reach in time, each marked reported or our reading:
    the case's named dates (labelled by its pack) or, where it names none, when the data was
    collected and when the harm began; PIPL's and the Civil Code's commencement; each
    judgment."""
    t = case.messages(lang)
    rows: list[tuple[dt.date, str, str, str | None]] = []
    for what, interval in _case_dates(case, lang):
        rows.append((_first_day(interval), _span(interval, lang), what, interval.basis))
    for law_id in ("pipl", "cc"):
        law = case.law.laws.get(law_id)
        if law is not None and law.in_force is not None:
            what = t("course.timeline.in_force", law=law.short(lang))
            rows.append((law.in_force, _date(law.in_force, lang), what, None))
    for level_id, level in case.levels.items():
        when = _span(level.decided, lang) if level.decided else t("course.timeline.unknown")
        basis = level.decided.basis if level.decided else None
        outcome = level.as_decided.outcome(lang)
        order = _first_day(level.decided) if level.decided else dt.date.max
        what = f"{_court(case, level_id, lang)}{_colon(lang)}{outcome}"
        rows.append((order, when, what, basis))
    out = []
    for _, when, what, basis in sorted(rows, key=lambda row: row[0]):
        mark = f" [{t(f'basis.{basis}')}]" if basis else ""
        out.append(f"{when}  {what}{mark}")
    return "\n".join(out)


def _case_dates(case: Case, lang: str) -> list[tuple[str, Interval]]:
    """What a timeline shows of the facts: the named dates a case's pack declares, else the
    collection and first harm of its `timeline:` (a case may have neither)."""
    t = case.messages(lang)
    if case.file.dates:
        return [(t(f"date.{name}"), interval) for name, interval in case.file.dates.items()]
    line = case.file.timeline
    if line is None:
        return []
    return [
        (t(f"course.timeline.{key}"), interval)
        for key, interval in (("collected", line.collected), ("first_harm", line.first_harm))
    ]


def _first_day(interval) -> dt.date:  # an Interval
    """Where a span sits on the timeline: its first day, or its last if it has no first."""
    return interval.start or interval.end or dt.date.max


def _date(d, lang: str) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh-CN" else d.isoformat()


def _span(interval, lang: str) -> str:
    t = messages(lang)
    start, end = interval.start, interval.end
    if start and end and start != end:
        return t("course.span", start=_date(start, lang), end=_date(end, lang))
    if start and not end:
        return t("course.from", start=_date(start, lang))
    if end and not start:
        return t("course.by", end=_date(end, lang))
    return _date(start or end, lang)


def data_flow(case: Case, level_id: str, lang: str, scenario: str | None = None) -> str:
    """Who holds which leaked field, and the possible sources the court's attribution rule
    leaves: the matrix of the Parties & data tab, as text."""
    t = case.messages(lang)
    flow = _judgment(case, scenario).level(level_id).sources
    if flow is None:  # the case's pack traces no data between parties
        return t("course.no_data_flow", pack=case.pack.title(lang))
    mark = {"held": "●", "possibly": "◐", "absent": "○"}
    lines = [
        t("course.legend"),
        t("course.leaked", fields=_names(case, flow.leaked, lang, "")),
    ]
    for party in flow.parties:
        cells = " ".join(
            f"{mark[flow.holdings[party][f]]}{case.label(f, lang)}" for f in flow.leaked
        )
        lines.append(f"  {case.label(party, lang)}{_colon(lang)}{cells}")
    rule = t(f"value.{flow.rule}")
    lines.append(t("ui.sources.title", level=_court(case, level_id, lang), rule=rule))
    none = t("cli.none")
    lines.append("  " + t("ui.sources.possible", parties=_names(case, flow.sources, lang, none)))
    lines.append("  " + t("ui.sources.excluded", parties=_names(case, flow.excluded, lang, none)))
    return "\n".join(lines)


def _names(case: Case, ids: Iterable[str], lang: str, none: str) -> str:
    names = [case.label(i, lang) for i in ids]
    return ("、" if lang == "zh-CN" else ", ").join(names) if names else none


def hypothetical(case: Case, name: str, lang: str) -> str:
    """A prepared hypothetical: what it changes, why a law teacher would try it, and what each
    court now finds (from the engine, not from the scenario's own expectations)."""
    t = case.messages(lang)
    chosen = find_scenario(case, name)
    changes = [
        f"{case.label(k, lang)} → {t('cli.on') if v else t('cli.off')}"
        for k, v in chosen.toggles.items()
    ]
    for level_id, params in chosen.doctrine.items():
        for param, value in params.items():
            level = case.levels[level_id].label(lang)
            changes.append(f"{level}{_colon(lang)}{t(f'param.{param}')} → {t(f'value.{value}')}")
    lines = [
        chosen.title(lang),
        t("cli.world_changes", items=_join(changes, lang) or t("cli.none")),
        outcomes(case, lang, scenario=name),
        t("ui.scenarios.why", text=chosen.why(lang)),
    ]
    return "\n".join(lines)


def outcome_changers(case: Case, level_id: str, lang: str) -> str:
    """Which prepared hypotheticals change this court's outcome from what it decided: a map
    of the decisive points for the side that wants to move the court."""
    t = case.messages(lang)
    lines = [t("course.changers", level=_court(case, level_id, lang))]
    for s in case.scenarios:
        if not s.changes:
            continue
        lv = _judgment(case, s.name).level(level_id)
        if not lv.matches_record:
            lines.append(f"  - {s.title(lang)}{_colon(lang)}{_verdict(case, lv, lang)}")
    return "\n".join(lines)


# --- two cases side by side (lesson 08) --------------------------------------------------------


def comparison(record: Case, companion: Case) -> Comparison:
    """The lesson of `record`'s syllabus that compares it with `companion`."""
    lessons = load_syllabus(record).lessons
    for lesson in lessons:
        if lesson.compare is not None and lesson.compare.with_case == companion.id:
            return lesson.compare
    raise KeyError(f"no lesson of '{record.id}' compares it with '{companion.id}'")


def _compared(compared: Comparison, doctrine) -> list[str]:
    """The parameters the lesson shows for this court: each one the court has, where the
    lesson's condition on the court's other settings holds."""
    return [
        s.param
        for s in compared.doctrine
        if s.param in doctrine.values
        and all(doctrine[name] in values for name, values in s.where.items())
    ]


def compare(record: Case, companion: Case, lang: str) -> str:
    """Two cases side by side, generated from their case files and the lesson that compares
    them (its `compare:` in the record case's teaching points): the doctrine each court applied
    (with its basis), who bore which burden on the issues the lesson names, the rules each
    court cited there, and what each appeal court needed to reverse."""
    compared = comparison(record, companion)
    t = messages(lang)
    cases = [(c, evaluate(c, c.record_world())) for c in (record, companion)]
    out = [t("course.compare.doctrine")]
    for case, judgment in cases:
        out.append(f"{case.title(lang)}")
        for lv in judgment.levels:
            settings = [
                f"{case.messages(lang)(f'param.{p}')}{_colon(lang)}"
                f"{case.messages(lang)(f'value.{lv.doctrine[p]}')} "
                f"[{t(f'basis.{lv.doctrine.basis[p]}')}]"
                for p in _compared(compared, lv.doctrine)
            ]
            out.append(f"  {_court(case, lv.id, lang)}{_colon(lang)}{_verdict(case, lv, lang)}")
            out.extend(f"    {s}" for s in settings)
    out.append("")
    out.append(t("course.compare.burden"))
    for case, judgment in cases:
        out.append(f"{case.title(lang)}")
        for lv in judgment.levels:
            out.append(f"  {case.levels[lv.id].label(lang)}")
            for issue in compared.issues:
                for defendant in case.defendants:
                    s = lv.step(issue, defendant)
                    facts = [t(f"result.{s.result}")]
                    if s.burden_on:
                        facts.append(t("cli.burden", party=case.label(s.burden_on, lang)))
                    if s.rules:
                        facts.append(t("cli.rules", rules=_rules(case, s.rules, lang)))
                    who = f"{case.label(defendant, lang)} · " if len(case.defendants) > 1 else ""
                    out.append(
                        f"    {who}{case.issue_label(issue, lang)}{_colon(lang)}{' · '.join(facts)}"
                    )
    out.append("")
    out.append(t("course.compare.reverse"))
    for case, judgment in cases:
        found = judgment.divergence
        reason = t("cli.no_divergence") if found is None else found.reason(lang)
        out.append(f"{case.title(lang)}")
        out.append(f"  {reason}")
    return "\n".join(out)


# helpers for the pydantic models above (kept at the end: they are only data)
__all__ = [
    "Comparison",
    "Lesson",
    "Shown",
    "Syllabus",
    "TeachingPoint",
    "compare",
    "comparison",
    "course_lessons",
    "data_flow",
    "divergence",
    "find_scenario",
    "hypothetical",
    "lesson_card",
    "load_syllabus",
    "outcome_changers",
    "outcomes",
    "reasoning",
    "statute",
    "step",
    "timeline",
]
