"""Worlds: immutable, validated, and refused when they break a requirement."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mootcourt import Case, World, WorldError, evaluate, load_case

from .conftest import CASE_IDS


def test_with_toggles_is_a_copy(liu: Case) -> None:
    record = liu.record_world()
    changed = record.with_toggles(alias_on_waybills=False)
    assert record["alias_on_waybills"] and not changed["alias_on_waybills"]
    assert changed.changed_from(record) == {"alias_on_waybills": False}
    assert record == liu.record_world() and hash(record) == hash(liu.record_world())


def test_unknown_toggle_lists_the_valid_ones(liu: Case) -> None:
    with pytest.raises(WorldError, match=r"unknown toggle 'alias'.*alias_on_waybills"):
        liu.record_world().with_toggles(alias=False)


def test_toggle_values_must_be_booleans(liu: Case) -> None:
    with pytest.raises(WorldError, match="must be True or False"):
        liu.record_world().with_toggles(alias_on_waybills="off")  # type: ignore[arg-type]


def test_world_breaking_a_requirement_is_never_evaluated(liu: Case) -> None:
    world = liu.record_world().with_toggles(fraud_calls=False)
    assert not world.is_valid
    assert ("callers_named_platform", "fraud_calls") in world.violations()
    with pytest.raises(WorldError, match="'callers_named_platform' requires 'fraud_calls'"):
        evaluate(liu, world)


def test_a_world_of_another_case_is_refused(liu: Case, pang: Case) -> None:
    with pytest.raises(WorldError, match="does not belong"):
        evaluate(liu, pang.record_world())


def test_turning_off_a_requirement_cascades_to_what_needs_it(liu: Case) -> None:
    record = liu.record_world()
    assert set(record.dependents("fraud_calls")) >= {"callers_named_platform"}
    world = record.with_toggles({"fraud_calls": False}, cascade=True)
    assert world.is_valid
    assert not world["fraud_calls"]
    for dependent in record.dependents("fraud_calls"):
        assert not world[dependent], dependent
    untouched = set(liu.toggles) - {"fraud_calls", *record.dependents("fraud_calls")}
    assert all(world[t] == record[t] for t in untouched)
    evaluate(liu, world)  # never raises


def test_a_blocked_toggle_says_what_it_needs_and_cannot_be_turned_on(liu: Case) -> None:
    world = liu.record_world().with_toggles({"fraud_calls": False}, cascade=True)
    assert world.blocked_by("callers_named_platform") == ("fraud_calls",)
    assert world.unavailable()["callers_named_platform"] == ("fraud_calls",)
    assert liu.record_world().unavailable() == {}
    with pytest.raises(WorldError, match="'callers_named_platform' requires 'fraud_calls'"):
        world.with_toggles({"callers_named_platform": True}, cascade=True)
    both = world.with_toggles({"fraud_calls": True, "callers_named_platform": True}, cascade=True)
    assert both["callers_named_platform"] and both.is_valid


def test_unknown_toggles_are_refused_everywhere_with_a_suggestion(liu: Case) -> None:
    with pytest.raises(WorldError, match=r"did you mean 'fraud_calls'"):
        liu.record_world().with_toggles({"fraud_call": False}, cascade=True)
    with pytest.raises(WorldError, match="unknown toggle"):
        liu.record_world().blocked_by("nothing")


CASES = {case_id: load_case(case_id) for case_id in CASE_IDS}


@given(st.sampled_from(CASE_IDS), st.data())
def test_any_sequence_of_clicks_under_cascade_stays_valid(case_id: str, data) -> None:
    """What a student can do with the evidence board: click any toggle that is not blocked."""
    case = CASES[case_id]
    world: World = case.record_world()
    for toggle in data.draw(st.lists(st.sampled_from(sorted(case.toggles)), max_size=12)):
        before = world[toggle]
        if before or not world.blocked_by(toggle):
            world = world.with_toggles({toggle: not before}, cascade=True)
            assert world[toggle] is (not before)
        assert world.is_valid


@given(st.sampled_from(CASE_IDS), st.data())
def test_repaired_only_turns_off_and_leaves_valid_worlds_alone(case_id: str, data) -> None:
    case = CASES[case_id]
    values = {t: data.draw(st.booleans()) for t in sorted(case.toggles)}
    broken = case.record_world().with_toggles(values)
    fixed = broken.repaired()
    assert fixed.is_valid
    assert all(broken[t] or not fixed[t] for t in case.toggles)  # never turns anything on
    if broken.is_valid:
        assert fixed == broken


def test_toggles_name_every_offerer_and_parties_by_kind(pang: Case, liu: Case) -> None:
    for case in (liu, pang):
        for toggle in case.toggles.values():
            if toggle.kind == "party":
                assert toggle.offered_by == ()
                assert toggle.id in case.handlers
            else:
                assert toggle.offered_by == tuple(case.evidence[toggle.id].offered_by)
    assert any(len(t.offered_by) > 1 for t in pang.toggles.values()), "both airline defendants"
