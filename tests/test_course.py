"""The course: every teaching point is covered by a lesson in both languages, every id a
lesson, quiz or guide names exists, and what the lessons print comes from the engine."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from mootcourt import Case, course, evaluate, load_case
from mootcourt.quizzes import load_quizzes
from mootcourt.scenarios import ResultName

from .leak_vocabulary import ISSUES, PARAMETERS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LANGS = ("en", "zh-CN")
GUIDES = sorted((ROOT / "lessons/liu-v-platform-2024/instructor").glob("guide.*.md"))
CARD = re.compile(r'course\.lesson_card\([a-z]+, "([^"]+)", "([^"]+)"\)')
RAW_STATUTE_ID = re.compile(r"\b[a-z]+(?:-[a-z0-9]+)*-\d+(?:\(\d+\))*")
"""a statute id as the book keys it (`pipl-69`, `cpl-interp-108(1)`): never in Chinese output"""


def _notebook(lang: str, lesson: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / lang / f"{lesson}.ipynb", as_version=4)


def _code(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def test_the_syllabus_lists_the_nine_lessons_in_order(liu: Case) -> None:
    lessons = [x.id for x in course.load_syllabus(liu).lessons]
    assert [x[:2] for x in lessons] == [f"{i:02d}" for i in range(9)]


def test_the_course_lists_every_cases_lessons_in_order() -> None:
    """Liu's teaching points bring lessons 00-08, Guo's lesson 09: the course is their union,
    in order, and exactly the notebooks on disk in each language."""
    lessons = [lesson.id for _, lesson in course.course_lessons()]
    assert [x[:2] for x in lessons] == [f"{i:02d}" for i in range(10)]
    assert (
        dict((lesson.id, case.id) for case, lesson in course.course_lessons())[
            "09-guo-facial-recognition"
        ]
        == "guo-v-hangzhou-wildlife-world-2021"
    )
    for lang in LANGS:
        on_disk = sorted(p.stem for p in (NOTEBOOKS / lang).glob("0*.ipynb"))
        assert on_disk == lessons, lang


def test_the_teaching_points_are_the_eleven_of_the_legal_review_numbered_once(liu: Case) -> None:
    points = course.load_syllabus(liu).points
    assert [p.number for p in points] == list(range(1, 12))
    for p in points:
        for lang in LANGS:
            assert p.title(lang).strip() and p.summary(lang).strip()
        assert all(s in liu.law for s in p.statutes), p.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case_id", ["liu-v-platform-2024", "guo-v-hangzhou-wildlife-world-2021"])
def test_every_teaching_point_is_covered_by_a_lesson(case_id: str, lang: str) -> None:
    """Each notebook prints its own lesson card (the marker); the cards together cover every
    teaching point of the case whose syllabus holds them, in each language."""
    syllabus = course.load_syllabus(load_case(case_id))
    covered: set[str] = set()
    for lesson in syllabus.lessons:
        cards = CARD.findall(_code(_notebook(lang, lesson.id)))
        assert cards == [(lesson.id, lang)], f"{lang}/{lesson.id}: prints no card of its own"
        covered.update(lesson.points)
        printed = "".join(
            o.get("text", "")
            for c in _notebook(lang, lesson.id).cells
            if c.cell_type == "code"
            for o in c.get("outputs", [])
        )
        for point in syllabus.points:
            if point.id in lesson.points:
                assert point.title(lang) in printed, f"{lang}/{lesson.id}: {point.id} not shown"
    missing = {p.id for p in syllabus.points} - covered
    assert not missing, f"teaching points no lesson covers: {sorted(missing)}"


def test_every_quiz_is_asked_in_its_lesson_in_both_languages(
    liu: Case, pang: Case, guo: Case
) -> None:
    for case, name in ((liu, "liu"), (pang, "pang"), (guo, "guo")):
        for quiz in load_quizzes(case):
            for lang in LANGS:
                code = _code(_notebook(lang, quiz.lesson))
                assert f'Quiz({name}, "{quiz.id}", lang="{lang}")' in code, (lang, quiz.id)


def _known_ids(*cases: Case) -> set[str]:
    """Every snake_case id a lesson may name: toggles, parties, fields, doctrine parameters and
    values, issues, results, levels, quizzes, teaching points, claims, and each case's pack's
    own words (its issues, parameters, values and remedy kinds)."""
    known: set[str] = set(ISSUES) | set(ResultName.__args__) | set(PARAMETERS)
    for parameter in PARAMETERS.values():
        known |= set(parameter.values)
    for case in cases:
        known |= set(case.toggles) | set(case.levels) | set(case.parties) | set(case.field_ids)
        known |= set(case.claims) | {q.id for q in load_quizzes(case)}
        known |= set(case.pack.issues) | set(case.pack.parameters) | set(case.pack.remedies)
        known |= {v for p in case.pack.parameters.values() for v in p.values}
        known.add(case.pack.id)
    for _, lesson in course.course_lessons():
        known.add(lesson.id)
    for case_id in ("liu-v-platform-2024", "guo-v-hangzhou-wildlife-world-2021"):
        known |= {p.id for p in course.load_syllabus(load_case(case_id)).points}
    return known


STATUTE = re.compile(r"`([a-z]+(?:-[a-z0-9]+)*-\d+(?:-\d+)?(?:\(\d+\))*)`")
SNAKE = re.compile(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+)`")


def _texts() -> list[tuple[str, str]]:
    texts = []
    for lang in LANGS:
        for path in sorted((NOTEBOOKS / lang).glob("0*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            texts.append((f"{lang}/{path.name}", md))
    for path in GUIDES:
        texts.append((path.name, path.read_text(encoding="utf-8")))
    return texts


@pytest.mark.parametrize(("where", "text"), _texts(), ids=lambda x: x if len(x) < 60 else "")
def test_every_id_named_in_lessons_and_guides_exists(
    liu: Case, pang: Case, guo: Case, where: str, text: str
) -> None:
    known = _known_ids(liu, pang, guo)
    for cited in STATUTE.findall(text):
        assert cited in liu.law, f"{where}: unknown statute id {cited}"
    words = {"make", "lab"}  # commands in backticks are not ids
    for name in SNAKE.findall(text):
        assert name in known or name in words, f"{where}: unknown id `{name}`"


def test_every_statute_named_in_quizzes_exists(liu: Case, pang: Case, guo: Case) -> None:
    for case in (liu, pang, guo):
        for quiz in load_quizzes(case):
            assert all(s in case.law for s in quiz.statutes), quiz.id


def test_the_guide_exists_in_both_languages() -> None:
    assert [p.name for p in GUIDES] == ["guide.en.md", "guide.zh-CN.md"]


# what the lessons print: engine output, never typed text


def test_outcomes_follow_the_engine(liu: Case) -> None:
    text = course.outcomes(liu, "en")
    assert "the platform not liable" in text.splitlines()[0]
    assert "the platform liable: an apology" in text.splitlines()[1]
    assert text.count("matches the reported outcome") == 2
    changed = course.outcomes(liu, "en", scenario="real name on the waybills")
    assert "differs from the reported outcome" in changed.splitlines()[1]


def test_reasoning_prints_each_step_in_the_reported_order(liu: Case) -> None:
    judgment = evaluate(liu, liu.record_world())
    text = course.reasoning(liu, "second_instance", "en")
    for step in judgment.level("second_instance").steps:
        assert step.text("en") in text
    fault, attribution = text.index("Fault:"), text.index("Attribution (causation):")
    assert fault < attribution, "the appeal court dealt with Art. 69 first"


def test_the_divergence_printed_is_the_engines(liu: Case) -> None:
    judgment = evaluate(liu, liu.record_world())
    assert judgment.divergence is not None
    for lang in LANGS:
        assert course.divergence(liu, lang) == judgment.divergence.reason(lang)


def test_data_flow_shows_the_sources_each_rule_leaves(liu: Case) -> None:
    second = course.data_flow(liu, "second_instance", "en")
    assert "Possible sources: the platform" in second
    first = course.data_flow(liu, "first_instance", "en")
    assert "Excluded: none" in first


def test_outcome_changers_are_exactly_the_scenarios_that_move_the_court(liu: Case) -> None:
    from mootcourt.scenarios import run

    text = course.outcome_changers(liu, "second_instance", "en")
    for s in liu.scenarios:
        judgment, _ = run(liu, s)
        moved = s.changes and not judgment.level("second_instance").matches_record
        assert (f"  - {s.title('en')}:" in text) == bool(moved), s.name


def test_every_prepared_hypothetical_prints_in_both_languages(liu: Case, pang: Case) -> None:
    for case in (liu, pang):
        for s in case.scenarios:
            for lang in LANGS:
                assert s.why(lang) in course.hypothetical(case, s.name, lang)


def test_compare_is_generated_from_the_two_case_files(liu: Case, pang: Case) -> None:
    for lang in LANGS:
        text = course.compare(liu, pang, lang)
        for case in (liu, pang):
            assert case.title(lang) in text
            judgment = evaluate(case, case.record_world())
            assert judgment.divergence.reason(lang) in text
            for lv in judgment.levels:
                assert case.levels[lv.id].court(lang) in text
            fault = judgment.level("second_instance").step("fault", case.defendants[0])
            if lang == "zh-CN":  # issue 13, item 14: no raw ids inside Chinese text
                first = case.law.citation(fault.rules[0], lang)
                assert first in text, "the rules each appeal court cited on fault"
                assert not RAW_STATUTE_ID.search(text), "a raw statute id in Chinese output"
            else:
                assert ", ".join(fault.rules) in text, "the rules each appeal court cited on fault"


def test_compare_follows_a_changed_case_file(tmp_path: Path) -> None:
    """Change Pang's appeal preset in a copy of its case file: the comparison changes too."""
    import shutil

    (tmp_path / "law").mkdir()
    shutil.copy(ROOT / "lessons/law/statutes.yaml", tmp_path / "law/statutes.yaml")
    shutil.copytree(ROOT / "lessons/pang-v-qunar-2017", tmp_path / "pang")
    path = tmp_path / "pang/case.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Beijing No. 1 Intermediate", "Beijing First Intermediate"), "utf-8"
    )
    liu = load_case("liu-v-platform-2024")
    assert "Beijing First Intermediate" in course.compare(liu, load_case(tmp_path / "pang"), "en")


def test_timeline_marks_each_date_with_its_basis(liu: Case) -> None:
    text = course.timeline(liu, "en")
    assert "2021-11-01  PIPL in force" in text
    assert "[our inference]" in text and "[reported]" in text
    assert "2021年11月1日  个人信息保护法施行" in course.timeline(liu, "zh-CN")


def test_statute_quotes_the_statute_book(liu: Case) -> None:
    assert liu.law["pipl-69"].text("zh-CN") in course.statute(liu, "pipl-69", "zh-CN")
    assert "working translations" in course.statute(liu, "pipl-69", "en")


def test_unknown_names_are_refused_with_the_valid_ones(liu: Case) -> None:
    with pytest.raises(KeyError, match="valid: 00-start-here"):
        course.lesson_card(liu, "09-nothing", "en")
    with pytest.raises(KeyError, match="valid: the record as reported"):
        course.hypothetical(liu, "no such world", "en")
