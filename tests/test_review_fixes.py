"""A law professor's review of the reasoning (issue 6): the court's voice carries only what the
sources report; everything else is our reading, labelled as ours. Each test names the finding
(S1..S6 serious, M.. moderate, m.. minor) it protects.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mootcourt import Case, evaluate, load_case
from mootcourt.engine.steps import Step
from mootcourt.engine.texts import render

from .conftest import CASE_IDS
from .leak_vocabulary import PARAMETERS

LANGS = ("zh-CN", "en")
COURT_VOICE = {"zh-CN": re.compile("本院"), "en": re.compile(r"\bthe court (found|held)\b")}
LABEL = {
    "zh-CN": ("【评注】", "【本套件推断】"),
    "en": ("Note (ours)", "Not addressed by the court"),
}


def _court_sentences(step: Step, lang: str) -> str:
    """What the step says in the court's voice: every message that is not a labelled note."""
    assert step.case is not None
    return "".join(
        render(step.case, m, lang) for m in step.messages if not m.key.startswith("note.")
    )


# --- S1: a first court that dismissed never 'holds' the elements it did not decide ----------


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_a_step_in_the_courts_voice_is_reported_or_labelled(case_id: str) -> None:
    case = load_case(case_id)
    for lv in evaluate(case, case.record_world()).levels:
        reported = case.levels[lv.id].reported_issues
        for step in lv.steps:
            if step.result == "not_reached":
                continue
            for lang in LANGS:
                text = step.text(lang)
                if COURT_VOICE[lang].search(text) and step.basis != "reported":
                    raise AssertionError(f"{lv.id} {step.issue}: court voice on our reading")
                if reported is not None and step.issue not in reported:
                    assert step.basis == "inferred"
                    assert text.startswith(LABEL[lang][1]), text
                    assert not COURT_VOICE[lang].search(text), text


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_the_first_court_is_not_said_to_hold_the_rights_infringed(case_id: str) -> None:
    case = load_case(case_id)
    first = evaluate(case, case.record_world()).level("first_instance")
    for step in first.steps:
        if step.issue in ("processor", "leak"):
            assert step.basis == "inferred"
            assert "本院认为" not in step.text("zh-CN")
            assert "the court found" not in step.text("en")
            assert "the court held" not in step.text("en")


def test_the_appeal_keeps_the_courts_voice_where_it_is_reported(liu: Case) -> None:
    appeal = evaluate(liu, liu.record_world()).level("second_instance")
    assert appeal.step("leak").basis == "reported"
    assert "本院认为" in appeal.step("leak").text("zh-CN")


# --- S2: Pang's appeal excluded no one, as reported ---------------------------------------


def test_pang_appeal_does_not_say_the_court_excluded_the_agent(pang: Case) -> None:
    lv = evaluate(pang, pang.record_world()).level("second_instance")
    for d in pang.defendants:
        step = lv.step("attribution", d)
        court = _court_sentences(step, "zh-CN")
        assert "票务代理" not in court and "已无其他可能的泄露来源" not in court, court
        assert "与庞理鹏的信息无关" not in court
        assert "不足以推翻上述认定" in court
        assert court.index("高度可能性") < court.index("不足以推翻上述认定")
        assert "判决未见排除其他持有者的记载" in step.text("zh-CN")
        en = _court_sentences(step, "en")
        assert "ticketing agent" not in en and "did not displace that finding" in en
        assert "No possible source remained" not in step.text("en")
    label = PARAMETERS["several_defendants"].meaning["as_reported"]
    assert "every remaining possible source" not in label["en"]
    assert "推定" not in label["zh-CN"]


# --- S3: how Pang's appeal found fault is not reported --------------------------------------


def test_pang_fault_states_only_the_conclusion_and_labels_the_reconstruction(pang: Case) -> None:
    lv = evaluate(pang, pang.record_world()).level("second_instance")
    for d in pang.defendants:
        step = lv.step("fault", d)
        assert step.result == "established"
        assert "tll-6(1)" in step.rules
        assert not {"npcsc-2012-4", "cpl-interp-2015-93(1)(4)"} & set(step.rules)
        assert {"npcsc-2012-4", "cpl-interp-2015-93(1)(4)"} <= set(step.see_also)
        court = _court_sentences(step, "zh-CN")
        assert "日常生活经验法则" not in court and "本院认定" in court
        assert "【评注】法院如何认定过错，来源未载" in step.text("zh-CN")
        assert "everyday experience" not in _court_sentences(step, "en")


