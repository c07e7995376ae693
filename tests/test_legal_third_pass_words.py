"""Legal fidelity, third pass (issue 13), the wording layer: items 4, 5, 8, 14 and 17.

What a professor of Chinese civil and data-protection law reads in every step, the operative
part and the analysis: an inference of fact is not a presumption of fault; a partial reversal
says so and disposes of every claim; every figure and sentence of `explain` carries the basis
of what it rests on; the Chinese prose carries no ids, no English values, no repeated notes;
lesson 8 and the instructor guide say what the law and the kit's model say.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
import yaml

from mootcourt import Case, evaluate, load_case
from mootcourt.analysis import explain
from mootcourt.engine.judgment import Judgment
from mootcourt.errors import WorldError
from mootcourt.world import World

from .leak_vocabulary import PARAMETERS, templates

ROOT = Path(__file__).resolve().parents[1]
LIU, PANG = "liu-v-platform-2024", "pang-v-qunar-2017"
CJK = re.compile(r"[\u4e00-\u9fff]")
# a raw id (snake_case, or a statute id such as cpl-interp-108) or a lower-case English word
LATIN_IN_CHINESE = re.compile(r"[A-Za-z]+(?:[_-][A-Za-z0-9]+)+|\b[a-z]{2,}\b")
NOTE = re.compile(r"【(?:评注|本套件推断)】[^【]*")


@pytest.fixture(scope="module")
def liu() -> Case:
    return load_case(LIU)


@pytest.fixture(scope="module")
def pang() -> Case:
    return load_case(PANG)


# --- item 4: an inference from custody is not 过错推定 ----------------------------------------

INFERENCE_KEYS = [
    k
    for k in templates("zh-CN")
    if k.startswith(("fault.inf", "note.fault.inf")) and k != "note.fault.inference_open"
]


@pytest.mark.parametrize("key", INFERENCE_KEYS)
def test_no_inference_template_calls_itself_a_presumption_of_fault(key: str) -> None:
    assert "过错推定" not in templates("zh-CN")[key], key


def test_evidence_that_displaces_the_inference_rebuts_an_inference(liu: Case) -> None:
    doctrine = {
        "second_instance": {
            "fault_rule": "plaintiff_proves",
            "fault_inference": "from_custody",
            "rebuttal": "general_compliance",
        }
    }
    step = evaluate(liu, liu.record_world(), doctrine).level("second_instance").step("fault")
    assert step.result == "not_established"
    zh = step.text("zh-CN")
    assert "基于保管所作的推断" in zh and "过错推定" not in zh, zh
    assert "inference from custody" in step.text("en")


# --- item 5: a partial reversal, and every claim disposed of -------------------------------


def test_a_partial_reversal_is_allowed_in_part_and_disposes_of_the_rest(pang: Case) -> None:
    world = pang.record_world().with_toggles(qunar_held_phone=False)
    j = evaluate(pang, world)
    zh = j.disposition("second_instance", "zh-CN") or ""
    assert "上诉请求部分成立" in zh and "上诉请求成立" not in zh, zh
    assert "东航向庞理鹏赔礼道歉" in zh and "驳回庞理鹏的其他诉讼请求" in zh, zh
    assert "去哪儿网向" not in zh
    en = j.disposition("second_instance", "en") or ""
    assert "allowed in part" in en and "the other claims of Pang are dismissed" in en, en


@pytest.mark.parametrize("case_id", [LIU, PANG])
def test_a_full_reversal_still_reads_as_allowed(case_id: str) -> None:
    case = load_case(case_id)
    zh = evaluate(case, case.record_world()).disposition("second_instance", "zh-CN") or ""
    assert "的上诉请求成立" in zh and "部分" not in zh and "其他诉讼请求" not in zh, zh


def _claim_pairs(case: Case) -> list[tuple[str, str]]:
    return [(c.id, d) for c in case.file.claims for d in (c.against or list(case.defendants))]


def _worlds(case: Case) -> Iterator[tuple[World, dict[str, dict[str, str]]]]:
    """The record world, every single-toggle flip, every doctrine value at every level, and
    every scenario of the case."""
    record = case.record_world()
    yield record, {}
    for toggle in case.toggles:
        try:
            yield record.with_toggles({toggle: not record[toggle]}, cascade=True), {}
        except WorldError:
            continue
    for level in case.levels:
        for name, parameter in PARAMETERS.items():
            for value in parameter.values:
                yield record, {level: {name: value}}
    for scenario in case.scenarios:
        try:
            world = record.with_toggles(**scenario.toggles)
        except WorldError:
            continue
        yield world, {lv: dict(v) for lv, v in scenario.doctrine.items()}


def _judgments(case: Case) -> Iterator[Judgment]:
    for world, doctrine in _worlds(case):
        yield evaluate(case, world, doctrine)


@pytest.mark.parametrize("case_id", [LIU, PANG])
def test_every_claim_is_disposed_of_on_a_reversal(case_id: str) -> None:
    case = load_case(case_id)
    pairs = _claim_pairs(case)
    for j in _judgments(case):
        for lang, dismissed in (("zh-CN", "诉讼请求"), ("en", "are dismissed")):
            text = j.disposition("second_instance", lang) or ""
            if "撤销一审判决" not in text and "set aside" not in text:
                continue
            here = j.level("second_instance")
            granted = [(c, d) for c, d in pairs if c in here.defendants[d].remedies]
            if len(granted) < len(pairs):
                assert dismissed in text.split("判决如下")[-1].split("Judgment")[-1], text


# --- item 8: every figure and sentence of explain carries its basis ------------------------


@pytest.fixture(scope="module")
def liu_explained(liu: Case) -> dict:
    return {lang: explain(liu).to_dict(lang) for lang in ("en", "zh-CN")}


def test_a_needed_move_resting_on_our_inference_is_not_called_reported(
    liu_explained: dict,
) -> None:
    (found,) = liu_explained["en"]["decomposition"]
    text = found["text"]
    assert "what rebuts fault (reported)" not in text, text
    rebuttal = next(m for m in found["moves"] if m["parameter"] == "rebuttal")
    assert rebuttal["necessary"] and rebuttal["basis"] == "inferred"
    assert "what rebuts fault (First instance: our inference; Second instance: reported)" in text
    zh = liu_explained["zh-CN"]["decomposition"][0]["text"]
    assert "推翻过错的证据（一审：本套件推断；二审：报道所载）" in zh, zh


def test_the_record_move_is_not_reported_when_only_a_hypothesis_separates_the_records(
    liu_explained: dict,
) -> None:
    (found,) = liu_explained["en"]["decomposition"]
    record = next(m for m in found["moves"] if m["parameter"] == "record")
    assert record["from"]["basis"] == record["to"]["basis"] == "hypothetical"
    assert record["basis"] == "hypothetical"


def test_the_exact_conditions_and_counts_carry_the_basis_of_the_settings(
    liu_explained: dict,
) -> None:
    en, zh = liu_explained["en"], liu_explained["zh-CN"]
    first = en["condition_text"]["first_instance"]
    assert "our inference" in first and "attribution test" in first, first
    assert en["basis"]["first_instance"]["basis"] == "inferred"
    assert en["basis"]["first_instance"]["settings"]["attribution"] == "inferred"
    assert "本套件推断" in zh["condition_text"]["first_instance"]
    for lv in ("first_instance", "second_instance"):
        assert set(en["basis"][lv]) == {"basis", "settings", "text"}
        assert en["basis"][lv]["text"] and CJK.search(zh["basis"][lv]["text"])


def test_explain_json_still_matches_its_schema(liu_explained: dict) -> None:
    from mootcourt.analysis.schema import ExplainReport

    for lang in ("en", "zh-CN"):
        ExplainReport.model_validate(liu_explained[lang])
    committed = json.loads(
        (ROOT / "widgets/mootcourt/schemas/explain.schema.json").read_text("utf-8")
    )
    assert "basis" in committed["properties"]


# --- item 14: Chinese prose: no ids, no English values, no repeats, no translationese ------


def _chinese(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        if CJK.search(obj):
            yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _chinese(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from _chinese(v)


def _problems(text: str) -> list[str]:
    found = [f"latin '{m}'" for m in LATIN_IN_CHINESE.findall(text)]
    notes = NOTE.findall(text)
    found += [f"repeated note '{n[:30]}'" for n in set(notes) if notes.count(n) > 1]
    if re.search(r"下列[\u4e00-\u9fff]{1,12}：", text):
        found.append("translationese list '下列…：'")
    return found


@pytest.mark.parametrize("case_id", [LIU, PANG])
def test_chinese_output_over_many_worlds_has_no_ids_or_english(case_id: str) -> None:
    case = load_case(case_id)
    bad: dict[str, str] = {}
    for j in _judgments(case):
        texts = list(_chinese(j.to_dict("zh-CN")))
        texts += [j.disposition(lv, "zh-CN") or "" for lv in case.levels]
        for text in texts:
            for problem in _problems(text):
                bad.setdefault(problem, text)
    assert not bad, "\n".join(f"{p}: {t}" for p, t in bad.items())


@pytest.mark.parametrize("case_id", [LIU, PANG])
def test_chinese_explain_has_no_ids_or_english(case_id: str) -> None:
    case = load_case(case_id)
    report = explain(case).to_dict("zh-CN")
    report.pop("world"), report.pop("conditions"), report.pop("condition_parts")
    bad = {p: t for t in _chinese(report) for p in _problems(t)}
    assert not bad, bad


def test_every_chinese_engine_template_is_free_of_ids_and_lists() -> None:
    for key, template in templates("zh-CN").items():
        plain = re.sub(r"\{[a-z_]+\}", "", template)
        assert not _problems(plain), (key, _problems(plain))


@pytest.mark.parametrize("case_id", [LIU, PANG])
def test_the_case_files_chinese_texts_name_no_ids(case_id: str) -> None:
    data = yaml.safe_load((ROOT / "lessons" / case_id / "case.yaml").read_text("utf-8"))
    for key, template in (data.get("texts") or {}).get("zh-CN", {}).items():
        plain = re.sub(r"\{[a-z_]+\}", "", template)
        assert not _problems(plain), (key, plain)
    for a in data["assumptions"]:
        assert not _problems(a["text"]["zh-CN"]), (a["id"], a["text"]["zh-CN"])


def test_the_terminal_names_assumptions_without_ids(pang: Case) -> None:
    from io import StringIO

    from rich.console import Console

    from mootcourt.terminal import render_judgment

    out = StringIO()
    render_judgment(evaluate(pang, pang.record_world()), "zh-CN", Console(file=out, width=200))
    text = out.getvalue()
    for a in pang.file.assumptions:
        assert a.id not in text, a.id


# --- item 17: lesson 8, the guide, and what Pang's steps say -------------------------------


def _markdown(lang: str) -> str:
    path = ROOT / "notebooks" / lang / "08-pang-and-what-pipl-changed.ipynb"
    nb = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_lesson_8_calls_tll_10_joint_dangerous_conduct() -> None:
    en, zh = _markdown("en"), _markdown("zh-CN")
    assert "joint dangerous conduct (`tll-10`)" in en and "several tortfeasors" not in en
    assert "共同危险行为（`tll-10`）" in zh and "数人侵权" not in zh
    assert "personal-injury-2003-4" in en and "personal-injury-2003-4" in zh


def test_lesson_8_labels_the_pang_fault_inference_as_our_model() -> None:
    en = _markdown("en")
    assert "met it by inference from the leak" not in en
    assert "how the court found fault is not reported" in en


def test_pang_never_says_a_presumption_was_lost(pang: Case) -> None:
    doctrine = {"second_instance": {"fault_inference": "none"}}
    for lang, words in (("en", "losing the presumption"), ("zh-CN", "不适用过错推定并不终结")):
        for world, extra in ((pang.record_world(), doctrine), *_worlds(pang)):
            j = evaluate(pang, world, extra)
            for lv in j.levels:
                for step in lv.steps:
                    assert words not in step.text(lang), (lv.id, step.text(lang))


def test_liu_losing_the_presumption_by_doctrine_still_says_so(liu: Case) -> None:
    doctrine = {"second_instance": {"fault_rule": "plaintiff_proves"}}
    step = evaluate(liu, liu.record_world(), doctrine).level("second_instance").step("fault")
    assert "losing the presumption does not end the claim" in step.text("en")


def test_a_fault_row_after_a_failed_attribution_names_the_issue_that_failed(
    pang: Case,
) -> None:
    world = pang.record_world().with_toggles(qunar_held_phone=False)
    lv = evaluate(pang, world).level("second_instance")
    step = lv.step("fault", "qunar")
    assert step.result == "not_reached"
    assert "泄露来源（因果关系）" in step.text("zh-CN"), step.text("zh-CN")
    assert "Attribution (causation)" in step.text("en"), step.text("en")


def test_the_affirmative_view_also_cites_the_2003_interpretation_by_analogy(pang: Case) -> None:
    doctrine = {"second_instance": {"several_defendants": "joint_danger_affirmative"}}
    lv = evaluate(pang, pang.record_world(), doctrine).level("second_instance")
    step = lv.step("attribution", "qunar")
    assert "personal-injury-2003-4" in step.rules, step.rules
    doctrine = {"second_instance": {"several_defendants": "joint_danger_negative"}}
    lv = evaluate(pang, pang.record_world(), doctrine).level("second_instance")
    assert "personal-injury-2003-4" not in lv.step("attribution", "qunar").rules


def test_the_guide_labels_the_pang_fault_inference_as_the_kits_model() -> None:
    guide = (ROOT / "lessons" / LIU / "instructor" / "guide.en.md").read_text("utf-8")
    assert "met it by inference to a high probability" not in guide
    assert "the kit's model" in guide
    assert "joint dangerous conduct (`tll-10`)" in guide
    zh = (ROOT / "lessons" / LIU / "instructor" / "guide.zh-CN.md").read_text("utf-8")
    assert "本套件的模型" in zh and "共同危险行为" in zh


def test_teaching_points_name_the_switch_by_its_label() -> None:
    data = yaml.safe_load((ROOT / "lessons" / LIU / "teaching_points.yaml").read_text("utf-8"))
    for point in data["points"]:
        zh = point["summary"]["zh-CN"]
        assert not re.search(r"[a-z]+_[a-z_]+", zh), (point["id"], zh)
