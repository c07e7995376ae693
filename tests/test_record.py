"""The record world, evaluated under each level's preset, reproduces what each court decided.

Nothing here is looked up: the outcome is computed by the engine from the case file and the
doctrine, then compared with `as_decided` as reported.
"""

from __future__ import annotations

from mootcourt import Case, evaluate


def test_record_world_reproduces_every_level_as_decided(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    for level_id, level in case.levels.items():
        lv = judgment.level(level_id)
        assert lv.liable is level.as_decided.liable, level_id
        for defendant, outcome in level.as_decided.defendants.items():
            got = lv.defendants[defendant]
            assert got.liable is outcome.liable, (level_id, defendant)
            assert sorted(got.remedies) == sorted(outcome.remedies), (level_id, defendant)


def test_liu_courts_part_ways_at_attribution(liu: Case) -> None:
    """As reported: the first court stopped at attribution; the appeal court got past it."""
    d = evaluate(liu, liu.record_world()).divergence
    assert d is not None
    assert d.issue == "attribution"
    assert d.levels == ("first_instance", "second_instance")
    assert d.parameters[0][0] == "attribution"
    assert "party by party" in d.reason("en")
    assert "逐方审视" in d.reason("zh-CN")


def test_liu_appeal_applies_article_69_and_rejects_general_compliance(liu: Case) -> None:
    lv = evaluate(liu, liu.record_world()).level("second_instance")
    fault = lv.step("fault")
    assert fault.result == "presumed"
    assert fault.burden_on == "platform"
    assert fault.rules[0] == "pipl-69(1)"
    assert set(fault.evidence) == {"mlps_level3_filings", "security_policies"}
    assert lv.step("attribution").burden_on == "liu", "Art. 69 does not shift causation"


def test_liu_reported_order_puts_fault_before_attribution(liu: Case) -> None:
    lv = evaluate(liu, liu.record_world()).level("second_instance")
    assert [s.issue for s in lv.steps_in_reported_order()] == [
        "processor",
        "leak",
        "fault",
        "attribution",
        "remedy",
    ]


def test_pang_reaches_both_defendants_as_the_court_did(pang: Case) -> None:
    """As reported: inference to a high probability within the two defendants, no leaker
    named, ordinary fault under the law of the time; not a finding that the leak came from
    each one's custody, and no rule on several tortfeasors."""
    lv = evaluate(pang, pang.record_world()).level("second_instance")
    for d in ("qunar", "china_eastern"):
        step = lv.step("attribution", d)
        assert step.result == "established"
        assert "named no single leaker" in step.text("en")
        assert "未认定具体泄露者" in step.text("zh-CN")
        assert not {"tll-10", "cc-1170", "tll-8"} & set(step.rules)
        fault = lv.step("fault", d)
        assert fault.rules[0] == "tll-6(1)", "pre-PIPL fault rule from the case file"
        # how the court found fault is not reported: the inference from custody is our note
        assert "Note (ours): how the court found fault is not reported" in fault.text("en")
        assert "custody of the defendants, of whom" in fault.text("en")
        assert "cpl-interp-2015-93(1)(4)" in fault.see_also


def test_changing_one_input_changes_the_output(liu: Case) -> None:
    """The non-negotiable: flip one record fact and the appeal comes out the other way."""
    record = evaluate(liu, liu.record_world()).level("second_instance")
    flipped = evaluate(liu, liu.record_world().with_toggles(alias_on_waybills=False))
    assert record.liable and not flipped.level("second_instance").liable


ARCHITECTURE_TOGGLES = {
    # on the record
    "real_name_only_to_platform": True,
    "alias_on_waybills": True,
    "fraud_calls": True,
    "callers_named_platform": True,
    "anti_fraud_warnings": True,
    "mlps_level3_filings": True,
    "security_policies": True,
    "data_flow_statement": True,
    "internal_investigation": True,
    "logistics": True,
    "payment": True,
    # hypotheticals, off by default
    "order_access_audit": False,
    "orders_before_pipl": False,
    "calls_before_pipl": False,
    "public_breach_report": False,
    "leaked_id_number": False,
    "customs_broker": False,
    "overseas_seller": False,
}


def test_liu_offers_every_toggle_the_design_names(liu: Case) -> None:
    record = liu.record_world()
    for toggle, default in ARCHITECTURE_TOGGLES.items():
        assert record[toggle] is default, toggle
    assert liu.toggles["callers_named_platform"].requires == ("fraud_calls",)
    assert liu.toggles["anti_fraud_warnings"].requires == ("fraud_calls",)
    assert liu.evidence["internal_investigation"].kind == "assertion"
