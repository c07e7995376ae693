"""Every scenario in every case's scenarios.yaml comes out as its author expected."""

from __future__ import annotations

import pytest

from mootcourt import evaluate, load_case
from mootcourt.scenarios import run

from .conftest import CASE_IDS

SCENARIOS = [
    pytest.param(case_id, i, id=f"{case_id}:{s.name}")
    for case_id in CASE_IDS
    for i, s in enumerate(load_case(case_id).scenarios)
]


@pytest.mark.parametrize(("case_id", "index"), SCENARIOS)
def test_scenario(case_id: str, index: int) -> None:
    case = load_case(case_id)
    scenario = case.scenarios[index]
    _, wrong = run(case, scenario)
    assert not wrong, f"{scenario.name}: " + "; ".join(wrong)


def test_every_scenario_explains_itself_in_both_languages() -> None:
    for case_id in CASE_IDS:
        for s in load_case(case_id).scenarios:
            assert s.why.en.strip() and s.why.zh_CN.strip(), s.name


def _outcome(judgment):
    return [(lv.id, s.defendant, s.issue, s.result) for lv in judgment.levels for s in lv.steps]


def test_liu_has_ten_single_change_scenarios_that_change_a_result() -> None:
    case = load_case("liu-v-platform-2024")
    record = _outcome(evaluate(case, case.record_world()))
    changing = []
    for s in case.scenarios:
        if s.changes != 1:
            continue
        judgment = evaluate(case, case.record_world().with_toggles(s.toggles), s.doctrine)
        if _outcome(judgment) != record:
            changing.append(s.name)
    assert len(changing) >= 10, changing
