"""The What-if tab appears exactly when `mootcourt.ui.whatif` exists, and its `flips` mark the
toggles on the evidence board. A stand-in panel plays the analysis's part here."""

from __future__ import annotations

import sys
import types

import ipywidgets as widgets
import pytest
import traitlets

from mootcourt import Case
from mootcourt.ui import Explorer


class StandInPanel(widgets.VBox):
    flips = traitlets.Dict()

    def __init__(self, case: Case, lang: str) -> None:
        super().__init__()
        self.shown: list[tuple[object, str]] = []

    def __repr__(self) -> str:
        return "<StandInPanel>"

    def show(self, judgment: object, lang: str, report: object = None, pending: bool = False):
        self.shown.append((judgment, lang))


@pytest.fixture
def whatif_module(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("mootcourt.ui.whatif")
    module.WhatIfPanel = StandInPanel  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mootcourt.ui.whatif", module)


def test_no_module_no_tab(liu: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mootcourt.ui.whatif", None)  # import fails as if absent
    x = Explorer(liu, lang="en")
    assert x.whatif is None
    assert len(x.tabs.children) == 3


def test_the_panel_gets_a_tab_every_judgment_and_marks_toggles(liu: Case, whatif_module) -> None:
    x = Explorer(liu, lang="en")
    panel = x.whatif
    assert isinstance(panel, StandInPanel)
    assert x.tabs.children[-1] is panel and x.tabs.titles[-1] == "What-if"
    x.evidence.rows["alias_on_waybills"].checkbox.value = False
    assert panel.shown[-1] == (x.state.judgment, "en")
    panel.flips = {"data_flow_statement": ["second_instance"]}
    meta = x.evidence.rows["data_flow_statement"].meta.value
    assert "would change" in meta and "Second instance" in meta
    assert "would change" not in x.evidence.rows["fraud_calls"].meta.value
    x.language.value = "zh-CN"
    assert panel.shown[-1][1] == "zh-CN" and x.tabs.titles[-1] != "What-if"
    assert "会改变" in x.evidence.rows["data_flow_statement"].meta.value