def test_a_users_inference_from_custody_speaks_as_the_court(liu: Case) -> None:
    """The label belongs to the record's reading; a hypothetical court that is set to infer
    fault from custody does so in its own voice."""
    doctrine = {
        "second_instance": {"fault_rule": "plaintiff_proves", "fault_inference": "from_custody"}
    }
    step = evaluate(liu, liu.record_world(), doctrine).level("second_instance").step("fault")
    assert "日常生活经验法则" in _court_sentences(step, "zh-CN")


# --- S4: Liu's appeal: the court's words on the other channels; causation is our reading ---


def test_liu_appeal_gives_the_courts_reason_and_labels_the_finding_on_causation(
    liu: Case,
) -> None:
    step = evaluate(liu, liu.record_world()).level("second_instance").step("attribution")
    court = _court_sentences(step, "zh-CN")
    assert "刘某主张泄露的信息并非支付信息" in court
    assert "本院认定，电商平台泄露相关信息的事实具有高度盖然性" not in step.text("zh-CN")
    assert "仅系基于对其所掌握信息的假定" not in court
    zh = step.text("zh-CN")
    assert "【评注】报道未载法院就泄露来源（因果关系）作出明确认定" in zh
    assert "跨境零售进口中支付机构核验付款人身份" in zh
    en = step.text("en")
    assert "The court found it highly probable" not in en
    assert "Note (ours): the report records no express finding on the source" in en


def test_the_instructor_guide_no_longer_attributes_the_finding_on_causation() -> None:
    guide = (
        Path(__file__).resolve().parents[1]
        / "lessons/liu-v-platform-2024/instructor/guide.zh-CN.md"
    ).read_text("utf-8")
    assert "二审是在本案证据的基础上排除物流和支付环节，认定泄露来源达到高度可能性" not in guide


# --- S5: the storage anchor never reaches harm complete before PIPL ------------------------


@pytest.mark.parametrize("anchor", PARAMETERS["temporal_anchor"].values)
def test_calls_before_pipl_never_cite_art_69_under_any_anchor(liu: Case, anchor: str) -> None:
    world = liu.record_world().with_toggles(calls_before_pipl=True)
    j = evaluate(liu, world, {"second_instance": {"temporal_anchor": anchor}})
    for lv in j.levels:
        for issue in ("fault", "remedy"):
            step = lv.step(issue)
            assert not any(r.startswith("pipl-69") for r in step.rules), (lv.id, issue, anchor)
    assert not j.level("second_instance").liable


def test_storage_says_why_it_applies_when_it_decides_the_matter(liu: Case) -> None:
    world = liu.record_world().with_toggles(orders_before_pipl=True)
    doctrine = {"second_instance": {"temporal_anchor": "storage"}}
    step = evaluate(liu, world, doctrine).level("second_instance").step("fault")
    assert step.result == "presumed"
    for lang, label in (("zh-CN", "以持续存储为准"), ("en", "continuing-storage reading")):
        meaning = PARAMETERS["temporal_anchor"].meaning["storage"][lang]
        assert (
            "even if the harm came earlier" not in meaning and "即便损害发生在此前" not in meaning
        )
        del label  # the note appears only where some harm may precede the start date


# --- S6: a court of 2017 does not speak of PIPL or of the Civil Code's time rules ----------


@pytest.mark.parametrize("rule", PARAMETERS["fault_rule"].values)
def test_a_court_before_a_law_never_names_it_in_its_own_voice(pang: Case, rule: str) -> None:
    j = evaluate(pang, pang.record_world(), {"second_instance": {"fault_rule": rule}})
    for lv in j.levels:
        for step in lv.steps:
            court_zh = _court_sentences(step, "zh-CN")
            court_en = _court_sentences(step, "en")
            assert "个人信息保护法" not in court_zh and "民法典" not in court_zh, court_zh
            assert "PIPL" not in court_en and "Civil Code" not in court_en, court_en
            assert "note.fault.time_analogy" not in [m.key for m in step.messages]
            assert "2021年11月1日仍持有" not in step.text("zh-CN")


