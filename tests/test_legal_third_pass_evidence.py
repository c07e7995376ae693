"""Legal fidelity, third pass (issue 13): evidence weighing, fault and remedy.

Items 6, 7, 10, 11, 12, 15 and 16. Each test names the item it protects and failed on the
engine as it was before the fix.
"""

from __future__ import annotations

from mootcourt import Case, evaluate
from mootcourt.engine.judgment import Judgment


def _notes(text: str, lang: str) -> str:
    """Only the kit's labelled notes of a step's text."""
    mark = "Note (ours)" if lang == "en" else "【评注】"
    return mark.join(text.split(mark)[1:])


def _court(text: str, lang: str) -> str:
    """The court's voice: the text before the first labelled note."""
    mark = "Note (ours)" if lang == "en" else "【评注】"
    return text.split(mark)[0]


def _judge(case: Case, doctrine: dict | None = None, **toggles: bool) -> Judgment:
    return evaluate(case, case.record_world().with_toggles(**toggles), doctrine or {})


# --- Item 6: a press report proves nothing on fault -----------------------------------------


def test_a_breach_report_leaves_fault_where_the_presumption_puts_it(liu: Case) -> None:
    fault = _judge(liu, public_breach_report=True).level("second_instance").step("fault")
    assert fault.result == "presumed"
    assert "public_breach_report" not in fault.evidence
    en, zh = fault.text("en"), fault.text("zh-CN")
    assert "proves neither" in en and "application for an order" in _notes(en, "en")
    assert "既不能证明" in zh and "责令" in _notes(zh, "zh-CN")


def test_a_breach_report_does_not_prove_fault_when_the_plaintiff_must(liu: Case) -> None:
    doctrine = {"second_instance": {"fault_rule": "plaintiff_proves"}}
    lv = _judge(liu, doctrine, public_breach_report=True).level("second_instance")
    assert lv.step("fault").result == "not_established"
    assert not lv.liable


def test_a_breach_report_is_no_link_to_the_source(liu: Case) -> None:
    doctrine = {"second_instance": {"measures_relevance": "against_leak"}}
    lv = _judge(liu, doctrine, public_breach_report=True, callers_named_platform=False).level(
        "second_instance"
    )
    attribution = lv.step("attribution")
    assert attribution.result == "not_established"
    assert "public_breach_report" not in attribution.evidence


# --- Item 7: logs go to the source first -----------------------------------------------------


def test_access_logs_about_the_plaintiff_are_weighed_on_the_source_first(liu: Case) -> None:
    lv = _judge(liu, order_access_audit=True).level("second_instance")
    attribution = lv.step("attribution")
    assert attribution.result == "not_established"
    assert {"cpl-interp-108(2)", "evidence-93", "evidence-94"} <= set(attribution.rules)
    assert lv.step("fault").result == "not_reached"


def test_logs_that_did_not_unsettle_the_source_do_not_prove_no_fault(pang: Case) -> None:
    doctrine = {"second_instance": {"several_defendants": "joint_danger_negative"}}
    lv = _judge(pang, doctrine, booking_access_logs=True).level("second_instance")
    for defendant in ("qunar", "china_eastern"):
        assert lv.step("attribution", defendant).result == "established"
        fault = lv.step("fault", defendant)
        assert fault.result == "established", defendant
        assert "weighed on the source" in fault.text("en")
        assert "泄露来源" in fault.text("zh-CN")


# --- Item 10: the model rule labelled where it acts ------------------------------------------


def test_clearing_a_defendant_for_a_missing_field_is_labelled_with_its_caveat(
    pang: Case,
) -> None:
    step = _judge(pang, frequent_flyer_record=False).level("second_instance")
    attribution = step.step("attribution", "china_eastern")
    assert attribution.result == "not_established"
    en, zh = _notes(attribution.text("en"), "en"), _notes(attribution.text("zh-CN"), "zh-CN")
    assert "model rule" in en and "single source" in en
    assert "模型规则" in zh and "来源单一" in zh


# --- Item 11: the production order targets documents -----------------------------------------


