"""Worlds: immutable, validated, and refused when they break a requirement."""

from __future__ import annotations

import pytest

from mootcourt import Case, WorldError, evaluate


def test_record_world_has_record_evidence_on_and_hypotheticals_off(liu: Case) -> None:
    world = liu.record_world()
    for toggle in liu.toggles.values():
        assert world[toggle.id] is (not toggle.hypothetical), toggle.id
    assert len(world) >= 16


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
