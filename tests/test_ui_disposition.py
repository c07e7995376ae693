"""Each court's orders on screen (issue 17): the explorer's reading pane and the presenter's
last step show one `mc-disposition` element per court, in the page's language, with the
engine's own words and the "as decided" line; a changed world changes them."""

from __future__ import annotations

import re

import pytest

from mootcourt.engine.orders import orders
from mootcourt.ui import Explorer
from mootcourt.ui.disposition import DISPOSITION, disposition_class
from mootcourt.ui.presenter import Presenter

LANGS = ("en", "zh-CN")


def _elements(html: str) -> list[str]:
    return re.findall(rf'class="{DISPOSITION} ({DISPOSITION}-[\w-]+)"', html)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&quot;", '"')


@pytest.mark.parametrize("lang", LANGS)
def test_the_reading_pane_shows_every_courts_orders(liu, lang: str) -> None:
    ex = Explorer(liu, lang=lang)
    judgment = ex.state.judgment
    for level_id, column in ex.reading.columns.items():
        assert _elements(column.value) == [disposition_class(level_id)], "one per court"
        text = _plain(column.value)
        assert orders(judgment, level_id, lang) in text
        assert ("= 与实际判决一致" if lang == "zh-CN" else "= as decided") in text
    zh = "驳回刘某的全部诉讼请求" in _plain(ex.reading.columns["first_instance"].value)
    assert zh == (lang == "zh-CN")


def test_a_changed_world_changes_the_orders_and_the_language_too(liu) -> None:
    ex = Explorer(liu, lang="en")
    before = ex.reading.columns["second_instance"].value
    assert "set aside" in _plain(before) and "apology" in _plain(before)
    ex.state.set_toggle("alias_on_waybills", False)
    after = _plain(ex.reading.columns["second_instance"].value)
    assert "appeal of Liu is dismissed" in after and "affirmed" in after
    assert "≠" in after, "the world no longer gives what the court decided"
    ex.state.lang = "zh-CN"
    assert "驳回上诉，维持原判" in _plain(ex.reading.columns["second_instance"].value)


@pytest.mark.parametrize("lang", LANGS)
def test_the_presenters_last_step_shows_every_courts_orders(pang, lang: str) -> None:
    p = Presenter(pang, lang=lang)
    assert not _elements(p.reading.value), "covered until the last step"
    while not p.steps.finished:
        p.next_button.click()
    found = _elements(p.reading.value)
    assert found == [disposition_class(level) for level in pang.levels]
    text = _plain(p.reading.value)
    for level in pang.levels:
        assert orders(p.state.judgment, level, lang) in text
    p.previous_button.click()
    assert not _elements(p.reading.value)