def test_the_missing_account_note_points_to_existing_documents(liu: Case) -> None:
    attribution = _judge(liu, data_flow_statement=False).level("second_instance")
    en = attribution.step("attribution").text("en")
    zh = attribution.step("attribution").text("zh-CN")
    assert "agreements" in en and "to produce it" not in en
    assert "协议" in zh


def test_the_note_does_not_invite_an_application_already_made(liu: Case) -> None:
    lv = _judge(liu, data_flow_statement=False, production_application=True).level(
        "second_instance"
    )
    en = lv.step("attribution").text("en")
    assert "could also apply" not in en and "applied" in en


def test_a_first_court_deals_with_a_timely_application(liu: Case) -> None:
    lv = _judge(
        liu, data_flow_statement=False, production_application=True, production_refused=True
    ).level("first_instance")
    attribution = lv.step("attribution")
    assert "evidence-46" in attribution.rules
    assert "applied" in attribution.text("en") and "申请" in attribution.text("zh-CN")


# --- Item 12: Liu's apology reasoned on this case --------------------------------------------


def test_the_apology_is_weighed_on_manner_and_reach(liu: Case) -> None:
    """The appeal court's reasons on the apology are not reported: the court states the rule,
    and the weighing on this case's manner and reach is labelled as ours."""
    remedy = _judge(liu).level("second_instance").step("remedy")
    en, zh = remedy.text("en"), remedy.text("zh-CN")
    assert "proportionate to the manner" in _court(en, "en")
    notes_en, notes_zh = _notes(en, "en"), _notes(zh, "zh-CN")
    assert "real name" in notes_en and "fraud calls" in notes_en
    assert "not made public" in notes_en and "homepage" in notes_en and "debatable" in notes_en
    assert "Art. 1000(2)" in notes_en and "Note (ours)" not in _court(en, "en")
    assert "真实姓名" in notes_zh and "未被公开" in notes_zh and "首页" in notes_zh
    assert "【评注】" not in _court(zh, "zh-CN")


# --- Item 15: sensitive information and the duty to remedy and notify ------------------------


def test_a_leaked_id_number_engages_pipl_28_with_the_dispute_labelled(liu: Case) -> None:
    fault = _judge(liu, leaked_id_number=True).level("second_instance").step("fault")
    assert {"pipl-28(1)", "pipl-28(2)"} <= set(fault.rules)
    assert "specific identity" in _notes(fault.text("en"), "en")
    assert "特定身份" in _notes(fault.text("zh-CN"), "zh-CN")


def test_the_duty_to_remedy_and_notify_is_reachable(liu: Case) -> None:
    doctrine = {"second_instance": {"rebuttal": "general_compliance"}}
    fault = _judge(liu, doctrine, leak_reported_unremedied=True).level("second_instance")
    step = fault.step("fault")
    assert step.result == "presumed"
    assert "pipl-57" in step.rules
    proven = _judge(
        liu, {"second_instance": {"fault_rule": "plaintiff_proves"}}, leak_reported_unremedied=True
    ).level("second_instance")
    assert proven.step("fault").result == "established"
    assert "pipl-57" in proven.step("fault").rules


# --- Item 16: joint processing and several tortfeasors reachable -----------------------------


def test_a_joint_processor_reaches_pipl_20(liu: Case) -> None:
    record = _judge(liu).level("second_instance")
    assert not any(r.startswith("pipl-20") for r in record.step("processor").rules)
    lv = _judge(liu, joint_clearance_service=True).level("second_instance")
    assert "pipl-20(1)" in lv.step("processor").rules
    assert "pipl-20(2)" in lv.step("attribution").rules
    assert lv.liable
    remedy = lv.step("remedy")
    assert "pipl-20(2)" in (*remedy.rules, *remedy.see_also)


def test_an_independent_holder_brings_the_several_tortfeasor_rules_into_view(
    liu: Case, pang: Case
) -> None:
    step = _judge(liu, overseas_seller=True).level("second_instance").step("attribution")
    assert {"cc-1170", "cc-1171", "cc-1172"} <= set(step.see_also)
    assert not any(r.startswith("tll") for r in step.see_also)
    group = _judge(pang).level("second_instance").step("attribution", "qunar")
    assert {"tll-8", "tll-10"} <= set(group.see_also)
    assert not any(r.startswith("cc-11") for r in group.see_also)
