"""Every doctrine parameter is a real switch: on its own it changes some level's result.

The witness worlds are searched, not listed: the record world, then every world one or two
toggles away from it. For each parameter and each pair of its values, some level in some
such world must reach a different result with only that parameter changed.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from mootcourt import Case, evaluate, load_case

from .conftest import CASE_IDS
from .leak_vocabulary import PARAMETERS


def _nearby_worlds(case: Case):
    """The record, each scenario's world (where a switch needs a whole hypothesis, such as an
    order to produce followed by a refusal), then every world one or two toggles away."""
    record = case.record_world()
    ids = list(case.toggles)
    yield record
    for scenario in case.scenarios:
        yield record.with_toggles(dict(scenario.toggles))
    for k in (1, 2):
        for flips in combinations(ids, k):
            world = record.with_toggles({t: not record[t] for t in flips})
            if world.is_valid:
                yield world


def _results(case: Case, world, level: str, param: str, value: str):
    lv = evaluate(case, world, {level: {param: value}}).level(level)
    return [s.result for s in lv.steps]


def _witness(case: Case, param: str):
    values = PARAMETERS[param].values
    for world in _nearby_worlds(case):
        for level in case.levels:
            for a, b in combinations(values, 2):
                if _results(case, world, level, param, a) != _results(case, world, level, param, b):
                    return world.changed_from(case.record_world()), level, a, b
    return None


@pytest.mark.parametrize("param", list(PARAMETERS))
def test_parameter_is_a_real_switch(param: str) -> None:
    """Searched in Liu first, then in Pang (several_defendants matters only with several)."""
    cases = [load_case(case_id) for case_id in CASE_IDS]
    found = [_witness(case, param) for case in cases if param in case.pack.parameters]
    assert any(w is not None for w in found), f"{param} never changes a result"


def test_temporal_anchor_values_each_matter() -> None:
    """act differs from harm when the orders predate PIPL but the calls do not: judged at the
    leak, the plaintiff cannot prove the dates that trigger Art. 69, so no presumption; the
    court decides (fault not established), it does not leave the question open."""
    case = load_case("liu-v-platform-2024")
    world = case.record_world().with_toggles(orders_before_pipl=True)
    act = evaluate(case, world, {"second_instance": {"temporal_anchor": "act"}})
    harm = evaluate(case, world, {"second_instance": {"temporal_anchor": "harm"}})
    act_fault = act.level("second_instance").step("fault")
    assert act_fault.result == "not_established"
    assert "cpl-interp-91" in act_fault.rules
    assert harm.level("second_instance").step("fault").result == "presumed"
    for judgment in (act, harm):
        assert all(s.result != "uncertain" for lv in judgment.levels for s in lv.steps)
