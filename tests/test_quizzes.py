"""Quizzes are data the engine keeps honest: a claim about a court that the engine no longer
makes breaks the file (at its line), never a student's understanding."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from mootcourt import CaseError, load_case
from mootcourt.cli import main
from mootcourt.quizzes import decided_step, engine_agrees, load_quizzes
from tests.conftest import CASE_IDS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_every_case_has_quizzes_that_load(case_id: str) -> None:
    quizzes = load_quizzes(load_case(case_id))
    assert quizzes, f"{case_id} has no quizzes"
    for quiz in quizzes:
        assert quiz.correct in [o.id for o in quiz.options]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_the_correct_option_is_what_the_engine_finds_and_no_other(case_id: str) -> None:
    case = load_case(case_id)
    for quiz in load_quizzes(case):
        for option in quiz.options:
            agrees = engine_agrees(case, quiz, option)
            if agrees is None:
                continue
            assert agrees == (option.id == quiz.correct), f"{quiz.id}/{option.id}"
        if quiz.decision is not None:
            claims = [o for o in quiz.options if o.result is not None or o.liable is not None]
            assert claims, f"{quiz.id}: asks how a court decides but no option says what"
            assert decided_step(case, quiz).text("en")


def test_a_quiz_without_a_decision_states_its_point() -> None:
    for case_id in CASE_IDS:
        for quiz in load_quizzes(load_case(case_id)):
            if quiz.decision is None:
                assert quiz.point is not None and quiz.point("zh-CN") and quiz.point("en")


def _copy_liu(tmp_path: Path) -> Path:
    """A private lessons root holding the statute book and a copy of the Liu case folder."""
    (tmp_path / "law").mkdir()
    shutil.copy(ROOT / "lessons/law/statutes.yaml", tmp_path / "law/statutes.yaml")
    folder = tmp_path / "liu"
    shutil.copytree(ROOT / "lessons/liu-v-platform-2024", folder)
    return folder


def _rewrite(folder: Path, change) -> None:
    path = folder / "quizzes.yaml"
    quizzes = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(quizzes)
    path.write_text(yaml.safe_dump(quizzes, allow_unicode=True, sort_keys=False), "utf-8")


def _by_id(quizzes: list[dict], quiz_id: str) -> dict:
    return next(q for q in quizzes if q["id"] == quiz_id)


def test_a_changed_engine_answer_breaks_the_quiz_at_its_line(tmp_path: Path) -> None:
    """Put the appeal court under 'general compliance suffices': the presumption is now
    rebutted, so the quiz's correct option is false and a wrong one true; both are reported."""
    folder = _copy_liu(tmp_path)
    _rewrite(
        folder,
        lambda qs: _by_id(qs, "second_fault").update(
            doctrine={"second_instance": {"rebuttal": "general_compliance"}}
        ),
    )
    with pytest.raises(CaseError) as caught:
        load_quizzes(load_case(folder))
    text = str(caught.value)
    assert re.search(r"quizzes\.yaml:\d+", text)
    assert "the correct option's claim is not what the engine finds" in text
    assert "a wrong option's claim is what the engine finds" in text
    assert "second_instance/platform/fault: rebutted" in text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda q: q.update(toggles={"alias_on_waybill": False}),
            "did you mean 'alias_on_waybills'",
        ),
        (lambda q: q.update(statutes=["pipl-699"]), "unknown statute 'pipl-699'"),
        (lambda q: q.update(teaching_points=["no_such_point"]), "unknown teaching point"),
        (lambda q: q.update(correct="maybe"), "unknown option 'maybe'"),
        (lambda q: q.update(decision={"level": "retrial", "issue": "fault"}), "unknown level"),
        (
            lambda q: q.update(doctrine={"second_instance": {"fault_rule": "strict"}}),
            "fault_rule",
        ),
        (
            lambda q: q.update(toggles={"callers_named_platform": True, "fraud_calls": False}),
            "requires",
        ),
    ],
)
def test_bad_references_are_reported_with_file_and_line(tmp_path: Path, change, message) -> None:
    folder = _copy_liu(tmp_path)
    _rewrite(folder, lambda qs: change(_by_id(qs, "second_fault")))
    with pytest.raises(CaseError) as caught:
        load_quizzes(load_case(folder))
    assert message in str(caught.value)
    assert re.search(r"quizzes\.yaml:\d+", str(caught.value))


def test_schema_refuses_an_option_without_feedback(tmp_path: Path) -> None:
    folder = _copy_liu(tmp_path)
    _rewrite(folder, lambda qs: _by_id(qs, "first_fault")["options"][0].pop("feedback"))
    with pytest.raises(CaseError, match="feedback"):
        load_quizzes(load_case(folder))


def test_a_point_of_law_quiz_may_not_claim_a_courts_finding(tmp_path: Path) -> None:
    folder = _copy_liu(tmp_path)
    _rewrite(
        folder,
        lambda qs: _by_id(qs, "what_article_69_shifts")["options"][0].update(result="presumed"),
    )
    with pytest.raises(CaseError, match="no decision"):
        load_quizzes(load_case(folder))


def test_validate_checks_the_quizzes_of_a_case_folder(tmp_path: Path, capsys) -> None:
    folder = _copy_liu(tmp_path)
    assert main(["validate", str(folder)]) == 0
    _rewrite(folder, lambda qs: _by_id(qs, "second_attribution").update(correct="presumed"))
    assert main(["validate", str(folder)]) == 1
    assert "quizzes.yaml:" in capsys.readouterr().err
