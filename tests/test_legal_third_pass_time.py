"""Legal fidelity, third pass (issue 13): the law in time.

Items 1, 2, 3, 9 and 13: a doctrine value out of time gives way to the law in force, and a
value that departs from a mandatory rule is labelled a counterfactual; the date of the facts,
not of the judgment, decides whether a statute reaches them; Pang's procedural rules are cited
in the text in force when each court decided; the appeal's assumption stays with the appeal;
and where Art. 69 reaches facts that began before it, the step says which fact falls after.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mootcourt import Case, evaluate, load_case
from mootcourt.engine.context import Context
from mootcourt.engine.rules import rules_for
from mootcourt.engine.steps import Step
from mootcourt.engine.temporal import in_force
from mootcourt.engine.texts import render_all

from .conftest import LESSONS, case_variant
from .leak_vocabulary import PARAMETERS

LANGS = ("zh-CN", "en")
NOTE = {"zh-CN": "【评注】", "en": "Note (ours)"}


def _step(
    case: Case,
    issue: str,
    *,
    level: str = "second_instance",
    defendant: str | None = None,
    toggles: dict[str, bool] | None = None,
    doctrine: dict[str, str] | None = None,
) -> Step:
    world = case.record_world().with_toggles(toggles or {}, cascade=True)
    judgment = evaluate(case, world, {level: doctrine} if doctrine else None)
    lv = judgment.level(level)
    return lv.step(issue, defendant) if defendant else lv.step(issue)


def _keys(step: Step) -> list[str]:
    return [m.key for m in step.messages]


# --- Item 1: a setting out of time falls back to the law in force ----------------------------


def test_fairness_out_of_time_gives_way_to_the_presumption_in_force(liu: Case) -> None:
    """On facts after 2021-11-01 the law in force is PIPL 69(1) with Civil Code 1165(2): the
    court applies it, not the general rule of 1165(1), and Liu wins as on the record."""
    world = liu.record_world()
    judgment = evaluate(liu, world, {"second_instance": {"fault_rule": "fairness_allocation"}})
    step = judgment.level("second_instance").step("fault")
    assert step.result == "presumed"
    assert step.rules[:2] == ("pipl-69(1)", "cc-1165(2)")
    assert "cc-1165(1)" not in step.rules
    assert judgment.level("second_instance").liable
    en, zh = step.text("en"), step.text("zh-CN")
    assert "general rule" not in en and "一般规则" not in zh
    assert "fault.fairness_not_in_force" in _keys(step)
    assert "note.fault.setting_out_of_time" in _keys(step)
    assert "the law in force" in en and "现行有效的规定" in zh


def test_fairness_in_time_is_still_an_allocation(pang: Case) -> None:
    """Pang's appeal decided in 2017, while the 2001 Evidence Provisions were in force."""
    step = _step(pang, "fault", defendant="qunar", doctrine={"fault_rule": "fairness_allocation"})
    assert "fault.allocated" in _keys(step)
    assert "note.fault.setting_out_of_time" not in _keys(step)


@pytest.mark.parametrize("inference", ["none", "from_custody"])
def test_plaintiff_proves_on_post_pipl_facts_is_a_labelled_counterfactual(
    liu: Case, inference: str
) -> None:
    step = _step(
        liu, "fault", doctrine={"fault_rule": "plaintiff_proves", "fault_inference": inference}
    )
    assert _keys(step)[0] == "note.fault.counterfactual"
    for lang in LANGS:
        assert step.text(lang).startswith(NOTE[lang])
    assert "counterfactual" in step.text("en") and "反事实" in step.text("zh-CN")
    assert "pipl-69(1)" in step.see_also and "pipl-69(1)" not in step.rules


