"""Feedback computed from the engine: real briefs for Liu (both sides) and Pang (the
plaintiff against each defendant, and a defendant's own), checked on computed properties."""

from __future__ import annotations

import re

import pytest

from mootcourt import load_case
from mootcourt.i18n import messages
from mootcourt.moot import Brief, BriefError, Point, check_brief, opposing_brief
from mootcourt.moot.feedback import MISCONCEPTIONS

from .leak_vocabulary import ISSUES

LIU, PANG = "liu-v-platform-2024", "pang-v-qunar-2017"


def _platform(*points: Point, court: str = "second_instance") -> Brief:
    return Brief(LIU, "platform", court, "en", points=points)


FAULT_REBUTTED = Point(
    "fault",
    "rebutted",
    rules=("pipl-69(1)",),
    evidence=("mlps_level3_filings", "security_policies"),
    doctrine={"rebuttal": "general_compliance"},
)


def test_fault_rebutted_on_general_compliance_fails_at_second_instance() -> None:
    found = check_brief(_platform(FAULT_REBUTTED)).points[0]
    assert not found.holds and found.found == "presumed"
    assert found.decisive
    best = found.answers[0]
    assert (best.kind, best.id, best.effect) == (
        "doctrine",
        "rebuttal=general_compliance",
        "rebutted",
    )
    # the reading urged would carry it: said apart, never passed off as the court's law
    assert found.holds_if_urged is True and found.urged_doctrine_changes_result
    assert "fault.reading" in {q.key for q in found.questions}
    assert {q.kind for q in found.questions} >= {"burden", "reading"}


def test_pipl_69_cited_on_attribution_is_a_misconception() -> None:
    point = Point("attribution", "not_established", rules=("pipl-69",), evidence=("logistics",))
    found = check_brief(_platform(point)).points[0]
    assert "moot.misconception.rule_not_for_issue" in found.misconceptions
    assert found.rules_not_carrying == ("pipl-69",)


def test_the_alias_answers_the_platform_on_attribution() -> None:
    """The alias on every waybill excludes logistics: the evidence the platform's point must
    overcome, found by the one-flip analysis, and a misconception if the platform relies on it."""
    point = Point("attribution", "not_established", evidence=("alias_on_waybills",))
    found = check_brief(_platform(point)).points[0]
    assert not found.holds and found.decisive
    assert "alias_on_waybills" in {a.id for a in found.answers}
    assert found.evidence_against == ("alias_on_waybills",)
    assert "moot.misconception.evidence_against" in found.misconceptions


def test_changing_one_input_changes_the_feedback() -> None:
    base = check_brief(_platform(Point("fault", "rebutted"))).points[0]
    urged = check_brief(
        _platform(Point("fault", "rebutted", doctrine={"rebuttal": "general_compliance"}))
    ).points[0]
    assert base.holds_if_urged is None and urged.holds_if_urged is True
    hypothetical = check_brief(
        _platform(Point("fault", "rebutted", evidence=("order_access_audit",)))
    ).points[0]
    assert hypothetical.evidence_not_in_record == ("order_access_audit",)
    assert "moot.misconception.evidence_not_in_record" not in base.misconceptions


def test_liu_plaintiff_brief_holds_at_second_instance_and_names_what_is_unanswered() -> None:
    brief = Brief(
        LIU,
        "liu",
        "second_instance",
        "en",
        points=(
            Point(
                "attribution",
                "established",
                rules=("cpl-interp-108(1)",),
                evidence=("alias_on_waybills",),
            ),
            Point("fault", "presumed", rules=("pipl-69(1)",)),
        ),
    )
    feedback = check_brief(brief)
    assert all(p.holds for p in feedback.points)
    assert feedback.points[0].misconceptions == ()
    assert set(feedback.unanswered) == {"processor", "leak", "remedy"}
    assert feedback.opposing.side == "platform"
    # at first instance the same attribution point fails, and it is where the courts part
    first = check_brief(Brief(LIU, "liu", "first_instance", "en", points=brief.points[:1]))
    assert not first.points[0].holds and first.points[0].decisive


