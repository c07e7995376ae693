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


# issue 19: the presenter on a projector, for a screen reader too


def _all_names(p: Presenter) -> list[str]:
    """Every tooltip, description and option label a person can meet in the presenter."""
    import ipywidgets as widgets

    names: list[str] = []
    stack: list[widgets.Widget] = [p]
    while stack:
        w = stack.pop()
        stack += [c for c in getattr(w, "children", ()) if isinstance(c, widgets.Widget)]
        for attr in ("tooltip", "description"):
            value = getattr(w, attr, None)
            if isinstance(value, str) and value:
                names.append(value)
        names += [str(t) for t in getattr(w, "tooltips", ()) or ()]
        names += [str(label) for label in getattr(w, "_options_labels", ()) or ()]
    return names


def test_the_live_region_says_each_reveal_and_the_position(liu) -> None:
    p = Presenter(liu)
    said = [p.live.text]
    assert "0 of 12" in said[0]
    for _ in range(len(p.steps.order)):
        p.next_button.click()
        assert p.live.text not in said, "each Next is announced afresh"
        said.append(p.live.text)
    level, issue = p.steps.order[0]
    assert liu.levels[level].label("en") in said[1] and liu.issue_label(issue, "en") in said[1]
    assert "1 of 12" in said[1]
    split = p.state.judgment.divergence
    at = [tuple(r) for r in p.steps.order].index((split.levels[1], split.issue)) + 1
    assert "part ways" in said[at] and all(
        "part ways" not in s for i, s in enumerate(said) if i != at
    )
    p.language.value = "zh-CN"
    assert re.search(r"[\u4e00-\u9fff]", p.live.text)


def test_the_grid_is_a_table_and_the_page_is_named(liu) -> None:
    p = Presenter(liu, "zh-CN")
    rules = dict((sel, attrs) for sel, attrs in p.semantics.rules)
    assert rules[".mc-grid"]["role"] == "table" and rules[".mc-grid"]["aria-label"]
    assert rules[".mc-grid > .mc-row"] == {"role": "row"}
    assert {rules[s]["role"] for s in (".mc-grid .mc-cell", ".mc-grid .mc-banner")} == {"cell"}
    assert rules[".mc-grid .mc-colhead"]["role"] == "columnheader"
    assert rules[".mc-grid .mc-rowhead"]["role"] == "rowheader"
    assert rules[".mc-present-controls"]["role"] == "navigation"
    assert ["#rendered_cells", {"role": "main"}] in p.semantics.page_rules
    rows = p.grid.grid.children
    assert all("mc-row" in _classes(r) for r in rows), "every grid child is a row"
    assert liu.title("zh-CN") in p.semantics.title and "模拟法庭" in p.semantics.title
    p.language.value = "en"
    assert p.semantics.title.endswith("Moot Court Kit")


def test_no_id_reaches_a_person(liu, pang) -> None:
    from mootcourt.ui.aria import ID_LIKE

    for case in (liu, pang):
        for lang in ("en", "zh-CN"):
            p = Presenter(case, lang)
            p.all_button.click()
            p.open_inputs.value = True  # the drawer's controls too
            for issue, defendant in [(i, d) for d in case.defendants for i in ("fault", "remedy")]:
                p.state.select(issue, defendant)
            names = _all_names(p)
            texts = [p.reading.value, p.live.text, p.announce.value]
            assert not [n for n in names if ID_LIKE.match(n.strip())], case.id
            assert not any("title=" in t for t in texts), "no tooltip made of an id"
            for sel, attrs in p.semantics.rules:
                for value in attrs.values():
                    assert value is None or not ID_LIKE.match(value), (sel, value)


def test_the_side_column_shows_one_thing_at_a_time(liu) -> None:
    p = Presenter(liu)
    assert p.side == "reading" and p.reading.layout.display is None
    p.all_button.click()
    p.open_hypotheticals.value = True
    assert p.side == "hypotheticals" and not p.show_reading.value
    assert p.reading.layout.display == "none" and p.hypotheticals_pane.layout.display is None
    p.open_inputs.value = True
    assert p.side == "inputs" and not p.open_hypotheticals.value
    assert p.drawer.layout.display is None and p.hypotheticals_pane.layout.display == "none"
    p._toggle("alias_on_waybills", False)  # a change in the drawer: the grid shows it at once
    assert hooks.NOT_LIABLE in _classes(p.grid.banners["second_instance"])
    p.previous_button.click()
    assert p.side == "reading", "a step brings the reasoning back"


def test_one_defendant_at_a_time_with_a_switch(pang) -> None:
    p = Presenter(pang, "en")
    first, second = pang.defendants
    assert p.shown_defendant == first
    assert [label for label, _ in p.defendant_switch.options] == [
        "Qunar",
        "China Eastern",
        "All defendants",
    ]

    def shown(d: str) -> bool:
        return all(r.layout.display is None for r in p.grid.defendant_rows[d][1:])

    assert shown(first) and not shown(second)
    assert p.grid.defendant_rows[first][0].layout.display == "none", "no heading row for one"
    p.defendant_switch.value = second
    assert shown(second) and not shown(first) and p.state.defendant == second
    p.defendant_switch.value = "*"
    assert p.shown_defendant is None and shown(first) and shown(second)
    assert "mc-all-defendants" in _classes(p)
    p.language.value = "zh-CN"
    assert p.defendant_switch.value == "*" and p.defendant_switch.options[-1][0] == "全部被告"


def test_a_split_on_a_defendant_not_shown_switches_to_it(pang) -> None:
    p = Presenter(pang, "en")
    split = p.state.judgment.divergences[0]
    other = next(d for d in pang.defendants if d != split.defendant)
    p.defendant_switch.value = other
    while p.steps.announcement < 0:
        p.next_button.click()
    assert p.shown_defendant == split.defendant
    assert split.defendant in p.live.text or pang.label(split.defendant, "en") in p.live.text


def test_liu_has_one_defendant_and_no_switch(liu) -> None:
    p = Presenter(liu)
    assert p.defendant_switch.layout.display == "none" and p.shown_defendant is None