@pytest.mark.parametrize(
    ("toggles", "level", "defendant"),
    [({"calls_before_pipl": True}, "liu", None), ({}, "pang", "qunar")],
)
def test_plaintiff_proves_where_no_presumption_reaches_the_facts_is_the_law(
    liu: Case, pang: Case, toggles: dict[str, bool], level: str, defendant: str | None
) -> None:
    case = liu if level == "liu" else pang
    step = _step(
        case,
        "fault",
        defendant=defendant,
        toggles=toggles,
        doctrine={"fault_rule": "plaintiff_proves"},
    )
    assert "note.fault.counterfactual" not in _keys(step)


def test_the_doctrine_says_which_values_give_way_in_time() -> None:
    meaning = PARAMETERS["fault_rule"].meaning
    assert "counterfactual" in meaning["plaintiff_proves"]["en"]
    assert "反事实" in meaning["plaintiff_proves"]["zh-CN"]
    assert "law in force" in meaning["fairness_allocation"]["en"]
    assert "现行有效的规定" in meaning["fairness_allocation"]["zh-CN"]


# --- Item 2: the date of the facts decides, not the date of the judgment -----------------------


def test_pang_presumption_is_refused_by_the_date_of_the_facts(pang: Case) -> None:
    step = _step(pang, "fault", defendant="qunar", doctrine={"fault_rule": "presumed"})
    en, zh = step.text("en"), step.text("zh-CN")
    assert "after this court decided" not in en and "晚于本院裁判" not in zh
    assert "13 October 2014" in en and "2014年10月13日" in zh
    assert "date of the facts" in en and "事实发生的时间" in zh
    assert "legislation-law-104" in step.see_also  # our note's ground, not the court's


# --- Item 9: the appeal's assumption stays with the appeal ------------------------------------


def test_the_first_court_does_not_hold_qunar_to_the_appeals_assumption(pang: Case) -> None:
    processor = _step(pang, "processor", level="first_instance", defendant="qunar")
    attribution = _step(pang, "attribution", level="first_instance", defendant="qunar")
    assert "not given at booking" in attribution.text("en")
    assert "note.processor.assumed" not in _keys(processor)
    assert "own phone number" not in processor.text("en")
    assert "本人手机号" not in processor.text("zh-CN")
    appeal = _step(pang, "processor", defendant="qunar")
    assert "note.processor.assumed" in _keys(appeal)


# --- Item 13: why Art. 69 reaches facts that began before it ----------------------------------


@pytest.mark.parametrize("anchor", ["continuing", "storage"])
def test_orders_before_pipl_say_which_fact_falls_after(liu: Case, anchor: str) -> None:
    step = _step(
        liu, "fault", toggles={"orders_before_pipl": True}, doctrine={"temporal_anchor": anchor}
    )
    assert step.result == "presumed"
    notes = [m for m in step.messages if m.key.startswith("note.fault.")]
    assert notes, _keys(step)
    en, zh = step.text("en"), step.text("zh-CN")
    assert "21 November 2021" in en and "2021年11月21日" in zh
    assert "Art. 1(3)" in en and "第一条第三款" in zh
    assert "cc-time-1(3)" in step.see_also and "cc-time-1(3)" not in step.rules


def test_the_record_needs_no_word_on_time(liu: Case) -> None:
    step = _step(liu, "fault")
    assert not [k for k in _keys(step) if k.startswith("note.fault.")]
    assert "cc-time-1(3)" not in step.see_also


def test_the_appeals_premise_is_not_called_evidence_before_it(pang: Case) -> None:
    """Where the courts part ways, an assumption of one judgment is named as its premise, not
    as an item of evidence that was before that court only."""
    divergence = evaluate(pang, pang.record_world()).divergence
    assert divergence is not None
    en, zh = divergence.reason("en"), divergence.reason("zh-CN")
    assert "was before Second instance only" not in en and "仅提交至" not in zh
    assert "the Second instance judgment alone rests on a further premise" in en
    assert "二审判决另有一项前提" in zh


# --- Item 3: Pang's procedural rules in the text in force when each court decided --------------


