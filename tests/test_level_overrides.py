"""Per-level rule and text overrides: one court cites an article, or says a sentence, in its
own way (level > case > engine), and a wrong slot, key or statute under a level is an error at
its line, under the level's path.

The fixture is the author's template with the example AUTHORING.md gives: the appeal court
alone cites PIPL Art. 73(1) without Art. 4, and words the processor step and the order to set
the first judgment aside in its own voice; a case-wide override sits under both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mootcourt import Case, CaseError, evaluate, load_case
from mootcourt.engine.rules import rules_for
from mootcourt.engine.texts import render, template_for
from mootcourt.reference import render as reference
from mootcourt.scaffold import new_case

from .leak_vocabulary import LEAK, RULE_SLOTS

APPEAL_COURT = "    court: {zh-CN: 某中级人民法院, en: An intermediate people's court}\n"
LEVEL_OWN = """    rules:
      processor: [pipl-73(1)]
    texts:
      en:
        processor.established: "This court holds that {defendant} processed {fields}."
        disposition.set_aside: "the judgment below is set aside"
"""
CASE_WIDE = """
rules:
  processor: [pipl-4]
texts:
  en:
    processor.established: "Case-wide: {defendant} was {plaintiff}'s processor."
  zh-CN:
    processor.established: "全案：{defendant}系{plaintiff}的个人信息处理者。"
"""


def _case(folder: Path, level_own: str = LEVEL_OWN, case_wide: str = CASE_WIDE) -> Path:
    new_case(folder)
    case_yaml = folder / "case.yaml"
    text = case_yaml.read_text(encoding="utf-8")
    assert text.count(APPEAL_COURT) == 1, "the template's appeal court moved: update the test"
    text = text.replace(APPEAL_COURT, APPEAL_COURT + level_own) + case_wide
    case_yaml.write_text(text, encoding="utf-8")
    return case_yaml


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Case:
    return load_case(_case(tmp_path_factory.mktemp("levels") / "levels-v-shop-2024"))


def test_the_level_cites_its_own_articles_and_the_other_the_case_wide(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    first = judgment.level("first_instance").step("processor")
    second = judgment.level("second_instance").step("processor")
    assert first.rules == ("pipl-4",), "the case-wide override, not the engine's default"
    assert second.rules == ("pipl-73(1)",), "the level's own, over the case's"
    assert rules_for(case, "first_instance", "processor") == ("pipl-4",)
    assert rules_for(case, None, "processor") == ("pipl-4",)
    assert rules_for(case, "second_instance", "leak") == RULE_SLOTS["leak"], "no override"


def test_the_level_words_a_step_its_own_way(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    first = judgment.level("first_instance").step("processor")
    second = judgment.level("second_instance").step("processor")
    assert first.text("en").startswith("Case-wide: the defendant was")
    assert second.text("en").startswith("This court holds that the defendant processed")
    # the level gives no Chinese: the case-wide Chinese applies there
    assert second.text("zh-CN") == first.text("zh-CN") == "全案：被告系原告的个人信息处理者。"
    data = judgment.to_dict("en")
    texts = {lv["id"]: lv["steps"][0]["text"] for lv in data["levels"]}
    assert texts["second_instance"].startswith("This court holds"), "the JSON says the same"


def test_the_disposition_speaks_in_the_level_s_words(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    assert "the judgment below is set aside" in judgment.disposition("second_instance", "en")
    assert "the first-instance judgment is set aside" not in judgment.disposition(
        "second_instance", "en"
    )


def test_render_takes_the_level(case: Case) -> None:
    step = evaluate(case, case.record_world()).level("second_instance").step("processor")
    message = step.messages[0]
    assert render(case, message, "en").startswith("Case-wide:"), "no level: case-wide"
    assert render(case, message, "en", level="second_instance").startswith("This court")
    assert template_for(case, "leak.established", "en", "second_instance") == template_for(
        case, "leak.established", "en"
    )


def test_without_overrides_nothing_changes(tmp_path: Path) -> None:
    plain = load_case(_case(tmp_path / "plain-v-shop-2024", level_own="", case_wide=""))
    judgment = evaluate(plain, plain.record_world())
    for level in plain.levels:
        assert judgment.level(level).step("processor").rules == RULE_SLOTS["processor"]


# --- validation: same checks, the level's path, the right line ---------------------------


def _problem(case_yaml: Path) -> tuple[int | None, str, str]:
    with pytest.raises(CaseError) as info:
        load_case(case_yaml)
    first = info.value.problems[0]
    return first.line, first.field, first.message


def _line_of(case_yaml: Path, needle: str) -> int:
    lines = case_yaml.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize(
    "own,needle,field,message",
    [
        (
            "    rules:\n      remedy.apologies: [cc-1000(1)]\n",
            "remedy.apologies",
            "levels[1].rules.remedy.apologies",
            "unknown rule slot 'remedy.apologies'; did you mean 'remedy.apology'?",
        ),
        (
            "    rules:\n      processor: [pipl-999]\n",
            "pipl-999",
            "levels[1].rules.processor[0]",
            "pipl-999",
        ),
        (
            '    texts:\n      en:\n        remedy.grant: "{remedies}."\n',
            "remedy.grant",
            "levels[1].texts.en.remedy.grant",
            "unknown text key 'remedy.grant'",
        ),
        (
            '    texts:\n      zh-CN:\n        remedy.granted: "{remedy}。"\n',
            "remedy.granted",
            "levels[1].texts.zh-CN.remedy.granted",
            "unknown placeholder {remedy}",
        ),
    ],
    ids=["slot", "statute", "key", "placeholder"],
)
def test_a_bad_level_override_names_its_line(
    tmp_path: Path, own: str, needle: str, field: str, message: str
) -> None:
    case_yaml = _case(tmp_path / "bad-v-shop-2024", level_own=own, case_wide="")
    line, where, said = _problem(case_yaml)
    assert (line, where) == (_line_of(case_yaml, needle), field), said
    assert message in said


def test_the_reference_says_slots_and_keys_may_be_set_per_level() -> None:
    en, zh = reference(LEAK, "en"), reference(LEAK, "zh-CN")
    assert "for one court only, under that level's rules" in en
    assert "for one court only, under that level's texts" in en
    assert "写在该审级的 rules 之下" in zh and "写在该审级的 texts 之下" in zh
