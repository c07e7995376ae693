"""The record comparison names who differs and how (one comparison, shared by `check`, the
terminal and `--json`), and every pair of consecutive levels that part ways is reported, not
only the first (a hypothetical three-level case: a retrial added to Liu)."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from mootcourt import Case, evaluate, load_case
from mootcourt.checking import check_case
from mootcourt.engine.judgment import LevelJudgment, Outcome, RecordDifference
from mootcourt.schemas import committed
from mootcourt.terminal import render_judgment
from mootcourt.ui.courts import divergence_html
from mootcourt.ui.frame import Frame
from mootcourt.ui.words import Words

from .conftest import case_variant

VALIDATOR = jsonschema.Draft202012Validator(committed("judgment"))


def _printed(judgment, lang: str) -> str:
    console = Console(record=True, width=400)
    render_judgment(judgment, lang, console)
    return console.export_text()


# --- the record comparison, named -------------------------------------------------------------


def test_the_record_world_differs_nowhere(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    for lv in judgment.levels:
        assert lv.record_differences() == ()
        assert lv.matches_record
    for level in judgment.to_dict("en")["levels"]:
        assert level["record"] == {"matches": True, "differences": []}


def test_only_the_defendant_that_differs_is_named(pang: Case) -> None:
    world = pang.record_world().with_toggles({"qunar_held_phone": False}, cascade=True)
    judgment = evaluate(pang, world)
    lv = judgment.level("second_instance")
    assert lv.record_differences() == (
        RecordDifference("qunar", Outcome(True, ("apology",)), Outcome(False, ())),
    )
    assert not lv.defendant_matches_record("qunar")
    assert lv.defendant_matches_record("china_eastern")
    assert not lv.matches_record
    assert lv.record_differences()[0].liability_differs

    data = judgment.to_dict("en")
    VALIDATOR.validate(data)
    record = data["levels"][1]["record"]
    assert record["matches"] is False
    assert [d["defendant"] for d in record["differences"]] == ["qunar"]
    difference = record["differences"][0]
    assert (difference["expected"]["liable"], difference["expected"]["remedies"]) == (
        True,
        ["apology"],
    )
    assert (difference["found"]["liable"], difference["found"]["remedies"]) == (False, [])
    en = _printed(judgment, "en")
    assert "Qunar: decided liable (" in en and "the engine finds not liable" in en
    assert "China Eastern: decided" not in en
    zh = _printed(judgment, "zh-CN")
    assert "去哪儿网：实际判决应承担责任（" in zh and "推演结果为不承担责任" in zh
    assert "东航：实际判决" not in zh


def test_check_reads_the_same_comparison(liu: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mootcourt check` finds a difference exactly where `record_difference` reports one: a
    second comparison could not follow this patch."""
    assert check_case(liu).ok

    def only_remedies(self: LevelJudgment, defendant: str) -> RecordDifference | None:
        if self.id != "second_instance":
            return None
        return RecordDifference(defendant, Outcome(True, ("apology",)), Outcome(True, ()))

    monkeypatch.setattr(LevelJudgment, "record_difference", only_remedies)
    failures = check_case(liu).failures
    assert len(failures) == 1
    assert "second_instance/platform remedies [apology] (as decided)" in failures[0].expected
    assert failures[0].found == "no remedy"
    assert failures[0].issue == "remedy"


# --- every divergence --------------------------------------------------------------------------


def _with_retrial(tmp_path: Path) -> Case:
    """Liu's case with a third level after the appeal: a HYPOTHETICAL retrial by a fictional
    court that reads the case as the first court did (labelled so in both languages). The
    first and second levels part at attribution, and so do the second and the retrial."""
    return load_case(case_variant(tmp_path, "liu-v-platform-2024", "retrial", _add_retrial))


def _add_retrial(text: str) -> str:
    first = text[text.index("  - id: first_instance\n") : text.index("  - id: second_instance\n")]
    retrial = (
        first.replace("id: first_instance", "id: retrial", 1)
        .replace(
            "{zh-CN: 一审, en: First instance}", "{zh-CN: 再审（假设）, en: Retrial (hypothetical)}"
        )
        .replace(
            "{zh-CN: 北京互联网法院, en: Beijing Internet Court}",
            "{zh-CN: 虚构的再审法院, en: A fictional retrial court}",
        )
    )
    assert "Retrial (hypothetical)" in retrial and "fictional" in retrial
    lines = text.split("\n")
    end = lines.index("levels:") + 1  # the levels list ends at the next top-level key
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end]):
        end += 1
    while not lines[end - 1]:
        end -= 1
    lines[end:end] = ["", *retrial.rstrip("\n").split("\n")]
    return "\n".join(lines)


def test_three_levels_report_both_pairs_that_differ(tmp_path: Path) -> None:
    case = _with_retrial(tmp_path)
    assert list(case.levels) == ["first_instance", "second_instance", "retrial"]
    judgment = evaluate(case, case.record_world())
    pairs = [d.levels for d in judgment.divergences]
    assert pairs == [("first_instance", "second_instance"), ("second_instance", "retrial")]

    for lang in ("en", "zh-CN"):
        data = judgment.to_dict(lang)
        VALIDATOR.validate(data)
        assert [d["levels"] for d in data["divergences"]] == [list(p) for p in pairs]
        assert data["divergence"] == data["divergences"][0]  # kept for compatibility

    en = _printed(judgment, "en")
    assert "Where the courts part ways: First instance → Second instance" in en
    assert "Where the courts part ways: Second instance → Retrial (hypothetical)" in en
    zh = _printed(judgment, "zh-CN")
    assert "两审分歧所在：一审与二审" in zh
    assert "两审分歧所在：二审与再审（假设）" in zh

    for lang in ("en", "zh-CN"):  # the explorer names both levels of each pair
        html = divergence_html(Frame(judgment, Words(case, lang)))
        blocks = html.split("<br>")
        assert len(blocks) == 2
        for block, (a, b) in zip(blocks, pairs, strict=True):
            assert case.label(a, lang) in block and case.label(b, lang) in block


def test_two_levels_that_agree_report_no_divergence(liu: Case) -> None:
    world = liu.record_world()
    judgment = evaluate(
        liu, world, {"first_instance": dict(liu.doctrine("second_instance").values)}
    )
    assert judgment.divergences == ()  # the same doctrine, the same evidence
    data = judgment.to_dict("en")
    assert data["divergence"] is None and data["divergences"] == []
    assert "The levels agree on every issue." in _printed(judgment, "en")