@pytest.mark.parametrize("level", ["first_instance", "second_instance"])
def test_pang_attribution_cites_the_2015_interpretation(pang: Case, level: str) -> None:
    step = _step(pang, "attribution", level=level, defendant="qunar")
    assert step.rules[:3] == (
        "cpl-interp-2015-90",
        "cpl-interp-2015-108(1)",
        "cpl-interp-2015-108(2)",
    )
    assert not [r for r in step.rules if r.startswith(("cpl-interp-9", "cpl-interp-10"))]


def test_pang_appeal_cites_the_2012_civil_procedure_law(pang: Case) -> None:
    step = _step(pang, "attribution", defendant="qunar")
    assert "cpl-2012-168" in step.rules and "cpl-175" not in step.rules
    assert "CPL Art. 168" in pang.law.citation("cpl-2012-168", "en")
    judgment = evaluate(pang, pang.record_world())
    assert "第一百七十条第一款第二项" in (judgment.disposition("second_instance", "zh-CN") or "")


def test_pang_proof_of_fault_and_its_trigger_cite_the_2015_interpretation(pang: Case) -> None:
    no_inference = _step(pang, "fault", defendant="qunar", doctrine={"fault_inference": "none"})
    assert no_inference.rules == ("tll-6(1)", "cpl-interp-2015-90", "cpl-interp-2015-108(1)")


def test_flights_new_on_appeal_are_admitted_as_bearing_on_a_basic_fact(pang: Case) -> None:
    """From 2015-02-04 late evidence bearing on the basic facts had to be admitted (Interp.
    102): that is the rule; the 2001 Provisions' test of 'new evidence' is the competing
    reading, named in our note apart from the court's grounds."""
    step = _step(
        pang, "attribution", defendant="china_eastern", toggles={"flights_new_on_appeal": True}
    )
    keys = _keys(step)
    assert "attribution.new_on_appeal" in keys
    assert "note.attribution.new_on_appeal.competing" in keys
    en, zh = step.text("en"), step.text("zh-CN")
    assert "basic fact" in en and "基本事实" in zh
    assert "newly discovered after the first-instance hearing; the court admitted" not in en
    assert {"evidence-2001-41", "evidence-2001-43"} <= set(step.see_also)
    assert not {"evidence-2001-41", "evidence-2001-43"} & set(step.rules)
    assert "cpl-2012-168" in step.rules


# --- Follow-up (issue 13, items 1-3 and 13): finish and polish ----------------------------------

INTERP_2015_ON = ("cpl-interp-101", "cpl-interp-102", "cpl-interp-103", "cpl-interp-105")


def test_pang_new_on_appeal_cites_interp_102_first(pang: Case) -> None:
    """Interp. Art. 102 is the rule the appeal applies to late evidence on a basic fact: it is
    cited, first among the Interpretation's articles, now that the book dates it from 2015."""
    step = _step(
        pang, "attribution", defendant="china_eastern", toggles={"flights_new_on_appeal": True}
    )
    interpretation = [r for r in step.rules if r.startswith("cpl-interp-1")]
    assert interpretation[:3] == ["cpl-interp-102", "cpl-interp-101", "cpl-interp-103"]


def test_pang_cites_interp_101_to_105_wherever_its_slots_list_them(pang: Case) -> None:
    """Every slot of Pang's that lists Interp. Arts. 101-105 keeps them at both courts'
    decision dates (2016, 2017): their 2015 text was in force."""
    listed = {
        slot: ids
        for slot, ids in pang.file.rules.items()
        if any(i.split("(")[0] in INTERP_2015_ON for i in ids)
    }
    assert {"attribution.new_on_appeal", "fault.weighed"} <= set(listed)
    for level in pang.levels:
        ctx = Context(pang, level, pang.doctrine(level), pang.record_world())
        for slot in listed:
            ids = rules_for(pang, level, slot)
            wanted = tuple(i for i in ids if i.split("(")[0] in INTERP_2015_ON)
            assert set(wanted) <= set(in_force(ctx, ids)), (level, slot)


