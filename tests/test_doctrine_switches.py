"""Every doctrine parameter is a real switch: on its own it changes some level's result.

The witness worlds are searched, not listed: the record world, then every world one or two
toggles away from it. For each parameter and each pair of its values, some level in some
such world must reach a different result with only that parameter changed.
"""

from __future__ import annotations

from itertools import combinations

import pytest

from mootcourt import Case, evaluate, load_case
from mootcourt.doctrine import PARAMETERS


def _nearby_worlds(case: Case):
    record = case.record_world()
    ids = list(case.toggles)
    yield record
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
    case = load_case("liu-v-platform-2024")
    assert _witness(case, param) is not None, f"{param} never changes a result"


def test_temporal_anchor_values_each_matter() -> None:
    """act differs from continuing when the orders predate PIPL but the calls do not."""
    case = load_case("liu-v-platform-2024")
    world = case.record_world().with_toggles(orders_before_pipl=True)
    act = _results(case, world, "second_instance", "temporal_anchor", "act")
    harm = _results(case, world, "second_instance", "temporal_anchor", "harm")
    assert "uncertain" in act and "uncertain" not in harm
