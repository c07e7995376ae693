"""The presenter in plain Python: set a value, check the state and the classes it leaves."""

from __future__ import annotations

import re

import pytest

from mootcourt import load_case
from mootcourt.ui import hooks
from mootcourt.ui.presenter import COVERED, Presenter


def _classes(widget) -> set[str]:
    return set(widget._dom_classes)


def _texts(p: Presenter) -> str:
    parts = [p.title.value, p.position.value, p.reading.value, p.announce.value, p.why.value]
    parts += [p.record.description, p.next_button.description, p.previous_button.description]
    parts += [b.description for b in p.hypotheticals.values()]
    parts += [c.value for c in p.grid.cells.values()] + [b.value for b in p.grid.banners.values()]
    return "\n".join(parts)


def test_everything_starts_covered(liu) -> None:
    p = Presenter(liu)
    assert all(COVERED in _classes(c) for c in p.grid.cells.values())
    for banner in p.grid.banners.values():
        assert not {hooks.LIABLE, hooks.NOT_LIABLE} & _classes(banner), "the verdict is covered"
    assert p.previous_button.disabled and not p.next_button.disabled
    assert {"mc-presenter", "mc-explorer"} <= _classes(p)


def test_next_reveals_one_issue_of_one_court(liu) -> None:
    p = Presenter(liu)
    p.next_button.click()
    level, issue = p.steps.order[0]
    cell = p.grid.cells[(level, "platform", issue)]
    assert COVERED not in _classes(cell) and any(c.startswith("mc-result-") for c in _classes(cell))
    covered = [k for k, c in p.grid.cells.items() if COVERED in _classes(c)]
    assert len(covered) == len(p.grid.cells) - 1


def test_the_split_is_announced_when_reached_and_marked_only_then(liu) -> None:
    p = Presenter(liu)
    split = p.state.judgment.divergence
    while tuple(p.steps.order[p.steps.position - 1] if p.steps.position else ()) != (
        split.levels[1],
        split.issue,
    ):
        assert not p.announce.value
        assert not any(hooks.DIVERGENT in _classes(h) for h in p.grid.issue_heads.values())
        p.next_button.click()
    assert p.announce.value and split.reason("en") in p.announce.value.replace("&#x27;", "'")
    assert hooks.DIVERGENT in _classes(p.grid.issue_heads[(split.defendant, split.issue)])
    p.next_button.click()
    assert not p.announce.value, "announced once, at the split"


def test_arrow_keys_step_through(liu) -> None:
    p = Presenter(liu)
    p.arrows.next += 1
    p.arrows.next += 1
    assert p.steps.position == 2
    p.arrows.previous += 1
    assert p.steps.position == 1


def test_one_click_hypothetical_and_the_record(liu) -> None:
    p = Presenter(liu)
    p.all_button.click()
    second = p.grid.banners["second_instance"]
    assert hooks.LIABLE in _classes(second)
    alias = next(
        i for i, s in enumerate(liu.scenarios) if s.toggles == {"alias_on_waybills": False}
    )
    assert alias in p.hypotheticals, "single-change scenarios are one click away"
    p.hypotheticals[alias].click()
    assert hooks.NOT_LIABLE in _classes(second)
    assert "mc-active" in _classes(p.hypotheticals[alias]) and p.why.value
    assert p.steps.finished, "flipping a fact keeps what the room has seen"
    p.record.click()
    assert hooks.LIABLE in _classes(second) and not p.why.value


def test_only_single_change_scenarios_are_offered(liu) -> None:
    p = Presenter(liu)
    assert p.hypotheticals
    assert all(liu.scenarios[i].changes == 1 for i in p.hypotheticals)


def test_language_switch_rewrites_every_text(liu) -> None:
    p = Presenter(liu)
    p.all_button.click()
    english = _texts(p)
    p.language.value = "zh-CN"
    chinese = _texts(p)
    assert english != chinese
    assert re.search(r"[\u4e00-\u9fff]", p.next_button.description)
    assert not re.search(r"\bui\.[a-z_.]+", chinese), "a catalogue key leaked"


def test_two_defendants(pang) -> None:
    p = Presenter(pang, "zh-CN")
    p.all_button.click()
    assert {d for (_, d, _) in p.grid.cells} == set(pang.defendants)
    assert not any(COVERED in _classes(c) for c in p.grid.cells.values())


def test_from_environment_reads_what_present_passed(monkeypatch) -> None:
    monkeypatch.setenv("MOOTCOURT_CASE", "pang-v-qunar-2017")
    monkeypatch.setenv("MOOTCOURT_LANG", "en")
    monkeypatch.setenv("MOOTCOURT_THEME", "dark")
    monkeypatch.setenv("MOOTCOURT_LARGE", "1")
    monkeypatch.setenv("QUERY_STRING", "lang=zh-CN")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    p = Presenter.from_environment()
    assert p.case.id == "pang-v-qunar-2017" and p.state.lang == "zh-CN"
    assert {"mc-theme-dark", "mc-large"} <= _classes(p)


def test_bad_theme_is_refused(liu) -> None:
    with pytest.raises(ValueError, match="light, dark"):
        Presenter(liu, theme="sepia")


def test_repr_is_deterministic(liu) -> None:
    assert repr(Presenter(liu)) == "<Presenter liu-v-platform-2024 lang=en revealed=0/12>"


def test_every_case_presents(case) -> None:
    p = Presenter(load_case(case.id))
    p.all_button.click()
    assert len(p.grid.banners) == len(case.levels)


def test_the_explorer_inputs_are_there_and_flip_the_appeal(liu) -> None:
    p = Presenter(liu)
    assert p.inputs is None, "the inputs are built only when opened"
    p.open_inputs.value = True
    assert p.inputs is not None and p.inputs.layout.display is None
    p.language.value = "zh-CN"
    assert p.inputs.get_title(0) != "Evidence"
    p.all_button.click()
    p._toggle("alias_on_waybills", False)
    assert hooks.NOT_LIABLE in _classes(p.grid.banners["second_instance"])
    p._toggle("fraud_calls", False)  # cascades, never raises
    assert not p.state.world["callers_named_platform"]


def test_one_defendant_no_several_defendants_control(liu, pang) -> None:
    from mootcourt.ui import Explorer

    liu_params = {c.param for lv in Explorer(liu).doctrine.levels for c in lv.choices}
    pang_params = {c.param for lv in Explorer(pang).doctrine.levels for c in lv.choices}
    assert "several_defendants" not in liu_params and "several_defendants" in pang_params


def test_see_also_rules_are_shown_apart_from_the_courts_grounds(liu) -> None:
    from mootcourt import evaluate
    from mootcourt.ui import Explorer

    judgment = evaluate(liu, liu.record_world())
    step = next(s for lv in judgment.levels for s in lv.steps if s.see_also)
    x = Explorer(liu)
    x.state.select(step.issue, step.defendant)
    column = x.reading.columns[step.level].value
    assert "mc-see-also" in column
    assert column.index("mc-see-also") > column.index("mc-chips")