def test_pang_texts_no_longer_say_interp_101_to_105_are_uncited() -> None:
    """The case file's texts and comments say these articles are cited in their 2015 text."""
    text = (LESSONS / "pang-v-qunar-2017" / "case.yaml").read_text(encoding="utf-8")
    for stale in ("2022-04-10", "2022年4月10日", "法条库", "statute book", "not cited", "不引用"):
        assert stale not in text, stale


def test_pang_procedural_assumption_names_interp_102_as_cited(pang: Case) -> None:
    assumption = next(a for a in pang.file.assumptions if a.id == "procedural_rules_in_time")
    assert "102" in assumption.text("en") and "第一百零二条" in assumption.text("zh-CN")
    assert "named here" not in assumption.text("en")
    assert "只在此说明" not in assumption.text("zh-CN")
    assert "41" in assumption.text("en")  # the 2001 test of new evidence stays, labelled


def test_pang_withheld_records_cite_2015_art_112_beside_2001_art_75(pang: Case) -> None:
    """Both courts decided (2016, 2017) while the 2015 Interpretation's Art. 112 was in force;
    only the appeal reaches the withheld records (the first court found no source)."""
    step = _step(
        pang,
        "attribution",
        defendant="qunar",
        toggles={"qunar_held_phone": False, "qunar_records_withheld": True},
    )
    assert "attribution.withheld" in _keys(step)
    assert {"cpl-interp-2015-112", "evidence-2001-75"} <= set(step.rules)


def _pang_appeal_decided(tmp_path: Path, date: str) -> Case:
    """Pang with the appeal decided on `date` (a hypothetical date, to test the law in time)."""

    def edit(text: str) -> str:
        old = "decided: {from: 2017-03-27, to: 2017-03-27, basis: reported}"
        assert old in text
        return text.replace(old, f"decided: {{from: {date}, to: {date}, basis: inferred}}")

    return load_case(case_variant(tmp_path, "pang-v-qunar-2017", "pang-dated", edit))


def test_fairness_branch_asks_the_allocation_rule_itself(tmp_path: Path) -> None:
    """Pang's `fault.fairness` slot also lists Consumer Law 29(2), in force for the facts: the
    allocation rule (the slot's first id, 2001 Evidence Provisions Art. 7) alone decides
    whether a court deciding after 2020-05-01 may allocate by fairness."""
    case = _pang_appeal_decided(tmp_path, "2020-06-01")
    step = _step(case, "fault", defendant="qunar", doctrine={"fault_rule": "fairness_allocation"})
    assert "fault.allocated" not in _keys(step)
    assert "fault.fairness_not_in_force" in _keys(step)
    assert "evidence-2001-7" not in step.rules
    assert "已经失效" in step.text("zh-CN") and "no longer in force" in step.text("en")


def test_a_court_before_the_fairness_rule_says_it_was_not_yet_in_force(tmp_path: Path) -> None:
    case = _pang_appeal_decided(tmp_path, "2001-06-01")
    step = _step(case, "fault", defendant="qunar", doctrine={"fault_rule": "fairness_allocation"})
    assert "fault.allocated" not in _keys(step)
    assert "尚未施行" in step.text("zh-CN") and "not yet in force" in step.text("en")
    assert "已经失效" not in step.text("zh-CN")


# --- Item 3: the analogy under each reading of time --------------------------------------------


def test_harm_reading_names_art_1_1_by_analogy_not_1_3(liu: Case) -> None:
    """Judged by the harm, the deciding fact falls wholly after 2021-11-01: by analogy the rule
    for facts after a new law (cc-time-1(1)), not the one for facts continuing past it."""
    step = _step(
        liu, "fault", toggles={"orders_before_pipl": True}, doctrine={"temporal_anchor": "harm"}
    )
    assert step.result == "presumed"
    assert "cc-time-1(3)" not in (*step.rules, *step.see_also)
    assert "cc-time-1(1)" in step.see_also and "cc-time-1(1)" not in step.rules
    en, zh = step.text("en"), step.text("zh-CN")
    assert "Art. 1(1), by analogy" in en and "类推" in zh and "第一条第一款" in zh
    assert "Art. 1(3)" not in en and "第一条第三款" not in zh


