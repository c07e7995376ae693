"""Both languages say everything: catalogues and reasoning templates have the same keys and
placeholders, and every case text is bilingual (the schema requires it)."""

from __future__ import annotations

import re

from mootcourt.engine.texts import placeholders
from mootcourt.i18n import messages

from .leak_vocabulary import templates


def test_catalogues_have_the_same_keys() -> None:
    assert set(messages("en").table) == set(messages("zh-CN").table)


def test_catalogue_placeholders_match() -> None:
    en, zh = messages("en").table, messages("zh-CN").table
    for key in en:
        assert placeholders(str(en[key])) == placeholders(str(zh[key])), key


def test_reasoning_templates_match_across_languages() -> None:
    en, zh = templates("en"), templates("zh-CN")
    assert set(en) == set(zh)
    for key in en:
        assert placeholders(en[key]) == placeholders(zh[key]), key


def test_every_doctrine_value_and_result_has_a_term() -> None:
    from mootcourt.engine import Result

    from .leak_vocabulary import LEAK, PARAMETERS

    for lang in ("en", "zh-CN"):
        table = LEAK.messages(lang).table  # the catalogue with the pack's terms
        for param in PARAMETERS.values():
            assert f"param.{param.name}" in table
            for value in param.values:
                assert f"value.{value}" in table
        for result in Result:
            assert f"result.{result}" in table


def test_a_lower_case_label_that_opens_a_sentence_is_capitalised_and_nowhere_else() -> None:
    from mootcourt import evaluate, load_case

    from .conftest import LESSONS

    case = load_case(LESSONS / "_template")  # its labels are lower case: "the defendant"
    judgment = evaluate(case, case.record_world())
    text = judgment.level("first_instance").step("attribution").text("en")
    assert "the courier. The defendant was only one" in text
    assert "data: the courier." in text, "a label inside a sentence keeps its case"
    for lv in judgment.levels:
        for step in lv.steps:
            assert not re.search(r"[.?!] [a-z]", step.text("en")), step.text("en")
