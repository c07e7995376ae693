"""Assumptions are shown: each step names the case's assumptions it rests on (by the ids it
read, weighed or named, never by words), and the terminal, `--json` and the explorer's reading
pane show them, labelled as ours, in both languages."""

from __future__ import annotations

import html

import jsonschema
import pytest
from rich.console import Console

from mootcourt import Case, evaluate
from mootcourt.engine.steps import AssumptionIndex, Result
from mootcourt.engine.texts import msg
from mootcourt.schemas import committed
from mootcourt.terminal import render_judgment
from mootcourt.ui import Explorer
from mootcourt.ui.frame import Frame
from mootcourt.ui.reading import column_html
from mootcourt.ui.words import Words

from .leak_vocabulary import ISSUES


def test_each_way_an_assumption_concerns_a_step(liu: Case) -> None:
    index = AssumptionIndex(liu)

    def resting(level="second_instance", reads=(), evidence=(), messages=()):
        return index.resting(level, "platform", reads, evidence, messages)

    bare = resting()  # the level and the defendant only
    assert "platform_holds_id_number" in bare  # concerns the defendant
    assert "single_source" in bare  # concerns the second instance
    assert "procedural_text_in_time" not in bare  # concerns the first instance only
    assert "procedural_text_in_time" in resting(level="first_instance")
    assert "leaked_set" not in bare
    assert "leaked_set" in resting(reads=["leaked_id_number"])  # a toggle read
    assert "leaked_set" in resting(evidence=["fraud_calls"])  # an item weighed
    assert "logistics_entrusted" in resting(messages=[msg("x", others=["logistics"])])
    assert "limitation_not_raised" in resting(messages=[msg("x", remedies=["apology"])])


def test_the_plaintiff_and_other_courts_named_in_a_text_do_not_attach(liu: Case) -> None:
    index = AssumptionIndex(liu)
    bare = index.resting("second_instance", "platform", (), (), ())
    named = index.resting(
        "second_instance",
        "platform",
        (),
        (),
        [msg("x", plaintiff=[liu.plaintiff], level=["first_instance"])],
    )
    assert named == bare
    assert "procedural_text_in_time" not in named


def test_assumptions_come_in_case_order_without_repeats(liu: Case) -> None:
    index = AssumptionIndex(liu)
    found = index.resting(
        "second_instance",
        "platform",
        ["leaked_id_number", "logistics", "payment"],
        ["fraud_calls"],
        [msg("x", others=["logistics", "payment"])],
    )
    order = [a.id for a in liu.file.assumptions]
    assert list(found) == sorted(set(found), key=order.index)


def test_every_step_is_marked_by_the_rule_and_a_step_not_reached_by_none(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    index = AssumptionIndex(case)
    known = {a.id for a in case.file.assumptions}
    for lv in judgment.levels:
        for step in lv.steps:
            assert set(step.assumptions) <= known
            if step.result is Result.NOT_REACHED:
                assert step.assumptions == ()
            else:
                expected = index.resting(
                    step.level, step.defendant, step.reads, step.evidence, step.messages
                )
                assert step.assumptions == expected


def test_liu_leak_rests_on_the_leaked_set_and_the_unreached_fault_on_nothing(liu: Case) -> None:
    judgment = evaluate(liu, liu.record_world())
    assert "leaked_set" in judgment.level("second_instance").step("leak").assumptions
    first_fault = judgment.level("first_instance").step("fault")
    assert first_fault.result is Result.NOT_REACHED and first_fault.assumptions == ()


def test_json_lists_the_assumptions_and_each_steps_ids(case: Case) -> None:
    validator = jsonschema.Draft202012Validator(committed("judgment"))
    judgment = evaluate(case, case.record_world())
    for lang in ("en", "zh-CN"):
        data = judgment.to_dict(lang)
        validator.validate(data)
        assert [a["id"] for a in data["assumptions"]] == [a.id for a in case.file.assumptions]
        for entry, assumption in zip(data["assumptions"], case.file.assumptions, strict=True):
            assert entry["text"] == assumption.text(lang)
            assert entry["concerns"] == list(assumption.concerns)
        for lv, level in zip(data["levels"], judgment.levels, strict=True):
            for entry, step in zip(lv["steps"], level.steps, strict=True):
                assert entry["assumptions"] == list(step.assumptions)


@pytest.mark.parametrize(
    ("lang", "heading", "marker"),
    [
        ("en", "Our assumptions", "(rests on our assumptions no. "),
        ("zh-CN", "本套件的假设", "（所依假设：第"),
    ],
)
def test_terminal_lists_the_assumptions_and_marks_each_step(
    liu: Case, lang: str, heading: str, marker: str
) -> None:
    console = Console(record=True, width=400)
    render_judgment(evaluate(liu, liu.record_world()), lang, console)
    out = console.export_text()
    assert heading in out
    assert marker in out
    # numbered, not named by id (issue 13, item 14: no raw ids in the reader's text)
    for n, assumption in enumerate(liu.file.assumptions, 1):
        assert f"{n}{'：' if lang == 'zh-CN' else ': '}" in out
        assert assumption.id not in out
        assert assumption.text(lang)[:20] in out


def _frame(case: Case, lang: str, issue: str) -> Frame:
    judgment = evaluate(case, case.record_world())
    return Frame(judgment, Words(case, lang), defendant=case.defendants[0], issue=issue)


@pytest.mark.parametrize(("lang", "label"), [("en", "our assumptions"), ("zh-CN", "本套件假设")])
def test_reading_pane_shows_the_assumptions_a_step_rests_on(
    liu: Case, lang: str, label: str
) -> None:
    frame = _frame(liu, lang, "leak")
    html = column_html(frame, "second_instance")
    assert 'class="mc-assumptions"' in html and label in html
    leaked_set = next(a for a in liu.file.assumptions if a.id == "leaked_set")
    assert leaked_set.text(lang)[:15] in html.replace("&quot;", '"')
    unreached = column_html(_frame(liu, lang, "fault"), "first_instance")
    assert "mc-assumptions" not in unreached


def test_explorer_reading_pane_follows_the_selected_step(liu: Case) -> None:
    x = Explorer(liu, lang="en")
    for issue in ISSUES:
        x.courts.issue_heads[("platform", issue)].button.click()
        for level_id, column in x.reading.columns.items():
            step = x.state.judgment.level(level_id).step(issue)
            assert ("mc-assumptions" in column.value) == bool(step.assumptions)
            texts = {a.id: a.text for a in liu.file.assumptions}
            for assumption_id in step.assumptions:
                # the assumption is shown by its words, never by its id (no id tooltip)
                assert html.escape(texts[assumption_id]("en")) in column.value
                assert assumption_id not in column.value