@pytest.mark.parametrize("anchor", ["continuing", "storage"])
def test_continuing_readings_name_the_collection_before_and_storage_after(
    liu: Case, anchor: str
) -> None:
    step = _step(
        liu, "fault", toggles={"orders_before_pipl": True}, doctrine={"temporal_anchor": anchor}
    )
    en, zh = step.text("en"), step.text("zh-CN")
    assert "collected the data before 1 November 2021" in en
    assert "施行（2021年11月1日）以前收集" in zh
    assert "some of the facts" not in en and "部分事实" not in zh


# --- Item 4: wording a Chinese judge would write -----------------------------------------------

STIFF = ("不在施行期间", "施行中的", "为本院所选的设定")


@pytest.mark.parametrize(
    ("case_id", "toggles", "doctrine", "defendant"),
    [
        ("liu-v-platform-2024", {}, {"fault_rule": "fairness_allocation"}, None),
        ("liu-v-platform-2024", {}, {"fault_rule": "plaintiff_proves"}, None),
        (
            "liu-v-platform-2024",
            {"calls_before_pipl": True},
            {"fault_rule": "fairness_allocation"},
            None,
        ),
        ("liu-v-platform-2024", {"orders_before_pipl": True}, {"temporal_anchor": "storage"}, None),
        ("liu-v-platform-2024", {"orders_before_pipl": True}, {"temporal_anchor": "harm"}, None),
        ("pang-v-qunar-2017", {}, {"fault_rule": "presumed"}, "qunar"),
    ],
)
def test_no_stiff_phrasing_in_the_law_in_time(
    liu: Case,
    pang: Case,
    case_id: str,
    toggles: dict[str, bool],
    doctrine: dict[str, str],
    defendant: str | None,
) -> None:
    case = liu if case_id.startswith("liu") else pang
    zh = _step(case, "fault", defendant=defendant, toggles=toggles, doctrine=doctrine).text("zh-CN")
    for phrase in STIFF:
        assert phrase not in zh, phrase


def test_the_court_states_the_rule_and_the_note_only_why(liu: Case) -> None:
    """The court's sentence says which rule it applies; our note says only that the setting is
    out of time and that the kit therefore applies the law in force: neither repeats the
    other."""
    step = _step(liu, "fault", doctrine={"fault_rule": "fairness_allocation"})
    said = ("fault.fairness_not_in_force", "note.fault.setting_out_of_time")
    court, note = (m for m in step.messages if m.key in said)
    for lang, fairness, law_in_force in (
        ("en", "fairness", "in force"),
        ("zh-CN", "公平", "现行有效"),
    ):
        court_text = render_all(liu, [court], lang, level="second_instance")
        note_text = render_all(liu, [note], lang, level="second_instance")
        assert fairness not in court_text  # the setting is the note's to name
        assert law_in_force in court_text and law_in_force in note_text
        assert "dates of the facts" not in note_text and "事实发生的时间" not in note_text
    assert "本步骤所采的设定" in step.text("zh-CN")
    assert "已经失效" in step.text("zh-CN")


@pytest.mark.parametrize("anchor", ["continuing", "storage"])
def test_a_collection_that_may_precede_is_said_to_may_have(tmp_path: Path, anchor: str) -> None:
    """Where the dates leave open whether the data were collected before the start date, the
    note does not say that they were."""

    def edit(text: str) -> str:
        old = "collected: {to: 2021-10-31, basis: inferred}"
        assert old in text
        return text.replace(old, "collected: {from: 2021-10-15, to: 2021-11-30, basis: inferred}")

    case = load_case(case_variant(tmp_path, "liu-v-platform-2024", "liu-open", edit))
    step = _step(
        case, "fault", toggles={"orders_before_pipl": True}, doctrine={"temporal_anchor": anchor}
    )
    assert step.result == "presumed"
    assert "may have collected the data before 1 November 2021" in step.text("en")
    assert "可能在" in step.text("zh-CN") and "以前即已收集" in step.text("zh-CN")
