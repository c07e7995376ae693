"""Issue 19, items 9 to 11, as widget state (no browser): the quiz names statutes, the What-if
tab explains its marks and splits a case of several defendants by defendant, the explorer drops
its "changed" marks once back at the record, and each input tab scrolls on its own. What only
a browser can show (a radio beside its text, a result on one line) is in
`tests/browser/test_lessons_layout.py`."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from mootcourt import Case
from mootcourt.ui import Explorer
from mootcourt.ui.quiz import CSS as QUIZ_CSS
from mootcourt.ui.quiz import Quiz
from mootcourt.ui.style import style

RAW_STATUTE_ID = re.compile(r"\b[a-z]+(?:-[a-z0-9]+)*-\d+(?:\(\d+\))*")


def _whatif(case: Case, lang: str) -> Explorer:
    explorer = Explorer(case, lang)
    explorer.tabs.selected_index = len(explorer.tabs.children) - 1  # the What-if tab
    explorer.settle()
    return explorer


def _changed(widget: widgets.Widget) -> list[widgets.Widget]:
    found = []
    stack = [widget]
    while stack:
        w = stack.pop()
        if "mc-changed" in getattr(w, "_dom_classes", ()):
            found.append(w)
        stack.extend(getattr(w, "children", ()))
    return found


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_revealed_quiz_cites_statutes_by_name(liu: Case, lang: str) -> None:
    quiz = Quiz(liu, "second_fault", lang=lang)
    quiz.choice, quiz.reason = "rebutted", "Filings suffice."
    quiz.reveal()
    rules = re.search(r'<div class="mc-quiz-rules">(.*?)</div>', quiz.answer.value)
    assert rules, "the court's rules are shown"
    assert not RAW_STATUTE_ID.search(rules.group(1)), rules.group(1)
    assert liu.law.citation("pipl-69(1)", lang) in rules.group(1)


def test_a_quiz_puts_each_radio_before_its_text() -> None:
    """ipywidgets floats the radio after its text: a long option's text then sat above it."""
    assert "order: -1" in QUIZ_CSS and "float: none" in QUIZ_CSS


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_the_whatif_legend_explains_its_marks(liu: Case, lang: str) -> None:
    panel = _whatif(liu, lang).whatif
    html = panel.now.value
    assert 'class="mc-wi-dim mc-wi-legend"' in html
    legend = re.search(r'mc-wi-legend">(.*?)</p>', html).group(1)
    assert "·" in legend and "→" in legend
    # every "·" cell also says it in words for a screen reader
    dots = html.count('<span aria-hidden="true">·</span>')
    assert dots > 0
    assert html.count('<span class="mc-wi-hidden">') == dots
    # "→ not liable" is one unbreakable piece: the court's column is as wide as the result
    assert '<span class="mc-wi-after">→ <span class="mc-wi-' in html


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_the_whatif_for_pang_has_one_now_row_per_defendant(pang: Case, lang: str) -> None:
    explorer = _whatif(pang, lang)
    html = explorer.whatif.now.value
    for d in pang.defendants:
        assert html.count(f"mc-wi-now-{d}") == 1, d
        assert pang.label(d, lang) in html
    assert html.count("mc-wi-legend") == 2, "the legend and what a court's result means"


def test_the_whatif_for_one_defendant_keeps_one_now_row(liu: Case) -> None:
    html = _whatif(liu, "en").whatif.now.value
    assert html.count("mc-wi-now-row") == 1
    assert "mc-wi-now-platform" not in html


def test_back_to_the_record_drops_every_changed_mark(liu: Case) -> None:
    explorer = Explorer(liu, "en")
    explorer.state.set_toggle("alias_on_waybills", False)
    explorer.state.set_doctrine("first_instance", "attribution", "field_level")
    assert explorer.state.changed and _changed(explorer)
    explorer.inputs.reset()
    assert explorer.state.world == liu.record_world()
    assert explorer.state.changed == frozenset()
    assert _changed(explorer) == [], "a cell back at the record still says it changed"


def test_undoing_the_last_change_is_back_at_the_record_too(liu: Case) -> None:
    explorer = Explorer(liu, "en")
    explorer.state.set_toggle("alias_on_waybills", False)
    assert explorer.state.changed
    explorer.state.set_toggle("alias_on_waybills", True)
    assert explorer.state.changed == frozenset()
    explorer.state.set_toggle("fraud_calls", False)
    assert explorer.state.changed, "a change away from the record is still marked"


def test_each_input_tab_scrolls_on_its_own() -> None:
    """The tab pages, not the shared tab container, are the scroll boxes: a browser keeps a
    hidden box's scroll position, so a tab is where the student left it."""
    css = style().value
    assert ".widget-tab > .widget-tab-contents > .lm-Widget" in css
    page_rule = css.split(".widget-tab > .widget-tab-contents > .lm-Widget {", 1)[1]
    assert "overflow-y: auto" in page_rule.split("}", 1)[0]
