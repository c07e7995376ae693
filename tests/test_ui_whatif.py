"""The What-if tab: its marks beside each toggle match `mootcourt explain` for the same world
and doctrine, it follows every input, and it speaks each language without stray keys."""

from __future__ import annotations

import json
import re

import pytest

from mootcourt import Case
from mootcourt.cli import main
from mootcourt.ui import Explorer
from mootcourt.ui.whatif import WhatIfPanel


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
    for t, v in toggles.items():
        explorer.state.set_toggle(t, v)
    for item in doctrine:
        target, value = item.split("=")
        level, param = target.split(".")
        explorer.state.set_doctrine(level, param, value)
    expected = cli_flips(capsys, liu, explorer.judgment.world, doctrine)
    assert explorer.flips == expected
    assert {k: tuple(v) for k, v in explorer.whatif.flips.items()} == expected


def test_pang_marks_match_the_cli(capsys, pang: Case) -> None:
    explorer = Explorer(pang, "zh-CN")
    assert explorer.flips == cli_flips(capsys, pang, explorer.judgment.world, [])


def test_panel_follows_inputs_and_languages(liu: Case) -> None:
    panel = WhatIfPanel(liu, "en")
    assert repr(panel) == "<WhatIfPanel liu-v-platform-2024 lang=en>"
    explorer = Explorer(liu, "en")
    panel.show(explorer.judgment, "en")
    before = panel.now.value
    assert "mc-wi-flip-alias_on_waybills" in before
    explorer.state.set_toggle("alias_on_waybills", False)
    panel.show(explorer.judgment, "en")
    assert panel.now.value != before
    assert panel.every.value == ""
    panel.details.value = True
    assert "finds the platform liable exactly when" in panel.every.value
    panel.show(explorer.judgment, "zh-CN")
    for widget in (panel.now, panel.moves, panel.every):
        assert "当且仅当" in panel.every.value
        assert not re.search(r"\b(analysis|ui)\.[a-z_.]+", widget.value), widget.value[:200]
        assert "{" not in widget.value
    assert panel.details.description == "所有情形与充要条件"


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
