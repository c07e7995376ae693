"""Judge mode and the rubric: the engine's own judgment agrees with itself, a wrong finding
is caught with its reasons, and the rubric is the instructor's file, shown mark by mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from mootcourt import load_case
from mootcourt.errors import CaseError
from mootcourt.moot import Brief, Point, check_brief, judge, load_rubric
from mootcourt.moot.reasoning import court
from mootcourt.moot.rubric import CRITERIA, default_rubric

from .leak_vocabulary import ISSUES

CASES = ["liu-v-platform-2024", "pang-v-qunar-2017"]


def _engine_judgment(case_id: str, level: str) -> Brief:
    case = load_case(case_id)
    here = court(case, level)
    several = len(case.defendants) > 1
    points = tuple(
        Point(
            issue,
            here.step(issue, d).result.value,
            against=d if several else None,
            rules=here.step(issue, d).rules,
            evidence=here.step(issue, d).evidence,
        )
        for d in case.defendants
        for issue in ISSUES
    )
    return Brief(case_id, "court", level, "en", points=points)


@pytest.mark.parametrize("case_id", CASES)
@pytest.mark.parametrize("level", ["first_instance", "second_instance"])
def test_the_engines_own_judgment_agrees_everywhere(case_id: str, level: str) -> None:
    report = judge(_engine_judgment(case_id, level))
    assert report.agrees
    assert all(i.agrees and not i.missing_rules and not i.missing_evidence for i in report.issues)
    # the engine reproduces the reported outcome, so the student's does too
    assert all(o.yours == o.as_decided for o in report.outcomes)
    assert check_brief(_engine_judgment(case_id, level)).unanswered == ()


def test_a_wrong_finding_is_caught_with_its_reasons() -> None:
    brief = _engine_judgment("liu-v-platform-2024", "second_instance")
    wrong = brief.replace_point(2, Point("attribution", "not_established"))
    report = judge(wrong)
    assert not report.agrees
    differing = [i for i in report.issues if not i.agrees]
    assert [i.issue for i in differing] == ["attribution"]
    assert differing[0].missing_rules and differing[0].missing_evidence
    outcome = report.outcomes[0]
    assert not outcome.yours and outcome.engine and outcome.as_decided
    for lang in ("en", "zh-CN"):
        assert report.render(lang)


def test_a_judgment_that_leaves_an_issue_undecided_says_so() -> None:
    brief = _engine_judgment("pang-v-qunar-2017", "second_instance").without_point(0)
    report = judge(brief)
    assert report.issues[0].yours is None and not report.agrees


def test_the_default_rubric_covers_every_criterion() -> None:
    rubric = default_rubric()
    assert [c.id for c in rubric.criteria] == list(CRITERIA)
    assert all(c.label["en"] and c.label["zh-CN"] for c in rubric.criteria)


def test_an_instructors_rubric_changes_the_score(tmp_path: Path) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text(
        "schema_version: 1\ncriteria:\n  - id: holds\n    weight: 10\n"
        "    label: {en: Holds, zh-CN: 成立}\n",
        encoding="utf-8",
    )
    brief = Brief(
        "liu-v-platform-2024", "liu", "second_instance", "en", points=(Point("fault", "presumed"),)
    )
    feedback = check_brief(brief, rubric=load_rubric(path))
    assert (feedback.score.total, feedback.score.out_of) == (10, 10)
    criterion = feedback.score.points[0].criteria[0]
    assert criterion.met and criterion.reason == "moot.rubric.holds.met"


def test_a_broken_rubric_gives_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text(
        "schema_version: 1\ncriteria:\n  - id: eloquence\n    weight: 1\n"
        "    label: {en: x, zh-CN: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(CaseError, match=r"rubric.yaml:3: criteria\[0\]\.id"):
        load_rubric(path)


def test_the_judge_function_is_never_shadowed_by_its_module() -> None:
    """`mootcourt.moot.judge` is the function even after the module that defines it is
    imported by name (a submodule of the same name used to replace it on the package)."""
    import importlib

    import mootcourt.moot as moot

    importlib.import_module("mootcourt.moot.judging")
    assert callable(moot.judge) and moot.judge.__name__ == "judge"