def test_claiming_established_where_the_court_presumes_is_a_burden_misconception() -> None:
    brief = Brief(LIU, "liu", "second_instance", "en", points=(Point("fault", "established"),))
    found = check_brief(brief).points[0]
    assert found.holds and found.misconceptions[0] == "moot.misconception.burden"


@pytest.mark.parametrize("defendant", ["qunar", "china_eastern"])
def test_pang_plaintiff_against_each_defendant(defendant: str) -> None:
    case = load_case(PANG)
    brief = Brief(
        PANG,
        "pang",
        "second_instance",
        "zh-CN",
        points=(Point("attribution", "established", against=defendant),),
    )
    feedback = check_brief(brief, case)
    found = feedback.points[0]
    assert found.defendant == defendant and found.holds and found.decisive
    assert all(u.endswith(f".{defendant}") for u in feedback.unanswered)
    assert feedback.opposing.side == defendant
    assert all(
        q.key.endswith(f".{defendant}") or f".{defendant}." in q.key for q in found.questions
    )
    # at first instance attribution fails for both: the same point does not hold there
    first = check_brief(Brief(PANG, "pang", "first_instance", "zh-CN", points=brief.points), case)
    assert not first.points[0].holds


def test_a_pang_defendant_must_argue_a_decisive_issue() -> None:
    brief = Brief(
        PANG, "qunar", "second_instance", "en", points=(Point("leak", "not_established"),)
    )
    feedback = check_brief(brief)
    assert not feedback.points[0].holds
    assert feedback.unanswered and all(
        i in ISSUES for i in (u.split(".")[0] for u in feedback.unanswered)
    )
    assert feedback.opposing.side == "pang"
    assert all(p.against == "qunar" or p.against is None for p in feedback.opposing.points)


def test_the_opposing_brief_holds_against_this_one() -> None:
    case = load_case(LIU)
    brief = _platform(FAULT_REBUTTED)
    opposing = opposing_brief(case, brief)
    assert opposing.side == "liu" and [p.issue for p in opposing.points] == list(ISSUES)
    assert all(p.holds for p in check_brief(opposing, case).points)


def _ids(case_id: str) -> set[str]:
    case = load_case(case_id)
    return (
        set(case.toggles)
        | set(case.parties)
        | set(case.levels)
        | set(ISSUES)
        | {"pipl-69", "rebuttal"}
    )


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_both_languages_render_with_labels_never_ids(lang: str) -> None:
    brief = _platform(
        FAULT_REBUTTED,
        Point(
            "attribution", "not_established", rules=("pipl-69",), evidence=("alias_on_waybills",)
        ),
    )
    text = check_brief(brief).render(lang)
    # English labels use ordinary words ("the platform", "fault"): there only the ids no
    # label could contain (with _ or -) are looked for; Chinese text has no id at all
    ids = {i for i in _ids(LIU) if lang == "zh-CN" or "_" in i or "-" in i}
    found = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
    assert not found, found
    if lang == "zh-CN":
        assert not re.search(r"\b(established|rebutted|presumed|holds|Point)\b", text)


def test_every_misconception_key_has_both_languages() -> None:
    for key in MISCONCEPTIONS:
        assert messages("en").has(key) and messages("zh-CN").has(key)
    moot = {k for k in messages("en").table if k.startswith("moot.")}
    assert moot == {k for k in messages("zh-CN").table if k.startswith("moot.")}


@pytest.mark.parametrize(
    ("point", "field"),
    [
        (Point("fault", "rebutted", rules=("pipl-999",)), "points[0].rules[0]"),
        (Point("fault", "rebutted", evidence=("no_such_item",)), "points[0].evidence[0]"),
        (Point("no_such_issue", "rebutted"), "points[0].issue"),
    ],
)
def test_a_brief_built_in_python_is_checked_before_feedback(point: Point, field: str) -> None:
    """A brief from Python (not a file) with a bad reference gets the same clear error as a
    file: `BriefError` naming the field, never the statute book's bare KeyError."""
    with pytest.raises(BriefError) as raised:
        check_brief(_platform(point))
    assert any(p.field == field for p in raised.value.problems), raised.value.problems
