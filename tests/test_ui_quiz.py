"""The quiz widget: set a value, check the state (no browser needed)."""

from __future__ import annotations

import pytest

from mootcourt import Case
from mootcourt.quizzes import decided_step, load_quizzes
from mootcourt.ui.quiz import Quiz


def test_reveal_needs_a_choice_and_a_reason(liu: Case) -> None:
    quiz = Quiz(liu, "second_fault", lang="en")
    quiz.reveal()
    assert not quiz.revealed and "Choose an option" in quiz.message
    quiz.options.value = "rebutted"
    assert quiz.choice == "rebutted"
    quiz.reveal()
    assert not quiz.revealed and "reason" in quiz.message
    quiz.reason_box.value = "   "
    quiz.reveal()
    assert not quiz.revealed
    quiz.reason_box.value = "A level-3 filing is strong evidence."
    quiz.reveal()
    assert quiz.revealed and quiz.message == ""
    assert quiz.options.disabled and quiz.reason_box.disabled and quiz.reveal_button.disabled


def test_a_wrong_prediction_is_marked_and_the_courts_step_is_shown(liu: Case) -> None:
    quiz = Quiz(liu, "second_fault", lang="en")
    quiz.choice, quiz.reason = "rebutted", "Filings suffice."
    quiz.reveal()
    assert not quiz.correct
    assert "mc-quiz-incorrect" in quiz._dom_classes
    step = decided_step(liu, quiz.quiz)
    assert step.text("en") in quiz.answer.value.replace("&#x27;", "'")
    assert "Filings suffice." in quiz.answer.value
    assert 'class="mc-quiz-chosen"' in quiz.answer.value
    for option in quiz.quiz.options:
        assert option.feedback("en")[:30] in quiz.answer.value


def test_a_right_prediction_then_predicting_again(liu: Case) -> None:
    quiz = Quiz(liu, "first_attribution", lang="zh-CN")
    quiz.options.value = "not_proven"
    quiz.reason_box.value = "物流企业也接触了信息。"
    quiz.reveal_button.click()
    assert quiz.revealed and quiz.correct
    assert "mc-quiz-correct" in quiz._dom_classes and "mc-quiz-incorrect" not in quiz._dom_classes
    assert "你的预测与法院一致" in quiz.answer.value
    quiz.again_button.click()
    assert not quiz.revealed and quiz.answer.value == ""
    assert not quiz.options.disabled
    assert quiz.choice == "not_proven", "predicting again keeps the earlier answer to revise"


def test_a_point_of_law_reveals_its_point(liu: Case) -> None:
    quiz = Quiz(liu, "what_article_69_shifts", lang="en")
    quiz.choice, quiz.reason = "everything", "Art. 69 reverses the burden."
    quiz.reveal()
    assert quiz.quiz.point is not None
    assert quiz.quiz.point("en")[:40] in quiz.answer.value


def test_a_hypothetical_quiz_says_what_it_changes(liu: Case) -> None:
    quiz = Quiz(liu, "waybill_real_name", lang="en")
    world = [
        c
        for c in quiz.children
        if str(getattr(c, "value", "")).startswith('<div class="mc-quiz-world')
    ]
    assert world and "every order named the recipient by an alias → off" in world[0].value


def test_repr_is_deterministic(liu: Case) -> None:
    quiz = Quiz(liu, "second_attribution", lang="en")
    assert (
        repr(quiz)
        == "<Quiz liu-v-platform-2024/second_attribution lang=en choice=- revealed=False>"
    )
    quiz.choice = "established"
    assert repr(quiz).endswith("choice=established revealed=False>")


def test_bad_arguments_name_the_valid_ones(liu: Case) -> None:
    with pytest.raises(KeyError, match="valid: first_attribution"):
        Quiz(liu, "no_such_quiz")
    with pytest.raises(ValueError, match="valid: zh-CN, en"):
        Quiz(liu, "second_fault", lang="fr")
    quiz = Quiz(liu, "second_fault")
    with pytest.raises(KeyError, match="valid: presumption_stands"):
        quiz.choice = "nonsense"


def test_every_quiz_renders_in_both_languages(liu: Case, pang: Case) -> None:
    for case in (liu, pang):
        for data in load_quizzes(case):
            for lang in ("zh-CN", "en"):
                quiz = Quiz(case, data.id, lang=lang)
                quiz.choice, quiz.reason = data.correct, "because"
                quiz.reveal()
                assert quiz.revealed and quiz.correct


def test_styles_use_only_jupyter_theme_variables() -> None:
    import re

    from mootcourt.ui import quiz

    colours = re.findall(r"(?:color|background|border[a-z-]*):\s*([^;]+);", quiz.CSS)
    assert colours
    for value in colours:
        if "#" in value:
            assert "var(--jp-" in value, value
