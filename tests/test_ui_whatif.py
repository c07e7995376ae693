"""The What-if tab: its marks beside each toggle match `mootcourt explain` for the same world
and doctrine, it follows every input (after the courts, never inside the click), and it speaks
each language without stray keys."""

from __future__ import annotations

import json
import re

import pytest

from mootcourt import Case
from mootcourt.cli import main
from mootcourt.engine import counting
from mootcourt.ui import Explorer


def cli_flips(capsys, case: Case, world, doctrine: list[str]) -> dict[str, tuple[str, ...]]:
    argv = ["explain", case.id, "--json"]
    for t, v in world.changed_from(case.record_world()).items():
        argv += ["--set", f"{t}={'on' if v else 'off'}"]
    for item in doctrine:
        argv += ["--doctrine", item]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    return {
        e["toggle"]: tuple(lv for lv, c in e["levels"].items() if c["changes"])
        for e in data["sensitivity"]
    }


CHANGES = [
    ({}, []),
    ({"alias_on_waybills": False}, []),
    ({"fraud_calls": False}, []),
    ({"logistics": False, "payment": False}, []),
    ({}, ["second_instance.attribution=party_level"]),
]


@pytest.mark.parametrize(("toggles", "doctrine"), CHANGES)
def test_whatif_marks_match_the_cli_sensitivity(capsys, liu: Case, toggles, doctrine) -> None:
    explorer = Explorer(liu, "en")
    assert explorer.whatif is not None
    explorer.tabs.selected_index = len(explorer.tabs.children) - 1  # the What-if tab
    for t, v in toggles.items():
        explorer.state.set_toggle(t, v)
    for item in doctrine:
        target, value = item.split("=")
        level, param = target.split(".")
        explorer.state.set_doctrine(level, param, value)
    explorer.settle()  # what the event loop's next turn does after an input
    expected = cli_flips(capsys, liu, explorer.judgment.world, doctrine)
    assert explorer.flips == expected
    assert {k: tuple(v) for k, v in explorer.whatif.flips.items()} == expected


def test_pang_marks_match_the_cli(capsys, pang: Case) -> None:
    explorer = Explorer(pang, "zh-CN")
    explorer.state.request_whatif()
    explorer.settle()
    assert explorer.flips == cli_flips(capsys, pang, explorer.judgment.world, [])


def test_panel_follows_inputs_and_languages(liu: Case) -> None:
    explorer = Explorer(liu, "en")
    panel = explorer.whatif
    assert repr(panel) == "<WhatIfPanel liu-v-platform-2024 lang=en>"
    assert panel.now.value == "" and explorer.state.whatif is None, "nothing before it is asked"
    explorer.tabs.selected_index = len(explorer.tabs.children) - 1
    assert "Computing" in panel.status.value
    explorer.settle()
    before = panel.now.value
    assert "mc-wi-flip-alias_on_waybills" in before and panel.status.value == ""
    explorer.evidence.rows["alias_on_waybills"].checkbox.value = False
    assert "Computing" in panel.status.value and "mc-wi-stale" in panel.now._dom_classes
    explorer.settle()
    assert panel.now.value != before and "mc-wi-stale" not in panel.now._dom_classes
    assert panel.every.value == ""
    panel.details.value = True
    assert "finds the platform liable exactly when" in panel.every.value
    explorer.language.value = "zh-CN"
    for widget in (panel.now, panel.moves, panel.every):
        assert "当且仅当" in panel.every.value
        assert not re.search(r"\b(analysis|ui)\.[a-z_.]+", widget.value), widget.value[:200]
        assert "{" not in widget.value
    assert panel.details.description == "所有情形与充要条件"


def test_the_whatif_is_never_computed_inside_a_click(pang: Case) -> None:
    """Counted at the engine: a click runs each court once, the What-if nothing until the
    loop's next turn (`settle`); a language switch or a selection runs nothing at all; a
    world seen before is answered from the state's cache."""
    x = Explorer(pang, "en")
    x.tabs.selected_index = len(x.tabs.children) - 1
    x.settle()
    first = x.state.whatif
    assert first is not None
    toggle = next(t for t in pang.toggles if not x.state.world.blocked_by(t))
    with counting() as runs:
        x.evidence.rows.get(toggle, x.parties.party_rows.get(toggle)).checkbox.value ^= True
    assert (runs.judgments, runs.levels) == (1, len(pang.levels))
    assert x.state.whatif is None and x.state.whatif_pending
    with counting() as runs:
        x.settle()
    assert runs.levels > 0 and x.state.whatif is not None and not x.state.whatif_pending
    with counting() as runs:
        x.language.value = "zh-CN"
        x.courts.issue_heads[(pang.defendants[0], "fault")].button.click()
    assert (runs.judgments, runs.levels) == (0, 0)
    with counting() as runs:
        x.evidence.rows.get(toggle, x.parties.party_rows.get(toggle)).checkbox.value ^= True
        x.settle()
    assert (runs.judgments, runs.levels) == (1, len(pang.levels)), "the record world is kept"
    assert x.state.whatif is first


def test_the_explorer_does_not_import_sympy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mootcourt import load_case\n"
        "from mootcourt.ui import Explorer\n"
        "x = Explorer(load_case('pang-v-qunar-2017'), 'en')\n"
        "print('sympy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