def test_pang_with_a_presumption_says_no_law_then_presumed_fault_and_labels_why(
    pang: Case,
) -> None:
    j = evaluate(pang, pang.record_world(), {"second_instance": {"fault_rule": "presumed"}})
    step = j.level("second_instance").step("fault", "qunar")
    zh = step.text("zh-CN")
    assert zh.startswith(
        "当时的法律没有推定经营者过错的规定（侵权责任法第六条第二款以法律规定为前提）"
    )
    assert "【评注】此设定在本案无从适用" in zh


# --- M1: the court's grounds apart from the rules named only in our notes -------------------


def test_rules_named_only_in_notes_are_not_among_the_courts_grounds(liu: Case) -> None:
    lv = evaluate(liu, liu.record_world()).level("second_instance")
    attribution = lv.step("attribution")
    assert not {"pipl-21", "pipl-59"} & set(attribution.rules)
    assert {"pipl-21", "pipl-59"} <= set(attribution.see_also)
    fault = lv.step("fault")
    assert fault.rules[0] == "pipl-69(1)"
    assert not {"cc-1038(2)", "pipl-9", "pipl-51", "pipl-57"} & set(fault.rules)
    for step in lv.steps:
        assert not set(step.rules) & set(step.see_also)


def test_the_terminal_shows_see_also_apart(liu: Case) -> None:
    from mootcourt.terminal import _cell

    step = evaluate(liu, liu.record_world()).level("second_instance").step("attribution")
    text = _text(_cell(liu, step, "zh-CN"))
    assert (
        "参见（本套件）：" in text
        and "个人信息保护法第二十一条" in text.split("参见（本套件）：")[1]
    )


def _text(renderable: object) -> str:
    from rich.console import Console

    console = Console(width=400, record=True)
    console.print(renderable)
    return console.export_text()


# --- M4: a burden allocated by fairness is not a presumption --------------------------------


def test_fairness_allocation_is_not_called_a_presumption(pang: Case) -> None:
    doctrine = {"second_instance": {"fault_rule": "fairness_allocation"}}
    step = (
        evaluate(pang, pang.record_world(), doctrine)
        .level("second_instance")
        .step("fault", "qunar")
    )
    assert step.result == "established"
    court = _court_sentences(step, "zh-CN")
    assert "推定" not in court and "举证不能的不利后果" in court
    assert "【评注】以公平原则分配过错的举证责任系本套件的读法" in step.text("zh-CN")


# --- M6: logs do not show remedying and notifying -------------------------------------------


def test_logs_are_not_said_to_show_remedying_and_notifying(liu: Case) -> None:
    world = liu.record_world().with_toggles(order_access_audit=True)
    doctrine = {"second_instance": {"several_defendants": "as_reported"}}
    for lv in evaluate(liu, world, doctrine).levels:
        for step in lv.steps:
            assert "补救措施并通知" not in _court_sentences(step, "zh-CN")
            assert "remedying and notifying" not in _court_sentences(step, "en")


# --- M8: one defendant, no row about several ------------------------------------------------


def test_one_defendant_case_shows_the_several_defendants_row_as_not_applicable(liu: Case) -> None:
    from mootcourt.terminal import _doctrine

    text = _text(_doctrine(evaluate(liu, liu.record_world()), "zh-CN"))
    row = next(line for line in text.splitlines() if "数个被告" in line)
    assert "不适用（仅一名被告）" in row and "推定" not in row


# --- M9: a finding with nothing eliminated states its premise and what points to it ---------


def test_a_finding_with_nothing_eliminated_states_the_premise_and_the_link(liu: Case) -> None:
    world = liu.record_world().with_toggles(logistics=False, payment=False)
    step = evaluate(liu, world).level("second_instance").step("attribution")
    assert step.result == "established"
    en = step.text("en")
    assert "only the parties listed could be the source" in en
    assert "The evidence pointed to the platform" in en


