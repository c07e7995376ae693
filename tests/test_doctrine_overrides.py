"""Doctrine overrides carry only what differs from the preset, and are checked in one place."""

from __future__ import annotations

import pytest

from mootcourt import Case, DoctrineError, evaluate


def test_an_override_equal_to_the_preset_is_no_override(liu: Case) -> None:
    preset = liu.doctrine("second_instance")
    same = {"attribution": preset["attribution"]}
    assert liu.doctrine_overrides({"second_instance": same}) == {}
    lv = evaluate(liu, liu.record_world(), {"second_instance": same}).level("second_instance")
    assert lv.doctrine.basis["attribution"] == preset.basis["attribution"]
    assert "override" not in lv.doctrine.basis.values()


def test_a_differing_value_is_kept_and_marked(liu: Case) -> None:
    overrides = {
        "second_instance": {"attribution": "party_level", "fault_rule": "presumed"},
        "first_instance": {},
    }
    kept = liu.doctrine_overrides(overrides)
    assert kept == {"second_instance": {"attribution": "party_level"}}
    lv = evaluate(liu, liu.record_world(), overrides).level("second_instance")
    assert lv.doctrine.basis["attribution"] == "override"
    assert lv.doctrine.basis["fault_rule"] == "reported"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"retrial": {"attribution": "party_level"}}, "unknown level 'retrial'; valid: first"),
        ({"first_instance": {"burden": "x"}}, "unknown doctrine parameter 'burden'; valid:"),
        ({"first_instance": {"attribution": "fields"}}, "valid: party_level, field_level"),
    ],
)
def test_bad_overrides_name_the_valid_values(liu: Case, overrides, message: str) -> None:
    with pytest.raises(DoctrineError, match=message):
        liu.doctrine_overrides(overrides)
    with pytest.raises(DoctrineError, match=message):
        evaluate(liu, liu.record_world(), overrides)
