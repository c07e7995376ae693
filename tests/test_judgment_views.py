"""What a judgment offers its views: data flow per level, the comparison with the real
outcome, steps that know their level, and no silent choice between several defendants."""

from __future__ import annotations

import pytest

from mootcourt import Case, evaluate
from mootcourt.packs.leak.datamatrix import ABSENT

from .leak_vocabulary import ISSUES


def test_each_level_shows_what_its_attribution_rule_left(liu: Case) -> None:
    judgment = evaluate(liu, liu.record_world())
    first = judgment.level("first_instance").sources
    second = judgment.level("second_instance").sources
    assert first.rule == "party_level" and second.rule == "field_level"
    assert set(first.leaked) == {"real_name", "order_no", "phone", "address"}
    assert first.leaked == second.leaked, "the leak is a fact, not a rule"
    assert "logistics" in first.sources, "party by party, logistics keeps doubt alive"
    assert second.sources == ("platform",)
    assert set(second.excluded) == {"logistics", "payment"}
    assert second.holdings["logistics"]["real_name"] == ABSENT, "the alias, field by field"
    assert set(second.parties) == set(second.holdings)


def test_the_data_flow_follows_the_world(liu: Case) -> None:
    world = liu.record_world().with_toggles(logistics=False, alias_on_waybills=False)
    sources = evaluate(liu, world).level("second_instance").sources
    assert "logistics" not in sources.parties
    world = liu.record_world().with_toggles(alias_on_waybills=False)
    sources = evaluate(liu, world).level("second_instance").sources
    assert "logistics" in sources.sources


def test_matches_record_compares_with_what_the_court_decided(liu: Case) -> None:
    record = evaluate(liu, liu.record_world())
    assert all(lv.matches_record for lv in record.levels)
    changed = evaluate(liu, liu.record_world().with_toggles(alias_on_waybills=False))
    second = changed.level("second_instance")
    assert not second.matches_record
    assert not second.defendant_matches_record("platform")
    assert changed.level("first_instance").matches_record


def test_steps_know_their_level(case: Case) -> None:
    judgment = evaluate(case, case.record_world())
    for lv in judgment.levels:
        assert {s.level for s in lv.steps} == {lv.id}


def test_several_defendants_must_be_named(pang: Case, liu: Case) -> None:
    lv = evaluate(pang, pang.record_world()).level("second_instance")
    with pytest.raises(ValueError, match="several defendants"):
        lv.step("attribution")
    for d in pang.defendants:
        assert lv.step("attribution", d).defendant == d
    with pytest.raises(KeyError, match="unknown defendant"):
        lv.step("attribution", "nobody")
    only = evaluate(liu, liu.record_world()).level("first_instance")
    assert only.step("leak").defendant == "platform"
    with pytest.raises(KeyError, match="unknown issue"):
        only.step("damages")
    assert [s.issue for s in only.defendants["platform"].steps] == list(ISSUES)


def test_had_says_which_court_had_an_item(liu: Case) -> None:
    record = evaluate(liu, liu.record_world())
    assert all(lv.had("data_flow_statement") for lv in record.levels)
    confining = [
        e for e in liu.evidence.values() if e.confines and "data_flow_statement" in e.confines.items
    ]
    assert confining, "Liu has a hypothesis that the data-flow statement came only on appeal"
    hypothesis = confining[0]
    world = liu.record_world().with_toggles({hypothesis.id: True}, cascade=True)
    judgment = evaluate(liu, world)
    had = {lv.id for lv in judgment.levels if lv.had("data_flow_statement")}
    assert had == set(hypothesis.confines.levels)