# --- M10: an assumed holding is a premise, never proof --------------------------------------


@pytest.mark.parametrize(
    ("toggles", "defendant"),
    [({"qunar_held_phone": False}, "china_eastern"), ({"frequent_flyer_record": False}, "qunar")],
)
def test_a_finding_on_an_assumed_holding_is_conditional(
    pang: Case, toggles: dict[str, bool], defendant: str
) -> None:
    step = evaluate(pang, pang.record_world().with_toggles(toggles)).level("second_instance")
    attribution = step.step("attribution", defendant)
    assert attribution.result == "established"
    assert "下述认定以该假定为前提，并非已获证明" in attribution.text("zh-CN")


def test_the_joint_danger_reconstruction_does_not_say_the_holdings_were_proved(
    pang: Case,
) -> None:
    for view in ("joint_danger_affirmative", "joint_danger_negative"):
        doctrine = {"second_instance": {"several_defendants": view}}
        lv = evaluate(pang, pang.record_world(), doctrine).level("second_instance")
        for d in pang.defendants:
            zh = lv.step("attribution", d).text("zh-CN")
            assert "原告已证明" not in zh and "须由原告证明" in zh
            assert "下述认定以该假定为前提" in zh


# --- M12: the Haidian court's own reasons ---------------------------------------------------


def test_pang_first_instance_gives_the_reported_reasons(pang: Case) -> None:
    lv = evaluate(pang, pang.record_world()).level("first_instance")
    for d in pang.defendants:
        zh = lv.step("attribution", d).text("zh-CN")
        assert "订票时未提供庞理鹏本人的手机号" in zh
        assert "亦无证据将被告存储的号码与此次订票相联系" in zh


# --- M13: the calls-before-PIPL hypothetical lies under the Civil Code ----------------------


def test_calls_before_pipl_is_bounded_to_the_civil_codes_time(liu: Case) -> None:
    change = next(c for c in liu.file.timeline.changes if c.when == ["calls_before_pipl"])
    for interval in (change.collected, change.first_harm, change.last_harm):
        assert interval is not None
        assert str(interval.start) == "2021-01-01" and str(interval.end) == "2021-10-31"
    assert "2021-01-01" in liu.evidence["calls_before_pipl"].label.en


# --- M2: a world changed only by doctrine is not headed 'the record as reported' -----------


def test_a_doctrine_override_is_listed_as_a_change(liu: Case) -> None:
    from rich.console import Console

    from mootcourt.terminal import render_judgment

    doctrine = {"second_instance": {"rebuttal": "general_compliance"}}
    console = Console(width=300, record=True)
    render_judgment(evaluate(liu, liu.record_world(), doctrine), "zh-CN", console)
    head = console.export_text().splitlines()[1]
    assert head.startswith("相对于案卷的改动：") and "推翻过错的证据 → 一般合规证据即可" in head


# --- minor: m3, m5, m6, m11, m12 --------------------------------------------------------------


def test_the_granted_claim_reads_as_a_court_writes_it(pang: Case) -> None:
    lv = evaluate(pang, pang.record_world()).level("second_instance")
    assert "庞理鹏要求去哪儿网赔礼道歉的诉讼请求，本院予以支持" in lv.step("remedy", "qunar").text(
        "zh-CN"
    )
    assert "in its business as a business operator" not in lv.step("processor", "qunar").text("en")


def test_the_agent_hypothetical_says_may_hold_as_the_engine_treats_it(pang: Case) -> None:
    assert "可能掌握" in pang.label("agent_held_phone", "zh-CN")
    assert "may also have held" in pang.label("agent_held_phone", "en")


def test_inference_from_custody_names_the_fault_rule_it_applies(liu: Case) -> None:
    world = liu.record_world().with_toggles(calls_before_pipl=True)
    doctrine = {"second_instance": {"fault_inference": "from_custody"}}
    step = evaluate(liu, world, doctrine).level("second_instance").step("fault")
    assert "cc-1165(1)" in step.rules and "evidence-10(1)(4)" in step.rules


def test_losing_the_presumption_by_doctrine_leaves_inference_open(liu: Case) -> None:
    doctrine = {"second_instance": {"fault_rule": "plaintiff_proves"}}
    step = evaluate(liu, liu.record_world(), doctrine).level("second_instance").step("fault")
    assert step.result == "not_established"
    assert "note.fault.inference_open" in [m.key for m in step.messages]


# --- M7: the ground of reversal is ours; Liu's order keeps the reported manner --------------


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_the_inferred_ground_of_reversal_is_labelled(case_id: str) -> None:
    case = load_case(case_id)
    j = evaluate(case, case.record_world())
    for lang, label in (
        ("zh-CN", "【本套件推断】来源未载改判所依据的具体理由"),
        ("en", "Our inference"),
    ):
        assert label in (j.disposition("second_instance", lang) or "")


def test_liu_order_keeps_the_reported_manner_of_the_apology(liu: Case) -> None:
    text = evaluate(liu, liu.record_world()).disposition("second_instance", "zh-CN")
    assert text is not None and "电商平台在其官方网站首页以公告形式向刘某赔礼道歉" in text


# --- M11: 'newly discovered' is part of the hypothesis; the 2015 rule is named ---------------


def test_new_evidence_on_appeal_states_newly_discovered_as_assumed(pang: Case) -> None:
    # issue 13, item 3: the 2015 rule (Interp. 102) is the rule, and "newly discovered" belongs
    # to the competing reading under the 2001 rules, which the detail names
    detail = pang.evidence["flights_new_on_appeal"].detail
    assert detail is not None and "新发现" in detail("zh-CN")
    assert "第一百零二条" in detail("zh-CN") and "Art. 102" in detail("en")


# --- M5(a): doubt that stands only because an account is missing gives the other reading ---


def test_a_missing_data_flow_account_gives_both_readings(liu: Case) -> None:
    world = liu.record_world().with_toggles(data_flow_statement=False)
    step = evaluate(liu, world).level("second_instance").step("attribution")
    assert step.result == "not_established"
    zh = step.text("zh-CN")
    assert "【评注】物流企业掌握哪些信息，在案没有证据" in zh and "不应因未提交" in zh
    assert "cpl-interp-112" in step.see_also and "cpl-interp-112" not in step.rules


# --- M5(b)(c): a declined discretion is a ruling; the withholding party is named ------------


def test_a_declined_refusal_is_ruled_on_and_the_withholder_named(liu: Case, pang: Case) -> None:
    world = liu.record_world().with_toggles(
        data_flow_statement=False, production_application=True, production_refused=True
    )
    declined = {"second_instance": {"withheld_document": "not_accepted"}}
    zh = evaluate(liu, world, declined).level("second_instance").step("attribution").text("zh-CN")
    assert "电商平台无正当理由拒不提交本院责令其提交的书证" in zh and "不予认定" in zh
    accepted = evaluate(liu, world).level("second_instance").step("attribution").text("zh-CN")
    assert "本院依法裁定责令电商平台提交" in accepted and "对方当事人" not in accepted
    p = pang.record_world().with_toggles(qunar_held_phone=False, qunar_records_withheld=True)
    for d in pang.defendants:
        text = evaluate(pang, p).level("second_instance").step("attribution", d).text("zh-CN")
        assert "对方当事人" not in text


# --- m7, m8 -----------------------------------------------------------------------------------


def test_the_first_courts_unknown_date_is_noted_against_the_2022_text(liu: Case) -> None:
    note = next(a for a in liu.file.assumptions if a.id == "procedural_text_in_time")
    assert "2022" in note.text("en") and "2020" in note.text("en")


def test_the_negative_view_does_not_cite_the_affirmative_views_escape_rule(pang: Case) -> None:
    for view, expected in (("joint_danger_negative", False), ("joint_danger_affirmative", True)):
        doctrine = {"second_instance": {"several_defendants": view}}
        step = evaluate(pang, pang.record_world(), doctrine).level("second_instance")
        rules = step.step("attribution", "qunar").rules
        assert ("evidence-2001-4-7" in rules) is expected, (view, rules)
        assert "tll-10" in rules
